// One idempotency token per user action: made when Submit is first pressed for some form content and
// reused when the same content is submitted again after a failure (a retry), so the service never runs
// one action twice. Only a hash of the content is kept (it may hold NoEcho values). Also refuses a
// second submission while one is in flight.
import { createHash } from 'node:crypto';
import { newIdempotencyToken } from '../parameters';
import { RequestError } from './requestError';

export class SubmissionGuard {
  private readonly tokens = new Map<string, string>();
  private inFlight = false;

  constructor(private readonly makeToken: () => string = newIdempotencyToken) {}

  get busy(): boolean {
    return this.inFlight;
  }

  /** The token this content would be sent with now (tests and logs use it; it is not a secret). */
  tokenFor(action: string, content: unknown): string {
    const key = contentKey(action, content);
    let token = this.tokens.get(key);
    if (!token) {
      token = this.makeToken();
      this.tokens.set(key, token);
    }
    return token;
  }

  /** Runs `send` with the content's token; after a success the next submission is a new action. */
  async run<T>(action: string, content: unknown, send: (token: string) => Promise<T>): Promise<T> {
    if (this.inFlight) throw new RequestError('A request from this form is still in progress.', undefined, 'Busy');
    this.inFlight = true;
    try {
      const result = await send(this.tokenFor(action, content));
      this.tokens.delete(contentKey(action, content));
      return result;
    } finally {
      this.inFlight = false;
    }
  }
}

function contentKey(action: string, content: unknown): string {
  return createHash('sha256').update(action).update('\0').update(stableJson(content)).digest('hex');
}

/** JSON with object keys sorted, so the same content always hashes the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
