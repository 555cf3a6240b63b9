// The rows that stand for a failed listing or connection: the failure in its own words with its fix
// (or Retry), plus the way out when it is about credentials.
import * as vscode from 'vscode';
import { fixActionLabel } from '../core/awsCli';
import type { Failure } from '../core/errors';
import { accessLevelDeniedMessage, isAccessLevelDenial } from '../core/iamActions';
import { inert } from '../core/untrustedText';
import { readSettings } from '../connections/settings';
import { COMMANDS } from '../ui/commandIds';
import { MessageNode } from './nodes';
import { errorIcon } from './statusStyle';

const CREDENTIAL_FAILURES: ReadonlySet<string> = new Set(['sso-expired', 'no-credentials', 'invalid-credentials', 'access-denied']);

export function failureNodes(failure: Failure, title: string): MessageNode[] {
  const { accessLevel } = readSettings();
  if (isAccessLevelDenial(failure, accessLevel)) return accessLevelDeniedNodes(accessLevel);
  const icon = errorIcon();
  const fixLabel = failure.fix ? fixActionLabel(failure.fix, readSettings().profile) : undefined;
  const command = fixLabel
    ? { command: COMMANDS.runFix, title: 'Fix', arguments: [failure.fix] }
    : { command: COMMANDS.retry, title: 'Retry' };
  const hint = fixLabel ? `Click to ${fixLabel.toLowerCase()}.` : 'Click to retry.';
  const nodes = [new MessageNode('error', `${title}: ${inert(failure.message, 'line')}`, hint, icon, command)];
  if (fixLabel) {
    nodes.push(new MessageNode('error/retry', 'Retry', 'after signing in', new vscode.ThemeIcon('refresh'), { command: COMMANDS.retry, title: 'Retry' }));
  }
  if (CREDENTIAL_FAILURES.has(failure.kind)) {
    nodes.push(new MessageNode('error/switch', 'Switch connection…', 'another profile, region or the sandbox', new vscode.ThemeIcon('plug'), { command: COMMANDS.switchConnection, title: 'Switch Connection' }));
  }
  return nodes;
}

/** A refused access level explains itself and offers the one that works: User (the caller's own products). */
function accessLevelDeniedNodes(accessLevel: string): MessageNode[] {
  const { title, detail } = accessLevelDeniedMessage(accessLevel);
  const useUser = { command: COMMANDS.useUserAccessLevel, title: 'Show Only My Provisioned Products' };
  return [
    new MessageNode('error/accessLevel', title, detail, new vscode.ThemeIcon('lock'), useUser),
    new MessageNode('error/useUser', 'Show only my provisioned products (access level User)', 'Sets the Access Level setting to User', new vscode.ThemeIcon('person'), useUser),
    new MessageNode('error/switch', 'Switch connection…', 'another profile, region or the sandbox', new vscode.ThemeIcon('plug'), { command: COMMANDS.switchConnection, title: 'Switch Connection' }),
  ];
}
