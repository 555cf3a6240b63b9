#!/usr/bin/env node
// `npm start`: build, then run the extension on the local sandbox catalog (SCE_DEFAULT_BACKEND=sandbox).
//
//   node scripts/start.mjs [--port=8080] [--host=127.0.0.1] [--workspace=DIR] [--server] [--no-build]
//
// - With a desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> <workspace>` (a new
//   Extension Development Host window), then exits.
// - Otherwise (or with --server): installs the pinned VS Code server if needed, starts it on
//   --port (default 8080; --host=0.0.0.0 to reach it from another machine), prints the URL to open
//   and keeps running until Ctrl-C. Server data lives in a temp dir removed on exit. It is the
//   workbench the e2e checks drive (startWorkbenchServer): real dialogs, no test driver.
// SCE_*/SANDBOX_* variables you set (e.g. SANDBOX_TIME_SCALE) reach the extension host.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  cleaningUp, cleanup, ensureServerInstalled, installCleanupHandlers, makeRunDir, repoRoot, startWorkbenchServer, which, workbenchUrl,
} from './lib/vscodeServer.mjs';

const argv = process.argv.slice(2);
const opt = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const port = Number(opt('port') ?? process.env.PORT ?? 8080);
const host = opt('host') ?? '127.0.0.1';
const workspace = resolve(opt('workspace') ?? join(tmpdir(), 'sce-sandbox-workspace'));
process.env.SCE_DEFAULT_BACKEND ??= 'sandbox';

function step(what, cmd, args) {
  console.log(`[start] ${what}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: repoRoot });
  if (r.status !== 0) throw new Error(`${what} failed`);
}

async function main() {
  if (!argv.includes('--no-build')) step('building', process.execPath, [join(repoRoot, 'scripts/build.mjs')]);
  mkdirSync(workspace, { recursive: true });

  const code = !argv.includes('--server') && which('code');
  if (code) {
    console.log(`[start] opening an Extension Development Host in VS Code (${code}) on ${workspace}`);
    const r = spawnSync(code, [`--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' });
    return r.status ?? 1;
  }

  ensureServerInstalled();
  installCleanupHandlers();
  const runDir = makeRunDir('sce-start-');
  const server = await startWorkbenchServer({ runDir, port, host, echo: !!process.env.SCE_DEBUG_SERVER }).catch((e) => {
    throw new Error(`${e.message}\n(is port ${port} in use? try --port=<other>)`);
  });
  const shownOrigin = host === '0.0.0.0' ? `http://localhost:${port}` : server.origin;
  const url = workbenchUrl({ origin: shownOrigin, folder: workspace, extensionDevelopmentPath: repoRoot });
  console.log(`\n[start] Service Catalog Explorer (sandbox backend) is running. Open:\n\n  ${url}\n`);
  console.log(`[start] server log: ${server.logFile}. Ctrl-C to stop.`);
  // Keep running until the server dies or we are interrupted (the cleanup handlers stop the server).
  await new Promise((res) => server.process.once('exit', res));
  if (cleaningUp()) return 0;
  console.error('[start] VS Code server exited unexpectedly');
  return 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (e) {
  console.error(`[start] ${e?.message ?? e}`);
} finally {
  await cleanup();
}
process.exit(exitCode);
