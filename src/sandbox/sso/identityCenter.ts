// The sandbox's IAM Identity Center: SSO OIDC's device-code flow (RFC 8628 as AWS runs it) and the
// SSO portal's account assignments, with the errors AWS answers. Role credentials it hands out sign as
// the portal user's session of the permission set's role (permissionSets.ts), which its Service Catalog accepts
// (see credentialsFor).
// State lives in memory: a restarted sandbox forgets every client and token, as if signed out.
import { randomBytes } from 'node:crypto';
import { constantTimeEqual } from '../constantTime';
import { SANDBOX_IDENTITY } from '../contract';
import type { SandboxIdentity } from '../identities';
import { SANDBOX_SSO_ROLES, sessionIdentity } from './permissionSets';

export { SANDBOX_SSO_ROLES, SANDBOX_SSO_USER_NAME } from './permissionSets';

/** The sandbox directory's start URL (an identifier only: nothing is ever fetched from it). */
export const SANDBOX_START_URL = 'https://sandbox-example.awsapps.com/start';

/** The sandbox's one account, where the permission sets of SANDBOX_SSO_ROLES are assigned. */
export const SANDBOX_SSO_ACCOUNT = { accountId: SANDBOX_IDENTITY.accountId, accountName: 'Sandbox', emailAddress: 'sandbox-owner@example.com' } as const;

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const REFRESH_GRANT = 'refresh_token';
/** As AWS: device codes live 10 minutes, polling every second; tokens 8 hours; a registration 90 days. */
const DEVICE_CODE_SECONDS = 600;
const POLL_INTERVAL_SECONDS = 1;
const TOKEN_SECONDS = 8 * 3600;
const REGISTRATION_SECONDS = 90 * 24 * 3600;
const ROLE_CREDENTIAL_MS = 3600 * 1000;
/**
 * How much one sandbox holds before it answers as a throttled AWS does (SlowDownException, or
 * TooManyRequestsException from the portal): a caller looping over RegisterClient or
 * StartDeviceAuthorization must not grow its memory without bound. Expired entries are dropped first.
 */
export const SANDBOX_SSO_LIMITS = { clients: 500, grants: 200, accessTokens: 1000, roleCredentials: 2000 } as const;
/** An expired device code or role key is kept this long, so a late call still hears "expired" as from AWS. */
const EXPIRED_KEPT_MS = 3600 * 1000;

/** An OIDC error: HTTP status, its exception name (x-amzn-errortype) and the OAuth `error` code of the body. */
export class OidcError extends Error {
  constructor(readonly type: string, readonly code: string, message: string, readonly status = 400) {
    super(message);
    this.name = type;
  }
}

/** A portal (SSO) error: `{"message": …}` with its exception name. */
export class PortalError extends Error {
  constructor(readonly type: string, message: string, readonly status: number) {
    super(message);
    this.name = type;
  }
}

interface Client {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clientName: string;
  readonly scopes: readonly string[];
  readonly secretExpiresAt: number;
}

interface DeviceGrant {
  readonly clientId: string;
  readonly deviceCode: string;
  readonly userCode: string;
  /** Proves the approval form came from the page the sandbox served for this code. */
  readonly formToken: string;
  readonly expiresAt: number;
  interval: number;
  lastPollAt?: number;
  state: 'pending' | 'approved' | 'denied' | 'used';
}

interface AccessToken {
  readonly clientId: string;
  readonly expiresAt: number;
}

/** A refresh token lives as long as its client's registration. */
interface RefreshToken {
  readonly clientId: string;
  readonly expiresAt: number;
}

export interface IssuedCredentials {
  readonly identity: SandboxIdentity;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiresAt?: number;
}

const invalidClient = () => new OidcError('InvalidClientException', 'invalid_client', 'Invalid client credentials', 401);
const slowDown = () => new OidcError('SlowDownException', 'slow_down', 'Too many requests; try again later');
const unauthorized = () => new PortalError('UnauthorizedException', 'Session token not found or invalid', 401);

export class SandboxIdentityCenter {
  private readonly clients = new Map<string, Client>();
  private readonly grants = new Map<string, DeviceGrant>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly roleCredentials = new Map<string, IssuedCredentials>();

