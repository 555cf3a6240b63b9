#!/usr/bin/env node
// Installs the pinned VS Code server (bundled inside the `code-server` npm package) into
// tools/vscode-server/node_modules, idempotently. See /work/shared/notes/real-vscode.md.
//
//   node scripts/setupVscodeServer.mjs [--force] [--check] [--cache-dir=DIR]
//
//   --check         exit 0 when the pinned version is installed, 1 otherwise; installs nothing.
//   --force         reinstall even when already installed.
//   --cache-dir=DIR (or SCE_VSCODE_SERVER_CACHE=DIR) install once into DIR/<version+node ABI+lock hash>
//                   and symlink tools/vscode-server/node_modules to it, so CI runs on the same
//                   machine reuse it across clones.
//
// The install is never part of the extension's own dependencies (root package.json).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const toolsDir = join(root, 'tools/vscode-server');
const pinned = JSON.parse(readFileSync(join(toolsDir, 'package.json'), 'utf8')).dependencies['code-server'];
const lockHash = createHash('sha256').update(readFileSync(join(toolsDir, 'package-lock.json'))).digest('hex').slice(0, 12);
// Native modules are built for one Node ABI, so the ABI is part of what "installed" means.
const stamp = { codeServer: pinned, nodeAbi: process.versions.modules, platform: `${process.platform}-${process.arch}`, lockHash };
const MARKER = '.sce-install.json'; // written into node_modules last, so a half-done install never counts

// Debian packages the install (and the tests) need; installed only when missing and running as root.
const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'pkg-config', 'python3', 'make', 'g++'];
// @vscode/ripgrep inside code-server 4.100.3 downloads rg from GitHub in its postinstall; we pre-seed its
// download cache with Debian's rg instead. Update these together with the code-server pin.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_BIN_VERSION = 'v13.0.0-10';
const RIPGREP_TARGET = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];

const args = new Set(process.argv.slice(2));
const cacheArg = [...args].find((a) => a.startsWith('--cache-dir='))?.slice('--cache-dir='.length);
const cacheDir = cacheArg || process.env.SCE_VSCODE_SERVER_CACHE || '';

const log = (msg) => console.log(`[setup-vscode-server] ${msg}`);

/** True when `dir` (a node_modules folder) holds a finished install matching `stamp`. */
function isInstalled(dir) {
  try {
    const version = JSON.parse(readFileSync(join(dir, 'code-server/package.json'), 'utf8')).version;
    const marker = JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
    return version === pinned && existsSync(join(dir, 'code-server/lib/vscode/out/server-main.js'))
      && JSON.stringify(marker) === JSON.stringify(stamp);
  } catch {
    return false;
  }
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** apt-get installs whichever of APT_PACKAGES are missing (root + Debian/Ubuntu only). */
function ensureAptPackages() {
  if (!existsSync('/usr/bin/dpkg-query')) return;
  const missing = APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return !(r.status === 0 && r.stdout.includes('install ok installed'));
  });
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    log(`WARNING: missing apt packages (${missing.join(' ')}); not root, so not installing them. The native build may fail.`);
    return;
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/** A TMPDIR whose @vscode/ripgrep download cache already holds Debian's rg. */
function seededTmpDir() {
  const tmp = mkdtempSync(join(tmpdir(), 'sce-vscode-server-install-'));
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => existsSync(p));
  if (rg && RIPGREP_TARGET) {
    const cache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
    mkdirSync(cache);
    run('tar', ['czf', join(cache, `ripgrep-${RIPGREP_BIN_VERSION}-${RIPGREP_TARGET}.tar.gz`), '-C', dirname(rg), 'rg']);
  } else {
    log('WARNING: no local rg to seed @vscode/ripgrep with; its postinstall will try GitHub.');
  }
  return tmp;
}

/** `npm ci` of tools/vscode-server's package.json + lockfile inside `installDir`. */
function npmCi(installDir) {
  const tmp = seededTmpDir();
  const nodedir = ['/usr', dirname(dirname(process.execPath))].find((d) => existsSync(join(d, 'include/node/node.h')));
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall uses npx
    ...(nodedir ? { npm_config_nodedir: nodedir } : {}), // node-gyp cannot download headers here
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  };
  try {
    run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: installDir, env });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(join(installDir, 'node_modules', MARKER), JSON.stringify(stamp));
}

/** Cross-process lock (mkdir is atomic) so two CI jobs never install into one cache dir at once. */
async function withLock(dir, fn) {
  const lock = `${dir}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (Date.now() - statSync(lock).mtimeMs > 20 * 60_000) rmSync(lock, { recursive: true, force: true }); // stale
      else if (i > 450) throw new Error(`timed out waiting for ${lock}`); // 15 min
      else {
        if (i === 0) log(`waiting for another install (${lock})…`);
        await sleep(2000);
      }
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const target = join(toolsDir, 'node_modules');
if (args.has('--check')) process.exit(isInstalled(target) ? 0 : 1);
if (!args.has('--force') && isInstalled(target)) {
  log(`code-server ${pinned} already installed.`);
  process.exit(0);
}

const started = Date.now();
ensureAptPackages();
if (cacheDir) {
  const key = `code-server-${pinned}-node-abi${stamp.nodeAbi}-${stamp.platform}-${lockHash}`;
  const installDir = join(cacheDir, key);
  await withLock(installDir, () => {
    if (!args.has('--force') && isInstalled(join(installDir, 'node_modules'))) {
      log(`reusing cached install ${installDir}`);
      return;
    }
    log(`installing code-server ${pinned} into cache ${installDir}`);
    rmSync(installDir, { recursive: true, force: true });
    mkdirSync(installDir, { recursive: true });
    for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(toolsDir, f), join(installDir, f));
    npmCi(installDir);
  });
  if (existsSync(target) || isSymlink(target)) rmSync(target, { recursive: true, force: true });
  symlinkSync(join(installDir, 'node_modules'), target, 'dir');
} else {
  log(`installing code-server ${pinned} into ${toolsDir}`);
  if (isSymlink(target)) rmSync(target); // left over from a --cache-dir install
  npmCi(toolsDir);
}
if (!isInstalled(target)) throw new Error('install finished but the server is not where expected');
log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);

function isSymlink(p) {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
