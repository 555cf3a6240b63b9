// The provision form controller once its provisioning started: it is a result. A second submission (or
// preview) is refused whatever the page sends, the result's buttons act on the host's own record of it,
// and a restored panel of a finished form stays finished.
import * as assert from 'node:assert/strict';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import type { ProvisioningService } from '../../../src/aws/provisioningService';
import type { ControllerDeps, ProvisionResultActions } from '../../../src/provisioning/controllerDeps';
import { ProvisionFormController, restoredRecordId } from '../../../src/provisioning/provisionFormController';
import type { Handlers } from '../../../src/ui/webview/messageRouter';
import { RequestError } from '../../../src/core/webview/requestError';
import type { SubmitRequest } from '../../../src/core/webview/protocol';
import type { ProductToSave } from '../../../src/core/specs/specToSave';
import { SEED } from '../../../src/sandbox/service/index';
import { controllerDeps, useSandboxService } from '../../support/formDeps';

const P = SEED.products;
const target = { productId: P.staticWebsite.id, provisioningArtifactId: P.staticWebsite.versions.v20, pathId: SEED.portfolios.platform.pathId };

function request(name: string): SubmitRequest {
  return {
    target,
    submission: {
      provisionedProductName: name,
      parameters: { BucketName: `${name}-bucket`, Environment: 'dev' },
      tags: [{ key: 'CostCenter', value: 'cc-2002' }, { key: 'Environment', value: 'dev' }],
    },
  };
}

interface Calls {
  readonly actions: string[];
  readonly tracked: RecordDetail[];
  readonly sent: string[];
}

function deps(service: ProvisioningService, calls: Calls): ControllerDeps {
  const provisionResult: ProvisionResultActions = {
    copy: async (text) => void calls.actions.push(`copy ${text}`),
    follow: async (recordId) => void calls.actions.push(`follow ${recordId}`),
    reveal: async (id) => void calls.actions.push(`reveal ${id}`),
    provisionAnother: (start) => void calls.actions.push(`another ${JSON.stringify(start)}`),
  };
  const counting = Object.create(service) as ProvisioningService;
  counting.provision = (input) => (calls.sent.push(input.ProvisionedProductName ?? ''), service.provision(input));
  counting.createPlan = (input) => (calls.sent.push(`plan ${input.ProvisionedProductName ?? ''}`), service.createPlan(input));
  return controllerDeps(counting, { trackRecord: (r) => calls.tracked.push(r), provisionResult });
}

function call<M extends keyof Handlers>(handlers: Handlers, method: M, params: Parameters<NonNullable<Handlers[M]>>[0]) {
  return (handlers[method] as (p: unknown) => Promise<any>)(params);
}

async function refusal(promise: Promise<unknown>): Promise<RequestError> {
  const error = await promise.then(() => assert.fail('expected a refusal'), (e: unknown) => e);
  assert.ok(error instanceof RequestError, String(error));
  return error;
}

