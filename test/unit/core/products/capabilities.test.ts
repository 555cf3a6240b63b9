import { strict as assert } from 'node:assert';
import { productCapabilities, productContextValue } from '../../../../src/core/products/capabilities';

describe('provisioned product capabilities', () => {
  it('allows every action on an AVAILABLE product', () => {
    assert.equal(
      productContextValue({ Status: 'AVAILABLE', Type: 'CFN_STACK', Arn: 'arn:x' }),
      'provisionedProduct;status-AVAILABLE;type-CFN_STACK;canUpdate;canTerminate;canChangeProperties;canPlan;canRunAction',
    );
  });

  it('allows nothing that changes a product while it is under change', () => {
    assert.deepEqual(productCapabilities({ Status: 'UNDER_CHANGE', Arn: 'arn:x' }), []);
  });

  it('offers only its plans (execute or delete) while a plan is in progress', () => {
    assert.deepEqual(productCapabilities({ Status: 'PLAN_IN_PROGRESS' }), ['canPlan']);
  });

  it('lets a failed product be updated or terminated but not run actions when in ERROR', () => {
    const caps = productCapabilities({ Status: 'ERROR' });
    assert.ok(caps.includes('canUpdate') && caps.includes('canTerminate'));
    assert.ok(!caps.includes('canRunAction'));
    assert.ok(productCapabilities({ Status: 'TAINTED' }).includes('canRunAction'));
  });
});
