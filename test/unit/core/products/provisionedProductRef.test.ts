// One builder for what a form knows of its provisioned product, from a tree row, a detail, a typed id
// or a restored page.
import { strict as assert } from 'node:assert';
import { provisionedProductRef } from '../../../../src/core/products/provisionedProductRef';

describe('provisionedProductRef', () => {
  it('from a tree row: ids, names, status and type; nothing empty', () => {
    assert.deepEqual(
      provisionedProductRef({
        Id: 'pp-1', Name: 'orders', Status: 'AVAILABLE', Type: 'CFN_STACK', ProductId: 'prod-1', ProductName: 'Container service',
        ProvisioningArtifactId: 'pa-2', ProvisioningArtifactName: 'v2', Arn: 'arn:x', StatusMessage: '',
      } as Parameters<typeof provisionedProductRef>[0]),
      { id: 'pp-1', name: 'orders', status: 'AVAILABLE', type: 'CFN_STACK', productId: 'prod-1', productName: 'Container service', provisioningArtifactId: 'pa-2', provisioningArtifactName: 'v2' },
    );
    assert.deepEqual(provisionedProductRef({ Id: 'pp-1', Name: 'orders', Status: '' }), { id: 'pp-1', name: 'orders' });
  });

  it('from an id alone, the name is the id', () => {
    assert.deepEqual(provisionedProductRef({ Id: 'pp-9' }), { id: 'pp-9', name: 'pp-9' });
    assert.deepEqual(provisionedProductRef({}), { id: '', name: '?' });
  });

  it('a detail over what was known: its facts win, names stay only while their ids do', () => {
    const known = { id: 'pp-1', name: 'orders', status: 'UNDER_CHANGE', productId: 'prod-1', productName: 'Container service', provisioningArtifactId: 'pa-1', provisioningArtifactName: 'v1' };
    const sameVersion = provisionedProductRef({ Id: 'pp-1', Name: 'orders-renamed', Status: 'AVAILABLE', ProductId: 'prod-1', ProvisioningArtifactId: 'pa-1' }, known);
    assert.deepEqual(sameVersion, { ...known, name: 'orders-renamed', status: 'AVAILABLE' });
    const newVersion = provisionedProductRef({ Id: 'pp-1', Status: 'AVAILABLE', ProductId: 'prod-1', ProvisioningArtifactId: 'pa-3' }, known);
    assert.equal(newVersion.provisioningArtifactId, 'pa-3');
    assert.equal(newVersion.provisioningArtifactName, undefined, 'v1 is not the name of pa-3');
    assert.equal(newVersion.productName, 'Container service');
    assert.equal(newVersion.name, 'orders', 'a detail without a name keeps the known one');
  });
});
