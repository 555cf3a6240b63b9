// The one wrapper around every command: a cancel is silent, a known failure gets plain words and a
// one-click fix where there is one, anything long goes to the log with a pointer to it.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { awsCliArgs, awsCliCandidates, cliTaskProblem, fixActionLabel, isAwsCliTask, parseAwsCliVersion, type AwsCliVersion } from '../core/awsCli';
import { classifyError, FAILURE_NOTIFICATION_LENGTH, type Failure } from '../core/errors';
import { notify } from './notifications';
import { log } from './log';
import { inert } from '../core/untrustedText';
import { UserCancelledError } from './userInput';
import { commandContext, type CommandContext, type CommandServices } from './commandContext';
import { COMMANDS, type CommandId } from './commandIds';

export type { CommandContext, CommandServices } from './commandContext';

/** A command's handler: its context first, then what VS Code passes (the clicked item, the selection, …). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- menus, clicks and callers pass anything; each handler types its own arguments
export type CommandHandler = (context: CommandContext, ...args: any[]) => unknown;

/** The one way a command is registered: its handler gets a fresh context, and its failures are shown as above. */
export function registerCommand(id: CommandId, handler: CommandHandler, services: CommandServices): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(commandContext(id, services), ...args);
    } catch (error) {
      if (error instanceof UserCancelledError) return undefined;
      const failure = classifyError(error, services.profile());
      log().error(`${id} failed: ${failure.code ? `${failure.code}: ` : ''}${inert(errorText(error), 'line', { maxLength: 4000 })}`);
      void showFailure(failure, services.profile());
      return undefined;
    }
  });
}

export async function showFailure(failure: Failure, profile: string | undefined): Promise<void> {
  const credentials = ['sso-expired', 'no-credentials', 'invalid-credentials'].includes(failure.kind);
  const fixLabel = failure.fix ? fixActionLabel(failure.fix, profile) : undefined;
  const actions = [...(fixLabel ? [fixLabel] : []), ...(credentials ? ['Switch Connection'] : []), 'Show Log'];
  const message = failure.message.length > FAILURE_NOTIFICATION_LENGTH ? `${failure.message.slice(0, FAILURE_NOTIFICATION_LENGTH)}… (see the log)` : failure.message;
  const choice = await notify.error(message, ...actions);
  if (choice === 'Show Log') log().show(true);
  else if (choice === 'Switch Connection') void vscode.commands.executeCommand(COMMANDS.switchConnection);
  else if (choice && choice === fixLabel && failure.fix) void vscode.commands.executeCommand(COMMANDS.runFix, failure.fix);
}

/**
 * Runs a named AWS CLI task in a terminal as its own process (no shell in between), with the profile
 * read now from the settings, the CLI found on PATH outside the workspace, and the home folder as its
 * working folder. Anything but a known task name is refused, and so is a task the CLI found lacks
 * (`configure sso` and `sso login` need v2): asked first with `aws --version`, before anything runs.
 */
export async function runAwsCli(task: unknown, profile: string | undefined): Promise<vscode.Terminal> {
  if (!isAwsCliTask(task)) throw new Error('There is no such fix to run.');
  const shellArgs = awsCliArgs(task, profile);
  const cli = await findAwsCli();
  const problem = cliTaskProblem(task, cli?.version);
  if (problem || !cli) throw new Error(problem);
  const terminal = vscode.window.createTerminal({ name: 'AWS CLI', shellPath: cli.path, shellArgs, cwd: os.homedir() });
  terminal.show();
  return terminal;
}

export interface FoundAwsCli {
  readonly path: string;
  readonly version: AwsCliVersion;
}

/** How long `aws --version` may take (a v1 CLI starts Python; a broken install may hang). */
const VERSION_TIMEOUT_MS = 10_000;

/** The AWS CLI on PATH (outside the workspace) and its version, or undefined when there is none that says it. */
export async function findAwsCli(): Promise<FoundAwsCli | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const found = awsCliCandidates(process.env.PATH, process.platform, folders, (dir, name) => path.join(dir, name)).find(isExecutable);
  if (!found) return undefined;
  const version = await cliVersion(found);
  return version ? { path: found, version } : undefined;
}

let known: { readonly key: string; readonly found: Promise<FoundAwsCli | undefined> } | undefined;

/**
 * The AWS CLI found earlier in this session for the same PATH and workspace folders, else found now
 * (up to 10 s). A miss is not kept: a CLI installed meanwhile is seen next time.
 */
export function knownAwsCli(): Promise<FoundAwsCli | undefined> {
  const key = JSON.stringify([process.env.PATH ?? '', (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath)]);
  if (known?.key === key) return known.found;
  const found = findAwsCli();
  const entry = { key, found };
  known = entry;
  void found.then((cli) => {
    if (!cli && known === entry) known = undefined;
  });
  return found;
}

function cliVersion(file: string): Promise<AwsCliVersion | undefined> {
  return new Promise((resolve) => {
    // An argument vector, no shell; v1 printed its version on stderr in older releases.
    execFile(file, ['--version'], { timeout: VERSION_TIMEOUT_MS, shell: false, windowsHide: true, cwd: os.homedir() }, (_error, stdout, stderr) => {
      resolve(parseAwsCliVersion(`${String(stdout)} ${String(stderr)}`));
    });
  });
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
