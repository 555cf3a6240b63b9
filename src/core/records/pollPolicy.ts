// When to look at a record next. A record's status mostly changes right after it starts (CREATED →
// IN_PROGRESS, or an early FAILED) and around the time records like it usually finish, so polls go
// there: fast at first, then an exponential back-off to a cap, and a tighter window around the
// expected finish when the caller knows it (median duration of past records of the same kind).
import type { RandomSource } from './clock';

export interface PollContext {
  /** Time since the record started (its CreatedTime, or when tailing began). */
  readonly elapsedMs: number;
  /** Median duration of comparable past records, when known. */
  readonly expectedDurationMs?: number;
}

export interface PollPolicy {
  /** Delay before the next DescribeRecord of one record, before any throttling penalty. */
  nextDelayMs(context: PollContext, random: RandomSource): number;
}

export interface AdaptivePollOptions {
  /** Poll interval during the fast phase, and the shortest interval ever used. */
  readonly fastIntervalMs: number;
  /** How long after the start the fast interval holds. */
  readonly fastPhaseMs: number;
  /** Each poll after the fast phase waits this factor longer than the previous one. */
  readonly backoffFactor: number;
  /** Cap on the interval when the expected duration is known (polls far from it matter little). */
  readonly maxIntervalMs: number;
  /** Cap when nothing is known: the budget then goes to a steadier pace instead of a hot window. */
  readonly maxIntervalWithoutExpectationMs: number;
  /** Each delay is scaled by a uniform factor in [1 - jitter, 1 + jitter] so records spread out. */
  readonly jitterRatio: number;
  /** The hot window, as fractions of the expected duration before and after it. */
  readonly expectedWindowBefore: number;
  readonly expectedWindowAfter: number;
  /** Poll interval inside the hot window. */
  readonly expectedWindowIntervalMs: number;
}

export const DEFAULT_POLL_OPTIONS: AdaptivePollOptions = {
  fastIntervalMs: 1_000,
  fastPhaseMs: 3_000,
  backoffFactor: 1.5,
  maxIntervalMs: 20_000,
  maxIntervalWithoutExpectationMs: 12_000,
  jitterRatio: 0.2,
  expectedWindowBefore: 0.15,
  expectedWindowAfter: 0.3,
  expectedWindowIntervalMs: 3_500,
};

/**
 * Interval after `elapsedMs` of exponential back-off. Growing each wait by `factor` makes the wait
 * proportional to the time already spent, so it is computed from elapsed time alone: a record resumed
 * after a window reload continues where it was instead of restarting the fast phase.
 */
export function backoffIntervalMs(options: AdaptivePollOptions, elapsedMs: number, capMs: number): number {
  const { fastIntervalMs, fastPhaseMs, backoffFactor } = options;
  if (elapsedMs < fastPhaseMs) return fastIntervalMs;
  const grown = fastIntervalMs + (backoffFactor - 1) * (elapsedMs - fastPhaseMs);
  return Math.min(capMs, grown);
}

function expectedWindowDelayMs(options: AdaptivePollOptions, elapsedMs: number, expectedMs: number): number {
  const windowStart = expectedMs * (1 - options.expectedWindowBefore);
  const windowEnd = expectedMs * (1 + options.expectedWindowAfter);
  const backoff = backoffIntervalMs(options, elapsedMs, options.maxIntervalMs);
  if (elapsedMs < windowStart) {
    // Never sleep past the window's start: that is where detection matters most.
    return Math.max(options.fastIntervalMs, Math.min(backoff, windowStart - elapsedMs));
  }
  if (elapsedMs <= windowEnd) return Math.min(backoff, options.expectedWindowIntervalMs);
  // Later than usual: back off again from the window's interval.
  const sinceWindow = elapsedMs - windowEnd;
  return Math.min(options.maxIntervalMs, options.expectedWindowIntervalMs + (options.backoffFactor - 1) * sinceWindow);
}

export function adaptivePollPolicy(overrides: Partial<AdaptivePollOptions> = {}): PollPolicy {
  const options = { ...DEFAULT_POLL_OPTIONS, ...overrides };
  return {
    nextDelayMs({ elapsedMs, expectedDurationMs }, random) {
      const hasExpectation = expectedDurationMs !== undefined && expectedDurationMs > 0;
      const delay = hasExpectation
        ? expectedWindowDelayMs(options, elapsedMs, expectedDurationMs)
        : backoffIntervalMs(options, elapsedMs, options.maxIntervalWithoutExpectationMs);
      return applyJitter(delay, options.jitterRatio, random);
    },
  };
}

/** The naive baseline: one DescribeRecord every `intervalMs`, whatever happens. */
export function fixedPollPolicy(intervalMs: number): PollPolicy {
  return { nextDelayMs: () => intervalMs };
}

export function applyJitter(delayMs: number, jitterRatio: number, random: RandomSource): number {
  return delayMs * (1 + jitterRatio * (2 * random() - 1));
}
