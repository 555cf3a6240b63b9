// Composition root: builds the session, the tree, the status bar and the commands, and wires them.
// Activation stays cheap: the SDK and the sandbox are separate bundles loaded on first use.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { registerCommand, type CommandServices } from './ui/commandErrors';
import { COMMANDS } from './ui/commandIds';
import { registerConnectionCommands } from './connections/connectionCommands';
import { registerTreeCommands, savedFilter } from './products/treeCommands';
import { newFormPanels, registerFormCommands } from './provisioning/formCommands';
import { registerProductActions } from './products/productActions';
import { registerRecordCommands } from './records/recordCommands';
import { RecordDocumentProvider } from './records/recordDocument';
import { RecordLog } from './records/recordLog';
import type { RecordTracking, TrackMeta } from './records/recordTracker';
import { LazyRecordTracker } from './records/lazyRecordTracker';
import type { FormPanels } from './provisioning/formPanels';
import { CatalogSession } from './connections/catalogSession';
import { SandboxHost } from './connections/sandboxHost';
import { loadFormsModule, loadRecordsModule, loadSpecsModule } from './connections/lazyModules';
import { registerSpecShims } from './specs/specShims';
import { readSettings, settingChanged } from './connections/settings';
import { ConnectionStatusBar } from './connections/statusBar';
import { AutoRefresher } from './products/autoRefresher';
import { autoRefreshIntervalMs } from './core/products/refreshCadence';
import { newProductNodeCache, ProvisionedProductsProvider } from './products/provisionedProductsProvider';
import { setNotificationSink, setProgressSink, type NotificationSink, type ProgressSink } from './ui/notifications';
import { VsCodeUserInput, type UserInput } from './ui/userInput';
import { log } from './ui/log';

const VIEW_ID = 'serviceCatalogExplorer.provisionedProducts';