  constructor(private readonly now: () => number = Date.now) {}

  registerClient(input: Record<string, unknown>): Record<string, unknown> {
    const clientName = input.clientName;
    const clientType = input.clientType;
    if (typeof clientName !== 'string' || !clientName || typeof clientType !== 'string') {
      throw new OidcError('InvalidRequestException', 'invalid_request', 'clientName and clientType are required');
    }
    if (clientType !== 'public') throw new OidcError('InvalidClientMetadataException', 'invalid_client_metadata', `Invalid client type: ${clientType.slice(0, 40)}`);
    const scopes = Array.isArray(input.scopes) ? input.scopes.filter((s): s is string => typeof s === 'string') : [];
    this.purgeExpired();
    if (this.clients.size >= SANDBOX_SSO_LIMITS.clients) throw slowDown();
    const issuedAt = Math.floor(this.now() / 1000);
    const client: Client = {
      clientId: random(16), clientSecret: random(48), clientName: clientName.slice(0, 128), scopes, secretExpiresAt: issuedAt + REGISTRATION_SECONDS,
    };
    this.clients.set(client.clientId, client);
    return { clientId: client.clientId, clientSecret: client.clientSecret, clientIdIssuedAt: issuedAt, clientSecretExpiresAt: client.secretExpiresAt };
  }

  startDeviceAuthorization(input: Record<string, unknown>, origin: string): Record<string, unknown> {
    const client = this.authenticate(input);
    if (input.startUrl !== SANDBOX_START_URL) {
      throw new OidcError('InvalidRequestException', 'invalid_request', `Invalid start URL; the sandbox's is ${SANDBOX_START_URL}`);
    }
    this.purgeExpired();
    if (this.grants.size >= SANDBOX_SSO_LIMITS.grants) throw slowDown();
    const grant: DeviceGrant = {
      clientId: client.clientId, deviceCode: random(48), userCode: userCode(), formToken: random(24),
      expiresAt: this.now() + DEVICE_CODE_SECONDS * 1000, interval: POLL_INTERVAL_SECONDS, state: 'pending',
    };
    this.grants.set(grant.deviceCode, grant);
    const verificationUri = `${origin}/device`;
    return {
      deviceCode: grant.deviceCode, userCode: grant.userCode, verificationUri,
      verificationUriComplete: `${verificationUri}?user_code=${grant.userCode}`, expiresIn: DEVICE_CODE_SECONDS, interval: POLL_INTERVAL_SECONDS,
    };
  }

  createToken(input: Record<string, unknown>): Record<string, unknown> {
    const client = this.authenticate(input);
    if (input.grantType === REFRESH_GRANT) return this.refresh(client, input.refreshToken);
    if (input.grantType !== DEVICE_CODE_GRANT) {
      throw new OidcError('UnsupportedGrantTypeException', 'unsupported_grant_type', `Unsupported grant type: ${String(input.grantType).slice(0, 60)}`);
    }
    const grant = typeof input.deviceCode === 'string' ? this.grants.get(input.deviceCode) : undefined;
    if (!grant || grant.clientId !== client.clientId || grant.state === 'used') throw new OidcError('InvalidGrantException', 'invalid_grant', 'Invalid grant provided');
    const now = this.now();
    if (now > grant.expiresAt) throw new OidcError('ExpiredTokenException', 'expired_token', 'Device code has expired');
    if (grant.state === 'denied') throw new OidcError('AccessDeniedException', 'access_denied', 'Access denied');
    if (grant.state === 'pending') {
      const tooSoon = grant.lastPollAt !== undefined && now - grant.lastPollAt < grant.interval * 1000 - 100;
      grant.lastPollAt = now;
      if (tooSoon) {
        grant.interval += 5;
        throw new OidcError('SlowDownException', 'slow_down', 'Client is polling too quickly');
      }
      throw new OidcError('AuthorizationPendingException', 'authorization_pending', 'Authorization is still pending');
    }
    grant.state = 'used';
    return this.issueToken(client);
  }

