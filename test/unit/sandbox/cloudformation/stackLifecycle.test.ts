// Stacks that follow records as they run: a provision watched over virtual time, a failing one,
// an update's parameters, stack instances, paging, escaping, throttling and the AWS CLI.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { DescribeStackEventsCommand, DescribeStacksCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeRecordCommand, ListStackInstancesForProvisionedProductCommand, ProvisionProductCommand, UpdateProvisionedProductCommand, type ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import type { Sandbox } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { caught, launchableProduct, personaKeys, sdkClient, startTestSandbox } from '../../../support/sandbox';
import { allEvents, cfnClient } from './describeStacks.test';

const P = SEED.products;

async function settle(sc: ServiceCatalogClient, recordId: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const { RecordDetail } = await sc.send(new DescribeRecordCommand({ Id: recordId }));
    if (RecordDetail?.Status === 'SUCCEEDED' || RecordDetail?.Status === 'FAILED') return RecordDetail.Status;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`record ${recordId} did not settle`);
}

async function stackArnOf(sc: ServiceCatalogClient, recordId: string): Promise<string> {
  const { RecordOutputs = [] } = await sc.send(new DescribeRecordCommand({ Id: recordId }));
  return RecordOutputs.find((o) => o.OutputKey === 'CloudformationStackARN')!.OutputValue!;
}

