// "Sign in with IAM Identity Center…" done in the editor, as the AWS Toolkit does it: start URL and
// region, the device code approved in the browser, account and role picked from the portal's lists,
// then the token cached and the profile written where the AWS CLI v2 and the SDK read them.
import * as vscode from 'vscode';
import type { SsoAccount } from '../aws/ssoSignIn';
import { isProfileName } from '../core/connection';
import {
  chooseSessionName, profileNameProblem, regionProblem, ssoProfileSections, ssoSessionNameFor, startUrlProblem,
  suggestedProfileName, tokenCacheRecord,
} from '../core/ssoSignIn';
import { inert } from '../core/untrustedText';
import { log } from '../ui/log';
import { notify } from '../ui/notifications';
import { ignoringFocusOut, UserCancelledError, type UserInput } from '../ui/userInput';
import { loadAwsModule } from './lazyModules';

export interface SsoSignInDeps {
  readonly input: UserInput;
  /** Connects with the new profile (the session's useAws after the region pick). */
  connect(profile: string, region: string): Promise<void>;
  /** Opens the approval page; VS Code's openExternal by default. */
  openExternal?(uri: vscode.Uri): Thenable<boolean>;
}

const TITLE = 'Sign in with IAM Identity Center';
const COPY_CODE = 'Copy Code';
const CANCEL = 'Cancel';

export async function signInWithIdentityCenter(deps: SsoSignInDeps): Promise<void> {
  const input = ignoringFocusOut(deps.input); // the browser takes focus mid-flow
  const aws = loadAwsModule();
  const startUrl = (await input.inputText({
    title: `${TITLE} (1/5): start URL`,
    prompt: 'The start URL of your AWS access portal',
    placeHolder: 'https://my-company.awsapps.com/start',
    validateInput: (v) => startUrlProblem(v),
  })).trim();
  const ssoRegion = (await input.inputText({
    title: `${TITLE} (2/5): IAM Identity Center region`,
    prompt: 'The region of your IAM Identity Center instance',
    value: 'us-east-1',
    validateInput: (v) => regionProblem(v),
  })).trim();

  const authorization = await aws.startDeviceAuthorization(startUrl, ssoRegion);
  const page = authorization.verificationUriComplete ?? authorization.verificationUri;
  const abort = new AbortController();
  // The address comes from the service: only a web page is opened (never a command: or file: link).
  if (isWebPage(page)) void (deps.openExternal ?? vscode.env.openExternal)(vscode.Uri.parse(page, true));
  void offerCodeUntilDone(authorization.userCode, page, abort);
  let token;
  try {
    token = await aws.waitForToken(ssoRegion, authorization, abort.signal);
  } catch (error) {
    if (error instanceof aws.SignInStoppedError && error.reason === 'cancelled') throw new UserCancelledError();
    throw error;
  } finally {
    abort.abort();
  }

  const accounts = await aws.listSsoAccounts(ssoRegion, token.accessToken);
  if (!accounts.length) throw new Error('This IAM Identity Center user has no AWS accounts assigned. Ask your administrator for access.');
  const account = (await input.pickOne(accounts.map(accountItem), { title: `${TITLE} (3/5): account`, placeHolder: 'Which AWS account?', matchOnDescription: true, matchOnDetail: true })).account;
  const roles = await aws.listSsoRoles(ssoRegion, token.accessToken, account.accountId);
  if (!roles.length) throw new Error(`You have no roles in account ${account.accountId}. Ask your administrator for access.`);
  const roleName = (await input.pickOne(roles.map((role) => ({ label: inert(role, 'label'), role })), { title: `${TITLE} (4/5): role`, placeHolder: 'Which role (permission set)?' })).role;

  const configFile = aws.configFilePath();
  const profileName = await askProfileName(input, suggestedProfileName(roleName, account.accountId), configFile);
  const configText = await aws.readConfigFile();
  const sessionName = chooseSessionName(ssoSessionNameFor(startUrl), (name) => aws.readSection(configText, { type: 'sso-session', name }), startUrl, ssoRegion);
  const sections = ssoProfileSections({ profileName, sessionName, startUrl, ssoRegion, accountId: account.accountId, roleName, region: ssoRegion });
  // The token first: a profile without its token would send the next `aws` call to a failed sign-in.
  await aws.saveSsoToken(sessionName, tokenCacheRecord({ startUrl, region: ssoRegion, registration: authorization.registration, token, now: Date.now() }));
  await aws.updateConfigFile([
    { section: { type: 'sso-session', name: sessionName }, entries: sections.session },
    { section: { type: 'profile', name: profileName }, entries: sections.profile },
  ]);
  log().info(`Signed in with IAM Identity Center: profile ${profileName} (account ${account.accountId}, role ${inert(roleName, 'line')}) written to ${configFile}.`);
  await deps.connect(profileName, ssoRegion);
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
      title: `${TITLE} (5/5): profile name`,
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

/**
 * Shows the code to confirm in the browser until the sign-in ends: Copy Code copies it (and shows it
 * again), Cancel stops the polling.
 */
async function offerCodeUntilDone(userCode: string, page: string, abort: AbortController): Promise<void> {
  while (!abort.signal.aborted) {
    const choice = await notify.info(`Confirm the code ${userCode} on the sign-in page that opened in your browser (${page}). Waiting for approval…`, COPY_CODE, CANCEL);
    if (abort.signal.aborted) return;
    if (choice === COPY_CODE) await vscode.env.clipboard.writeText(userCode);
    else if (choice === CANCEL) abort.abort();
    else return; // dismissed: keep waiting without it
  }
}
