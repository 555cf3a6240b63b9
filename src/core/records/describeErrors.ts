// How a failed DescribeRecord call affects tailing: read off the one classifier (../errors).
import { classifyError } from '../errors';

export type DescribeFailureKind = 'throttled' | 'not-found' | 'transient';

export function classifyDescribeFailure(error: unknown): DescribeFailureKind {
  const { kind } = classifyError(error);
  if (kind === 'throttled' || kind === 'not-found') return kind;
  // Network errors, timeouts, 5xx, credentials and anything unknown: retry later, never give up on the record.
  return 'transient';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