describe('provision form controller: a finished form is a result', () => {
  const sandboxed = useSandboxService();

  it('refuses a second submission and a preview after success, and sends nothing', async () => {
    const calls: Calls = { actions: [], tracked: [], sent: [] };
    const form = new ProvisionFormController(deps(sandboxed.service, calls));
    const result = await call(form.handlers, 'submit', request('finished-once'));
    assert.match(result.recordId, /\S/);
    for (const [method, name] of [['submit', 'finished-twice'], ['submit', 'finished-once'], ['preview', 'finished-plan']] as const) {
      const refused = await refusal(call(form.handlers, method, request(name)));
      assert.equal(refused.code, 'AlreadyProvisioned');
      assert.ok(refused.message.includes(result.recordId), refused.message);
    }
    assert.deepEqual(calls.sent, ['finished-once'], 'only the first submission reached the service');
    assert.equal(calls.tracked.length, 1);
    const init = await form.init();
    assert.deepEqual(init.kind === 'provision' ? init.finished : undefined, result, 'the page is told it is a result');
  });

  it('acts on its own result: copy and follow the record, reveal the product, provision another on the same target', async () => {
    const calls: Calls = { actions: [], tracked: [], sent: [] };
    const form = new ProvisionFormController(deps(sandboxed.service, calls));
    const early = await refusal(call(form.handlers, 'provisionResult', { action: 'follow' }));
    assert.equal(early.code, 'NotFinished', 'nothing to act on before the form provisioned');
    const result = await call(form.handlers, 'submit', request('finished-actions'));
    for (const action of ['copyRecordId', 'follow', 'reveal', 'provisionAnother'] as const) await call(form.handlers, 'provisionResult', { action });
    assert.deepEqual(calls.actions, [
      `copy ${result.recordId}`, `follow ${result.recordId}`, `reveal ${result.provisionedProductId}`, `another ${JSON.stringify(target)}`,
    ]);
  });

  it('restored from a page state naming its provisioning record, shows that record as the service says it and still refuses to submit', async () => {
    const first = await call(new ProvisionFormController(deps(sandboxed.service, { actions: [], tracked: [], sent: [] })).handlers, 'submit', request('restored-site'));
    // The page's state is the page's word: its product id and name are forged, only the record id is asked about.
    const state = { init: { kind: 'provision', connection: 'Sandbox' }, productId: 'prod-forged', result: { recordId: first.recordId, provisionedProductId: 'pp-forged', provisionedProductName: 'forged' } };
    const calls: Calls = { actions: [], tracked: [], sent: [] };
    const form = new ProvisionFormController(deps(sandboxed.service, calls), undefined, restoredRecordId(state));
    const init = await form.init();
    assert.ok(init.kind === 'provision' && init.finished, 'a result');
    assert.equal(init.finished.recordId, first.recordId);
    assert.equal(init.finished.provisionedProductId, first.provisionedProductId, 'the product the record names, not the page\'s');
    assert.equal(init.finished.provisionedProductName, 'restored-site');
    assert.equal(init.productId, target.productId);
    assert.equal((await refusal(call(form.handlers, 'submit', request('restored-again')))).code, 'AlreadyProvisioned');
    assert.deepEqual(calls.sent, []);
    for (const action of ['reveal', 'follow', 'provisionAnother'] as const) await call(form.handlers, 'provisionResult', { action });
    assert.deepEqual(calls.actions, [`reveal ${first.provisionedProductId}`, `follow ${first.recordId}`, `another ${JSON.stringify(target)}`]);
  });

  it('restored before the session reconnected (a window reload), reads its record once connected', async () => {
    const first = await call(new ProvisionFormController(deps(sandboxed.service, { actions: [], tracked: [], sent: [] })).handlers, 'submit', request('restored-later'));
    let connected = false;
    setTimeout(() => (connected = true), 600);
    const service = () => {
      if (!connected) throw new Error('Not connected');
      return sandboxed.service;
    };
    const reconnecting = { ...deps(sandboxed.service, { actions: [], tracked: [], sent: [] }), service, connectedAs: () => (connected ? { key: 'sandbox', label: 'Sandbox' } : undefined) };
    const form = new ProvisionFormController(reconnecting, undefined, first.recordId);
    const init = await form.init();
    assert.ok(init.kind === 'provision' && init.finished?.recordId === first.recordId, 'the result, read once the session was back');
  });

  it('restored from a page state naming no provisioning record of its connection, is a fresh form', async () => {
    const seeded = Object.values(SEED.provisionedProducts) as { id: string }[];
    const otherRecords = await Promise.all(seeded.map(async (pp) => {
      const recordId = (await sandboxed.service.describeProvisionedProduct(pp.id).catch(() => undefined))?.LastRecordId;
      return recordId ? sandboxed.service.recordDetail(recordId) : undefined;
    }));
    const notProvision = otherRecords.find((r) => r && r.RecordType !== 'PROVISION_PRODUCT');
    assert.ok(notProvision?.RecordId, 'the seed has a record of another operation');
    for (const recordId of ['rec-doesnotexist1', notProvision.RecordId]) {
      const calls: Calls = { actions: [], tracked: [], sent: [] };
      const state = { init: { kind: 'provision', connection: 'Sandbox' }, productId: target.productId, result: { recordId, provisionedProductId: 'pp-abc123' } };
      const form = new ProvisionFormController(deps(sandboxed.service, calls), target.productId, restoredRecordId(state));
      const init = await form.init();
      assert.ok(init.kind === 'provision' && !init.finished, `${recordId}: no result shown`);
      assert.equal((await refusal(call(form.handlers, 'provisionResult', { action: 'reveal' }))).code, 'NotFinished', 'nothing acts on the page\'s ids');
      assert.deepEqual(calls.actions, []);
    }
  });

  it('reads no record id from a page state that does not hold a well-formed one', () => {
    const init = { kind: 'provision', connection: 'Sandbox' };
    for (const state of [undefined, {}, { init }, { init, productId: target.productId, result: { recordId: 'rec 1; rm -rf' } }, { init, result: { recordId: 7 } }]) {
      assert.equal(restoredRecordId(state), undefined, JSON.stringify(state));
    }
  });
});

