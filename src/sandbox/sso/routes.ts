// HTTP for the sandbox's IAM Identity Center, as the real services speak it (REST-JSON):
//   SSO OIDC   POST /client/register, POST /device_authorization, POST /token
//   SSO portal GET /assignment/accounts, GET /assignment/roles, GET /federation/credentials
//              (the token in x-amz-sso_bearer_token)
//   the approval page a browser opens: GET /device?user_code=…, POST /device (its form), and GET /,
//   which lists every pending code (the web workbench's port proxy drops the path and query it opens)
// Errors carry their exception name in x-amzn-errortype; OIDC bodies are {error, error_description},
// portal bodies {message}. JSON calls need a JSON Content-Type (no page can send that without a CORS
// preflight, which the sandbox never grants); the page's form needs the token of the page it came from.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OidcError, PortalError, type SandboxIdentityCenter } from './identityCenter';
import { SANDBOX_SSO_USER_NAME } from './permissionSets';

const OIDC_ROUTES: Record<string, 'registerClient' | 'startDeviceAuthorization' | 'createToken'> = {
  'POST /client/register': 'registerClient',
  'POST /device_authorization': 'startDeviceAuthorization',
  'POST /token': 'createToken',
};
const PORTAL_ROUTES: Record<string, 'listAccounts' | 'listAccountRoles' | 'getRoleCredentials'> = {
  'GET /assignment/accounts': 'listAccounts',
  'GET /assignment/roles': 'listAccountRoles',
  'GET /federation/credentials': 'getRoleCredentials',
};
export const DEVICE_PAGE_PATH = '/device';
const PENDING_LIST_KEY = 'GET /';

/** Whether a request is for Identity Center rather than Service Catalog (POST /). */
export function isIdentityCenterRequest(req: IncomingMessage): boolean {
  const key = routeKey(req);
  return key in OIDC_ROUTES || key in PORTAL_ROUTES || key === PENDING_LIST_KEY || new URL(req.url ?? '/', 'http://sandbox.invalid').pathname === DEVICE_PAGE_PATH;
}

function routeKey(req: IncomingMessage): string {
  return `${req.method} ${new URL(req.url ?? '/', 'http://sandbox.invalid').pathname}`;
}

/** Answers one Identity Center request whose body has been read (the Host was checked before). */
export function handleIdentityCenter(req: IncomingMessage, res: ServerResponse, body: Buffer, center: SandboxIdentityCenter, requestId: string): void {
  const key = routeKey(req);
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const origin = `http://${req.headers.host}`;
  if (url.pathname === DEVICE_PAGE_PATH) return devicePage(req, res, body, url, center);
  if (key === PENDING_LIST_KEY) return pendingListPage(res, center);
  const oidc = OIDC_ROUTES[key];
  if (oidc) {
    try {
      const input = jsonBody(req, body);
      const output = oidc === 'startDeviceAuthorization' ? center.startDeviceAuthorization(input, origin) : center[oidc](input);
      return sendJson(res, 200, output, requestId);
    } catch (error) {
      if (!(error instanceof OidcError)) throw error;
      return sendJson(res, error.status, { error: error.code, error_description: error.message }, requestId, error.type);
    }
  }
  const portal = PORTAL_ROUTES[key];
  try {
    const token = req.headers['x-amz-sso_bearer_token'];
    const output = center[portal](typeof token === 'string' ? token : undefined, url.searchParams);
    sendJson(res, 200, output, requestId);
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    sendJson(res, error.status, { message: error.message }, requestId, error.type);
  }
}

function jsonBody(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json' && !/^application\/x-amz-json-1\.[01]$/.test(mediaType)) {
    throw new OidcError('InvalidRequestException', 'invalid_request', 'Content-Type must be application/json');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new OidcError('InvalidRequestException', 'invalid_request', 'The request body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new OidcError('InvalidRequestException', 'invalid_request', 'The request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string, errorType?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId,
    ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}),
  });
  res.end(text);
}

