// Choosing what to talk to: a profile + region from the shared AWS files, or the sandbox.
import * as vscode from 'vscode';
import type { ProfileInfo } from '../aws/profiles';
import type { CatalogSession } from './catalogSession';
import { loadAwsModule } from './lazyModules';
import { readSettings } from './settings';
import type { UserInput } from '../ui/userInput';
import type { AwsCliTask } from '../core/awsCli';
import { isRegionCode } from '../core/connection';
import { registerCommand, runAwsCli, type CommandServices } from '../ui/commandErrors';
import { COMMANDS } from '../ui/commandIds';
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
    registerCommand(COMMANDS.connect, () => switchConnection(session, input, false), deps),
    registerCommand(COMMANDS.useSandbox, () => session.useSandbox(), deps),
    // A fix is named, never a command line: what runs is worked out here from the current settings.
    registerCommand(COMMANDS.runFix, (_context, fix: unknown) => void runAwsCli(fix, deps.profile()), deps),
    registerCommand(COMMANDS.retry, async () => {
      // A crashed embedded sandbox or a failed connection needs a new connection, not just a re-list.
      const sandboxGone = session.state.kind === 'connected' && session.state.connection.kind === 'sandbox' && !sandbox.hasStarted;
      if (session.state.kind === 'failed' || sandboxGone) await session.connectFromSettings();
      else await tree.refresh();
    }, deps),
  ];
}

const PROFILE_KIND_LABELS: Record<ProfileInfo['kind'], string> = {
  sso: 'IAM Identity Center (SSO)',
  process: 'credential_process',
  'assume-role': 'assume role',
  static: 'access keys',
  'web-identity': 'web identity',
  other: '',
};

interface ConnectionPick extends vscode.QuickPickItem {
  readonly target: { kind: 'sandbox' } | { kind: 'aws'; profile?: string; region?: string } | { kind: 'configure'; task: AwsCliTask };
}

const CURRENT = 'Current connection';

export async function switchConnection(session: CatalogSession, input: UserInput, includeSandbox = true): Promise<void> {
  const { listProfiles } = loadAwsModule();
  const profiles = await listProfiles().catch(() => [] as ProfileInfo[]);
  const current = readSettings();
  const connected = session.state.kind === 'connected' ? session.state.connection : undefined;
  const items: ConnectionPick[] = [];
  if (includeSandbox) {
    items.push({
      label: '$(beaker) Sandbox', description: 'Local catalog inside VS Code, no AWS account needed',
      detail: connected?.kind === 'sandbox' ? CURRENT : undefined, target: { kind: 'sandbox' },
    });
  }
  if (process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE) {
    items.push({ label: '$(key) Environment credentials', description: process.env.AWS_PROFILE ? `AWS_PROFILE=${inert(process.env.AWS_PROFILE, 'label')}` : 'AWS_ACCESS_KEY_ID', target: { kind: 'aws' } });
  }
  for (const p of profiles) {
    const isCurrent = connected?.kind === 'aws' && connected.profile === p.name;
    items.push({
      label: `$(account) ${inert(p.name, 'label')}`,
      description: inert([PROFILE_KIND_LABELS[p.kind], p.region].filter(Boolean).join(' · '), 'label'),
      detail: isCurrent ? CURRENT : undefined,
      target: { kind: 'aws', profile: p.name, region: p.region },
    });
  }
  if (!profiles.length) {
    // Nothing to connect with yet: offer to set a profile up, as the AWS CLI does it.
    items.push(
      { label: '$(terminal) Set up an IAM Identity Center (SSO) profile', description: 'no profiles in ~/.aws/config yet · runs "aws configure sso"', target: { kind: 'configure', task: 'configure-sso' } },
      { label: '$(terminal) Set up a profile with access keys', description: 'runs "aws configure"', target: { kind: 'configure', task: 'configure' } },
    );
  }
  const pick = await input.pickOne(items, { title: 'Service Catalog: Connect', placeHolder: 'Choose an AWS profile or the sandbox', matchOnDescription: true });
  if (pick.target.kind === 'sandbox') {
    await session.useSandbox();
    return;
  }
  if (pick.target.kind === 'configure') {
    runAwsCli(pick.target.task, undefined);
    return;
  }
  const region = await pickRegion(input, pick.target.region ?? current.region ?? process.env.AWS_REGION);
  await session.useAws(pick.target.profile, region);
}

async function pickRegion(input: UserInput, suggested: string | undefined): Promise<string> {
  const { COMMON_REGIONS } = loadAwsModule();
  const regions = [...new Set([suggested, ...COMMON_REGIONS].filter((r): r is string => !!r))];
  const items: vscode.QuickPickItem[] = regions.map((r) => ({ label: inert(r, 'label'), description: r === suggested ? 'profile / environment default' : undefined }));
  items.push({ label: 'Other…', description: 'Type a region code' });
  const pick = await input.pickOne(items, { title: 'Service Catalog: Region', placeHolder: 'Region' });
  if (pick.label !== 'Other…') return regions[items.indexOf(pick)] ?? pick.label;
  return input.inputText({
    title: 'Region code',
    placeHolder: 'e.g. eu-west-1',
    validateInput: (v) => (isRegionCode(v.trim()) ? undefined : 'A region code looks like eu-west-1.'),
  }).then((v) => v.trim());
}
