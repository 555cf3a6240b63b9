// Choosing what to talk to: the sandbox, the default credential chain, a profile + region from the
// shared AWS files, or a new profile from signing in with IAM Identity Center.
import * as vscode from 'vscode';
import type { ProfileInfo } from '../aws/profiles';
import type { CatalogSession } from './catalogSession';
import { loadAwsModule } from './lazyModules';
import { readSettings, SETTING_KEYS, updateEffectiveSetting } from './settings';
import { ignoringFocusOut, type UserInput } from '../ui/userInput';
import { awsCliText, cliTaskProblem, type AwsCliTask } from '../core/awsCli';
import { isRegionCode } from '../core/connection';
import { knownAwsCli, registerCommand, runAwsCli, type CommandServices } from '../ui/commandErrors';
import { signInWithIdentityCenter } from './ssoSignIn';
import { COMMANDS } from '../ui/commandIds';
import { notify } from '../ui/notifications';
import { inert } from '../core/untrustedText';
import type { SandboxHost } from './sandboxHost';

export interface ConnectionCommandDeps extends CommandServices {
  readonly session: CatalogSession;
  readonly sandbox: Pick<SandboxHost, 'hasStarted'>;
  readonly tree: { refresh(): Promise<void> };
}

export function registerConnectionCommands(deps: ConnectionCommandDeps): vscode.Disposable[] {
  const { session, sandbox, tree, input } = deps;
  return [
    registerCommand(COMMANDS.switchConnection, () => switchConnection(session, input), deps),
    registerCommand(COMMANDS.connect, () => switchConnection(session, input), deps),
    registerCommand(COMMANDS.useSandbox, () => session.useSandbox(), deps),
    // The session reconnects on the change, and the tree lists again at the new level.
    registerCommand(COMMANDS.useUserAccessLevel, () => updateEffectiveSetting(SETTING_KEYS.accessLevel, 'User'), deps),
    // A fix is named, never a command line: what runs is worked out here from the current settings.
    registerCommand(COMMANDS.runFix, (_context, fix: unknown) => runAwsCli(fix, deps.profile()), deps),
    registerCommand(COMMANDS.refreshCatalog, () => refreshCatalog(session), deps),
    registerCommand(COMMANDS.retry, async () => {
      // A crashed embedded sandbox or a failed connection needs a new connection, not just a re-list.
      const sandboxGone = session.state.kind === 'connected' && session.state.connection.kind === 'sandbox' && !sandbox.hasStarted;
      if (session.state.kind === 'failed' || sandboxGone) await session.connectFromSettings();
      else await tree.refresh();
    }, deps),
  ];
}

/**
 * The connection's catalog is read again on its next look: what an admin changed a moment ago shows
 * now, not when the cached reads age out (CATALOG_MAX_AGE_MS).
 */
function refreshCatalog(session: CatalogSession): void {
  const connection = session.provisioning;
  if (!connection) {
    void notify.info('Not connected: there is no catalog to refresh.');
    return;
  }
  session.catalog.refresh(connection);
  vscode.window.setStatusBarMessage(`Service Catalog: the catalog of ${session.label} is read again on its next use.`, 5000);
}

const PROFILE_KIND_LABELS: Record<ProfileInfo['kind'], string> = {
  sso: 'IAM Identity Center (SSO)',
  process: 'credential_process',
  'assume-role': 'assume role',
  static: 'access keys',
  'web-identity': 'web identity',
  other: '',
};

type ConnectionTarget =
  | { kind: 'sandbox' }
  | { kind: 'aws'; profile?: string; region?: string }
  | { kind: 'sso-sign-in' }
  | { kind: 'configure'; task: AwsCliTask };

interface ConnectionPick extends vscode.QuickPickItem {
  readonly target: ConnectionTarget;
}

const CURRENT = 'Current connection';

/**
 * What can be connected to, always: the sandbox, the SDK's default credential chain, each profile,
 * signing in with IAM Identity Center here, and the AWS CLI's own set-up commands when an AWS CLI that
 * has them is on PATH (asked with `aws --version` first: `configure sso` needs v2).
 */
