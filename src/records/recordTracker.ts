// Wires the shared record scheduler (RecordTailer) into VS Code: one tailer per connection over a
// globalState store, a line per status change in the output channel, a progress notification and an
// activity on the tree item while a record runs, and a result notification and tree refresh at the end.
import * as vscode from 'vscode';
import type { RecordDetail, RecordOutput, RecordStatus } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../aws/catalogApi';
import { RecordTailer, type TailHandle } from '../core/records/recordTailer';
import { isTerminalRecordStatus } from '../core/statuses';
import type { TailMeta } from '../core/records/tailStore';
import type { CatalogSession } from '../connections/catalogSession';
import type { ProvisionedProductsProvider } from '../products/provisionedProductsProvider';
import type { KnownProducts } from '../products/productCache';
import { Disposable } from '../ui/disposable';
import { log } from '../ui/log';
import { notify, notificationText } from '../ui/notifications';
import { inert } from '../core/untrustedText';
import { activityText, finalLines, operationVerb, resultSummary, statusLine } from '../core/records/recordLines';
import type { RecordLog } from './recordLog';
import { expectedDurationMs } from '../core/records/recordTiming';
import { MementoTailStore, TAIL_LEASE_RENEW_MS, tailStoreKey, type MementoLike } from './tailStoreAdapter';
import { COMMANDS } from '../ui/commandIds';

const SHOW_OUTPUT = 'Show Output';
const HISTORY_LOOKUP_TIMEOUT_MS = 3_000;

/** What the caller knows about a record it started. Only `productName` is persisted. */
export interface TrackMeta {
  readonly productName?: string;
  /** NoEcho parameter values of the operation: masked in every line; kept in memory only, never stored. */
  readonly secrets?: readonly string[];
  /** Overrides the median duration looked up in the product's ListRecordHistory. */
  readonly expectedDurationMs?: number;
}

export interface RecordTrackerDeps {
  readonly session: CatalogSession;
  /** Re-listed when a record ends; a refresh may rebuild items, so activities are shown again. */
  readonly tree: Pick<ProvisionedProductsProvider, 'refresh' | 'onDidRefresh'>;
  /** Where the activity of a running record shows, and product names come from. */
  readonly products: KnownProducts;
  readonly memento: MementoLike;
  /** This window's id in the shared store (stable across reloads); without it, one window is assumed. */
  readonly ownerId?: string;
  readonly log: RecordLog;
  /** How much faster than real time the connection's service runs (the sandbox's time scale), for durations from history. */
  readonly timeScale?: (api: CatalogApi) => number;
  /** Told about every status change (the record documents refresh). */
  readonly onRecordChanged?: (detail: RecordDetail) => void;
}

interface RunningRecord {
  readonly recordId: string;
  readonly provisionedProductId?: string;
  readonly productName: string;
  readonly recordType?: string;
  readonly startedAtMs: number;
  readonly secrets?: readonly string[];
  /** Last non-terminal status written, for the "A → B" of the final line. */
  lastStatus?: RecordStatus;
  progress?: vscode.Progress<{ message?: string }>;
  endProgress(): void;
}

export class RecordTracker extends Disposable {
  private tailer?: RecordTailer;
  private api?: CatalogApi;
  private resumed: Promise<void> = Promise.resolve();
  private leaseTimer?: ReturnType<typeof setInterval>;
  private readonly running = new Map<string, RunningRecord>();
  private readonly finished = this.register(new vscode.EventEmitter<RecordDetail>());
  /** Fires once per record when its final status has been reported. */
  readonly onDidFinish = this.finished.event;

  constructor(private readonly deps: RecordTrackerDeps) {
    super();
    this.register(deps.session.onDidChange(() => this.connect()));
    this.register(deps.tree.onDidRefresh(() => this.showActivities()));
    this.connect();
  }

  /** Resolves once the records stored for the current connection have been resumed. */
  whenResumed(): Promise<void> {
    return this.resumed;
  }

  get activeRecordIds(): string[] {
    return [...this.running.keys()];
  }

  /** Whether an operation this tracker follows is running on the provisioned product. */
  isBusy(provisionedProductId: string): boolean {
    return [...this.running.values()].some((r) => r.provisionedProductId === provisionedProductId);
  }

