// Call counters, readable by tests in-process (sandbox.stats()) or over HTTP (GET /__sandbox/stats).

export interface SandboxStats {
  /** API calls with a well-formed X-Amz-Target, whatever their outcome (throttled and dropped included). */
  calls: number;
  byOperation: Record<string, number>;
  /** Calls answered ThrottlingException by the throttleRate knob. */
  throttled: number;
  /** Writes applied but left unanswered by the dropAfterWriteRate knob. */
  dropped: number;
}

export class StatsRecorder {
  private current: SandboxStats = emptyStats();

  call(operation: string): void {
    this.current.calls++;
    this.current.byOperation[operation] = (this.current.byOperation[operation] ?? 0) + 1;
  }

  throttled(): void {
    this.current.throttled++;
  }

  dropped(): void {
    this.current.dropped++;
  }

  snapshot(): SandboxStats {
    return { ...this.current, byOperation: { ...this.current.byOperation } };
  }

  reset(): void {
    this.current = emptyStats();
  }
}

function emptyStats(): SandboxStats {
  return { calls: 0, byOperation: {}, throttled: 0, dropped: 0 };
}