export async function switchConnection(session: CatalogSession, input: UserInput): Promise<void> {
  const { listProfiles } = loadAwsModule();
  const [profiles, cli] = await Promise.all([listProfiles().catch(() => [] as ProfileInfo[]), knownAwsCli()]);
  const current = readSettings();
  const connected = session.state.kind === 'connected' ? session.state.connection : undefined;
  const items: ConnectionPick[] = [{
    label: '$(beaker) Sandbox', description: 'Local catalog inside VS Code, no AWS account needed',
    detail: connected?.kind === 'sandbox' ? CURRENT : undefined, target: { kind: 'sandbox' },
  }, {
    label: '$(key) Default credential chain',
    description: defaultChainDescription(),
    detail: connected?.kind === 'aws' && !connected.profile ? CURRENT : undefined,
    target: { kind: 'aws' },
  }];
  for (const p of profiles) {
    const isCurrent = connected?.kind === 'aws' && connected.profile === p.name;
    items.push({
      label: `$(account) ${inert(p.name, 'label')}`,
      description: inert([PROFILE_KIND_LABELS[p.kind], p.region].filter(Boolean).join(' · '), 'label'),
      detail: isCurrent ? CURRENT : undefined,
      target: { kind: 'aws', profile: p.name, region: p.region },
    });
  }
  items.push({ label: '$(sign-in) Sign in with IAM Identity Center…', description: 'in the browser; adds a profile to the AWS config file', target: { kind: 'sso-sign-in' } });
  for (const task of ['configure-sso', 'configure'] as const) {
    if (!cli || cliTaskProblem(task, cli.version)) continue;
    items.push({ label: `$(terminal) Run "${awsCliText(task)}"`, description: `in a terminal · AWS CLI ${cli.version.version}`, target: { kind: 'configure', task } });
  }
  const pick = await input.pickOne(items, { title: 'Service Catalog: Connect', placeHolder: 'Choose the sandbox, AWS credentials or a profile, or sign in', matchOnDescription: true });
  switch (pick.target.kind) {
    case 'sandbox':
      await session.useSandbox();
      return;
    case 'configure':
      await runAwsCli(pick.target.task, undefined);
      return;
    case 'sso-sign-in':
      await signInWithIdentityCenter({
        input,
        // The sign-in's last step: it must not close when the browser takes focus either.
        pickRegion: (title, ssoRegion) => pickRegion(ignoringFocusOut(input), ssoRegion, title, 'the IAM Identity Center region'),
        connect: async (profile, region) => void (await session.useAws(profile, region)),
      });
      return;
    case 'aws': {
      const region = await pickRegion(input, pick.target.region ?? current.region ?? process.env.AWS_REGION);
      await session.useAws(pick.target.profile, region);
    }
  }
}

/** Where the SDK's default chain (fromNodeProviderChain) would look, starting with what is set here; names only, never a key. */
function defaultChainDescription(): string {
  if (process.env.AWS_PROFILE) return `AWS_PROFILE=${inert(process.env.AWS_PROFILE, 'label')}`;
  if (process.env.AWS_ACCESS_KEY_ID) return 'AWS_ACCESS_KEY_ID from the environment';
  return 'environment, [default] profile, instance or container role';
}

async function pickRegion(input: UserInput, suggested: string | undefined, title = 'Service Catalog: Region', suggestedWhy = 'profile / environment default'): Promise<string> {
  const { COMMON_REGIONS } = loadAwsModule();
  const regions = [...new Set([suggested, ...COMMON_REGIONS].filter((r): r is string => !!r))];
  const items: vscode.QuickPickItem[] = regions.map((r) => ({ label: inert(r, 'label'), description: r === suggested ? suggestedWhy : undefined }));
  items.push({ label: 'Other…', description: 'Type a region code' });
  const pick = await input.pickOne(items, { title, placeHolder: 'Region' });
  if (pick.label !== 'Other…') return regions[items.indexOf(pick)] ?? pick.label;
  return input.inputText({
    title: 'Region code',
    placeHolder: 'e.g. eu-west-1',
    validateInput: (v) => (isRegionCode(v.trim()) ? undefined : 'A region code looks like eu-west-1.'),
  }).then((v) => v.trim());
}
