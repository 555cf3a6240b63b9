// Writes record lines to the output channel and keeps the last ones in memory: an output channel cannot
// be read back, and tests (and the summary after a multi-product action) need to see what was written.
// The lines of records still running are also kept in a store, so a record resumed after a reload
// re-prints its history so far (the channel starts empty in a new window session).
import type { RecordLine } from '../core/records/recordLines';
import { formatLineTime } from '../core/records/recordLines';
import type { MementoLike } from './tailStoreAdapter';

/** The part of a LogOutputChannel the record log writes to. */
export interface LineSink {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

interface StoredLine extends RecordLine {
  /** When it was first written (the channel's own stamp is lost with the window). */
  readonly at: string;
}

const STORE_KEY = 'serviceCatalogExplorer.recordLines';
/** A record's lines before its end: a handful of status changes; a cap keeps a stuck one small. */
const MAX_STORED_LINES_PER_RECORD = 50;
const MAX_STORED_RECORDS = 50;

export class RecordLog {
  private readonly kept: string[] = [];
  /**
   * The stored lines as this window last wrote them: read from the store once, then written through.
   * The store's own copy can lag behind our writes (VS Code's global state takes back an echo of an
   * earlier flush), and a resumed record must re-print every line this window wrote.
   */
  private storedLines?: Record<string, StoredLine[]>;

  constructor(
    private readonly sink: LineSink,
    private readonly maxKept = 2_000,
    /** Where the lines of running records survive a reload; lines are masked before they get here. */
    private readonly store?: MementoLike,
  ) {}

  /** Writes lines; with a record id, they are kept for it until `forget`. */
  write(lines: readonly RecordLine[], recordId?: string): void {
    for (const line of lines) this.emit(line.level, line.text);
    if (recordId && this.store) this.keep(recordId, lines);
  }

  /** Re-prints the lines a record wrote before this window's session, marked as earlier. */
  replay(recordId: string): void {
    for (const line of this.stored()[recordId] ?? []) this.emit(line.level, `earlier, ${line.at} · ${line.text}`);
  }

  /** The record's report is complete in the channel: its stored lines are no longer needed. */
  forget(recordId: string): void {
    const all = this.stored();
    if (!(recordId in all)) return;
    delete all[recordId];
    void this.store?.update(STORE_KEY, { ...all });
  }

  /** The most recent lines written, oldest first. */
  get lines(): readonly string[] {
    return this.kept;
  }

  linesAbout(recordId: string): string[] {
    return this.kept.filter((line) => line.includes(recordId));
  }

  private emit(level: RecordLine['level'], text: string): void {
    this.sink[level](text);
    this.kept.push(text);
    if (this.kept.length > this.maxKept) this.kept.splice(0, this.kept.length - this.maxKept);
  }

  private keep(recordId: string, lines: readonly RecordLine[]): void {
    const all = this.stored();
    const at = formatLineTime(new Date());
    const ofRecord = [...(all[recordId] ?? []), ...lines.map((l) => ({ level: l.level, text: l.text, at }))].slice(-MAX_STORED_LINES_PER_RECORD);
    delete all[recordId]; // re-inserted last: the oldest records are dropped first
    all[recordId] = ofRecord;
    const ids = Object.keys(all);
    for (const id of ids.slice(0, Math.max(0, ids.length - MAX_STORED_RECORDS))) delete all[id];
    void this.store!.update(STORE_KEY, { ...all });
  }

  private stored(): Record<string, StoredLine[]> {
    return (this.storedLines ??= this.readStore());
  }

  private readStore(): Record<string, StoredLine[]> {
    const value = this.store?.get<unknown>(STORE_KEY);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const result: Record<string, StoredLine[]> = Object.create(null) as Record<string, StoredLine[]>;
    for (const [id, lines] of Object.entries(value as Record<string, unknown>)) {
      if (Array.isArray(lines)) result[id] = lines.filter(isStoredLine);
    }
    return result;
  }
}

function isStoredLine(value: unknown): value is StoredLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Partial<StoredLine>;
  return typeof line.text === 'string' && typeof line.at === 'string' && (line.level === 'info' || line.level === 'warn' || line.level === 'error');
}
