// Tree cost: building the items of 10,000 provisioned products (time, heap), and one auto-refresh tick
// while 10 of them are under change (must read those 10 with DescribeProvisionedProduct, not re-list).
import type { ProvisionedProductAttribute } from '@aws-sdk/client-service-catalog';
import { performance } from 'node:perf_hooks';
import { AutoRefresher } from '../src/products/autoRefresher';
import type { ProvisionedProductsProvider } from '../src/products/provisionedProductsProvider';
import { benchApi, startBenchSandbox } from './lib/sandbox';
import { median, progress, round, writeResult, runBench } from './lib/stats';
import { fakeSession, newProvider, refreshAndRender, type TreeApi } from './lib/treeHost';

const PRODUCTS = 10_000;
const BUSY = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** 10,000 rows: real attributes from the sandbox, cloned with new ids, plus BUSY real ones under change. */
function tenThousandRows(real: ProvisionedProductAttribute[]): ProvisionedProductAttribute[] {
  const busy = real.filter((r) => r.Status === 'UNDER_CHANGE' && r.Id?.startsWith('pp-bench')).slice(0, BUSY);
  if (busy.length < BUSY) throw new Error(`expected ${BUSY} generated products under change, found ${busy.length}`);
  const settled = real.filter((r) => r.Status !== 'UNDER_CHANGE' && r.Status !== 'PLAN_IN_PROGRESS');
  const rows = Array.from({ length: PRODUCTS - BUSY }, (_, i) => {
    const t = settled[i % settled.length];
    const id = `pp-synth${String(i).padStart(8, '0')}`;
    return { ...t, Id: id, Name: `synth-${String(i).padStart(5, '0')}-${t.Name}`, Arn: t.Arn?.replace(t.Id!, id) };
  });
  return [...rows, ...busy];
}

interface Build { ms: number; heapMb: number; items: number; provider: ProvisionedProductsProvider }

/** One build in its own frame, so nothing of the previous build is still referenced when heap is read. */
async function buildOnce(treeApi: TreeApi): Promise<Build> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const provider = newProvider(treeApi);
  const items = await refreshAndRender(provider);
  const ms = performance.now() - start;
  gc();
  // Retained: the provider's nodes plus the items VS Code would hold.
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  return { ms: round(ms), heapMb: round(heapMb, 1), items: items.length, provider };
}

async function timeBuilds(treeApi: TreeApi): Promise<{ ms: number[]; heapMb: number[]; items: number; provider: ProvisionedProductsProvider }> {
  const ms: number[] = [];
  const heapMb: number[] = [];
  let last: Build | undefined;
  for (let i = 0; i < RUNS; i++) {
    last = undefined;
    last = await buildOnce(treeApi);
    ms.push(last.ms);
    heapMb.push(last.heapMb);
  }
  return { ms, heapMb, items: last!.items, provider: last!.provider };
}

async function main(): Promise<void> {
  progress('tree: sandbox with 1,000 generated products (10 under change)');
  const sandbox = await startBenchSandbox({ generatedProducts: 1_000, latencyMs: 40, timeScale: 1 });
  const api = benchApi(sandbox);
  try {
    const rows = tenThousandRows(await api.listProvisionedProducts());
    // Listing answers from memory, so only the tree's own work is timed; reads go to the real sandbox.
    const treeApi: TreeApi = {
      connection: api.connection,
      listProvisionedProducts: async () => Object.assign(rows, { incomplete: false }),
      describeProvisionedProduct: (id) => api.describeProvisionedProduct(id),
    };

    progress('tree: building 10,000 items');
    await refreshAndRender(newProvider(treeApi)); // warm-up
    const build = await timeBuilds(treeApi);
    const provider = build.provider;

    progress('tree: auto-refresh ticks');
    const refresher = new AutoRefresher(fakeSession(treeApi), provider, { enabled: () => true, intervalMs: () => 60_000, viewVisible: () => true });
    // VS Code re-reads the items a change event names (all roots when it names none): do the same, timed.
    let rerendered = 0;
    provider.onDidChangeTreeData((changed) => {
      const nodes = changed === undefined ? provider.productNodes : Array.isArray(changed) ? changed : [changed];
      rerendered += nodes.map((n) => provider.getTreeItem(n)).length;
    });
    const tickMs: number[] = [];
    let calls = {};
    for (let i = 0; i < RUNS; i++) {
      sandbox.resetStats();
      rerendered = 0;
      const start = performance.now();
      await refresher.tick();
      tickMs.push(round(performance.now() - start));
      calls = sandbox.stats().byOperation;
    }
    refresher.dispose();

    writeResult({
      products: build.items,
      build: { medianMs: median(build.ms), runs: build.ms, retainedHeapMb: median(build.heapMb), heapRuns: build.heapMb },
      autoRefresh: {
        busy: provider.busyProducts().length,
        medianMs: median(tickMs),
        runs: tickMs,
        latencyMs: 40,
        apiCallsPerTick: calls,
        itemsRebuiltPerTick: rerendered,
      },
    });
  } finally {
    api.dispose();
    await sandbox.stop();
  }
}

runBench(main);
