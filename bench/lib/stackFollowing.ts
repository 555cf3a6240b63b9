// Records followed with stack events on, wired as src/records/recordTracker.ts wires them (its
// onDescribed, followStack and onFinal), but on an injected clock: RecordTracker itself runs on the
// system clock and VS Code, so the benchmark repeats its few lines of wiring here around the real
// RecordTailer, CallBudget and StackEventFollower. Keep this in step with recordTracker.ts.
import type { RecordDetail, RecordOutput } from '@aws-sdk/client-service-catalog';
import type { Clock, RandomSource } from '../../src/core/records/clock';
import type { RecordTailer } from '../../src/core/records/recordTailer';
import { isTerminalRecordStatus } from '../../src/core/statuses';
import { CallBudget, DESCRIBE_INTERVAL_WITH_STACK_MS } from '../../src/core/stacks/eventPollPolicy';
import { StackEventFollower } from '../../src/core/stacks/stackEventFollower';
import { locateStack, mayBeOneStack } from '../../src/core/stacks/stackLocation';
import type { StackEvent, StackReader } from '../../src/core/stacks/types';

interface Followed {
  readonly recordId: string;
  readonly provisionedProductId?: string;
  readonly startedAtMs: number;
  readonly budget: CallBudget;
  follower?: StackEventFollower;
  noStack?: boolean;
  stackId?: string;
}

export interface SeenEvent { readonly recordId: string; readonly event: StackEvent; readonly seenAtMs: number }

export class StackFollowing {
  private readonly running = new Map<string, Followed>();
  /** Every event the followers handed on, with when (clock time). */
  readonly seen: SeenEvent[] = [];
  /** Each record's stack, once known. */
  readonly stackOf = new Map<string, string>();

  constructor(
    private readonly tailer: RecordTailer,
    private readonly reader: Pick<StackReader, 'eventsSince'>,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {
    tailer.onDescribe((id, detail, outputs) => this.onDescribed(id, detail, outputs));
  }

  /** As RecordTracker.begin: a budget per record, from its start. */
  begin(recordId: string, provisionedProductId: string | undefined, startedAtMs: number): void {
    this.running.set(recordId, { recordId, provisionedProductId, startedAtMs, budget: new CallBudget() });
  }

  /** As RecordTracker.onFinal: the stack's last events before the record's final lines. */
  async finished(recordId: string): Promise<void> {
    const record = this.running.get(recordId);
    if (!record) return;
    await record.follower?.finish();
    this.running.delete(recordId);
  }

  /** As RecordTracker.onDescribed. A fresh product is not in the tree yet: no row, so the record's outputs name the stack. */
  private onDescribed(recordId: string, detail: RecordDetail, outputs: readonly RecordOutput[]): void {
    const record = this.running.get(recordId);
    if (!record) return;
    record.budget.note(this.clock.now());
    if (record.follower || record.noStack) return;
    const location = locateStack({ Id: record.provisionedProductId }, outputs);
    if (location.kind !== 'stack') {
      if (location.kind === 'stackSet' || !mayBeOneStack(undefined)) record.noStack = true;
      return;
    }
    this.stackOf.set(recordId, location.stackId);
    record.follower = this.followStack(record, location.stackId);
    if (isTerminalRecordStatus(detail.Status)) return;
    this.tailer.setMinInterval(recordId, DESCRIBE_INTERVAL_WITH_STACK_MS);
    record.follower.start();
  }

  /** As RecordTracker.followStack, with the clock and random source injected. */
  private followStack(record: Followed, stackId: string): StackEventFollower {
    const { recordId } = record;
    const backToNormalPace = () => this.tailer.setMinInterval(recordId, undefined);
    return new StackEventFollower({
      stackId,
      reader: this.reader,
      budget: record.budget,
      startedAtMs: record.startedAtMs,
      clock: this.clock,
      random: this.random,
      onEvents: (events) => {
        const now = this.clock.now();
        for (const event of events) this.seen.push({ recordId, event, seenAtMs: now });
      },
      onStackEnd: () => {
        backToNormalPace();
        this.tailer.poke(recordId);
      },
      onDenied: backToNormalPace,
      onError: (error) => process.stderr.write(`  stack events of ${recordId}: ${error instanceof Error ? error.message : String(error)}\n`),
    });
  }
}
