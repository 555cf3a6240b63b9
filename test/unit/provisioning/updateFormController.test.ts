// The update form's current values: what the provisioned product's stack runs with (DescribeStacks
// through a fake StackReader), Service Catalog from the sandbox. NoEcho values are masked and kept,
// never sent as the mask; where the values cannot be read every parameter keeps its value and the
// form says why.
import * as assert from 'node:assert/strict';
import type { UpdateProvisionedProductCommandInput } from '@aws-sdk/client-service-catalog';
import { ProvisioningService } from '../../../src/aws/provisioningService';
import { UpdateFormController } from '../../../src/provisioning/updateFormController';
import { StackAccessDeniedError } from '../../../src/core/stacks/stackAccess';
import type { StackDescription, StackParameter, StackReader } from '../../../src/core/stacks/types';
import { SEED } from '../../../src/sandbox/service/index';
import { call, controllerDeps, rejection, useSandboxService } from '../../support/formDeps';
import { sdkClient } from '../../support/sandbox';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';

const PP = SEED.provisionedProducts;

class FakeStacks implements StackReader {
  readonly calls = { total: 0, byOperation: {} as Record<string, number> };
  readonly asked: string[] = [];
  failure?: Error;

  constructor(public parameters: StackParameter[]) {}

  async describeStack(stackId: string): Promise<StackDescription> {
    this.calls.total++;
    this.calls.byOperation.DescribeStacks = (this.calls.byOperation.DescribeStacks ?? 0) + 1;
    this.asked.push(stackId);
    if (this.failure) throw this.failure;
    return { stackId, stackName: 'SC-123456789012-pp-x', status: 'UPDATE_COMPLETE', parameters: this.parameters, outputs: [] };
  }

  eventsSince(): never { throw new Error('not used'); }
  resources(): never { throw new Error('not used'); }
  dispose(): void {}
}

const ordersStack = () => new FakeStacks([
  { key: 'ServiceName', value: 'orders' },
  { key: 'DesiredCount', value: '6' },
  { key: 'ContainerImage', value: 'public.ecr.aws/nginx/nginx:1.27' },
  { key: 'DbPassword', value: '****' },
]);

const field = (loaded: { form: { fields: { key: string }[] } }, key: string) => loaded.form.fields.find((f) => f.key === key) as Record<string, unknown>;

