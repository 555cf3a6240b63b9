// A provisioned product's "Recent records" in the tree: RECORDS_UNDER_A_PRODUCT of its newest, a
// number of its own (Look Up Record offers RECENT_RECORDS_IN_LOOK_UP of every product's).
import { fakeVscode } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import type { CatalogApi } from '../../../src/aws/catalogApi';
import { ProductNode, RecordNode, RECORDS_UNDER_A_PRODUCT, statusLead, TagNode, TagsNode } from '../../../src/products/nodes';
import { formatClock } from '../../../src/core/localTime';
import { RECENT_RECORDS_IN_LOOK_UP } from '../../../src/records/recordCommands';
import { RECORD_OUTPUTS_EXPLANATION } from '../../../src/core/products/outputSource';

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

describe("a product row's first words", () => {
  const now = new Date(2026, 11, 1, 14, 5);
  const operation = { recordId: 'rec-1', provisionedProductId: 'pp-1', recordType: 'UPDATE_PROVISIONED_PRODUCT', createdTime: new Date(2026, 11, 1, 14, 2) };

  it('give the status when it needs attention, and nothing for AVAILABLE', () => {
    assert.equal(statusLead({ Status: 'ERROR' }, undefined, undefined, now), 'Error');
    assert.equal(statusLead({ Status: 'TAINTED' }, undefined, undefined, now), 'Tainted');
    assert.equal(statusLead({ Status: 'UNDER_CHANGE' }, undefined, undefined, now), 'Under change');
    assert.equal(statusLead({ Status: 'PLAN_IN_PROGRESS' }, undefined, undefined, now), 'Plan in progress');
    assert.equal(statusLead({ Status: 'AVAILABLE' }, undefined, undefined, now), undefined);
  });

  it('give the operation its last record names while the product is busy, else the one started here', () => {
    assert.equal(statusLead({ Status: 'UNDER_CHANGE' }, operation, 'Updating…', now), `Updating since ${formatClock(operation.createdTime, now)}`);
    assert.equal(statusLead({ Status: 'AVAILABLE' }, operation, undefined, now), undefined, 'settled: the record is history');
    assert.equal(statusLead({ Status: 'AVAILABLE' }, undefined, 'Terminating…', now), 'Terminating…');
  });
});

describe('the tags of a product in the tree', () => {
  const tags = [{ Key: 'CostCenter', Value: 'cc-1001' }, { Key: 'aws:servicecatalog:productArn', Value: 'arn:x' }];

  it('shows the listed tags, the aws: ones in a folder of their own, without a call', async () => {
    const api = { listProvisionedProducts: async () => assert.fail('no call while the listed tags are current') } as unknown as CatalogApi;
    const product = new ProductNode({ Id: 'pp-1', Name: 'orders', Status: 'AVAILABLE', Tags: tags });
    const children = await new TagsNode(product).children(api);
    assert.deepEqual(children.map((c) => c.id), ['pp/pp-1/tags/CostCenter', 'pp/pp-1/tags/aws']);
    assert.equal((children[0] as TagNode).copyValue, 'cc-1001');
    const system = await children[1].children(api);
    assert.deepEqual(system.map((c) => (c as TagNode).tag.Key), ['aws:servicecatalog:productArn']);
  });

  it('shows a tag as the service gave it, on one line: the tree renders no $(icon), so nothing is escaped', () => {
    const realTreeItem = fakeVscode.TreeItem;
    fakeVscode.TreeItem = class {
      constructor(readonly label: string) {}
    };
    try {
      const product = new ProductNode({ Id: 'pp-1', Name: 'orders', Status: 'AVAILABLE' });
      const item = new TagNode(product.id, { Key: '$(alert)Owner\u202e', Value: '$(alert) on-call\nteam' }).toTreeItem() as unknown as { label: string; description: string };
      assert.equal(item.label, '$(alert)Owner', 'no control characters, no backslash before $(');
      assert.equal(item.description, '$(alert) on-call team', 'one line, shown as written');
    } finally {
      fakeVscode.TreeItem = realTreeItem;
    }
  });

  it('reads them again from SearchProvisionedProducts once an operation ran since the listing', async () => {
    const asked: (string | undefined)[] = [];
    const api = {
      listProvisionedProducts: async (options: { query?: string }) => (asked.push(options.query), [{ Id: 'pp-1', Tags: [{ Key: 'Team', Value: 'b' }] }]),
    } as unknown as CatalogApi;
    const product = new ProductNode({ Id: 'pp-1', Name: 'orders', Status: 'AVAILABLE', Tags: tags, tagsOutdated: true });
    const children = await new TagsNode(product).children(api);
    assert.deepEqual(asked, ['id:pp-1']);
    assert.deepEqual(children.map((c) => c.id), ['pp/pp-1/tags/Team']);
    assert.equal(product.row.tagsOutdated, false);
    assert.deepEqual(product.row.Tags, [{ Key: 'Team', Value: 'b' }]);
  });
});

describe('outputs under a product in the tree', () => {
  it('explains, on the "From record …" line, why the outputs are a record\'s', async () => {
    const api = {
      describeProvisionedProduct: async () => ({ Id: 'pp-1', Name: 'orders' }),
      outputsOf: async () => ({ outputs: [{ OutputKey: 'Url', OutputValue: 'https://example.com' }], source: { kind: 'record', recordId: 'rec-1' } }),
    } as unknown as CatalogApi;
    const children = await new ProductNode({ Id: 'pp-1', Name: 'orders', Status: 'AVAILABLE' }).children(api);
    const outputs = children.find((node) => node.id === 'pp/pp-1/outputs');
    assert.ok(outputs, 'the product has an outputs node');
    const [source] = await outputs.children(api);
    const item = source.toTreeItem();
    assert.equal(source.id, 'pp/pp-1/outputs/source');
    assert.equal(item.tooltip, RECORD_OUTPUTS_EXPLANATION);
  });
});
