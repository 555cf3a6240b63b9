#!/usr/bin/env node
// Runs the e2e checks (out/test/e2e/**/*.e2e.js, built by scripts/build.mjs) with mocha in this
// process. Each file uses test/e2e/harness.ts, which starts the pinned VS Code server as `npm start` does
// (startWorkbenchServer: no test driver, real dialogs) with the repo as the extension under development
// and drives its workbench in headless Chromium (playwright-core).
//
//   node scripts/runE2e.mjs [--grep=REGEXP] [files…]     (files: paths of built .e2e.js, default all)
//
// Env: SCE_E2E_TIMEOUT_MS   whole-run bound (default 900000)
//      SCE_TEST_TIMEOUT     per-test mocha timeout in ms (default 120000)
//      SCE_TEST_GREP        like --grep
//      SCE_*, SANDBOX_*, AWS_* … all variables of this process reach the extension host
//      SCE_DEBUG_SERVER=1   echo the VS Code server's output;  SCE_HEADED=1  show the browser
// Screenshots (and browser console logs of failed tests) land in test-results/.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Mocha from 'mocha';
import {
  cleanup, ensureServerInstalled, installCleanupHandlers, repoRoot, serverInstalled, withTimeout,
} from './lib/vscodeServer.mjs';

const argv = process.argv.slice(2);
const grep = argv.find((a) => a.startsWith('--grep='))?.slice(7) ?? process.env.SCE_TEST_GREP;
const outDir = join(repoRoot, 'out/test/e2e');
const timeoutMs = Number(process.env.SCE_E2E_TIMEOUT_MS) || 15 * 60_000;
process.env.SCE_REPO_ROOT ??= repoRoot;

async function main() {
  installCleanupHandlers();
  let files = argv.filter((a) => !a.startsWith('--')).map((f) => resolve(f));
  if (!files.length) {
    if (!existsSync(outDir)) throw new Error(`${outDir} missing; run node scripts/build.mjs first`);
    files = readdirSync(outDir, { recursive: true }).map(String).filter((f) => f.endsWith('.e2e.js')).sort().map((f) => join(outDir, f));
  }
  if (!files.length) throw new Error(`no *.e2e.js files under ${outDir}`);
  if (!serverInstalled()) ensureServerInstalled();

  const mocha = new Mocha({ ui: 'bdd', timeout: Number(process.env.SCE_TEST_TIMEOUT) || 120_000, reporter: 'spec' });
  if (grep) mocha.grep(new RegExp(grep));
  for (const f of files) mocha.addFile(f);
  await mocha.loadFilesAsync();
  const failures = await withTimeout(new Promise((res) => mocha.run(res)), timeoutMs, 'e2e run');
  return failures ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (e) {
  console.error(`[run-e2e] ${e?.stack ?? e}`);
} finally {
  await cleanup(); // anything a harness left running (e.g. after a timeout)
}
process.exit(exitCode);
