// Just enough of the `vscode` module for command code to run in plain Node: commands register into
// a map the test calls, progress runs its task, notifications and the log go nowhere. Import it before
// the code under test: it answers every later `require('vscode')`.
import Module from 'node:module';

export const registeredCommands = new Map<string, (...args: unknown[]) => Promise<unknown>>();

const disposable = { dispose: () => undefined };
const nothing = async () => undefined;

/** Every notification shown, as VS Code was given it. */
export const shownNotifications: { level: string; message: string }[] = [];
const notification = (level: string) => async (message: string) => void shownNotifications.push({ level, message });

class ThemeIcon {
  constructor(readonly id: string, readonly color?: unknown) {}
}

class Inert {
  constructor(..._args: unknown[]) {}
}

class Position {
  constructor(readonly line: number, readonly character: number) {}
}

class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position | number, end: Position | number, endLine?: number, endCharacter?: number) {
    this.start = typeof start === 'number' ? new Position(start, end as number) : start;
    this.end = typeof start === 'number' ? new Position(endLine!, endCharacter!) : (end as Position);
  }
}

/** Spec files' completions and hovers: the fields the providers set, kept to be read. */
class CompletionItem {
  insertText?: string;
  range?: Range;
  filterText?: string;
  detail?: string;
  documentation?: unknown;
  tags?: number[];
  constructor(readonly label: string, readonly kind?: number) {}
}

class Hover {
  constructor(readonly contents: unknown, readonly range?: Range) {}
}

class MarkdownString {
  isTrusted?: boolean;
  supportHtml?: boolean;
  supportThemeIcons?: boolean;
  constructor(readonly value = '') {}
}

const channel = { appendLine() {}, append() {}, show() {}, dispose() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** The fake itself: a test may add to it (members are read when called, not when imported). */
export const fakeVscode = {
  commands: {
    registerCommand: (id: string, handler: (...args: unknown[]) => Promise<unknown>) => (registeredCommands.set(id, handler), disposable),
    executeCommand: nothing,
  },
  window: {
    withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => unknown) =>
      task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => disposable }),
    showInformationMessage: notification('info'),
    showWarningMessage: notification('warning'),
    showErrorMessage: notification('error'),
    createOutputChannel: () => channel,
    // Enough for the extension to activate (test/unit/contributions.test.ts):
    createTreeView: () => ({ visible: false, message: undefined, onDidChangeVisibility: () => disposable, onDidExpandElement: () => disposable, onDidCollapseElement: () => disposable, reveal: nothing, dispose() {} }),
    createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
    onDidChangeWindowState: () => disposable,
    state: { focused: true },
    registerWebviewPanelSerializer: () => disposable,
    setStatusBarMessage: () => disposable,
  },
  workspace: {
    getConfiguration: () => ({ get: (_key: string, fallback?: unknown) => fallback, update: nothing }),
    onDidChangeConfiguration: () => disposable,
    registerTextDocumentContentProvider: () => disposable,
    onDidOpenTextDocument: () => disposable,
    onDidChangeTextDocument: () => disposable,
    onDidCloseTextDocument: () => disposable,
    textDocuments: [],
  },
  languages: {
    registerCodeLensProvider: () => disposable,
    registerCompletionItemProvider: () => disposable,
    registerHoverProvider: () => disposable,
    createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, dispose() {} }),
  },
  env: {
    language: 'en',
    clipboard: { writeText: nothing, readText: async () => '' },
  },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ViewColumn: { Active: -1, Beside: -2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  // The spec files' diagnostics name these at load time (values as VS Code's).
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ThemeIcon,
  TabInputWebview: class {
    constructor(readonly viewType: string) {}
  },
  ThemeColor: Inert,
  TreeItem: Inert,
  MarkdownString,
  Position,
  Range,
  CompletionItem,
  Hover,
  CodeLens: class {
    constructor(readonly range: unknown, readonly command?: unknown) {}
  },
  // The spec files' completions name these at load time (values as VS Code's).
  CompletionItemKind: { Module: 8, Field: 4, Property: 9, Constant: 20, Folder: 18, EnumMember: 19, Variable: 5 },
  CompletionItemTag: { Deprecated: 1 },
  EventEmitter: class {
    private readonly listeners = new Set<(e: unknown) => void>();
    event = (listener: (e: unknown) => void) => {
      this.listeners.add(listener);
      return { dispose: () => void this.listeners.delete(listener) };
    };
    fire(e?: unknown) {
      for (const listener of [...this.listeners]) listener(e);
    }
    dispose() {
      this.listeners.clear();
    }
  },
  Disposable: class { static from() { return disposable; } dispose() {} },
  Uri: { parse: (text: string) => ({ toString: () => text }), joinPath: (base: unknown, ...parts: string[]) => ({ toString: () => [String(base), ...parts].join('/') }) },
};

const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
const load = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fakeVscode : load.call(this, request, ...rest);
};
