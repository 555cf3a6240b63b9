// Unsigned admin endpoints for tests in other processes:
//   GET /__sandbox/health, GET /__sandbox/stats, POST /__sandbox/stats/reset, POST /__sandbox/knobs,
//   POST /__sandbox/sso/approve and /sso/deny ({"userCode"}: as the approval page's buttons)
// They answer only a loopback caller that names the sandbox in Host, sends the token made at this
// start (printed by the CLI, Sandbox.adminToken) and posts JSON. A web page can do none of these:
// it can't read the token, a rebound host name shows in Host, and JSON needs a CORS preflight.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constantTimeEqual } from './constantTime';
import { ServiceError } from './contract';
import type { SandboxKnobs } from './knobs';
import { isAddressedToSandbox, misaddressedMessage } from './ownAddress';
import type { SandboxStats } from './stats';
import { hangUpIfBodyUnread, readBody } from './wire';

export const ADMIN_PREFIX = '/__sandbox/';
export const ADMIN_TOKEN_HEADER = 'x-sandbox-admin-token';

export interface AdminTarget {
  /** The token callers must send in ADMIN_TOKEN_HEADER. */
  readonly token: string;
  health(): Record<string, unknown>;
  stats(): SandboxStats;
  resetStats(): void;
  /** Applies a partial knob set (throws with a readable message when it is invalid) and returns all knobs. */
  setKnobs(partial: Record<string, unknown>): Readonly<SandboxKnobs>;
  /** Approves or denies a pending IAM Identity Center sign-in code, as its browser page does; false when none is pending. */
  decideDevice(userCode: string, approve: boolean): boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export async function handleAdmin(req: IncomingMessage, res: ServerResponse, target: AdminTarget): Promise<void> {
  const refusal = refusalOf(req, target.token);
  if (refusal) return refuse(req, res, refusal.status, refusal.message);
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (err) {
    return refuse(req, res, err instanceof ServiceError ? err.status : 400, (err as Error).message); // too large, or the client left
  }
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
    case `POST ${ADMIN_PREFIX}sso/approve`:
    case `POST ${ADMIN_PREFIX}sso/deny`:
      return decideDevice(res, body, target, route.endsWith('approve'));
    default:
      return reply(res, 404, { error: `no admin endpoint ${route}` });
  }
}

function refusalOf(req: IncomingMessage, token: string): { status: number; message: string } | undefined {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return { status: 403, message: 'admin endpoints answer loopback callers only' };
  if (!isAddressedToSandbox(req)) return { status: 403, message: misaddressedMessage(req) };
  const sent = req.headers[ADMIN_TOKEN_HEADER];
  if (typeof sent !== 'string' || !constantTimeEqual(sent, token)) {
    return { status: 403, message: `admin endpoints need the ${ADMIN_TOKEN_HEADER} header with the token the sandbox printed when it started` };
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (req.method === 'POST' && mediaType !== 'application/json') return { status: 415, message: 'admin POSTs need Content-Type: application/json' };
  return undefined;
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  hangUpIfBodyUnread(req, res);
  reply(res, status, { error: message });
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

function decideDevice(res: ServerResponse, body: Buffer, target: AdminTarget, approve: boolean): void {
  let userCode: unknown;
  try {
    userCode = (JSON.parse(body.toString('utf8') || '{}') as { userCode?: unknown }).userCode;
  } catch {
    return reply(res, 400, { error: 'expected {"userCode": "ABCD-EFGH"}' });
  }
  if (typeof userCode !== 'string') return reply(res, 400, { error: 'expected {"userCode": "ABCD-EFGH"}' });
  if (!target.decideDevice(userCode, approve)) return reply(res, 404, { error: 'no pending sign-in has this code' });
  reply(res, 200, { userCode, decision: approve ? 'approved' : 'denied' });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
