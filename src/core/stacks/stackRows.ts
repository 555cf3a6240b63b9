// What the tree shows of a product's stack, without vscode: the order of its resources, events and
// stack-set instances, each status's icon, and the words of each row. Every string from the service
// (logical ids, physical ids, reasons) is made inert here, for the surface it is shown on.
import { formatTime } from '../localTime';
import { humanizeStatus, PROBLEM_COLORS, type StatusIcon } from '../statuses';
import { inert, inertCodeSpan } from '../untrustedText';
import type { StackEvent, StackInstance, StackResource } from './types';

/** How a CloudFormation resource or stack status reads at a glance. */
export type StackStatusTone = 'failed' | 'inProgress' | 'rolledBack' | 'complete' | 'skipped' | 'unknown';

/**
 * CloudFormation's statuses by their shape (CREATE_FAILED, UPDATE_ROLLBACK_IN_PROGRESS…): a rollback
 * that completed undid a change, so it warns; DELETE_SKIPPED (a retained resource) and DELETE_COMPLETE
 * are no fault, shown muted.
 */
export function stackStatusTone(status: string | undefined): StackStatusTone {
  if (!status) return 'unknown';
  if (status.endsWith('_FAILED')) return 'failed';
  if (status.endsWith('_IN_PROGRESS')) return 'inProgress';
  if (status.includes('ROLLBACK') && status.endsWith('_COMPLETE')) return 'rolledBack';
  if (status === 'DELETE_COMPLETE' || status === 'DELETE_SKIPPED') return 'skipped';
  if (status.endsWith('_COMPLETE')) return 'complete';
  return 'unknown';
}

const TONE_ICONS: Readonly<Record<StackStatusTone, StatusIcon>> = {
  failed: { codicon: 'error', color: PROBLEM_COLORS.error },
  inProgress: { codicon: 'sync', color: 'charts.blue', spin: true },
  rolledBack: { codicon: 'warning', color: PROBLEM_COLORS.warning },
  complete: { codicon: 'pass', color: 'testing.iconPassed' },
  skipped: { codicon: 'circle-slash', color: 'disabledForeground' },
  unknown: { codicon: 'question', color: 'disabledForeground' },
};

export function stackStatusIcon(status: string | undefined): StatusIcon {
  return TONE_ICONS[stackStatusTone(status)];
}

/** Stack-set instance statuses (Service Catalog's StackInstanceStatus). */
const INSTANCE_ICONS: Readonly<Record<string, StatusIcon>> = {
  CURRENT: { codicon: 'pass', color: 'testing.iconPassed' },
  OUTDATED: { codicon: 'warning', color: PROBLEM_COLORS.warning },
  INOPERABLE: { codicon: 'error', color: PROBLEM_COLORS.error },
};

export function stackInstanceIcon(status: string | undefined): StatusIcon {
  return status !== undefined && Object.hasOwn(INSTANCE_ICONS, status) ? INSTANCE_ICONS[status] : TONE_ICONS.unknown;
}

/** "CREATE_FAILED" → "Create failed" (service text: inert). */
export function humanizeStackStatus(status: string | undefined): string {
  return humanizeStatus(status && inert(status, 'line', { maxLength: 60 }));
}

const isFailure = (status: string) => stackStatusTone(status) === 'failed';

/** Failed resources first (what the user opened the folder for), then by logical id. */
export function sortResources(resources: readonly StackResource[]): StackResource[] {
  return [...resources].sort((a, b) => Number(isFailure(b.status)) - Number(isFailure(a.status)) || a.logicalId.localeCompare(b.logicalId));
}

/** The stack's own event that starts an operation (not a rollback or clean-up, nor a nested stack's). */
const OPERATION_START = /^(CREATE|UPDATE|DELETE|IMPORT)_IN_PROGRESS$/;
const startsOperation = (e: StackEvent) => e.physicalId === e.stackId && OPERATION_START.test(e.status);

/**
 * The latest operation's events first, its failures before the rest, newest first; then the events of
 * earlier operations, newest first (an old failure is history, not what the user opened the folder
 * for). Within the same time, the order the service gave (newest first). Events come oldest first.
 */
