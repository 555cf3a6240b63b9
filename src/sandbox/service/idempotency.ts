// Idempotency tokens: a repeated token with the same request replays the first result without a
// second effect; the same token with a different request is refused, as AWS does.
import type { OpEnv } from './env';
import { fail } from './errors';
import type { Secrets } from './secrets';

/**
 * Keyed digest of the request's canonical JSON without its token (and AcceptLanguage, which changes
 * nothing). Not the JSON, nor its plain hash: requests carry NoEcho values, and this is kept in the state.
 */
export function requestFingerprint(input: Record<string, unknown>, tokenField: string, secrets: Secrets): string {
  const { [tokenField]: _token, AcceptLanguage: _language, ...rest } = input;
  return secrets.fingerprint(canonicalJson(rest));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const key = (env: OpEnv, token: string) => `${env.operation}:${token}`;

/** The remembered result for this token, or undefined for a new token. Throws on a mismatched reuse. */
export function recall(env: OpEnv, tokenField: string, input: Record<string, unknown>): Record<string, string> | undefined {
  const token = input[tokenField];
  if (typeof token !== 'string') return undefined;
  const entry = env.state.idempotencyEntry(key(env, token));
  if (!entry) return undefined;
  if (entry.fingerprint !== requestFingerprint(input, tokenField, env.secrets)) {
    fail(env.operation, 'invalidParameters', `The ${tokenField} ${token} was already used with a different request.`);
  }
  return entry.result;
}

export function remember(env: OpEnv, tokenField: string, input: Record<string, unknown>, result: Record<string, string>): void {
  const token = input[tokenField];
  if (typeof token !== 'string') return;
  env.state.addIdempotencyEntry(key(env, token), { fingerprint: requestFingerprint(input, tokenField, env.secrets), result });
}
