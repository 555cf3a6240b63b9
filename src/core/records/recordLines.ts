// The lines a tailed record writes to the "Service Catalog" output channel. Pure (no vscode import) so
// the exact wording is unit-tested. NoEcho values the caller knows are masked in every line.
import type { RecordDetail, RecordOutput } from '@aws-sdk/client-service-catalog';
import { redactSecrets } from './secretMasking';
import { inert } from '../untrustedText';
import { isRecordSucceeded } from '../statuses';

/** The output keeps long values (policies, connection strings) nearly whole; a notification does not. */
const LINE_VALUE_LENGTH = 4000;

export type LineLevel = 'info' | 'warn' | 'error';

export interface RecordLine {
  readonly level: LineLevel;
  readonly text: string;
}

export interface RecordLineContext {
  /** NoEcho parameter values of the operation; never written. */
  readonly secrets?: readonly string[];
  /** Provisioned product name when the record does not carry one (e.g. from the tree). */
  readonly productName?: string;
  /**
   * Whether the line names the launch role: on a record's first line and when it changed (default
   * true). The output channel stamps each line with its own time, so the line carries none.
   */
  readonly withLaunchRole?: boolean;
}

/** One line per status change: record id, type, provisioned product, status, and the launch role where it is news. */
export function statusLine(detail: RecordDetail, previousStatus: string | undefined, context: RecordLineContext = {}): RecordLine {
  const status = previousStatus && previousStatus !== detail.Status ? `${previousStatus} → ${detail.Status}` : detail.Status ?? 'UNKNOWN';
  const secrets = context.secrets;
  const parts = [
    oneLine(detail.RecordId ?? '?', secrets),
    oneLine(detail.RecordType ?? 'UNKNOWN_RECORD_TYPE', secrets),
    oneLine(productLabel(detail, context.productName), secrets),
    oneLine(status, secrets),
  ];
  if (context.withLaunchRole ?? true) parts.push(`launch role ${oneLine(detail.LaunchRoleArn || 'none', secrets)}`);
  const level: LineLevel = detail.Status === 'FAILED' ? 'error' : detail.Status === 'IN_PROGRESS_IN_ERROR' ? 'warn' : 'info';
  return { level, text: parts.join(' · ') };
}

/** The final report: the status line, then every RecordError on failure or every RecordOutput on success. */
export function finalLines(detail: RecordDetail, outputs: readonly RecordOutput[], previousStatus: string | undefined, context: RecordLineContext = {}): RecordLine[] {
  const lines = [statusLine(detail, previousStatus, context)];
  const secrets = context.secrets;
  const recordId = oneLine(detail.RecordId ?? '?', secrets);
  if (detail.Status === 'FAILED') {
    const errors = detail.RecordErrors ?? [];
    if (!errors.length) lines.push({ level: 'error', text: `  ${recordId} failed without a RecordError.` });
    for (const e of errors) lines.push({ level: 'error', text: `  ${recordId} error ${oneLine(e.Code ?? '(no code)', secrets)}: ${oneLine(e.Description ?? '(no description)', secrets)}` });
  } else {
    if (!outputs.length) lines.push({ level: 'info', text: `  ${recordId} has no outputs.` });
    for (const o of outputs) lines.push({ level: 'info', text: `  ${recordId} output ${outputText(o, secrets)}` });
  }
  return lines;
}

export function outputText(output: RecordOutput, secrets?: readonly string[]): string {
  const description = output.Description ? ` (${oneLine(output.Description, secrets)})` : '';
  return `${oneLine(output.OutputKey ?? '?', secrets)} = ${oneLine(output.OutputValue ?? '', secrets)}${description}`;
}

/**
 * Service text in an output line: NoEcho values masked first (folding or cutting the text could
 * break a secret apart so that it no longer matches), then one line, so it cannot forge one of ours.
 */
function oneLine(text: string, secrets: readonly string[] | undefined): string {
  return inert(redactSecrets(text, secrets), 'line', { maxLength: LINE_VALUE_LENGTH });
}

export function productLabel(detail: RecordDetail, fallbackName?: string): string {
  const name = detail.ProvisionedProductName ?? fallbackName;
  const id = detail.ProvisionedProductId;
  if (name && id) return `${name} (${id})`;
  return name ?? id ?? 'unknown provisioned product';
}