describe('update form: current values from the stack', () => {
  const sandboxed = useSandboxService({ perTest: true });

  function open(stacks: StackReader | undefined, service = sandboxed.service, pp: { id: string; name: string } = PP.ordersService) {
    const logLines: string[] = [];
    const sent: UpdateProvisionedProductCommandInput[] = [];
    const spied = Object.create(service) as ProvisioningService;
    spied.update = (input) => (sent.push(input), service.update(input));
    const deps = controllerDeps(spied, {
      stacks: () => stacks,
      logger: { info: (m) => logLines.push(m), warn: (m) => logLines.push(m), error: (m) => logLines.push(m) },
    });
    return { form: new UpdateFormController(deps, { id: pp.id, name: pp.name }), logLines, sent };
  }

  async function loaded(form: UpdateFormController) {
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    return { init, loaded: await call(form.handlers, 'loadParameters', init.current) };
  }

  it('preselects the values the stack runs with, and reads the stack while the form opens (not after it)', async () => {
    const stacks = ordersStack();
    const { form } = open(stacks);
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    assert.equal(stacks.calls.total, 1, 'DescribeStacks started with the first reads, before the parameters are asked for');
    assert.match(stacks.asked[0], /^arn:aws:cloudformation:[^:]+:\d{12}:stack\/SC-/, 'the stack named by the PhysicalId');
    const result = await call(form.handlers, 'loadParameters', init.current);
    assert.equal(result.currentValuesNote, undefined);
    assert.deepEqual([field(result, 'DesiredCount').previousValue, field(result, 'DesiredCount').keepPreviousByDefault], ['6', false]);
    assert.equal(field(result, 'ContainerImage').previousValue, 'public.ecr.aws/nginx/nginx:1.27');
    assert.equal(stacks.calls.total, 1, 'read once');
  });

  it('reads the versions, paths and parameters in use while the form opens, each once, and another version afresh', async () => {
    const asked: string[] = [];
    const service = Object.create(sandboxed.service) as ProvisioningService;
    service.listLaunchPaths = (productId) => (asked.push('ListLaunchPaths'), sandboxed.service.listLaunchPaths(productId));
    service.describeProvisioningParameters = (target) => (asked.push(`DescribeProvisioningParameters ${target.provisioningArtifactId}`), sandboxed.service.describeProvisioningParameters(target));
    const { form } = open(ordersStack(), service);
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    // Each page request waits for the answer before: reads it can make ahead are made by the first.
    await new Promise(setImmediate);
    const inUse = init.current.provisioningArtifactId;
    assert.deepEqual(asked.sort(), ['DescribeProvisioningParameters ' + inUse, 'ListLaunchPaths'], 'both asked before the page asks for them');
    const options = await call(form.handlers, 'loadProduct', { productId: init.current.productId });
    const target = { productId: options.productId, provisioningArtifactId: options.preselectedVersionId, pathId: options.preselectedPathId };
    assert.deepEqual(target, init.current, 'the page asks for the version and path read ahead');
    assert.equal(field(await call(form.handlers, 'loadParameters', target), 'DesiredCount').previousValue, '6');
    assert.equal(asked.length, 2, 'nothing asked again');
    const other = options.versions.find((v: { id: string }) => v.id !== inUse);
    await call(form.handlers, 'loadParameters', { ...target, provisioningArtifactId: other.id });
    await call(form.handlers, 'loadParameters', target);
    assert.deepEqual(asked.slice(2), [`DescribeProvisioningParameters ${other.id}`], 'another version is read afresh; the version in use again comes from the connection\'s catalog cache');
  });

  it('shows a NoEcho value masked and keeps it: never prefilled, never sent as ****, never logged', async () => {
    const stacks = ordersStack();
    const { form, sent, logLines } = open(stacks);
    const { init, loaded: result } = await loaded(form);
    const password = field(result, 'DbPassword');
    assert.deepEqual([password.previousValue, password.previousMasked, password.keepPreviousByDefault], [undefined, true, true]);
    const refused = await rejection(call(form.handlers, 'submit', { target: init.current, submission: { parameters: { DbPassword: '****' }, keepPrevious: ['ServiceName', 'DesiredCount', 'ContainerImage'] } }));
    assert.match(refused.fieldErrors?.['parameters.DbPassword'] ?? '', /masks the value in use/);
    assert.equal(sent.length, 0, 'nothing sent');
    await call(form.handlers, 'submit', { target: init.current, submission: { parameters: { DesiredCount: '7' }, keepPrevious: ['ServiceName', 'ContainerImage', 'DbPassword'] } });
    assert.deepEqual(sent[0].ProvisioningParameters?.find((p) => p.Key === 'DbPassword'), { Key: 'DbPassword', UsePreviousValue: true });
    assert.doesNotMatch(JSON.stringify(sent), /\*\*\*\*/);
    assert.doesNotMatch(logLines.join('\n'), /\*\*\*\*/);
  });

  it('shows a change made outside the editor as current, and no stale value after Reload or a finished record', async () => {
    const stacks = ordersStack();
    const { form } = open(stacks);
    assert.equal(field((await loaded(form)).loaded, 'DesiredCount').previousValue, '6');
    stacks.parameters = stacks.parameters.map((p) => (p.key === 'DesiredCount' ? { ...p, value: '9' } : p)); // the console changed it
    form.reload();
    assert.equal(field((await loaded(form)).loaded, 'DesiredCount').previousValue, '9');
    stacks.parameters = stacks.parameters.map((p) => (p.key === 'DesiredCount' ? { ...p, value: '3' } : p));
    form.productChanged({ recordId: 'rec-elsewhere', status: 'SUCCEEDED' });
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    assert.equal(field(await call(form.handlers, 'loadParameters', init.current), 'DesiredCount').previousValue, '3');
  });

  const KEEPS = /every parameter keeps its current value/;

  for (const [title, failure, words] of [
    ['permission is refused', new StackAccessDeniedError('User is not authorized to perform: cloudformation:DescribeStacks'), /do not allow cloudformation:DescribeStacks/],
    ['the stack is not found', Object.assign(new Error('Stack with id SC-x does not exist'), { name: 'ValidationError' }), /does not find its stack/],
    ['the read fails', Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }), /could not be read just now/],
  ] as const) {
    it(`keeps every parameter and says why when ${title}`, async () => {
      const stacks = ordersStack();
      stacks.failure = failure;
      const { form } = open(stacks);
      const result = (await loaded(form)).loaded;
      assert.match(result.currentValuesNote ?? '', KEEPS);
      assert.match(result.currentValuesNote ?? '', words);
      for (const f of result.form.fields) assert.deepEqual([f.key, f.previousValue, f.keepPreviousByDefault], [f.key, undefined, true]);
    });
  }

  it('says a Terraform product has no stack to read values from, and asks CloudFormation nothing', async () => {
    const stacks = ordersStack();
    const service = new ProvisioningService(sdkClient(sandboxed.sandbox, { persona: 'other' }));
    const { form } = open(stacks, service, PP.logsBucket);
    const result = (await loaded(form)).loaded;
    assert.match(result.currentValuesNote ?? '', /Terraform product has no CloudFormation stack/);
    assert.match(result.currentValuesNote ?? '', KEEPS);
    assert.equal(stacks.calls.total, 0);
  });

  it('says the values cannot be read when the connection has no CloudFormation reads', async () => {
    const { form } = open(undefined);
    const result = (await loaded(form)).loaded;
    assert.match(result.currentValuesNote ?? '', KEEPS);
    assert.equal(field(result, 'DesiredCount').keepPreviousByDefault, true);
  });
});

