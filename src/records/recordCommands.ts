// Record commands: look up a record (or reveal a pasted provisioned product), a product's record
// history, open a record's document, tail a running record, show the record log.
import * as vscode from 'vscode';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../aws/catalogApi';
import { classifyError } from '../core/errors';
import { humanizeStatus, isTerminalRecordStatus } from '../core/statuses';
import { RECORD_ID_PATTERN, recordIdOf, type RecordDocumentProvider } from './recordDocument';
import type { RecordTracking } from './recordTracker';
import type { KnownProducts } from '../products/productCache';
import type { CatalogSession } from '../connections/catalogSession';
import { ProductNode, RecordNode } from '../products/nodes';
import { recordStatusIcon } from '../products/statusStyle';
import { formatTime } from '../core/localTime';
import { notify } from '../ui/notifications';
import type { UserInput } from '../ui/userInput';
import { log } from '../ui/log';
import { inert } from '../core/untrustedText';
import { registerCommand, type CommandContext, type CommandServices } from '../ui/commandErrors';
import { COMMANDS } from '../ui/commandIds';

/** The pick entry that asks for an id to be typed. */
const ENTER_AN_ID = '$(edit) Enter a record id, or a provisioned product id, name or ARN…';

/** How many of the newest records (of every product) Look Up Record offers to pick from. */
export const RECENT_RECORDS_IN_LOOK_UP = 60;

export interface RecordCommandDeps extends CommandServices {
  readonly session: CatalogSession;
  readonly treeView: vscode.TreeView<unknown>;
  readonly input: UserInput;
  readonly documents: RecordDocumentProvider;
  readonly tracker: () => RecordTracking;
}

type RecordPick = vscode.QuickPickItem & { readonly recordId?: string; readonly loadMore?: true };

/** The record-history entry that reads the next batch, where the page cap stopped the last one. */
const LOAD_MORE_RECORDS = '$(more) Load more records…';

export function registerRecordCommands(deps: RecordCommandDeps): vscode.Disposable[] {
  return [
    registerCommand(COMMANDS.lookUpRecord, (context, text?: string) => lookUpRecord(context, deps, text), deps),
    registerCommand(COMMANDS.showRecordHistory, (context, node?: ProductNode) => showRecordHistory(context, deps, node), deps),
    registerCommand(COMMANDS.openRecord, (context, target?: RecordNode | string) => openRecord(context, deps, target), deps),
    registerCommand(COMMANDS.tailRecord, (context, target?: string | vscode.Uri) => tailRecord(context, deps, target), deps),
    registerCommand(COMMANDS.showRecordLog, () => log().show(true), deps),
  ];
}

/**
 * Opens a record's document, or reveals the provisioned product when given its id, name or ARN.
 * Returns what it did, for tests: 'record' or 'product'.
 */
async function lookUpRecord(context: CommandContext, deps: RecordCommandDeps, text?: string): Promise<'record' | 'product'> {
  const api = context.requireApi();
  const wanted = typeof text === 'string' && text.trim() ? text.trim() : await promptForRecord(deps, api);
  const product = deps.products.find(wanted);
  if (product) {
    await deps.treeView.reveal(product, { select: true, focus: true, expand: false });
    return 'product';
  }
  if (!RECORD_ID_PATTERN.test(wanted)) {
    throw new Error(`"${wanted}" is neither a record id nor a provisioned product in the view.`);
  }
  await deps.documents.open(wanted).catch((error: unknown) => {
    if (classifyError(error).kind !== 'not-found') throw error;
    throw new Error(`"${wanted}" is neither a record of this connection nor a provisioned product in the view.`);
  });
  return 'record';
}

async function promptForRecord(deps: RecordCommandDeps, api: CatalogApi): Promise<string> {
  const recent = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Reading recent records…' },
    () => recentRecords(api),
  );
  const options = {
    title: 'Look up a record',
    placeHolder: 'Filter recent records by type, product, status or time, or paste a record id, or a provisioned product id, name or ARN',
    matchOnDescription: true,
    matchOnDetail: true,
  };
  const picks = recent.map((r) => recordPick(r));
  // What is typed can be looked up directly: the entry for it comes last, so a typed filter still
  // highlights the first matching record.
  if (deps.input.pickOrType) {
    const picked = await deps.input.pickOrType(picks, {
      ...options,
      typedLabel: (value) => (value ? `$(search) Look up "${value}"` : ENTER_AN_ID),
      typedFirst: (value) => isLiteralLookUp(value, picks, deps.products),
    });
    if ('typed' in picked) return picked.typed || askForId(deps);
    return picked.recordId!;
  }
  const enter: RecordPick = { label: ENTER_AN_ID, alwaysShow: true };
  const picked = await deps.input.pickOne([...picks, { label: '', kind: vscode.QuickPickItemKind.Separator }, enter], options);
  return picked.recordId ?? askForId(deps);
}

/**
 * Whether typed text is looked up as it is (its entry first, so Enter takes it): a provisioned product's
 * exact id, name or ARN, or text shaped like a record id or ARN that no listed record matches. Partial
 * text (`inventory`) is a filter: Enter takes the highlighted record.
 */
export function isLiteralLookUp(value: string, picks: readonly vscode.QuickPickItem[], products: Pick<KnownProducts, 'find'>): boolean {
  if (!value) return false;
  if (products.find(value)) return true;
  if (!/^(rec-|pp-|arn:)/i.test(value)) return false;
  const wanted = value.toLowerCase();
  return !picks.some((p) => [p.label, p.description, p.detail].some((text) => text?.toLowerCase().includes(wanted)));
}

