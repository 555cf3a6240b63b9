// Turns SDK and network failures into words a user can act on. No SDK import: the extension uses this
// before the (lazily loaded) SDK bundle is in memory.

export type FailureKind =
  | 'sso-expired'
  | 'no-credentials'
  | 'invalid-credentials'
  | 'access-denied'
  | 'throttled'
  | 'not-found'
  | 'invalid-state'
  | 'invalid-input'
  | 'network'
  | 'unknown';

/** `sso-login`: `aws sso login` for the connection's profile. */
export type FailureFix = 'sso-login';

export interface Failure {
  readonly kind: FailureKind;
  /** One line in the service's own words where it gave some. */
  readonly message: string;
  /**
   * The fix the extension can run, by name; what it runs is worked out from the current settings when
   * the user asks for it (never carried as a command line).
   */
  readonly fix?: FailureFix;
  /** The exception name the service answered with, if any. */
  readonly code?: string;
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

// Only an SSO session is fixed by `aws sso login`; an expired static or assume-role token is not.
const SSO_EXPIRED = /\bSSO\b.*(expired|invalid|refresh)|(expired|refresh).*\bSSO\b/i;

/** "Slow down": the service's throttling exceptions, or HTTP 429 whatever the body says. */
const THROTTLING_CODES: ReadonlySet<string> = new Set(['ThrottlingException', 'TooManyRequestsException']);
const TOO_MANY_REQUESTS = 429;

/**
 * The one classifier of failures: notifications, retries (callWithToken) and record tailing
 * (classifyDescribeFailure) all read its `kind`. The service's own exception names decide first, so a
 * ResourceNotFoundException whose words happen to mention credentials is still `not-found`.
 */
export function classifyError(error: unknown, profile?: string): Failure {
  const e = (typeof error === 'object' && error ? error : { message: String(error) }) as ErrorLike;
  const code = e.name && e.name !== 'Error' ? e.name : e.code;
  const message = firstLine(e.message) || code || 'Unknown error';

  const status = e.$metadata?.httpStatusCode;
  if ((code && THROTTLING_CODES.has(code)) || status === TOO_MANY_REQUESTS) return { kind: 'throttled', message, code };
  if (code === 'ResourceNotFoundException') return { kind: 'not-found', message, code };
  if (SSO_EXPIRED.test(message)) {
    return { kind: 'sso-expired', message: `The SSO session has expired. ${message}`, fix: 'sso-login', code };
  }
  if (code === 'CredentialsProviderError' || /Could not load credentials|credential.*not found|Unable to find/i.test(message)) {
    return { kind: 'no-credentials', message: `No AWS credentials found${profile ? ` for profile "${profile}"` : ''}. ${message}`, code };
  }
  if (code === 'ExpiredTokenException' || code === 'RequestExpired') {
    return { kind: 'invalid-credentials', message: `The credentials have expired${profile ? ` (profile "${profile}")` : ''}: refresh them and retry. ${message}`, code };
  }
  if (code === 'UnrecognizedClientException' || code === 'InvalidSignatureException' || code === 'InvalidClientTokenId') {
    return { kind: 'invalid-credentials', message, code };
  }
  if (code === 'AccessDeniedException' || code === 'AccessDenied' || status === 403) {
    return { kind: 'access-denied', message: `Permission denied: ${message}`, code };
  }
  if (code === 'InvalidStateException') return { kind: 'invalid-state', message, code };
  if (code === 'InvalidParametersException' || code === 'DuplicateResourceException' || code === 'ValidationException') {
    return { kind: 'invalid-input', message, code };
  }
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket hang up|NetworkingError|TimeoutError/i.test(`${code} ${message}`)) {
    return { kind: 'network', message: `Cannot reach the Service Catalog endpoint (${message}).`, code };
  }
  return { kind: 'unknown', message, code };
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0].trim();
}
