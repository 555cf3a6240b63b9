// The product picker's view of SearchProducts: the catalog admin's text (name, owner, description,
// distributor) is untrusted: the page shows it as DOM text, so it goes whole, only without control and bidi characters.
import * as assert from 'node:assert/strict';
import { productChoice } from '../../../src/provisioning/views';

describe('productChoice', () => {
  it('carries the name, description, owner and distributor whole and as written, without control or bidi characters', () => {
    const long = `Site ${'x'.repeat(400)}`;
    const choice = productChoice({
      ProductId: 'prod-1', Name: 'Site $(alert) [run](command:x) <b>', Owner: 'Platform\u202eTeam', ShortDescription: `Line one\nline two ${long}`, Distributor: 'Ops $(zap)\u200b', Type: 'CLOUD_FORMATION_TEMPLATE',
    });
    assert.deepEqual(choice, {
      productId: 'prod-1', name: 'Site $(alert) [run](command:x) <b>', owner: 'PlatformTeam', description: `Line one line two ${long}`, distributor: 'Ops $(zap)', type: 'CLOUD_FORMATION_TEMPLATE',
    });
  });

  it('leaves out what the summary does not give', () => {
    assert.deepEqual(productChoice({ ProductId: 'prod-2' }), { productId: 'prod-2', name: 'prod-2' });
  });
});
