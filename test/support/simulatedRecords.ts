// Runs the real RecordTailer against simulated records on a virtual clock, to measure a poll policy:
// how long after a status change it is seen, and how many DescribeRecord calls it costs.
import type { RecordStatus } from '@aws-sdk/client-service-catalog';
import { type RandomSource, seededRandom } from '../../src/core/records/clock';
import type { PollPolicy } from '../../src/core/records/pollPolicy';
import { type DescribeRecordResult, RecordTailer } from '../../src/core/records/recordTailer';
import { VirtualClock } from './virtualClock';

export interface SimulatedTransition {
  /** Time since the record's start. */
  readonly atMs: number;
  readonly status: RecordStatus;
}

export interface SimulatedRecord {
  readonly recordId: string;
  /** When the record starts, relative to the simulation's start. */
  readonly startAtMs: number;
  /** First transition at 0 (usually CREATED); the last one must be terminal. */
  readonly transitions: readonly SimulatedTransition[];
  /** What the tailer is told about comparable past records, if anything. */
  readonly expectedDurationMs?: number;
}

export interface SimulationOptions {
  readonly records: readonly SimulatedRecord[];
  readonly pollPolicy: PollPolicy;
  readonly maxConcurrentCalls?: number;
  /** Latency of one DescribeRecord call. */
  readonly callLatencyMs?: number;
  /** Account-wide DescribeRecord limit (token bucket); beyond it calls fail with ThrottlingException. */
  readonly accountRateLimit?: { readonly perSecond: number; readonly burst: number };
  readonly seed?: number;
}

export interface DelayStats {
  readonly count: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

export interface SimulationResult {
  readonly describeCalls: number;
  readonly throttledCalls: number;
  readonly recordMinutes: number;
  readonly callsPerRecordMinute: number;
  /** Delay from each status change to its onChange event (all changes, including the first sight). */
  readonly changeDetection: DelayStats;
  /** Delay from reaching SUCCEEDED/FAILED to the onFinal event. */
  readonly finalDetection: DelayStats;
  readonly finalReports: number;
}

export function percentile(sortedValues: readonly number[], fraction: number): number {
  if (sortedValues.length === 0) return Number.NaN;
  const index = Math.min(sortedValues.length - 1, Math.max(0, Math.ceil(fraction * sortedValues.length) - 1));
  return sortedValues[index];
}

export function delayStats(values: readonly number[]): DelayStats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    medianMs: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    maxMs: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
  };
}

function statusAt(record: SimulatedRecord, sinceStartMs: number): RecordStatus {
  let status = record.transitions[0].status;
  for (const transition of record.transitions) if (transition.atMs <= sinceStartMs) status = transition.status;
  return status;
}

function transitionTimeOf(record: SimulatedRecord, status: RecordStatus | undefined): number {
  return record.transitions.find((t) => t.status === status)?.atMs ?? 0;
}

