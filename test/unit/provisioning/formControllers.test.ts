// The form controllers against the sandbox (realistic DescribeProvisioningParameters answers) and
// against a failing fake (retries, in-flight requests): what is built, what is refused, what is sent.
import * as assert from 'node:assert/strict';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { ProvisioningService } from '../../../src/aws/provisioningService';
import type { ControllerDeps, FormService, ParameterMemory } from '../../../src/provisioning/controllerDeps';
import { PlanController } from '../../../src/provisioning/planController';
import { ProvisionFormController } from '../../../src/provisioning/provisionFormController';
import { UpdateFormController } from '../../../src/provisioning/updateFormController';
import { checkedParameters, ServiceActionController } from '../../../src/provisioning/serviceActionController';
import { type Logger } from '../../../src/ui/webview/messageRouter';
import { RequestError } from '../../../src/core/webview/requestError';
import type { PlanView, PushMessage, SubmitRequest } from '../../../src/core/webview/protocol';
import { SEED } from '../../../src/sandbox/service/index';
import type { SentValue } from '../../../src/core/parameters';
import { call, controllerDeps, rejection, useSandboxService } from '../../support/formDeps';
import { sdkClient } from '../../support/sandbox';

const SECRET = 'S3cretPassw0rd';
const P = SEED.products;

class MemoryStore implements ParameterMemory {
  readonly values = new Map<string, Record<string, SentValue>>();
  recall(id: string) { return this.values.get(id); }
  remember(id: string, v: Readonly<Record<string, SentValue>>) { this.values.set(id, { ...v }); }
}

interface Harness extends ControllerDeps {
  readonly logLines: string[];
  readonly tracked: RecordDetail[];
  readonly openedPlans: string[];
  refreshes: number;
  readonly store: MemoryStore;
}

function harness(service: FormService): Harness {
  const logLines: string[] = [];
  const logger: Logger = { info: (m) => logLines.push(m), warn: (m) => logLines.push(m), error: (m) => logLines.push(m) };
  const store = new MemoryStore();
  const h: Harness = {
    ...controllerDeps(service, {
      logger, memory: store,
      trackRecord: (r) => h.tracked.push(r),
      refreshTree: () => h.refreshes++,
      openPlan: (_p, planId) => h.openedPlans.push(planId),
    }),
    store, logLines, tracked: [], openedPlans: [], refreshes: 0,
  };
  return h;
}