describe('update form: current values through the sandbox\'s CloudFormation (real SDK)', () => {
  const sandboxed = useSandboxService({ perTest: true });

  /** DescribeStacks of the real SDK against the sandbox, as a StackReader (the other reads are not used here). */
  function sandboxStacks(): FakeStacks {
    const client = new CloudFormationClient({ endpoint: sandboxed.sandbox.endpoint, region: sandboxed.sandbox.region, credentials: sandboxed.sandbox.credentials, maxAttempts: 1 });
    const reader = new FakeStacks([]);
    reader.describeStack = async (stackId) => {
      reader.asked.push(stackId);
      const stack = (await client.send(new DescribeStacksCommand({ StackName: stackId }))).Stacks![0];
      return {
        stackId: stack.StackId!, stackName: stack.StackName!, status: stack.StackStatus!, outputs: [],
        parameters: (stack.Parameters ?? []).map((p) => ({ key: p.ParameterKey ?? '', value: p.ParameterValue ?? '' })),
      };
    };
    return reader;
  }

  it('preselects what the stack runs with (the last update\'s DesiredCount) and keeps the NoEcho password masked', async () => {
    const stacks = sandboxStacks();
    const deps = controllerDeps(sandboxed.service, { stacks: () => stacks });
    const form = new UpdateFormController(deps, { id: PP.ordersService.id, name: PP.ordersService.name });
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    const result = await call(form.handlers, 'loadParameters', init.current);
    assert.equal(result.currentValuesNote, undefined, result.currentValuesNote);
    assert.equal(field(result, 'DesiredCount').previousValue, '4');
    assert.equal(field(result, 'ServiceName').previousValue, 'orders');
    assert.deepEqual([field(result, 'DbPassword').previousValue, field(result, 'DbPassword').previousMasked], [undefined, true]);
  });
});
