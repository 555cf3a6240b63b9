// CloudFormation's wire format, the AWS query protocol: form-encoded POST bodies naming an Action,
// XML answers (fast-xml-parser's builder, which escapes text) and XML error bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { XMLBuilder } from 'fast-xml-parser';
import { ServiceError } from '../contract';

export const QUERY_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const CLOUDFORMATION_XMLNS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
export const CLOUDFORMATION_VERSION = '2010-05-15';

/** A query-protocol request: form-encoded and without X-Amz-Target (Service Catalog's awsJson has one). */
export function isQueryRequest(req: IncomingMessage): boolean {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return mediaType === QUERY_CONTENT_TYPE && req.headers['x-amz-target'] === undefined;
}

/** The form's parameters; keys without a prototype so `__proto__=x` is only a parameter. */
export function parseQueryBody(body: Buffer): Record<string, string> {
  const params: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params[key] = value;
  return params;
}

/** Characters XML 1.0 cannot carry at all (escaping does not help): replaced, so the document stays well formed. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Output as XML nodes: lists as <member> items, Dates in ISO 8601, text made XML-safe. */
export function toXmlNode(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length ? { member: value.map(toXmlNode) } : '';
  if (typeof value === 'string') return value.replace(NOT_XML, '\uFFFD');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toXmlNode(v)]));
  }
  return '';
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true, suppressEmptyNode: false });

export function sendXml(res: ServerResponse, action: string, result: unknown, requestId: string): void {
  const document = {
    [`${action}Response`]: {
      '@_xmlns': CLOUDFORMATION_XMLNS,
      [`${action}Result`]: toXmlNode(result),
      ResponseMetadata: { RequestId: requestId },
    },
  };
  send(res, 200, builder.build(document), requestId);
}

/** Query-protocol errors: Sender faults (4xx) and Receiver ones (5xx), with the request id. */
export function sendXmlError(res: ServerResponse, error: ServiceError, requestId: string): void {
  const document = {
    ErrorResponse: {
      '@_xmlns': CLOUDFORMATION_XMLNS,
      Error: { Type: error.status >= 500 ? 'Receiver' : 'Sender', Code: error.type, Message: toXmlNode(error.message) },
      RequestId: requestId,
    },
  };
  send(res, error.status, builder.build(document), requestId);
}

function send(res: ServerResponse, status: number, xml: string, requestId: string): void {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
  res.writeHead(status, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': requestId });
  res.end(text);
}
