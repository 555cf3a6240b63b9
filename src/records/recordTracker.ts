// Wires the shared record scheduler (RecordTailer) into VS Code: one tailer per connection over a
// globalState store, a line per status change in the output channel, an activity on the tree item
// while a record runs, one progress notification per user action (see
// ActionProgress), and the end. Each change is reported in one step after reading the product, so the
// tree, the output and the notification agree; the tree's news of a followed record pokes the tailer.
import * as vscode from 'vscode';
import type { ProvisionedProductDetail, RecordDetail, RecordOutput, RecordStatus } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../aws/catalogApi';
import { RecordTailer, type TailHandle } from '../core/records/recordTailer';
import { isTerminalRecordStatus, isTerminationEnd } from '../core/statuses';
import type { TailMeta } from '../core/records/tailStore';
import type { CatalogSession } from '../connections/catalogSession';
import type { ProvisionedProductsProvider } from '../products/provisionedProductsProvider';
import type { KnownProducts } from '../products/productCache';
import { Disposable } from '../ui/disposable';
import { log } from '../ui/log';
import { classifyError } from '../core/errors';
import { activityText, finalLines, operationVerb, statusLine, unreadableLines, type RecordLineContext } from '../core/records/recordLines';
import { ActionProgress } from './actionProgress';
import type { RecordLog } from './recordLog';
import { expectedDurationMs } from '../core/records/recordTiming';
import { DEFAULT_CALL_BUDGET } from '../core/records/callBudget';
import { RecordStackFollowing } from '../core/stacks/recordStackFollowing';
import type { StackEventCursor } from '../core/stacks/stackEventFollower';
import { firstFailureSentence, stackEventLine } from '../core/stacks/stackEventLines';
import type { StackEvent } from '../core/stacks/types';
import { redactSecrets } from '../core/records/secretMasking';
import { MementoTailStore, TAIL_LEASE_RENEW_MS, tailStoreKey, type MementoLike } from './tailStoreAdapter';

const HISTORY_LOOKUP_TIMEOUT_MS = 3_000;
/** Where the stack-event cursors of running records survive a reload (with their lines in the record log). */
const STACK_CURSORS_KEY = 'serviceCatalogExplorer.stackEventCursors';

/** What the caller knows about a record it started. Only `productName` is persisted. */
export interface TrackMeta {
  readonly productName?: string;
  /** NoEcho parameter values of the operation: masked in every line; kept in memory only, never stored. */
  readonly secrets?: readonly string[];
  /** Overrides the median duration looked up in the product's ListRecordHistory. */
  readonly expectedDurationMs?: number;
  /** The user action the record is part of (several products); without it the record is an action of its own. */
  readonly action?: ActionProgress;
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
  /** How often this window renews its claim and adopts a closed window's records (tests shorten it). */
  readonly leaseRenewMs?: number;
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
  /** The connection the record belongs to: its product is read there, never on the next one. */
  readonly api?: CatalogApi;
  /** The user action the record belongs to: its progress notification and its end. */
  readonly action: ActionProgress;
  /** Last non-terminal status written, for the "A → B" of the final line. */
  lastStatus?: RecordStatus;
  /** The launch role last named on a line of this record in this window. */
  roleShown?: string;
  /** A change and the end are reported one after the other, each after reading the product. */
  steps: Promise<void>;
}

/** What DescribeProvisionedProduct said of a record's product when it was read with a change. */
interface ProductNews {
  readonly detail?: ProvisionedProductDetail;
  /** The service no longer knows the product (a terminate ended). */
  readonly gone?: boolean;
}

/** What the rest of the extension uses of the tracker (LazyRecordTracker stands in for it until a connection needs it). */
export type RecordTracking = Pick<RecordTracker, 'onDidFinish' | 'whenResumed' | 'activeRecordIds' | 'isFollowing' | 'isBusy' | 'secretsOf' | 'beginAction' | 'track' | 'dispose'>;

export class RecordTracker extends Disposable {
  private tailer?: RecordTailer;
  /** The stacks of the tailer's records. */
  private stackFollowing?: RecordStackFollowing;
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

