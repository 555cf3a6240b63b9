// What the extension talks to: a real AWS account through a named profile, or the local sandbox.
// Plain data only — credentials are resolved by the SDK's providers at call time and never stored.

export type AccessLevel = 'User' | 'Role' | 'Account';
export type CatalogLanguage = 'en' | 'jp' | 'zh';

export interface AwsConnection {
  readonly kind: 'aws';
  /** Profile from the shared config/credentials files; undefined = the SDK's default chain (env, AWS_PROFILE, default). */
  readonly profile?: string;
  readonly region: string;
}

/**
 * Which sandbox caller a sandbox connection signs as (the `sandbox.identity` setting): `endUser` holds
 * AWSServiceCatalogEndUserFullAccess, `readOnly` AWSServiceCatalogEndUserReadOnlyAccess, `admin`
 * AWSServiceCatalogAdminFullAccess, `other` is a second end user, `noCloudFormation` an end user whose
 * policy grants no CloudFormation action.
 */
export type SandboxCaller = 'endUser' | 'readOnly' | 'admin' | 'other' | 'noCloudFormation';

export const SANDBOX_CALLERS: readonly SandboxCaller[] = ['endUser', 'readOnly', 'admin', 'other', 'noCloudFormation'];

export function isSandboxCaller(value: unknown): value is SandboxCaller {
  return SANDBOX_CALLERS.includes(value as SandboxCaller);
}

export interface SandboxConnection {
  readonly kind: 'sandbox';
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Who the connection signs as; the end user when absent. */
  readonly caller?: SandboxCaller;
}

export type Connection = AwsConnection | SandboxConnection;

export interface CallSettings {
  readonly accessLevel: AccessLevel;
  readonly language: CatalogLanguage;
  /** SDK attempts per call (throttling and transient errors are retried by the SDK). */
  readonly maxAttempts?: number;
  /** How long one attempt may wait for its answer before it fails (and is retried); default 30 s. */
  readonly requestTimeoutMs?: number;
}

/** A dead network or VPN must end in an error the user sees, not a tree that loads forever. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const CONNECTION_TIMEOUT_MS = 5_000;

export function connectionLabel(connection: Connection | undefined): string {
  if (!connection) return 'Not connected';
  if (connection.kind === 'sandbox') return sandboxLabel(connection.caller ?? 'endUser');
  return `${connection.profile ?? 'default'} · ${connection.region}`;
}

/** "Sandbox" as the end user everybody starts as; any other caller is named: "Sandbox (admin)". */
function sandboxLabel(caller: SandboxCaller): string {
  const names: Record<SandboxCaller, string | undefined> = { endUser: undefined, readOnly: 'read-only', admin: 'admin', other: 'other user', noCloudFormation: 'no CloudFormation' };
  const name = names[caller];
  return name ? `Sandbox (${name})` : 'Sandbox';
}

/**
 * Which catalog a connection reaches, as a stable key: equal keys mean the same place and the same
 * credentials source. Never the label, which is for people (the default credential chain and a profile
 * named "default" both read "default · us-east-1"). The sandbox's key leaves out its endpoint: the
 * embedded sandbox listens on a new free port at every start while its catalog (the state file) and
 * caller stay the same, so a form restored after a reload still belongs to it.
 */
export function connectionKey(connection: Connection): string {
  // The access key is the caller: a form pinned to the end user refuses once the admin is connected.
  if (connection.kind === 'sandbox') return JSON.stringify(['sandbox', connection.accessKeyId, connection.region]);
  return JSON.stringify(['aws', connection.profile ?? null, connection.region]);
}

/** A connection as forms hold on to it: the key decides, the label names it in messages. */
export interface ConnectionIdentity {
  readonly key: string;
  readonly label: string;
}

export function connectionIdentity(connection: Connection): ConnectionIdentity {
  return { key: connectionKey(connection), label: connectionLabel(connection) };
}

/** Maps VS Code's display language (e.g. "ja", "zh-cn") to Service Catalog's AcceptLanguage. */
export function languageFromLocale(locale: string): CatalogLanguage {
  const lower = locale.toLowerCase();
  if (lower.startsWith('ja')) return 'jp';
  if (lower.startsWith('zh')) return 'zh';
  return 'en';
}

// Profile names as the shared config files can hold them: the grammar of the SDK's own ini parser
// (@smithy/core shared-ini-file-loader, `[profile <name>]`) without "%" (which cmd would expand on
// Windows), not starting with "-" so the AWS CLI can never read one as an option. A profile name comes
// from settings a cloned repository may set.
const PROFILE_NAME = /^[A-Za-z0-9_@+.:/][A-Za-z0-9_@+.:/-]{0,127}$/;

/**
 * The one rule for an AWS Region code, wherever one is checked (connection settings, the region
 * picker, stack-set regions, SNS topic ARNs): a two-letter prefix, one or more words, a number of one
 * or two digits: us-east-1, eu-central-2, ap-southeast-4, us-gov-west-1, cn-north-1, us-isob-east-1.
 * Lower case only, no availability-zone letter. It also keeps a region safe to put in a host name.
 */
export const REGION_CODE_PATTERN = /[a-z]{2}(?:-[a-z]+)+-\d{1,2}/;
const REGION_CODE = new RegExp(`^${REGION_CODE_PATTERN.source}$`);

export function isProfileName(name: string): boolean {
  return PROFILE_NAME.test(name) && name !== '__proto__';
}

export function isRegionCode(region: string): boolean {
  return REGION_CODE.test(region);
}
