// How often a running record's stack events are read, inside one budget shared with its DescribeRecord
// calls. Events come in bursts (a resource's IN_PROGRESS is followed within a second by "Resource
// creation Initiated", several resources start together), so a read soon follows news and reads back
// off while the stack is quiet; the sliding window caps every record's calls in any 60 s.
import { applyJitter } from '../records/pollPolicy';
import type { RandomSource } from '../records/clock';

/** Calls of one record (DescribeRecord and DescribeStackEvents) in the last `windowMs`, capped at `limit`. */
export class CallBudget {
  private readonly calls: number[] = [];

  constructor(readonly limit = 12, readonly windowMs = 60_000) {}

  note(nowMs: number): void {
    this.prune(nowMs);
    this.calls.push(nowMs);
  }

  used(nowMs: number): number {
    this.prune(nowMs);
    return this.calls.length;
  }

  /** How long until one call may be made with `keepFree` calls still left over (0: now). */
  waitMs(nowMs: number, keepFree = 0): number {
    this.prune(nowMs);
    const over = this.calls.length + keepFree + 1 - this.limit;
    if (over <= 0) return 0;
    // Calls leave the window oldest first: the `over`-th oldest must leave before this one goes.
    const leaving = this.calls[Math.min(over, this.calls.length) - 1] ?? nowMs;
    return Math.max(1, leaving + this.windowMs - nowMs);
  }

  private prune(nowMs: number): void {
    while (this.calls.length && this.calls[0] <= nowMs - this.windowMs) this.calls.shift();
  }
}

export interface EventPollOptions {
  /** Next read after a read that brought events: the rest of a burst comes within about a second. */
  readonly afterNewsMs: number;
  /** First read after a quiet one; each further quiet read waits `quietFactor` longer, up to `maxQuietMs`. */
  readonly quietBaseMs: number;
  readonly quietFactor: number;
  readonly maxQuietMs: number;
  /** First retry after an error or throttling; doubles per consecutive error up to `maxErrorMs`. */
  readonly errorBaseMs: number;
  readonly maxErrorMs: number;
  /** Calls the event reads leave to DescribeRecord in the window (its slow pace and the final poke). */
  readonly describeReserve: number;
  readonly jitterRatio: number;
}

export const DEFAULT_EVENT_POLL_OPTIONS: EventPollOptions = {
  afterNewsMs: 1_000,
  quietBaseMs: 2_000,
  quietFactor: 1.5,
  maxQuietMs: 8_000,
  errorBaseMs: 4_000,
  maxErrorMs: 60_000,
  describeReserve: 2,
  jitterRatio: 0.1,
};

/** DescribeRecord's slowest pace once the stack's events say what happens (the stack's end pokes it). */
export const DESCRIBE_INTERVAL_WITH_STACK_MS = 20_000;

export interface EventPollState {
  /** Quiet reads since the last one that brought events (0: the last read brought news). */
  readonly quietReads: number;
  readonly consecutiveErrors: number;
}

/** Delay before the next events read, before the budget has its say. */
export function nextEventDelayMs(options: EventPollOptions, state: EventPollState, random: RandomSource): number {
  if (state.consecutiveErrors > 0) {
    return applyJitter(Math.min(options.maxErrorMs, options.errorBaseMs * 2 ** (state.consecutiveErrors - 1)), options.jitterRatio, random);
  }
  if (state.quietReads === 0) return applyJitter(options.afterNewsMs, options.jitterRatio, random);
  const quiet = Math.min(options.maxQuietMs, options.quietBaseMs * options.quietFactor ** (state.quietReads - 1));
  return applyJitter(quiet, options.jitterRatio, random);
}
