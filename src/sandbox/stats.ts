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
  private calls = 0;
  /** By the name in X-Amz-Target, which the client chooses (`__proto__` too): a Map, not an object. */
  private readonly byOperation = new Map<string, number>();
  private throttledCalls = 0;
  private droppedWrites = 0;

  call(operation: string): void {
    this.calls++;
    this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
  }

  throttled(): void {
    this.throttledCalls++;
  }

  dropped(): void {
    this.droppedWrites++;
  }

  snapshot(): SandboxStats {
    // fromEntries defines own properties, so even a "__proto__" operation stays a plain count.
    return { calls: this.calls, byOperation: Object.fromEntries(this.byOperation), throttled: this.throttledCalls, dropped: this.droppedWrites };
  }

  reset(): void {
    this.calls = 0;
    this.byOperation.clear();
    this.throttledCalls = 0;
    this.droppedWrites = 0;
  }
}
