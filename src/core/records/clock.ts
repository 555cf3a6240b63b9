// Time as the tailer sees it. Injected so tests and simulations can run minutes of polling instantly.

export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A random source in [0, 1), injected so jitter is reproducible in tests. */
export type RandomSource = () => number;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export { seededRandom } from '../seededRandom';
