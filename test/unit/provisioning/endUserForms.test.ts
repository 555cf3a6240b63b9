// The forms as an ordinary end user (AWSServiceCatalogEndUserFullAccess) meets them: the sandbox signs
// them in as that user and refuses what IAM refuses, and its seed is as sparse as real answers
// (versions without names, products without ids, paths that refuse tag updates, Terraform products
// without plans). Real SDK against the sandbox; an inactive version in use is put in front of the
// sandbox's answer, its seed having none.
import * as assert from 'node:assert/strict';
import type { ProvisionedProductDetail, UpdateProvisionedProductInput } from '@aws-sdk/client-service-catalog';
import { ProvisioningService } from '../../../src/aws/provisioningService';
import type { ControllerDeps, FormService } from '../../../src/provisioning/controllerDeps';
import { PlanController } from '../../../src/provisioning/planController';
import { ProvisionFormController } from '../../../src/provisioning/provisionFormController';
import { UpdateFormController } from '../../../src/provisioning/updateFormController';
import { ServiceActionController } from '../../../src/provisioning/serviceActionController';
import type { Sandbox } from '../../../src/sandbox/index';
import { SEED } from '../../../src/sandbox/service/index';
import { startTestSandbox } from '../../support/sandbox';
import { extensionApi } from '../../support/faults';
import type { CatalogApi } from '../../../src/aws/catalogApi';
import { iamActionEntry } from '../../../src/core/iamActions';
import { call, controllerDeps, rejection } from '../../support/formDeps';

const P = SEED.products;
const PP = SEED.provisionedProducts;

/** The end user's service with some answers replaced (what real accounts return where the seed differs). */
function withAnswers(service: FormService, answers: Partial<FormService>): FormService {
  return new Proxy(service, {
    get: (target, key) => {
      if (key in answers) return (answers as Record<PropertyKey, unknown>)[key];
      const member = (target as unknown as Record<PropertyKey, unknown>)[key];
      return typeof member === 'function' ? member.bind(target) : member;
    },
  });
}

