// Throttling is per account, not per record: one record's ThrottlingException slows every record.
// The penalty doubles on each throttle and decays a little on each success (multiplicative increase,
// gradual recovery), so a burst of throttles backs everything off quickly and recovery is smooth.

export interface ThrottleOptions {
  readonly growthFactor: number;
  readonly recoveryFactor: number;
  readonly maxMultiplier: number;
  /** Wait before retrying a throttled call, before the multiplier. */
  readonly retryBaseMs: number;
}

export const DEFAULT_THROTTLE_OPTIONS: ThrottleOptions = {
  growthFactor: 2,
  recoveryFactor: 0.8,
  maxMultiplier: 32,
  retryBaseMs: 2_000,
};

export class ThrottleGovernor {
  private multiplierValue = 1;
  private readonly options: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...DEFAULT_THROTTLE_OPTIONS, ...options };
  }

  /** Factor applied to every record's next delay. 1 when the account is not being throttled. */
  get multiplier(): number {
    return this.multiplierValue;
  }

  onThrottled(): void {
    this.multiplierValue = Math.min(this.options.maxMultiplier, this.multiplierValue * this.options.growthFactor);
  }

  onSuccess(): void {
    this.multiplierValue = Math.max(1, this.multiplierValue * this.options.recoveryFactor);
  }

  /** Delay before retrying the call that was just throttled. */
  retryDelayMs(): number {
    return this.options.retryBaseMs * this.multiplierValue;
  }
}
