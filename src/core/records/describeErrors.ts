// How a failed DescribeRecord call affects tailing.

export type DescribeFailureKind = 'throttled' | 'not-found' | 'transient';

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name } = error as { name?: unknown };
  return typeof name === 'string' ? name : undefined;
}

function httpStatus(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata;
  return typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
}

export function classifyDescribeFailure(error: unknown): DescribeFailureKind {
  const name = errorName(error);
  if (name === 'ThrottlingException' || httpStatus(error) === 429) return 'throttled';
  if (name === 'ResourceNotFoundException') return 'not-found';
  // Network errors, timeouts, 5xx and anything unknown: retry later, never give up on the record.
  return 'transient';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
