// How a failed DescribeRecord call affects tailing: read off the one classifier (../errors).
import { classifyError } from '../errors';

/**
 * `denied`: IAM refuses the caller this record (another user's, or a product whose owner changed):
 * asking again cannot help, so tailing ends and says why.
 */
export type DescribeFailureKind = 'throttled' | 'not-found' | 'denied' | 'transient';

export function classifyDescribeFailure(error: unknown): DescribeFailureKind {
  const { kind } = classifyError(error);
  if (kind === 'throttled' || kind === 'not-found') return kind;
  if (kind === 'access-denied') return 'denied';
  // Network errors, timeouts, 5xx, credentials and anything unknown: retry later, never give up on the record.
  return 'transient';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
