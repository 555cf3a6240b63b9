// Each caller's managed policy, enforced on every call through the real SDK over HTTP: what the end
// user may and may not do, the read-only user's refusals, the administrator's reach, and the denial
// exactly as the SDK parses it.
import * as assert from 'node:assert/strict';
import * as SC from '@aws-sdk/client-service-catalog';
import { SANDBOX_ADMIN, SANDBOX_READER, SANDBOX_USER, type Sandbox, type SandboxPersona } from '../../../../src/sandbox/index';
import { OPERATIONS } from '../../../../src/sandbox/service/operations';
import { SEED } from '../../../../src/sandbox/service/index';
import { caught, rawRequest, sdkClient, startTestSandbox } from '../../../support/sandbox';

const P = SEED.products;
const PP = SEED.provisionedProducts;
const ACCOUNT = SEED.accountId;
const ANY = `arn:aws:servicecatalog:us-east-1:${ACCOUNT}:*/*`;
const productArn = (id: string) => `arn:aws:catalog:us-east-1:${ACCOUNT}:product/${id}`;
const denial = (callerArn: string, action: string, resource: string) =>
  `User: ${callerArn} is not authorized to perform: servicecatalog:${action} on resource: ${resource} because no identity-based policy allows the servicecatalog:${action} action`;

type Client = SC.ServiceCatalogClient;

