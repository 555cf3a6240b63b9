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
    // fromEntries defines own properties: a "__proto__" key stays a key instead of setting a prototype.
    return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined).map(([key, member]) => [key, toWire(member)]));
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

/**
 * Largest request body read, 1 MiB. AWS publishes no payload limit for Service Catalog; the largest
 * valid request is a launch or update of a CloudFormation product at CloudFormation's own limits
 * (200 parameters, 255-character names, 4,096-byte values) with 50 tags and 5 notification ARNs:
 * about 0.9 MB of JSON. A bigger body is refused before it is all read.
 */
const MAX_BODY_BYTES = 1024 * 1024;

function tooLarge(): ServiceError {
  // RequestEntityTooLargeException is AWS's common error for this (HTTP 413).
  return new ServiceError('RequestEntityTooLargeException', `The request entity is too large: at most ${MAX_BODY_BYTES} bytes are accepted.`, 413);
}

/** Answering before the body is all read: hang up after the answer rather than read on (or stall). */
export function hangUpIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  if (!req.complete) res.setHeader('Connection', 'close');
}

/** The body, up to MAX_BODY_BYTES: a larger declared length fails at once, a larger stream as soon as it passes the limit. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause(); // and hangUpIfBodyUnread: the rest is never read
      reject(tooLarge());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