  /** Whether this tracker follows the record now (it is running). */
  isFollowing(recordId: string): boolean {
    return this.running.has(recordId);
  }

  /** Whether an operation this tracker follows is running on the provisioned product. */
  isBusy(provisionedProductId: string): boolean {
    return [...this.running.values()].some((r) => r.provisionedProductId === provisionedProductId);
  }

  secretsOf(recordId: string): readonly string[] | undefined {
    return this.running.get(recordId)?.secrets;
  }

  /**
   * A user action on several products: pass it to `track` for each of its records, then `close` it.
   * One progress notification shows them all, one notification says how they ended.
   */
  beginAction(title: string): ActionProgress {
    return new ActionProgress(title);
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
    const action = meta.action ?? new ActionProgress(`${operationVerb(detail.RecordType)} ${tailMeta.label ?? recordId}`);
    this.begin(recordId, tailMeta, Date.now(), action, { secrets: meta.secrets });
    if (!meta.action) action.close();
    const handle = tailer.tail(recordId, tailMeta, detail);
    const running = this.running.get(recordId);
    if (!running) return handle;
    // Final once the end has been reported (the output, the tree and the notification), not just seen.
    const final = handle.final.then(async (end) => {
      await running.steps;
      return end;
    });
    final.catch(() => undefined);
    return { recordId, final, untail: () => handle.untail() };
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
      callBudget: DEFAULT_CALL_BUDGET,
      onInternalError: (context, error) => log().warn(`Record tracking: ${context}: ${error instanceof Error ? error.message : String(error)}`),
    });
    tailer.onChange((id, detail, previous) => this.onChange(id, detail, previous));
    tailer.onFinal((id, detail, outputs) => this.onFinal(id, detail, outputs));
    tailer.onUnreadable((id, meta, reason) => this.onUnreadable(id, meta, reason));
    this.stackFollowing = this.followStacks(tailer);
    this.tailer = tailer;
    this.api = api;
    this.resumed = this.resume(tailer, store);
    // Renews this window's claim on its records and adopts those a closed window left unfinished.
    if (ownership) this.leaseTimer = setInterval(() => void this.renewAndAdopt(tailer, store), this.deps.leaseRenewMs ?? TAIL_LEASE_RENEW_MS);
  }

  private async renewAndAdopt(tailer: RecordTailer, store: MementoTailStore): Promise<void> {
    if (this.tailer !== tailer) return;
    const orphans = store.load().some((e) => e.finalReportedAtMs === undefined && !tailer.handleFor(e.recordId));
    if (orphans || this.running.size) await this.resume(tailer, store);
  }

  private async resume(tailer: RecordTailer, store: MementoTailStore): Promise<void> {
    const unfinished = store.load().filter((entry) => entry.finalReportedAtMs === undefined && !tailer.handleFor(entry.recordId) && !this.running.has(entry.recordId));
    try {
      await tailer.resume();
    } catch (error) {
      log().warn(`Could not resume followed records: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    // Only what the tailer follows again: a store that lags behind (an echo of an older write) may still
    // list a record whose end this window reported, and showing it would leave it "running" for good.
    // The tailer's first read is a timer away, so the records are begun before any news of them.
    const pending = unfinished.filter((entry) => tailer.handleFor(entry.recordId));
    if (!pending.length || this.tailer !== tailer) return;
    // The records a reload interrupted make one action: one notification follows them all.
    const first = pending[0];
    const title = pending.length === 1 ? `${operationVerb(first.meta.recordType)} ${first.meta.label ?? first.recordId}` : `Following ${pending.length} operations`;
    const action = new ActionProgress(title);
    for (const entry of pending) this.begin(entry.recordId, entry.meta, entry.startedAtMs, action, { lastStatus: entry.lastStatus, resumed: true });
    action.close();
    log().info(`Resumed following ${pending.length} record(s): ${pending.map((e) => e.recordId).join(', ')}`);
  }

  private stopTailer(): void {
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    this.leaseTimer = undefined;
    this.stackFollowing?.dispose();
    this.stackFollowing = undefined;
    this.tailer?.dispose();
    this.tailer = undefined;
    this.api = undefined;
    for (const record of this.running.values()) {
      this.releaseProduct(record);
      record.action.drop(record.recordId);
    }
    this.running.clear();
  }

  /**
   * Starts following a record: its part in the action's notification, the item's activity, and a hold
   * on the product, so a listing that sees the end first tells the tailer instead of showing it.
   */
  private begin(recordId: string, meta: TailMeta, startedAtMs: number, action: ActionProgress, how: { secrets?: readonly string[]; lastStatus?: RecordStatus; resumed?: boolean }): void {
    if (this.running.has(recordId)) return;
    const lastStatus = isTerminalRecordStatus(how.lastStatus) ? undefined : how.lastStatus;
    const record: RunningRecord = {
      recordId,
      provisionedProductId: meta.provisionedProductId,
      productName: meta.label ?? meta.provisionedProductId ?? recordId,
      recordType: meta.recordType,
      startedAtMs,
      secrets: how.secrets,
      api: this.api,
      action,
      lastStatus,
      steps: Promise.resolve(),
    };
    this.running.set(recordId, record);
    this.stackFollowing?.begin(recordId, record.provisionedProductId, startedAtMs);
    if (how.resumed) this.deps.log.replay(recordId);
    action.add(recordId, record.productName, lastStatus ?? 'CREATED');
    const tailer = this.tailer;
    if (record.provisionedProductId) this.deps.products.hold(record.provisionedProductId, recordId, () => tailer?.poke(recordId));
    this.showActivity(record);
  }

  /** Runs a record's steps in order; a step reads the product, then reports everything at once. */
  private step(record: RunningRecord, run: () => Promise<void>): void {
    record.steps = record.steps.then(run).catch((error: unknown) => log().warn(`Record tracking: ${record.recordId}: ${error instanceof Error ? error.message : String(error)}`));
  }

  private onChange(recordId: string, detail: RecordDetail, previous: RecordStatus | undefined): void {
    const record = this.running.get(recordId);
    this.deps.onRecordChanged?.(detail);
    // The final status is written with the errors or outputs by onFinal.
    if (!record || isTerminalRecordStatus(detail.Status)) return;
    this.step(record, async () => {
      const product = await this.readProduct(record);
      if (this.running.get(recordId) !== record) return;
      // One step: the tree's product, the output line and the notification.
      this.deps.products.batch(() => {
        if (product.detail) this.deps.products.applyDetail(product.detail);
        this.deps.log.write([statusLine(detail, previous, this.lineContext(record, detail))], recordId);
        record.lastStatus = detail.Status;
        record.action.update(recordId, detail.Status);
        this.showActivity(record);
      });
    });
  }

  private onFinal(recordId: string, detail: RecordDetail, outputs: readonly RecordOutput[]): void {
    const record = this.running.get(recordId);
    if (!record) {
      this.deps.log.write(finalLines(detail, outputs, undefined, {}));
      this.finished.fire(detail);
      return;
    }
    this.step(record, async () => {
      // A terminate that succeeded says the product is gone, whatever a read just after still finds.
      const product = isTerminationEnd(detail) ? { gone: true } : await this.readProduct(record);
      // The connection changed while the product was read: the record is no longer this window's news.
      if (this.running.get(recordId) !== record) return;
      // The stack's last events come before the record's final lines.
      const following = this.stackFollowing;
      const firstFailure = await following?.finish(recordId);
      if (this.running.get(recordId) !== record || this.stackFollowing !== following) return;
      this.running.delete(recordId);
      this.saveCursor(recordId, undefined);
      // One step: the product leaves the tree or shows its new status as the output writes the end
      // and the notification ends.
      this.deps.products.batch(() => {
        this.releaseProduct(record, product);
        this.deps.log.write(finalLines(detail, outputs, record.lastStatus, this.lineContext(record, detail)));
        this.deps.log.forget(recordId);
        record.action.finish(recordId, detail, record.secrets, firstFailure ? redactSecrets(firstFailureSentence(firstFailure), record.secrets) : undefined);
      });
      void this.deps.tree.refresh();
      this.finished.fire(detail);
    });
  }

  /**
   * The tailer may not read the record (another user's, or its product changed owner): said once in the
   * output and in the action's notification; the product shows what the service says of it now.
   */
  private onUnreadable(recordId: string, meta: TailMeta, reason: string): void {
    const record = this.running.get(recordId);
    if (!record) {
      this.deps.log.write(unreadableLines(recordId, meta.recordType, meta.label ?? meta.provisionedProductId ?? recordId, reason));
      return;
    }
    this.step(record, async () => {
      const product = await this.readProduct(record);
      if (this.running.get(recordId) !== record) return;
      this.running.delete(recordId);
      this.stackFollowing?.stop(recordId);
      this.saveCursor(recordId, undefined);
      this.deps.products.batch(() => {
        this.releaseProduct(record, product);
        this.deps.log.write(unreadableLines(recordId, record.recordType, record.productName, reason, record.secrets));
        this.deps.log.forget(recordId);
        record.action.stopFollowing(recordId, record.recordType, reason, record.secrets);
      });
      void this.deps.tree.refresh();
    });
  }

  /** Stack events of the tailer's records, written under each record (NoEcho values masked). */
  private followStacks(tailer: RecordTailer): RecordStackFollowing {
    const mine = (recordId: string) => this.tailer === tailer && this.running.has(recordId);
    return new RecordStackFollowing({
      tailer,
      reader: () => (this.deps.session.stacks?.readable ? this.deps.session.stacks : undefined),
      productOf: (id) => this.deps.products.find(id)?.row,
      storedCursor: (recordId) => this.storedCursors()[recordId],
      onEvents: (recordId, events, firstFailure) => {
        if (!mine(recordId)) return;
        const secrets = this.running.get(recordId)?.secrets;
        const masked = (event: StackEvent): StackEvent => (event.reason && secrets?.length ? { ...event, reason: redactSecrets(event.reason, secrets) } : event);
        this.deps.log.write(events.map((e) => stackEventLine(recordId, masked(e), firstFailure?.eventId)), recordId);
      },
      onCursor: (recordId, cursor) => mine(recordId) && this.saveCursor(recordId, cursor),
      onError: (recordId, error) => log().warn(`Stack events of record ${recordId}: ${error instanceof Error ? error.message : String(error)}`),
    });
  }

  private storedCursors(): Record<string, StackEventCursor> {
    const value = this.deps.memento.get<unknown>(STACK_CURSORS_KEY);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, StackEventCursor>) : {};
  }

  /** Written with the lines the cursor passed, so a reload neither re-prints nor skips an event. */
  private saveCursor(recordId: string, cursor: StackEventCursor | undefined): void {
    const all = { ...this.storedCursors() };
    if (cursor) all[recordId] = cursor;
    else if (recordId in all) delete all[recordId];
    else return;
    void this.deps.memento.update(STACK_CURSORS_KEY, all);
  }

  /** Where the record's lines name the launch role: its first line here, and when it changed. */
  private lineContext(record: RunningRecord, detail: RecordDetail): RecordLineContext {
    const role = detail.LaunchRoleArn || 'none';
    const withLaunchRole = record.roleShown !== role;
    record.roleShown = role;
    return { secrets: record.secrets, productName: record.productName, withLaunchRole };
  }

  private async readProduct(record: RunningRecord): Promise<ProductNews> {
    const id = record.provisionedProductId;
    const api = record.api;
    if (!id || !api) return {};
    try {
      return { detail: await api.describeProvisionedProduct(id) };
    } catch (error) {
      return classifyError(error).kind === 'not-found' ? { gone: true } : {};
    }
  }

  /** Ends the hold on the record's product and puts in place what the service said of it last. */
  private releaseProduct(record: RunningRecord, news: ProductNews = {}): void {
    const id = record.provisionedProductId;
    if (!id) return;
    const products = this.deps.products;
    products.release(id, record.recordId);
    if (news.gone) products.remove(id);
    else if (news.detail) products.applyDetail(news.detail);
    products.setActivity(id, undefined);
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
