// Builds every bundle: the extension (node/cjs, `vscode` external), the standalone sandbox,
// the webview scripts (browser) and the test bundles. One esbuild pass, --watch to keep going.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, mkdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const root = new URL('..', import.meta.url).pathname;
// --only=<path prefix>[,<prefix>] builds just the entry points under those prefixes (handy while other parts are mid-edit).
const only = [...args].find((a) => a.startsWith('--only='))?.slice(7).split(',');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
  absWorkingDir: root,
};

// re2js (the AllowedPattern engine) is its own bundle, dist/re2.js, required on first use: inside
// extension.js its 150 KB would be parsed at every activation. Test bundles keep it from node_modules.
const re2Bundle = {
  name: 're2-bundle',
  setup(build) {
    build.onResolve({ filter: /^re2js$/ }, () => ({ path: './re2.js', external: true }));
  },
};
const dist = { ...node, plugins: [re2Bundle] };

function filesUnder(dir, suffix) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f));
}

const builds = [
  { ...dist, entryPoints: { 'sandbox-cli': 'src/sandbox/cli.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { re2: 're2js' }, outdir: 'dist' },
];
if (!args.has('--sandbox-only')) {
  if (existsSync(join(root, 'src/extension.ts'))) {
    // The SDK-heavy parts, and the forms, stack rows and spec files activation does not show, are separate bundles the extension
    // requires on first use (fast activation; connections/lazyModules.ts).
    builds.push({
      ...dist, outdir: 'dist',
      entryPoints: { extension: 'src/extension.ts', aws: 'src/aws/index.ts', cloudformation: 'src/aws/cloudformation/index.ts', sandbox: 'src/sandbox/index.ts', forms: 'src/provisioning/formPanels.ts', stacks: 'src/products/stackRowNodes.ts', records: 'src/records/recordTracker.ts', specs: 'src/specs/specsBundle.ts' },
    });
  }
  // One folder per page, each with its main.ts; media/shared holds what the pages share.
  const webviewEntries = filesUnder('media', '/main.ts');
  if (webviewEntries.length) {
    builds.push({
      bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: production,
      sourcemap: production ? false : 'linked', logLevel: 'warning', absWorkingDir: root,
      entryPoints: webviewEntries, outdir: 'dist/media', outbase: 'media',
    });
  }
  if (!production) {
    // Tests: each file its own bundle; node_modules stay external so mocha/SDK load once.
    const testEntries = [
      ...filesUnder('test/unit', '.test.ts'),
      ...filesUnder('test/integration', '.ts'),
      ...filesUnder('test/e2e', '.ts'),
      ...filesUnder('bench', '.ts'),
    ];
    if (testEntries.length) {
      builds.push({ ...node, entryPoints: testEntries, outdir: 'out', outbase: '.', packages: 'external' });
    }
  }
}

if (only) {
  for (const b of builds) {
    const entries = Object.entries(Array.isArray(b.entryPoints) ? Object.fromEntries(b.entryPoints.map((e) => [e, e])) : b.entryPoints)
      .filter(([, file]) => only.some((p) => file.startsWith(p)));
    b.entryPoints = Array.isArray(b.entryPoints) ? entries.map(([, f]) => f) : Object.fromEntries(entries);
  }
  builds.splice(0, builds.length, ...builds.filter((b) => Object.keys(b.entryPoints).length));
}

mkdirSync(join(root, 'dist'), { recursive: true });
const codicons = join(root, 'node_modules/@vscode/codicons/dist');
if (existsSync(codicons)) cpSync(codicons, join(root, 'dist/codicons'), { recursive: true });

if (watch) {
  // A start line and an end line around each rebuild, and between them every problem of every bundle
  // as one `file:line:column: error|warning: text` line (the bundles' current state, not just the one
  // that rebuilt): what the problem matcher of the `npm: watch` task in .vscode/tasks.json reads.
  // esbuild's own report stays above them for people.
  let running = 1; // held until every context has started, so the first "finished" covers them all
  const problems = new Map(); // bundle index -> its last result's problem lines
  const started = () => {
    if (running++ === 0) console.log('[watch] build started');
  };
  const ended = (index, result) => {
    if (result) {
      const line = (severity) => (m) => `${m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}` : 'scripts/build.mjs:1:1'}: ${severity}: ${m.text}`;
      problems.set(index, [...result.errors.map(line('error')), ...result.warnings.map(line('warning'))]);
    }
    if (--running > 0) return;
    const lines = [...new Set([...problems.values()].flat())];
    for (const l of lines) console.log(l);
    const errors = lines.filter((l) => / error: /.test(l)).length;
    console.log(`[watch] build finished${errors ? ` with ${errors} error${errors > 1 ? 's' : ''}` : ''}`);
  };
  const reporter = (index) => ({ name: 'watch-reporter', setup: (build) => { build.onStart(started); build.onEnd((r) => ended(index, r)); } });
  console.log('[watch] watching src, media, test and bench (Ctrl-C to stop)');
  console.log('[watch] build started');
  for (const [i, b] of builds.entries()) await (await esbuild.context({ ...b, plugins: [...(b.plugins ?? []), reporter(i)] })).watch();
  ended();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
