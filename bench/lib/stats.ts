// Small statistics and result plumbing shared by the benchmark scripts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Nearest-rank percentile (the same definition as simulateTailing's). */
export function percentile(values: readonly number[], fraction: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** Each benchmark writes its figures where bench/run.mjs tells it to (BENCH_RESULT), as JSON. */
export function writeResult(result: unknown): void {
  const file = process.env.BENCH_RESULT;
  if (!file) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(result, null, 2));
}

export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** Runs a benchmark's main; a failure prints and exits 1 (run.mjs then reports the bench as failed). */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
