// Turns SDK and network failures into words a user can act on. No SDK import: the extension uses this
// before the (lazily loaded) SDK bundle is in memory.
import { deniedActionOf, permissionDeniedMessage, policyRestrictionMessage, policyRestrictionOf, type PolicyRestriction } from './iamActions';

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
  /**
   * For `access-denied`: the action IAM refused (`servicecatalog:<action>` or `cloudformation:<action>`,
   * as the IAM action table keys it: the operation name; iamActionName gives the prefixed one), when its
   * message names one the extension calls.
   */
  readonly action?: string;
  /** For `access-denied`: the policy that refused it when no managed policy can lift it (an explicit deny, a boundary). */
  readonly restriction?: PolicyRestriction;
}

/**
 * How much of a failure's message a notification shows (the log has it whole): room for our own plain
 * sentences (an AccessDenied's, with a long product name) to be read whole.
 */
export const FAILURE_NOTIFICATION_LENGTH = 400;

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
  /** Which service's endpoint the call went to, when not Service Catalog's (see markServiceOf). */
  [SERVICE_OF]?: string;
}

const SERVICE_OF = Symbol('serviceCatalogExplorer.serviceOf');

/**
 * Marks a failed call with the service it went to, so a network failure names the right endpoint
 * (both services share the sandbox's port, but not AWS's host names). Returns the same error.
 */
export function markServiceOf<T>(error: T, service: string): T {
  if (typeof error === 'object' && error !== null && !(SERVICE_OF in error)) {
    Object.defineProperty(error, SERVICE_OF, { value: service, enumerable: false });
  }
  return error;
}

const NETWORK_FAILURE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket hang up|NetworkingError|TimeoutError/i;
/** The address a Node network error names: "connect ECONNREFUSED 127.0.0.1:4597", "getaddrinfo ENOTFOUND host". */
const NETWORK_ADDRESS = /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)\s+([^\s,;)]+)/;

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
  if (code === 'ResourceNotFoundException') return { kind: 'not-found', message: NO_LAUNCH_PATH.test(message) ? noLaunchPathMessage(message) : message, code };
  // By its code before its words: a denial whose role name says "SSO" and "expired" is no SSO session.
  if (code === 'AccessDeniedException' || code === 'AccessDenied') return accessDenied(message, code);
  if (SSO_EXPIRED.test(message)) {
    return { kind: 'sso-expired', message: `The SSO session has expired. ${message}`, fix: 'sso-login', code };
  }
  if (code === 'CredentialsProviderError') {
    // A provider that could not reach its endpoint (SSO portal, IMDS, STS) found nothing missing.
    const unreachable = networkFailureText(e);
    if (unreachable) {
      const address = NETWORK_ADDRESS.exec(unreachable)?.[1];
      return { kind: 'network', message: `Cannot reach ${address ?? 'the credentials endpoint'} to get credentials${profile ? ` for profile "${profile}"` : ''} (${firstLine(unreachable)}).`, code };
    }
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
  if (status === 403) return accessDenied(message, code);
  if (code === 'InvalidStateException') return { kind: 'invalid-state', message, code };
  if (code === 'InvalidParametersException' || code === 'DuplicateResourceException' || code === 'ValidationException') {
    return { kind: 'invalid-input', message, code };
  }
  if (NETWORK_FAILURE.test(`${code} ${message}`)) {
    return { kind: 'network', message: `Cannot reach the ${e[SERVICE_OF] ?? 'Service Catalog'} endpoint (${message}).`, code };
  }
  return { kind: 'unknown', message, code };
}

/**
 * IAM's refusal names the action ("... not authorized to perform: servicecatalog:<Action> on resource:
 * ...", or cloudformation:<Action> in CloudFormation's AccessDenied, HTTP 403): then the plain sentence of the IAM action table (which policy grants it, whom to ask) replaces
 * IAM's, whose caller and resource ARNs the log keeps. An explicit deny (or a boundary, a session
 * policy) is no managed policy's to lift, and says so. Without an action, the service's words follow.
 */
function accessDenied(message: string, code: string | undefined): Failure {
  const action = deniedActionOf(message);
  const restriction = policyRestrictionOf(message);
  const named = action ? { action } : {};
  if (restriction) {
    const plain = policyRestrictionMessage(restriction, action);
    return { kind: 'access-denied', message: action ? plain : `${plain} Permission denied: ${message}`, code, ...named, restriction };
  }
  if (!action) return { kind: 'access-denied', message: `Permission denied: ${message}`, code };
  return { kind: 'access-denied', message: permissionDeniedMessage(action), code, action };
}

/** The network failure in an error's message or its causes (a provider wraps the socket error), if any. */
function networkFailureText(error: ErrorLike): string | undefined {
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 4; e = (e as ErrorLike).cause, depth++) {
    const { message, code } = e as ErrorLike;
    const text = `${code ?? ''} ${message ?? ''}`.trim();
    if (NETWORK_FAILURE.test(text)) return NETWORK_FAILURE.test(message ?? '') ? (message ?? text) : text;
  }
  return undefined;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0].trim();
}

/** The service's answer to a caller none of whose portfolios holds the product (aws/aws-cdk#8404). */
const NO_LAUNCH_PATH = /^No launch paths found for resource/;

function noLaunchPathMessage(serviceWords: string): string {
  return 'None of the portfolios shared with you holds this product, so you have no launch path to provision, update or preview it '
    + `(a portfolio shared minutes ago may not count yet). Ask your catalog administrator to share one with you. (${serviceWords})`;
}
