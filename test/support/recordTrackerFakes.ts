// What the record tracker's unit tests share: an emitter that tells its listeners (fakeVscode's stays
// silent), a cached product item, the tracker's dependencies with a memento and a log that keep what
// they are given, and the hooks that install the emitter and a silent progress sink for a suite.
import { fakeVscode } from './fakeVscode'; // first: the code below requires 'vscode'
import type { ProductRow } from '../../src/core/products/productRow';
import type { CachedProduct, ProductCache } from '../../src/products/productCache';
import { RecordLog } from '../../src/records/recordLog';
import type { RecordTrackerDeps } from '../../src/records/recordTracker';
import { setProgressSink } from '../../src/ui/notifications';

export class Emitter<T> {
  private readonly listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void) => (this.listeners.push(listener), { dispose: () => undefined });
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {}
}

export class Item implements CachedProduct {
  activity?: string;
  constructor(public row: ProductRow) {}
}

export interface LoggedLine {
  readonly level: string;
  readonly text: string;
}

/** The tracker's dependencies; `lines` gets every record log line, `stored` is the memento's content. */
export function trackerDeps(
  session: unknown,
  products: ProductCache<Item>,
  lines: LoggedLine[] = [],
  stored = new Map<string, unknown>(),
): RecordTrackerDeps {
  const memento = { get: (key: string) => stored.get(key) as never, update: async (key: string, value: unknown) => void stored.set(key, value) };
  const sink = { info: (text: string) => lines.push({ level: 'info', text }), warn: (text: string) => lines.push({ level: 'warn', text }), error: (text: string) => lines.push({ level: 'error', text }) };
  return {
    session: session as never,
    tree: { refresh: async () => undefined, onDidRefresh: () => ({ dispose: () => undefined }) },
    products,
    memento,
    log: new RecordLog(sink, 2_000, memento),
  };
}

/** Installs the telling emitter and a silent progress sink for the enclosing suite. */
export function useTrackerFakes(): void {
  const realEmitter = fakeVscode.EventEmitter;
  before(() => {
    fakeVscode.EventEmitter = Emitter as never;
    setProgressSink(() => ({ report() {}, end() {} }));
  });
  after(() => {
    fakeVscode.EventEmitter = realEmitter;
    setProgressSink(undefined);
  });
}

export async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
