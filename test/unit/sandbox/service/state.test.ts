// Ids that name members of Object.prototype (`__proto__`, `constructor`, …) are ids like any other:
// unknown ones are answered as AWS answers unknown ids, and nothing reaches Object.prototype, which
// the sandbox shares with every extension in the host. Signed calls over the wire, a real catalog.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as SC from '@aws-sdk/client-service-catalog';
import type { Sandbox } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { admin, caught, rawRequest, sdkClient, startTestSandbox } from '../../../support/sandbox';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const P = SEED.products;
const site = SEED.provisionedProducts.webMarketingSite; // AVAILABLE, Static Website v1.1, with the invalidate-cache action
const action = SEED.serviceActions.invalidateCache;

const NOT_FOUND = ['ResourceNotFoundException'];
/** Names must start with a letter or digit: `__proto__` breaks the model's pattern before any lookup. */
const NOT_FOUND_OR_INVALID = ['ResourceNotFoundException', 'InvalidParametersException'];
const INVALID = ['InvalidParametersException'];

/** Operation, input for one id, the exceptions AWS may answer. */
type Case = [operation: string, input: (id: string) => Record<string, unknown>, expected: string[]];

const CASES: Case[] = [
  ['DescribeProvisionedProduct', (id) => ({ Id: id }), NOT_FOUND],
  ['DescribeProvisionedProduct', (id) => ({ Name: id }), NOT_FOUND_OR_INVALID],
  ['GetProvisionedProductOutputs', (id) => ({ ProvisionedProductId: id }), NOT_FOUND],
  ['GetProvisionedProductOutputs', (id) => ({ ProvisionedProductName: id }), NOT_FOUND_OR_INVALID],
  ['UpdateProvisionedProductProperties', (id) => ({ ProvisionedProductId: id, ProvisionedProductProperties: { OWNER: SEED.callers.colleague } }), NOT_FOUND],
  ['UpdateProvisionedProduct', (id) => ({ ProvisionedProductId: id }), NOT_FOUND],
  ['UpdateProvisionedProduct', (id) => ({ ProvisionedProductName: id }), NOT_FOUND_OR_INVALID],
  ['TerminateProvisionedProduct', (id) => ({ ProvisionedProductId: id }), NOT_FOUND],
  ['DescribeServiceActionExecutionParameters', (id) => ({ ProvisionedProductId: id, ServiceActionId: action }), NOT_FOUND],
  ['DescribeServiceActionExecutionParameters', (id) => ({ ProvisionedProductId: site.id, ServiceActionId: id }), NOT_FOUND],
  ['ExecuteProvisionedProductServiceAction', (id) => ({ ProvisionedProductId: id, ServiceActionId: action }), NOT_FOUND],
  ['ExecuteProvisionedProductServiceAction', (id) => ({ ProvisionedProductId: site.id, ServiceActionId: id }), NOT_FOUND],
  ['ListProvisionedProductPlans', (id) => ({ ProvisionProductId: id }), NOT_FOUND],
  ['DescribeRecord', (id) => ({ Id: id }), NOT_FOUND],
  ['DescribeProvisionedProductPlan', (id) => ({ PlanId: id }), NOT_FOUND],
  ['ExecuteProvisionedProductPlan', (id) => ({ PlanId: id }), NOT_FOUND],
  ['DeleteProvisionedProductPlan', (id) => ({ PlanId: id }), NOT_FOUND],
  ['DescribeProduct', (id) => ({ Id: id }), NOT_FOUND],
  ['DescribeProductView', (id) => ({ Id: id }), NOT_FOUND],
  ['ListLaunchPaths', (id) => ({ ProductId: id }), NOT_FOUND],
  ['ListProvisioningArtifacts', (id) => ({ ProductId: id }), NOT_FOUND],
  ['DescribeProvisioningArtifact', (id) => ({ ProductId: P.staticWebsite.id, ProvisioningArtifactId: id }), NOT_FOUND],
  ['DescribeProvisioningParameters', (id) => ({ ProductId: P.staticWebsite.id, ProvisioningArtifactId: id }), NOT_FOUND],
  ['DescribeProvisioningParameters', (id) => ({ ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v11, PathId: id }), NOT_FOUND],
  ['ListServiceActionsForProvisioningArtifact', (id) => ({ ProductId: P.staticWebsite.id, ProvisioningArtifactId: id }), NOT_FOUND],
  ['ProvisionProduct', (id) => ({ ProductId: id, ProvisioningArtifactId: P.staticWebsite.versions.v11, ProvisionedProductName: 'pollution-probe' }), NOT_FOUND],
  ['CreateProvisionedProductPlan', (id) => ({
    PlanName: 'probe', PlanType: 'CLOUDFORMATION', ProductId: id, ProvisioningArtifactId: P.staticWebsite.versions.v11, ProvisionedProductName: 'pollution-probe',
  }), NOT_FOUND],
  // Parameter keys, filter keys and sort fields: unknown ones are invalid parameters.
  ['ProvisionProduct', (id) => ({
    ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v11, ProvisionedProductName: 'pollution-probe',
    ProvisioningParameters: [{ Key: 'BucketName', Value: 'probe-bucket' }, { Key: id, Value: 'x' }],
  }), INVALID],
  ['UpdateProvisionedProduct', (id) => ({ ProvisionedProductId: site.id, ProvisioningParameters: [{ Key: id, UsePreviousValue: true }] }), INVALID],
  ['ListRecordHistory', (id) => ({ SearchFilter: { Key: id, Value: site.id } }), INVALID],
  ['SearchProvisionedProducts', (id) => ({ SortBy: id }), INVALID],
];

