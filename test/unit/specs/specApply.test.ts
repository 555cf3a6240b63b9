// SpecApplier: a spec product goes through the forms' own controllers (on a sandbox of the test's own)
// as a provision, an update or nothing at all; a dropped answer is retried with the action's one token;
// NoEcho values come from the environment or a password prompt, and a missing variable sends nothing.
import * as assert from 'node:assert/strict';
import '../../support/fakeVscode'; // first: the code below requires 'vscode'
import type { ProvisionProductCommandInput, RecordDetail, UpdateProvisionedProductCommandInput } from '@aws-sdk/client-service-catalog';
import type * as vscode from 'vscode';
import type { ProvisioningService } from '../../../src/aws/provisioningService';
import type { ExistingProvisionedProduct } from '../../../src/core/specs';
import type { StackDescription, StackReader } from '../../../src/core/stacks/types';
import { ProvisionFormController } from '../../../src/provisioning/provisionFormController';
import { UpdateFormController } from '../../../src/provisioning/updateFormController';
import { SEED } from '../../../src/sandbox/service/index';
import { SpecApplier, type SpecSource } from '../../../src/specs/specApply';
import type { UserInput } from '../../../src/ui/userInput';
import { controllerDeps, useSandboxService } from '../../support/formDeps';
import { useSeededCatalogSnapshot, withExisting } from '../../support/specCatalogSnapshot';

const CONTAINER = SEED.products.containerService;
const ORDERS = SEED.provisionedProducts.ordersService;
/** orders-service as the sandbox seeds it (Container Service v2 on the Data path). */
const ORDERS_EXISTING: ExistingProvisionedProduct = { id: ORDERS.id, productId: CONTAINER.id, versionId: CONTAINER.versions.v2, tags: {} };
const PASSWORD_FROM_ENV = 'env-secret-7f3a';

/** The stack's values in use, as DescribeStacks gives them (NoEcho masked). */
class FixedStacks implements StackReader {
  readonly calls = { total: 0, byOperation: {} };
  constructor(private readonly values: Readonly<Record<string, string>>) {}
  async describeStack(stackId: string): Promise<StackDescription> {
    return { stackId, stackName: 'SC-123456789012-pp-orders', status: 'UPDATE_COMPLETE', outputs: [], parameters: Object.entries(this.values).map(([key, value]) => ({ key, value })) };
  }
  eventsSince(): never { throw new Error('not used'); }
  resources(): never { throw new Error('not used'); }
  dispose(): void {}
}

const ORDERS_IN_USE = { ServiceName: 'orders', DesiredCount: '4', ContainerImage: 'public.ecr.aws/nginx/nginx:latest', DbPassword: '****' };

function source(text: string): SpecSource {
  return { text, fileName: '/work/orders.servicecatalog.yaml', lineAt: (offset) => text.slice(0, offset).split('\n').length };
}

function containerSpec(name: string, parameters: Readonly<Record<string, string>>): string {
  const lines = Object.entries(parameters).map(([key, value]) => `      ${key}: ${value}`);
  return ['provisionedProducts:', `  - name: ${name}`, '    product: Container Service', '    version: v2', '    launchPath: Data & Analytics', '    parameters:', ...lines, ''].join('\n');
}

interface Sent {
  readonly provisions: ProvisionProductCommandInput[];
  readonly updates: UpdateProvisionedProductCommandInput[];
  readonly prompts: vscode.InputBoxOptions[];
  /** The record each write's call got from the service (a lost answer's too). */
  readonly records: string[];
}

/** The first answer of each write is lost after the write went through, as a dropped connection loses it. */
const DROPPED = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

