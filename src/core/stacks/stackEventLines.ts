// The output lines of a running record's stack events, and the first failure they show. Pure, so the
// wording is unit-tested. Every field is template or service text: one inert line each.
import type { RecordLine } from '../records/recordLines';
import { inert } from '../untrustedText';
import type { StackEvent } from './types';

const FIELD_LENGTH = 200;
const REASON_LENGTH = 1000;
export const FIRST_FAILURE_MARK = '✗ first failure';

/** What the failure notification names: the first resource that failed in this record's events. */
export interface FirstFailure {
  readonly eventId: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly status: string;
  readonly reason?: string;
}

/** The stack's own statuses that end an operation (the record's end follows them). */
const STACK_END_STATUSES: ReadonlySet<string> = new Set([
  'CREATE_COMPLETE', 'ROLLBACK_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'DELETE_COMPLETE', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE',
]);

export function isFailedStatus(status: string): boolean {
  return status.endsWith('_FAILED');
}

/** An event of the stack itself (not of one of its resources). */
export function isStackItself(event: StackEvent): boolean {
  return event.resourceType === 'AWS::CloudFormation::Stack' && (event.physicalId === undefined || event.physicalId === event.stackId);
}

/** The stack's own event that ends the operation: its end (or failure) is known, the record's follows. */
export function isStackEnd(event: StackEvent): boolean {
  return isStackItself(event) && (STACK_END_STATUSES.has(event.status) || isFailedStatus(event.status));
}

/**
 * The first failure among `events` (oldest first) when none was known: a resource's *_FAILED first;
 * the stack's own only when no resource failed (the stack's reason just lists the resources).
 */
export function firstFailureOf(events: readonly StackEvent[], known?: FirstFailure): FirstFailure | undefined {
  if (known) return known;
  const failed = events.filter((e) => isFailedStatus(e.status));
  const event = failed.find((e) => !isStackItself(e)) ?? failed[0];
  if (!event) return undefined;
  return { eventId: event.eventId, logicalId: event.logicalId, resourceType: event.resourceType, status: event.status, ...(event.reason ? { reason: event.reason } : {}) };
}

/** HH:MM:SS in local time, as the output channel stamps its own lines. */
export function formatEventTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** One line per event, under its record: time, logical id, type, status, reason; the first failure marked. */
export function stackEventLine(recordId: string, event: StackEvent, firstFailureEventId?: string): RecordLine {
  const parts = [
    formatEventTime(event.timestamp),
    inert(event.logicalId, 'line', { maxLength: FIELD_LENGTH }),
    inert(event.resourceType, 'line', { maxLength: FIELD_LENGTH }),
    inert(event.status, 'line', { maxLength: FIELD_LENGTH }),
  ];
  if (event.reason) parts.push(inert(event.reason, 'line', { maxLength: REASON_LENGTH }));
  if (event.eventId === firstFailureEventId) parts.push(FIRST_FAILURE_MARK);
  const level = isFailedStatus(event.status) ? 'error' : event.status.includes('ROLLBACK') ? 'warn' : 'info';
  return { level, text: `  ${inert(recordId, 'line')} stack event ${parts.join(' · ')}` };
}

/** The notification's words for the first failure (made inert for a notification by the caller's sink too). */
export function firstFailureSentence(failure: FirstFailure): string {
  const what = `${inert(failure.logicalId, 'notification', { maxLength: FIELD_LENGTH })} (${inert(failure.resourceType, 'notification', { maxLength: FIELD_LENGTH })})`;
  const reason = failure.reason ? `: ${inert(failure.reason, 'notification', { maxLength: 300 })}` : '';
  return `First failed resource: ${what} ${inert(failure.status, 'notification', { maxLength: 40 })}${reason}`;
}
