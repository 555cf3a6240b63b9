// Every pager of the AWS layer against a service that always returns a NextPageToken: each stops (the
// service fails the test if a pager runs away) with the items it read, says it is incomplete, and says
// where to go on. paging.test.ts checks that the stop is MAX_PAGES.
import { strict as assert } from 'node:assert';
import type { Listed } from '../../../src/core/paging';
import { ProvisioningService } from '../../../src/aws/provisioningService';
import { endlessService } from '../../support/endlessService';

describe('every catalog pager against a service that always has a next page', () => {
  const pagers: [string, (s: ReturnType<typeof endlessService>) => Promise<Listed<unknown>>][] = [
    ['SearchProvisionedProducts', ({ api }) => api.listProvisionedProducts()],
    ['ListRecordHistory (a product)', ({ api }) => api.listRecordsOfProvisionedProduct('pp-1')],
    ['ListRecordHistory (recent)', ({ api }) => api.listRecentRecords(Infinity)],
    ['GetProvisionedProductOutputs', ({ api }) => api.getProvisionedProductOutputs('pp-1')],
    ['DescribeRecord outputs', async ({ api }) => (await api.describeRecord('rec-1')).outputs],
    ['ListLaunchPaths', ({ api }) => new ProvisioningService(api.client).listLaunchPaths('prod-1')],
    ['SearchProducts (every product, for the catalog cache)', ({ api }) => new ProvisioningService(api.client).listProducts()],
    ['DescribeProvisionedProductPlan changes', async ({ api }) => (await new ProvisioningService(api.client).describePlan('plan-1')).resourceChanges],
    ['ListProvisionedProductPlans', ({ api }) => new ProvisioningService(api.client).listPlans('pp-1')],
    ['ListServiceActionsForProvisioningArtifact', ({ api }) => new ProvisioningService(api.client).listServiceActions('prod-1', 'pa-1')],
  ];
  for (const [operation, list] of pagers) {
    it(`${operation}: stops with what it read, marked incomplete`, async () => {
      const service = endlessService();
      const listed = await list(service);
      service.api.dispose();
      const pages = service.calls.length;
      assert.equal(listed.length, pages, 'every page read is kept');
      assert.equal(listed.incomplete, true);
      assert.equal(listed.nextToken, `page-${pages}`, 'where to go on');
    });
  }

  it('ScanProvisionedProducts: stops', async () => {
    const service = endlessService();
    let seen = 0;
    const pages = await service.api.scanProvisionedProducts((details) => void (seen += details.length));
    service.api.dispose();
    assert.deepEqual([seen, service.calls.length], [pages, pages]);
  });

  it('record history goes on from the token where a batch stopped', async () => {
    const service = endlessService();
    const first = await service.api.listRecordsOfProvisionedProduct('pp-1');
    const next = await service.api.listRecordsOfProvisionedProduct('pp-1', Infinity, first.nextToken);
    service.api.dispose();
    assert.equal(service.calls[first.length]?.pageToken, first.nextToken);
    assert.equal(next.length, first.length);
    assert.equal(next[0].RecordId, `rec-${first.length + 1}`);
  });
});