describe('service state: ids named like Object.prototype members', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let client: SC.ServiceCatalogClient;
  let prototypeBefore: string[];
  before(async () => {
    prototypeBefore = Object.getOwnPropertyNames(Object.prototype);
    sandbox = await startTestSandbox();
    // The administrator may call every operation, so each one's own answer to an unknown id is seen.
    client = sdkClient(sandbox, { persona: 'admin' });
  });
  after(async () => {
    await sandbox?.stop();
    // Should a test fail, undo what reached Object.prototype so the tests after it are not misled.
    for (const name of Object.getOwnPropertyNames(Object.prototype)) if (!prototypeBefore.includes(name)) delete (Object.prototype as any)[name];
  });

  const send = (operation: string, input: Record<string, unknown>) => {
    const Command = (SC as any)[`${operation}Command`];
    return client.send(new Command(input));
  };

  for (const id of PROTOTYPE_NAMES) {
    it(`answers every id, name and key '${id}' as unknown`, async () => {
      const problems: string[] = [];
      for (const [operation, input, expected] of CASES) {
        const answer = await send(operation, input(id)).then(() => ({ name: 'success', message: '' }), (err: Error) => err);
        if (!expected.includes(answer.name)) problems.push(`${operation} ${JSON.stringify(input(id))} answered ${answer.name} ${answer.message.slice(0, 120)}`);
      }
      const added = Object.getOwnPropertyNames(Object.prototype).filter((name) => !prototypeBefore.includes(name));
      if (added.length) problems.push(`Object.prototype gained ${added.join(', ')} (userArn: ${({} as any).userArn})`);
      assert.deepEqual(problems, []);
      assert.equal(({} as any).userArn, undefined);
    });

    it(`takes '${id}' as an unknown input member, service action parameter, operation and knob`, async () => {
      const ignored = await rawRequest(sandbox, { target: 'SearchProducts', body: `{${JSON.stringify(id)}:1}` });
      assert.equal(ignored.status, 200, `unknown members are ignored, as AWS does: ${ignored.text}`);

      const parameters = await rawRequest(sandbox, {
        target: 'ExecuteProvisionedProductServiceAction',
        body: JSON.stringify({ ProvisionedProductId: site.id, ServiceActionId: action, ExecuteToken: `probe-${id.replace(/_/g, 'u')}`, Parameters: JSON.parse(`{${JSON.stringify(id)}:["x"]}`) }),
      });
      assert.equal(parameters.json().__type, 'InvalidParametersException', parameters.text);

      sandbox.resetStats();
      const operation = await rawRequest(sandbox, { target: `AWS242ServiceCatalogService.${id}` });
      assert.equal(operation.json().__type, 'UnknownOperationException');
      const { byOperation } = sandbox.stats();
      assert.ok(Object.hasOwn(byOperation, id) && byOperation[id] === 1, `counted as its own operation: ${JSON.stringify(byOperation)}`);

      assert.throws(() => sandbox.setKnobs(JSON.parse(`{${JSON.stringify(id)}:1}`)), /unknown knob/);
      const knob = await admin(sandbox, 'POST', 'knobs', JSON.parse(`{${JSON.stringify(id)}:1}`));
      assert.equal(knob.status, 400);
      assert.match(knob.body.error, /unknown knob/);
      assert.deepEqual(Object.getOwnPropertyNames(Object.prototype), prototypeBefore);
    });
  }
});

describe('service state: restored from a state file', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-proto-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers ids named like Object.prototype members as unknown, and a "__proto__" key in the file stays data', async () => {
    const first = await startTestSandbox();
    const snapshot = first.service.snapshot() as { records: Record<string, unknown> };
    await first.stop();
    // JSON.parse makes "__proto__" an own key; a restore that copied it by assignment would set a prototype.
    const text = JSON.stringify(snapshot).replace('"records":{', '"records":{"__proto__":{"userArn":"arn:aws:iam::123456789012:user/mallory"},');
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, text);

    const restored = await startTestSandbox({ stateFile });
    try {
      const client = sdkClient(restored, { persona: 'admin' });
      for (const id of PROTOTYPE_NAMES) {
        const err = await caught(() => client.send(new SC.DescribeProvisionedProductCommand({ Id: id })));
        assert.equal(err.name, 'ResourceNotFoundException', `${id}: ${err.message}`);
        const plan = await caught(() => client.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId: id })));
        assert.equal(plan.name, 'ResourceNotFoundException', `${id}: ${plan.message}`);
      }
      const history = await client.send(new SC.ListRecordHistoryCommand({ AccessLevelFilter: { Key: 'Account', Value: 'self' } }));
      assert.ok(history.RecordDetails!.length > 0);
      assert.equal(({} as any).userArn, undefined);
    } finally {
      await restored.stop();
    }
  });
});
