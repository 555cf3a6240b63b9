// Unsigned admin endpoints for tests in other processes (loopback callers only):
//   GET /__sandbox/health, GET /__sandbox/stats, POST /__sandbox/stats/reset, POST /__sandbox/knobs
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxKnobs } from './knobs';
import type { SandboxStats } from './stats';

export const ADMIN_PREFIX = '/__sandbox/';

export interface AdminTarget {
  health(): Record<string, unknown>;
  stats(): SandboxStats;
  resetStats(): void;
  /** Applies a partial knob set (throws with a readable message when it is invalid) and returns all knobs. */
  setKnobs(partial: Record<string, unknown>): Readonly<SandboxKnobs>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function handleAdmin(req: IncomingMessage, res: ServerResponse, body: Buffer, target: AdminTarget): void {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return reply(res, 403, { error: 'admin endpoints answer loopback callers only' });
  const route = `${req.method} ${new URL(req.url ?? '/', 'http://sandbox.invalid').pathname}`;
  switch (route) {
    case `GET ${ADMIN_PREFIX}health`:
      return reply(res, 200, target.health());
    case `GET ${ADMIN_PREFIX}stats`:
      return reply(res, 200, target.stats());
    case `POST ${ADMIN_PREFIX}stats/reset`:
      target.resetStats();
      return reply(res, 200, target.stats());
    case `POST ${ADMIN_PREFIX}knobs`:
      return setKnobs(res, body, target);
    default:
      return reply(res, 404, { error: `no admin endpoint ${route}` });
  }
}

function setKnobs(res: ServerResponse, body: Buffer, target: AdminTarget): void {
  try {
    const partial: unknown = JSON.parse(body.toString('utf8') || '{}');
    if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) throw new Error('expected a JSON object of knobs');
    reply(res, 200, target.setKnobs(partial as Record<string, unknown>));
  } catch (err) {
    reply(res, 400, { error: (err as Error).message });
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