describe('forms as an end user', function () {
  this.timeout(20_000);
  let sandbox: Sandbox;
  let api: CatalogApi;
  let service: ProvisioningService;
  /** What UpdateProvisionedProduct calls carried, as sent. */
  const updates: UpdateProvisionedProductInput[] = [];
  before(async () => {
    sandbox = await startTestSandbox();
    api = extensionApi(sandbox);
    api.client.middlewareStack.add((next, context) => async (args) => {
      if (context.commandName === 'UpdateProvisionedProductCommand') updates.push(structuredClone(args.input as UpdateProvisionedProductInput));
      return next(args);
    }, { step: 'initialize', name: 'recordUpdates' });
    service = new ProvisioningService(api.client);
  });
  after(() => {
    api.dispose();
    return sandbox.stop();
  });
  const calls = (operation: string) => api.calls.byOperation[operation] ?? 0;

  const deps = (s: FormService = service, overrides: Partial<ControllerDeps> = {}) => controllerDeps(s, overrides);

  it('opens a provision form with its versions from DescribeProduct, deprecated ones marked, no administrator call', async () => {
    const form = new ProvisionFormController(deps(), P.staticWebsite.id);
    const options = await call(form.handlers, 'loadProduct', { productId: P.staticWebsite.id });
    assert.deepEqual(options.versions.map((v: { id: string }) => v.id), [P.staticWebsite.versions.v20, P.staticWebsite.versions.v11, P.staticWebsite.versions.v10]);
    assert.equal(options.versions.find((v: { id: string }) => v.id === P.staticWebsite.versions.v10).deprecated, true);
    assert.equal(options.preselectedVersionId, P.staticWebsite.versions.v20);
    assert.equal(options.plansSupported, true);
    const called = Object.keys(api.calls.byOperation);
    assert.ok(called.length > 0);
    for (const operation of called) assert.ok(['all', 'own'].includes(iamActionEntry(operation)?.endUser ?? 'none'), `${operation}: nothing the end user may not call`);
  });

  it('shows a version without a name by its id', async () => {
    const product = P.legacyDatabase;
    const form = new ProvisionFormController(deps(), product.id);
    const options = await call(form.handlers, 'loadProduct', { productId: product.id });
    const unnamed = options.versions.find((v: { id: string }) => v.id === product.versions.v15);
    assert.deepEqual(unnamed, { id: product.versions.v15, name: product.versions.v15, deprecated: true }, 'the seed\'s version 1.5 has no name');
  });

  it('offers no preview for a Terraform product and refuses one from the page, sending no plan', async () => {
    const form = new ProvisionFormController(deps(), P.terraformBucket.id);
    const options = await call(form.handlers, 'loadProduct', { productId: P.terraformBucket.id });
    assert.equal(options.plansSupported, false);
    const target = { productId: P.terraformBucket.id, provisioningArtifactId: P.terraformBucket.versions.v11, pathId: options.preselectedPathId };
    const before = calls('CreateProvisionedProductPlan');
    const refused = await rejection(call(form.handlers, 'preview', { target, submission: { provisionedProductName: 'tf-plan', parameters: {} } }));
    assert.equal(refused.code, 'PlansUnsupported');
    assert.match(refused.message, /only for CloudFormation products.*TERRAFORM_OPEN_SOURCE.*Nothing was sent/);
    assert.equal(calls('CreateProvisionedProductPlan'), before);
  });

  it('refuses the plans panel of a Control Tower account (not a CloudFormation product)', async () => {
    const plans = new PlanController(deps(), { id: PP.sandboxAccount.id, name: PP.sandboxAccount.name }, () => {});
    const refused = await rejection(plans.init());
    assert.equal(refused.code, 'PlansUnsupported');
    plans.dispose();
  });

  it('opens an update whose version is no longer offered, and says so', async () => {
    const pp = PP.ordersService;
    const inactive = withAnswers(service, {
      describeProvisionedProduct: async (id: string): Promise<ProvisionedProductDetail> => ({ ...(await service.describeProvisionedProduct(id)), ProvisioningArtifactId: P.containerService.versions.v1 }),
    });
    const form = new UpdateFormController(deps(inactive), { id: pp.id, name: pp.name });
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    const options = await call(form.handlers, 'loadProduct', { productId: init.current.productId });
    const inUse = options.versions.find((v: { id: string }) => v.id === P.containerService.versions.v1);
    assert.deepEqual(inUse, { id: P.containerService.versions.v1, name: P.containerService.versions.v1, deprecated: false, current: true, inactive: true });
    assert.equal(options.preselectedVersionId, P.containerService.versions.v1);
    assert.ok(options.versions.length > 1, 'the active versions are offered too');
  });

  it('says why a provisioned product without ProductId cannot be updated or run actions, and sends nothing', async () => {
    const pp = PP.reportingDb2018;
    const detail = await service.describeProvisionedProduct(pp.id);
    assert.equal(detail.ProductId, undefined, 'the seed\'s old product has no ProductId');
    const update = new UpdateFormController(deps(), { id: pp.id, name: pp.name });
    const refused = await rejection(update.init());
    assert.equal(refused.code, 'NoProductVersion');
    assert.match(refused.message, /Update unavailable for reporting-db-2018: Service Catalog does not say its product or its version/);
    const action = new ServiceActionController(deps(), { id: pp.id, name: pp.name });
    await action.init();
    assert.equal((await rejection(call(action.handlers, 'listActions', {}))).code, 'NoProductVersion');
  });

  it('shows the tags read-only where the path refuses tag updates, and never sends Tags', async () => {
    // Launched through Data & Analytics, whose path has no RESOURCE_UPDATE constraint.
    const pp = PP.ordersService;
    const tags = [{ Key: 'team', Value: 'orders' }, { Key: 'aws:servicecatalog:productArn', Value: 'arn:aws:catalog:us-east-1:123456789012:product/prod-x' }];
    const form = new UpdateFormController(deps(service, { listedTags: () => tags }), { id: pp.id, name: pp.name });
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    assert.deepEqual(init.listedTags, { user: [{ key: 'team', value: 'orders' }], system: [{ key: 'aws:servicecatalog:productArn', value: tags[1].Value }] });
    const loaded = await call(form.handlers, 'loadParameters', init.current);
    assert.equal(loaded.form.tagUpdate, 'NOT_ALLOWED');
    const keep = loaded.form.fields.map((f: { key: string }) => f.key);
    const sentBefore = updates.length;
    const refused = await rejection(call(form.handlers, 'submit', { target: init.current, submission: { parameters: {}, keepPrevious: keep, tags: [{ key: 'team', value: 'data' }] } }));
    assert.equal(refused.code, 'ValidationFailed');
    assert.match(refused.fieldErrors?.tags ?? '', /do not allow tag updates/);
    assert.equal(updates.length, sentBefore, 'nothing sent');
    await call(form.handlers, 'submit', { target: init.current, submission: { parameters: {}, keepPrevious: keep } });
    assert.equal(updates.length, sentBefore + 1);
    assert.equal(updates[sentBefore].Tags, undefined);
  });

  it('refuses aws: tags in an update that may change tags (they are the service\'s)', async () => {
    const pp = PP.webMarketingSite;
    const form = new UpdateFormController(deps(), { id: pp.id, name: pp.name });
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    const loaded = await call(form.handlers, 'loadParameters', init.current);
    const keep = loaded.form.fields.map((f: { key: string }) => f.key);
    const refused = await rejection(call(form.handlers, 'submit', {
      target: init.current, submission: { parameters: {}, keepPrevious: keep, tags: [{ key: 'aws:servicecatalog:productArn', value: 'x' }] },
    }));
    assert.match(refused.fieldErrors?.['tags.0.key'] ?? '', /reserved/);
  });

  it('shows a just-provisioned product in the tree at once, from DescribeProvisionedProduct, named', async () => {
    const known: { detail: ProvisionedProductDetail; names: object }[] = [];
    const form = new ProvisionFormController(deps(service, { knowProduct: (detail, names) => known.push({ detail, names }) }), P.staticWebsite.id);
    const options = await call(form.handlers, 'loadProduct', { productId: P.staticWebsite.id });
    const target = { productId: P.staticWebsite.id, provisioningArtifactId: P.staticWebsite.versions.v20, pathId: options.preselectedPathId };
    await call(form.handlers, 'loadParameters', target);
    const result = await call(form.handlers, 'submit', { target, submission: {
      provisionedProductName: 'end-user-site', parameters: { BucketName: 'end-user-site-bucket', Environment: 'dev' },
      tags: [{ key: 'CostCenter', value: 'cc-1001' }, { key: 'Environment', value: 'dev' }],
    } });
    for (let i = 0; i < 100 && !known.length; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(known.length, 1);
    assert.equal(known[0].detail.Id, result.provisionedProductId);
    assert.deepEqual(known[0].names, { ProductName: P.staticWebsite.name, ProvisioningArtifactName: 'v2.0' });
  });
});