describe('sandbox IAM: managed policies on every call (SDK over HTTP)', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  const clients = {} as Record<SandboxPersona, Client>;
  let tokens = 0;
  const token = () => `iam-test-${++tokens}`;
  const send = (who: Client, operation: string, input: Record<string, unknown>) => who.send(new (SC as any)[`${operation}Command`](input));
  const errorName = async (who: Client, operation: string, input: Record<string, unknown>) =>
    send(who, operation, input).then(() => 'success', (err: Error) => err.name);

  before(async () => {
    sandbox = await startTestSandbox();
    for (const persona of ['endUser', 'other', 'readOnly', 'admin'] as const) clients[persona] = sdkClient(sandbox, { persona });
  });
  after(() => sandbox.stop());

  it('refuses the end user what AWSServiceCatalogEndUserFullAccess does not grant, as the SDK parses an IAM denial', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['ListProvisioningArtifacts', { ProductId: P.staticWebsite.id }, productArn(P.staticWebsite.id)],
      ['DescribeProvisioningArtifact', { ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v20 }, productArn(P.staticWebsite.id)],
      ['GetProvisionedProductOutputs', { ProvisionedProductId: PP.webMarketingSite.id }, ANY],
      ['UpdateProvisionedProductProperties', { ProvisionedProductId: PP.webMarketingSite.id, ProvisionedProductProperties: { OWNER: SEED.callers.colleague }, IdempotencyToken: token() }, ANY],
    ];
    for (const [operation, input, resource] of cases) {
      const err = await caught(() => send(clients.endUser, operation, input));
      assert.equal(err.name, 'AccessDeniedException', operation);
      assert.ok(err instanceof SC.ServiceCatalogServiceException, 'a service exception the SDK knows as such');
      assert.equal(err.$fault, 'client');
      assert.equal(err.$metadata.httpStatusCode, 400);
      assert.equal(err.message, denial(SANDBOX_USER.arn, operation, resource));
    }
    // Refused before the product is looked at: the product stays as it was.
    const { ProvisionedProductDetail } = await clients.admin.send(new SC.DescribeProvisionedProductCommand({ Id: PP.webMarketingSite.id }));
    assert.equal(ProvisionedProductDetail?.Status, 'AVAILABLE');
    const { RecordDetails = [] } = await clients.endUser.send(new SC.ListRecordHistoryCommand({ SearchFilter: { Key: 'provisionedproduct', Value: PP.webMarketingSite.id } }));
    assert.ok(!RecordDetails.some((r) => r.RecordType === 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES'), 'no property change was recorded');
  });

  it('answers the denial on the wire as AWS does: HTTP 400, {"__type":"AccessDeniedException","message":…}', async () => {
    const res = await rawRequest(sandbox, { target: 'GetProvisionedProductOutputs', body: JSON.stringify({ ProvisionedProductId: PP.webMarketingSite.id }) });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json(), { __type: 'AccessDeniedException', message: denial(SANDBOX_USER.arn, 'GetProvisionedProductOutputs', ANY) });
  });

  it('lets the end user browse, launch and manage what they own', async () => {
    const user = clients.endUser;
    const product = await user.send(new SC.DescribeProductCommand({ Id: P.staticWebsite.id }));
    assert.ok(product.ProvisioningArtifacts!.length > 0, 'versions come with DescribeProduct');
    await user.send(new SC.DescribeProductCommand({ Name: P.staticWebsite.name }));
    await user.send(new SC.DescribeProductViewCommand({ Id: P.staticWebsite.viewId }));
    await user.send(new SC.SearchProductsCommand({}));
    const paths = await user.send(new SC.ListLaunchPathsCommand({ ProductId: P.staticWebsite.id }));
    const ids = { ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v20, PathId: paths.LaunchPathSummaries![0].Id };
    await user.send(new SC.DescribeProvisioningParametersCommand(ids));
    await user.send(new SC.ListServiceActionsForProvisioningArtifactCommand({ ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v20 }));
    const launched = await user.send(new SC.ProvisionProductCommand({
      ...ids, ProvisionedProductName: 'iam-own-site', ProvisionToken: token(), ProvisioningParameters: [{ Key: 'BucketName', Value: 'iam-own-site' }],
    }));
    const ppId = launched.RecordDetail!.ProvisionedProductId!;
    await user.send(new SC.DescribeRecordCommand({ Id: launched.RecordDetail!.RecordId }));
    await user.send(new SC.DescribeProvisionedProductCommand({ Id: ppId }));
    await user.send(new SC.DescribeProvisionedProductCommand({ Name: 'iam-own-site' }));
    const scan = await user.send(new SC.ScanProvisionedProductsCommand({}));
    assert.ok(scan.ProvisionedProducts!.every((pp) => pp.Id !== PP.webDocsSite.id), 'Scan defaults to User: only mine');
    const mine = await user.send(new SC.SearchProvisionedProductsCommand({ AccessLevelFilter: { Key: 'User', Value: 'self' }, PageSize: 100 }));
    assert.ok(mine.ProvisionedProducts!.length > 0 && mine.ProvisionedProducts!.every((pp) => pp.UserArn === SANDBOX_USER.arn));
    await user.send(new SC.ListRecordHistoryCommand({}));
    const plans = await user.send(new SC.ListProvisionedProductPlansCommand({}));
    const plan = plans.ProvisionedProductPlans!.find((p) => p.PlanName === SEED.plans.checkoutServiceLaunch)!;
    await user.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId: plan.PlanId }));
    await user.send(new SC.DescribeServiceActionExecutionParametersCommand({ ProvisionedProductId: PP.devBoxAlice.id, ServiceActionId: SEED.serviceActions.restartInstance }));
    await user.send(new SC.ExecuteProvisionedProductServiceActionCommand({ ProvisionedProductId: PP.devBoxAlice.id, ServiceActionId: SEED.serviceActions.restartInstance, ExecuteToken: token() }));
    // A product still being provisioned can't be terminated yet: wait until its launch has finished.
    for (let i = 0; i < 400 && (await user.send(new SC.DescribeProvisionedProductCommand({ Id: ppId }))).ProvisionedProductDetail!.Status === 'UNDER_CHANGE'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await user.send(new SC.TerminateProvisionedProductCommand({ ProvisionedProductName: 'iam-own-site', TerminateToken: token() }));
  });

  it('refuses the end user any access level but User, and Search without one (its default is Account); the admin may use any', async () => {
    const listings: [string, Record<string, unknown>][] = [
      ['SearchProvisionedProducts', {}], ['ScanProvisionedProducts', {}], ['ListRecordHistory', {}], ['ListProvisionedProductPlans', {}],
    ];
    for (const [operation, input] of listings) {
      for (const Key of ['Account', 'Role']) {
        const err = await caught(() => send(clients.endUser, operation, { ...input, AccessLevelFilter: { Key, Value: 'self' } }));
        assert.equal(err.name, 'AccessDeniedException', `${operation} ${Key}`);
        assert.equal(err.message, denial(SANDBOX_USER.arn, operation, ANY));
        assert.equal(await errorName(clients.admin, operation, { ...input, AccessLevelFilter: { Key, Value: 'self' } }), 'success', `admin ${operation} ${Key}`);
      }
    }
    assert.equal(await errorName(clients.endUser, 'SearchProvisionedProducts', {}), 'AccessDeniedException');
    assert.equal(await errorName(clients.endUser, 'SearchProvisionedProducts', { AccessLevelFilter: { Key: 'User', Value: 'self' } }), 'success');
    const everyone = await clients.admin.send(new SC.SearchProvisionedProductsCommand({ PageSize: 100 }));
    assert.ok(everyone.ProvisionedProducts!.some((pp) => pp.UserArn === SEED.callers.colleague), 'the admin sees the whole account');
  });

  it("refuses the end user another user's provisioned product, records and plans", async () => {
    const user = clients.endUser;
    const theirs = PP.devBoxBob;
    const colleagueHistory = await clients.other.send(new SC.ListRecordHistoryCommand({ SearchFilter: { Key: 'provisionedproduct', Value: theirs.id } }));
    const theirRecord = colleagueHistory.RecordDetails![0].RecordId!;
    const plan = await clients.other.send(new SC.CreateProvisionedProductPlanCommand({
      PlanName: 'bob-plan', PlanType: 'CLOUDFORMATION', ProductId: P.devInstance.id, ProvisioningArtifactId: P.devInstance.versions.v11,
      ProvisionedProductName: theirs.name, IdempotencyToken: token(), ProvisioningParameters: [{ Key: 'InstanceType', Value: 't3.small' }],
    }));
    const historyOf = async () => (await clients.other.send(new SC.ListRecordHistoryCommand({ SearchFilter: { Key: 'provisionedproduct', Value: theirs.id } }))).RecordDetails!.map((r) => r.RecordId);
    const before = await historyOf();
    const refused: [string, Record<string, unknown>][] = [
      ['DescribeProvisionedProduct', { Id: theirs.id }],
      ['DescribeProvisionedProduct', { Name: theirs.name }],
      ['UpdateProvisionedProduct', { ProvisionedProductId: theirs.id, UpdateToken: token() }],
      ['TerminateProvisionedProduct', { ProvisionedProductName: theirs.name, TerminateToken: token() }],
      ['DescribeServiceActionExecutionParameters', { ProvisionedProductId: theirs.id, ServiceActionId: SEED.serviceActions.restartInstance }],
      ['ExecuteProvisionedProductServiceAction', { ProvisionedProductId: theirs.id, ServiceActionId: SEED.serviceActions.restartInstance, ExecuteToken: token() }],
      ['DescribeRecord', { Id: theirRecord }],
      ['DescribeProvisionedProductPlan', { PlanId: plan.PlanId }],
      ['ExecuteProvisionedProductPlan', { PlanId: plan.PlanId, IdempotencyToken: token() }],
      ['DeleteProvisionedProductPlan', { PlanId: plan.PlanId }],
      ['CreateProvisionedProductPlan', {
        PlanName: 'not-mine', PlanType: 'CLOUDFORMATION', ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v20,
        ProvisionedProductName: PP.webDocsSite.name, IdempotencyToken: token(),
      }],
    ];
    for (const [operation, input] of refused) {
      const err = await caught(() => send(user, operation, input));
      assert.equal(err.name, 'AccessDeniedException', `${operation} ${JSON.stringify(input)}`);
      assert.equal(err.message, denial(SANDBOX_USER.arn, operation, ANY));
    }
    // The owner still may; nothing the refused calls asked for happened.
    await clients.other.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId: plan.PlanId }));
    assert.deepEqual(await historyOf(), before, 'neither updated, terminated nor acted on');
    await clients.other.send(new SC.DeleteProvisionedProductPlanCommand({ PlanId: plan.PlanId }));
  });

  it('answers an id nobody has with the operation\'s own ResourceNotFoundException, unless the action is never granted', async () => {
    const user = clients.endUser;
    for (const [operation, input] of [
      ['DescribeProvisionedProduct', { Id: 'pp-doesnotexist1' }], ['DescribeRecord', { Id: 'rec-doesnotexist' }],
      ['DescribeProvisionedProductPlan', { PlanId: 'plan-doesnotexist' }], ['TerminateProvisionedProduct', { ProvisionedProductId: 'pp-doesnotexist1', TerminateToken: token() }],
      ['DescribeProduct', { Id: 'prod-doesnotexist' }],
    ] as const) {
      assert.equal(await errorName(user, operation, input), 'ResourceNotFoundException', operation);
    }
    assert.equal(await errorName(user, 'GetProvisionedProductOutputs', { ProvisionedProductId: 'pp-doesnotexist1' }), 'AccessDeniedException');
    assert.equal(await errorName(user, 'ListProvisioningArtifacts', { ProductId: 'prod-doesnotexist' }), 'AccessDeniedException');
  });

  it('refuses the read-only user every write and grants the same reads', async () => {
    const reader = clients.readOnly;
    const launch = { ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v20, PathId: SEED.portfolios.platform.pathId };
    const writes: [string, Record<string, unknown>, string][] = [
      ['ProvisionProduct', { ...launch, ProvisionedProductName: 'reader-site', ProvisionToken: token(), ProvisioningParameters: [{ Key: 'BucketName', Value: 'reader-site' }] }, productArn(P.staticWebsite.id)],
      ['UpdateProvisionedProduct', { ProvisionedProductId: PP.webMarketingSite.id, UpdateToken: token() }, ANY],
      ['TerminateProvisionedProduct', { ProvisionedProductId: PP.webMarketingSite.id, TerminateToken: token() }, ANY],
      ['ExecuteProvisionedProductServiceAction', { ProvisionedProductId: PP.devBoxAlice.id, ServiceActionId: SEED.serviceActions.restartInstance, ExecuteToken: token() }, ANY],
      ['CreateProvisionedProductPlan', { ...launch, PlanName: 'reader-plan', PlanType: 'CLOUDFORMATION', ProvisionedProductName: 'reader-site', IdempotencyToken: token() }, ANY],
      ['ExecuteProvisionedProductPlan', { PlanId: 'plan-doesnotexist', IdempotencyToken: token() }, ANY],
      ['DeleteProvisionedProductPlan', { PlanId: 'plan-doesnotexist' }, ANY],
      ['UpdateProvisionedProductProperties', { ProvisionedProductId: PP.webMarketingSite.id, ProvisionedProductProperties: { OWNER: SANDBOX_READER.arn }, IdempotencyToken: token() }, ANY],
    ];
    for (const [operation, input, resource] of writes) {
      const err = await caught(() => send(reader, operation, input));
      assert.equal(err.name, 'AccessDeniedException', operation);
      assert.equal(err.message, denial(SANDBOX_READER.arn, operation, resource));
    }
    await reader.send(new SC.SearchProductsCommand({}));
    await reader.send(new SC.DescribeProductCommand({ Id: P.staticWebsite.id }));
    await reader.send(new SC.DescribeProvisioningParametersCommand(launch));
    const owned = (await reader.send(new SC.ScanProvisionedProductsCommand({}))).ProvisionedProducts ?? [];
    assert.deepEqual(owned.map((p) => p.Id), [PP.readerWikiSite.id], 'owns only what the admin handed over');
    assert.equal(await errorName(reader, 'DescribeProvisionedProduct', { Id: PP.webMarketingSite.id }), 'AccessDeniedException', "another user's");
  });

  it('lets the administrator call every operation the sandbox serves', async () => {
    const admin = clients.admin;
    const inputs: Record<string, Record<string, unknown>> = {
      DescribeProduct: { Id: P.staticWebsite.id }, DescribeProductView: { Id: P.staticWebsite.viewId }, ListLaunchPaths: { ProductId: P.staticWebsite.id },
      ListProvisioningArtifacts: { ProductId: P.staticWebsite.id },
      DescribeProvisioningArtifact: { ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v20 },
      DescribeProvisioningParameters: { ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v20, PathId: SEED.portfolios.platform.pathId },
      ListServiceActionsForProvisioningArtifact: { ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v20 },
      DescribeProvisionedProduct: { Id: PP.webDocsSite.id }, GetProvisionedProductOutputs: { ProvisionedProductId: PP.webDocsSite.id },
      DescribeServiceActionExecutionParameters: { ProvisionedProductId: PP.devBoxBob.id, ServiceActionId: SEED.serviceActions.restartInstance },
      ExecuteProvisionedProductServiceAction: { ProvisionedProductId: PP.devBoxBob.id, ServiceActionId: SEED.serviceActions.restartInstance, ExecuteToken: token() },
      UpdateProvisionedProduct: { ProvisionedProductId: PP.logsBucket.id, UpdateToken: token() },
      UpdateProvisionedProductProperties: { ProvisionedProductId: PP.webDocsSite.id, ProvisionedProductProperties: { LAUNCH_ROLE: SEED.launchRoles.platform }, IdempotencyToken: token() },
      ProvisionProduct: {
        ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v20, PathId: SEED.portfolios.platform.pathId,
        ProvisionedProductName: 'admin-site', ProvisionToken: token(), ProvisioningParameters: [{ Key: 'BucketName', Value: 'admin-site' }],
      },
      CreateProvisionedProductPlan: {
        PlanName: 'admin-plan', PlanType: 'CLOUDFORMATION', ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v20,
        PathId: SEED.portfolios.platform.pathId, ProvisionedProductName: 'admin-plan-site', IdempotencyToken: token(), ProvisioningParameters: [{ Key: 'BucketName', Value: 'admin-plan-site' }],
      },
      TerminateProvisionedProduct: { ProvisionedProductName: PP.webMarketingSite.name, TerminateToken: token() },
      DescribeRecord: { Id: 'rec-doesnotexist' }, DescribeProvisionedProductPlan: { PlanId: 'plan-doesnotexist' },
      ExecuteProvisionedProductPlan: { PlanId: 'plan-doesnotexist', IdempotencyToken: token() }, DeleteProvisionedProductPlan: { PlanId: 'plan-doesnotexist' },
    };
    for (const operation of Object.keys(OPERATIONS)) {
      const answer = await errorName(admin, operation, inputs[operation] ?? {});
      assert.notEqual(answer, 'AccessDeniedException', operation);
      if (inputs[operation] && !/doesnotexist/.test(JSON.stringify(inputs[operation]))) assert.equal(answer, 'success', operation);
    }
    assert.equal(SANDBOX_ADMIN.policy, 'AWSServiceCatalogAdminFullAccess');
  });
});
