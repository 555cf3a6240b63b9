// The stacks of the records one RecordTailer follows: the first DescribeRecord that names a record's
// stack (its CloudformationStackARN output, or the product's PhysicalId) starts a StackEventFollower
// on the record's call budget, and DescribeRecord slows down meanwhile; the stack's first event, its
// first failure and its end poke DescribeRecord, which is when the record's status changes. A read
// error puts DescribeRecord back to its own pace until the events are read again. Used by the
// extension's RecordTracker and by the benchmark alike, so both measure the same wiring.
import type { RecordDetail, RecordOutput } from '@aws-sdk/client-service-catalog';
import type { CallBudget } from '../records/callBudget';
import type { Clock, RandomSource } from '../records/clock';
import type { RecordTailer } from '../records/recordTailer';
import { isTerminalRecordStatus } from '../statuses';
import { DESCRIBE_INTERVAL_WITH_STACK_MS, type EventPollOptions } from './eventPollPolicy';
import { StackEventFollower, type StackEventCursor } from './stackEventFollower';
import type { FirstFailure } from './stackEventLines';
import { locateStack, mayBeOneStack, type LocatableProduct } from './stackLocation';
import type { StackEvent, StackReader } from './types';

export interface RecordStackFollowingOptions {
  readonly tailer: RecordTailer;
  /** The connection's stack reader while its stacks may be read (undefined: CloudFormation is off or refused). */
  readonly reader: () => Pick<StackReader, 'eventsSince'> | undefined;
  /** What is known of a provisioned product (its Type and PhysicalId); nothing for one not listed yet. */
  readonly productOf?: (provisionedProductId: string) => Omit<LocatableProduct, 'Id'> | undefined;
  /** Where an earlier window's reads of the record's stack stopped. */
  readonly storedCursor?: (recordId: string) => StackEventCursor | undefined;
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly pollOptions?: Partial<EventPollOptions>;
  /** New events of a record's stack, oldest first, with its first failure so far. */
  readonly onEvents: (recordId: string, events: readonly StackEvent[], firstFailure: FirstFailure | undefined) => void;
  readonly onCursor?: (recordId: string, cursor: StackEventCursor) => void;
  readonly onError?: (recordId: string, error: unknown) => void;
}

interface FollowedRecord {
  readonly recordId: string;
  readonly provisionedProductId?: string;
  readonly startedAtMs: number;
  follower?: StackEventFollower;
  /** No stack to follow: Terraform, External, a stack set, or CloudFormation could not be read. */
  noStack?: boolean;
  stackId?: string;
  lastStatus?: string;
}

export class RecordStackFollowing {
  private readonly records = new Map<string, FollowedRecord>();
  private readonly subscription: { dispose(): void };

  constructor(private readonly options: RecordStackFollowingOptions) {
    this.subscription = options.tailer.onDescribe((id, detail, outputs) => this.onDescribed(id, detail, outputs));
  }

  /** A record is followed from its start (or its resumption after a reload). */
  begin(recordId: string, provisionedProductId: string | undefined, startedAtMs: number): void {
    if (!this.records.has(recordId)) this.records.set(recordId, { recordId, provisionedProductId, startedAtMs });
  }

  stackOf(recordId: string): string | undefined {
    return this.records.get(recordId)?.stackId;
  }

  /** The record ended: the stack's last events are read (they come before its final lines), then it is forgotten. */
  async finish(recordId: string): Promise<FirstFailure | undefined> {
    const record = this.records.get(recordId);
    await record?.follower?.finish();
    this.records.delete(recordId);
    return record?.follower?.firstFailure;
  }

  /** Forgets a record without reading its stack again. */
  stop(recordId: string): void {
    this.records.get(recordId)?.follower?.stop();
    this.records.delete(recordId);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const record of this.records.values()) record.follower?.stop();
    this.records.clear();
  }

  private onDescribed(recordId: string, detail: RecordDetail, outputs: readonly RecordOutput[]): void {
    const record = this.records.get(recordId);
    if (!record) return;
    record.lastStatus = detail.Status;
    if (record.follower || record.noStack) return;
    const reader = this.options.reader();
    if (!reader) {
      record.noStack = true;
      return;
    }
    const known = record.provisionedProductId ? this.options.productOf?.(record.provisionedProductId) : undefined;
    const location = locateStack({ Id: record.provisionedProductId, Type: known?.Type, PhysicalId: known?.PhysicalId }, outputs);
    if (location.kind !== 'stack') {
      // A CloudFormation product's stack shows in a later DescribeRecord's outputs; other kinds have none.
      if (location.kind === 'stackSet' || !mayBeOneStack(known?.Type)) record.noStack = true;
      return;
    }
    record.stackId = location.stackId;
    record.follower = this.followStack(record, location.stackId, reader);
    // A record seen first at its end: its events are read once, by finish(), before its final lines.
    if (isTerminalRecordStatus(detail.Status)) return;
    this.options.tailer.setMinInterval(recordId, DESCRIBE_INTERVAL_WITH_STACK_MS);
    record.follower.start();
  }

  private followStack(record: FollowedRecord, stackId: string, reader: Pick<StackReader, 'eventsSince'>): StackEventFollower {
    const { recordId } = record;
    const { tailer } = this.options;
    let pokedOnFirst = false;
    let failureSeen = false;
    let ownPace = false;
    const slowPace = () => ownPace && ((ownPace = false), tailer.setMinInterval(recordId, DESCRIBE_INTERVAL_WITH_STACK_MS));
    const normalPace = () => ((ownPace = true), tailer.setMinInterval(recordId, undefined));
    return new StackEventFollower({
      stackId,
      reader,
      budget: this.budgetOf(recordId),
      startedAtMs: record.startedAtMs,
      cursor: this.options.storedCursor?.(recordId),
      clock: this.options.clock,
      random: this.options.random,
      options: this.options.pollOptions,
      onEvents: (events, firstFailure) => {
        if (this.records.get(recordId) !== record) return;
        slowPace();
        this.options.onEvents(recordId, events, firstFailure);
        // The record leaves CREATED as its stack starts, and may go IN_PROGRESS_IN_ERROR at its first failure.
        const starts = !pokedOnFirst && record.lastStatus === 'CREATED';
        const fails = !failureSeen && !!firstFailure;
        pokedOnFirst ||= starts;
        failureSeen ||= fails;
        if (starts || fails) tailer.poke(recordId);
      },
      onCursor: (cursor) => this.records.get(recordId) === record && this.options.onCursor?.(recordId, cursor),
      onStackEnd: () => {
        normalPace();
        tailer.poke(recordId);
      },
      onDenied: normalPace,
      onError: (error) => {
        normalPace();
        this.options.onError?.(recordId, error);
      },
    });
  }

  /** The stack's reads share the record's budget with its DescribeRecord calls. */
  private budgetOf(recordId: string): CallBudget {
    const budget = this.options.tailer.budgetOf(recordId);
    if (!budget) throw new Error('Stack events need a RecordTailer with a callBudget: they share the record\'s budget.');
    return budget;
  }
}
