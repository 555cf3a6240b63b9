// The SDK side of signing in with IAM Identity Center: the device-code flow of SSO OIDC, the account
// and role lists of the SSO portal, and the files the AWS CLI v2 and the SDK read afterwards (the
// token cache and the shared config file). Endpoints are the SDK's: by region, or AWS_ENDPOINT_URL_SSO_OIDC
// / AWS_ENDPOINT_URL_SSO / AWS_ENDPOINT_URL from the environment (never from a workspace setting).
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { getSSOTokenFilepath, loadSharedConfigFiles } from '@smithy/core/config';
import { CONNECTION_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS } from '../core/connection';
import { collectPages } from '../core/paging';
import { hasSection, readSection, setSection, type ConfigSection } from '../core/sharedConfigFile';
import {
  DEVICE_CODE_GRANT, nextPoll, pollIntervalSeconds, SSO_CLIENT_NAME,
  type SsoClientRegistration, type SsoTokenAnswer, type SsoTokenCacheRecord,
} from '../core/ssoSignIn';

const requestHandler = { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: DEFAULT_REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true };

function oidcClient(region: string): SSOOIDCClient {
  return new SSOOIDCClient({ region, maxAttempts: 3, requestHandler });
}

function portalClient(region: string): SSOClient {
  return new SSOClient({ region, maxAttempts: 3, requestHandler });
}

export interface DeviceAuthorization {
  readonly registration: SsoClientRegistration;
  readonly deviceCode: string;
  readonly userCode: string;
  readonly verificationUri: string;
  /** The page with the code filled in, when the service gives one. */
  readonly verificationUriComplete?: string;
  /** Epoch ms after which the device code is no longer valid. */
  readonly expiresAt: number;
  readonly intervalSeconds: number;
}

/** RegisterClient (a public client for the device-code grant, with `scopes`), then StartDeviceAuthorization. */
export async function startDeviceAuthorization(startUrl: string, ssoRegion: string, scopes: readonly string[]): Promise<DeviceAuthorization> {
  const client = oidcClient(ssoRegion);
  try {
    const registered = await client.send(new RegisterClientCommand({ clientName: SSO_CLIENT_NAME, clientType: 'public', scopes: [...scopes] }));
    if (!registered.clientId || !registered.clientSecret) throw new Error('IAM Identity Center registered no client.');
    const registration: SsoClientRegistration = {
      clientId: registered.clientId,
      clientSecret: registered.clientSecret,
      clientSecretExpiresAt: registered.clientSecretExpiresAt ?? Math.floor(Date.now() / 1000),
    };
    const started = Date.now();
    const device = await client.send(new StartDeviceAuthorizationCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl }));
    if (!device.deviceCode || !device.userCode || !device.verificationUri) throw new Error('IAM Identity Center started no device authorization.');
    return {
      registration,
      deviceCode: device.deviceCode,
      userCode: device.userCode,
      verificationUri: device.verificationUri,
      verificationUriComplete: device.verificationUriComplete,
      expiresAt: started + (device.expiresIn ?? 600) * 1000,
      intervalSeconds: pollIntervalSeconds(device.interval),
    };
  } finally {
    client.destroy();
  }
}

export class SignInStoppedError extends Error {
  constructor(readonly reason: 'expired' | 'denied' | 'cancelled', message: string) {
    super(message);
    this.name = 'SignInStoppedError';
  }
}

/** Polls CreateToken until the user approves the code in the browser, honouring interval and slow_down. */
export async function waitForToken(ssoRegion: string, authorization: DeviceAuthorization, signal: AbortSignal, sleep = abortableSleep): Promise<SsoTokenAnswer> {
  const client = oidcClient(ssoRegion);
  // One round per interval, bounded by the code's lifetime (10 minutes at AWS).
  const poll = async (interval: number): Promise<SsoTokenAnswer> => {
    await sleep(interval * 1000, signal);
    if (Date.now() > authorization.expiresAt) throw expired();
    try {
      const token = await client.send(new CreateTokenCommand({
        clientId: authorization.registration.clientId,
        clientSecret: authorization.registration.clientSecret,
        grantType: DEVICE_CODE_GRANT,
        deviceCode: authorization.deviceCode,
      }), { abortSignal: signal });
      if (!token.accessToken || !token.expiresIn) throw new Error('IAM Identity Center answered no token.');
      return { accessToken: token.accessToken, expiresIn: token.expiresIn, refreshToken: token.refreshToken };
    } catch (error) {
      if (signal.aborted) throw cancelled();
      const step = nextPoll(error instanceof Error ? error.name : undefined, interval);
      if (step.kind === 'wait') return poll(step.intervalSeconds);
      if (step.reason === 'expired') throw expired();
      if (step.reason === 'denied') throw new SignInStoppedError('denied', 'The sign-in was denied in the browser.');
      throw error;
    }
  };
  try {
    return await poll(authorization.intervalSeconds);
  } finally {
    client.destroy();
  }
}