/** The page a person approves the code on: shown for GET, decided by its own form's POST. */
function devicePage(req: IncomingMessage, res: ServerResponse, body: Buffer, url: URL, center: SandboxIdentityCenter): void {
  if (req.method === 'POST') {
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const form = new URLSearchParams(mediaType === 'application/x-www-form-urlencoded' ? body.toString('utf8') : '');
    const code = form.get('user_code') ?? '';
    const decision = form.get('decision');
    const done = (decision === 'approve' || decision === 'deny') && center.decide(code, decision === 'approve', form.get('form_token') ?? '');
    if (!done) return sendPage(res, 400, 'Request not found', '<p>This code is unknown, expired or already used. Start the sign-in again in your editor.</p>');
    return sendPage(res, 200, decision === 'approve' ? 'Request approved' : 'Request denied',
      decision === 'approve' ? '<p>You can close this window and return to your editor.</p>' : '<p>The editor was not signed in. You can close this window.</p>');
  }
  if (req.method !== 'GET') return sendPage(res, 405, 'Method not allowed', '');
  const code = url.searchParams.get('user_code');
  if (!code) {
    return sendPage(res, 200, 'Authorize request', `<form method="get" action="${DEVICE_PAGE_PATH}"><label>Code <input name="user_code" autocomplete="off"></label> <button type="submit">Next</button></form>`);
  }
  const pending = center.pendingGrant(code);
  if (!pending) return sendPage(res, 400, 'Request not found', '<p>This code is unknown, expired or already used. Start the sign-in again in your editor.</p>');
  sendPage(res, 200, 'Authorize request', [
    `<p><strong>${escapeHtml(pending.clientName)}</strong> asks to access the sandbox's AWS accounts as <strong>${SANDBOX_SSO_USER_NAME}</strong>.</p>`,
    `<p>Code: <code id="user-code">${escapeHtml(code.toUpperCase())}</code>. Approve only if your editor shows the same code.</p>`,
    `<form method="post" action="${DEVICE_PAGE_PATH}">`,
    `<input type="hidden" name="user_code" value="${escapeHtml(code)}">`,
    `<input type="hidden" name="form_token" value="${escapeHtml(pending.formToken)}">`,
    '<button type="submit" name="decision" value="approve" id="approve">Approve</button> ',
    '<button type="submit" name="decision" value="deny" id="deny">Deny</button>',
    '</form>',
  ].join('\n'));
}

/**
 * Every code waiting for approval, each with its own Approve/Deny form: a browser that lost the code
 * on the way (a proxy that keeps only the origin) lands here and the user picks the code the editor shows.
 */
function pendingListPage(res: ServerResponse, center: SandboxIdentityCenter): void {
  const pending = center.pendingGrants();
  if (!pending.length) {
    return sendPage(res, 200, 'No pending requests', '<p>No sign-in is waiting for approval. Start the sign-in in your editor, then reload this page.</p>');
  }
  const rows = pending.map((grant) => [
    '<tr>',
    `<td><code class="user-code">${escapeHtml(grant.userCode)}</code></td>`,
    `<td>${escapeHtml(grant.clientName)}</td>`,
    `<td>${escapeHtml(new Date(grant.expiresAt).toISOString().slice(11, 19))} UTC</td>`,
    // Relative action: behind a path-prefixing proxy the form still reaches this server's /device.
    `<td><form method="post" action="${DEVICE_PAGE_PATH.slice(1)}">`,
    `<input type="hidden" name="user_code" value="${escapeHtml(grant.userCode)}">`,
    `<input type="hidden" name="form_token" value="${escapeHtml(grant.formToken)}">`,
    '<button type="submit" name="decision" value="approve">Approve</button> ',
    '<button type="submit" name="decision" value="deny">Deny</button>',
    '</form></td>',
    '</tr>',
  ].join('')).join('\n');
  sendPage(res, 200, 'Authorize request', [
    `<p>Approve only the code your editor shows; the sign-in asks to access the sandbox's AWS accounts as <strong>${SANDBOX_SSO_USER_NAME}</strong>.</p>`,
    '<table><thead><tr><th>Code</th><th>Client</th><th>Expires</th><th></th></tr></thead>',
    `<tbody>\n${rows}\n</tbody></table>`,
  ].join('\n'));
}

function sendPage(res: ServerResponse, status: number, title: string, content: string): void {
  const nonce = randomBytes(16).toString('base64');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Sandbox IAM Identity Center</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.4rem 1.2rem}td,th{padding:.3rem .6rem;text-align:left;white-space:nowrap}</style></head>
<body><h1>${title}</h1>${content}<p><small>Sandbox IAM Identity Center: a local imitation, no AWS account involved.</small></p></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
