// Composition root: builds the session, the tree, the status bar and the commands, and wires them.
// Activation stays cheap: the SDK and the sandbox are separate bundles loaded on first use.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { registerCommand, runAwsCli } from './ui/commandErrors';
import { switchConnection } from './connections/connectionCommands';
import { copyField, copyNodeValue, promptFilter, promptGroupBy } from './products/treeCommands';
import { registerFormCommands } from './provisioning/formCommands';
import { registerProductActions } from './products/productActions';
import { registerRecordCommands } from './records/recordCommands';
import { RecordDocumentProvider } from './records/recordDocument';
import { RecordLog } from './records/recordLog';
import { RecordTracker, type TrackMeta } from './records/recordTracker';
import type { FormPanels } from './provisioning/formPanels';
import { CatalogSession } from './connections/catalogSession';
import { SandboxHost } from './connections/sandboxHost';
import { readSettings, SECTION } from './connections/settings';
import { ConnectionStatusBar } from './connections/statusBar';
import { AutoRefresher } from './products/autoRefresher';
import { autoRefreshIntervalMs } from './core/products/refreshCadence';
import type { InfoNode, OutputNode, ProductNode, RecordNode } from './products/nodes';
import { ProvisionedProductsProvider } from './products/provisionedProductsProvider';
import { setNotificationSink, type NotificationSink } from './ui/notifications';
import { VsCodeUserInput, type UserInput } from './ui/userInput';
import { log } from './ui/log';

const VIEW_ID = 'serviceCatalogExplorer.provisionedProducts';
const FILTER_KEY = 'serviceCatalogExplorer.filter';

/** What the extension exposes to its own integration tests (and to nothing else). */
export interface ExtensionApi {
  readonly session: CatalogSession;
  /** The embedded sandbox (started on demand); tests stop and restart it to exercise failures. */
  readonly sandbox: SandboxHost;
  readonly tree: ProvisionedProductsProvider;
  readonly treeView: vscode.TreeView<unknown>;
  readonly autoRefresher: AutoRefresher;
  readonly statusBar: ConnectionStatusBar;
  /** The open form panels (provision, update, plans, self-service actions). */
  readonly forms: FormPanels;
  /** Follows records to their end in the output channel (the current tracker; replaced by restartRecordTracking). */
  readonly records: RecordTracker;
  /** Every line the record tracker wrote to the output channel (output channels cannot be read back). */
  readonly recordLog: RecordLog;
  /** Follows a record the extension started (the forms' hook). */
  trackRecord(record: RecordDetail | string, meta?: TrackMeta): Promise<void>;
  /** Disposes the record tracker and makes a new one over the same store, as a window reload does. */
  restartRecordTracking(): Promise<RecordTracker>;
  /** Replaces the prompts (quick picks, input boxes, confirmations) so tests can answer them; undefined restores VS Code's. */
  setUserInput(input: UserInput | undefined): void;
  /** Replaces where notifications go (after their text was made inert) so tests see them; undefined restores VS Code's. */
  setNotificationSink(sink: NotificationSink | undefined): void;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  let userInput: UserInput = new VsCodeUserInput();
  const input: UserInput = {
    pickOne: (items, options) => userInput.pickOne(items, options),
    pickMany: (items, options) => userInput.pickMany(items, options),
    inputText: (options) => userInput.inputText(options),
    confirm: (message, detail, ...buttons) => userInput.confirm(message, detail, ...buttons),
    // Optional in the interface: present exactly when the current input has it.
    get pickOrType() {
      return userInput.pickOrType?.bind(userInput);
    },
  };

  const sandbox = new SandboxHost(context.globalStorageUri);
  const session = new CatalogSession(sandbox);
  const settings = readSettings();
  const tree = new ProvisionedProductsProvider(session, context.workspaceState.get<string>(FILTER_KEY, ''), settings.groupBy);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const autoRefresher = new AutoRefresher(session, tree, {
    enabled: () => readSettings().autoRefresh,
    intervalMs: () => autoRefreshIntervalMs(readSettings().autoRefreshIntervalMs, vscode.window.state.focused),
    viewVisible: () => treeView.visible,
  });
  const statusBar = new ConnectionStatusBar(session);
  context.subscriptions.push(tree.onDidRefresh(() => statusBar.showCallFailure(tree.lastFailure)));
  context.subscriptions.push(session, tree, treeView, autoRefresher, statusBar);