  /** The device code a user code stands for, while it can still be approved. */
  pendingGrant(userCode: string): { clientName: string; formToken: string } | undefined {
    const grant = this.grantByUserCode(userCode);
    const client = grant && this.clients.get(grant.clientId);
    return grant && client ? { clientName: client.clientName, formToken: grant.formToken } : undefined;
  }

  /** Every code still waiting for approval, oldest first: the list a browser landing on `/` shows. */
  pendingGrants(): { userCode: string; clientName: string; formToken: string; expiresAt: number }[] {
    return [...this.grants.values()].filter((grant) => this.grantByUserCode(grant.userCode) === grant).map((grant) => ({
      userCode: grant.userCode, clientName: this.clients.get(grant.clientId)?.clientName ?? 'Unknown client', formToken: grant.formToken, expiresAt: grant.expiresAt,
    }));
  }

  /** The user's answer on the approval page (`formToken` from that page), or a test's through the admin endpoint. */
  decide(userCode: string, approve: boolean, formToken?: string): boolean {
    const grant = this.grantByUserCode(userCode);
    if (!grant) return false;
    if (formToken !== undefined && !constantTimeEqual(formToken, grant.formToken)) return false;
    grant.state = approve ? 'approved' : 'denied';
    return true;
  }

  listAccounts(accessToken: string | undefined, query: URLSearchParams): Record<string, unknown> {
    this.checkAccessToken(accessToken);
    return page([SANDBOX_SSO_ACCOUNT], query, 'accountList');
  }

  listAccountRoles(accessToken: string | undefined, query: URLSearchParams): Record<string, unknown> {
    this.checkAccessToken(accessToken);
    const accountId = requiredParam(query, 'account_id');
    const roles = accountId === SANDBOX_SSO_ACCOUNT.accountId ? Object.keys(SANDBOX_SSO_ROLES).map((roleName) => ({ roleName, accountId })) : [];
    return page(roles, query, 'roleList');
  }

  getRoleCredentials(accessToken: string | undefined, query: URLSearchParams): Record<string, unknown> {
    this.checkAccessToken(accessToken);
    const roleName = requiredParam(query, 'role_name');
    const accountId = requiredParam(query, 'account_id');
    const set = accountId === SANDBOX_SSO_ACCOUNT.accountId && Object.hasOwn(SANDBOX_SSO_ROLES, roleName) ? SANDBOX_SSO_ROLES[roleName] : undefined;
    if (!set) throw new PortalError('ForbiddenException', 'No access', 403);
    this.purgeExpired();
    if (this.roleCredentials.size >= SANDBOX_SSO_LIMITS.roleCredentials) throw new PortalError('TooManyRequestsException', 'Too many requests', 429);
    const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const secretAccessKey = random(30);
    const issued: IssuedCredentials = {
      identity: sessionIdentity(set, accessKeyId, secretAccessKey), secretAccessKey, sessionToken: random(96), expiresAt: this.now() + ROLE_CREDENTIAL_MS,
    };
    this.roleCredentials.set(accessKeyId, issued);
    return { roleCredentials: { accessKeyId, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken, expiration: issued.expiresAt } };
  }

  /** Temporary keys handed out by GetRoleCredentials, for the SigV4 check. */
  credentialsFor(accessKeyId: string): IssuedCredentials | undefined {
    return this.roleCredentials.get(accessKeyId);
  }

  /** The scopes a client registered with, as AWS keeps them for the tokens it issues. */
  registeredScopes(clientId: string): readonly string[] | undefined {
    return this.clients.get(clientId)?.scopes;
  }

  /** How many entries each map holds, for the tests of the limits. */
  sizes(): Record<'clients' | 'grants' | 'accessTokens' | 'refreshTokens' | 'roleCredentials', number> {
    return { clients: this.clients.size, grants: this.grants.size, accessTokens: this.accessTokens.size, refreshTokens: this.refreshTokens.size, roleCredentials: this.roleCredentials.size };
  }

