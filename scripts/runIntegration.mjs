#!/usr/bin/env node
// Runs the integration suite (out/test/integration/index.js, built by scripts/build.mjs) inside a
// real VS Code extension host, with the repo loaded as the extension under development.
//
//   node scripts/runIntegration.mjs [--workspace=DIR] [--extension-path=DIR]
//
// Two ways, same suite:
//   - desktop VS Code through @vscode/test-electron, when one is available: SCE_VSCODE_EXECUTABLE=<path
//     to the Electron binary>, a desktop `code` on PATH, or SCE_TEST_ELECTRON_DOWNLOAD=1 (test-electron
//     downloads VS Code $SCE_VSCODE_VERSION, default 1.100.3);
//   - otherwise (the usual case here) the pinned VS Code server from tools/vscode-server (installed on
//     first use) with its web workbench opened in headless Chromium via playwright-core.
//   SCE_VSCODE_MODE=server|electron forces one.
//
// Env: SCE_TEST_TIMEOUT_MS   whole-run bound (default 900000)
//      SCE_TEST_GREP         only tests whose title matches (read by the suite)
//      SCE_TEST_TIMEOUT      per-test mocha timeout in ms (read by the suite)
//      SANDBOX_TIME_SCALE    the embedded sandbox's speed (default 10 here)
//      SCE_*, SANDBOX_*, AWS_* … all variables of this process reach the extension host
//      SCE_DEBUG_SERVER=1    echo the VS Code server's output;  SCE_HEADED=1  show the browser (needs a display)
// Exit code: the suite's (0 pass, 1 fail); 1 on timeout or launcher error. Screenshot and workbench log
// of the server run land in test-results/.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'node:util';
import {
  cleaningUp, cleanup, ensureServerInstalled, installCleanupHandlers, launchBrowser, makeRunDir, repoRoot, screenshot,
  serverInstalled, startTestSuiteServer, tail, testResultsDir, which, withTimeout, workbenchUrl,
} from './lib/vscodeServer.mjs';

const argv = process.argv.slice(2);
const opt = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const extensionDevelopmentPath = resolve(opt('extension-path') ?? process.env.SCE_EXTENSION_PATH ?? repoRoot);
const extensionTestsPath = join(repoRoot, 'out/test/integration/index.js');
const timeoutMs = Number(process.env.SCE_TEST_TIMEOUT_MS) || 15 * 60_000;
// Must match test/integration/index.ts.
const SUITE_START = '[sce-integration] suite start';
const SUITE_END = '[sce-integration] suite end';
// Extra env for the extension host (everything in our own env reaches it anyway, e.g. SCE_*/SANDBOX_*).
// The sandbox at 10x real AWS (the setting's default is 5x): the suite's records take half as long,
// and every operation still runs long enough to be seen running. A SANDBOX_TIME_SCALE of our own wins.
const testEnv = { SANDBOX_TIME_SCALE: process.env.SANDBOX_TIME_SCALE ?? '10' };

/** The Electron binary behind a desktop `code` on PATH, if any (not code-server's or a remote CLI shim). */
function desktopCodeExecutable() {
  const cli = which('code');
  if (!cli) return undefined;
  const real = realpathSync(cli); // e.g. /usr/share/code/bin/code
  const app = dirname(dirname(real));
  return [join(app, 'code'), join(app, 'Code.exe'), join(dirname(dirname(app)), 'MacOS/Electron'), join(dirname(dirname(app)), 'MacOS/Code')]
    .find((p) => existsSync(p));
}

