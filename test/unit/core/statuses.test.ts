// Every status fact in one module: the sets cover the model's statuses exactly, terminal means
// terminal everywhere, and every status has one icon and colour.
import { strict as assert } from 'node:assert';
import model from '../../../src/sandbox/model/servicecatalog.json';
import {
  BUSY_PRODUCT_STATUSES, SETTLED_PLAN_STATUSES, SETTLED_PRODUCT_STATUSES, TERMINAL_RECORD_STATUSES,
  iconId, isHealthyProductStatus, isRecordSucceeded, isTerminalRecordStatus, isTerminationEnd, productStatusIcon, recordStatusIcon,
} from '../../../src/core/statuses';
import { productCapabilities } from '../../../src/core/products/capabilities';

const enumOf = (shape: string): string[] => (model.shapes as Record<string, { enum?: string[] }>)[shape].enum!;

describe('statuses: one module', () => {
  it('names the statuses other modules ask about: success, a terminated product, a healthy one', () => {
    assert.deepEqual(enumOf('RecordStatus').filter(isRecordSucceeded), ['SUCCEEDED']);
    assert.deepEqual(enumOf('ProvisionedProductStatus').filter(isHealthyProductStatus), ['AVAILABLE']);
    assert.equal(isTerminationEnd({ RecordType: 'TERMINATE_PROVISIONED_PRODUCT', Status: 'SUCCEEDED' }), true);
    assert.equal(isTerminationEnd({ RecordType: 'TERMINATE_PROVISIONED_PRODUCT', Status: 'FAILED' }), false);
    assert.equal(isTerminationEnd({ RecordType: 'UPDATE_PROVISIONED_PRODUCT', Status: 'SUCCEEDED' }), false);
  });

  it('a provisioned product is either busy or settled, for every status the model has', () => {
    const all = enumOf('ProvisionedProductStatus');
    for (const status of all) assert.ok(BUSY_PRODUCT_STATUSES.has(status) !== SETTLED_PRODUCT_STATUSES.has(status), status);
    assert.deepEqual([...BUSY_PRODUCT_STATUSES, ...SETTLED_PRODUCT_STATUSES].sort(), [...all].sort());
  });

  it('settled products are the ones that can be updated and terminated', () => {
    for (const status of enumOf('ProvisionedProductStatus')) {
      assert.equal(productCapabilities({ Status: status }).includes('canUpdate'), SETTLED_PRODUCT_STATUSES.has(status), status);
    }
  });

  it('terminal record statuses: SUCCEEDED and FAILED, out of the model\'s', () => {
    assert.deepEqual([...TERMINAL_RECORD_STATUSES].sort(), ['FAILED', 'SUCCEEDED']);
    for (const status of enumOf('RecordStatus')) assert.equal(isTerminalRecordStatus(status), TERMINAL_RECORD_STATUSES.has(status), status);
    assert.equal(isTerminalRecordStatus(undefined), false);
    for (const status of SETTLED_PLAN_STATUSES) assert.ok(enumOf('ProvisionedProductPlanStatus').includes(status), status);
  });

  it('every status has its own icon; an unknown one (or `constructor`) gets the question mark', () => {
    for (const status of enumOf('ProvisionedProductStatus')) assert.notEqual(productStatusIcon(status).codicon, 'question', status);
    for (const status of enumOf('RecordStatus')) assert.notEqual(recordStatusIcon(status).codicon, 'question', status);
    for (const odd of [undefined, '', 'NEW_STATUS', 'constructor', '__proto__']) {
      assert.equal(productStatusIcon(odd).codicon, 'question', String(odd));
      assert.equal(recordStatusIcon(odd).codicon, 'question', String(odd));
    }
  });

  it('busy products and running records spin; nothing settled does', () => {
    for (const status of enumOf('ProvisionedProductStatus')) assert.equal(iconId(productStatusIcon(status)).endsWith('~spin'), BUSY_PRODUCT_STATUSES.has(status), status);
    for (const status of enumOf('RecordStatus')) {
      const spins = iconId(recordStatusIcon(status)).endsWith('~spin');
      assert.ok(!(spins && isTerminalRecordStatus(status)), status);
    }
    assert.equal(iconId(productStatusIcon('UNDER_CHANGE')), 'sync~spin');
    assert.equal(iconId(productStatusIcon('AVAILABLE')), 'pass-filled');
  });
});
