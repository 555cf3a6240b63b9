import { strict as assert } from 'node:assert';
import { productCapabilities, productContextValue } from '../../../src/tree/capabilities';

describe('provisioned product capabilities', () => {
  it('allows every action on an AVAILABLE product', () => {
    assert.equal(
      productContextValue({ Status: 'AVAILABLE', Type: 'CFN_STACK', Arn: 'arn:x' }),
      'provisionedProduct;status-AVAILABLE;type-CFN_STACK;canUpdate;canTerminate;canChangeProperties;canPlan;canRunAction;hasArn',
    );
  });

  it('allows nothing that changes a product while it is busy', () => {
    for (const Status of ['UNDER_CHANGE', 'PLAN_IN_PROGRESS']) {
      const caps = productCapabilities({ Status });
      assert.deepEqual(caps.filter((c) => c !== 'hasArn'), [], Status);
    }
  });

  it('lets a failed product be updated or terminated but not run actions when in ERROR', () => {
    const caps = productCapabilities({ Status: 'ERROR' });
    assert.ok(caps.includes('canUpdate') && caps.includes('canTerminate'));
    assert.ok(!caps.includes('canRunAction'));
    assert.ok(productCapabilities({ Status: 'TAINTED' }).includes('canRunAction'));
  });
});
