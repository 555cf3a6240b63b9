// Follows every record the extension started (or resumed after a reload) with DescribeRecord until it
// is SUCCEEDED or FAILED. One scheduler for all records: a timer per record, a shared queue with a cap
// on calls in flight, and a shared throttling penalty, since DescribeRecord limits are per account.
import type { RecordDetail, RecordOutput, RecordStatus } from '@aws-sdk/client-service-catalog';
import { CallBudget, type CallBudgetOptions } from './callBudget';
import { type Clock, type RandomSource, systemClock } from './clock';
import { isTerminalRecordStatus } from '../statuses';
import { classifyDescribeFailure, errorMessage } from './describeErrors';
import { classifyError } from '../errors';
import { ListenerSet, type Subscription } from './listeners';
import { adaptivePollPolicy, applyJitter, type PollPolicy } from './pollPolicy';
import type { PersistedTail, TailMeta, TailStore } from './tailStore';
import { ThrottleGovernor, type ThrottleOptions } from './throttleGovernor';

/** What the caller's DescribeRecord returns; the caller pages RecordOutputs before answering. */
export interface DescribeRecordResult {
  readonly RecordDetail?: RecordDetail;
  readonly RecordOutputs?: RecordOutput[];
}

export type DescribeRecordFn = (recordId: string) => Promise<DescribeRecordResult>;

export interface RecordTailerOptions {
  readonly describeRecord: DescribeRecordFn;
  readonly store?: TailStore;
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly pollPolicy?: PollPolicy;
  /** Most DescribeRecord calls in flight at once, across all records. */
  readonly maxConcurrentCalls?: number;
  readonly throttle?: Partial<ThrottleOptions>;
  /** First retry delay after a network/unknown error; doubles per consecutive error up to the max. */
  readonly errorRetryBaseMs?: number;
  readonly errorRetryMaxMs?: number;
  /** How long tombstones of reported records are kept in the store. */
  readonly tombstoneRetentionMs?: number;
  /**
   * A budget per record for all its calls (./callBudget.ts): its DescribeRecord calls wait for room,
   * pokes too; others (its stack's reads) share it through budgetOf. Without it, the policy alone paces.
   */
  readonly callBudget?: CallBudgetOptions;
  /** Told about failures that do not stop tailing (store writes, describe errors), for logging. */
  readonly onInternalError?: (context: string, error: unknown) => void;
}

export interface TailHandle {
  readonly recordId: string;
  /**
   * The terminal RecordDetail. Rejects only with TailCancelledError: untail, dispose, or its
   * RecordUnreadableError when the caller may not read the record.
   */
  readonly final: Promise<RecordDetail>;
  /** Stops tailing this record and forgets it (no final report). */
  untail(): void;
}

export class TailCancelledError extends Error {
  constructor(recordId: string, reason: string) {
    super(`Stopped tailing record ${recordId}: ${reason}`);
    this.name = 'TailCancelledError';
  }
}

/** Tailing ended because the caller may not read the record (AccessDenied): its outcome is not known. */
export class RecordUnreadableError extends TailCancelledError {
  constructor(recordId: string, readonly reason: string) {
    super(recordId, reason);
    this.name = 'RecordUnreadableError';
  }
}

export type ChangeListener = (recordId: string, detail: RecordDetail, previousStatus: RecordStatus | undefined) => void;
/** Told on every DescribeRecord that answered (terminal or not): what it said, outputs included. */
export type DescribedListener = (recordId: string, detail: RecordDetail, outputs: readonly RecordOutput[]) => void;
export type FinalListener = (recordId: string, detail: RecordDetail, outputs: readonly RecordOutput[]) => void;
/** Told once when a record stops being followed because DescribeRecord is denied; `reason` is classifyError's words. */
export type UnreadableListener = (recordId: string, meta: TailMeta, reason: string) => void;