describe('provision form controller: Save as Spec File', () => {
  const sandboxed = useSandboxService();
  const container = { productId: P.containerService.id, provisioningArtifactId: P.containerService.versions.v3, pathId: SEED.portfolios.platform.pathId };
  const containerRequest = (parameters: Record<string, string>): SubmitRequest => ({
    target: container,
    submission: { provisionedProductName: 'orders', parameters, tags: [{ key: 'CostCenter', value: 'cc-2002' }, { key: 'Environment', value: 'dev' }] },
  });

  function saving(answer: string | undefined) {
    const saved: ProductToSave[] = [];
    const calls: Calls = { actions: [], tracked: [], sent: [] };
    const base = deps(sandboxed.service, calls);
    const form = new ProvisionFormController({ ...base, saveSpec: async (product) => (saved.push(product), answer) });
    return { form, saved, calls };
  }

  it('checks the values as a submission is: bad input is refused on its field, and nothing is saved or sent', async () => {
    const { form, saved, calls } = saving('orders.servicecatalog.yaml');
    const refused = await refusal(call(form.handlers, 'saveSpec', containerRequest({ ServiceName: 'Orders!', DbPassword: 'long-enough-secret' })));
    assert.equal(refused.code, 'ValidationFailed');
    assert.match(refused.message, /nothing was saved/);
    assert.match(refused.fieldErrors?.['parameters.ServiceName'] ?? '', /lowercase/);
    assert.deepEqual([saved.length, calls.sent.length], [0, 0]);
  });

  it('saves the checked values by ids, NoEcho as a key to reference, and sends nothing to the service', async () => {
    const { form, saved, calls } = saving('orders.servicecatalog.yaml');
    const result = await call(form.handlers, 'saveSpec', containerRequest({ ServiceName: 'orders', DesiredCount: '3', DbPassword: 'long-enough-secret' }));
    assert.deepEqual(result, { saved: 'orders.servicecatalog.yaml' });
    assert.equal(saved.length, 1);
    assert.deepEqual(
      { ...saved[0] },
      {
        name: 'orders', productId: container.productId, versionId: container.provisioningArtifactId, pathId: container.pathId,
        parameters: { ServiceName: 'orders', DesiredCount: '3' }, noEchoKeys: ['DbPassword'], tags: { CostCenter: 'cc-2002', Environment: 'dev' },
      },
    );
    assert.ok(!JSON.stringify(saved).includes('long-enough-secret'));
    assert.deepEqual(form.secretsOf('saveSpec', containerRequest({ ServiceName: 'orders', DbPassword: 'long-enough-secret' })), ['long-enough-secret'], 'the typed NoEcho value is kept out of the log');
    assert.deepEqual(calls.sent, []);
  });

  it('tells the page the user cancelled the dialog; refuses where spec files cannot be saved', async () => {
    const { form } = saving(undefined);
    assert.deepEqual(await call(form.handlers, 'saveSpec', containerRequest({ ServiceName: 'orders', DbPassword: 'long-enough-secret' })), { cancelled: true });
    const without = new ProvisionFormController(deps(sandboxed.service, { actions: [], tracked: [], sent: [] }));
    assert.equal((await refusal(call(without.handlers, 'saveSpec', containerRequest({ ServiceName: 'orders' })))).code, 'SaveUnavailable');
  });
});