/** What the extension exposes to its own integration tests (and to nothing else). */
export interface ExtensionApi {
  readonly session: CatalogSession;
  /** The embedded sandbox (started on demand); tests stop and restart it to exercise failures. */
  readonly sandbox: SandboxHost;
  readonly tree: ProvisionedProductsProvider;
  readonly treeView: vscode.TreeView<unknown>;
  readonly autoRefresher: AutoRefresher;
  readonly statusBar: ConnectionStatusBar;
  /** The open form panels (provision, update, plans, self-service actions); reading it loads dist/forms.js. */
  readonly forms: FormPanels;
  /** Follows records to their end in the output channel (the current tracker; replaced by restartRecordTracking). */
  readonly records: RecordTracking;
  /** Every line the record tracker wrote to the output channel (output channels cannot be read back). */
  readonly recordLog: RecordLog;
  /** Follows a record the extension started (the forms' hook). */
  trackRecord(record: RecordDetail | string, meta?: TrackMeta): Promise<void>;
  /** Disposes the record tracker and makes a new one over the same store, as a window reload does. */
  restartRecordTracking(): Promise<RecordTracking>;
  /** Replaces the prompts (quick picks, input boxes, confirmations) so tests can answer them; undefined restores VS Code's. */
  setUserInput(input: UserInput | undefined): void;
  /** Replaces where notifications go (after their text was made inert) so tests see them; undefined restores VS Code's. */
  setNotificationSink(sink: NotificationSink | undefined): void;
  /** Replaces where progress notifications go so tests see each one and its messages; undefined restores VS Code's. */
  setProgressSink(sink: ProgressSink | undefined): void;
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
    get saveFile() {
      return userInput.saveFile?.bind(userInput);
    },
  };

  const sandbox = new SandboxHost(context.globalStorageUri);
  const session = new CatalogSession(sandbox);
  const settings = readSettings();
  const products = newProductNodeCache();
  const tree = new ProvisionedProductsProvider(session, products, savedFilter(context.workspaceState), settings.groupBy);
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
    treeView.onDidExpandElement((e) => tree.noteExpansion(e.element, true)),
    treeView.onDidCollapseElement((e) => tree.noteExpansion(e.element, false)),
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) autoRefresher.catchUp();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (settingChanged(e, 'groupBy')) tree.setGroupBy(readSettings().groupBy);
      if (settingChanged(e, 'autoRefresh')) autoRefresher.reschedule();
    }),
  );
  syncViewState();

  // What every command's context is made from (registerCommand hands each handler a fresh one).
  const commands = { session, products, input, profile: () => readSettings().profile } satisfies CommandServices;
  context.subscriptions.push(
    ...registerTreeCommands({ ...commands, tree, workspaceState: context.workspaceState }),
    ...registerConnectionCommands({ ...commands, tree, sandbox }),
    // VS Code registers `<view id>.focus` for every view; this gives it the extension's name in the palette.
    registerCommand(COMMANDS.focus, () => vscode.commands.executeCommand(`${VIEW_ID}.focus`), commands),
  );

  // Records: tailed in the output channel, resumed after a reload, looked up in read-only documents.
  const recordLog = new RecordLog(log(), undefined, context.globalState);
  const newRecordTracker = () => {
    // Its bundle (dist/records.js) is required once there is a connection, not at activation.
    const tracker = new LazyRecordTracker({
      session, tree, products, memento: context.globalState, ownerId: windowOwnerId(context.workspaceState), log: recordLog, timeScale: (api) => sandbox.timeScaleOf(api.connection),
      onRecordChanged: (detail) => {
        tree.noteRecord(detail); // the operation on its product, without a DescribeRecord of the tree's own
        if (detail.RecordId) recordDocuments.refresh(detail.RecordId);
      },
    }, loadRecordsModule);
    // Open update, action and plan forms of the product learn that what they show may be old (no panels, no forms' bundle: none open).
    tracker.onDidFinish((detail) => formPanels?.notifyRecordFinished(detail));
    return tracker;
  };
  const recordDocuments = new RecordDocumentProvider({ session, products, secretsOf: (id) => records.secretsOf(id), isFollowed: (id) => records.isFollowing(id) });
  let records = newRecordTracker();
  context.subscriptions.push(recordDocuments, { dispose: () => records.dispose() });
  const trackRecord = async (record: RecordDetail | string, meta?: TrackMeta) => {
    await records.track(record, meta).catch((error) => log().error(`Could not follow record: ${error instanceof Error ? error.message : String(error)}`));
  };
  const tracker = () => records;
  context.subscriptions.push(
    ...registerRecordCommands({ ...commands, tracker, treeView, documents: recordDocuments }),
    ...registerProductActions({ ...commands, tracker }),
  );

  // The form panels are made, and their bundle (dist/forms.js) loaded, when the first form opens or is restored.
  let formPanels: FormPanels | undefined;
  const forms = (): FormPanels => {
    if (formPanels) return formPanels;
    formPanels = newFormPanels(loadFormsModule(), {
      ...commands, tree, context, trackRecord: (record, secrets) => void trackRecord(record, secrets?.length ? { secrets } : undefined),
      saveSpec: (product) => specShims.saveFormProduct(product),
    });
    // The tree's view too: a change it sees on the product of an open form (from anywhere) reaches that form.
    context.subscriptions.push(formPanels, formPanels.watchProducts(products));
    return formPanels;
  };
  context.subscriptions.push(...registerFormCommands({ ...commands, forms }));

  // Spec files: their bundle (dist/specs.js) is loaded when one is open or a spec command or provider first runs.
  // Applied and saved through the forms' own controllers, from their bundle (loaded at the first apply or save).
  const specFeatures = () => loadSpecsModule().newSpecFeatures({
    ...commands, session, controllers: () => ({ deps: forms().controllerDeps, ...loadFormsModule() }), environment: () => process.env,
  });
  const specShims = registerSpecShims(specFeatures, commands);
  context.subscriptions.push(...specShims.disposables);

  // Connect after activation returns: reading profiles or starting the sandbox loads bundles we do not want on the activation path.
  setImmediate(() => void session.connectFromSettings().catch((error) => log().error(`Connecting failed: ${String(error)}`)));

  return {
    session,
    sandbox,
    tree,
    treeView,
    autoRefresher,
    statusBar,
    get forms() {
      return forms();
    },
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
    setProgressSink,
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

export function deactivate(): void {
  // Disposables registered on the context stop the sandbox and timers.
}