interface TrackedRecord {
  readonly recordId: string;
  readonly meta: TailMeta;
  readonly startedAtMs: number;
  lastStatus?: RecordStatus;
  /** Re-tailed after its end was already reported: settle the handle, emit nothing. */
  readonly silent: boolean;
  timer?: unknown;
  consecutiveErrors: number;
  /** Slowest pace set by the caller (its stack's events say what happens meanwhile). */
  minIntervalMs?: number;
  readonly budget?: CallBudget;
  finished: boolean;
  readonly handle: TailHandle;
  readonly resolve: (detail: RecordDetail) => void;
  readonly reject: (error: Error) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class RecordTailer {
  private readonly describeRecord: DescribeRecordFn;
  private readonly store?: TailStore;
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly pollPolicy: PollPolicy;
  private readonly maxConcurrentCalls: number;
  private readonly governor: ThrottleGovernor;
  private readonly errorRetryBaseMs: number;
  private readonly errorRetryMaxMs: number;
  private readonly tombstoneRetentionMs: number;
  private readonly onInternalError: (context: string, error: unknown) => void;
  private readonly callBudget?: CallBudgetOptions;

  private readonly active = new Map<string, TrackedRecord>();
  private readonly tombstones = new Map<string, PersistedTail>();
  private readonly dueQueue: TrackedRecord[] = [];
  private inFlightCount = 0;
  private disposed = false;
  private saveChain: Promise<void> = Promise.resolve();
  private readonly changeListeners = new ListenerSet<Parameters<ChangeListener>>();
  private readonly finalListeners = new ListenerSet<Parameters<FinalListener>>();
  private readonly unreadableListeners = new ListenerSet<Parameters<UnreadableListener>>();
  private readonly describedListeners = new ListenerSet<Parameters<DescribedListener>>();

  constructor(options: RecordTailerOptions) {
    this.describeRecord = options.describeRecord;
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.pollPolicy = options.pollPolicy ?? adaptivePollPolicy();
    this.maxConcurrentCalls = Math.max(1, options.maxConcurrentCalls ?? 4);
    this.governor = new ThrottleGovernor(options.throttle);
    this.errorRetryBaseMs = options.errorRetryBaseMs ?? 2_000;
    this.errorRetryMaxMs = options.errorRetryMaxMs ?? 60_000;
    this.tombstoneRetentionMs = options.tombstoneRetentionMs ?? DAY_MS;
    this.onInternalError = options.onInternalError ?? (() => undefined);
    this.callBudget = options.callBudget;
  }

  onChange(listener: ChangeListener): Subscription {
    return this.changeListeners.add(listener);
  }

  onFinal(listener: FinalListener): Subscription {
    return this.finalListeners.add(listener);
  }

  /** A record the caller may not read: tailing it ended, once, without a final status. */
  onUnreadable(listener: UnreadableListener): Subscription {
    return this.unreadableListeners.add(listener);
  }

  /** Every DescribeRecord that answered, e.g. to count it in a per-record budget or see the stack output appear. */
  onDescribe(listener: DescribedListener): Subscription {
    return this.describedListeners.add(listener);
  }

  /**
   * At least `intervalMs` between this record's DescribeRecord calls by its policy (undefined: the
   * policy alone). `poke` still describes at once. A slower pace applies from the next scheduled call.
   */
  setMinInterval(recordId: string, intervalMs: number | undefined): void {
    const record = this.active.get(recordId);
    if (!record) return;
    const slower = (intervalMs ?? 0) > (record.minIntervalMs ?? 0);
    record.minIntervalMs = intervalMs;
    // A call already put off by the old interval comes at the policy's pace again.
    if (!slower && record.timer !== undefined && record.consecutiveErrors === 0 && this.governor.multiplier === 1) this.scheduleByPolicy(record);
  }

  /** The call budget of a followed record, to share with its other calls (none without the callBudget option). */
  budgetOf(recordId: string): CallBudget | undefined {
    return this.active.get(recordId)?.budget;
  }

  /** Ids of records still being followed. */
  get activeRecordIds(): string[] {
    return [...this.active.keys()];
  }

  /** The current throttling penalty (1 = none); exposed for diagnostics and tests. */
  get throttleMultiplier(): number {
    return this.governor.multiplier;
  }

  /** Handle of a record being followed (e.g. one resumed from the store), if any. */
  handleFor(recordId: string): TailHandle | undefined {
    return this.active.get(recordId)?.handle;
  }

  /**
   * Describes a followed record as soon as a call is free: something else (the tree) saw news of it.
   * Nothing happens while a call for it is queued or running, or while errors or throttling hold it back.
   */
  poke(recordId: string): void {
    const record = this.active.get(recordId);
    if (!record || record.finished || record.timer === undefined) return;
    if (record.consecutiveErrors > 0 || this.governor.multiplier > 1) return;
    this.schedule(record, 0);
  }

  /**
   * Starts following a record. `initialDetail` (e.g. from the ProvisionProduct response) counts as the
   * first sight; without it the record is described at once. Tailing a record twice returns one handle.
   */
  tail(recordId: string, meta: TailMeta = {}, initialDetail?: RecordDetail): TailHandle {
    this.assertUsable();
    const existing = this.active.get(recordId);
    if (existing) return existing.handle;
    const silent = this.tombstones.has(recordId);
    const record = this.track(recordId, meta, meta.startedAtMs ?? this.clock.now(), undefined, silent);
    if (initialDetail?.Status && !isTerminalRecordStatus(initialDetail.Status)) {
      this.noteStatus(record, initialDetail);
      this.scheduleByPolicy(record);
    } else {
      this.schedule(record, 0);
    }
    this.persist();
    return record.handle;
  }

  /**
   * Loads the store and resumes every record whose final was not reported. Safe to call again: records
   * already followed or already reported are skipped, so nothing is reported twice.
   */
  async resume(): Promise<void> {
    this.assertUsable();
    const entries = this.store ? await this.store.load() : [];
    if (this.disposed) return;
    for (const entry of entries) this.restoreEntry(entry);
    this.pruneTombstones();
    this.persist();
  }

  /** Cancels every timer; pending handles reject with TailCancelledError. The store keeps the records. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const record of this.active.values()) {
      this.clearTimer(record);
      record.finished = true;
      record.reject(new TailCancelledError(record.recordId, 'the tailer was disposed'));
    }
    this.active.clear();
    this.dueQueue.length = 0;
    this.changeListeners.clear();
    this.finalListeners.clear();
    this.unreadableListeners.clear();
    this.describedListeners.clear();
  }

  /** Resolves once every store write requested so far has completed. */
  async flushStore(): Promise<void> {
    await this.saveChain;
  }

  private restoreEntry(entry: PersistedTail): void {
    if (this.active.has(entry.recordId) || this.tombstones.has(entry.recordId)) return;
    if (entry.finalReportedAtMs !== undefined) {
      this.tombstones.set(entry.recordId, entry);
      return;
    }
    const record = this.track(entry.recordId, entry.meta, entry.startedAtMs, entry.lastStatus, false);
    this.schedule(record, 0);
  }

  private track(
    recordId: string,
    meta: TailMeta,
    startedAtMs: number,
    lastStatus: RecordStatus | undefined,
    silent: boolean,
  ): TrackedRecord {
    let resolve!: (detail: RecordDetail) => void;
    let reject!: (error: Error) => void;
    const final = new Promise<RecordDetail>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Callers that never await a handle must not see unhandled rejections on dispose.
    final.catch(() => undefined);
    const handle: TailHandle = { recordId, final, untail: () => this.untail(recordId) };
    const record: TrackedRecord = {
      recordId, meta, startedAtMs, lastStatus, silent, consecutiveErrors: 0, finished: false, handle, resolve, reject,
      ...(this.callBudget ? { budget: new CallBudget(this.callBudget) } : {}),
    };
    this.active.set(recordId, record);
    return record;
  }

  private untail(recordId: string): void {
    const record = this.active.get(recordId);
    if (!record) return;
    this.clearTimer(record);
    record.finished = true;
    this.active.delete(recordId);
    record.reject(new TailCancelledError(recordId, 'untailed'));
    this.persist();
  }

  private schedule(record: TrackedRecord, delayMs: number): void {
    if (this.disposed || record.finished) return;
    this.clearTimer(record);
    record.timer = this.clock.setTimeout(() => {
      record.timer = undefined;
      this.enqueue(record);
    }, delayMs);
  }

  private scheduleByPolicy(record: TrackedRecord): void {
    const elapsedMs = Math.max(0, this.clock.now() - record.startedAtMs);
    const context = { elapsedMs, expectedDurationMs: record.meta.expectedDurationMs };
    const delay = this.pollPolicy.nextDelayMs(context, this.random) * this.governor.multiplier;
    this.schedule(record, Math.max(delay, record.minIntervalMs ?? 0));
  }

  private clearTimer(record: TrackedRecord): void {
    if (record.timer === undefined) return;
    this.clock.clearTimeout(record.timer);
    record.timer = undefined;
  }

  private enqueue(record: TrackedRecord): void {
    if (this.disposed || record.finished) return;
    // The room is taken as the call is queued, so the record's other calls cannot take it meanwhile.
    const wait = record.budget?.waitMs(this.clock.now()) ?? 0;
    if (wait > 0) return this.schedule(record, wait);
    record.budget?.note(this.clock.now());
    this.dueQueue.push(record);
    this.pump();
  }

  private pump(): void {
    while (!this.disposed && this.inFlightCount < this.maxConcurrentCalls && this.dueQueue.length > 0) {
      const record = this.dueQueue.shift()!;
      if (!record.finished) this.callDescribe(record);
    }
  }

  private callDescribe(record: TrackedRecord): void {
    this.inFlightCount++;
    let call: Promise<DescribeRecordResult>;
    try {
      call = this.describeRecord(record.recordId);
    } catch (error) {
      call = Promise.reject(error);
    }
    call
      .then(
        (result) => this.onDescribed(record, result),
        (error: unknown) => this.onDescribeFailed(record, error),
      )
      .finally(() => {
        this.inFlightCount--;
        this.pump();
      });
  }

  private onDescribed(record: TrackedRecord, result: DescribeRecordResult): void {
    if (this.disposed || record.finished) return;
    const detail = result.RecordDetail;
    if (!detail?.Status) {
      this.onDescribeFailed(record, new Error('DescribeRecord returned no RecordDetail status'));
      return;
    }
    this.governor.onSuccess();
    record.consecutiveErrors = 0;
    if (!record.silent) this.describedListeners.emit(record.recordId, detail, result.RecordOutputs ?? []);
    const changed = this.noteStatus(record, detail);
    if (isTerminalRecordStatus(detail.Status)) {
      void this.finish(record, detail, result.RecordOutputs ?? []);
      return;
    }
    if (changed) this.persist();
    this.scheduleByPolicy(record);
  }

  /** Records the status; emits onChange on the first sight and on every change. */
  private noteStatus(record: TrackedRecord, detail: RecordDetail): boolean {
    const previous = record.lastStatus;
    const isFirstSight = !record.silent && previous === undefined;
    if (!isFirstSight && previous === detail.Status) return false;
    record.lastStatus = detail.Status;
    if (!record.silent) this.changeListeners.emit(record.recordId, detail, previous);
    return true;
  }

  private onDescribeFailed(record: TrackedRecord, error: unknown): void {
    if (this.disposed || record.finished) return;
    const kind = classifyDescribeFailure(error);
    if (kind === 'not-found') {
      void this.finish(record, notFoundDetail(record, error), []);
      return;
    }
    if (kind === 'denied') {
      void this.giveUp(record, classifyError(error).message);
      return;
    }
    this.onInternalError(`DescribeRecord ${record.recordId}`, error);
    if (kind === 'throttled') {
      this.governor.onThrottled();
      this.schedule(record, applyJitter(this.governor.retryDelayMs(), 0.2, this.random));
      return;
    }
    record.consecutiveErrors++;
    const backoff = Math.min(this.errorRetryMaxMs, this.errorRetryBaseMs * 2 ** (record.consecutiveErrors - 1));
    this.schedule(record, applyJitter(backoff, 0.2, this.random) * this.governor.multiplier);
  }

  /** Writes the tombstone before emitting onFinal, so a reload can never report the record again. */
  private async finish(record: TrackedRecord, detail: RecordDetail, outputs: readonly RecordOutput[]): Promise<void> {
    const report = await this.endTracking(record, detail.Status);
    if (report === 'disposed') return;
    if (report === 'report') this.finalListeners.emit(record.recordId, detail, outputs);
    record.resolve(detail);
  }

  /**
   * A record DescribeRecord is denied: no status is invented for it; tailing ends with a tombstone (a
   * reload does not ask again) and the reason is told once.
   */
  private async giveUp(record: TrackedRecord, reason: string): Promise<void> {
    const report = await this.endTracking(record, record.lastStatus);
    if (report === 'disposed') return;
    if (report === 'report') this.unreadableListeners.emit(record.recordId, record.meta, reason);
    record.reject(new RecordUnreadableError(record.recordId, reason));
  }

  /** Stops the record and, unless it is silent, writes its tombstone first: whether to report its end. */
  private async endTracking(record: TrackedRecord, lastStatus: RecordStatus | undefined): Promise<'report' | 'silent' | 'disposed'> {
    record.finished = true;
    this.clearTimer(record);
    this.active.delete(record.recordId);
    if (record.silent) return 'silent';
    this.tombstones.set(record.recordId, {
      recordId: record.recordId,
      meta: record.meta,
      startedAtMs: record.startedAtMs,
      ...(lastStatus ? { lastStatus } : {}),
      finalReportedAtMs: this.clock.now(),
    });
    this.persist();
    await this.flushStore();
    return this.disposed ? 'disposed' : 'report';
  }

  private persist(): void {
    const store = this.store;
    if (!store) return;
    this.saveChain = this.saveChain
      .then(() => store.save(this.snapshot()))
      .catch((error: unknown) => this.onInternalError('saving tailed records', error));
  }

  private snapshot(): PersistedTail[] {
    const following = [...this.active.values()]
      .filter((record) => !record.silent)
      .map((record) => ({
        recordId: record.recordId,
        meta: record.meta,
        startedAtMs: record.startedAtMs,
        ...(record.lastStatus ? { lastStatus: record.lastStatus } : {}),
      }));
    return [...following, ...this.tombstones.values()];
  }

  private pruneTombstones(): void {
    const oldest = this.clock.now() - this.tombstoneRetentionMs;
    for (const [recordId, entry] of this.tombstones) {
      if ((entry.finalReportedAtMs ?? 0) < oldest) this.tombstones.delete(recordId);
    }
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error('RecordTailer has been disposed');
  }
}

/** A record DescribeRecord no longer knows ends as a failure the user is told about. */
function notFoundDetail(record: TrackedRecord, error: unknown): RecordDetail {
  return {
    RecordId: record.recordId,
    Status: 'FAILED',
    ...(record.meta.recordType ? { RecordType: record.meta.recordType } : {}),
    ...(record.meta.provisionedProductId ? { ProvisionedProductId: record.meta.provisionedProductId } : {}),
    RecordErrors: [{ Code: 'ResourceNotFoundException', Description: errorMessage(error) }],
  };
}
