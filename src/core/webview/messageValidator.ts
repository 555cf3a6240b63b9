// Checks every message a webview posts before the host acts on it. The page is not trusted: anything
// that is not exactly a known message is rejected with a reason (which never quotes values: they may
// hold NoEcho secrets), and the caller logs and ignores it.
import { MAX_NOTIFICATION_ARNS, MAX_TAGS } from '../parameters';
import type { Method, WebviewToHost } from './protocol';
import { array, type Check, id, isPlainObject, literal, object, optional, record, text, textOrNumber } from './schema';

const MAX_PARAMETERS = 200;

const target = object({ productId: id, provisioningArtifactId: id, pathId: optional(id) });

const stackSet = object({
  accounts: optional(array(text(12), 500)),
  regions: optional(array(text(32), 100)),
  failureToleranceCount: optional(textOrNumber()),
  failureTolerancePercentage: optional(textOrNumber()),
  maxConcurrencyCount: optional(textOrNumber()),
  maxConcurrencyPercentage: optional(textOrNumber()),
  operationType: optional(literal('CREATE', 'UPDATE', 'DELETE')),
});

const submission = object({
  provisionedProductName: optional(text(128)),
  parameters: record(text(), MAX_PARAMETERS),
  keepPrevious: optional(array(text(255), MAX_PARAMETERS)),
  // Twice the limits, so the form's own rules (not this shape check) report "too many".
  tags: optional(array(object({ key: text(128), value: text(256) }), MAX_TAGS * 2)),
  stackSet: optional(stackSet),
  notificationArns: optional(array(text(1224), MAX_NOTIFICATION_ARNS * 2)),
});

const submitRequest = object({ target, submission });
const empty = object({});

const PARAMS: Readonly<Record<Method, Check>> = {
  searchProducts: object({ query: text(256) }),
  loadProduct: object({ productId: id }),
  loadParameters: target,
  submit: submitRequest,
  preview: submitRequest,
  saveSpec: submitRequest,
  listPlans: empty,
  describePlan: object({ planId: id }),
  executePlan: object({ planId: id }),
  deletePlan: object({ planId: id }),
  listActions: empty,
  describeAction: object({ actionId: id }),
  runAction: object({ actionId: id, parameters: record(text(), 200) }),
  provisionResult: object({ action: literal('copyRecordId', 'follow', 'reveal', 'provisionAnother') }),
  reload: empty,
};

export type Validated = { readonly ok: true; readonly message: WebviewToHost } | { readonly ok: false; readonly reason: string };

function describeKind(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'an array';
  return typeof raw === 'object' ? 'an object' : `a ${typeof raw}`;
}

export function validateWebviewMessage(raw: unknown): Validated {
  if (!isPlainObject(raw)) return { ok: false, reason: `message is ${describeKind(raw)}, not an object` };
  if (raw.type === 'ready') {
    return Object.keys(raw).length === 1 ? { ok: true, message: { type: 'ready' } } : { ok: false, reason: 'ready message has extra properties' };
  }
  if (raw.type !== 'request') return { ok: false, reason: `unknown message type ${safeName(raw.type)}` };
  const envelope = object({ type: literal('request'), id: requestId, method: knownMethod, params: () => undefined })(raw, 'message');
  if (envelope) return { ok: false, reason: envelope };
  const method = raw.method as Method;
  const error = PARAMS[method](raw.params, `${method}.params`);
  if (error) return { ok: false, reason: error };
  return { ok: true, message: raw as unknown as WebviewToHost };
}

const requestId: Check = (value, path) =>
  Number.isSafeInteger(value) ? undefined : `${path} must be an integer`;

const knownMethod: Check = (value, path) =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(PARAMS, value) ? undefined : `${path} ${safeName(value)} is not a known method`;

/** A short, printable rendering of a type or method name for the log. */
function safeName(value: unknown): string {
  if (typeof value !== 'string') return `(${describeKind(value)})`;
  return JSON.stringify(value.replace(/[^\w.-]/g, '?').slice(0, 40));
}
