// The product picker's view of SearchProducts: the catalog admin's text (name, owner, description,
// distributor) is untrusted and shown inert.
import * as assert from 'node:assert/strict';
import { productChoice } from '../../../src/provisioning/views';

describe('productChoice', () => {
  it('carries the description, owner and distributor, each inert', () => {
    const choice = productChoice({
      ProductId: 'prod-1', Name: 'Site $(alert)', Owner: 'Platform\u202eTeam', ShortDescription: 'Line one\nline two', Distributor: 'Ops $(zap)', Type: 'CLOUD_FORMATION_TEMPLATE',
    });
    assert.deepEqual(choice, {
      productId: 'prod-1', name: 'Site \\$(alert)', owner: 'PlatformTeam', description: 'Line one line two', distributor: 'Ops \\$(zap)', type: 'CLOUD_FORMATION_TEMPLATE',
    });
  });

  it('leaves out what the summary does not give', () => {
    assert.deepEqual(productChoice({ ProductId: 'prod-2' }), { productId: 'prod-2', name: 'prod-2' });
  });
});
