// The record tracker across a connection change: a record's end read on the old connection is not
// applied once another connection is in use (its tree, its forms).
import { fakeVscode } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import * as assert from 'node:assert/strict';
import type { ProvisionedProductDetail, RecordDetail } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../../../src/aws/catalogApi';
import type { ProductRow } from '../../../src/core/products/productRow';
import { ProductCache, type CachedProduct } from '../../../src/products/productCache';
import { RecordLog } from '../../../src/records/recordLog';
import { RecordTracker, type RecordTrackerDeps } from '../../../src/records/recordTracker';
import { setProgressSink } from '../../../src/ui/notifications';

/** An emitter that tells its listeners (the fake's stays silent). */
class Emitter<T> {
  private readonly listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void) => (this.listeners.push(listener), { dispose: () => undefined });
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {}
}

class Item implements CachedProduct {
  activity?: string;
  constructor(public row: ProductRow) {}
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const notFound = () => Object.assign(new Error('Provisioned product not found'), { name: 'ResourceNotFoundException' });

describe('record tracker', () => {
  const realEmitter = fakeVscode.EventEmitter;
  before(() => {
    fakeVscode.EventEmitter = Emitter as never;
    setProgressSink(() => ({ report() {}, end() {} }));
  });
  after(() => {
    fakeVscode.EventEmitter = realEmitter;
    setProgressSink(undefined);
  });

  it('drops a record whose end was being read when the connection changed: nothing removed, nothing finished', async () => {
    const productRead = deferred<ProvisionedProductDetail>();
    const reads: string[] = [];
    const ended: RecordDetail = { RecordId: 'rec-1', ProvisionedProductId: 'pp-1', RecordType: 'TERMINATE_PROVISIONED_PRODUCT', Status: 'SUCCEEDED' };
    const oldApi = {
      connection: { kind: 'sandbox' },
      describeRecord: async () => ({ detail: ended, outputs: [] }),
      describeProvisionedProduct: (id: string) => (reads.push(`old ${id}`), productRead.promise),
    } as unknown as CatalogApi;
    const newApi = {
      connection: { kind: 'aws', profile: 'other', region: 'eu-west-1' },
      describeRecord: async () => ({}),
      describeProvisionedProduct: async (id: string) => (reads.push(`new ${id}`), Promise.reject(notFound())),
    } as unknown as CatalogApi;
    const sessionChanged = new Emitter<void>();
    const session = { api: oldApi, onDidChange: sessionChanged.event };
    const products = new ProductCache((row) => new Item(row));
    products.replace([{ Id: 'pp-1', Name: 'orders', Status: 'UNDER_CHANGE' }]);
    const stored = new Map<string, unknown>();
    const deps: RecordTrackerDeps = {
      session: session as never,
      tree: { refresh: async () => undefined, onDidRefresh: () => ({ dispose: () => undefined }) } as never,
      products,
      memento: { get: (key) => stored.get(key) as never, update: async (key, value) => void stored.set(key, value) },
      log: new RecordLog({ info() {}, warn() {}, error() {} }),
    };
    const tracker = new RecordTracker(deps);
    const finished: RecordDetail[] = [];
    tracker.onDidFinish((detail) => finished.push(detail));

    await tracker.track(ended, { productName: 'orders', expectedDurationMs: 1 });
    await until(() => reads.length > 0);
    session.api = newApi; // the user switched connections while the end was being reported
    sessionChanged.fire();
    products.replace([{ Id: 'pp-1', Name: 'orders', Status: 'AVAILABLE' }]); // the new connection's listing
    productRead.reject(notFound());
    await new Promise((resolve) => setTimeout(resolve, 20));

    assert.deepEqual(reads, ['old pp-1'], "the record's product is read on its own connection only");
    assert.ok(products.get('pp-1'), "the old connection's end does not remove the new one's product");
    assert.deepEqual(finished, [], "nothing hears of the old connection's record");
    tracker.dispose();
  });
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