describe('form controllers against the sandbox', () => {
  const sandboxed = useSandboxService();

  /** The forms' service as the second end user, who owns dev-box-bob and web-docs-site (only an owner may update). */
  const asOwner = () => new ProvisioningService(sdkClient(sandboxed.sandbox, { persona: 'other' }));

  const container = { productId: P.containerService.id, provisioningArtifactId: P.containerService.versions.v3, pathId: SEED.portfolios.platform.pathId };

  it('offers products, versions (newest first, deprecated marked) and both launch paths', async () => {
    const h = harness(sandboxed.service);
    const form = new ProvisionFormController(h);
    const products = await call(form.handlers, 'searchProducts', { query: 'container' });
    assert.ok(products.some((p: { productId: string }) => p.productId === P.containerService.id));
    const web = await call(form.handlers, 'loadProduct', { productId: P.staticWebsite.id });
    assert.deepEqual(web.versions.map((v: { id: string }) => v.id), [P.staticWebsite.versions.v20, P.staticWebsite.versions.v11, P.staticWebsite.versions.v10]);
    assert.equal(web.preselectedVersionId, P.staticWebsite.versions.v20);
    assert.equal(web.versions.find((v: { id: string }) => v.id === P.staticWebsite.versions.v10).deprecated, true);
    const ecs = await call(form.handlers, 'loadProduct', { productId: P.containerService.id });
    assert.equal(ecs.paths.length, 2, 'two portfolios: the user chooses');
    assert.equal(ecs.preselectedPathId, undefined);
  });

  it('builds one field per parameter with the right kind, from the live answer', async () => {
    const form = new ProvisionFormController(harness(sandboxed.service));
    const loaded = await call(form.handlers, 'loadParameters', container);
    const byKey = Object.fromEntries(loaded.form.fields.map((f: { key: string }) => [f.key, f]));
    assert.equal(byKey.DbPassword.kind, 'password');
    assert.equal(byKey.DesiredCount.kind, 'number');
    assert.equal(byKey.EnableAutoScaling.kind, 'select');
    assert.equal(byKey.ServiceName.required, true);
    assert.equal(byKey.ServiceName.constraints.constraintDescription, 'must start with a lowercase letter and contain only lowercase letters, digits and hyphens');
    assert.ok(loaded.form.launchRoleArn === undefined || /role\//.test(loaded.form.launchRoleArn));
  });

  it('refuses an invalid submission with field errors and sends nothing', async () => {
    const h = harness(sandboxed.service);
    const form = new ProvisionFormController(h);
    await call(form.handlers, 'loadParameters', container);
    const error = await rejection(call(form.handlers, 'submit', {
      target: container,
      submission: { provisionedProductName: '-bad name', parameters: { ServiceName: 'Bad_Name', DesiredCount: '99', DbPassword: 'short' } },
    }));
    assert.deepEqual(Object.keys(error.fieldErrors ?? {}).sort(), [
      'name', 'parameters.DbPassword', 'parameters.DesiredCount', 'parameters.ServiceName', 'tagOptions.CostCenter', 'tagOptions.Environment',
    ], 'the Platform portfolio requires its TagOptions');
    assert.match(error.fieldErrors!['parameters.ServiceName'], /must start with a lowercase letter/);
    assert.equal(h.tracked.length, 0);
    const listed = await sandboxed.service.searchProducts('');
    assert.ok(listed.length > 0);
  });

  it('provisions, hands the record on, refreshes the tree, and keeps NoEcho values out of logs and memory', async () => {
    const h = harness(sandboxed.service);
    const form = new ProvisionFormController(h);
    await call(form.handlers, 'loadParameters', container);
    const result = await call(form.handlers, 'submit', {
      target: container,
      submission: {
        provisionedProductName: 'orders-api-unit',
        parameters: { ServiceName: 'orders-api', DesiredCount: '3', DbPassword: SECRET, EnableAutoScaling: 'true' },
        tags: [{ key: 'CostCenter', value: 'cc-1001' }, { key: 'Environment', value: 'dev' }],
      },
    });
    assert.match(result.recordId, /\S/);
    assert.equal(h.tracked.length, 1);
    assert.equal(h.tracked[0].RecordId, result.recordId);
    assert.equal(h.refreshes, 1);
    assert.ok(h.logLines.length > 0 && h.logLines.every((l) => !l.includes(SECRET)), h.logLines.join('\n'));
    const remembered = h.store.recall(result.provisionedProductId)!;
    assert.equal(remembered.ServiceName.value, 'orders-api');
    assert.ok(Math.abs(Date.parse(remembered.ServiceName.sentAt) - Date.now()) < 60_000, 'dated when sent');
    assert.equal(remembered.DbPassword, undefined, 'NoEcho never stored');

    // The same name again, from a new form: the service's refusal lands on the name field.
    const again = new ProvisionFormController(harness(sandboxed.service));
    await call(again.handlers, 'loadParameters', container);
    const duplicate = await rejection(call(again.handlers, 'submit', {
      target: container,
      submission: {
        provisionedProductName: 'orders-api-unit',
        parameters: { ServiceName: 'orders-api', DesiredCount: '3', DbPassword: SECRET },
        tags: [{ key: 'CostCenter', value: 'cc-1001' }, { key: 'Environment', value: 'dev' }],
      },
    }));
    assert.match(duplicate.fieldErrors?.name ?? '', /"orders-api-unit" already exists/);
  });

  it('prefills an update, keeps unknown and NoEcho values by default, and shows what a new version adds', async () => {
    const h = harness(sandboxed.service);
    const pp = SEED.provisionedProducts.ordersService;
    const form = new UpdateFormController(h, { id: pp.id, name: pp.name });
    const init = await form.init();
    assert.equal(init.kind, 'update');
    if (init.kind !== 'update') return;
    const options = await call(form.handlers, 'loadProduct', { productId: init.current.productId });
    assert.equal(options.preselectedVersionId, init.current.provisioningArtifactId);
    const same = await call(form.handlers, 'loadParameters', init.current);
    const password = same.form.fields.find((f: { key: string }) => f.key === 'DbPassword');
    assert.equal(password.keepPreviousByDefault, true);
    assert.equal(password.previousValue, undefined);
    assert.equal(same.diff, undefined);
    const newest = await call(form.handlers, 'loadParameters', { ...init.current, provisioningArtifactId: P.containerService.versions.v3 });
    if (init.current.provisioningArtifactId !== P.containerService.versions.v3) assert.deepEqual(newest.diff.added, ['EnableAutoScaling']);
    const record = await call(form.handlers, 'submit', {
      target: { ...init.current, provisioningArtifactId: P.containerService.versions.v3 },
      submission: { parameters: { DesiredCount: '4' }, keepPrevious: ['ServiceName', 'ContainerImage', 'DbPassword'] },
    });
    assert.equal(record.recordType, 'UPDATE_PROVISIONED_PRODUCT');
    assert.equal(h.tracked.length, 1);
  });

  it('offers what this editor sent last, dated, but never as the current value', async () => {
    const h = harness(asOwner());
    const pp = SEED.provisionedProducts.devBoxBob;
    const sentAt = '2026-11-30T08:00:00.000Z';
    h.store.remember(pp.id, { InstanceType: { value: 't3.large', sentAt } });
    const form = new UpdateFormController(h, { id: pp.id, name: pp.name });
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    const loaded = await call(form.handlers, 'loadParameters', init.current);
    const instanceType = loaded.form.fields.find((f: { key: string }) => f.key === 'InstanceType');
    assert.deepEqual([instanceType.previousValue, instanceType.keepPreviousByDefault, instanceType.lastSent], [undefined, true, { value: 't3.large', sentAt }]);
    await call(form.handlers, 'submit', { target: init.current, submission: { parameters: { VolumeSizeGiB: '30' }, keepPrevious: ['InstanceType', 'KeyName'] } });
    const remembered = h.store.recall(pp.id)!;
    assert.deepEqual(remembered.InstanceType, { value: 't3.large', sentAt }, 'a kept value keeps the date it was sent on');
    assert.equal(remembered.VolumeSizeGiB.value, '30');
    assert.equal(remembered.KeyName, undefined, 'never sent from here');
  });

  it('refuses an update while its product is under change or gone, and reads the state again on Reload', async () => {
    const h = harness(asOwner());
    const pp = SEED.provisionedProducts.webDocsSite;
    const form = new UpdateFormController(h, { id: pp.id, name: pp.name });
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    const request = { target: init.current, submission: { parameters: {}, keepPrevious: ['BucketName', 'Environment'] } };
    await call(form.handlers, 'loadParameters', init.current);
    form.productChanged({ recordId: 'rec-x', productStatus: 'UNDER_CHANGE' });
    assert.equal((await rejection(call(form.handlers, 'submit', request))).code, 'ProductBusy');
    assert.equal((await rejection(call(form.handlers, 'preview', request))).code, 'ProductBusy');
    const again = await form.init(); // the page loaded again (its tab shown): it learns the status last heard
    assert.equal(again.kind === 'update' && again.provisionedProduct.status, 'UNDER_CHANGE');
    form.productChanged({ gone: true });
    assert.match((await rejection(call(form.handlers, 'submit', request))).message, /no longer exists/);
    assert.equal((await rejection(form.init())).code, 'ProductGone', 'a page loaded again is not told the product exists');
    assert.equal(h.tracked.length, 0, 'nothing sent');
    form.reload();
    await form.init(); // the service says AVAILABLE
    const started = await call(form.handlers, 'submit', request);
    assert.match(started.recordId, /\S/);
  });

  it('keeps an update on its product', async () => {
    const h = harness(sandboxed.service);
    const pp = SEED.provisionedProducts.ordersService;
    const form = new UpdateFormController(h, { id: pp.id, name: pp.name });
    assert.equal(form.productId, pp.id);
    assert.equal(new ProvisionFormController(h).productId, undefined, 'a new product has none yet');
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    const other = { productId: P.staticWebsite.id, provisioningArtifactId: P.staticWebsite.versions.v20 };
    assert.match((await rejection(call(form.handlers, 'loadProduct', { productId: other.productId }))).message, /keeps the product/);
    assert.match((await rejection(call(form.handlers, 'loadParameters', other))).message, /keeps the product/);
    assert.equal(h.tracked.length, 0, 'nothing sent');
  });

  it('previews an update as a plan, watches it until ready, then executes it', async () => {
    const h = harness(sandboxed.service);
    const pp = SEED.provisionedProducts.webMarketingSite;
    const form = new UpdateFormController(h, { id: pp.id, name: pp.name });
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    await call(form.handlers, 'loadParameters', init.current);
    const started = await call(form.handlers, 'preview', { target: init.current, submission: { parameters: { Environment: 'staging' }, keepPrevious: ['BucketName'] } });
    assert.deepEqual(h.openedPlans, [started.planId]);
    const pushed: PushMessage[] = [];
    const plans = new PlanController(h, { id: pp.id, name: pp.name }, (m) => pushed.push(m), started.planId, { intervalMs: 20, maxWaitMs: 10_000 });
    try {
      const listed = await call(plans.handlers, 'listPlans', {});
      assert.ok(listed.some((p: { planId: string }) => p.planId === started.planId));
      let view: PlanView = await call(plans.handlers, 'describePlan', { planId: started.planId });
      const deadline = Date.now() + 8000;
      while (!view.settled && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 30));
        const last = pushed.filter((m) => m.type === 'plan').at(-1);
        if (last?.type === 'plan') view = last.plan;
      }
      assert.equal(view.status, 'CREATE_SUCCESS');
      assert.ok(view.changes.length > 0, 'resource changes listed');
      assert.equal(view.version?.name, view.currentVersion?.name, 'the plan keeps the version in use, both named');
      assert.match(view.version?.name ?? '', /^v\d/);
      const environment = view.parameters?.find((p) => p.key === 'Environment');
      assert.deepEqual([environment?.value, environment?.usePreviousValue], ['staging', false]);
      assert.equal(view.parameters?.find((p) => p.key === 'BucketName')?.usePreviousValue, true);
      // Not while the product is under change or gone, whatever the page sends; the host reads the state again on Reload.
      const trackedBefore = h.tracked.length;
      plans.productChanged({ recordId: 'rec-x', productStatus: 'UNDER_CHANGE' });
      assert.equal((await rejection(call(plans.handlers, 'executePlan', { planId: started.planId }))).code, 'ProductBusy');
      plans.productChanged({ gone: true });
      assert.match((await rejection(call(plans.handlers, 'executePlan', { planId: started.planId }))).message, /no longer exists/);
      assert.equal(h.tracked.length, trackedBefore, 'nothing executed');
      plans.reload();
      const read = await plans.init();
      assert.equal(read.kind === 'plans' && read.provisionedProduct.status, 'AVAILABLE', 'read from the service');
      const executed = await call(plans.handlers, 'executePlan', { planId: started.planId });
      assert.match(executed.recordId, /\S/);
      assert.equal(h.tracked.at(-1)?.RecordId, executed.recordId);
    } finally {
      plans.dispose();
    }
  });

  it('runs a self-service action with its TARGET parameter prefilled', async () => {
    const h = harness(sandboxed.service);
    const pp = SEED.provisionedProducts.devBoxAlice;
    const actions = new ServiceActionController(h, { id: pp.id, name: pp.name });
    const list = await call(actions.handlers, 'listActions', {});
    const restart = list.find((a: { id: string }) => a.id === SEED.serviceActions.restartInstance);
    assert.ok(restart, 'restart action listed');
    const form = await call(actions.handlers, 'describeAction', { actionId: restart.id });
    const values = Object.fromEntries(form.parameters.map((p: { name: string; defaultValues: string[] }) => [p.name, p.defaultValues.join(',')]));
    const target = form.parameters.find((p: { type: string }) => p.type === 'TARGET');
    if (target) assert.match(target.explanation, /Filled in by Service Catalog/);
    const result = await call(actions.handlers, 'runAction', { actionId: restart.id, parameters: values });
    assert.match(result.recordId, /\S/);
    assert.equal(h.tracked.length, 1);
  });
});

