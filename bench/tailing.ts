// Tailing: 50 real provisioning records in the real sandbox (time scaled), followed by the real
// RecordTailer on a clock scaled the same way: adaptive policy against a fixed 1-second poll, and the
// adaptive policy with stack events on (the real StackEventFollower and CloudFormation client,
// wired by the same RecordStackFollowing as the extension, sharing each record's call budget).
import { ListRecordHistoryCommand, type RecordDetail } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../src/aws/catalogApi';
import { ProvisioningService } from '../src/aws/provisioningService';
import { adaptivePollPolicy, fixedPollPolicy, RecordTailer, seededRandom, type Clock, type PollPolicy } from '../src/core/records/index';
import { StackApi } from '../src/aws/cloudformation/stackApi';
import type { StackReader } from '../src/core/stacks/types';
import type { Sandbox } from '../src/sandbox/index';
import { SEED } from '../src/sandbox/service/index';
import { benchApi, sandboxConnection, startBenchSandbox } from './lib/sandbox';
import { RecordStackFollowing } from '../src/core/stacks/recordStackFollowing';
import { DEFAULT_CALL_BUDGET } from '../src/core/records/callBudget';
import type { StackEvent } from '../src/core/stacks/types';
import { median, percentile, progress, round, writeResult, runBench } from './lib/stats';

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
interface SeenEvent { readonly recordId: string; readonly event: StackEvent; readonly seenAtMs: number }

/** Each record's calls (DescribeRecord, and DescribeStackEvents for its stack), at clock time. */
class CallLog {
  private readonly byRecord = new Map<string, number[]>();
  note(recordId: string, atMs: number): void {
    this.byRecord.set(recordId, [...(this.byRecord.get(recordId) ?? []), atMs]);
  }
  count(recordIds: Iterable<string>): number {
    let n = 0;
    for (const id of recordIds) n += this.byRecord.get(id)?.length ?? 0;
    return n;
  }
  dump(): Record<string, number[]> {
    return Object.fromEntries(this.byRecord);
  }
  /** The most calls one record made in any 60 s (the budget's window). */
  maxInAnyMinute(): number {
    let most = 0;
    for (const times of this.byRecord.values()) {
      const sorted = [...times].sort((a, b) => a - b);
      for (let i = 0, j = 0; i < sorted.length; i++) {
        while (sorted[i] - sorted[j] >= 60_000) j++;
        most = Math.max(most, i - j + 1);
      }
    }
    return most;
  }
}

/** The StackApi with each event's Timestamp in the clock's virtual time (the follower compares it with the record's start). */
function virtualTimeReader(stacks: StackApi, clock: ReturnType<typeof scaledClock>, calls: CallLog, recordOf: (stackId: string) => string | undefined): Pick<StackReader, 'eventsSince'> {
  return {
    eventsSince: async (stackId, afterEventId) => {
      const recordId = recordOf(stackId);
      if (recordId) calls.note(recordId, clock.now());
      const out = await stacks.eventsSince(stackId, afterEventId);
      return { ...out, events: out.events.map((e) => ({ ...e, timestamp: new Date(clock.toVirtual(e.timestamp.getTime())) })) };
    },
  };
}

