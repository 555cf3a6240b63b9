// The tailer's TailStore over VS Code's globalState (a Memento), one key per connection: a record id
// only means something in the account and region that created it, so records of one connection are
// never described against another. Structural types only, so this loads without vscode in unit tests.
import type { PersistedTail, TailStore } from '../catalog/records/tail-store';
import type { Connection } from '../catalog/connection';

/** The part of vscode.Memento the store uses. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const KEY_PREFIX = 'serviceCatalogExplorer.tailedRecords';

export function tailStoreKey(connection: Connection): string {
  if (connection.kind === 'sandbox') return `${KEY_PREFIX}/sandbox`;
  return `${KEY_PREFIX}/aws/${connection.profile ?? 'default'}/${connection.region}`;
}

export class MementoTailStore implements TailStore {
  constructor(
    private readonly memento: MementoLike,
    readonly key: string,
  ) {}

  /** What was saved; anything unreadable (older formats, hand edits) is dropped rather than tailed. */
  load(): PersistedTail[] {
    const stored = this.memento.get<unknown>(this.key);
    if (!Array.isArray(stored)) return [];
    return stored.filter(isPersistedTail).map(copyOf);
  }

  /** Saves a copy, so later changes to the caller's objects never leak into what is stored. */
  async save(entries: readonly PersistedTail[]): Promise<void> {
    await this.memento.update(this.key, entries.map(copyOf));
  }
}

function isPersistedTail(value: unknown): value is PersistedTail {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<PersistedTail>;
  return typeof entry.recordId === 'string' && entry.recordId.length > 0
    && typeof entry.startedAtMs === 'number'
    && typeof entry.meta === 'object' && entry.meta !== null;
}

function copyOf(entry: PersistedTail): PersistedTail {
  return JSON.parse(JSON.stringify(entry)) as PersistedTail;
}
