// Follows one running record's stack events: reads what is new (DescribeStackEvents through
// StackReader.eventsSince) soon after news and less often while the stack is quiet, never beyond the
// record's call budget (../records/callBudget.ts), backs off on errors, and stops quietly once
// CloudFormation refuses the connection. Events older than the record are another record's history and are dropped.
import { classifyError } from '../errors';
import { type Clock, type RandomSource, systemClock } from '../records/clock';
import type { CallBudget } from '../records/callBudget';
import { DEFAULT_EVENT_POLL_OPTIONS, followUpExpected, isFollowUpRead, nextEventDelayMs, type EventPollOptions, type EventPollState } from './eventPollPolicy';
import { StackAccessDeniedError } from './stackAccess';
import { isMissingStack } from './stackRows';
import { firstFailureOf, isStackEnd, type FirstFailure } from './stackEventLines';
import type { StackEvent, StackReader } from './types';

/** Clocks of the service and this machine differ a little: an event this much before the record's start still counts. */
const START_TOLERANCE_MS = 2_000;

/** What survives a reload: where the reads stopped and the failure already marked. */
export interface StackEventCursor {
  readonly stackId: string;
  readonly lastEventId?: string;
  readonly firstFailure?: FirstFailure;
  /** The stack's own end was seen: nothing more to read. */
  readonly ended?: boolean;
}

export interface StackEventFollowerOptions {
  readonly stackId: string;
  readonly reader: Pick<StackReader, 'eventsSince'>;
  /** Shared with the record's DescribeRecord calls. */
  readonly budget: CallBudget;
  /** When the record started (epoch ms): older events are not this record's. */
  readonly startedAtMs: number;
  readonly cursor?: StackEventCursor;
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly options?: Partial<EventPollOptions>;
  /** New events, oldest first, and the first failure so far (with its event id, to mark it). */
  readonly onEvents: (events: readonly StackEvent[], firstFailure: FirstFailure | undefined) => void;
  /** The stack's own end: the record's end follows (DescribeRecord may look now). */
  readonly onStackEnd?: (event: StackEvent) => void;
  /** After each read that moved the cursor, for the store. */
  readonly onCursor?: (cursor: StackEventCursor) => void;
  /** CloudFormation refused the connection: the follower stopped (the gate showed the hint). */
  readonly onDenied?: () => void;
  readonly onError?: (error: unknown) => void;
}

export class StackEventFollower {
  private cursor: StackEventCursor;
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly options: EventPollOptions;
  private timer?: unknown;
  private inFlight?: Promise<void>;
  private quietReads = 0;
  private followUpExpected = true;
  private consecutiveErrors = 0;
  private stopped = false;
  /** Calls this follower made (tests, bench). */
  calls = 0;

  constructor(private readonly config: StackEventFollowerOptions) {
    this.cursor = config.cursor?.stackId === config.stackId ? config.cursor : { stackId: config.stackId };
    this.clock = config.clock ?? systemClock;
    this.random = config.random ?? Math.random;
    this.options = { ...DEFAULT_EVENT_POLL_OPTIONS, ...config.options };
  }

  get firstFailure(): FirstFailure | undefined {
    return this.cursor.firstFailure;
  }

  get stackEnded(): boolean {
    return !!this.cursor.ended;
  }

  get following(): boolean {
    return !this.stopped && !this.cursor.ended;
  }

  start(): void {
    if (this.following) this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  /**
   * The record ended: one last read when the stack's end was not seen and the budget allows, so the
   * final lines come after every event. Then the follower stops.
   */
  async finish(): Promise<void> {
    this.clearTimer();
    await this.inFlight;
    // Always: the record is over (no longer a running record's call), and without this read a record
    // that ended between two reads would lose its stack's last events (its *_COMPLETE) from the output.
    if (this.following) await this.read();
    this.stop();
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (!this.following) return;
    const wait = Math.max(delayMs, this.config.budget.waitMs(this.clock.now(), this.keepFree()));
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.tick();
    }, wait);
  }

  private tick(): void {
    if (!this.following) return;
    // Another record's call may have taken the room meanwhile (the budget is checked again as the call goes).
    const wait = this.config.budget.waitMs(this.clock.now(), this.keepFree());
    if (wait > 0) return this.schedule(wait);
    void this.read().then(() => this.schedule(nextEventDelayMs(this.options, this.pollState(), this.random)));
  }

  private pollState(): EventPollState {
    return { quietReads: this.quietReads, followUpExpected: this.followUpExpected, consecutiveErrors: this.consecutiveErrors };
  }

  /**
   * Room this read leaves in the budget: none for the first (the stack just started: its first events
   * are due), DescribeRecord's for the others, and while quiet also the room of the reads after news.
   */
  private keepFree(): number {
    if (this.calls === 0) return 0;
    return this.options.describeReserve + (isFollowUpRead(this.options, this.pollState()) ? 0 : this.options.newsReserve);
  }

  private read(): Promise<void> {
    this.config.budget.note(this.clock.now());
    this.calls++;
    const read = this.config.reader.eventsSince(this.config.stackId, this.cursor.lastEventId).then(
      (result) => this.onRead(result.events),
      (error: unknown) => this.onFailed(error),
    );
    this.inFlight = read.finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private onRead(events: readonly StackEvent[]): void {
    if (this.stopped) return;
    this.consecutiveErrors = 0;
    const newest = events[events.length - 1];
    if (!newest) {
      this.quietReads++;
      return;
    }
    // The first read sees the stack's recent history: only what happened since the record started is news.
    const fresh = this.cursor.lastEventId ? events : events.filter((e) => e.timestamp.getTime() >= this.config.startedAtMs - START_TOLERANCE_MS);
    const firstFailure = firstFailureOf(fresh, this.cursor.firstFailure);
    const end = fresh.find(isStackEnd);
    this.cursor = { ...this.cursor, lastEventId: newest.eventId, ...(firstFailure ? { firstFailure } : {}), ...(end ? { ended: true } : {}) };
    this.quietReads = fresh.length ? 0 : this.quietReads + 1;
    if (fresh.length) this.followUpExpected = followUpExpected(fresh[fresh.length - 1]);
    if (fresh.length) this.config.onEvents(fresh, firstFailure);
    this.config.onCursor?.(this.cursor);
    if (end) {
      this.clearTimer();
      this.config.onStackEnd?.(end);
    }
  }

  private onFailed(error: unknown): void {
    if (this.stopped) return;
    if (error instanceof StackAccessDeniedError || classifyError(error).kind === 'access-denied') {
      this.stop();
      this.config.onDenied?.();
      return;
    }
    // The record names its stack as CloudFormation creates it: before the first event, "does not exist"
    // means "any moment now" (read again at the last quick pace), not an error to back off from.
    if (!this.cursor.lastEventId && isMissingStack(error)) {
      this.quietReads = Math.min(this.quietReads + 1, this.options.followUpDelaysMs.length - 1);
      return;
    }
    this.consecutiveErrors++;
    this.config.onError?.(error);
  }

  private clearTimer(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
