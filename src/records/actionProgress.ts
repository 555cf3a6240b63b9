// One user action (terminate two products, provision one, resume after a reload) and its records: one
// progress notification with a part per product, rewritten as each record moves, and one notification
// at the end: the record's own sentence for one product, a summary with a part per product for several.
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { actionSummary, recordOutcome, resultSummary, unreadableSummary } from '../core/records/recordLines';
import { inert } from '../core/untrustedText';
import { humanizeStatus, isRecordSucceeded } from '../core/statuses';
import { notify, showProgress, type ProgressNotification } from '../ui/notifications';
import { log } from '../ui/log';
import { COMMANDS } from '../ui/commandIds';

const SHOW_OUTPUT = 'Show Output';
/** Key prefix of the parts of products whose operation never started (no record). */
const NOT_STARTED = 'not-started/';

interface Part {
  readonly name: string;
  status?: string;
  /** Set when the record ended (or the operation was never started). */
  outcome?: { readonly text: string; readonly failed: boolean; readonly sentence: string; readonly unknown?: boolean };
}

/** A sentence, then the note (already inert) as a sentence of its own. */
function withNote(sentence: string, note: string | undefined): string {
  return note ? `${sentence}${/[.!?]$/.test(sentence) ? '' : '.'} ${note}` : sentence;
}

export class ActionProgress {
  private readonly parts = new Map<string, Part>();
  private notification?: ProgressNotification;
  private closed = false;
  private ended = false;
  private readonly startedAtMs = Date.now();

  constructor(readonly title: string) {}

  /** A record of this action is followed from now on; the progress notification starts with the first. */
  add(recordId: string, productName: string, status?: string): void {
    if (this.ended) return;
    this.parts.set(recordId, { name: productName, status });
    this.notification ??= showProgress(this.title);
    this.render();
  }

  update(recordId: string, status: string | undefined): void {
    const part = this.parts.get(recordId);
    if (!part || part.outcome) return;
    part.status = status;
    this.render();
  }

  /** The record ended: its part says so, and the last one to end ends the action. */
  /** `failureNote`: an inert sentence naming the stack's first failed resource, said in place of the record's error. */
  finish(recordId: string, detail: RecordDetail, secrets?: readonly string[], failureNote?: string): void {
    const part = this.parts.get(recordId);
    if (!part || part.outcome) return;
    const elapsedMs = Date.now() - this.startedAtMs;
    const failed = !isRecordSucceeded(detail.Status);
    const note = failed ? failureNote : undefined;
    // With the stack's first failed resource known, the notification names it instead of the record's
    // error: that error lists the failed resources and repeats their reasons, so it filled the message
    // and the notification's length cut the failure off. The record's error stays in the output.
    const shown = note ? { ...detail, RecordErrors: [] } : detail;
    part.outcome = {
      text: withNote(recordOutcome(shown, part.name, secrets), note),
      failed,
      sentence: withNote(resultSummary(shown, part.name, elapsedMs, secrets), note),
    };
    this.settle();
  }

  /** The record could not be followed to its end (its reading was denied): its part says so, not a status. */
  stopFollowing(recordId: string, recordType: string | undefined, reason: string, secrets?: readonly string[]): void {
    const part = this.parts.get(recordId);
    if (!part || part.outcome) return;
    const sentence = unreadableSummary(recordId, recordType, part.name, reason, secrets);
    part.outcome = { text: `${part.name} no longer followed`, failed: true, sentence, unknown: true };
    this.settle();
  }

  /** A product whose operation could not be started (its call failed): said in the summary. */
  notStarted(productName: string, reason: string): void {
    this.parts.set(`${NOT_STARTED}${productName}`, { name: productName, outcome: { text: `${productName} not started: ${reason}`, failed: true, sentence: reason } });
  }

  /** A record no longer followed (the connection changed): it leaves the action without a word. */
  drop(recordId: string): void {
    if (this.parts.get(recordId)?.outcome) return;
    this.parts.delete(recordId);
    this.settle();
  }

  /**
   * No more records will be added. Returns whether any record is followed: if none is, nothing was
   * shown and the caller reports what happened.
   */
  close(): boolean {
    this.closed = true;
    const followed = [...this.parts.keys()].some((key) => !key.startsWith(NOT_STARTED));
    if (!followed) {
      this.end();
      return false;
    }
    this.settle();
    return true;
  }

  private render(): void {
    const records = [...this.parts].filter(([key]) => !key.startsWith(NOT_STARTED)).map(([, part]) => part);
    const text = records.map((p) => {
      const state = humanizeStatus(p.outcome ? (p.outcome.unknown ? 'NOT_FOLLOWED' : p.outcome.failed ? 'FAILED' : 'SUCCEEDED') : (p.status ?? 'CREATED'));
      const name = inert(p.name, 'notification', { maxLength: 60 });
      return records.length > 1 ? `${name}: ${inert(state, 'notification', { maxLength: 40 })}` : inert(state, 'notification', { maxLength: 40 });
    });
    // Our one link; the statuses beside it are the service's words.
    this.notification?.report(`${text.join(' · ')} · [Show Output](command:${COMMANDS.showRecordLog})`);
  }

  /** Shows the parts, or, once every record ended, ends the progress with the one notification at the end. */
  private settle(): void {
    if (this.ended) return;
    const parts = [...this.parts.values()];
    if (!this.closed || parts.some((p) => !p.outcome)) {
      this.render();
      return;
    }
    const outcomes = parts.map((p) => p.outcome!);
    this.end();
    if (!outcomes.length) return;
    const failed = outcomes.some((o) => o.failed);
    const message = outcomes.length === 1 ? outcomes[0].sentence : actionSummary(this.title, outcomes, Date.now() - this.startedAtMs);
    // A failure is the one case where the output comes into view by itself.
    if (failed) log().show(true);
    const shown = failed ? notify.error(message, SHOW_OUTPUT) : notify.info(message, SHOW_OUTPUT);
    void shown.then((choice) => choice && log().show(true));
  }

  private end(): void {
    this.ended = true;
    this.notification?.end();
  }
}