describe('SpecApplier', function () {
  this.timeout(30_000);
  const sandboxed = useSandboxService({ perTest: true });
  const catalog = useSeededCatalogSnapshot();

  function applier(options: { environment?: Record<string, string>; prompted?: string; dropFirstAnswer?: boolean } = {}): { applier: SpecApplier; sent: Sent } {
    const sent: Sent = { provisions: [], updates: [], prompts: [], records: [] };
    const service = sandboxed.service;
    const spied = Object.create(service) as ProvisioningService;
    /** Keeps each input and the record the service answered; the first answer is lost when told. */
    const spiedWrite = <I>(write: (input: I) => Promise<RecordDetail>, inputs: I[]) => async (input: I) => {
      inputs.push(input);
      const record = await write(input);
      sent.records.push(record.RecordId!);
      if (options.dropFirstAnswer && inputs.length === 1) throw DROPPED;
      return record;
    };
    spied.provision = spiedWrite((input) => service.provision(input), sent.provisions);
    spied.update = spiedWrite((input) => service.update(input), sent.updates);
    const unexpected = (): never => assert.fail('unexpected prompt');
    const input: UserInput = {
      pickOne: async () => unexpected(),
      pickMany: async () => unexpected(),
      confirm: async () => unexpected(),
      inputText: async (prompt) => {
        sent.prompts.push(prompt);
        return options.prompted ?? unexpected();
      },
    };
    const deps = controllerDeps(spied, { stacks: () => new FixedStacks(ORDERS_IN_USE) });
    const snapshot = withExisting(catalog(), { [ORDERS.name]: ORDERS_EXISTING });
    return {
      sent,
      applier: new SpecApplier({
        snapshots: { snapshotFor: async () => snapshot, onDidChange: () => ({ dispose() {} }) },
        controllers: () => ({ deps, ProvisionFormController, UpdateFormController }),
        input,
        environment: () => options.environment ?? {},
      }),
    };
  }

  async function applied(subject: SpecApplier, text: string, name: string) {
    const plan = await subject.plan(await subject.checkProduct(source(text), name));
    return { plan, outcome: await subject.apply(plan) };
  }

  it('provisions a product the account does not have, through the provision form, its NoEcho value from the environment', async () => {
    const { applier: subject, sent } = applier({ environment: { ORDERS_DB_PASSWORD: PASSWORD_FROM_ENV } });
    const text = containerSpec('orders-two', { ServiceName: 'orders-two', DbPassword: '${env:ORDERS_DB_PASSWORD}' });
    const { plan, outcome } = await applied(subject, text, 'orders-two');
    assert.equal(plan.kind, 'provision');
    assert.equal(outcome.kind, 'started');
    assert.equal(outcome.kind === 'started' && outcome.operation, 'provision');
    assert.equal(sent.updates.length, 0);
    assert.equal(sent.provisions.length, 1);
    const [input] = sent.provisions;
    assert.equal(input.ProvisionedProductName, 'orders-two');
    assert.equal(input.ProvisioningArtifactId, CONTAINER.versions.v2);
    assert.equal(input.PathId, SEED.portfolios.data.pathId);
    const values = Object.fromEntries((input.ProvisioningParameters ?? []).map((p) => [p.Key, p.Value]));
    assert.equal(values.ServiceName, 'orders-two');
    assert.equal(values.DbPassword, PASSWORD_FROM_ENV, 'the variable\'s value is what is sent');
    assert.equal(sent.prompts.length, 0);
  });

  it('updates an existing product whose values differ, through the update form, and sends only what the file sets', async () => {
    const { applier: subject, sent } = applier({ environment: { ORDERS_DB_PASSWORD: PASSWORD_FROM_ENV } });
    const text = containerSpec(ORDERS.name, { ServiceName: 'orders', DesiredCount: '6', DbPassword: '${env:ORDERS_DB_PASSWORD}' });
    const { plan, outcome } = await applied(subject, text, ORDERS.name);
    assert.equal(plan.kind, 'update');
    assert.deepEqual(plan.kind === 'update' && plan.changes, [{ kind: 'parameter', key: 'DesiredCount', from: '4', to: '6' }]);
    assert.equal(outcome.kind === 'started' && outcome.operation, 'update');
    assert.equal(sent.provisions.length, 0);
    assert.equal(sent.updates.length, 1);
    const [input] = sent.updates;
    assert.equal(input.ProvisionedProductId, ORDERS.id);
    const byKey = Object.fromEntries((input.ProvisioningParameters ?? []).map((p) => [p.Key, p]));
    assert.equal(byKey.DesiredCount.Value, '6');
    assert.equal(byKey.DbPassword.Value, PASSWORD_FROM_ENV);
    assert.equal(byKey.ContainerImage.UsePreviousValue, true, 'what the file leaves out keeps its value in use');
  });

  it('sends nothing when the file matches what runs (a NoEcho reference is not compared)', async () => {
    const { applier: subject, sent } = applier();
    const text = containerSpec(ORDERS.name, { ServiceName: 'orders', DesiredCount: '4', DbPassword: '${prompt}' });
    const { plan, outcome } = await applied(subject, text, ORDERS.name);
    assert.equal(plan.kind, 'update');
    assert.deepEqual(outcome, { kind: 'unchanged', name: ORDERS.name });
    assert.deepEqual([sent.provisions.length, sent.updates.length, sent.prompts.length], [0, 0, 0], 'no write, and no prompt for a value that would not be sent');
  });

  it('asks a ${prompt} NoEcho value in a password box and sends it', async () => {
    const { applier: subject, sent } = applier({ prompted: 'typed-secret-91' });
    const text = containerSpec(ORDERS.name, { DesiredCount: '5', DbPassword: '${prompt}' });
    await applied(subject, text, ORDERS.name);
    assert.equal(sent.prompts.length, 1);
    assert.equal(sent.prompts[0].password, true, 'a password box');
    assert.match(sent.prompts[0].title ?? '', /orders-service: DbPassword/);
    const byKey = Object.fromEntries((sent.updates[0].ProvisioningParameters ?? []).map((p) => [p.Key, p.Value]));
    assert.equal(byKey.DbPassword, 'typed-secret-91');
  });

  it('refuses, naming the variable, when the environment lacks it, and sends nothing', async () => {
    const { applier: subject, sent } = applier({ environment: { OTHER: 'x' } });
    for (const [name, text] of [
      ['orders-two', containerSpec('orders-two', { ServiceName: 'orders-two', DbPassword: '${env:ORDERS_DB_PASSWORD}' })],
      [ORDERS.name, containerSpec(ORDERS.name, { DesiredCount: '7', DbPassword: '${env:ORDERS_DB_PASSWORD}' })],
    ]) {
      const plan = await subject.plan(await subject.checkProduct(source(text), name));
      await assert.rejects(subject.apply(plan), (e: Error) => /DbPassword of .* reads the environment variable ORDERS_DB_PASSWORD, which the editor's environment does not set; nothing was sent/.test(e.message));
    }
    assert.deepEqual([sent.provisions.length, sent.updates.length], [0, 0]);
  });

  it('sends the action again with its one token when the answer is lost: one provisioned product, one update', async () => {
    const { applier: subject, sent } = applier({ environment: { ORDERS_DB_PASSWORD: PASSWORD_FROM_ENV }, dropFirstAnswer: true });
    const created = await applied(subject, containerSpec('orders-three', { ServiceName: 'orders-three', DbPassword: '${env:ORDERS_DB_PASSWORD}' }), 'orders-three');
    assert.equal(sent.provisions.length, 2, 'sent again after the lost answer');
    assert.equal(sent.provisions[0].ProvisionToken, sent.provisions[1].ProvisionToken, 'with the same token');
    const updated = await applied(subject, containerSpec(ORDERS.name, { DesiredCount: '8' }), ORDERS.name);
    assert.equal(sent.updates.length, 2);
    assert.equal(sent.updates[0].UpdateToken, sent.updates[1].UpdateToken);
    assert.notEqual(sent.updates[0].UpdateToken, sent.provisions[0].ProvisionToken, 'each action its own token');
    // The service started one operation each: the retry got the first call's record back.
    const [provisioned, update] = [created.outcome, updated.outcome].map((o) => (o.kind === 'started' ? o.result.recordId : assert.fail('started')));
    assert.deepEqual(sent.records, [provisioned, provisioned, update, update]);
    const product = await sandboxed.service.describeProvisionedProduct((await sandboxed.service.recordDetail(provisioned)).ProvisionedProductId!);
    assert.deepEqual([product.Name, product.LastRecordId], ['orders-three', provisioned]);
    assert.equal((await sandboxed.service.describeProvisionedProduct(ORDERS.id)).LastRecordId, update);
  });
});
