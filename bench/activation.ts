// One activation, in a fresh process: require the extension bundle with the vscode stand-in and call
// activate() with a fake context. Prints the times as JSON. Run by bench/run.mjs several times.
import Module from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const bundle = process.argv[2];
const stub = join(__dirname, 'stubs', 'vscode.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vscode = require(stub) as typeof import('./stubs/vscode');

/**
 * Activation touches more of the API than the tree (and grows as features land), so members the
 * stand-in lacks answer with an inert value: callable, constructible, every property another such value.
 */
const inert: any = new Proxy(function () {}, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : inert),
  apply: () => inert,
  construct: () => inert,
});
// One wrapper per object, so `vscode.window` is the same object at every read, as in VS Code (ui/sharedState.ts keys on it).
const wrappers = new WeakMap<object, object>();
const lenient = (target: object): object => {
  let wrapper = wrappers.get(target);
  if (!wrapper) wrappers.set(target, (wrapper = new Proxy(target, { get: (t, key) => (key in t ? wrap((t as Record<PropertyKey, unknown>)[key]) : inert) })));
  return wrapper;
};
const wrap = (value: unknown): unknown => (value && typeof value === 'object' && !Array.isArray(value) ? lenient(value) : value);
// Bundlers copy a module's own keys at import, so namespaces the stand-in lacks must exist as keys.
const EXTRA_NAMESPACES = ['languages', 'extensions', 'tasks', 'debug', 'authentication', 'scm', 'tests', 'notebooks', 'l10n', 'chat', 'lm',
  'ViewColumn', 'ProgressLocation', 'Range', 'Position', 'Selection', 'CodeLens', 'TextEdit', 'WorkspaceEdit', 'FileType',
  'QuickPickItemKind', 'ExtensionMode', 'ColorThemeKind', 'UIKind', 'EndOfLine', 'TextEditorRevealType', 'DiagnosticSeverity',
  'StatusBarItem', 'CancellationTokenSource', 'RelativePattern', 'TreeItemCheckboxState', 'TabInputText', 'Location'];
const VSCODE_ID = join(__dirname, 'stubs', 'vscode-lenient.js');
require.cache[VSCODE_ID] = { id: VSCODE_ID, filename: VSCODE_ID, loaded: true, exports: lenient({ ...vscode, ...Object.fromEntries(EXTRA_NAMESPACES.map((n) => [n, inert])) }) } as unknown as NodeJS.Module;
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? VSCODE_ID : original.call(this, request, ...rest);
};
const storage = mkdtempSync(join(tmpdir(), 'sce-activate-'));
const memento = { get: (_key: string, fallback?: unknown) => fallback, update: async () => undefined, keys: () => [] };
const context = {
  subscriptions: [] as { dispose(): unknown }[],
  globalStorageUri: vscode.Uri.file(storage),
  storageUri: vscode.Uri.file(storage),
  logUri: vscode.Uri.file(storage),
  extensionUri: vscode.Uri.file(join(bundle, '..', '..')),
  extensionPath: join(bundle, '..', '..'),
  extensionMode: 1,
  workspaceState: memento,
  globalState: { ...memento, setKeysForSync: () => undefined },
  asAbsolutePath: (p: string) => join(bundle, '..', '..', p),
};

const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extension = require(bundle) as { activate(context: unknown): unknown };
const t1 = performance.now();
extension.activate(context);
const t2 = performance.now();
// What activation set off (a connection attempt) runs on; see when the event loop is first free again.
setImmediate(() => {
  const t3 = performance.now();
  const sdkLoaded = bundleLoaded('aws.js');
  const cloudFormationAtIdle = bundleLoaded('cloudformation.js');
  const formsAtIdle = bundleLoaded('forms.js');
  const stacksAtIdle = bundleLoaded('stacks.js');
  const recordsAtIdle = bundleLoaded('records.js');
  const specsAtIdle = bundleLoaded('specs.js');
  // The connection activation set off (the sandbox's, or none) settles after the first idle turn: the
  // CloudFormation client (dist/cloudformation.js) must still be unrequired once it has; only a stack read
  // requires it. So must the forms (dist/forms.js) and the stack folders' rows (dist/stacks.js): only
  // opening or restoring a form, or a stack folder, requires them; the spec files' features (dist/specs.js):
  // only an open spec file or a spec command requires them. The record tracker (dist/records.js) is
  // required once there is a connection (the sandbox's settles in that time), never by activation itself.
  setTimeout(() => {
    process.stdout.write(JSON.stringify({
      requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, untilIdleMs: t3 - t0, sdkLoadedByFirstIdle: sdkLoaded,
      cloudFormationLoadedByFirstIdle: cloudFormationAtIdle, cloudFormationLoadedAfterSettle: bundleLoaded('cloudformation.js'),
      formsLoadedByFirstIdle: formsAtIdle, formsLoadedAfterSettle: bundleLoaded('forms.js'),
      stacksLoadedByFirstIdle: stacksAtIdle, stacksLoadedAfterSettle: bundleLoaded('stacks.js'),
      recordsLoadedByFirstIdle: recordsAtIdle, recordsLoadedAfterSettle: bundleLoaded('records.js'),
      specsLoadedByFirstIdle: specsAtIdle, specsLoadedAfterSettle: bundleLoaded('specs.js'),
    }));
    for (const d of context.subscriptions) {
      try { d.dispose(); } catch { /* the stand-in has no real resources */ }
    }
    process.exit(0);
  }, SETTLE_MS);
});

/** How long the bench waits after activation for the connection it set off (a sandbox connects in ~200 ms). */
const SETTLE_MS = 1500;

function bundleLoaded(file: string): boolean {
  return Object.keys(require.cache).some((loaded) => loaded === join(bundle, '..', file));
}
