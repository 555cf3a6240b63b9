// What the sandbox keeps of a NoEcho value: a keyed digest (HMAC-SHA256), never the value, so its
// state file holds neither a secret nor a plain hash that a dictionary would reverse. Nothing reads a
// NoEcho value back (the service masks it), so the digest is enough. The key is the install's (a key
// file next to the state file, ../stateFile) or, without a state file, a random one in memory.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { CatalogData, ParameterSpec } from './types';

const SEALED_PREFIX = 'sandbox-sealed:';
const KEYED_SEAL_PREFIX = `${SEALED_PREFIX}hmac-sha256:`;
/** The first scheme kept the value's bare SHA-256; restore converts such seals (upgradeUnkeyedDigests). */
const UNKEYED_SEAL_PREFIX = `${SEALED_PREFIX}sha256:`;
const KEYED_FINGERPRINT_PREFIX = 'hmac-sha256:';
/** The first scheme's idempotency fingerprints: the bare SHA-256 of the request. */
const UNKEYED_FINGERPRINT = /^[0-9a-f]{64}$/;

export class Secrets {
  /** Names the key in each seal, so a seal made with another key is told apart (and counts as unknown). */
  private readonly keyId: string;

  constructor(private readonly key: Buffer) {
    this.keyId = this.mac('sandbox seal key id').slice(0, 16);
  }

  /** A key that lives as long as the process: for a sandbox without a state file. */
  static inMemory(): Secrets {
    return new Secrets(randomBytes(32));
  }

  // Both MAC the value's SHA-256 rather than the value, so the first scheme's digests convert exactly.
  seal(value: string): string {
    return this.sealDigest(sha256(value));
  }

  /** Keyed, because a request's canonical JSON holds its NoEcho values in plain text. */
  fingerprint(canonicalRequest: string): string {
    return this.fingerprintDigest(sha256(canonicalRequest));
  }

  /** Whether a stored value is a seal made with this key. */
  verifies(stored: string): boolean {
    return stored.startsWith(`${KEYED_SEAL_PREFIX}${this.keyId}:`);
  }

  /** Replaces, in restored state, the first scheme's bare SHA-256 digests by keyed ones. */
  upgradeUnkeyedDigests(data: CatalogData): void {
    rewriteStrings(data, (text) => (text.startsWith(UNKEYED_SEAL_PREFIX) ? this.sealDigest(text.slice(UNKEYED_SEAL_PREFIX.length)) : text));
    for (const entry of Object.values(data.idempotency)) {
      if (UNKEYED_FINGERPRINT.test(entry.fingerprint)) entry.fingerprint = this.fingerprintDigest(entry.fingerprint);
    }
  }

  private sealDigest(hexDigest: string): string {
    return `${KEYED_SEAL_PREFIX}${this.keyId}:${this.mac(hexDigest)}`;
  }

  private fingerprintDigest(hexDigest: string): string {
    return `${KEYED_FINGERPRINT_PREFIX}${this.mac(hexDigest)}`;
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('hex');
  }
}

/** Whether a stored value is a seal (of any key or scheme) rather than a plain value. */
export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

/** Request parameters as they may be stored: NoEcho values sealed. */
export function sealNoEchoValues<T extends { Key?: string; Value?: string }>(specs: readonly ParameterSpec[], secrets: Secrets, parameters: readonly T[] = []): T[] {
  const noEcho = new Set(specs.filter((s) => s.IsNoEcho).map((s) => s.ParameterKey));
  return parameters.map((p) => (p.Key && noEcho.has(p.Key) && p.Value !== undefined ? { ...p, Value: secrets.seal(p.Value) } : p));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Replaces every string inside arrays and objects, in place. */
function rewriteStrings(node: unknown, rewrite: (text: string) => string): void {
  if (!node || typeof node !== 'object') return;
  const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
  for (const [key, value] of entries) {
    if (typeof value === 'string') (node as Record<string | number, unknown>)[key] = rewrite(value);
    else rewriteStrings(value, rewrite);
  }
}
