// A provisioned product's "Recent records" in the tree: RECORDS_UNDER_A_PRODUCT of its newest, a
// number of its own (Look Up Record offers RECENT_RECORDS_IN_LOOK_UP of every product's).
import '../../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import type { CatalogApi } from '../../../src/aws/catalogApi';
import { ProductNode, RecordNode, RECORDS_UNDER_A_PRODUCT } from '../../../src/products/nodes';
import { RECENT_RECORDS_IN_LOOK_UP } from '../../../src/records/recordCommands';

describe('records under a product in the tree', () => {
  it('reads RECORDS_UNDER_A_PRODUCT of its records, one node each', async () => {
    const asked: [string, number | undefined][] = [];
    const api = {
      describeProvisionedProduct: async () => ({ Id: 'pp-1', Name: 'orders' }),
      listRecordsOfProvisionedProduct: async (id: string, limit?: number) => {
        asked.push([id, limit]);
        return Array.from({ length: limit ?? 0 }, (_, i) => ({ RecordId: `rec-${i}`, Status: 'SUCCEEDED' }));
      },
    } as unknown as CatalogApi;
    const children = await new ProductNode({ Id: 'pp-1', Name: 'orders', Status: 'AVAILABLE' }).children(api);
    const records = children.find((node) => node.id === 'pp/pp-1/records');
    assert.ok(records, 'the product has a records node');
    const nodes = await records.children(api);
    assert.deepEqual(asked, [['pp-1', RECORDS_UNDER_A_PRODUCT]]);
    assert.equal(nodes.filter((node) => node instanceof RecordNode).length, RECORDS_UNDER_A_PRODUCT);
  });

  it('is a different number, with a different name, from what Look Up Record offers', () => {
    assert.deepEqual([RECORDS_UNDER_A_PRODUCT, RECENT_RECORDS_IN_LOOK_UP], [10, 60]);
  });
});