describe('sandbox CloudFormation: stacks follow records', () => {
  let sandbox: Sandbox;
  let sc: ServiceCatalogClient;
  before(async () => {
    sandbox = await startTestSandbox();
    sc = sdkClient(sandbox);
  });
  after(() => sandbox.stop());

  it('a provision shows resources starting in waves and the stack completing at the end', async () => {
    const launch = await launchableProduct(sc);
    const { RecordDetail } = await sc.send(new ProvisionProductCommand({ ...launch, ProvisionedProductName: 'cfn-watch', ProvisionToken: 'cfn-watch-1' }));
    assert.equal(await settle(sc, RecordDetail!.RecordId!), 'SUCCEEDED');
    const arn = await stackArnOf(sc, RecordDetail!.RecordId!);
    const cfn = cfnClient(sandbox);
    const events = (await allEvents(cfn, arn)).reverse();
    assert.equal(events[0].ResourceStatus, 'CREATE_IN_PROGRESS');
    assert.equal(events.at(-1)!.ResourceStatus, 'CREATE_COMPLETE');
    assert.equal(events.at(-1)!.LogicalResourceId, events[0].LogicalResourceId);
    const resources = events.filter((e) => e.ResourceType !== 'AWS::CloudFormation::Stack');
    for (const id of new Set(resources.map((e) => e.LogicalResourceId))) {
      const statuses = resources.filter((e) => e.LogicalResourceId === id).map((e) => `${e.ResourceStatus}:${e.ResourceStatusReason ?? ''}`);
      assert.deepEqual(statuses, ['CREATE_IN_PROGRESS:', 'CREATE_IN_PROGRESS:Resource creation Initiated', 'CREATE_COMPLETE:']);
    }
    const { Stacks = [] } = await cfn.send(new DescribeStacksCommand({ StackName: arn }));
    assert.equal(Stacks[0].StackStatus, 'CREATE_COMPLETE');
    const { StackResourceSummaries = [] } = await cfn.send(new ListStackResourcesCommand({ StackName: arn }));
    assert.ok(StackResourceSummaries.every((r) => r.ResourceStatus === 'CREATE_COMPLETE' && r.PhysicalResourceId));
  });

  it('a failing provision fails on Cluster with the handler message and rolls back', async () => {
    const { RecordDetail } = await sc.send(new ProvisionProductCommand({
      ProductId: P.analyticsCluster.id, ProvisioningArtifactId: P.analyticsCluster.versions.v02, ProvisionedProductName: 'cfn-fails', ProvisionToken: 'cfn-fails-1',
      ProvisioningParameters: [{ Key: 'ClusterName', Value: 'cfn-fails' }, { Key: 'CoreNodeCount', Value: '3' }],
    }));
    assert.equal(await settle(sc, RecordDetail!.RecordId!), 'FAILED');
    const arn = await stackArnOf(sc, RecordDetail!.RecordId!);
    const cfn = cfnClient(sandbox);
    const events = await allEvents(cfn, arn);
    const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED')!;
    assert.equal(failed.LogicalResourceId, 'Cluster');
    assert.match(failed.ResourceStatusReason!, /^Resource handler returned message: "Cluster .* could not start/);
    const { Stacks = [] } = await cfn.send(new DescribeStacksCommand({ StackName: arn }));
    assert.equal(Stacks[0].StackStatus, 'ROLLBACK_COMPLETE');
    assert.equal(String(events[0].ResourceStatus), 'ROLLBACK_COMPLETE');
    assert.ok(events.some((e) => e.ResourceStatusReason === 'The following resource(s) failed to create: [Cluster]. Rollback requested by user.'));
  });

  it('hostile text in a failure reason travels escaped and arrives verbatim', async () => {
    const hostile = '</ResourceStatusReason><x>&amp;"\'';
    const { RecordDetail } = await sc.send(new ProvisionProductCommand({
      ProductId: P.analyticsCluster.id, ProvisioningArtifactId: P.analyticsCluster.versions.v02, ProvisionedProductName: 'cfn-hostile', ProvisionToken: 'cfn-hostile-1',
      ProvisioningParameters: [{ Key: 'ClusterName', Value: hostile }, { Key: 'CoreNodeCount', Value: '3' }],
    }));
    await settle(sc, RecordDetail!.RecordId!);
    const events = await allEvents(cfnClient(sandbox), await stackArnOf(sc, RecordDetail!.RecordId!));
    const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED' && e.LogicalResourceId === 'Cluster')!;
    assert.ok(failed.ResourceStatusReason!.includes(`Cluster ${hostile} could not start`), failed.ResourceStatusReason);
  });

  it('a terminated stack is DELETE_COMPLETE by its ARN and does not exist by its name', async () => {
    const launch = await launchableProduct(sc);
    const { RecordDetail } = await sc.send(new ProvisionProductCommand({ ...launch, ProvisionedProductName: 'cfn-gone', ProvisionToken: 'cfn-gone-1' }));
    await settle(sc, RecordDetail!.RecordId!);
    const arn = await stackArnOf(sc, RecordDetail!.RecordId!);
    const { TerminateProvisionedProductCommand } = await import('@aws-sdk/client-service-catalog');
    const terminate = await sc.send(new TerminateProvisionedProductCommand({ ProvisionedProductName: 'cfn-gone', TerminateToken: 'cfn-gone-2' }));
    await settle(sc, terminate.RecordDetail!.RecordId!);
    const cfn = cfnClient(sandbox);
    const { Stacks = [] } = await cfn.send(new DescribeStacksCommand({ StackName: arn }));
    assert.equal(Stacks[0].StackStatus, 'DELETE_COMPLETE');
    assert.ok(Stacks[0].DeletionTime instanceof Date);
    const name = arn.split('/')[1];
    const err = await caught(() => cfn.send(new DescribeStacksCommand({ StackName: name })));
    assert.equal(err.message, `Stack with id ${name} does not exist`);
  });

  it('parameters follow a successful update', async () => {
    const launch = await launchableProduct(sc);
    const { RecordDetail } = await sc.send(new ProvisionProductCommand({ ...launch, ProvisionedProductName: 'cfn-update', ProvisionToken: 'cfn-update-1' }));
    await settle(sc, RecordDetail!.RecordId!);
    const arn = await stackArnOf(sc, RecordDetail!.RecordId!);
    const changed = launch.ProvisioningParameters.find((p) => /^[a-z]+$/i.test(p.Value)) ?? launch.ProvisioningParameters[0];
    const cfn = cfnClient(sandbox);
    const before = (await cfn.send(new DescribeStacksCommand({ StackName: arn }))).Stacks![0].Parameters!;
    const other = before.find((p) => p.ParameterKey === changed.Key)!.ParameterValue;
    const { DescribeProvisioningParametersCommand } = await import('@aws-sdk/client-service-catalog');
    const params = await sc.send(new DescribeProvisioningParametersCommand({ ProductId: launch.ProductId, ProvisioningArtifactId: launch.ProvisioningArtifactId, PathId: launch.PathId }));
    const spec = params.ProvisioningArtifactParameters!.find((p) => p.ParameterKey === changed.Key)!;
    const next = spec.ParameterConstraints?.AllowedValues?.find((v) => v !== other) ?? `${other}x`;
    const update = await sc.send(new UpdateProvisionedProductCommand({
      ProvisionedProductName: 'cfn-update', ProductId: launch.ProductId, ProvisioningArtifactId: launch.ProvisioningArtifactId, PathId: launch.PathId, UpdateToken: 'cfn-update-2',
      ProvisioningParameters: [{ Key: changed.Key, Value: next }],
    }));
    assert.equal(await settle(sc, update.RecordDetail!.RecordId!), 'SUCCEEDED');
    const { Stacks = [] } = await cfn.send(new DescribeStacksCommand({ StackName: arn }));
    assert.equal(Stacks[0].StackStatus, 'UPDATE_COMPLETE');
    assert.equal(Stacks[0].Parameters!.find((p) => p.ParameterKey === changed.Key)!.ParameterValue, next);
    assert.ok(Stacks[0].LastUpdatedTime instanceof Date);
  });

  it('lists a stack set product\'s instances, accounts × regions, and refuses a product that is no stack set', async () => {
    const { StackInstances = [] } = await sc.send(new ListStackInstancesForProvisionedProductCommand({ ProvisionedProductId: SEED.provisionedProducts.securityBaseline.id, PageSize: 4 }));
    assert.equal(StackInstances.length, 4);
    assert.ok(StackInstances.every((i) => /^\d{12}$/.test(i.Account!) && i.Region), JSON.stringify(StackInstances));
    // As real stack sets go: most instances current, one left behind by a failed rollout, one by a failed removal.
    assert.deepEqual(StackInstances.map((i) => `${i.Account} ${i.Region} ${i.StackInstanceStatus}`), [
      '123456789012 us-east-1 CURRENT', '123456789012 eu-west-1 CURRENT', '210987654321 us-east-1 INOPERABLE', '210987654321 eu-west-1 OUTDATED',
    ]);
    assert.ok(StackInstances.every((i) => Object.keys(i).sort().join() === 'Account,Region,StackInstanceStatus'), 'the model\'s members only (no StatusReason in Service Catalog\'s StackInstance)');
    const err = await caught(() => sc.send(new ListStackInstancesForProvisionedProductCommand({ ProvisionedProductId: SEED.provisionedProducts.devBoxAlice.id })));
    assert.equal(err.name, 'InvalidParametersException');
  });

  it('pages events 100 at a time with NextToken', async () => {
    const cfn = cfnClient(sandbox, 'admin');
    const name = `SC-123456789012-${SEED.provisionedProducts.webMarketingSite.id}`;
    const first = await cfn.send(new DescribeStackEventsCommand({ StackName: name }));
    const all = await allEvents(cfn, name);
    assert.ok((first.StackEvents ?? []).length <= 100);
    assert.equal(new Set(all.map((e) => e.EventId)).size, all.length);
    if (all.length > 100) assert.ok(first.NextToken);
  });

  it('answers in XML that escapes hostile text, and throttles in CloudFormation\'s words', async () => {
    const cfn = cfnClient(sandbox);
    const err = await caught(() => cfn.send(new DescribeStacksCommand({ StackName: 'SC-123456789012-<b>&"x\'</b>' })));
    assert.equal(err.name, 'ValidationError');
    assert.equal(err.message, 'Stack with id SC-123456789012-<b>&"x\'</b> does not exist');
    sandbox.setKnobs({ throttleRate: 1 });
    try {
      const throttled = await caught(() => cfn.send(new DescribeStacksCommand({ StackName: 'SC-123456789012-pp-x' })));
      assert.equal(throttled.name, 'Throttling');
      assert.equal(throttled.message, 'Rate exceeded');
      assert.equal(throttled.$metadata.httpStatusCode, 400);
    } finally {
      sandbox.setKnobs({ throttleRate: 0 });
    }
  });

  it('refuses a signature scoped to another service', async () => {
    const { CloudFormationClient } = await import('@aws-sdk/client-cloudformation');
    const wrong = new CloudFormationClient({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: personaKeys(sandbox, 'endUser'), maxAttempts: 1, signingName: 'servicecatalog' } as never);
    const err = await caught(() => wrong.send(new DescribeStacksCommand({ StackName: 'SC-123456789012-pp-x' })));
    assert.equal(err.name, 'InvalidSignatureException');
  });

  it('the AWS CLI reads a stack\'s events', async function () {
    const { accessKeyId, secretAccessKey } = personaKeys(sandbox, 'endUser');
    const arn = `SC-123456789012-${SEED.provisionedProducts.devBoxAlice.id}`;
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
    const out = await new Promise<string>((resolve, reject) => {
      execFile('aws', ['cloudformation', 'describe-stack-events', '--stack-name', arn, '--endpoint-url', sandbox.endpoint, '--region', 'us-east-1', '--output', 'json'], { env }, (err, stdout, stderr) => {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') { this.skip(); return; }
        if (err) reject(new Error(stderr)); else resolve(stdout);
      });
    });
    const events = JSON.parse(out).StackEvents as { ResourceStatus: string; LogicalResourceId: string }[];
    assert.ok(events.some((e) => e.LogicalResourceId === 'Instance' && e.ResourceStatus === 'CREATE_COMPLETE'));
  });
});
