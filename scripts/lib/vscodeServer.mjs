// Shared launcher code: start the pinned VS Code server (from tools/vscode-server) with a Node
// extension host, open its web workbench in Debian's Chromium via playwright-core, and clean up
// everything we started. Used by scripts/runIntegration.mjs, scripts/runE2e.mjs,
// scripts/start.mjs and test/e2e/harness.ts. Recipe: /work/shared/notes/real-vscode.md.
//
// test/e2e/harness.ts loads this file at run time (dynamic import), so it is never bundled.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in <root>/scripts/lib). */
export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const serverPackageDir = join(repoRoot, 'tools/vscode-server/node_modules/code-server');
export const serverMain = join(serverPackageDir, 'lib/vscode/out/server-main.js');
export const testResultsDir = join(repoRoot, 'test-results');

/** Chromium flags from the recipe (headless in containers, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

const log = (msg) => console.error(`[vscode-server] ${msg}`);

// ---------------------------------------------------------------------------------------------
// Cleanup: every launcher registers what it started; runs once on normal exit, signal or crash.
// ---------------------------------------------------------------------------------------------
const cleanups = [];
const syncKills = new Set(); // process-group ids, killed synchronously on 'exit' as a last resort
let cleaning;

/** Registers an async cleanup step; steps run in reverse order of registration. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

/** Runs all registered cleanup steps (idempotent). */
export function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (e) {
        log(`cleanup step failed: ${e?.message ?? e}`);
      }
    }
  })();
  return cleaning;
}

/** True once cleanup has begun (e.g. after Ctrl-C), so callers can stay quiet about processes ending. */
export function cleaningUp() {
  return cleaning !== undefined;
}

let handlersInstalled = false;
/** Cleans up on SIGINT/SIGTERM/SIGHUP (then exits 128+n) and kills leftover process groups on exit. */
export function installCleanupHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [sig, n] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
    process.once(sig, () => {
      log(`${sig}: cleaning up`);
      cleanup().finally(() => process.exit(128 + n));
    });
  }
  process.on('exit', () => {
    for (const pgid of syncKills) killGroup(pgid, 'SIGKILL');
  });
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

/** Awaits `promise`, rejecting after `ms` with a clear message. */
export async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Paths, ports, temp dirs
// ---------------------------------------------------------------------------------------------

/** True when the pinned server is installed (scripts/setupVscodeServer.mjs). */
export function serverInstalled() {
  return existsSync(serverMain);
}

export function assertServerInstalled() {
  if (!serverInstalled()) {
    throw new Error(`VS Code server not installed (${serverMain} missing). Run: node scripts/setupVscodeServer.mjs`);
  }
}

/** Installs the server when missing (runs the setup script; a no-op when already installed). */
export function ensureServerInstalled() {
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/setupVscodeServer.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('VS Code server setup failed');
}

/** A free TCP port on 127.0.0.1 (asks the OS). */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** A fresh temp dir for one run (server/user data, extensions, TMPDIR, workspace), removed on cleanup. */
export function makeRunDir(prefix = 'sce-vscode-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const sub of ['server-data', 'user-data', 'extensions', 'tmp', 'workspace']) mkdirSync(join(dir, sub));
  onCleanup(() => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  return dir;
}

/** Path of a command on PATH, or undefined. */
export function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, cmd);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** Chromium to drive: $SCE_CHROMIUM, else Debian's chromium. */
export function chromiumPath() {
  const p = process.env.SCE_CHROMIUM || which('chromium') || which('chromium-browser') || '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found (${p}). apt-get install chromium, or set SCE_CHROMIUM.`);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

/**
 * Environment for the server and therefore the extension host: everything we have (so SCE_*,
 * SANDBOX_*, AWS_* … reach the extension), minus variables of an outer VS Code that would confuse
 * it, plus a per-run TMPDIR.
 */
function serverEnv(runDir, extra) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  return { ...env, TMPDIR: join(runDir, 'tmp'), ...extra };
}

/**
 * @typedef {{ runDir: string, port?: number, host?: string, env?: Record<string,string>, echo?: boolean, readyTimeoutMs?: number }} ServerOptions
 *   echo: also copy server output to stderr (default: only when SCE_DEBUG_SERVER is set).
 * @typedef {{ port: number, host: string, origin: string, logFile: string, process: import('node:child_process').ChildProcess, stop: () => Promise<void> }} RunningServer
 */

/**
 * Starts the workbench a person gets: real modal dialogs and link opening, no test driver. Used by
 * `npm start` (scripts/start.mjs) and by every e2e check (test/e2e/harness.ts), so what the checks
 * click is what a user clicks.
 * @param {ServerOptions} opts
 * @returns {Promise<RunningServer>}
 */
