// What survives a window reload: the records being tailed, their meta, the last status reported, and
// a tombstone for each record whose final status was reported, so it is never reported twice.
import type { RecordStatus } from '@aws-sdk/client-service-catalog';

/** Caller-supplied facts about a tailed record. JSON-safe: it is persisted as is. */
export interface TailMeta {
  /** When the record started (epoch ms, e.g. its CreatedTime); defaults to when tailing began. */
  readonly startedAtMs?: number;
  /** Median duration of comparable past records (ListRecordHistory), to poll hard around it. */
  readonly expectedDurationMs?: number;
  readonly label?: string;
  readonly recordType?: string;
  readonly provisionedProductId?: string;
}

export interface PersistedTail {
  readonly recordId: string;
  readonly meta: TailMeta;
  readonly startedAtMs: number;
  readonly lastStatus?: RecordStatus;
  /** Set once onFinal has been emitted; the entry then stays only as a tombstone. */
  readonly finalReportedAtMs?: number;
}

export interface TailStore {
  load(): Promise<readonly PersistedTail[]> | readonly PersistedTail[];
  save(entries: readonly PersistedTail[]): Promise<void> | void;
}

/** A store kept in memory (tests, simulations); JSON round-trips entries like a real store would. */
export class MemoryTailStore implements TailStore {
  private json = '[]';
  saveCount = 0;

  constructor(initial: readonly PersistedTail[] = []) {
    this.json = JSON.stringify(initial);
  }

  load(): readonly PersistedTail[] {
    return JSON.parse(this.json) as PersistedTail[];
  }

  save(entries: readonly PersistedTail[]): void {
    this.saveCount++;
    this.json = JSON.stringify(entries);
  }
}
