// Tailing: 50 real provisioning records in the real sandbox (time scaled), followed by the real
// RecordTailer on a clock scaled the same way, adaptive policy against a fixed 1-second poll.
import { ListRecordHistoryCommand, type RecordDetail } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../src/aws/catalogApi';
import { ProvisioningService } from '../src/aws/provisioningService';
import { adaptivePollPolicy, fixedPollPolicy, RecordTailer, seededRandom, type Clock, type PollPolicy } from '../src/core/records/index';
import type { Sandbox } from '../src/sandbox/index';
import { SEED } from '../src/sandbox/service/index';
import { benchApi, startBenchSandbox } from './lib/sandbox';
import { median, percentile, progress, round, writeResult } from './lib/stats';

/** Virtual seconds per real second, for the sandbox and the tailer alike. */
const SCALE = Number(process.env.BENCH_TAIL_SCALE ?? 20);
const RECORDS = 50;
const MEAN_ARRIVAL_GAP_MS = 8_000; // virtual

const P = SEED.products;
/** Products with realistic, different provisioning times (45 s to 4 min at scale 1; one always fails). */
const LAUNCHES: { productId: string; artifactId: string; params: (i: number) => Record<string, string> }[] = [
  { productId: P.staticWebsite.id, artifactId: P.staticWebsite.versions.v11, params: (i: number) => ({ BucketName: `tail-site-${i}` }) },
  { productId: P.terraformBucket.id, artifactId: P.terraformBucket.versions.v11, params: (i: number) => ({ bucket_prefix: `tail-${i}` }) },
  { productId: P.devInstance.id, artifactId: P.devInstance.versions.v11, params: () => ({}) },
  { productId: P.analyticsCluster.id, artifactId: P.analyticsCluster.versions.v02, params: (i: number) => ({ ClusterName: `tail-cluster-${i}` }) },
  { productId: P.legacyDatabase.id, artifactId: P.legacyDatabase.versions.v1, params: () => ({ MasterPassword: 'Generated1234' }) },
];