  secretsOf(recordId: string): readonly string[] | undefined {
    return this.running.get(recordId)?.secrets;
  }

  /**
   * Follows a record the extension started (a RecordDetail from the call's response, or a record id)
   * until it is SUCCEEDED or FAILED. Tracking a record twice returns the same handle.
   */
  async track(record: RecordDetail | string, meta: TrackMeta = {}): Promise<TailHandle> {
    const { tailer, api } = this.connected();
    const detail = typeof record === 'string' ? (await api.describeRecord(record)).detail : record;
    const recordId = detail.RecordId;
    if (!recordId) throw new Error('The record has no RecordId.');
    const existing = tailer.handleFor(recordId);
    if (existing) return existing;
    const expected = meta.expectedDurationMs ?? (await this.expectedDuration(api, detail));
    if (this.tailer !== tailer) throw new Error('The connection changed before the record could be followed.');
    const tailMeta: TailMeta = {
      expectedDurationMs: expected,
      label: meta.productName ?? this.productNameOf(detail),
      recordType: detail.RecordType,
      provisionedProductId: detail.ProvisionedProductId,
    };
    this.begin(recordId, tailMeta, Date.now(), meta.secrets);
    return tailer.tail(recordId, tailMeta, detail);
  }

  private connected(): { tailer: RecordTailer; api: CatalogApi } {
    if (!this.tailer || !this.api) throw new Error('Not connected to Service Catalog: records cannot be followed.');
    return { tailer: this.tailer, api: this.api };
  }

  /** One tailer per connection; records of other connections stay stored until it is used again. */
  private connect(): void {
    const api = this.deps.session.api;
    if (api === this.api && this.tailer) return;
    this.stopTailer();
    if (!api || this.disposed) return;
    const ownership = this.deps.ownerId ? { owner: this.deps.ownerId } : undefined;
    const store = new MementoTailStore(this.deps.memento, tailStoreKey(api.connection), ownership);
    const tailer = new RecordTailer({
      describeRecord: async (id) => {
        const { detail, outputs } = await api.describeRecord(id);
        return { RecordDetail: detail, RecordOutputs: outputs };
      },
      store,
      onInternalError: (context, error) => log().warn(`Record tracking: ${context}: ${error instanceof Error ? error.message : String(error)}`),
    });
    tailer.onChange((id, detail, previous) => this.onChange(id, detail, previous));
    tailer.onFinal((id, detail, outputs) => this.onFinal(id, detail, outputs));
    this.tailer = tailer;
    this.api = api;
    this.resumed = this.resume(tailer, store);
    // Renews this window's claim on its records and adopts those a closed window left unfinished.
    if (ownership) this.leaseTimer = setInterval(() => void this.renewAndAdopt(tailer, store), TAIL_LEASE_RENEW_MS);
  }

  private async renewAndAdopt(tailer: RecordTailer, store: MementoTailStore): Promise<void> {
    if (this.tailer !== tailer) return;
    const orphans = store.load().some((e) => e.finalReportedAtMs === undefined && !tailer.handleFor(e.recordId));
    if (orphans || this.running.size) await this.resume(tailer, store);
  }

