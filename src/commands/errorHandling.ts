// The one wrapper around every command: a cancel is silent, a known failure gets plain words and a
// one-click fix where there is one, anything long goes to the log with a pointer to it.
import * as vscode from 'vscode';
import { classifyError, type Failure } from '../catalog/errors';
import { log } from '../util/log';
import { UserCancelledError } from '../ui/userInput';

export type CommandHandler = (...args: any[]) => unknown;

export function registerCommand(id: string, handler: CommandHandler, profile: () => string | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof UserCancelledError) return undefined;
      const failure = classifyError(error, profile());
      log().error(`${id} failed: ${failure.code ? `${failure.code}: ` : ''}${errorText(error)}`);
      void showFailure(failure);
      return undefined;
    }
  });
}

export async function showFailure(failure: Failure): Promise<void> {
  const credentials = ['sso-expired', 'no-credentials', 'invalid-credentials'].includes(failure.kind);
  const actions = [...(failure.fixCommand ? [`Run "${failure.fixCommand}"`] : []), ...(credentials ? ['Switch Connection'] : []), 'Show Log'];
  const message = failure.message.length > 300 ? `${failure.message.slice(0, 300)}… (see the log)` : failure.message;
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  if (choice === 'Show Log') log().show(true);
  else if (choice === 'Switch Connection') void vscode.commands.executeCommand('serviceCatalogExplorer.switchConnection');
  else if (choice && failure.fixCommand) runInTerminal(failure.fixCommand);
}

export function runInTerminal(command: string): void {
  const terminal = vscode.window.createTerminal({ name: 'AWS sign-in' });
  terminal.show();
  terminal.sendText(command);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
