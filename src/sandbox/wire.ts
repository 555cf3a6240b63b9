// The awsJson1_1 wire format: operation from X-Amz-Target, JSON bodies, error bodies and headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ServiceError } from './contract';
import { TARGET_PREFIX } from './model';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** "AWS242ServiceCatalogService.SearchProducts" → "SearchProducts"; anything else is an unknown operation. */
export function operationFromTarget(target: string | string[] | undefined): string {
  const value = Array.isArray(target) ? target[0] : target;
  const prefix = `${TARGET_PREFIX}.`;
  if (!value || !value.startsWith(prefix) || value.length === prefix.length) {
    throw new ServiceError('UnknownOperationException', `Missing or unknown X-Amz-Target: ${value ?? '(none)'}`);
  }
  return value.slice(prefix.length);
}

export function checkContentType(header: string | undefined): void {
  const mediaType = (header ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== JSON_CONTENT_TYPE) {
    throw new ServiceError('SerializationException', `Content-Type must be ${JSON_CONTENT_TYPE}, got '${header ?? ''}'`);
  }
}

/** The request body as a JSON object; an empty body counts as `{}` as AWS treats it. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ServiceError('SerializationException', `Unable to parse the request body as JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ServiceError('SerializationException', 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** Output as it travels: Date → epoch seconds (fractions kept), undefined members dropped. */
export function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = toWire(member);
    return out;
  }
  return value;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId,
    ...extraHeaders,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ServiceError, requestId: string): void {
  sendJson(res, error.status, { __type: error.type, message: error.message }, requestId, { 'x-amzn-errortype': error.type });
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ServiceError('SerializationException', 'Request body too large', 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