async function askForId(deps: RecordCommandDeps): Promise<string> {
  const typed = await deps.input.inputText({
    title: 'Look up a record',
    prompt: 'A record id (rec-…), or a provisioned product id, name or ARN to reveal it in the tree',
    validateInput: (value) => (value.trim() ? undefined : 'Enter an id, a name or an ARN.'),
  });
  return typed.trim();
}

/** Recent records at the configured access level, newest first (account-wide ListRecordHistory). */
async function recentRecords(api: CatalogApi): Promise<RecordDetail[]> {
  return newestFirst(await api.listRecentRecords(RECENT_RECORDS_IN_LOOK_UP));
}

function newestFirst(records: RecordDetail[]): RecordDetail[] {
  return records.sort((a, b) => (b.CreatedTime?.getTime() ?? 0) - (a.CreatedTime?.getTime() ?? 0));
}

/** A record in a pick: readable type and status, local time; the product only where records of several are listed. */
function recordPick(record: RecordDetail, withProduct = true): RecordPick {
  const icon = recordStatusIcon(record.Status);
  const product = withProduct ? ` · ${inert(record.ProvisionedProductName ?? record.ProvisionedProductId, 'label')}` : '';
  return {
    label: `$(${icon.id}) ${inert(humanizeStatus(record.RecordType ?? 'Record'), 'label')}${product}`,
    description: `${inert(humanizeStatus(record.Status), 'label')} · ${record.CreatedTime ? formatTime(record.CreatedTime) : ''}`,
    detail: inert(record.RecordId, 'label'),
    recordId: record.RecordId,
  };
}

/**
 * The records of a provisioned product, newest first, read a batch (up to the page cap) at a time: when
 * a batch stopped at the cap, the pick ends with "Load more records…". The chosen one opens. Returns its id.
 */
async function showRecordHistory(context: CommandContext, deps: RecordCommandDeps, node?: ProductNode): Promise<string | undefined> {
  const api = context.requireApi();
  const product = node instanceof ProductNode ? node : await context.pickProvisionedProduct(undefined, { title: 'Record history of which provisioned product?' });
  const id = product.row.Id!;
  const readBatch = (startToken?: string) => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Reading the record history of ${inert(product.row.Name, 'label')}…` },
    () => api.listRecordsOfProvisionedProduct(id, Infinity, startToken),
  );
  let batch = await readBatch();
  if (!batch.length && !batch.nextToken) {
    void notify.info(`${product.row.Name} has no records.`);
    return undefined;
  }
  const records: RecordDetail[] = [];
  for (;;) {
    records.push(...batch);
    const picked = await deps.input.pickOne([...newestFirst(records).map((r) => recordPick(r, false)), ...loadMoreEntry(batch.nextToken)], {
      title: `Record history of ${inert(product.row.Name, 'label')} (${records.length}${batch.nextToken ? '+' : ''})`,
      placeHolder: 'Filter by type, status or time; pick one to open it',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked.loadMore) {
      if (picked.recordId) await deps.documents.open(picked.recordId);
      return picked.recordId;
    }
    batch = await readBatch(batch.nextToken);
  }
}

/** Offered only where a batch can go on (a service that repeated a token cannot). */
function loadMoreEntry(nextToken: string | undefined): RecordPick[] {
  if (!nextToken) return [];
  return [{ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: LOAD_MORE_RECORDS, alwaysShow: true, loadMore: true }];
}

async function openRecord(context: CommandContext, deps: RecordCommandDeps, target?: RecordNode | string): Promise<void> {
  const recordId = target instanceof RecordNode ? target.record.RecordId : target;
  if (!recordId) return lookUpRecord(context, deps).then(() => undefined);
  await deps.documents.open(recordId);
}

/**
 * The record the active editor shows: its document as text, or its rendered view. The markdown preview
 * is a webview (no text editor, no URI to read): it stands for the running record shown last only when
 * its tab is that record's. Another editor shows no record.
 */
function shownRecordId(lastShownRunning: string | undefined): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor) return recordIdOf(editor.document.uri);
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const preview = tab?.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('markdown.preview');
  return preview && lastShownRunning && tab.label.includes(lastShownRunning) ? lastShownRunning : undefined;
}

/** Follows a running record in the output (from its document's code lens or editor title). */
async function tailRecord(context: CommandContext, deps: RecordCommandDeps, target?: string | vscode.Uri): Promise<void> {
  const recordId = typeof target === 'string' ? target : target instanceof vscode.Uri ? recordIdOf(target) : shownRecordId(deps.documents.lastShownRunning);
  if (!recordId) throw new Error('Open a record first (Service Catalog: Look Up Record).');
  const api = context.requireApi();
  const { detail } = await api.describeRecord(recordId);
  if (isTerminalRecordStatus(detail.Status)) {
    deps.documents.refresh(recordId);
    void notify.info(`Record ${recordId} has already finished: ${detail.Status}.`);
    return;
  }
  try {
    await deps.tracker().track(detail);
  } catch (error) {
    throw new Error(`Could not follow record ${recordId}: ${classifyError(error).message}`);
  } finally {
    deps.documents.refresh(recordId); // read again once followed: its hint says where it is followed
  }
}
