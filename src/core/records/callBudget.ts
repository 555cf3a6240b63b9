// A running record's calls (DescribeRecord and its stack's DescribeStackEvents) share one budget: a
// token bucket that refills at a steady pace, so a busy stack is read evenly through the minute
// instead of all at once and then not for most of a minute, under a hard cap of calls in any 60 s.

export interface CallBudgetOptions {
  /** Calls that may go at once (the bucket's size; it starts full). */
  readonly burst: number;
  /** Calls the bucket gains per minute. */
  readonly perMinute: number;
  /** Never more calls than this in any 60 s, whatever the bucket holds. */
  readonly maxPerMinute: number;
}

/**
 * 12 calls in any 60 s at most; 10 a minute when busy, with room for 5 at once (a record's first
 * seconds, a burst of events). Measured in bench/tailing.ts against other shapes (bench/README.md).
 */
export const DEFAULT_CALL_BUDGET: CallBudgetOptions = { burst: 5, perMinute: 10, maxPerMinute: 12 };

const WINDOW_MS = 60_000;

/** One record's calls. A call noted without room (the record's last read at its end) leaves a debt. */
export class CallBudget {
  private tokens: number;
  private at?: number;
  /** When the calls of the last 60 s were made, oldest first. */
  private readonly recent: number[] = [];

  constructor(readonly options: CallBudgetOptions = DEFAULT_CALL_BUDGET) {
    this.tokens = options.burst;
  }

  /** The most calls this budget lets through in any 60 s. */
  get limitPerMinute(): number {
    return this.options.maxPerMinute;
  }

  note(nowMs: number): void {
    this.refill(nowMs);
    this.tokens -= 1;
    this.recent.push(nowMs);
  }

  /** Calls that could go now. */
  available(nowMs: number): number {
    this.refill(nowMs);
    return Math.min(Math.floor(this.tokens), this.options.maxPerMinute - this.recent.length);
  }

  /** How long until one call may be made with `keepFree` calls still left over (0: now). */
  waitMs(nowMs: number, keepFree = 0): number {
    this.refill(nowMs);
    const missing = 1 + Math.min(keepFree, this.options.burst - 1) - this.tokens;
    const bucketWait = missing <= 0 ? 0 : Math.ceil((missing * WINDOW_MS) / this.options.perMinute);
    // The window: the `over`-th oldest call must leave it before this one goes.
    const over = this.recent.length + Math.min(keepFree, this.options.maxPerMinute - 1) + 1 - this.options.maxPerMinute;
    const windowWait = over <= 0 ? 0 : this.recent[Math.min(over, this.recent.length) - 1] + WINDOW_MS - nowMs;
    const wait = Math.max(bucketWait, windowWait);
    return wait <= 0 ? 0 : Math.max(1, wait);
  }

  private refill(nowMs: number): void {
    if (this.at !== undefined && nowMs > this.at) {
      this.tokens = Math.min(this.options.burst, this.tokens + ((nowMs - this.at) * this.options.perMinute) / WINDOW_MS);
    }
    this.at = Math.max(this.at ?? nowMs, nowMs);
    while (this.recent.length && this.recent[0] <= nowMs - WINDOW_MS) this.recent.shift();
  }
}
