// The host's gate for webview messages: exact shapes pass, everything else is ignored and logged
// (without quoting values), and no input makes the router throw or answer.
import * as assert from 'node:assert/strict';
import { validateWebviewMessage } from '../../../../src/core/webview/messageValidator';
import { MessageRouter, type Logger } from '../../../../src/ui/webview/messageRouter';
import { RequestError } from '../../../../src/core/webview/requestError';
import type { HostToWebview } from '../../../../src/core/webview/protocol';
import { contentSecurityPolicy, renderShell } from '../../../../src/ui/webview/webviewHtml';

const SECRET = 'Hunter2-Secret!';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

const submit = {
  type: 'request', id: 7, method: 'submit',
  params: {
    target: { productId: 'prod-abc', provisioningArtifactId: 'pa-1', pathId: 'lpv3-x' },
    submission: { provisionedProductName: 'my-site', parameters: { BucketName: 'my-bucket', DbPassword: SECRET }, tags: [{ key: 'team', value: 'web' }] },
  },
};

describe('webview message validator', () => {
  it('accepts the ready handshake and well-formed requests', () => {
    assert.deepEqual(validateWebviewMessage({ type: 'ready' }), { ok: true, message: { type: 'ready' } });
    assert.equal(validateWebviewMessage(submit).ok, true);
    assert.equal(validateWebviewMessage({ type: 'request', id: 1, method: 'searchProducts', params: { query: '' } }).ok, true);
    assert.equal(validateWebviewMessage({ type: 'request', id: 2, method: 'listPlans', params: {} }).ok, true);
    assert.equal(validateWebviewMessage({ type: 'request', id: 3, method: 'runAction', params: { actionId: 'act-1', parameters: { TARGET: 'i-123' } } }).ok, true);
  });

  const malformed: [string, unknown][] = [
    ['null', null],
    ['a string', 'ready'],
    ['an array', [{ type: 'ready' }]],
    ['unknown type', { type: 'hello' }],
    ['ready with extras', { type: 'ready', evil: true }],
    ['no id', { type: 'request', method: 'listPlans', params: {} }],
    ['fractional id', { type: 'request', id: 1.5, method: 'listPlans', params: {} }],
    ['string id', { type: 'request', id: '1', method: 'listPlans', params: {} }],
    ['unknown method', { type: 'request', id: 1, method: 'deleteEverything', params: {} }],
    ['inherited method name', { type: 'request', id: 1, method: 'toString', params: {} }],
    ['missing params', { type: 'request', id: 1, method: 'describePlan' }],
    ['extra param property', { type: 'request', id: 1, method: 'describePlan', params: { planId: 'p-1', also: 1 } }],
    ['wrong param type', { type: 'request', id: 1, method: 'searchProducts', params: { query: 42 } }],
    ['id with spaces', { type: 'request', id: 1, method: 'loadProduct', params: { productId: 'prod 1; rm -rf' } }],
    ['parameters not strings', { ...submit, params: { ...submit.params, submission: { parameters: { A: 1 } } } }],
    ['__proto__ key', JSON.parse('{"type":"request","id":1,"method":"listPlans","params":{"__proto__":{"x":1}}}')],
    ['huge value', { ...submit, params: { ...submit.params, submission: { parameters: { A: 'x'.repeat(10_000) } } } }],
    ['too many tags', { ...submit, params: { ...submit.params, submission: { parameters: {}, tags: Array.from({ length: 500 }, () => ({ key: 'k', value: 'v' })) } } }],
    ['bad stack-set operation', { ...submit, params: { ...submit.params, submission: { parameters: {}, stackSet: { operationType: 'EXPLODE' } } } }],
  ];
  for (const [name, message] of malformed) {
    it(`rejects ${name}`, () => {
      const result = validateWebviewMessage(message);
      assert.equal(result.ok, false);
      if (!result.ok) assert.ok(result.reason.length > 0);
    });
  }

  it('never quotes a value in its reason (it may be a NoEcho secret)', () => {
    const bad = { ...submit, params: { ...submit.params, submission: { parameters: { DbPassword: SECRET }, extra: SECRET } } };
    const result = validateWebviewMessage(bad);
    assert.equal(result.ok, false);
    if (!result.ok) assert.ok(!result.reason.includes(SECRET), result.reason);
    const unknownType = validateWebviewMessage({ type: SECRET });
    if (!unknownType.ok) assert.ok(!unknownType.reason.includes('!'), 'odd characters are masked');
  });
});

