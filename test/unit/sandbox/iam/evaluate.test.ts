// IAM's evaluation of the managed policies, without a sandbox: actions, resource patterns, wildcards
// and the access-level condition, on the documents as AWS publishes them.
import * as assert from 'node:assert/strict';
import { evaluate, mayAllow, wildcard } from '../../../../src/sandbox/iam/evaluate';
import { MANAGED_POLICIES, type ManagedPolicy } from '../../../../src/sandbox/iam/managedPolicies';
import { levelContext, scopeOf, type CatalogOwners } from '../../../../src/sandbox/iam/serviceCatalog';
import { OPERATIONS } from '../../../../src/sandbox/service/operations';

const END_USER = MANAGED_POLICIES.AWSServiceCatalogEndUserFullAccess;
const READ_ONLY = MANAGED_POLICIES.AWSServiceCatalogEndUserReadOnlyAccess;
const ADMIN = MANAGED_POLICIES.AWSServiceCatalogAdminFullAccess;
const ANY = 'arn:aws:servicecatalog:us-east-1:123456789012:*/*';
const PRODUCT = 'arn:aws:catalog:us-east-1:123456789012:product/prod-abc';

const allows = (policy: ManagedPolicy, action: string, resource = ANY, level: 'user' | 'role' | 'account' = 'user') =>
  evaluate(policy, { action, resource, context: levelContext(level) }) === 'allow';