  const syncViewState = () => {
    void vscode.commands.executeCommand('setContext', 'serviceCatalogExplorer.state', tree.viewState);
    void vscode.commands.executeCommand('setContext', 'serviceCatalogExplorer.filtered', !!tree.filter);
    treeView.message = tree.viewMessage;
  };
  context.subscriptions.push(
    tree.onDidChangeTreeData(syncViewState),
    session.onDidChange(syncViewState),
    treeView.onDidChangeVisibility(() => autoRefresher.reschedule()),
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) autoRefresher.catchUp();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.groupBy`)) tree.setGroupBy(readSettings().groupBy);
      if (e.affectsConfiguration(`${SECTION}.autoRefresh`)) autoRefresher.reschedule();
    }),
  );
  syncViewState();

  const profile = () => readSettings().profile;
  const command = (id: string, handler: (...args: any[]) => unknown) =>
    context.subscriptions.push(registerCommand(`serviceCatalogExplorer.${id}`, handler, profile));

  command('refresh', () => tree.refresh());
  command('retry', async () => {
    // A crashed embedded sandbox or a failed connection needs a new connection, not just a re-list.
    const sandboxGone = session.state.kind === 'connected' && session.state.connection.kind === 'sandbox' && !sandbox.isRunning;
    if (session.state.kind === 'failed' || sandboxGone) await session.connectFromSettings();
    else await tree.refresh();
  });
  command('filter', async () => {
    await promptFilter(tree, input);
    await context.workspaceState.update(FILTER_KEY, tree.filter);
  });
  command('clearFilter', async () => {
    await tree.setFilter('');
    await context.workspaceState.update(FILTER_KEY, '');
  });
  command('groupBy', () => promptGroupBy(input));
  command('switchConnection', () => switchConnection(session, input));
  command('connect', () => switchConnection(session, input, false));
  command('useSandbox', () => session.useSandbox());
  // A fix is named, never a command line: what runs is worked out here from the current settings.
  command('runFix', (fix: unknown) => void runAwsCli(fix, profile()));
  command('copyId', (node?: ProductNode, selected?: unknown[]) => copyField(node, 'Id', selected));
  command('copyArn', (node?: ProductNode, selected?: unknown[]) => copyField(node, 'Arn', selected));
  command('copyName', (node?: ProductNode, selected?: unknown[]) => copyField(node, 'Name', selected));
  command('copyValue', (node?: InfoNode | OutputNode | RecordNode) => copyNodeValue(node));

  // Records: tailed in the output channel, resumed after a reload, looked up in read-only documents.
  const recordLog = new RecordLog(log());
  const newRecordTracker = () => {
    const tracker = new RecordTracker({
      session, tree, memento: context.globalState, ownerId: windowOwnerId(context.workspaceState), log: recordLog, timeScale: sandboxTimeScale,
      onRecordChanged: (detail) => detail.RecordId && recordDocuments.refresh(detail.RecordId),
    });
    // Open update, action and plan forms of the product learn that what they show may be old.
    tracker.onDidFinish((detail) => forms.notifyRecordFinished(detail));
    return tracker;
  };
  const recordDocuments = new RecordDocumentProvider({ session, tree, secretsOf: (id) => records.secretsOf(id) });
  let records = newRecordTracker();
  context.subscriptions.push(recordDocuments, { dispose: () => records.dispose() });
  const trackRecord = async (record: RecordDetail | string, meta?: TrackMeta) => {
    await records.track(record, meta).catch((error) => log().error(`Could not follow record: ${error instanceof Error ? error.message : String(error)}`));
  };
  const recordDeps = { session, tree, input, profile, tracker: () => records };
  context.subscriptions.push(
    ...registerRecordCommands({ ...recordDeps, treeView: treeView as vscode.TreeView<unknown>, documents: recordDocuments }),
    ...registerProductActions(recordDeps),
  );

  const forms = registerFormCommands({ context, session, tree, input, profile, trackRecord: (record, secrets) => void trackRecord(record, secrets?.length ? { secrets } : undefined) });

  // Connect after activation returns: reading profiles or starting the sandbox loads bundles we do not want on the activation path.
  setImmediate(() => void session.connectFromSettings().catch((error) => log().error(`Connecting failed: ${String(error)}`)));

  return {
    session,
    sandbox,
    tree,
    treeView: treeView as vscode.TreeView<unknown>,
    autoRefresher,
    statusBar,
    forms,
    get records() {
      return records;
    },
    recordLog,
    trackRecord,
    restartRecordTracking: async () => {
      records.dispose();
      records = newRecordTracker();
      await records.whenResumed();
      return records;
    },
    setUserInput: (next) => (userInput = next ?? new VsCodeUserInput()),
    setNotificationSink,
  };
}

/** This window's id in shared state: kept in workspace state, so a reload of the window keeps it. */
function windowOwnerId(workspaceState: vscode.Memento): string {
  const key = 'serviceCatalogExplorer.windowId';
  let id = workspaceState.get<string>(key);
  if (!id) {
    id = randomUUID();
    void workspaceState.update(key, id);
  }
  return id;
}

/** The sandbox runs operations faster than AWS; durations read from its history are scaled back to real time. */
function sandboxTimeScale(api: { connection: { kind: string } }): number {
  if (api.connection.kind !== 'sandbox') return 1;
  return Number(process.env.SANDBOX_TIME_SCALE) || readSettings().sandboxTimeScale;
}

export function deactivate(): void {
  // Disposables registered on the context stop the sandbox and timers.
}