class TokenBucket {
  private tokens: number;
  private refilledAt = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  take(nowMs: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

function throttlingError(): Error {
  const error = new Error('Rate exceeded');
  error.name = 'ThrottlingException';
  return error;
}

export async function simulateTailing(options: SimulationOptions): Promise<SimulationResult> {
  const clock = new VirtualClock(0);
  const random = seededRandom(options.seed ?? 1);
  const latencyMs = options.callLatencyMs ?? 150;
  const bucket = options.accountRateLimit
    ? new TokenBucket(options.accountRateLimit.perSecond, options.accountRateLimit.burst)
    : undefined;
  const byId = new Map(options.records.map((r) => [r.recordId, r]));
  const counts = { calls: 0, throttled: 0, finals: 0 };
  const changeDelays: number[] = [];
  const finalDelays: number[] = [];

  const describeRecord = (recordId: string): Promise<DescribeRecordResult> => {
    counts.calls++;
    const record = byId.get(recordId)!;
    return new Promise((resolve, reject) => {
      clock.setTimeout(() => {
        if (bucket && !bucket.take(clock.now())) {
          counts.throttled++;
          reject(throttlingError());
          return;
        }
        // The service answers with the state at the moment it handles the call (mid-latency).
        const status = statusAt(record, clock.now() - latencyMs / 2 - record.startAtMs);
        resolve({ RecordDetail: { RecordId: recordId, Status: status }, RecordOutputs: [] });
      }, latencyMs);
    });
  };

  const tailer = new RecordTailer({
    describeRecord, clock, random, pollPolicy: options.pollPolicy, maxConcurrentCalls: options.maxConcurrentCalls,
  });
  tailer.onChange((recordId, detail) => {
    const record = byId.get(recordId)!;
    changeDelays.push(clock.now() - record.startAtMs - transitionTimeOf(record, detail.Status));
  });
  tailer.onFinal((recordId, detail) => {
    const record = byId.get(recordId)!;
    counts.finals++;
    finalDelays.push(clock.now() - record.startAtMs - transitionTimeOf(record, detail.Status));
  });

  for (const record of options.records) {
    clock.setTimeout(() => {
      tailer.tail(record.recordId, { startedAtMs: clock.now(), expectedDurationMs: record.expectedDurationMs });
    }, record.startAtMs);
  }
  await clock.runUntil(() => counts.finals === options.records.length);
  tailer.dispose();

  const recordMinutes = options.records.reduce((sum, r) => sum + r.transitions[r.transitions.length - 1].atMs, 0) / 60_000;
  return {
    describeCalls: counts.calls,
    throttledCalls: counts.throttled,
    recordMinutes,
    callsPerRecordMinute: counts.calls / recordMinutes,
    changeDetection: delayStats(changeDelays),
    finalDetection: delayStats(finalDelays),
    finalReports: counts.finals,
  };
}

export interface GeneratedRecordsOptions {
  readonly count: number;
  readonly seed?: number;
  /** Median duration over all record kinds. */
  readonly medianDurationMs?: number;
  /** Spread of durations between kinds (log-normal sigma). */
  readonly kindSpread?: number;
  /** Spread of one record's duration around its kind's median (log-normal sigma). */
  readonly recordSpread?: number;
  readonly failureRate?: number;
  /** Mean gap between record starts. */
  readonly meanArrivalGapMs?: number;
  /** Whether the tailer is told each kind's median duration. */
  readonly withExpectedDuration?: boolean;
}

function normal(random: RandomSource): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Records like CloudFormation-backed provisions: CREATED, IN_PROGRESS within a few seconds, then a
 * log-normal duration around their kind's median; failures roll back through IN_PROGRESS_IN_ERROR.
 */
export function generateSimulatedRecords(options: GeneratedRecordsOptions): SimulatedRecord[] {
  const random = seededRandom(options.seed ?? 7);
  const median = options.medianDurationMs ?? 150_000;
  const records: SimulatedRecord[] = [];
  let startAtMs = 0;
  for (let i = 0; i < options.count; i++) {
    const kindMedian = median * Math.exp((options.kindSpread ?? 0.6) * normal(random));
    const duration = Math.max(8_000, kindMedian * Math.exp((options.recordSpread ?? 0.25) * normal(random)));
    const startedWorkAt = 1_000 + random() * 3_000;
    const fails = random() < (options.failureRate ?? 0.15);
    const transitions: SimulatedTransition[] = [
      { atMs: 0, status: 'CREATED' },
      { atMs: startedWorkAt, status: 'IN_PROGRESS' },
      ...(fails ? [{ atMs: startedWorkAt + (duration - startedWorkAt) * 0.6, status: 'IN_PROGRESS_IN_ERROR' as const }] : []),
      { atMs: duration, status: fails ? 'FAILED' : 'SUCCEEDED' },
    ];
    records.push({
      recordId: `rec-${i}`,
      startAtMs,
      transitions,
      ...(options.withExpectedDuration === false ? {} : { expectedDurationMs: kindMedian }),
    });
    startAtMs += -Math.log(Math.max(random(), Number.EPSILON)) * (options.meanArrivalGapMs ?? 20_000);
  }
  return records;
}
