// Owner transfer (UpdateProvisionedProductProperties OWNER), as DescribeRecord's documentation states
// it: the new owner can describe all past records of the product; the previous owner can no longer
// describe them or act on the product, but ListRecordHistory still shows them the records from their
// time as owner.
import * as assert from 'node:assert/strict';
import * as SC from '@aws-sdk/client-service-catalog';
import { SANDBOX_COLLEAGUE, SANDBOX_USER, type Sandbox } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { caught, sdkClient, startTestSandbox } from '../../../support/sandbox';

const WEB = SEED.products.staticWebsite;

describe('owner transfer (SDK over HTTP)', function () {
  this.timeout(30_000);
  let sandbox: Sandbox;
  let user: SC.ServiceCatalogClient;
  let colleague: SC.ServiceCatalogClient;
  let admin: SC.ServiceCatalogClient;
  let tokens = 0;
  const token = () => `transfer-${++tokens}`;

  before(async () => {
    sandbox = await startTestSandbox();
    user = sdkClient(sandbox);
    colleague = sdkClient(sandbox, { persona: 'other' });
    admin = sdkClient(sandbox, { persona: 'admin' });
  });
  after(() => sandbox.stop());

  const settled = async (who: SC.ServiceCatalogClient, recordId: string) => {
    for (let i = 0; i < 200; i++) {
      const { RecordDetail } = await who.send(new SC.DescribeRecordCommand({ Id: recordId }));
      if (RecordDetail!.Status === 'SUCCEEDED' || RecordDetail!.Status === 'FAILED') return RecordDetail!;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`record ${recordId} did not settle`);
  };
  const historyIds = async (who: SC.ServiceCatalogClient, ppId: string) =>
    ((await who.send(new SC.ListRecordHistoryCommand({ SearchFilter: { Key: 'provisionedproduct', Value: ppId } }))).RecordDetails ?? []).map((r) => r.RecordId!);

  it('moves the product and all its records to the new owner; the previous one keeps only their own history', async () => {
    const launched = await user.send(new SC.ProvisionProductCommand({
      ProductId: WEB.id, ProvisioningArtifactId: WEB.versions.v20, PathId: SEED.portfolios.platform.pathId, ProvisionedProductName: 'handed-over-site',
      ProvisionToken: token(), ProvisioningParameters: [{ Key: 'BucketName', Value: 'handed-over-site' }],
    }));
    const ppId = launched.RecordDetail!.ProvisionedProductId!;
    const provision = (await settled(user, launched.RecordDetail!.RecordId!)).RecordId!;
    const updated = await user.send(new SC.UpdateProvisionedProductCommand({
      ProvisionedProductId: ppId, UpdateToken: token(), ProvisioningParameters: [{ Key: 'BucketName', UsePreviousValue: true }, { Key: 'CacheTtlSeconds', Value: '60' }],
    }));
    const update = (await settled(user, updated.RecordDetail!.RecordId!)).RecordId!;

    const transfer = await admin.send(new SC.UpdateProvisionedProductPropertiesCommand({
      ProvisionedProductId: ppId, ProvisionedProductProperties: { OWNER: SANDBOX_COLLEAGUE.arn }, IdempotencyToken: token(),
    }));
    await settled(admin, transfer.RecordId!);

    // The new owner: the product, and every past record of it, the previous owner's included.
    const detail = await colleague.send(new SC.DescribeProvisionedProductCommand({ Id: ppId }));
    assert.equal(detail.ProvisionedProductDetail!.Id, ppId);
    for (const recordId of [provision, update, transfer.RecordId!]) {
      const { RecordDetail } = await colleague.send(new SC.DescribeRecordCommand({ Id: recordId }));
      assert.equal(RecordDetail!.RecordId, recordId);
    }
    const later = await colleague.send(new SC.UpdateProvisionedProductCommand({
      ProvisionedProductId: ppId, UpdateToken: token(), ProvisioningParameters: [{ Key: 'BucketName', UsePreviousValue: true }, { Key: 'CacheTtlSeconds', Value: '120' }],
    }));
    const colleagueUpdate = (await settled(colleague, later.RecordDetail!.RecordId!)).RecordId!;
    const theirs = await historyIds(colleague, ppId);
    for (const recordId of [provision, update, transfer.RecordId!, colleagueUpdate]) assert.ok(theirs.includes(recordId), `the new owner lists ${recordId}`);
    const scanned = await colleague.send(new SC.ScanProvisionedProductsCommand({ PageSize: 20 }));
    const allTheirs = [...(scanned.ProvisionedProducts ?? [])];
    for (let page = scanned.NextPageToken; page;) {
      const next = await colleague.send(new SC.ScanProvisionedProductsCommand({ PageSize: 20, PageToken: page }));
      allTheirs.push(...(next.ProvisionedProducts ?? []));
      page = next.NextPageToken;
    }
    assert.ok(allTheirs.some((pp) => pp.Id === ppId), "among the new owner's provisioned products");

    // The previous owner: no record of it to describe, nothing to do on it, their own history still listed.
    for (const recordId of [provision, update, colleagueUpdate]) {
      const err = await caught(() => user.send(new SC.DescribeRecordCommand({ Id: recordId })));
      assert.equal(err.name, 'AccessDeniedException', recordId);
      assert.match(err.message, new RegExp(`^User: ${SANDBOX_USER.arn} is not authorized to perform: servicecatalog:DescribeRecord `));
    }
    for (const command of [
      new SC.DescribeProvisionedProductCommand({ Id: ppId }),
      new SC.TerminateProvisionedProductCommand({ ProvisionedProductId: ppId, TerminateToken: token() }),
      new SC.UpdateProvisionedProductCommand({ ProvisionedProductId: ppId, UpdateToken: token() }),
    ]) {
      assert.equal((await caught(() => user.send(command as any))).name, 'AccessDeniedException');
    }
    const mine = await historyIds(user, ppId);
    assert.ok(mine.includes(provision) && mine.includes(update), 'the records from their time as owner');
    assert.ok(!mine.includes(colleagueUpdate), "not the new owner's");
    const search = await user.send(new SC.SearchProvisionedProductsCommand({ AccessLevelFilter: { Key: 'User', Value: 'self' }, Filters: { SearchQuery: [`id:${ppId}`] } }));
    assert.equal(search.TotalResultsCount, 0, 'no longer among their provisioned products');
  });

  it("lists a plan to its product's current owner, the one IAM lets describe, execute and delete it", async () => {
    const launched = await user.send(new SC.ProvisionProductCommand({
      ProductId: WEB.id, ProvisioningArtifactId: WEB.versions.v11, PathId: SEED.portfolios.platform.pathId, ProvisionedProductName: 'planned-handover',
      ProvisionToken: token(), ProvisioningParameters: [{ Key: 'BucketName', Value: 'planned-handover' }],
    }));
    const ppId = launched.RecordDetail!.ProvisionedProductId!;
    await settled(user, launched.RecordDetail!.RecordId!);
    const { PlanId } = await user.send(new SC.CreateProvisionedProductPlanCommand({
      PlanName: 'to-v2', PlanType: 'CLOUDFORMATION', ProductId: WEB.id, ProvisionedProductName: 'planned-handover', PathId: SEED.portfolios.platform.pathId,
      ProvisioningArtifactId: WEB.versions.v20, IdempotencyToken: token(),
    }));
    const listedTo = async (who: SC.ServiceCatalogClient) =>
      ((await who.send(new SC.ListProvisionedProductPlansCommand({ ProvisionProductId: ppId }))).ProvisionedProductPlans ?? []).map((p) => p.PlanId);
    assert.deepEqual(await listedTo(user), [PlanId]);
    for (let i = 0; i < 200 && (await admin.send(new SC.DescribeProvisionedProductCommand({ Id: ppId }))).ProvisionedProductDetail!.Status !== 'AVAILABLE'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const transfer = await admin.send(new SC.UpdateProvisionedProductPropertiesCommand({
      ProvisionedProductId: ppId, ProvisionedProductProperties: { OWNER: SANDBOX_COLLEAGUE.arn }, IdempotencyToken: token(),
    }));
    await settled(admin, transfer.RecordId!);

    assert.deepEqual(await listedTo(colleague), [PlanId], 'the new owner lists the plan');
    await colleague.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId }));
    assert.deepEqual(await listedTo(user), [], 'the creator, no longer the owner, does not');
    assert.equal((await caught(() => user.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId })))).name, 'AccessDeniedException');
  });
});