describe('sandbox IAM: policy evaluation', () => {
  it('judges GetProvisionedProductOutputs and UpdateProvisionedProductProperties without condition keys, as the Service Authorization Reference lists none', () => {
    const userLevelOnly: ManagedPolicy = {
      ...END_USER, statements: [{ Effect: 'Allow', Action: ['servicecatalog:*'], Resource: ['*'], Condition: { StringEquals: { 'servicecatalog:userLevel': 'self' } } }],
    };
    const caller = 'arn:aws:iam::123456789012:user/owner';
    const owners: CatalogOwners = { productIdByName: () => undefined, provisionedProductOwner: () => caller, recordOwner: () => undefined, planOwner: () => undefined };
    const origin = { callerArn: caller, accountId: '123456789012', region: 'us-east-1' };
    const decision = (operation: string, input: Record<string, unknown>) => {
      const request = scopeOf(operation, input, owners, origin);
      assert.notEqual(request.level, 'missing');
      return evaluate(userLevelOnly, { action: request.action, resource: request.resource, context: levelContext(request.level as Exclude<typeof request.level, 'missing'>) });
    };
    assert.equal(decision('DescribeProvisionedProduct', { Id: 'pp-1' }), 'allow', 'an owner\'s request is at user level');
    assert.equal(decision('GetProvisionedProductOutputs', { ProvisionedProductId: 'pp-1' }), 'implicitDeny', 'no userLevel key is set for it, even for the owner');
    assert.equal(decision('UpdateProvisionedProductProperties', { ProvisionedProductId: 'pp-1', ProvisionedProductProperties: { OWNER: caller } }), 'implicitDeny');
  });

  it('holds the published versions of the three managed policies, CloudFormation and SSM statements included', () => {
    assert.deepEqual([END_USER.versionId, READ_ONLY.versionId, ADMIN.versionId], ['v7', 'v1', 'v8']);
    for (const policy of [END_USER, ADMIN]) {
      for (const stack of ['stack/SC-123-abc/guid', 'stack/StackSet-SC-123/guid', 'changeSet/SC-123/guid', 'stackset/SC-123:guid']) {
        assert.ok(allows(policy, 'cloudformation:CreateStack', `arn:aws:cloudformation:us-east-1:123456789012:${stack}`), `${policy.name} ${stack}`);
      }
      assert.ok(!allows(policy, 'cloudformation:CreateStack', 'arn:aws:cloudformation:us-east-1:123456789012:stack/my-own-stack/guid'));
      assert.ok(allows(policy, 'ssm:GetAutomationExecution', '*'));
    }
    assert.ok(allows(READ_ONLY, 'cloudformation:DescribeStacks', 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-1/guid'));
    assert.ok(!allows(READ_ONLY, 'cloudformation:CreateStack', 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-1/guid'));
  });

  it('grants the end user the catalog on any resource, and provisioned products only at user level', () => {
    for (const action of ['DescribeProduct', 'DescribeProductView', 'DescribeProvisioningParameters', 'ListLaunchPaths', 'ProvisionProduct', 'SearchProducts']) {
      assert.ok(allows(END_USER, `servicecatalog:${action}`, PRODUCT, 'account'), action);
    }
    const selfOnly = [
      'DescribeProvisionedProduct', 'DescribeRecord', 'ListRecordHistory', 'ListStackInstancesForProvisionedProduct', 'ScanProvisionedProducts',
      'TerminateProvisionedProduct', 'UpdateProvisionedProduct', 'SearchProvisionedProducts', 'CreateProvisionedProductPlan', 'DescribeProvisionedProductPlan',
      'ExecuteProvisionedProductPlan', 'DeleteProvisionedProductPlan', 'ListProvisionedProductPlans', 'ListServiceActionsForProvisioningArtifact',
      'ExecuteProvisionedProductServiceAction', 'DescribeServiceActionExecutionParameters',
    ];
    for (const action of selfOnly) {
      assert.ok(allows(END_USER, `servicecatalog:${action}`, ANY, 'user'), action);
      assert.ok(!allows(END_USER, `servicecatalog:${action}`, ANY, 'role'), `${action} at role level`);
      assert.ok(!allows(END_USER, `servicecatalog:${action}`, ANY, 'account'), `${action} at account level`);
      assert.ok(mayAllow(END_USER, `servicecatalog:${action}`, ANY));
    }
    for (const action of ['ListProvisioningArtifacts', 'DescribeProvisioningArtifact', 'GetProvisionedProductOutputs', 'UpdateProvisionedProductProperties']) {
      assert.ok(!mayAllow(END_USER, `servicecatalog:${action}`, PRODUCT), `${action} is not granted in any context`);
    }
  });

  it('gives the read-only user the same reads and no writes', () => {
    for (const action of ['ProvisionProduct', 'UpdateProvisionedProduct', 'TerminateProvisionedProduct', 'CreateProvisionedProductPlan', 'ExecuteProvisionedProductPlan',
      'DeleteProvisionedProductPlan', 'ExecuteProvisionedProductServiceAction', 'UpdateProvisionedProductProperties']) {
      assert.ok(!mayAllow(READ_ONLY, `servicecatalog:${action}`, PRODUCT), action);
    }
    for (const action of ['DescribeProvisionedProduct', 'DescribeRecord', 'ScanProvisionedProducts', 'DescribeServiceActionExecutionParameters']) {
      assert.ok(allows(READ_ONLY, `servicecatalog:${action}`, ANY, 'user') && !allows(READ_ONLY, `servicecatalog:${action}`, ANY, 'account'), action);
    }
  });

  it('gives the administrator every operation the sandbox serves, at every level', () => {
    for (const operation of Object.keys(OPERATIONS)) {
      assert.ok(allows(ADMIN, `servicecatalog:${operation}`, PRODUCT, 'account'), operation);
      assert.ok(allows(ADMIN, `servicecatalog:${operation}`, ANY, 'account'), operation);
    }
  });

  it('matches actions without regard to case and resources with it, `*` and `?` as wildcards, nothing else special', () => {
    assert.ok(allows(END_USER, 'ServiceCatalog:describeproduct'));
    assert.ok(wildcard('arn:aws:cloudformation:*:*:stack/SC-*', false).test('arn:aws:cloudformation:eu-west-1:1:stack/SC-1/x'));
    assert.ok(!wildcard('arn:aws:cloudformation:*:*:stack/SC-*', false).test('arn:aws:cloudformation:eu-west-1:1:stack/sc-1/x'));
    assert.ok(wildcard('servicecatalog:List?', true).test('servicecatalog:ListX'));
    assert.ok(!wildcard('servicecatalog:List?', true).test('servicecatalog:List'));
    assert.ok(!wildcard('a.c', false).test('abc'), 'a dot is literal');
  });

  it('applies an explicit Deny over any Allow', () => {
    const denying: ManagedPolicy = { ...ADMIN, statements: [...ADMIN.statements, { Effect: 'Deny', Action: ['servicecatalog:Terminate*'], Resource: ['*'] }] };
    assert.equal(evaluate(denying, { action: 'servicecatalog:TerminateProvisionedProduct', resource: ANY, context: {} }), 'explicitDeny');
    assert.equal(evaluate(denying, { action: 'servicecatalog:DescribeRecord', resource: ANY, context: {} }), 'allow');
  });

  it('asks about a Product ARN where the Service Authorization Reference gives one, else about the account\'s `*/*`', () => {
    const owners: CatalogOwners = {
      productIdByName: (name) => (name === 'Static Website' ? 'prod-web' : undefined),
      provisionedProductOwner: () => undefined, recordOwner: () => undefined, planOwner: () => undefined,
    };
    const origin = { callerArn: 'arn:aws:iam::123456789012:user/u', accountId: '123456789012', region: 'eu-west-1' };
    assert.equal(scopeOf('ProvisionProduct', { ProductName: 'Static Website' }, owners, origin).resource, 'arn:aws:catalog:eu-west-1:123456789012:product/prod-web');
    assert.equal(scopeOf('DescribeProduct', { Id: 'prod-x' }, owners, origin).resource, 'arn:aws:catalog:eu-west-1:123456789012:product/prod-x');
    assert.equal(scopeOf('GetProvisionedProductOutputs', { ProvisionedProductId: 'pp-x' }, owners, origin).resource, 'arn:aws:servicecatalog:eu-west-1:123456789012:*/*');
    assert.equal(scopeOf('DescribeRecord', { Id: 'rec-x' }, owners, origin).level, 'missing');
    assert.equal(scopeOf('SearchProvisionedProducts', {}, owners, origin).level, 'account', 'SearchProvisionedProducts defaults to Account');
    assert.equal(scopeOf('ScanProvisionedProducts', {}, owners, origin).level, 'user');
    assert.equal(scopeOf('ListRecordHistory', { AccessLevelFilter: { Key: 'Role', Value: 'self' } }, owners, origin).level, 'role');
    for (const operation of Object.keys(OPERATIONS)) assert.doesNotThrow(() => scopeOf(operation, {}, owners, origin), operation);
    assert.throws(() => scopeOf('CreatePortfolio', {}, owners, origin), /No IAM scope/);
  });

  it("asks at role level about a product another session of the caller's role owns", () => {
    const session = (name: string) => `arn:aws:sts::123456789012:assumed-role/TeamRole/${name}`;
    const ownedBy = (owner: string): CatalogOwners => ({ productIdByName: () => undefined, provisionedProductOwner: () => owner, recordOwner: () => owner, planOwner: () => owner });
    const origin = { callerArn: session('alice'), accountId: '123456789012', region: 'us-east-1' };
    assert.equal(scopeOf('DescribeProvisionedProduct', { Id: 'pp-1' }, ownedBy(session('alice')), origin).level, 'user');
    assert.equal(scopeOf('DescribeProvisionedProduct', { Id: 'pp-1' }, ownedBy(session('bob')), origin).level, 'role');
    assert.equal(scopeOf('DescribeRecord', { Id: 'rec-1' }, ownedBy('arn:aws:sts::123456789012:assumed-role/OtherRole/alice'), origin).level, 'account');
    assert.equal(scopeOf('DescribeProvisionedProductPlan', { PlanId: 'plan-1' }, ownedBy('arn:aws:iam::123456789012:user/alice'), origin).level, 'account');
  });
});
