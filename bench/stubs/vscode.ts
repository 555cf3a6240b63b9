// A small, faithful stand-in for the parts of the `vscode` API the tree and activation use, so the
// benchmarks can run the real tree code in plain Node. The tree benchmarks get it by an esbuild alias
// (bench/build.mjs); the activation benchmark hooks `require('vscode')` to its bundle. Classes keep
// VS Code's constructor signatures and do the same (cheap) work: no shortcuts that flatter the figures.

export enum TreeItemCollapsibleState { None = 0, Collapsed = 1, Expanded = 2 }
export enum StatusBarAlignment { Left = 1, Right = 2 }
export enum ConfigurationTarget { Global = 1, Workspace = 2, WorkspaceFolder = 3 }

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(readonly id: string, readonly color?: ThemeColor) {}
}

export class MarkdownString {
  value: string;
  isTrusted?: boolean;
  constructor(value = '', readonly supportThemeIcons = false) {
    this.value = value;
  }
  appendMarkdown(value: string): this {
    this.value += value;
    return this;
  }
  appendText(value: string): this {
    // As VS Code does: escape Markdown characters.
    this.value += value.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&');
    return this;
  }
}

export class TreeItem {
  id?: string;
  description?: string | boolean;
  tooltip?: string | MarkdownString;
  iconPath?: unknown;
  contextValue?: string;
  command?: unknown;
  accessibilityInformation?: { label: string };
  constructor(readonly label: string | { label: string }, public collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None) {}
}

export class Disposable {
  constructor(private readonly callOnDispose: () => unknown) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.callOnDispose();
  }
}

export enum DiagnosticSeverity { Error = 0, Warning = 1, Information = 2, Hint = 3 }

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position | number, end: Position | number, endLine?: number, endCharacter?: number) {
    this.start = typeof start === 'number' ? new Position(start, end as number) : start;
    this.end = typeof start === 'number' ? new Position(endLine!, endCharacter!) : (end as Position);
  }
}

export class Diagnostic {
  source?: string;
  code?: string | number;
  constructor(readonly range: Range, readonly message: string, readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error) {}
}

type Listener<T> = (e: T) => unknown;
export type Event<T> = (listener: Listener<T>) => Disposable;

export class EventEmitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(data: T): void {
    for (const listener of [...this.listeners]) listener(data);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly fsPath: string) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(text: string): Uri {
    return new Uri(text.split(':')[0], text);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.fsPath, ...parts].join('/'));
  }
  toString(): string {
    return `${this.scheme}://${this.fsPath}`;
  }
}

const noop = () => undefined;
const noEvent: Event<unknown> = () => new Disposable(noop);

/** Settings the host can preset (activation benchmark); everything else reads its default. */
export const settingsOverrides: Record<string, unknown> = {};

export const workspace = {
  getConfiguration: (section: string) => ({
    get: <T>(key: string, defaultValue?: T): T | undefined => (settingsOverrides[`${section}.${key}`] as T | undefined) ?? defaultValue,
    update: async () => undefined,
  }),
  onDidChangeConfiguration: noEvent,
  // A first-time user's window: no document open (a spec file open would require dist/specs.js).
  textDocuments: [] as unknown[],
  onDidOpenTextDocument: noEvent,
  fs: { createDirectory: async () => undefined },
};

/** Nothing the benchmarks run registers providers or diagnostic collections (activation's bench gives its own inert namespace). */
export const languages = {};

export const env = { language: 'en', uiKind: 1 };

function outputChannel() {
  return { info: noop, warn: noop, error: noop, debug: noop, trace: noop, append: noop, appendLine: noop, show: noop, dispose: noop };
}

export const window = {
  createOutputChannel: outputChannel,
  createTreeView: () => ({
    visible: true, message: undefined as string | undefined, onDidChangeVisibility: noEvent, onDidChangeSelection: noEvent,
    onDidExpandElement: noEvent, onDidCollapseElement: noEvent,
    reveal: async () => undefined, dispose: noop,
  }),
  createStatusBarItem: () => ({ text: '', tooltip: '', name: '', command: '', backgroundColor: undefined, show: noop, hide: noop, dispose: noop }),
  showErrorMessage: async () => undefined,
  showInformationMessage: async () => undefined,
  showWarningMessage: async () => undefined,
  showQuickPick: async () => undefined,
  showInputBox: async () => undefined,
  createTerminal: () => ({ show: noop, sendText: noop, dispose: noop }),
};

export const commands = {
  registerCommand: () => new Disposable(noop),
  executeCommand: async () => undefined,
};
