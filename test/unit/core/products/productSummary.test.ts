// What a row tells beyond its status: the operation and since when, how long, and the user's tags
// apart from the service's own.
import * as assert from 'node:assert/strict';
import { elapsed, operationSince, operationWord, splitTags } from '../../../../src/core/products/productSummary';
import { formatClock } from '../../../../src/core/localTime';

describe('product summary', () => {
  it('names the operation of each record type in a word or two', () => {
    assert.equal(operationWord('UPDATE_PROVISIONED_PRODUCT'), 'Updating');
    assert.equal(operationWord('TERMINATE_PROVISIONED_PRODUCT'), 'Terminating');
    assert.equal(operationWord('EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION'), 'Running action');
    assert.equal(operationWord('PROVISION_PRODUCT'), 'Provisioning');
  });

  it('says since when: the time today, the day too otherwise, nothing without a time', () => {
    const now = new Date(2026, 11, 1, 14, 5);
    const today = new Date(2026, 11, 1, 14, 2);
    assert.equal(operationSince({ recordId: 'rec-1', recordType: 'UPDATE_PROVISIONED_PRODUCT', createdTime: today }, now), `Updating since ${formatClock(today, now)}`);
    assert.match(formatClock(today, now), /14.02|2.02/);
    const yesterday = new Date(2026, 10, 30, 9, 0);
    assert.notEqual(formatClock(yesterday, now), formatClock(new Date(2026, 11, 1, 9, 0), now), 'another day shows its day');
    assert.equal(operationSince({ recordId: 'rec-1', recordType: 'TERMINATE_PROVISIONED_PRODUCT' }, now), 'Terminating');
  });

  it('says how long in minutes, hours or days', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const plus = (ms: number) => new Date(at.getTime() + ms);
    assert.equal(elapsed(at, plus(30_000)), 'less than a minute');
    assert.equal(elapsed(at, plus(3 * 60_000)), '3 min');
    assert.equal(elapsed(at, plus(125 * 60_000)), '2 h 5 min');
    assert.equal(elapsed(at, plus(120 * 60_000)), '2 h');
    assert.equal(elapsed(at, plus(72 * 3_600_000)), '3 days');
  });

  it('puts aws: tags apart from the user tags', () => {
    const { user, system } = splitTags([
      { Key: 'CostCenter', Value: 'cc-1' }, { Key: 'aws:servicecatalog:productArn', Value: 'arn' }, { Key: 'AWS:x', Value: 'y' }, { Key: 'awsome', Value: 'z' },
    ]);
    assert.deepEqual(user.map((t) => t.Key), ['CostCenter', 'awsome']);
    assert.deepEqual(system.map((t) => t.Key), ['aws:servicecatalog:productArn', 'AWS:x']);
    assert.deepEqual(splitTags(undefined), { user: [], system: [] });
  });
});