export function startWorkbenchServer(opts) {
  return startServerWith(opts, []);
}

/**
 * Starts a server for an extension test suite run inside the page (scripts/runIntegration.mjs): the
 * smoke-test driver reports the suite's exit code to the page (codeAutomationExit), and in exchange the
 * workbench refuses every modal dialog ("DialogService: refused to show dialog in tests"). Never for
 * a workbench a person or a browser check uses.
 * @param {ServerOptions} opts
 * @returns {Promise<RunningServer>}
 */
export function startTestSuiteServer(opts) {
  return startServerWith(opts, ['--enable-smoke-test-driver']);
}

/** Spawns the server with `extraArgs` and waits until it answers HTTP. */
async function startServerWith({ runDir, port, host = '127.0.0.1', env = {}, echo = !!process.env.SCE_DEBUG_SERVER, readyTimeoutMs = 60_000 }, extraArgs) {
  assertServerInstalled();
  installCleanupHandlers();
  port ??= await freePort();
  const logFile = join(runDir, 'server.log');
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [
    serverMain, '--host', host, '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', ...extraArgs,
    '--disable-telemetry', '--disable-workspace-trust',
    '--server-data-dir', join(runDir, 'server-data'),
    '--user-data-dir', join(runDir, 'user-data'),
    '--extensions-dir', join(runDir, 'extensions'),
  ], {
    env: serverEnv(runDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: the extension host, pty host and watchers die with it
  });
  syncKills.add(child.pid);
  for (const s of [child.stdout, child.stderr]) {
    s.pipe(out, { end: false });
    if (echo) s.pipe(process.stderr, { end: false });
  }
  let exited = false;
  const exitedPromise = new Promise((res) => child.once('exit', () => { exited = true; res(); }));

  const stop = async () => {
    if (!exited) {
      killGroup(child.pid, 'SIGTERM');
      await Promise.race([exitedPromise, sleep(5000)]);
    }
    killGroup(child.pid, 'SIGKILL'); // stragglers in the group (extension host, pty host)
    syncKills.delete(child.pid);
    out.end();
  };
  onCleanup(stop);

  // Poll until it answers (ready in well under a second normally).
  const origin = `http://${host}:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`VS Code server exited during start-up:\n${tail(logFile)}`);
    try {
      const r = await fetch(`${origin}/`, { signal: AbortSignal.timeout(2000) });
      if (r.status < 500) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`VS Code server not answering on ${origin}:\n${tail(logFile)}`);
    await sleep(200);
  }
  return { port, host, origin, logFile, process: child, stop };
}

/** Last lines of a log file (for error messages). */
export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * The workbench URL: opens `folder`, loads the extension under development and, optionally, runs
 * a test suite (a module exporting `run()`) in the extension host.
 * @param {{ origin: string, folder?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string, authority?: string }} o
 */
export function workbenchUrl({ origin, folder, extensionDevelopmentPath = repoRoot, extensionTestsPath }) {
  const authority = new URL(origin).host; // the remote authority is host:port
  const remote = (p) => `vscode-remote://${authority}${resolve(p)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)], ['skipWelcome', 'true']];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const q = new URLSearchParams();
  if (folder) q.set('folder', resolve(folder));
  q.set('payload', JSON.stringify(payload));
  return `${origin}/?${q}`;
}

// ---------------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------------

/** Launches headless Chromium via playwright-core; closed on cleanup. */
export async function launchBrowser({ headless = process.env.SCE_HEADED !== '1' } = {}) {
  installCleanupHandlers();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(), headless, args: CHROMIUM_ARGS,
    // Our own signal handlers close the browser as part of cleanup (playwright's would exit first).
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  onCleanup(() => withTimeout(browser.close(), 10_000, 'browser.close').catch(() => {}));
  return browser;
}

/** Saves a full-page screenshot to test-results/<name>.png; returns the path or undefined. */
export async function screenshot(page, name) {
  try {
    mkdirSync(testResultsDir, { recursive: true });
    const file = join(testResultsDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
    await withTimeout(page.screenshot({ path: file }), 15_000, 'screenshot');
    return file;
  } catch (e) {
    log(`screenshot failed: ${e?.message ?? e}`);
    return undefined;
  }
}

/** Waits for the workbench to render and show the Extension Development Host title. */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
  // eslint-disable-next-line no-undef -- runs in the page
  await page.waitForFunction(() => document.title.includes('[Extension Development Host]'), undefined, { timeout: timeoutMs });
}
