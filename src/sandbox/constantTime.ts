import { timingSafeEqual } from 'node:crypto';

/** Compares a secret with what a caller sent without the time taken telling how much matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
