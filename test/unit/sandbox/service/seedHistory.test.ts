// The seeded histories read as real ones: failures in the words of the operation that failed, and work
// in flight when the sandbox starts finishing on its timeline.
import assert from 'node:assert/strict';
import * as SC from '@aws-sdk/client-service-catalog';
import { createService, SEED } from '../../../../src/sandbox/service/index';
import type { Sandbox } from '../../../../src/sandbox/index';
import { sdkClient, startTestSandbox } from '../../../support/sandbox';

const PP = SEED.provisionedProducts;
const MINUTE = 60_000;
const TIME_SCALE = 5; // the extension's default

describe('seed history', () => {
  let now = Date.UTC(2025, 0, 15, 12);
  let sandbox: Sandbox;
  let client: SC.ServiceCatalogClient;
  const history = async (ppId: string) => (await client.send(new SC.ListRecordHistoryCommand({ SearchFilter: { Key: 'provisionedproduct', Value: ppId } }))).RecordDetails!;
  const pp = async (id: string) => (await client.send(new SC.DescribeProvisionedProductCommand({ Id: id }))).ProvisionedProductDetail!;

  before(async () => {
    sandbox = await startTestSandbox({ service: createService({ timeScale: TIME_SCALE, generatedProducts: 0, clock: { now: () => now } }) });
    client = sdkClient(sandbox);
  });
  after(() => sandbox.stop());

  it('words a failed update as CloudFormation does an update that rolled back, not a create', async () => {
    const update = (await history(PP.billingDb.id)).find((r) => r.RecordType === 'UPDATE_PROVISIONED_PRODUCT')!;
    assert.equal(update.Status, 'FAILED');
    const errors = (await client.send(new SC.DescribeRecordCommand({ Id: update.RecordId }))).RecordDetail!.RecordErrors!;
    assert.equal(errors[0].Code, 'UPDATE_ROLLBACK_COMPLETE');
    assert.match(errors[0].Description!, /Database UPDATE_FAILED; stack rolled back\.$/);
    assert.doesNotMatch(errors[0].Description!, /create/);
    assert.equal((await pp(PP.billingDb.id)).Status, 'TAINTED');
  });

  it('keeps inventory-service under change for a while, then finishes its update like any other record', async () => {
    assert.equal((await pp(PP.inventoryService.id)).Status, 'UNDER_CHANGE');
    now += 12 * MINUTE; // longer than the integration suite runs
    assert.equal((await pp(PP.inventoryService.id)).Status, 'UNDER_CHANGE', 'still under change while the tests of a busy product run');
    now += 20 * MINUTE; // 160 virtual minutes after the update started
    const detail = await pp(PP.inventoryService.id);
    assert.equal(detail.Status, 'AVAILABLE');
    assert.equal(detail.ProvisioningArtifactId, SEED.products.containerService.versions.v3);
    const [latest] = await history(PP.inventoryService.id);
    assert.equal(latest.RecordType, 'UPDATE_PROVISIONED_PRODUCT');
    assert.equal(latest.Status, 'SUCCEEDED');
  });
});