describe('the plans panel acts only on its own provisioned product\'s plans', () => {
  // A fresh sandbox per test: each starts from the seeded plan of checkout-service.
  const sandboxed = useSandboxService({ perTest: true });

  /** The real service, counting the calls that change a plan. */
  function countingService() {
    const writes: string[] = [];
    const counted = Object.assign(Object.create(sandboxed.service) as ProvisioningService, {
      executePlan: (planId: string, token: string) => (writes.push(`execute ${planId}`), sandboxed.service.executePlan(planId, token)),
      deletePlan: (planId: string) => (writes.push(`delete ${planId}`), sandboxed.service.deletePlan(planId)),
    });
    return { counted, writes };
  }

  it('refuses a plan id of another provisioned product with a clear error, and sends no Execute or Delete', async () => {
    const checkout = SEED.provisionedProducts.checkoutService;
    const [foreign] = await sandboxed.service.listPlans(checkout.id);
    assert.ok(foreign?.PlanId, 'the seeded plan of checkout-service');
    const orders = SEED.provisionedProducts.ordersService;
    const { counted, writes } = countingService();
    const h = harness(counted);
    const panel = new PlanController(h, { id: orders.id, name: orders.name }, () => undefined, undefined, { intervalMs: 20, maxWaitMs: 1000 });
    try {
      assert.deepEqual(await call(panel.handlers, 'listPlans', {}), [], 'orders-service has no plans of its own');
      for (const method of ['executePlan', 'deletePlan', 'describePlan'] as const) {
        const refused = await rejection(call(panel.handlers, method, { planId: foreign.PlanId }));
        assert.equal(refused.code, 'ForeignPlan', method);
        assert.match(refused.message, new RegExp(`not a plan of ${orders.name}`), method);
      }
      assert.deepEqual(writes, [], 'nothing was executed or deleted');
      assert.equal(h.tracked.length, 0);
      const after = await sandboxed.service.describePlan(foreign.PlanId);
      assert.notEqual(after.details.Status, 'EXECUTE_IN_PROGRESS', 'the other product\'s plan was not executed');
    } finally {
      panel.dispose();
    }
  });

  it('still deletes a plan of its own provisioned product (executing one: the preview test above)', async () => {
    const checkout = SEED.provisionedProducts.checkoutService;
    const { counted, writes } = countingService();
    const panel = new PlanController(harness(counted), { id: checkout.id, name: checkout.name }, () => undefined, undefined, { intervalMs: 20, maxWaitMs: 1000 });
    try {
      const [own] = await call(panel.handlers, 'listPlans', {});
      assert.deepEqual(await call(panel.handlers, 'deletePlan', { planId: own.planId }), { deleted: true });
      assert.deepEqual(writes, [`delete ${own.planId}`]);
      await assert.rejects(sandboxed.service.describePlan(own.planId), { name: 'ResourceNotFoundException' });
    } finally {
      panel.dispose();
    }
  });
});

