// The record tracker: a record's end read on an old connection is not applied once another is in use
// (its tree, its forms), and a terminate that succeeded takes the product out of the tree.
import { shownNotifications } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import * as assert from 'node:assert/strict';
import type { ProvisionedProductDetail, RecordDetail } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../../../src/aws/catalogApi';
import { ProductCache } from '../../../src/products/productCache';
import { RecordTracker } from '../../../src/records/recordTracker';
import { Emitter, Item, trackerDeps, until, useTrackerFakes } from '../../support/recordTrackerFakes';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const notFound = () => Object.assign(new Error('Provisioned product not found'), { name: 'ResourceNotFoundException' });

describe('record tracker', () => {
  useTrackerFakes();

  it('takes a terminate that succeeded at its word: the product leaves the tree though a read still finds it', async () => {
    const ended: RecordDetail = { RecordId: 'rec-2', ProvisionedProductId: 'pp-2', RecordType: 'TERMINATE_PROVISIONED_PRODUCT', Status: 'SUCCEEDED' };
    const api = {
      connection: { kind: 'sandbox' },
      describeRecord: async () => ({ detail: ended, outputs: [] }),
      describeProvisionedProduct: async () => ({ Id: 'pp-2', Name: 'orders', Status: 'AVAILABLE' }),
    } as unknown as CatalogApi;
    const products = new ProductCache((row) => new Item(row));
    products.replace([{ Id: 'pp-2', Name: 'orders', Status: 'UNDER_CHANGE' }]);
    const tracker = new RecordTracker(trackerDeps({ api, onDidChange: new Emitter<void>().event }, products));
    const finished: RecordDetail[] = [];
    tracker.onDidFinish((detail) => finished.push(detail));
    await tracker.track(ended, { productName: 'orders', expectedDurationMs: 1 });
    await until(() => finished.length > 0);
    assert.equal(products.get('pp-2'), undefined);
    tracker.dispose();
  });

  it('never shows a record as running again once its end is reported, though the shared store still lists it unfinished', async () => {
    const started: RecordDetail = { RecordId: 'rec-4', ProvisionedProductId: 'pp-4', RecordType: 'UPDATE_PROVISIONED_PRODUCT', Status: 'IN_PROGRESS' };
    const ended: RecordDetail = { ...started, Status: 'FAILED', RecordErrors: [{ Code: 'UPDATE_FAILED', Description: 'The following resource(s) failed to update: [Cluster].' }] };
    let reads = 0;
    const api = {
      connection: { kind: 'sandbox' },
      describeRecord: async () => ({ detail: ++reads > 1 ? ended : started, outputs: [] }),
      describeProvisionedProduct: async () => ({ Id: 'pp-4', Name: 'analytics', Status: 'ERROR' }),
    } as unknown as CatalogApi;
    const products = new ProductCache((row) => new Item(row));
    products.replace([{ Id: 'pp-4', Name: 'analytics', Status: 'UNDER_CHANGE' }]);
    // The shared store lags: it keeps the first copy of the tail list it was given (the record unfinished).
    const stored = new Map<string, unknown>();
    const lagging = { get: (key: string) => stored.get(key) as never, update: async (key: string, value: unknown) => void (stored.has(key) || stored.set(key, value)) };
    const deps = { ...trackerDeps({ api, onDidChange: new Emitter<void>().event }, products), memento: lagging, ownerId: 'window-1', leaseRenewMs: 20 };
    const tracker = new RecordTracker(deps);
    const finished: RecordDetail[] = [];
    tracker.onDidFinish((detail) => finished.push(detail));
    try {
      await tracker.track(started, { productName: 'analytics', expectedDurationMs: 1 });
      await until(() => finished.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 150)); // several lease renewals
      assert.deepEqual(tracker.activeRecordIds, [], 'nothing followed any more');
      assert.equal(tracker.isBusy('pp-4'), false, 'the product shows no operation');
      assert.equal(shownNotifications.filter((n) => /analytics/.test(n.message)).length, 1, 'one notification at the end, none more');
    } finally {
      tracker.dispose(); // its lease timer would keep mocha alive
    }
  });

  it('drops a record whose end was being read when the connection changed: nothing removed, nothing finished', async () => {
    const productRead = deferred<ProvisionedProductDetail>();
    const reads: string[] = [];
    const ended: RecordDetail = { RecordId: 'rec-1', ProvisionedProductId: 'pp-1', RecordType: 'UPDATE_PROVISIONED_PRODUCT', Status: 'SUCCEEDED' };
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
    const tracker = new RecordTracker(trackerDeps(session, products));
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

  it('ends a record it may not read: the output and the notification say why, once, and no status is made up', async () => {
    const denied = Object.assign(new Error('User: arn:aws:iam::123456789012:user/sandbox-user is not authorized to perform: servicecatalog:DescribeRecord on resource: arn:aws:servicecatalog:us-east-1:123456789012:record/rec-3 because no identity-based policy allows the servicecatalog:DescribeRecord action'), { name: 'AccessDeniedException' });
    const describes: string[] = [];
    const api = {
      connection: { kind: 'sandbox' },
      describeRecord: async (id: string) => (describes.push(id), Promise.reject(denied)),
      describeProvisionedProduct: async () => Promise.reject(denied),
      listRecordsOfProvisionedProduct: async () => [],
    } as unknown as CatalogApi;
    const products = new ProductCache((row) => new Item(row));
    products.replace([{ Id: 'pp-3', Name: 'orders', Status: 'UNDER_CHANGE' }]);
    const lines: { level: string; text: string }[] = [];
    const deps = trackerDeps({ api, onDidChange: new Emitter<void>().event }, products, lines);
    const tracker = new RecordTracker(deps);
    const finished: RecordDetail[] = [];
    tracker.onDidFinish((detail) => finished.push(detail));
    shownNotifications.length = 0;
    const started: RecordDetail = { RecordId: 'rec-3', ProvisionedProductId: 'pp-3', RecordType: 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES', Status: 'IN_PROGRESS' };
    const handle = await tracker.track(started, { productName: 'orders', expectedDurationMs: 1 });
    await assert.rejects(handle.final, /not allowed|do not allow/);
    await until(() => shownNotifications.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));

    assert.deepEqual(describes, ['rec-3'], 'asked once, not retried');
    assert.deepEqual(tracker.activeRecordIds, []);
    assert.equal(products.get('pp-3')?.activity, undefined, 'the activity on the item ends');
    assert.deepEqual(finished, [], 'no final status for a record never read');
    const warned = lines.filter((l) => l.level === 'warn').map((l) => l.text);
    assert.equal(warned.filter((t) => /no longer followed/.test(t)).length, 1);
    assert.match(warned[0], /^rec-3 · UPDATE_PROVISIONED_PRODUCT_PROPERTIES · orders · no longer followed: Your AWS permissions do not allow servicecatalog:DescribeRecord here/);
    assert.equal(shownNotifications.length, 1);
    assert.match(shownNotifications[0].message, /^Stopped following changing properties of orders \(record rec-3\): Your AWS permissions do not allow servicecatalog:DescribeRecord here\..* Its outcome is not known here\.$/);
    assert.doesNotMatch(shownNotifications[0].message, /FAILED|failed/);
    tracker.dispose();
  });
});