async function runWithElectron(executable, runDir, workspace) {
  const { runTests } = await import('@vscode/test-electron');
  console.log(`[run-integration] desktop VS Code via @vscode/test-electron (${executable ?? `download ${process.env.SCE_VSCODE_VERSION ?? '1.100.3'}`})`);
  try {
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: process.env.SCE_VSCODE_VERSION ?? '1.100.3' }),
      extensionDevelopmentPath,
      extensionTestsPath,
      extensionTestsEnv: testEnv,
      launchArgs: [
        workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        `--user-data-dir=${join(runDir, 'user-data')}`, `--extensions-dir=${join(runDir, 'extensions')}`,
      ],
    });
    return 0;
  } catch (e) {
    console.error(`[run-integration] ${e?.message ?? e}`);
    return 1;
  }
}

async function runWithServer(runDir, workspace) {
  if (!serverInstalled()) ensureServerInstalled();
  // The suite reports its exit code through the smoke-test driver; its tests do not use modal dialogs.
  const server = await startTestSuiteServer({ runDir, env: testEnv });
  console.log(`[run-integration] VS Code server on ${server.origin} + headless Chromium`);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  // The workbench reports the suite's exit code and forwards log lines (workbench + extension host console).
  const workbenchLog = [];
  let inSuite = false;
  let suiteStarted = false;
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    workbenchLog.push(`[${level}] ${line}`);
    if (line.includes(SUITE_START)) inSuite = suiteStarted = true;
    else if (line.includes(SUITE_END)) inSuite = false;
    else if (inSuite) process.stdout.write(`${line}\n`);
  });
  page.on('crash', () => resolveExit(1));
  page.on('close', () => resolveExit(1));

  const started = Date.now();
  await page.goto(workbenchUrl({ origin: server.origin, folder: workspace, extensionDevelopmentPath, extensionTestsPath }));
  let code;
  try {
    code = await withTimeout(exited, timeoutMs, 'integration suite');
  } catch (e) {
    console.error(`[run-integration] ${e.message}`);
    code = 1;
  }
  if (cleaningUp()) return 1; // interrupted: no diagnostics, just clean up
  console.log(`[run-integration] suite exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  mkdirSync(testResultsDir, { recursive: true });
  writeFileSync(join(testResultsDir, 'integration-workbench.log'), `${workbenchLog.join('\n')}\n`);
  if (code !== 0) {
    const shot = await screenshot(page, 'integration-failure');
    if (shot) console.error(`[run-integration] screenshot: ${shot}`);
    console.error(`[run-integration] workbench log: ${join(testResultsDir, 'integration-workbench.log')}`);
    if (!suiteStarted) {
      console.error('[run-integration] the suite never started; last workbench log lines:');
      console.error(workbenchLog.slice(-15).join('\n'));
      console.error(`[run-integration] server log (tail):\n${tail(server.logFile, 20)}`);
    }
  }
  return code;
}

async function main() {
  installCleanupHandlers();
  if (!existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} missing; run node scripts/build.mjs first`);
  const entry = JSON.parse(readFileSync(join(extensionDevelopmentPath, 'package.json'), 'utf8')).main;
  if (entry && !existsSync(join(extensionDevelopmentPath, entry))) {
    console.warn(`[run-integration] WARNING: ${entry} not built; the extension will fail to activate`);
  }
  const runDir = makeRunDir('sce-integration-');
  const workspace = resolve(opt('workspace') ?? process.env.SCE_TEST_WORKSPACE ?? join(runDir, 'workspace'));

  const mode = process.env.SCE_VSCODE_MODE ?? 'auto';
  if (mode !== 'server') {
    const executable = process.env.SCE_VSCODE_EXECUTABLE || desktopCodeExecutable();
    if (executable || process.env.SCE_TEST_ELECTRON_DOWNLOAD === '1') return runWithElectron(executable, runDir, workspace);
    if (mode === 'electron') throw new Error('SCE_VSCODE_MODE=electron but no desktop VS Code (set SCE_VSCODE_EXECUTABLE or SCE_TEST_ELECTRON_DOWNLOAD=1)');
  }
  return runWithServer(runDir, workspace);
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (e) {
  console.error(`[run-integration] ${e?.stack ?? e}`);
} finally {
  await cleanup();
}
process.exit(exitCode);
