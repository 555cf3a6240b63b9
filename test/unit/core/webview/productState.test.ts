// What a form page knows of its provisioned product: the banner's merge of the tracker's and the
// tree's word on one record, what the product's state allows, and what the host's init makes true.
import * as assert from 'node:assert/strict';
import { afterInit, blockedReason, mergedChange, stateAllows } from '../../../../src/core/webview/productState';
import type { ProductChange, ProvisionedProductRef } from '../../../../src/core/webview/protocol';

const record: ProductChange = { recordId: 'rec-1', recordType: 'UPDATE_PROVISIONED_PRODUCT', status: 'SUCCEEDED' };
const product = (status: string, provisioningArtifactId = 'pa-2'): ProvisionedProductRef => ({ id: 'pp-1', name: 'site', status, provisioningArtifactId });

describe('mergedChange', () => {
  it('keeps the tree\'s settled status when the record\'s end arrives after it', () => {
    const tree: ProductChange = { recordId: 'rec-1', productStatus: 'AVAILABLE', version: { id: 'pa-2', name: 'v2.0' } };
    assert.deepEqual(mergedChange(tree, record), { ...record, productStatus: 'AVAILABLE', version: tree.version });
    assert.deepEqual(mergedChange(record, tree), { ...record, ...tree }, 'and before it');
  });

  it('drops a busy status the record\'s end makes old news', () => {
    const busy: ProductChange = { recordId: 'rec-1', productStatus: 'UNDER_CHANGE' };
    assert.equal(mergedChange(busy, record).productStatus, undefined);
    assert.equal(mergedChange({ recordId: 'rec-1', productStatus: 'PLAN_IN_PROGRESS' }, record).productStatus, undefined);
  });

  it('takes the newer change alone for another record', () => {
    assert.deepEqual(mergedChange({ recordId: 'rec-0', productStatus: 'ERROR' }, record), record);
  });
});

describe('afterInit', () => {
  it('takes the status the host just read over the saved one, and drops a banner it contradicts', () => {
    const saved = { change: { recordId: 'rec-1', productStatus: 'UNDER_CHANGE' }, product: { status: 'UNDER_CHANGE' } };
    const next = afterInit(saved, product('AVAILABLE'));
    assert.deepEqual(next, { product: { status: 'AVAILABLE' } });
    assert.equal(blockedReason('canUpdate', 'Update', next.product), undefined, 'the restored form is not blocked');
  });

  it('keeps a banner that still holds, and drops one of another version or a product said gone', () => {
    const ended: ProductChange = { ...record, productStatus: 'AVAILABLE', version: { id: 'pa-2' } };
    assert.deepEqual(afterInit({ change: ended }, product('AVAILABLE')), { product: { status: 'AVAILABLE' }, change: ended });
    assert.deepEqual(afterInit({ change: record }, product('AVAILABLE')).change, record, 'a record that ended stays news');
    assert.equal(afterInit({ change: ended }, product('AVAILABLE', 'pa-1')).change, undefined);
    assert.equal(afterInit({ change: { ...record, gone: true } }, product('AVAILABLE')).change, undefined);
  });

  it('blocks what the status the host read forbids', () => {
    const { product: state } = afterInit({}, product('UNDER_CHANGE'));
    assert.match(blockedReason('canPlan', 'Executing a plan', state) ?? '', /UNDER_CHANGE/);
  });
});

describe('stateAllows', () => {
  it('follows the capabilities, and nothing on a product that is gone', () => {
    assert.equal(stateAllows('canPlan', { status: 'UNDER_CHANGE' }), false);
    assert.equal(stateAllows('canPlan', { status: 'PLAN_IN_PROGRESS' }), true, 'a plan of a new product is executed in PLAN_IN_PROGRESS');
    assert.equal(stateAllows('canPlan', { status: 'AVAILABLE', gone: true }), false);
    assert.equal(stateAllows('canUpdate', {}), true, 'an unknown status is left to the service');
  });
});