describe('the plans panel asks before it executes or discards a plan', () => {
  const sandboxed = useSandboxService({ perTest: true });

  /** The seeded plan of checkout-service in a panel whose confirmations answer `answer`, with the questions and the service's plan writes. */
  async function planPanel(answer: boolean, productName: string = SEED.provisionedProducts.checkoutService.name) {
    const writes: string[] = [];
    const asked: string[] = [];
    const counted = Object.assign(Object.create(sandboxed.service) as ProvisioningService, {
      executePlan: (planId: string, token: string) => (writes.push(`execute ${planId}`), sandboxed.service.executePlan(planId, token)),
      deletePlan: (planId: string) => (writes.push(`delete ${planId}`), sandboxed.service.deletePlan(planId)),
    });
    const h = harness(counted);
    const deps = { ...h, confirm: async (message: string, detail: string, button: string) => (asked.push(`${message}|${detail}|${button}`), answer) };
    const panel = new PlanController(deps, { id: SEED.provisionedProducts.checkoutService.id, name: productName }, () => undefined, undefined, { intervalMs: 20, maxWaitMs: 1000 });
    const [plan] = await call(panel.handlers, 'listPlans', {});
    return { panel, plan, writes, asked, h };
  }

  it('cancelled, sends nothing and says so to the page', async () => {
    const { panel, plan, writes, asked, h } = await planPanel(false);
    try {
      assert.deepEqual(await call(panel.handlers, 'executePlan', { planId: plan.planId }), { cancelled: true });
      assert.deepEqual(await call(panel.handlers, 'deletePlan', { planId: plan.planId }), { cancelled: true });
      assert.deepEqual(writes, [], 'neither Execute nor Delete was sent');
      assert.equal(h.tracked.length, 0);
      const name = SEED.provisionedProducts.checkoutService.name;
      assert.deepEqual(asked.map((q) => q.split('|')[0]), [`Execute plan "${plan.name}" of "${name}"?`, `Discard plan "${plan.name}" of "${name}"?`]);
      assert.deepEqual(asked.map((q) => q.split('|')[2]), ['Execute Plan', 'Discard Plan']);
      assert.notEqual((await sandboxed.service.describePlan(plan.planId)).details.Status, 'EXECUTE_IN_PROGRESS');
    } finally {
      panel.dispose();
    }
  });

  it('confirmed, executes the plan', async () => {
    const { panel, plan, writes } = await planPanel(true);
    try {
      const executed = await call(panel.handlers, 'executePlan', { planId: plan.planId });
      assert.match(executed.recordId, /\S/);
      assert.deepEqual(writes, [`execute ${plan.planId}`]);
    } finally {
      panel.dispose();
    }
  });

  it('names the product inert: its line breaks and link syntax do not reach the modal as such', async () => {
    const { panel, plan, asked } = await planPanel(false, 'evil\n[run](command:workbench.action.quit)');
    try {
      await call(panel.handlers, 'deletePlan', { planId: plan.planId });
      const [message] = asked[0].split('|');
      assert.ok(!message.includes('\n') && !message.includes(']('), message);
      assert.match(message, /"evil \[run\] \(command:workbench\.action\.quit\)"\?$/);
    } finally {
      panel.dispose();
    }
  });
});