/** Deterministic random JSON-ish values, including mutations of valid messages. */
function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * 10);
  if (depth > 3 || pick < 3) return [null, true, 0, -1, 1.5, NaN, '', 'ready', 'request', SECRET, 'x'.repeat(5000)][Math.floor(rand() * 11)];
  if (pick < 5) return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  const keys = ['type', 'id', 'method', 'params', 'query', 'planId', 'target', 'submission', 'parameters', '__proto__', 'constructor'];
  return Object.fromEntries(Array.from({ length: Math.floor(rand() * 5) }, () => [keys[Math.floor(rand() * keys.length)], randomValue(rand, depth + 1)]));
}

function mutate(rand: () => number, value: unknown): unknown {
  if (!value || typeof value !== 'object') return rand() < 0.5 ? randomValue(rand) : value;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (!keys.length) return copy;
  const key = keys[Math.floor(rand() * keys.length)];
  copy[key] = rand() < 0.6 ? mutate(rand, copy[key]) : randomValue(rand);
  return copy;
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('message router', () => {
  it('answers a request with the same id, and refused input with field errors', async () => {
    const posted: HostToWebview[] = [];
    const router = new MessageRouter('Test', {
      describePlan: async ({ planId }) => ({ planId, name: 'n', status: 'CREATE_SUCCESS', settled: true, executable: true, discardable: true, changes: [] }),
      deletePlan: async () => { throw new RequestError('No.', { planId: 'bad' }); },
    }, (m) => posted.push(m), recordingLogger(), () => posted.push({ type: 'plan' } as never));
    await router.receive({ type: 'request', id: 41, method: 'describePlan', params: { planId: 'plan-1' } });
    await router.receive({ type: 'request', id: 42, method: 'deletePlan', params: { planId: 'plan-1' } });
    assert.deepEqual(posted.map((m) => m.type === 'response' && [m.id, m.ok]), [[41, true], [42, false]]);
    const refused = posted[1];
    assert.ok(refused.type === 'response' && !refused.ok && refused.error.fieldErrors?.planId === 'bad');
  });

  it('calls onReady for the handshake', async () => {
    let readies = 0;
    const router = new MessageRouter('Test', {}, () => undefined, recordingLogger(), () => readies++);
    await router.receive({ type: 'ready' });
    assert.equal(readies, 1);
  });

  it('survives 3000 random and mutated messages: no throw, nothing run, each one logged without secrets', async () => {
    const logger = recordingLogger();
    const posted: HostToWebview[] = [];
    let handled = 0;
    const router = new MessageRouter('Fuzz', { submit: async () => { handled++; return { recordId: 'r' }; } }, (m) => posted.push(m), logger, () => undefined);
    const rand = seeded(20251123);
    let valid = 0;
    for (let i = 0; i < 3000; i++) {
      const message = i % 2 ? randomValue(rand) : mutate(rand, submit);
      const isValid = validateWebviewMessage(message).ok;
      if (isValid) valid++;
      await router.receive(message);
    }
    assert.equal(handled, valid, 'only messages that passed validation reached the handler');
    assert.equal(posted.length, valid, 'malformed messages get no answer');
    assert.equal(logger.lines.filter((l) => l.startsWith('warn')).length, 3000 - valid, 'every ignored message is logged');
    assert.ok(logger.lines.every((l) => !l.includes(SECRET)), 'no secret in the log');
  });
});

describe('webview HTML shell', () => {
  it('has a strict CSP: nothing by default, scripts only with the nonce, no inline anything', () => {
    const csp = contentSecurityPolicy('https://webview.example', 'abc123');
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.match(csp, /style-src https:\/\/webview\.example 'nonce-abc123'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const html = renderShell({ title: 'T<x>', cspSource: 'https://webview.example', nonce: 'abc123', scriptUri: 'https://webview.example/main.js', styleUris: ['https://webview.example/forms.css'], codiconsUri: 'https://webview.example/codicon.css' });
    assert.match(html, /<script nonce="abc123" src="https:\/\/webview\.example\/main\.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, from the bundle');
    assert.ok(html.includes('T&lt;x>'), 'title escaped');
  });
});
