// Entry point of the integration suite inside the VS Code extension host (extensionTestsPath).
// Both launchers load it: @vscode/test-electron (desktop VS Code) and scripts/runIntegration.mjs
// (VS Code server + Chromium). Runs mocha (bdd: describe/it) over every out/test/integration/**/*.test.js.
//
// Env (set for the launcher; the extension host inherits it):
//   SCE_TEST_GREP     only run tests whose full title matches this regexp
//   SCE_TEST_TIMEOUT  per-test timeout in ms (default 60000)
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export const SUITE_START = '[sce-integration] suite start';
export const SUITE_END = '[sce-integration] suite end';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: Number(process.env.SCE_TEST_TIMEOUT) || 60_000,
    color: false, // output goes through the workbench log, not a terminal
    reporter: 'spec',
  });
  if (process.env.SCE_TEST_GREP) mocha.grep(new RegExp(process.env.SCE_TEST_GREP));

  // This file is out/test/integration/index.js; the test bundles sit next to it.
  // connection.test.js first: it checks the signed-out start before any test connects.
  const first = (f: string) => (path.basename(f) === 'connection.test.js' ? 0 : 1);
  const files = (fs.readdirSync(__dirname, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .sort((a, b) => first(a) - first(b) || a.localeCompare(b));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  if (!files.length) throw new Error(`no *.test.js files under ${__dirname}`);

  // Markers for scripts/runIntegration.mjs: in the VS Code server set-up the suite's console output
  // arrives mixed with workbench logs; the launcher prints what lies between these two lines.
  console.log(SUITE_START);
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      mocha.run(resolve);
    } catch (e) {
      reject(e);
    }
  });
  console.log(SUITE_END);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