describe('submission safety with a failing service', () => {
  const target = { productId: 'prod-1', provisioningArtifactId: 'pa-1' };
  const parameters = {
    ProvisioningArtifactParameters: [
      { ParameterKey: 'Name', ParameterType: 'String', ParameterConstraints: { MinLength: '3' } },
      { ParameterKey: 'Password', ParameterType: 'String', IsNoEcho: true },
    ],
  };

  function flakyService(failures: number) {
    const tokens: string[] = [];
    let release: () => void = () => undefined;
    const service = {
      describeProvisioningParameters: async () => parameters,
      provision: async (input: { ProvisionToken?: string }) => {
        tokens.push(input.ProvisionToken!);
        if (tokens.length <= failures) throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
        await new Promise<void>((r) => (release = r));
        return { RecordId: `rec-${tokens.length}`, ProvisionedProductId: 'pp-1', RecordType: 'PROVISION_PRODUCT' };
      },
    } as unknown as FormService;
    return { service, tokens, release: () => release() };
  }

  const request = (name: string): SubmitRequest => ({ target, submission: { provisionedProductName: name, parameters: { Name: 'alpha', Password: SECRET } } });

  it('reuses the token when the same submission is retried, makes a new one for new content, and sends nothing after success', async () => {
    const flaky = flakyService(2);
    const h = harness(flaky.service);
    const form = new ProvisionFormController(h);
    await assert.rejects(call(form.handlers, 'submit', request('one')), /socket hang up/);
    await assert.rejects(call(form.handlers, 'submit', request('two')), /socket hang up/);
    assert.notEqual(flaky.tokens[1], flaky.tokens[0], 'other content, other token');
    const retry = call(form.handlers, 'submit', request('one'));
    await new Promise((r) => setImmediate(r));
    assert.equal(flaky.tokens[2], flaky.tokens[0], 'a retry of the same content reuses the token');
    const second = await rejection(call(form.handlers, 'submit', request('one')));
    assert.equal(second.code, 'Busy', 'no second request while one is in flight');
    flaky.release();
    await retry;
    // A provision form that succeeded is its result: nothing more is sent from it.
    assert.equal((await rejection(call(form.handlers, 'submit', request('three')))).code, 'AlreadyProvisioned');
    assert.equal(flaky.tokens.length, 3);
    assert.ok(flaky.tokens.every((t) => /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,127}$/.test(t)), 'tokens fit the model');
    assert.ok(h.logLines.every((l) => !l.includes(SECRET)), 'NoEcho values never logged');
  });

  it('checks self-service action values before sending', () => {
    const form = { actionId: 'act-1', parameters: [{ name: 'TARGET', type: 'TARGET', defaultValues: ['i-1'] }] };
    assert.deepEqual(checkedParameters(form, { TARGET: 'i-1, i-2' }), { TARGET: ['i-1', 'i-2'] });
    assert.throws(() => checkedParameters(form, { TARGET: ' ' }), (e: RequestError) => !!e.fieldErrors?.['parameters.TARGET']);
    const hostile = { ...form, parameters: [{ ...form.parameters[0], name: '__proto__' }] };
    const checked = checkedParameters(hostile, JSON.parse('{"__proto__": "v1, v2"}'));
    assert.deepEqual(Object.entries(checked), [['__proto__', ['v1', 'v2']]], 'a parameter named __proto__ is sent, not made the prototype');
    assert.throws(() => checkedParameters(form, { TARGET: 'i-1', Other: 'x' }), (e: RequestError) => !!e.fieldErrors?.['parameters.Other']);
  });
});
