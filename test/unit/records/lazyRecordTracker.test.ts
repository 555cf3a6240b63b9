// The stand-in activation makes for the record tracker: it requires dist/records.js only once there is
// a connection (or a call needs it), then passes everything through, the tracker's ends included.
import '../../support/fakeVscode'; // first: the code below requires 'vscode'
import * as assert from 'node:assert/strict';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../../../src/aws/catalogApi';
import { ProductCache } from '../../../src/products/productCache';
import * as recordsModule from '../../../src/records/recordTracker';
import { LazyRecordTracker } from '../../../src/records/lazyRecordTracker';
import { Emitter, Item, trackerDeps, until, useTrackerFakes } from '../../support/recordTrackerFakes';

describe('record tracker stand-in', () => {
  useTrackerFakes();

  const ended: RecordDetail = { RecordId: 'rec-1', ProvisionedProductId: 'pp-1', RecordType: 'PROVISION_PRODUCT', Status: 'SUCCEEDED' };
  const api = {
    connection: { kind: 'sandbox' },
    describeRecord: async () => ({ detail: ended, outputs: [] }),
    describeProvisionedProduct: async () => ({ Id: 'pp-1', Name: 'orders', Status: 'AVAILABLE' }),
  } as unknown as CatalogApi;

  function standIn(session: { api?: CatalogApi; onDidChange: Emitter<void>['event'] }) {
    const loads: string[] = [];
    const products = new ProductCache((row) => new Item(row));
    const tracker = new LazyRecordTracker(trackerDeps(session, products), () => (loads.push('records.js'), recordsModule));
    return { tracker, loads };
  }

  it('requires nothing while there is no connection, and answers that nothing runs', async () => {
    const changes = new Emitter<void>();
    const { tracker, loads } = standIn({ onDidChange: changes.event });
    changes.fire();
    assert.deepEqual(loads, []);
    assert.equal(tracker.isBusy('pp-1'), false);
    assert.equal(tracker.isFollowing('rec-1'), false);
    assert.deepEqual(tracker.activeRecordIds, []);
    await tracker.whenResumed();
    assert.deepEqual(loads, []);
    tracker.dispose();
  });

  it('requires the tracker once, when a connection comes, and relays its ends', async () => {
    const changes = new Emitter<void>();
    const session: { api?: CatalogApi; onDidChange: Emitter<void>['event'] } = { onDidChange: changes.event };
    const { tracker, loads } = standIn(session);
    session.api = api;
    changes.fire();
    changes.fire();
    assert.deepEqual(loads, ['records.js']);
    const finished: RecordDetail[] = [];
    tracker.onDidFinish((detail) => finished.push(detail));
    await tracker.track(ended, { productName: 'orders', expectedDurationMs: 1 });
    await until(() => finished.length > 0);
    assert.equal(finished[0].RecordId, 'rec-1');
    assert.deepEqual(loads, ['records.js']);
    tracker.dispose();
  });

  it('requires the tracker at the first call that needs it, and refuses calls once disposed', async () => {
    const { tracker, loads } = standIn({ onDidChange: new Emitter<void>().event });
    await assert.rejects(() => tracker.track('rec-1'), /Not connected/);
    assert.deepEqual(loads, ['records.js']);
    tracker.dispose();
    const { tracker: disposed } = standIn({ onDidChange: new Emitter<void>().event });
    disposed.dispose();
    assert.throws(() => disposed.beginAction('Terminating orders'), /stopped/);
  });
});
