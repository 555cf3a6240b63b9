// The tailer's TailStore over VS Code's globalState (a Memento), one key per connection: a record id
// only means something in the account and region that created it, so records of one connection are
// never described against another. Structural types only, so this loads without vscode in unit tests.
//
// globalState is shared by every window. With an owner (one per workspace, stable across reloads),
// each window saves only its own entries and keeps the others', so one window never drops another's
// records; it takes over (adopts) another window's entries only once their lease has run out, i.e.
// that window was closed or crashed, so two open windows never report the same record.
import type { PersistedTail, TailStore } from '../core/records/tailStore';
import type { Connection } from '../core/connection';

/** The part of vscode.Memento the store uses. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const KEY_PREFIX = 'serviceCatalogExplorer.tailedRecords';

export function tailStoreKey(connection: Connection): string {
  // Each sandbox caller is other credentials: the end user's records described with another caller's keys
  // are refused. The end user keeps the key it always had, so its stored records still resume.
  if (connection.kind === 'sandbox') return connection.caller && connection.caller !== 'endUser' ? `${KEY_PREFIX}/sandbox/${connection.caller}` : `${KEY_PREFIX}/sandbox`;
  return `${KEY_PREFIX}/aws/${connection.profile ?? 'default'}/${connection.region}`;
}

/** How long a window's claim on its entries lasts without being renewed. */
export const TAIL_LEASE_MS = 90_000;
/** How often a window renews its claim (and adopts what closed windows left). */
export const TAIL_LEASE_RENEW_MS = 30_000;

export interface TailOwnership {
  /** Who saves: the same id after a reload of the same window, so it resumes its records at once. */
  readonly owner: string;
  readonly leaseMs?: number;
  readonly now?: () => number;
}

interface StoredTail extends PersistedTail {
  readonly owner?: string;
  readonly leaseUntilMs?: number;
}

export class MementoTailStore implements TailStore {
  constructor(
    private readonly memento: MementoLike,
    readonly key: string,
    private readonly ownership?: TailOwnership,
  ) {}

  /**
   * What this window may follow: its own entries, unowned ones and those whose owner's lease ran out.
   * Anything unreadable (older formats, hand edits) is dropped rather than tailed.
   */
  load(): PersistedTail[] {
    return this.readAll().filter((entry) => this.adoptable(entry)).map(withoutOwnership);
  }

  /** Saves a copy of this window's entries with a fresh lease, keeping every other window's entries. */
  async save(entries: readonly PersistedTail[]): Promise<void> {
    if (!this.ownership) return this.memento.update(this.key, entries.map(copyOf));
    const { owner } = this.ownership;
    const ours = new Set(entries.map((e) => e.recordId));
    const others = this.readAll().filter((e) => e.owner !== undefined && e.owner !== owner && !ours.has(e.recordId));
    const leaseUntilMs = this.now() + (this.ownership.leaseMs ?? TAIL_LEASE_MS);
    await this.memento.update(this.key, [...others, ...entries.map((e) => ({ ...copyOf(withoutOwnership(e)), owner, leaseUntilMs }))]);
  }

  private readAll(): StoredTail[] {
    const stored = this.memento.get<unknown>(this.key);
    if (!Array.isArray(stored)) return [];
    return stored.filter(isPersistedTail).map(copyOf);
  }

  private adoptable(entry: StoredTail): boolean {
    if (!this.ownership || entry.owner === undefined || entry.owner === this.ownership.owner) return true;
    return (entry.leaseUntilMs ?? 0) <= this.now();
  }

  private now(): number {
    return this.ownership?.now?.() ?? Date.now();
  }
}

function withoutOwnership(entry: StoredTail): PersistedTail {
  const { owner: _owner, leaseUntilMs: _lease, ...rest } = entry;
  return rest;
}

function isPersistedTail(value: unknown): value is PersistedTail {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<PersistedTail>;
  return typeof entry.recordId === 'string' && entry.recordId.length > 0
    && typeof entry.startedAtMs === 'number'
    && typeof entry.meta === 'object' && entry.meta !== null;
}

function copyOf<T extends PersistedTail>(entry: T): T {
  return JSON.parse(JSON.stringify(entry)) as T;
}
