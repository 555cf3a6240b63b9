// The rules of signing in with IAM Identity Center (the OAuth device-code flow of SSO OIDC), kept
// apart from the SDK and the editor: what a start URL is, how polling waits, what the token cache
// file holds and what the config file gets. The AWS CLI v2 and the SDK's token provider
// (@aws-sdk/token-providers fromSso) read the same cache file, so its fields are theirs.
import { isProfileName, isRegionCode } from './connection';
import { isSectionName } from './sharedConfigFile';

/** The scope that lets a token list accounts and roles and get role credentials (the CLI's default). */
export const SSO_REGISTRATION_SCOPE = 'sso:account:access';
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** The client name the OIDC service shows on its approval page. */
export const SSO_CLIENT_NAME = 'Service Catalog Explorer';

/** Undefined when `value` can be an IAM Identity Center start URL (an https URL), else why not. */
export function startUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'Enter the start URL of your AWS access portal, e.g. https://my-company.awsapps.com/start';
  }
  if (url.protocol !== 'https:') return 'The start URL must begin with https://';
  if (url.username || url.password) return 'The start URL must not hold a user name or password.';
  // It is written to the config file, where ; and # would start a comment.
  if (/[\s;#]/.test(value.trim())) return 'The start URL must not contain spaces, ";" or "#".';
  return undefined;
}

export function regionProblem(value: string): string | undefined {
  return isRegionCode(value.trim()) ? undefined : 'A region code looks like us-east-1.';
}

export function profileNameProblem(value: string): string | undefined {
  return isProfileName(value) && isSectionName(value) ? undefined : 'A profile name: letters, digits and _ - @ + . : /';
}

/** `my-company` for https://my-company.awsapps.com/start: the sso-session's name, as the CLI suggests it. */
export function ssoSessionNameFor(startUrl: string): string {
  const host = new URL(startUrl).hostname.split('.')[0] ?? '';
  const name = host.replace(/[^\w-]/g, '-').replace(/^-+/, '');
  return name || 'sso';
}

/** A profile name for an account and role, e.g. `ServiceCatalogUser-123456789012`. */
export function suggestedProfileName(roleName: string, accountId: string): string {
  const name = `${roleName}-${accountId}`.replace(/[^\w\-@+.:/]/g, '-').replace(/^-+/, '');
  return name.slice(0, 128);
}

/**
 * What the device-code polling does with an answer of CreateToken (RFC 8628 §3.5): keep waiting,
 * wait 5 s longer from now on (slow_down), or stop.
 */
export type PollStep = { readonly kind: 'wait'; readonly intervalSeconds: number } | { readonly kind: 'stop'; readonly reason: 'expired' | 'denied' | 'failed' };

export function nextPoll(errorName: string | undefined, intervalSeconds: number): PollStep {
  switch (errorName) {
    case 'AuthorizationPendingException': return { kind: 'wait', intervalSeconds };
    case 'SlowDownException': return { kind: 'wait', intervalSeconds: intervalSeconds + 5 };
    case 'ExpiredTokenException': return { kind: 'stop', reason: 'expired' };
    case 'AccessDeniedException': return { kind: 'stop', reason: 'denied' };
    default: return { kind: 'stop', reason: 'failed' };
  }
}

/** OIDC answers an interval in seconds (AWS sends 1; RFC 8628's default is 5 when none is given). */
export function pollIntervalSeconds(interval: number | undefined): number {
  return interval && interval > 0 ? Math.min(interval, 60) : 5;
}

export interface SsoClientRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Epoch seconds, as RegisterClient answers it. */
  readonly clientSecretExpiresAt: number;
}

export interface SsoTokenAnswer {
  readonly accessToken: string;
  /** Seconds. */
  readonly expiresIn: number;
  readonly refreshToken?: string;
}

/** The token cache file's fields, named as the AWS CLI v2 writes them (and the SDK reads them). */
export interface SsoTokenCacheRecord {
  readonly startUrl: string;
  readonly region: string;
  readonly accessToken: string;
  /** ISO 8601 UTC, e.g. 2026-12-01T23:00:00Z. */
  readonly expiresAt: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly registrationExpiresAt: string;
  readonly refreshToken?: string;
}

/** ISO 8601 in UTC without milliseconds, as the CLI writes it. */
function isoSeconds(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

export function tokenCacheRecord(args: { startUrl: string; region: string; registration: SsoClientRegistration; token: SsoTokenAnswer; now: number }): SsoTokenCacheRecord {
  const { startUrl, region, registration, token, now } = args;
  return {
    startUrl,
    region,
    accessToken: token.accessToken,
    expiresAt: isoSeconds(now + token.expiresIn * 1000),
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: isoSeconds(registration.clientSecretExpiresAt * 1000),
    ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
  };
}

export interface SsoProfilePlan {
  readonly sessionName: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly region: string;
}

/** The profile section the sign-in writes, in the CLI v2's `aws configure sso` layout; `region` is the default service region. */
export function ssoProfileSection(plan: SsoProfilePlan): Record<string, string> {
  return { sso_session: plan.sessionName, sso_account_id: plan.accountId, sso_role_name: plan.roleName, region: plan.region };
}

/** A new sso-session section, as `aws configure sso` writes it. */
export function ssoSessionSection(startUrl: string, ssoRegion: string): Record<string, string> {
  return { sso_start_url: startUrl, sso_region: ssoRegion, sso_registration_scopes: SSO_REGISTRATION_SCOPE };
}

export interface SsoSessionChoice {
  readonly name: string;
  /** True when the section exists and is shared as it is (never rewritten); false when it is to be written. */
  readonly exists: boolean;
  /**
   * The scopes to register with: an existing session's own, as `aws sso login --sso-session` does, so
   * the token cached for it (which every profile of the session and the AWS Toolkit use) is never narrower.
   */
  readonly scopes: readonly string[];
}

/** `sso_registration_scopes` as the CLI reads it: comma-separated; absent means the CLI's default. */
export function registrationScopes(value: string | undefined): string[] {
  const scopes = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return scopes.length ? [...new Set(scopes)] : [SSO_REGISTRATION_SCOPE];
}

/**
 * The sso-session to use: `base` when it is free, or when it already names this start URL and region
 * and its scopes let the token list accounts (then it is shared as the CLI shares it, with its own
 * scopes); else the first such `base-2`, `base-3`…
 */
export function chooseSsoSession(base: string, existing: (name: string) => Readonly<Record<string, string>> | undefined, startUrl: string, ssoRegion: string): SsoSessionChoice {
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    const section = existing(name);
    if (!section) return { name, exists: false, scopes: [SSO_REGISTRATION_SCOPE] };
    if (section.sso_start_url !== startUrl || section.sso_region !== ssoRegion) continue;
    const scopes = registrationScopes(section.sso_registration_scopes);
    if (scopes.includes(SSO_REGISTRATION_SCOPE)) return { name, exists: true, scopes };
  }
  throw new Error(`Too many sso-session sections named ${base}-….`);
}