async function runPolicy(name: string, policy: PollPolicy, sandbox: Sandbox, api: CatalogApi, expected: Map<string, number>, stacks?: StackApi) {
  const clock = scaledClock(Date.now());
  const provisioning = new ProvisioningService(api.client);
  const calls = new CallLog();
  const tailer = new RecordTailer({
    describeRecord: async (id) => {
      calls.note(id, clock.now());
      const { detail, outputs } = await api.describeRecord(id);
      return { RecordDetail: detail, RecordOutputs: outputs };
    },
    clock, random: seededRandom(3), pollPolicy: policy,
    ...(stacks ? { callBudget: DEFAULT_CALL_BUDGET } : {}),
  });
  const seenEvents: SeenEvent[] = [];
  const stackOf = new Map<string, string>();
  const initialCreated = new Set<string>();
  // Each record's stack, from the follower, kept after the record ends for the final count.
  const rememberStacks = () => {
    for (const id of initialCreated) if (following?.stackOf(id)) stackOf.set(id, following.stackOf(id)!);
  };
  const recordOf = (stackId: string) => (rememberStacks(), [...stackOf].find(([, s]) => s === stackId)?.[0]);
  const following = stacks
    ? new RecordStackFollowing({
      tailer, reader: () => reader, clock, random: seededRandom(5),
      onEvents: (recordId, events) => {
        const now = clock.now();
        for (const event of events) seenEvents.push({ recordId, event, seenAtMs: now });
      },
      onError: (recordId, error) => process.stderr.write(`  stack events of ${recordId}: ${error instanceof Error ? error.message : String(error)}\n`),
    })
    : undefined;
  const reader = stacks ? virtualTimeReader(stacks, clock, calls, recordOf) : undefined;
  const seen: Seen[] = [];
  tailer.onChange((recordId, detail) => seen.push({ recordId, status: detail.Status!, atVirtualMs: clock.now() }));
  const random = seededRandom(11);
  const finals: Promise<RecordDetail>[] = [];
  sandbox.resetStats();
  for (let i = 0; i < RECORDS; i++) {
    const launch = LAUNCHES[i % LAUNCHES.length];
    const record = await provisioning.provision({
      ProductId: launch.productId, ProvisioningArtifactId: launch.artifactId, ProvisionedProductName: `tail-${name}-${i}`,
      ProvisionToken: `tail-${name}-${i}`, ProvisioningParameters: Object.entries(launch.params(i)).map(([Key, Value]) => ({ Key, Value })),
    });
    initialCreated.add(record.RecordId!);
    const startedAtMs = clock.now();
    following?.begin(record.RecordId!, record.ProvisionedProductId, startedAtMs);
    const final = tailer.tail(record.RecordId!, { startedAtMs, expectedDurationMs: expected.get(launch.productId) }, record).final;
    // As RecordTracker's end: the stack's last events before the record's final lines.
    const recordId = record.RecordId!;
    finals.push(following ? final.then(async (end) => {
      rememberStacks();
      await following.finish(recordId);
      return end;
    }) : final);
    const gapVirtualMs = -Math.log(Math.max(random(), 1e-9)) * MEAN_ARRIVAL_GAP_MS;
    await new Promise((resolve) => setTimeout(resolve, gapVirtualMs / SCALE));
  }
  await Promise.all(finals);
  following?.dispose();
  tailer.dispose();
  const byOperation = sandbox.stats().byOperation;
  const describeCalls = byOperation.DescribeRecord ?? 0;
  const eventCalls = byOperation.DescribeStackEvents ?? 0;
  const describeStacksCalls = byOperation.DescribeStacks ?? 0;

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
  const minutesOf = (id: string) => ((data.records[id].timeline.endsAt - data.records[id].createdTime) * SCALE) / 60_000;
  for (const id of initialCreated) recordMs += minutesOf(id) * 60_000;
  const recordMinutes = recordMs / 60_000;
  const allCalls = describeCalls + eventCalls + describeStacksCalls;
  return {
    policy: name,
    records: initialCreated.size,
    statusChangesSeen: delays.length,
    delay: { medianMs: Math.round(median(delays)), p95Ms: Math.round(percentile(delays, 0.95)), maxMs: Math.round(Math.max(...delays)) },
    finalDelay: { medianMs: Math.round(median(finalDelays)), p95Ms: Math.round(percentile(finalDelays, 0.95)) },
    describeCalls,
    ...(stacks ? { describeStackEventsCalls: eventCalls, describeStacksCalls } : {}),
    recordMinutes: round(recordMinutes, 1),
    /** DescribeRecord, plus DescribeStackEvents and DescribeStacks with events on (sandbox stats). */
    callsPerRecordMinute: round(allCalls / recordMinutes, 2),
    maxCallsOfOneRecordInAnyMinute: calls.maxInAnyMinute(),
    ...(following && stacks ? { stackEvents: await eventFigures(seenEvents, stackOf, stacks, [...initialCreated], calls, minutesOf) } : {}),
  };
}

