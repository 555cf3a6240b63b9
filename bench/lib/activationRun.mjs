// One activation of a production dist/ in a fresh process (out/bench-run/activation.js), as a first-time
// user: an empty HOME (no ~/.aws), the backend `auto` or `sandbox`. Shared by run.mjs and compareActivation.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SCENARIOS = ['auto', 'sandbox'];

export function activationRun(activationJs, distDir, scenario) {
  const home = mkdtempSync(join(tmpdir(), 'sce-home-'));
  try {
    const env = { PATH: process.env.PATH, HOME: home, AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING: '1', ...(scenario === 'sandbox' ? { SCE_DEFAULT_BACKEND: 'sandbox' } : {}) };
    return JSON.parse(execFileSync(process.execPath, [activationJs, join(distDir, 'extension.js')], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length / 2) - 1];
