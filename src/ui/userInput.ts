// Every prompt goes through this interface so integration tests can answer for the user.
import * as vscode from 'vscode';

export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled by the user.');
    this.name = 'UserCancelledError';
  }
}

export interface UserInput {
  pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[]>;
  inputText(options: vscode.InputBoxOptions): Promise<string>;
  /** A modal question; resolves to the chosen button, throws UserCancelledError on cancel. */
  confirm(message: string, detail: string, ...buttons: string[]): Promise<string>;
}

export class VsCodeUserInput implements UserInput {
  async pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T> {
    const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: false });
    if (!picked) throw new UserCancelledError();
    return picked;
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[]> {
    const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: true });
    if (!picked) throw new UserCancelledError();
    return picked;
  }

  async inputText(options: vscode.InputBoxOptions): Promise<string> {
    const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
    if (value === undefined) throw new UserCancelledError();
    return value;
  }

  async confirm(message: string, detail: string, ...buttons: string[]): Promise<string> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
    if (!choice) throw new UserCancelledError();
    return choice;
  }
}
