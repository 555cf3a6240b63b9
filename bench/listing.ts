// Listing: refresh → fully built tree, against the floor of sequential page round trips and the AWS CLI.
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { Sandbox } from '../src/sandbox/index';
import { requestHeaders, sendRaw } from '../test/support/sandbox';
import { benchApi, startBenchSandbox } from './lib/sandbox';
import { median, progress, round, writeResult, runBench } from './lib/stats';
import { newProvider, refreshAndRender } from './lib/treeHost';

const run = promisify(execFile);
const LATENCY_MS = 40;
const SIZES = [100, 1_000, 5_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEARCH_BODY = { AccessLevelFilter: { Key: 'Account', Value: 'Self' }, SortBy: 'name', SortOrder: 'ASCENDING', PageSize: 100, AcceptLanguage: 'en' };

async function timeExtension(sandbox: Sandbox): Promise<{ ms: number; items: number; calls: number; sweepCalls: number }> {
  const api = benchApi(sandbox);
  sandbox.resetStats();
  const provider = newProvider(api);
  const start = performance.now();
  const items = await refreshAndRender(provider);
  const ms = performance.now() - start;
  const calls = sandbox.stats().calls;
  // The launch-role sweep of a small list runs after the tree is shown: counted apart, never timed.
  await provider.whenDetailsSettled();
  api.dispose();
  return { ms, items: items.length, calls, sweepCalls: sandbox.stats().calls - calls };
}

/**
 * The floor: the same pages fetched one after another with bare signed HTTP requests, summing only the
 * round trips (request sent → whole body read). It includes the sandbox's own work per page, which no
 * client can avoid, and excludes signing, SDK parsing and the tree.
 */
async function timeFloor(sandbox: Sandbox): Promise<{ ms: number; pages: number }> {
  let total = 0;
  let pages = 0;
  let token: string | undefined;
  do {
    const body = JSON.stringify({ ...SEARCH_BODY, ...(token ? { PageToken: token } : {}) });
    const headers = await requestHeaders(sandbox, { target: 'SearchProvisionedProducts', body, persona: 'admin' });
    const start = performance.now();
    const res = await sendRaw(sandbox, headers, body);
    total += performance.now() - start;
    pages++;
    if (res.status !== 200) throw new Error(`floor page failed: ${res.text}`);
    token = res.json().NextPageToken || undefined;
  } while (token);
  return { ms: total, pages };
}

function cliEnv(sandbox: Sandbox): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // The whole account (Key=Account) is the administrator's view.
    AWS_ACCESS_KEY_ID: sandbox.credentialsOf('admin').accessKeyId,
    AWS_SECRET_ACCESS_KEY: sandbox.credentialsOf('admin').secretAccessKey,
    AWS_REGION: sandbox.region,
    AWS_DEFAULT_REGION: sandbox.region,
    AWS_PAGER: '',
  };
}

async function aws(sandbox: Sandbox, args: string[]): Promise<any> {
  const { stdout } = await run('aws', ['servicecatalog', ...args, '--endpoint-url', sandbox.endpoint, '--output', 'json'], {
    env: cliEnv(sandbox), maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

/** `scan-provisioned-products`, which the CLI pages by itself (20 a page). */
async function timeCliScan(sandbox: Sandbox): Promise<{ ms: number; items: number; calls: number }> {
  sandbox.resetStats();
  const start = performance.now();
  const out = await aws(sandbox, ['scan-provisioned-products', '--access-level-filter', 'Key=Account,Value=Self']);
  return { ms: performance.now() - start, items: out.ProvisionedProducts.length, calls: sandbox.stats().calls };
}

/** `search-provisioned-products --page-size 100`, which the CLI does not page: a shell loop would. */
async function timeCliSearchLoop(sandbox: Sandbox): Promise<{ ms: number; items: number; calls: number }> {
  sandbox.resetStats();
  const start = performance.now();
  let items = 0;
  let token: string | undefined;
  do {
    const out = await aws(sandbox, [
      'search-provisioned-products', '--page-size', '100', '--access-level-filter', 'Key=Account,Value=Self',
      ...(token ? ['--page-token', token] : []),
    ]);
    items += out.ProvisionedProducts.length;
    token = out.NextPageToken || undefined;
  } while (token);
  return { ms: performance.now() - start, items, calls: sandbox.stats().calls };
}

async function repeat<T extends { ms: number }>(times: number, fn: () => Promise<T>): Promise<{ ms: number; runs: number[]; last: T }> {
  const runs: number[] = [];
  let last!: T;
  for (let i = 0; i < times; i++) {
    last = await fn();
    runs.push(round(last.ms));
  }
  return { ms: median(runs), runs, last };
}

async function main(): Promise<void> {
  const results = [];
  for (const n of SIZES) {
    progress(`listing: N=${n}`);
    const sandbox = await startBenchSandbox({ generatedProducts: n, latencyMs: LATENCY_MS, timeScale: 1 });
    try {
      await timeExtension(sandbox); // warm-up: JIT, sockets, SDK lazy parts
      const ext = await repeat(RUNS, () => timeExtension(sandbox));
      const floor = await repeat(RUNS, () => timeFloor(sandbox));
      const cliRuns = n >= 5_000 ? 1 : Math.min(3, RUNS);
      const scan = await repeat(cliRuns, () => timeCliScan(sandbox));
      const search = await repeat(cliRuns, () => timeCliSearchLoop(sandbox));
      results.push({
        n,
        visible: ext.last.items,
        pages: floor.last.pages,
        extension: { ms: round(ext.ms), runs: ext.runs, apiCalls: ext.last.calls, launchRoleSweepCalls: ext.last.sweepCalls },
        floor: { ms: round(floor.ms), runs: floor.runs, pages: floor.last.pages, latencyOnlyMs: floor.last.pages * LATENCY_MS },
        cliScan: { ms: round(scan.ms), runs: scan.runs, apiCalls: scan.last.calls, items: scan.last.items },
        cliSearchLoop: { ms: round(search.ms), runs: search.runs, apiCalls: search.last.calls, items: search.last.items },
        extensionVsFloor: round(ext.ms / floor.ms, 2),
        cliScanVsExtension: round(scan.ms / ext.ms, 1),
        cliSearchLoopVsExtension: round(search.ms / ext.ms, 1),
      });
    } finally {
      await sandbox.stop();
    }
  }
  writeResult({ latencyMs: LATENCY_MS, runs: RUNS, sizes: results });
}

runBench(main);