  private async resume(tailer: RecordTailer, store: MementoTailStore): Promise<void> {
    const pending = store.load().filter((entry) => entry.finalReportedAtMs === undefined && !tailer.handleFor(entry.recordId));
    for (const entry of pending) this.begin(entry.recordId, entry.meta, entry.startedAtMs, undefined, entry.lastStatus);
    try {
      await tailer.resume();
      if (pending.length) log().info(`Resumed following ${pending.length} record(s): ${pending.map((e) => e.recordId).join(', ')}`);
    } catch (error) {
      log().warn(`Could not resume followed records: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private stopTailer(): void {
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    this.leaseTimer = undefined;
    this.tailer?.dispose();
    this.tailer = undefined;
    this.api = undefined;
    for (const record of this.running.values()) this.end(record);
    this.running.clear();
  }

  /** Starts the progress notification and the item's activity for a record. */
  private begin(recordId: string, meta: TailMeta, startedAtMs: number, secrets?: readonly string[], lastStatus?: RecordStatus): void {
    if (this.running.has(recordId)) return;
    let endProgress!: () => void;
    const ended = new Promise<void>((resolve) => (endProgress = resolve));
    const record: RunningRecord = {
      recordId,
      provisionedProductId: meta.provisionedProductId,
      productName: meta.label ?? meta.provisionedProductId ?? recordId,
      recordType: meta.recordType,
      startedAtMs,
      secrets,
      lastStatus: isTerminalRecordStatus(lastStatus) ? undefined : lastStatus,
      endProgress,
    };
    this.running.set(recordId, record);
    const title = `${operationVerb(record.recordType)} ${record.productName}`;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: notificationText(title) }, (progress) => {
      record.progress = progress;
      progress.report({ message: progressMessage(record.lastStatus ?? 'CREATED') });
      return ended;
    });
    this.showActivity(record);
  }

  private onChange(recordId: string, detail: RecordDetail, previous: RecordStatus | undefined): void {
    const record = this.running.get(recordId);
    this.deps.onRecordChanged?.(detail);
    // The final status is written with the errors or outputs by onFinal.
    if (!record || isTerminalRecordStatus(detail.Status)) return;
    this.deps.log.write([statusLine(detail, previous, { secrets: record.secrets, productName: record.productName })]);
    record.lastStatus = detail.Status;
    record.progress?.report({ message: progressMessage(detail.Status) });
    this.showActivity(record);
  }

  private onFinal(recordId: string, detail: RecordDetail, outputs: readonly RecordOutput[]): void {
    const record = this.running.get(recordId);
    this.running.delete(recordId);
    const context = { secrets: record?.secrets, productName: record?.productName };
    this.deps.log.write(finalLines(detail, outputs, record?.lastStatus, context));
    if (record) this.end(record);
    void this.deps.tree.refresh();
    this.finished.fire(detail);
    const name = record?.productName ?? detail.ProvisionedProductName ?? detail.ProvisionedProductId ?? recordId;
    const summary = resultSummary(detail, name, record ? Date.now() - record.startedAtMs : undefined, record?.secrets);
    if (detail.Status === 'SUCCEEDED') {
      void notify.info(summary, SHOW_OUTPUT).then((choice) => choice && log().show(true));
    } else {
      // A failure is the one case where the output comes into view by itself.
      log().show(true);
      void notify.error(summary, SHOW_OUTPUT).then((choice) => choice && log().show(true));
    }
  }

  private end(record: RunningRecord): void {
    record.endProgress();
    if (record.provisionedProductId) this.deps.products.setActivity(record.provisionedProductId, undefined);
  }

  private showActivity(record: RunningRecord): void {
    const id = record.provisionedProductId;
    if (!id) return;
    const node = this.deps.products.find(id);
    const text = activityText(record.recordType);
    if (node && node.activity !== text) this.deps.products.setActivity(id, text);
  }

  /** A refresh may bring the item of a new product, or rebuild one: show the activities again. */
  private showActivities(): void {
    for (const record of this.running.values()) this.showActivity(record);
  }

  private productNameOf(detail: RecordDetail): string | undefined {
    const id = detail.ProvisionedProductId;
    return detail.ProvisionedProductName ?? (id ? this.deps.products.find(id)?.row.Name : undefined) ?? id;
  }

  /** The median duration of the product's past records of this kind; never delays tracking for long. */
  private async expectedDuration(api: CatalogApi, detail: RecordDetail): Promise<number | undefined> {
    const id = detail.ProvisionedProductId;
    if (!id) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), HISTORY_LOOKUP_TIMEOUT_MS)));
    const lookup = api.listRecordsOfProvisionedProduct(id, 20).then(
      (history) => expectedDurationMs(history, detail.RecordType),
      () => undefined,
    );
    const serviceMs = await Promise.race([lookup, timeout]).finally(() => clearTimeout(timer));
    return serviceMs === undefined ? undefined : serviceMs / (this.deps.timeScale?.(api) ?? 1);
  }

  override dispose(): void {
    this.stopTailer();
    super.dispose();
  }
}

function progressMessage(status: string | undefined): string {
  // Our one link; the status beside it is the service's word.
  return `${inert(status ?? 'CREATED', 'notification', { maxLength: 40 })} · [Show Output](command:${COMMANDS.showRecordLog})`;
}
