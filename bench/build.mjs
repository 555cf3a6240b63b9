// The bench-only esbuild step: bundles each bench/*.ts to out/bench/ with `vscode` aliased to the
// stand-in in bench/stubs/vscode.ts, so the real tree code runs in plain Node. (scripts/build.mjs also
// bundles bench/**/*.ts, but with `vscode` external, and other people's builds rewrite out/ at any time: hence a directory of our own.)
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export async function buildBench() {
  const entries = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.ts')).map((f) => `bench/${f}`);
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [...entries, 'bench/stubs/vscode.ts'],
    outdir: 'out/bench-run',
    outbase: 'bench',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    packages: 'external',
    alias: { vscode: './bench/stubs/vscode.ts' },
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildBench();