/** UTC, second precision: lines from different machines and logs compare directly. */
export function formatLineTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "Terminating", "Provisioning"… for the item's activity and notifications. */
export function operationVerb(recordType: string | undefined): string {
  switch (recordType) {
    case 'PROVISION_PRODUCT': return 'Provisioning';
    case 'UPDATE_PROVISIONED_PRODUCT': return 'Updating';
    case 'TERMINATE_PROVISIONED_PRODUCT': return 'Terminating';
    case 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES': return 'Changing properties of';
    case 'EXECUTE_PROVISIONED_PRODUCT_PLAN': return 'Executing plan for';
    case 'EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION': return 'Running action on';
    default: return 'Running operation on';
  }
}

/**
 * A record the caller may not read (DescribeRecord denied: another user's record, or its product's owner
 * changed): the output says tailing ended and why; no status is made up for it.
 */
export function unreadableLines(recordId: string, recordType: string | undefined, productName: string, reason: string, secrets?: readonly string[]): RecordLine[] {
  const id = oneLine(recordId, secrets);
  return [
    { level: 'warn', text: `${id} · ${oneLine(recordType ?? 'UNKNOWN_RECORD_TYPE', secrets)} · ${oneLine(productName, secrets)} · no longer followed: ${oneLine(reason, secrets)}` },
    { level: 'warn', text: `  ${id}: its outcome is not known here; it may belong to another user now (for example after a change of owner).` },
  ];
}

/** The notification's sentence for a record that could not be followed to its end. */
export function unreadableSummary(recordId: string, recordType: string | undefined, productName: string, reason: string, secrets?: readonly string[]): string {
  return `Stopped following ${operationVerb(recordType).toLowerCase()} ${oneLine(productName, secrets)} (record ${oneLine(recordId, secrets)}): ${oneLine(reason, secrets)} Its outcome is not known here.`;
}

/** The end of an operation in one sentence, for the result notification. */
export function resultSummary(detail: RecordDetail, productName: string, elapsedMs: number | undefined, secrets?: readonly string[]): string {
  const what = `${operationVerb(detail.RecordType)} ${oneLine(productName, secrets)}`;
  const took = elapsedMs !== undefined && elapsedMs >= 0 ? ` in ${formatDuration(elapsedMs)}` : '';
  if (isRecordSucceeded(detail.Status)) return `${what} succeeded${took} (record ${oneLine(detail.RecordId ?? '?', secrets)}).`;
  const first = detail.RecordErrors?.[0];
  const reason = first ? `: ${first.Code ? `${oneLine(first.Code, secrets)}: ` : ''}${oneLine(first.Description ?? '', secrets)}` : '.';
  return `${what} failed${took} (record ${oneLine(detail.RecordId ?? '?', secrets)})${reason}`;
}

/** One product's end within a several-product action's summary: "a succeeded (record rec-1)". */
export function recordOutcome(detail: RecordDetail, productName: string, secrets?: readonly string[]): string {
  const what = `${oneLine(productName, secrets)} ${isRecordSucceeded(detail.Status) ? 'succeeded' : 'failed'} (record ${oneLine(detail.RecordId ?? '?', secrets)})`;
  const first = isRecordSucceeded(detail.Status) ? undefined : detail.RecordErrors?.[0];
  return first ? `${what}: ${first.Code ? `${oneLine(first.Code, secrets)}: ` : ''}${oneLine(first.Description ?? '', secrets)}` : what;
}

/** The one notification at the end of an action on several products: counts, then a part per product. */
export function actionSummary(title: string, outcomes: readonly { readonly text: string; readonly failed: boolean }[], elapsedMs?: number): string {
  const failed = outcomes.filter((o) => o.failed).length;
  const counts = failed ? `${outcomes.length - failed} of ${outcomes.length} succeeded` : `all ${outcomes.length} succeeded`;
  const took = elapsedMs !== undefined && elapsedMs >= 0 ? ` in ${formatDuration(elapsedMs)}` : '';
  return `${title}: ${counts}${took}. ${outcomes.map((o) => o.text).join('; ')}.`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${seconds % 60} s`;
}

/** Shown on the tree item while the record runs. */
export function activityText(recordType: string | undefined): string {
  switch (recordType) {
    case 'PROVISION_PRODUCT': return 'Provisioning…';
    case 'UPDATE_PROVISIONED_PRODUCT': return 'Updating…';
    case 'TERMINATE_PROVISIONED_PRODUCT': return 'Terminating…';
    case 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES': return 'Changing properties…';
    case 'EXECUTE_PROVISIONED_PRODUCT_PLAN': return 'Executing plan…';
    case 'EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION': return 'Running action…';
    default: return 'Working…';
  }
}