function expired(): SignInStoppedError {
  return new SignInStoppedError('expired', 'The sign-in code expired before it was approved. Sign in again.');
}

function cancelled(): SignInStoppedError {
  return new SignInStoppedError('cancelled', 'Sign-in cancelled.');
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface SsoAccount {
  readonly accountId: string;
  readonly accountName?: string;
  readonly emailAddress?: string;
}

/** Every account the token may use (ListAccounts, all pages). */
export async function listSsoAccounts(ssoRegion: string, accessToken: string): Promise<SsoAccount[]> {
  const client = portalClient(ssoRegion);
  try {
    const accounts = await collectPages(async (nextToken) => {
      const page = await client.send(new ListAccountsCommand({ accessToken, nextToken, maxResults: 100 }));
      return { items: page.accountList ?? [], nextToken: page.nextToken };
    });
    return accounts.flatMap((a) => (a.accountId ? [{ accountId: a.accountId, accountName: a.accountName, emailAddress: a.emailAddress }] : []));
  } finally {
    client.destroy();
  }
}

/** Every role the token may take in `accountId` (ListAccountRoles, all pages). */
export async function listSsoRoles(ssoRegion: string, accessToken: string, accountId: string): Promise<string[]> {
  const client = portalClient(ssoRegion);
  try {
    const roles = await collectPages(async (nextToken) => {
      const page = await client.send(new ListAccountRolesCommand({ accessToken, accountId, nextToken, maxResults: 100 }));
      return { items: page.roleList ?? [], nextToken: page.nextToken };
    });
    return roles.flatMap((r) => (r.roleName ? [r.roleName] : []));
  } finally {
    client.destroy();
  }
}

/** Where the SDK and the CLI v2 look for the token of an sso-session: ~/.aws/sso/cache/<sha1(name)>.json. */
export function ssoTokenFile(sessionName: string): string {
  return getSSOTokenFilepath(sessionName);
}

/** Writes the token cache file readable by its owner only (0600), replacing it whole. */
export async function saveSsoToken(sessionName: string, record: SsoTokenCacheRecord): Promise<string> {
  const file = ssoTokenFile(sessionName);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeReplacing(file, `${JSON.stringify(record, null, 2)}\n`, 0o600);
  return file;
}

/** The shared config file, as the SDK finds it: AWS_CONFIG_FILE, else ~/.aws/config. */
export function configFilePath(): string {
  return process.env.AWS_CONFIG_FILE || path.join(process.env.HOME || process.env.USERPROFILE || os.homedir(), '.aws', 'config');
}

export async function readConfigFile(file = configFilePath()): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

export interface ConfigEdit {
  readonly section: ConfigSection;
  readonly entries: Readonly<Record<string, string>>;
}

/**
 * Applies `edits` to the config file as read now (so an edit made meanwhile is kept), keeping its mode,
 * then makes the SDK read the files afresh.
 */
export async function updateConfigFile(edits: readonly ConfigEdit[]): Promise<void> {
  // A config file that is a link (dotfiles) stays one: the file it points to is replaced.
  const file = await fs.realpath(configFilePath()).catch(() => configFilePath());
  const before = await readConfigFile(file);
  const after = edits.reduce((text, edit) => setSection(text, edit.section, edit.entries), before);
  const mode = await fs.stat(file).then((s) => s.mode & 0o777, () => 0o600);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeReplacing(file, after, mode);
  await loadSharedConfigFiles({ ignoreCache: true });
}

export { hasSection, readSection };

async function writeReplacing(file: string, text: string, mode: number): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.writeFile(temp, text, { mode, flag: 'wx' });
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
