// A NoEcho canary provisioned through the sandbox never comes back in reads of records, products or
// outputs, nor in error messages, redacted form values, anything logged while it is in use, or the
// sandbox's saved state.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { classifyError } from '../../../../src/core/errors';
import { buildProvisioningForm, redactNoEcho } from '../../../../src/core/parameters/index';
import { ProvisioningService } from '../../../../src/aws/provisioningService';
import { fixedPollPolicy, RecordTailer } from '../../../../src/core/records/index';
import type { Sandbox } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { rawRequest, startTestSandbox } from '../../../support/sandbox';
import { extensionApi, settle } from '../../../support/faults';

const DB = SEED.products.legacyDatabase;
const canary = (tag: string) => `Canary${tag}${randomBytes(8).toString('hex')}`; // MasterPassword allows [a-zA-Z0-9]

describe('faults: NoEcho secrets', function () {
  this.timeout(30_000);
  let sandbox: Sandbox | undefined;
  const logged: string[] = [];
  const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  before(() => {
    for (const name of Object.keys(originals) as (keyof typeof originals)[]) {
      console[name] = (...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
        originals[name](...args);
      };
    }
  });
  after(async () => {
    Object.assign(console, originals);
    await sandbox?.stop();
  });

  it('never echoes a NoEcho value', async () => {
    const sandboxLog: string[] = [];
    sandbox = await startTestSandbox({ log: (m) => sandboxLog.push(m) });
    const api = extensionApi(sandbox);
    const provisioning = new ProvisioningService(api.client);
    const internalErrors: string[] = [];
    const secrets = [canary('Provision'), canary('Update'), canary('Plan')];
    try {
      const parameters = await provisioning.describeProvisioningParameters({ productId: DB.id, provisioningArtifactId: DB.versions.v1 });
      const form = buildProvisioningForm(parameters);
      assert.ok(form.fields.some((f) => f.key === 'MasterPassword' && f.noEcho), 'the product has a NoEcho parameter');
      assert.ok(!JSON.stringify(redactNoEcho(form, { MasterPassword: secrets[0], DBInstanceClass: 'db.t3.micro' })).includes(secrets[0]));

      const provisioned = await provisioning.provision({
        ProductId: DB.id, ProvisioningArtifactId: DB.versions.v1, ProvisionedProductName: 'secret-db', ProvisionToken: 'secret-provision',
        ProvisioningParameters: [{ Key: 'MasterPassword', Value: secrets[0] }],
      });
      const tailer = new RecordTailer({
        describeRecord: async (id) => {
          const { detail, outputs } = await api.describeRecord(id);
          return { RecordDetail: detail, RecordOutputs: outputs };
        },
        pollPolicy: fixedPollPolicy(50), onInternalError: (context, error) => internalErrors.push(`${context}: ${String(error)}`),
      });
      const done = await tailer.tail(provisioned.RecordId!, {}, provisioned).final;
      tailer.dispose();
      assert.equal(done.Status, 'SUCCEEDED');
      const id = provisioned.ProvisionedProductId!;

      // This product's updates fail and roll back: the failure text must not carry the new password either.
      const update = await provisioning.update({
        ProvisionedProductId: id, ProvisioningArtifactId: DB.versions.v2, UpdateToken: 'secret-update',
        ProvisioningParameters: [{ Key: 'MasterPassword', Value: secrets[1] }],
      });
      await settle(api, update.RecordId!);
      const plan = await provisioning.createPlan({
        PlanName: 'secret-plan', PlanType: 'CLOUDFORMATION', ProductId: DB.id, ProvisioningArtifactId: DB.versions.v1,
        ProvisionedProductName: 'secret-db-2', IdempotencyToken: 'secret-plan', ProvisioningParameters: [{ Key: 'MasterPassword', Value: secrets[2] }],
      });

      // A value the constraint rejects: the service's error (and our words for it) must not quote it.
      const badSecret = `${canary('Bad')}!`;
      const rejected = await provisioning.provision({
        ProductId: DB.id, ProvisioningArtifactId: DB.versions.v1, ProvisionedProductName: 'secret-db-bad', ProvisionToken: 'secret-bad',
        ProvisioningParameters: [{ Key: 'MasterPassword', Value: badSecret }],
      }).then(() => undefined, (e: unknown) => e);
      assert.ok(rejected, 'an invalid NoEcho value is refused');

      const reads: [string, unknown][] = [
        ['DescribeRecord', { Id: provisioned.RecordId }],
        ['DescribeRecord', { Id: update.RecordId }],
        ['GetProvisionedProductOutputs', { ProvisionedProductId: id }],
        ['DescribeProvisionedProduct', { Id: id }],
        ['SearchProvisionedProducts', { AccessLevelFilter: { Key: 'Account', Value: 'Self' } }],
        ['ScanProvisionedProducts', { AccessLevelFilter: { Key: 'Account', Value: 'Self' } }],
        ['ListRecordHistory', { AccessLevelFilter: { Key: 'Account', Value: 'Self' } }],
        ['DescribeProvisionedProductPlan', { PlanId: plan.PlanId }],
        ['ListProvisionedProductPlans', { AccessLevelFilter: { Key: 'Account', Value: 'Self' } }],
      ];
      const texts: string[] = [];
      for (const [target, body] of reads) {
        // As the administrator: every read, at every level, is searched for the secret.
        const res = await rawRequest(sandbox, { target, body: JSON.stringify(body), persona: 'admin' });
        assert.equal(res.status, 200, `${target}: ${res.text}`);
        texts.push(`${target}: ${res.text}`);
      }
      const error = rejected as Error;
      texts.push(`error: ${error.message}`, `classified: ${classifyError(error).message}`, ...internalErrors, ...logged, ...sandboxLog);
      // The sandbox's own state (what its state file holds) keeps digests, and idempotency fingerprints, only.
      texts.push(`sandbox state: ${JSON.stringify(sandbox.service.snapshot())}`);
      for (const secret of [...secrets, badSecret.slice(0, -1)]) {
        const leak = texts.find((t) => t.includes(secret));
        assert.equal(leak, undefined, `the NoEcho value leaked in: ${leak?.slice(0, 300)}`);
      }
    } finally {
      api.dispose();
    }
  });
});