  /** Drops what AWS would no longer accept: expired clients, device codes, tokens and role keys. */
  private purgeExpired(): void {
    const now = this.now();
    for (const [id, client] of this.clients) if (now / 1000 > client.secretExpiresAt) this.clients.delete(id);
    for (const [code, grant] of this.grants) if (now > grant.expiresAt + EXPIRED_KEPT_MS || !this.clients.has(grant.clientId)) this.grants.delete(code);
    for (const [token, known] of this.accessTokens) if (now > known.expiresAt) this.accessTokens.delete(token);
    for (const [token, known] of this.refreshTokens) if (now > known.expiresAt || !this.clients.has(known.clientId)) this.refreshTokens.delete(token);
    for (const [keyId, issued] of this.roleCredentials) if (issued.expiresAt !== undefined && now > issued.expiresAt + EXPIRED_KEPT_MS) this.roleCredentials.delete(keyId);
  }

  private authenticate(input: Record<string, unknown>): Client {
    const client = typeof input.clientId === 'string' ? this.clients.get(input.clientId) : undefined;
    if (!client || typeof input.clientSecret !== 'string' || !constantTimeEqual(input.clientSecret, client.clientSecret)) throw invalidClient();
    if (this.now() / 1000 > client.secretExpiresAt) throw invalidClient();
    return client;
  }

  private refresh(client: Client, refreshToken: unknown): Record<string, unknown> {
    const owner = typeof refreshToken === 'string' ? this.refreshTokens.get(refreshToken) : undefined;
    if (owner?.clientId !== client.clientId || this.now() > owner.expiresAt) throw new OidcError('InvalidGrantException', 'invalid_grant', 'Invalid refresh token provided');
    this.refreshTokens.delete(refreshToken as string);
    return this.issueToken(client);
  }

  private issueToken(client: Client): Record<string, unknown> {
    this.purgeExpired();
    if (this.accessTokens.size >= SANDBOX_SSO_LIMITS.accessTokens) throw slowDown();
    const accessToken = `aoa${random(96)}`;
    const refreshToken = `aor${random(96)}`;
    this.accessTokens.set(accessToken, { clientId: client.clientId, expiresAt: this.now() + TOKEN_SECONDS * 1000 });
    this.refreshTokens.set(refreshToken, { clientId: client.clientId, expiresAt: client.secretExpiresAt * 1000 });
    return { accessToken, tokenType: 'Bearer', expiresIn: TOKEN_SECONDS, refreshToken };
  }

  private checkAccessToken(token: string | undefined): void {
    const known = token ? this.accessTokens.get(token) : undefined;
    if (!known || this.now() > known.expiresAt) throw unauthorized();
  }

  private grantByUserCode(code: string): DeviceGrant | undefined {
    const wanted = code.trim().toUpperCase();
    for (const grant of this.grants.values()) {
      if (grant.userCode === wanted && grant.state === 'pending' && this.now() <= grant.expiresAt) return grant;
    }
    return undefined;
  }
}

function random(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** Eight letters in two groups, as AWS shows them (no vowels-and-digits confusion: letters only). */
function userCode(): string {
  const letters = 'BCDFGHJKLMNPQRSTVWXZ';
  const pick = [...randomBytes(8)].map((b) => letters[b % letters.length]).join('');
  return `${pick.slice(0, 4)}-${pick.slice(4)}`;
}

function requiredParam(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (!value) throw new PortalError('InvalidRequestException', `Missing required parameter ${name}`, 400);
  return value;
}

/** max_result and next_token paging (the token is an opaque offset). */
function page<T>(all: readonly T[], query: URLSearchParams, listName: string): Record<string, unknown> {
  const max = query.has('max_result') ? Number(query.get('max_result')) : 20;
  if (!Number.isInteger(max) || max < 1 || max > 100) throw new PortalError('InvalidRequestException', 'max_result must be between 1 and 100', 400);
  const token = query.get('next_token');
  const start = token ? Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^offset:/, '')) : 0;
  if (!Number.isInteger(start) || start < 0 || start > all.length) throw new PortalError('InvalidRequestException', 'Invalid next_token', 400);
  const end = start + max;
  return { [listName]: all.slice(start, end), ...(end < all.length ? { nextToken: Buffer.from(`offset:${end}`).toString('base64url') } : {}) };
}