/**
 * How soon the followers saw each event after the service had it (its Timestamp), and whether every
 * event of each record's stack was seen: the stacks are read once more at the end, after the stats.
 */
async function eventFigures(
  seen: readonly SeenEvent[], stackOf: ReadonlyMap<string, string>, stacks: StackApi, recordIds: string[], calls: CallLog, minutesOf: (id: string) => number,
) {
  const delays = seen.map((s) => s.seenAtMs - s.event.timestamp.getTime());
  if (process.env.BENCH_TAIL_DEBUG) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.BENCH_TAIL_DEBUG, JSON.stringify({ seen, calls: calls.dump() }, null, 1));
  }
  const seenIds = new Set(seen.map((s) => `${s.recordId}/${s.event.eventId}`));
  let stackEvents = 0;
  let missed = 0;
  for (const [recordId, stackId] of stackOf) {
    const { events } = await stacks.eventsSince(stackId);
    for (const e of events) {
      stackEvents++;
      if (!seenIds.has(`${recordId}/${e.eventId}`)) missed++;
    }
  }
  const withStack = recordIds.filter((id) => stackOf.has(id));
  const stackMinutes = withStack.reduce((sum, id) => sum + minutesOf(id), 0);
  return {
    recordsWithStack: withStack.length,
    eventsSeen: seen.length,
    eventsOfTheStacks: stackEvents,
    eventsMissed: missed,
    delay: { medianMs: Math.round(median(delays)), p95Ms: Math.round(percentile(delays, 0.95)), maxMs: Math.round(Math.max(...delays)) },
    /** DescribeRecord and DescribeStackEvents of the records that have a stack, per minute of those records (counted by the bench's own wrappers). */
    callsPerStackRecordMinute: round(calls.count(withStack) / stackMinutes, 2),
    stackRecordMinutes: round(stackMinutes, 1),
  };
}

async function main(): Promise<void> {
  progress(`tailing: ${RECORDS} records at ${SCALE}x time in the sandbox`);
  const sandbox = await startBenchSandbox({ generatedProducts: 200, timeScale: SCALE });
  const api = benchApi(sandbox);
  // The extension's own CloudFormation client, on the sandbox's port (its CloudFormation endpoint).
  const stacks = new StackApi(sandboxConnection(sandbox));
  try {
    const expected = await expectedDurations(api);
    const durations = [...expected.values()].map((ms) => Math.round(ms / 1000));
    // BENCH_TAIL_PASSES=events runs the events pass alone (while working on the follower's policy).
    const passes = process.env.BENCH_TAIL_PASSES?.split(',') ?? ['adaptive', 'fixed', 'events'];
    const adaptive = passes.includes('adaptive') ? await runPolicy('adaptive', adaptivePollPolicy(), sandbox, api, expected) : undefined;
    if (passes.includes('fixed')) progress('tailing: fixed 1 s poll');
    const fixed = passes.includes('fixed') ? await runPolicy('fixed-1s', fixedPollPolicy(1_000), sandbox, api, expected) : undefined;
    progress('tailing: adaptive with stack events');
    const withEvents = await runPolicy('adaptive-events', adaptivePollPolicy(), sandbox, api, expected, stacks);
    writeResult({ scale: SCALE, records: RECORDS, expectedDurationsSeconds: durations, adaptive, fixed1s: fixed, adaptiveWithEvents: withEvents });
  } finally {
    stacks.dispose();
    api.dispose();
    await sandbox.stop();
  }
}

runBench(main);
