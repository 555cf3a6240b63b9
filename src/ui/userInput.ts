// Every prompt goes through this interface so integration tests can answer for the user.
import * as vscode from 'vscode';
import { inert } from '../core/untrustedText';
import { isCrossBundle, markCrossBundle } from '../core/crossBundle';

export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled by the user.');
    this.name = 'UserCancelledError';
    markCrossBundle(this, 'UserCancelledError');
  }

  /** The spec bundle (dist/specs.js) and the forms' throw it too; the command wrapper (extension.js) stays silent on it. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isCrossBundle(value, 'UserCancelledError');
  }
}

/** Whether a prompt was cancelled; by name too, since a prompt another bundle supplies (tests) has its own class. */
export function isUserCancelled(error: unknown): boolean {
  return error instanceof UserCancelledError || (error instanceof Error && error.name === 'UserCancelledError');
}

export interface UserInput {
  pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[]>;
  inputText(options: vscode.InputBoxOptions): Promise<string>;
  /** A modal question; resolves to the chosen button, throws UserCancelledError on cancel. */
  confirm(message: string, detail: string, ...buttons: string[]): Promise<string>;
  /**
   * A pick whose last entry takes what was typed in the filter box (`typedLabel` words it), so a pasted
   * id needs no second prompt. Optional: prompts without it fall back to a pick, then an input box.
   */
  pickOrType?<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOrTypeOptions): Promise<T | { typed: string }>;
  /**
   * A save dialog: resolves to the file chosen, throws UserCancelledError on cancel. Optional (inputs
   * made for other prompts lack it): without it nothing is saved.
   */
  saveFile?(options: vscode.SaveDialogOptions): Promise<vscode.Uri>;
}

export interface PickOrTypeOptions extends vscode.QuickPickOptions {
  /** The entry that stands for the typed text: its label with nothing typed, and with `value` typed. */
  typedLabel(value: string): string;
  /** Whether what is typed is surely meant as is (e.g. a pasted id): its entry then comes first, so Enter takes it. */
  typedFirst?(value: string): boolean;
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
    const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...inertInputBox(options) });
    if (value === undefined) throw new UserCancelledError();
    return value;
  }

  pickOrType<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOrTypeOptions): Promise<T | { typed: string }> {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
    const typedEntry: vscode.QuickPickItem = { label: options.typedLabel(''), alwaysShow: true };
    const separator: vscode.QuickPickItem = { label: '', kind: vscode.QuickPickItemKind.Separator };
    // Our order, not sorted by label: sorting would put the typed entry (whose label holds the text) first.
    Object.assign(pick, { title: options.title, placeholder: options.placeHolder, matchOnDescription: !!options.matchOnDescription, matchOnDetail: !!options.matchOnDetail, sortByLabel: false });
    pick.items = [...items, separator, typedEntry];
    return new Promise((resolve, reject) => {
      let settled = false;
      pick.onDidChangeValue((value) => {
        typedEntry.label = options.typedLabel(value.trim());
        // A new array each time: the list shows the new label (and order).
        const first = !!options.typedFirst?.(value.trim());
        pick.items = first ? [typedEntry, separator, ...items] : [...items, separator, typedEntry];
        if (first) pick.activeItems = [typedEntry]; // else the list keeps the record that was active
      });
      pick.onDidAccept(() => {
        const [chosen] = pick.selectedItems;
        if (!chosen) return;
        settled = true;
        const typed = pick.value.trim();
        if (chosen === typedEntry) resolve({ typed });
        else resolve(chosen as T);
        pick.hide();
      });
      pick.onDidHide(() => {
        if (!settled) reject(new UserCancelledError());
        pick.dispose();
      });
      pick.show();
    });
  }

  async saveFile(options: vscode.SaveDialogOptions): Promise<vscode.Uri> {
    const uri = await vscode.window.showSaveDialog(options);
    if (!uri) throw new UserCancelledError();
    return uri;
  }

  async confirm(message: string, detail: string, ...buttons: string[]): Promise<string> {
    const choice = await vscode.window.showWarningMessage(inert(message, 'notification'), { modal: true, detail: inertLines(detail) }, ...buttons);
    if (!choice) throw new UserCancelledError();
    return choice;
  }
}

/**
 * The same prompts, kept open when focus moves (to the browser, a notification): a multi-step flow
 * that a stray click ends would throw away the steps done so far.
 */
export function ignoringFocusOut(input: UserInput): UserInput {
  return {
    pickOne: (items, options) => input.pickOne(items, { ...options, ignoreFocusOut: true }),
    pickMany: (items, options) => input.pickMany(items, { ...options, ignoreFocusOut: true }),
    inputText: (options) => input.inputText({ ...options, ignoreFocusOut: true }),
    confirm: (message, detail, ...buttons) => input.confirm(message, detail, ...buttons),
    ...(input.saveFile ? { saveFile: input.saveFile.bind(input) } : {}),
  };
}

/**
 * An input box's prompt and validation messages render `[label](command:…)` links and `$(icon)`s, and
 * they quote names from the service: made inert here, for every prompt.
 */
function inertInputBox(options: vscode.InputBoxOptions): vscode.InputBoxOptions {
  const validate = options.validateInput?.bind(options);
  return {
    ...options,
    ...(options.title !== undefined ? { title: inert(options.title, 'label') } : {}),
    ...(options.prompt !== undefined ? { prompt: inert(options.prompt, 'prompt') } : {}),
    ...(options.placeHolder !== undefined ? { placeHolder: inert(options.placeHolder, 'line') } : {}),
    ...(validate ? {
      validateInput: async (value: string) => {
        const message = await validate(value);
        return typeof message === 'string' ? inert(message, 'prompt') : message;
      },
    } : {}),
  };
}

/** A modal's detail keeps our own line breaks; each line is made inert on its own. */
function inertLines(text: string): string {
  return text.split('\n').map((line) => inert(line, 'line', { maxLength: 1000 })).join('\n');
}
