// What an ordinary end user (AWSServiceCatalogEndUserFullAccess) can read: versions come from
// DescribeProduct, and outputs from the last successful provisioning record when
// GetProvisionedProductOutputs is refused; through the real SDK against the sandbox, which refuses the
// end user what IAM refuses AWSServiceCatalogEndUserFullAccess.
import * as assert from 'node:assert/strict';
import { CatalogApi } from '../../../src/aws/catalogApi';
import { ProvisioningService } from '../../../src/aws/provisioningService';
import type { Sandbox } from '../../../src/sandbox/index';
import { SEED } from '../../../src/sandbox/service/index';
import { startTestSandbox } from '../../support/sandbox';
import { extensionApi } from '../../support/faults';

const WEB = SEED.provisionedProducts.webMarketingSite.id;

describe('end-user reads', function () {
  this.timeout(20_000);
  let sandbox: Sandbox;
  before(async () => (sandbox = await startTestSandbox()));
  after(() => sandbox.stop());

  it('lists versions with DescribeProduct only: active ones, unnamed ones with what the service gives', async () => {
    const api = extensionApi(sandbox);
    try {
      const versions = await new ProvisioningService(api.client).listVersions(SEED.products.containerService.id);
      const ids = versions.map((v) => v.Id).sort();
      assert.deepEqual(ids, [SEED.products.containerService.versions.v2, SEED.products.containerService.versions.v3].sort(), 'v1 is inactive');
      assert.deepEqual(Object.keys(api.calls.byOperation), ['DescribeProduct']);
    } finally {
      api.dispose();
    }
  });

  it('reads current outputs where GetProvisionedProductOutputs is allowed (the admin)', async () => {
    const api = new CatalogApi(
      { kind: 'sandbox', endpoint: sandbox.endpoint, region: sandbox.region, ...sandbox.credentialsOf('admin') },
      { accessLevel: 'Account', language: 'en' },
    );
    try {
      const { outputs, source } = await api.outputsOf({ Id: WEB });
      assert.equal(source.kind, 'current');
      assert.ok(outputs.length > 0);
    } finally {
      api.dispose();
    }
  });

  it('falls back to the last successful provisioning record when denied, and asks once per connection', async () => {
    const api = extensionApi(sandbox);
    try {
      const detail = await api.describeProvisionedProduct(WEB);
      assert.ok(detail.LastSuccessfulProvisioningRecordId);
      const first = await api.outputsOf(detail);
      assert.deepEqual(first.source.kind, 'record');
      assert.equal(first.source.kind === 'record' && first.source.recordId, detail.LastSuccessfulProvisioningRecordId);
      assert.ok(first.source.kind === 'record' && first.source.time instanceof Date);
      const { outputs: fromRecord } = await api.describeRecord(detail.LastSuccessfulProvisioningRecordId);
      assert.deepEqual(first.outputs.map((o) => o.OutputKey), fromRecord.map((o) => o.OutputKey));
      assert.ok(first.outputs.length > 0);
      await api.outputsOf({ Id: SEED.provisionedProducts.ordersService.id });
      assert.equal(api.calls.byOperation.GetProvisionedProductOutputs, 1, 'asked once; the denial is remembered for the connection');
    } finally {
      api.dispose();
    }
  });

  it('remembers no denial of outputs for the connection when the refusal does not name GetProvisionedProductOutputs', async () => {
    const api = extensionApi(sandbox);
    let refused = 0;
    api.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'GetProvisionedProductOutputsCommand') return next(args);
        refused++;
        throw Object.assign(new Error('Access denied by a resource-based policy'), { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
      },
      { step: 'initialize', name: 'unnamedDenial' },
    );
    try {
      const first = await api.outputsOf(await api.describeProvisionedProduct(WEB));
      assert.equal(first.source.kind, 'record', 'this product\'s outputs still come from its record');
      await api.outputsOf({ Id: SEED.provisionedProducts.ordersService.id });
      assert.equal(refused, 2, 'the next product asks for its current outputs again');
    } finally {
      api.dispose();
    }
  });

  it('without LastSuccessfulProvisioningRecordId (old products) finds the newest succeeded provision or update in the history', async () => {
    const api = extensionApi(sandbox);
    try {
      const old = await api.describeProvisionedProduct(SEED.provisionedProducts.reportingDb2018.id);
      assert.equal(old.LastSuccessfulProvisioningRecordId, undefined, 'the seed\'s old product lacks it');
      const { source, outputs } = await api.outputsOf(old);
      assert.equal(source.kind, 'record');
      const records = await api.listRecordsOfProvisionedProduct(old.Id!);
      const succeeded = records.filter((r) => r.Status === 'SUCCEEDED' && /^(PROVISION_PRODUCT|UPDATE_PROVISIONED_PRODUCT)$/.test(r.RecordType ?? ''));
      assert.ok(succeeded.some((r) => source.kind === 'record' && r.RecordId === source.recordId));
      assert.ok(Array.isArray(outputs));
      assert.ok((api.calls.byOperation.ListRecordHistory ?? 0) >= 1);
    } finally {
      api.dispose();
    }
  });

  it('says when no successful provisioning record is found, inventing no outputs', async () => {
    const api = extensionApi(sandbox);
    try {
      const { outputs, source } = await api.outputsOf({ Id: SEED.provisionedProducts.analyticsCluster.id });
      assert.equal(source.kind, 'noRecord');
      assert.equal(outputs.length, 0);
    } finally {
      api.dispose();
    }
  });
});
