// "Sign in with IAM Identity Center…" done in the editor, as the AWS Toolkit does it: start URL and
// region, the device code approved in the browser, account and role picked from the portal's lists,
// then the token cached and the profile written where the AWS CLI v2 and the SDK read them.
import * as vscode from 'vscode';
import type { DeviceAuthorization, SsoAccount } from '../aws/ssoSignIn';
import { isProfileName } from '../core/connection';
import {
  chooseSsoSession, profileNameProblem, regionProblem, ssoProfileSection, ssoSessionNameFor, ssoSessionSection, startUrlProblem,
  suggestedProfileName, tokenCacheRecord, type SsoTokenAnswer,
} from '../core/ssoSignIn';
import { inert } from '../core/untrustedText';
import { log } from '../ui/log';
import { showProgress } from '../ui/notifications';
import { ignoringFocusOut, UserCancelledError, type UserInput } from '../ui/userInput';
import { loadAwsModule } from './lazyModules';

export interface SsoSignInDeps {
  readonly input: UserInput;
  /** Asks the Service Catalog region to connect in (written as the profile's default `region`). */
  pickRegion(title: string, suggested: string): Promise<string>;
  /** Connects with the new profile in that region. */
  connect(profile: string, region: string): Promise<void>;
  /** Opens the approval page; VS Code's openExternal by default. */
  openExternal?(uri: vscode.Uri): Thenable<boolean>;
}

const TITLE = 'Sign in with IAM Identity Center';
const STEPS = 6;
const step = (n: number, what: string) => `${TITLE} (${n}/${STEPS}): ${what}`;

export async function signInWithIdentityCenter(deps: SsoSignInDeps): Promise<void> {
  const input = ignoringFocusOut(deps.input); // the browser takes focus mid-flow
  const aws = loadAwsModule();
  const startUrl = (await input.inputText({
    title: step(1, 'start URL'),
    prompt: 'The start URL of your AWS access portal',
    placeHolder: 'https://my-company.awsapps.com/start',
    validateInput: (v) => startUrlProblem(v),
  })).trim();
  const ssoRegion = (await input.inputText({
    title: step(2, 'IAM Identity Center region'),
    prompt: 'The region of your IAM Identity Center instance',
    value: 'us-east-1',
    validateInput: (v) => regionProblem(v),
  })).trim();

  // Chosen before registering: a session other profiles (or the AWS Toolkit) share keeps its scopes.
  const configText = await aws.readConfigFile();
  const session = chooseSsoSession(ssoSessionNameFor(startUrl), (name) => aws.readSection(configText, { type: 'sso-session', name }), startUrl, ssoRegion);
  const authorization = await aws.startDeviceAuthorization(startUrl, ssoRegion, session.scopes);
  const token = await approveInBrowser(authorization, ssoRegion, deps);

  const accounts = await aws.listSsoAccounts(ssoRegion, token.accessToken);
  if (!accounts.length) throw new Error('This IAM Identity Center user has no AWS accounts assigned. Ask your administrator for access.');
  const account = (await input.pickOne(accounts.map(accountItem), { title: step(3, 'account'), placeHolder: 'Which AWS account?', matchOnDescription: true, matchOnDetail: true })).account;
  const roles = await aws.listSsoRoles(ssoRegion, token.accessToken, account.accountId);
  if (!roles.length) throw new Error(`You have no roles in account ${account.accountId}. Ask your administrator for access.`);
  const roleName = (await input.pickOne(roles.map((role) => ({ label: inert(role, 'label'), role })), { title: step(4, 'role'), placeHolder: 'Which role (permission set)?' })).role;

  const configFile = aws.configFilePath();
  const profileName = await askProfileName(input, suggestedProfileName(roleName, account.accountId), configFile);
  const region = await deps.pickRegion(step(6, 'Service Catalog region'), ssoRegion);
  const profile = ssoProfileSection({ sessionName: session.name, accountId: account.accountId, roleName, region });
  // The token first: a profile without its token would send the next `aws` call to a failed sign-in.
  await aws.saveSsoToken(session.name, tokenCacheRecord({ startUrl, region: ssoRegion, registration: authorization.registration, token, now: Date.now() }));
  await aws.updateConfigFile([
    // A shared session is left exactly as its owner wrote it; only a new one is written.
    ...(session.exists ? [] : [{ section: { type: 'sso-session', name: session.name } as const, entries: ssoSessionSection(startUrl, ssoRegion) }]),
    { section: { type: 'profile', name: profileName }, entries: profile },
  ]);
  log().info(`Signed in with IAM Identity Center: profile ${profileName} (account ${account.accountId}, role ${inert(roleName, 'line')}, sso-session ${session.name}) written to ${configFile}.`);
  await deps.connect(profileName, region);
}

/**
 * The code copied to the clipboard, the approval page opened, and a progress notification with the
 * code until the token comes, the code expires or the user presses Cancel (which stops the polling).
 */
async function approveInBrowser(authorization: DeviceAuthorization, ssoRegion: string, deps: SsoSignInDeps): Promise<SsoTokenAnswer> {
  const aws = loadAwsModule();
  const page = authorization.verificationUriComplete ?? authorization.verificationUri;
  const abort = new AbortController();
  const copied = await Promise.resolve(vscode.env.clipboard.writeText(authorization.userCode)).then(() => true, () => false);
  const progress = showProgress(`${TITLE}: confirm the code ${authorization.userCode} in your browser${copied ? ' (copied to the clipboard)' : ''}`, { onCancel: () => abort.abort() });
  progress.report(`Waiting for approval on ${inert(page, 'notification')}…`);
  // The address comes from the service: only a web page is opened (never a command: or file: link).
  if (isWebPage(page)) void (deps.openExternal ?? vscode.env.openExternal)(vscode.Uri.parse(page, true));
  try {
    return await aws.waitForToken(ssoRegion, authorization, abort.signal);
  } catch (error) {
    if (error instanceof aws.SignInStoppedError && error.reason === 'cancelled') throw new UserCancelledError();
    throw error;
  } finally {
    progress.end();
    abort.abort();
  }
}

function isWebPage(address: string): boolean {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'));
  } catch {
    return false;
  }
}

function accountItem(account: SsoAccount): vscode.QuickPickItem & { account: SsoAccount } {
  return {
    label: inert(account.accountName ?? account.accountId, 'label'),
    description: account.accountId,
    detail: account.emailAddress ? inert(account.emailAddress, 'label') : undefined,
    account,
  };
}

async function askProfileName(input: UserInput, suggested: string, configFile: string): Promise<string> {
  const aws = loadAwsModule();
  for (;;) {
    const name = (await input.inputText({
      title: step(5, 'profile name'),
      prompt: `The profile to write to ${configFile}`,
      value: isProfileName(suggested) ? suggested : '',
      validateInput: (v) => profileNameProblem(v.trim()),
    })).trim();
    const text = await aws.readConfigFile();
    if (!aws.hasSection(text, { type: 'profile', name })) return name;
    const choice = await input.confirm(`A profile named "${name}" already exists.`, `Replace its settings in ${configFile} with this sign-in? Its comments are kept.`, 'Replace', 'Choose Another Name');
    if (choice === 'Replace') return name;
  }
}