/** Real time sped up SCALE times, so poll intervals and record durations are in the same (virtual) units. */
function scaledClock(origin: number): Clock & { toVirtual(realMs: number): number } {
  return {
    now: () => origin + (Date.now() - origin) * SCALE,
    toVirtual: (realMs) => origin + (realMs - origin) * SCALE,
    setTimeout: (callback, delayMs) => setTimeout(callback, delayMs / SCALE),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
}

/** What the extension tells the tailer: the median duration of this product's past provisionings (ListRecordHistory).
 * The seeded history ran at real-time durations, so its durations are already in virtual units. */
async function expectedDurations(api: CatalogApi): Promise<Map<string, number>> {
  const byProduct = new Map<string, number[]>();
  let PageToken: string | undefined;
  do {
    const out = await api.client.send(new ListRecordHistoryCommand({ AccessLevelFilter: { Key: 'Account', Value: 'Self' }, PageSize: 20, PageToken }));
    for (const r of out.RecordDetails ?? []) {
      if (r.RecordType !== 'PROVISION_PRODUCT' || !r.ProductId || !r.CreatedTime || !r.UpdatedTime) continue;
      if (r.Status !== 'SUCCEEDED' && r.Status !== 'FAILED') continue;
      byProduct.set(r.ProductId, [...(byProduct.get(r.ProductId) ?? []), r.UpdatedTime.getTime() - r.CreatedTime.getTime()]);
    }
    PageToken = out.NextPageToken || undefined;
  } while (PageToken);
  return new Map([...byProduct].map(([id, durations]) => [id, median(durations)]));
}

interface Seen { recordId: string; status: string; atVirtualMs: number }

async function runPolicy(name: string, policy: PollPolicy, sandbox: Sandbox, api: CatalogApi, expected: Map<string, number>) {
  const clock = scaledClock(Date.now());
  const provisioning = new ProvisioningService(api.client);
  const tailer = new RecordTailer({
    describeRecord: async (id) => {
      const { detail, outputs } = await api.describeRecord(id);
      return { RecordDetail: detail, RecordOutputs: outputs };
    },
    clock, random: seededRandom(3), pollPolicy: policy,
  });
  const seen: Seen[] = [];
  tailer.onChange((recordId, detail) => seen.push({ recordId, status: detail.Status!, atVirtualMs: clock.now() }));
  const random = seededRandom(11);
  const finals: Promise<RecordDetail>[] = [];
  const initialCreated = new Set<string>();
  sandbox.resetStats();
  for (let i = 0; i < RECORDS; i++) {
    const launch = LAUNCHES[i % LAUNCHES.length];
    const record = await provisioning.provision({
      ProductId: launch.productId, ProvisioningArtifactId: launch.artifactId, ProvisionedProductName: `tail-${name}-${i}`,
      ProvisionToken: `tail-${name}-${i}`, ProvisioningParameters: Object.entries(launch.params(i)).map(([Key, Value]) => ({ Key, Value })),
    });
    initialCreated.add(record.RecordId!);
    finals.push(tailer.tail(record.RecordId!, { startedAtMs: clock.now(), expectedDurationMs: expected.get(launch.productId) }, record).final);
    const gapVirtualMs = -Math.log(Math.max(random(), 1e-9)) * MEAN_ARRIVAL_GAP_MS;
    await new Promise((resolve) => setTimeout(resolve, gapVirtualMs / SCALE));
  }
  await Promise.all(finals);
  tailer.dispose();
  const describeCalls = sandbox.stats().byOperation.DescribeRecord ?? 0;

  // The sandbox's own timeline says when each status began; compare with when the tailer saw it.
  const data = sandbox.service.snapshot() as { records: Record<string, { createdTime: number; timeline: { startedAt: number; errorAt?: number; endsAt: number } }> };
  const delays: number[] = [];
  const finalDelays: number[] = [];
  let recordMs = 0;
  for (const s of seen) {
    const r = data.records[s.recordId];
    if (s.status === 'CREATED' && initialCreated.has(s.recordId)) continue; // known from the ProvisionProduct answer, not polled
    const t = r.timeline;
    const began = s.status === 'IN_PROGRESS' ? t.startedAt : s.status === 'IN_PROGRESS_IN_ERROR' ? t.errorAt! : s.status === 'CREATED' ? r.createdTime : t.endsAt;
    const delay = s.atVirtualMs - clock.toVirtual(began);
    delays.push(delay);
    if (s.status === 'SUCCEEDED' || s.status === 'FAILED') finalDelays.push(delay);
  }
  for (const id of initialCreated) recordMs += (data.records[id].timeline.endsAt - data.records[id].createdTime) * SCALE;
  const recordMinutes = recordMs / 60_000;
  return {
    policy: name,
    records: initialCreated.size,
    statusChangesSeen: delays.length,
    delay: { medianMs: Math.round(median(delays)), p95Ms: Math.round(percentile(delays, 0.95)), maxMs: Math.round(Math.max(...delays)) },
    finalDelay: { medianMs: Math.round(median(finalDelays)), p95Ms: Math.round(percentile(finalDelays, 0.95)) },
    describeCalls,
    recordMinutes: round(recordMinutes, 1),
    callsPerRecordMinute: round(describeCalls / recordMinutes, 2),
  };
}

async function main(): Promise<void> {
  progress(`tailing: ${RECORDS} records at ${SCALE}x time in the sandbox`);
  const sandbox = await startBenchSandbox({ generatedProducts: 200, timeScale: SCALE });
  const api = benchApi(sandbox);
  try {
    const expected = await expectedDurations(api);
    const durations = [...expected.values()].map((ms) => Math.round(ms / 1000));
    const adaptive = await runPolicy('adaptive', adaptivePollPolicy(), sandbox, api, expected);
    progress('tailing: fixed 1 s poll');
    const fixed = await runPolicy('fixed-1s', fixedPollPolicy(1_000), sandbox, api, expected);
    writeResult({ scale: SCALE, records: RECORDS, expectedDurationsSeconds: durations, adaptive, fixed1s: fixed });
  } finally {
    api.dispose();
    await sandbox.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
