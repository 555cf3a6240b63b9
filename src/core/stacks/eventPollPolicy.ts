// How often a running record's stack events are read, inside one budget shared with its DescribeRecord
// calls. Events come in bursts (a resource's IN_PROGRESS is followed within a second by "Resource
// creation Initiated", its dependents start as it ends), so reads come 1 s and 2 s after news that
// promises more and at a steady pace while a resource is being worked on; the record's CallBudget
// (../records/callBudget.ts) spreads the reads through the minute.
import { applyJitter } from '../records/pollPolicy';
import type { RandomSource } from '../records/clock';
import { isStackEnd } from './stackEventLines';
import type { StackEvent } from './types';

export interface EventPollOptions {
  /**
   * Reads after news that CloudFormation usually follows within seconds (a resource or the stack
   * started, a resource ended): one delay per read until something new comes, then the quiet pace.
   */
  readonly followUpDelaysMs: readonly number[];
  /** Reads while the stack is quiet (a resource is being worked on); the budget may space them more. */
  readonly quietMs: number;
  /** First retry after an error or throttling; doubles per consecutive error up to `maxErrorMs`. */
  readonly errorBaseMs: number;
  readonly maxErrorMs: number;
  /** Calls every read but the first leaves in the budget for DescribeRecord (its slow pace and its pokes). */
  readonly describeReserve: number;
  /** Calls a quiet read leaves on top of that, so the reads that follow news have room. */
  readonly newsReserve: number;
  readonly jitterRatio: number;
}

export const DEFAULT_EVENT_POLL_OPTIONS: EventPollOptions = {
  followUpDelaysMs: [1_000, 2_000],
  quietMs: 6_000,
  errorBaseMs: 4_000,
  maxErrorMs: 60_000,
  describeReserve: 1,
  newsReserve: 1,
  jitterRatio: 0.1,
};

/**
 * DescribeRecord's slowest pace while the stack's events say what happens: the stack's first event,
 * its first failure and its end poke it, so the budget goes to the events.
 */
export const DESCRIBE_INTERVAL_WITH_STACK_MS = 60_000;

/** "Resource creation Initiated", "Resource update Initiated": the resource is being worked on, which takes a while. */
const WORK_STARTED = /^Resource \w+ Initiated$/;

/**
 * Whether CloudFormation's next event usually comes within seconds of this one: after a resource's
 * first *_IN_PROGRESS comes its "Initiated", after a resource ends its dependents start (or the stack
 * ends), after the stack starts its first resources do. Not after "Initiated", nor after the stack's end.
 */
export function followUpExpected(event: StackEvent): boolean {
  return !isStackEnd(event) && !WORK_STARTED.test(event.reason ?? '');
}

export interface EventPollState {
  /** Reads since the last one that brought events (0: the last read brought news). */
  readonly quietReads: number;
  /** The newest event seen promises a follow-up soon. */
  readonly followUpExpected: boolean;
  readonly consecutiveErrors: number;
}

/** Delay before the next events read, before the budget has its say. */
export function nextEventDelayMs(options: EventPollOptions, state: EventPollState, random: RandomSource): number {
  if (state.consecutiveErrors > 0) {
    return applyJitter(Math.min(options.maxErrorMs, options.errorBaseMs * 2 ** (state.consecutiveErrors - 1)), options.jitterRatio, random);
  }
  const followUp = state.followUpExpected ? options.followUpDelaysMs[state.quietReads] : undefined;
  return applyJitter(followUp ?? options.quietMs, options.jitterRatio, random);
}

/** Whether the next read is one of the quick ones after news (it may use the room quiet reads leave). */
export function isFollowUpRead(options: EventPollOptions, state: EventPollState): boolean {
  return state.followUpExpected && state.quietReads < options.followUpDelaysMs.length;
}
