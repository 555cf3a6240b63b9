// What the sandbox keeps of a NoEcho value: a digest, never the value, so its state file holds no
// secret. Nothing reads a NoEcho value back (the service masks it), so the digest is enough.
import { createHash } from 'node:crypto';
import type { ParameterSpec } from './types';

const SEALED_PREFIX = 'sandbox-sealed:sha256:';

export function sealSecret(value: string): string {
  return isSealed(value) ? value : `${SEALED_PREFIX}${createHash('sha256').update(value).digest('hex')}`;
}

export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

/** Request parameters as they may be stored: NoEcho values sealed. */
export function sealNoEchoValues<T extends { Key?: string; Value?: string }>(specs: readonly ParameterSpec[], parameters: readonly T[] = []): T[] {
  const noEcho = new Set(specs.filter((s) => s.IsNoEcho).map((s) => s.ParameterKey));
  return parameters.map((p) => (p.Key && noEcho.has(p.Key) && p.Value !== undefined ? { ...p, Value: sealSecret(p.Value) } : p));
}