export function sortEvents(events: readonly StackEvent[]): StackEvent[] {
  const start = [...events].reverse().find(startsOperation)?.timestamp.getTime() ?? -Infinity;
  const pinned = (e: StackEvent) => Number(e.timestamp.getTime() >= start && isFailure(e.status));
  const newestFirst = [...events].reverse();
  return newestFirst
    .map((event, index) => ({ event, index }))
    .sort((a, b) => pinned(b.event) - pinned(a.event) || b.event.timestamp.getTime() - a.event.timestamp.getTime() || a.index - b.index)
    .map(({ event }) => event);
}

const PROBLEM_INSTANCES: Readonly<Record<string, number>> = { INOPERABLE: 0, OUTDATED: 1 };

/** Inoperable, then outdated instances first, then by account and region. */
export function sortInstances(instances: readonly StackInstance[]): StackInstance[] {
  const rank = (i: StackInstance) => PROBLEM_INSTANCES[i.status] ?? 2;
  return [...instances].sort((a, b) => rank(a) - rank(b) || a.account.localeCompare(b.account) || a.region.localeCompare(b.region));
}

/** A tree row's words: label and description are plain lines, the tooltip Markdown. */
export interface StackRowText {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
}

export function resourceRow(r: StackResource): StackRowText {
  return {
    label: inert(r.logicalId, 'line'),
    description: [inert(r.resourceType, 'line', { maxLength: 100 }), humanizeStackStatus(r.status)].join(' · '),
    tooltip: markdownRows(`**${md(r.logicalId)}** — ${md(humanizeStackStatus(r.status))}`, [
      ['Type', code(r.resourceType)],
      ['Physical id', code(r.physicalId) ?? '_none yet_'],
      ['Status', code(r.status)],
      ['Reason', r.reason && md(r.reason, 2000)],
      ['Last updated', r.lastUpdated && formatTime(r.lastUpdated)],
    ]),
  };
}

export function eventRow(e: StackEvent): StackRowText {
  return {
    label: inert(e.logicalId, 'line'),
    description: [humanizeStackStatus(e.status), formatTime(e.timestamp), e.reason && inert(e.reason, 'line')].filter(Boolean).join(' · '),
    tooltip: markdownRows(`**${md(e.logicalId)}** — ${md(humanizeStackStatus(e.status))}`, [
      ['Time', formatTime(e.timestamp)],
      ['Type', code(e.resourceType)],
      ['Status', code(e.status)],
      ['Reason', e.reason && md(e.reason, 2000)],
      ['Physical id', code(e.physicalId)],
    ]),
  };
}

export function instanceRow(i: StackInstance): StackRowText {
  return {
    label: `${inert(i.account, 'line', { maxLength: 40 })} · ${inert(i.region, 'line', { maxLength: 40 })}`,
    description: humanizeStackStatus(i.status),
    tooltip: markdownRows(`**Stack instance** — ${md(humanizeStackStatus(i.status))}`, [
      ['Account', code(i.account)],
      ['Region', code(i.region)],
      ['Status', code(i.status)],
    ]),
  };
}

/**
 * A stack the service says does not exist (deleted, or never created): CloudFormation answers a
 * ValidationError "Stack with id X does not exist" (HTTP 400), which is no failure to retry.
 */
export function isMissingStack(error: unknown): boolean {
  const e = error as { name?: string; message?: string } | undefined;
  return e?.name === 'ValidationError' && /\bdoes not exist\b/.test(e.message ?? '');
}

function markdownRows(title: string, rows: [string, string | undefined][]): string {
  const present = rows.filter(([, v]) => v !== undefined && v !== '');
  return [`${title}\n`, '| | |', '|---|---|', ...present.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function md(text: string | undefined, maxLength?: number): string {
  return inert(text, 'markdown', maxLength ? { maxLength } : {});
}

function code(text: string | undefined): string | undefined {
  return text ? inertCodeSpan(text, 'label') : undefined;
}
