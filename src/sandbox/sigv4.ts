// Verifies AWS Signature Version 4 on a received request by re-signing it with the Smithy signer
// (the one the SDK itself uses) and comparing signatures in constant time.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { constantTimeEqual } from './constantTime';
import { ServiceError } from './contract';
import { findIdentity, type SandboxIdentity } from './identities';

/** AWS accepts requests signed up to 15 minutes before or after its own clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface ReceivedRequest {
  readonly method: string;
  /** Path and query as received, e.g. "/" or "/?a=b". */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** The keys a request may be signed with: a caller's own, or temporary ones (with their session token). */
export interface SigningKeys {
  readonly identity: SandboxIdentity;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  /** Epoch ms; temporary keys only. */
  readonly expiresAt?: number;
}

function ownKeys(accessKeyId: string): SigningKeys | undefined {
  const identity = findIdentity(accessKeyId);
  return identity ? { identity, secretAccessKey: identity.secretAccessKey } : undefined;
}

export interface VerifiedCaller {
  readonly identity: SandboxIdentity;
  readonly region: string;
}

interface ParsedAuthorization {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: string[];
  readonly signature: string;
}

const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request\s*,\s*SignedHeaders=([^\s,]+)\s*,\s*Signature=([0-9a-f]{64})$/;

/** Returns the caller of a correctly signed request or throws the ServiceError AWS would answer. */
export async function verifySignature(
  request: ReceivedRequest,
  expectedService: string,
  now: number = Date.now(),
  keysOf: (accessKeyId: string) => SigningKeys | undefined = ownKeys,
): Promise<VerifiedCaller> {
  const auth = parseAuthorization(headerValue(request.headers, 'authorization'));
  const keys = keysOf(auth.accessKeyId);
  if (!keys) throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  checkSessionToken(keys, headerValue(request.headers, 'x-amz-security-token'), auth.signedHeaders, now);
  const identity = keys.identity;
  const { amzDate, signingDate } = parseAmzDate(headerValue(request.headers, 'x-amz-date'));
  checkScope(auth, amzDate, expectedService);
  checkClockSkew(amzDate, signingDate, now);
  checkPayloadHash(request);
  const expected = await computeSignature(request, auth, keys, signingDate);
  if (!constantTimeEqual(expected, auth.signature)) {
    throw new ServiceError(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      403,
    );
  }
  return { identity, region: auth.region };
}

/** Temporary keys need their own session token, signed, and only until they expire; long-term keys need none. */
function checkSessionToken(keys: SigningKeys, sent: string | undefined, signedHeaders: readonly string[], now: number): void {
  if (keys.sessionToken === undefined) {
    if (sent !== undefined) throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    return;
  }
  if (sent === undefined || !signedHeaders.includes('x-amz-security-token') || !constantTimeEqual(sent, keys.sessionToken)) {
    throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (keys.expiresAt !== undefined && now > keys.expiresAt) throw new ServiceError('ExpiredTokenException', 'The security token included in the request is expired');
}

function parseAuthorization(header: string | undefined): ParsedAuthorization {
  if (!header) {
    throw new ServiceError('MissingAuthenticationTokenException', 'Request is missing Authentication Token', 400);
  }
  const m = AUTH_PATTERN.exec(header.trim());
  if (!m) {
    throw new ServiceError(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters (AWS4-HMAC-SHA256). Authorization=${header}`,
    );
  }
  const [, accessKeyId, date, region, service, signedHeaders, signature] = m;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

function parseAmzDate(value: string | undefined): { amzDate: string; signingDate: Date } {
  const m = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!value || !m) {
    throw new ServiceError('IncompleteSignatureException', "Authorization header requires existence of a valid 'X-Amz-Date' header.");
  }
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return { amzDate: value, signingDate: new Date(Date.UTC(y, mo - 1, d, h, mi, s)) };
}

function checkScope(auth: ParsedAuthorization, amzDate: string, expectedService: string): void {
  if (auth.service !== expectedService) {
    throw new ServiceError('InvalidSignatureException', `Credential should be scoped to correct service: '${expectedService}'.`, 403);
  }
  if (!amzDate.startsWith(auth.date)) {
    throw new ServiceError('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}'`, 403);
  }
}

function checkClockSkew(amzDate: string, signingDate: Date, now: number): void {
  const skew = signingDate.getTime() - now;
  if (skew < -MAX_CLOCK_SKEW_MS) {
    throw new ServiceError('InvalidSignatureException', `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_CLOCK_SKEW_MS)} (${formatAmzDate(now)} - 15 min.)`);
  }
  if (skew > MAX_CLOCK_SKEW_MS) {
    throw new ServiceError('InvalidSignatureException', `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + MAX_CLOCK_SKEW_MS)} (${formatAmzDate(now)} + 15 min.)`);
  }
}

function formatAmzDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The signer trusts an x-amz-content-sha256 header as the payload hash, so make sure it is the body's. */
function checkPayloadHash(request: ReceivedRequest): void {
  const claimed = headerValue(request.headers, 'x-amz-content-sha256');
  if (claimed === undefined || claimed === 'UNSIGNED-PAYLOAD') return;
  const actual = createHash('sha256').update(request.body).digest('hex');
  if (claimed !== actual) {
    throw new ServiceError('InvalidSignatureException', 'The provided x-amz-content-sha256 header does not match what was computed.', 403);
  }
}

async function computeSignature(
  request: ReceivedRequest,
  auth: ParsedAuthorization,
  keys: SigningKeys,
  signingDate: Date,
): Promise<string> {
  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    // The session token is already among the signed headers the client sent.
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: keys.secretAccessKey },
    sha256: Sha256,
    applyChecksum: false,
  });
  const { path, query } = splitUrl(request.url);
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  const unsigned = new HttpRequest({
    method: request.method,
    protocol: 'http:',
    hostname: headerValue(request.headers, 'host') ?? '',
    path,
    query,
    headers,
    body: request.body.toString('utf8'),
  });
  const signed = await signer.sign(unsigned, {
    signingDate,
    signingRegion: auth.region,
    signingService: auth.service,
    // Sign exactly the headers the client signed, including ones the signer would skip by default.
    signableHeaders: new Set(auth.signedHeaders),
  });
  const match = /Signature=([0-9a-f]{64})/.exec(signed.headers.authorization ?? '');
  return match ? match[1] : '';
}

function splitUrl(url: string): { path: string; query: Record<string, string | string[]> } {
  const parsed = new URL(url, 'http://sandbox.invalid');
  // Keys are the client's: without a prototype, `__proto__=x` is just a parameter.
  const query: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of parsed.searchParams) {
    const previous = query[key];
    query[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return { path: parsed.pathname, query };
}

/** Names come from the client's SignedHeaders, so own headers only (not `constructor` and the like). */
function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = Object.hasOwn(headers, name) ? headers[name] : undefined;
  return Array.isArray(value) ? value.join(',') : value;
}
