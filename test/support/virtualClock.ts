// A fake clock: time only moves when told to, and every timer due on the way fires in order, with the
// promise jobs it starts settled before time moves on (so async code behaves as it would in real time).
import type { Clock } from '../../src/core/records/clock';

interface VirtualTimer {
  readonly id: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

/** Lets pending promise jobs run: a macrotask turn, so chains of any depth settle. */
function settlePromiseJobs(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (cb: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : globalThis.setTimeout(resolve, 0)));
}

export class VirtualClock implements Clock {
  private currentMs: number;
  private nextId = 1;
  private readonly timers = new Map<number, VirtualTimer>();

  constructor(startMs = 0) {
    this.currentMs = startMs;
  }

  now(): number {
    return this.currentMs;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { id, dueAt: this.currentMs + Math.max(0, delayMs), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pendingTimerCount(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer due on the way. */
  async advanceBy(ms: number): Promise<void> {
    await this.advanceTo(this.currentMs + ms);
  }

  async advanceTo(targetMs: number): Promise<void> {
    await settlePromiseJobs();
    for (let timer = this.earliestDue(targetMs); timer; timer = this.earliestDue(targetMs)) {
      this.timers.delete(timer.id);
      this.currentMs = Math.max(this.currentMs, timer.dueAt);
      timer.callback();
      await settlePromiseJobs();
    }
    this.currentMs = Math.max(this.currentMs, targetMs);
  }

  /** Runs timers until `done()` holds or no timer is left (or `limitMs` is reached). */
  async runUntil(done: () => boolean, limitMs = Number.POSITIVE_INFINITY): Promise<void> {
    await settlePromiseJobs();
    while (!done()) {
      const timer = this.earliestDue(limitMs);
      if (!timer) return;
      await this.advanceTo(timer.dueAt);
    }
  }

  private earliestDue(notAfterMs: number): VirtualTimer | undefined {
    let earliest: VirtualTimer | undefined;
    for (const timer of this.timers.values()) {
      if (timer.dueAt <= notAfterMs && (!earliest || timer.dueAt < earliest.dueAt)) earliest = timer;
    }
    return earliest;
  }
}
