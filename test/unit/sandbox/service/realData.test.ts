// The sandbox answers like a real account: the service's error words, launch paths only through
// portfolios shared with the caller, system tags, stack outputs, sparse seeded data, and a search
// index that trails writes. Through the real SDK over HTTP, as the default end user unless a fact
// is about the admin, with a fake clock.
import assert from 'node:assert/strict';
import * as SC from '@aws-sdk/client-service-catalog';
import { createService, SEED } from '../../../../src/sandbox/service/index';
import type { Sandbox } from '../../../../src/sandbox/index';
import { caught, sdkClient, startTestSandbox } from '../../../support/sandbox';

const P = SEED.products;
const PP = SEED.provisionedProducts;
const MINUTE = 60_000;
/** Longer than any seeded static website takes to provision, update or terminate (about a minute). */
const LAG = 5 * MINUTE;
const MINE = { Key: 'User', Value: 'self' } as const;

describe('real-looking data (SDK over HTTP, fake clock)', function () {
  let now = Date.UTC(2025, 0, 15, 12);
  let lag = 0;
  let sandbox: Sandbox;
  let client: SC.ServiceCatalogClient;
  let admin: SC.ServiceCatalogClient;
  let tokens = 0;
  const token = () => `data-token-${++tokens}`;
  const detail = async (id: string) => (await client.send(new SC.DescribeProvisionedProductCommand({ Id: id }))).ProvisionedProductDetail!;
  /** As an end user may search (AccessLevelFilter User: their own products). */
  const searchRow = async (id: string) =>
    (await client.send(new SC.SearchProvisionedProductsCommand({ AccessLevelFilter: MINE, Filters: { SearchQuery: [`id:${id}`] } }))).ProvisionedProducts?.[0];
  const settle = () => { now += 30 * MINUTE; };
  const webLaunch = (name: string, extra: Partial<SC.ProvisionProductInput> = {}) => new SC.ProvisionProductCommand({
    ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v11, ProvisionedProductName: name, ProvisionToken: token(),
    ProvisioningParameters: [{ Key: 'BucketName', Value: `${name}-bucket` }], Tags: [{ Key: 'CostCenter', Value: 'cc-2002' }], ...extra,
  });

  before(async () => {
    sandbox = await startTestSandbox({ service: createService({ timeScale: 1, generatedProducts: 0, clock: { now: () => now }, searchLagMs: () => lag }) });
    client = sdkClient(sandbox);
    admin = sdkClient(sandbox, { credentials: sandbox.credentialsOf('admin') });
  });
  after(() => sandbox.stop());
  afterEach(() => { lag = 0; });

  describe('launch paths through shared portfolios', () => {
    it('hides a product of portfolios not shared with the caller, answering as the service does', async () => {
      const listed = (await client.send(new SC.SearchProductsCommand({}))).ProductViewSummaries!.map((p) => p.ProductId);
      assert.equal(listed.length, 7);
      assert.ok(!listed.includes(P.accountFactory.id) && !listed.includes(P.vpcDraft.id));
      const described = await caught(() => client.send(new SC.DescribeProductCommand({ Id: P.accountFactory.id })));
      assert.equal(described.name, 'ResourceNotFoundException');
      const noPaths = `No launch paths found for resource: ${P.accountFactory.id}`;
      for (const command of [
        new SC.ListLaunchPathsCommand({ ProductId: P.accountFactory.id }),
        new SC.DescribeProvisioningParametersCommand({ ProductId: P.accountFactory.id, ProvisioningArtifactId: P.accountFactory.versions.v1 }),
        new SC.ProvisionProductCommand({ ProductId: P.accountFactory.id, ProvisioningArtifactId: P.accountFactory.versions.v1, ProvisionedProductName: 'my-account', ProvisionToken: token() }),
      ]) {
        const err = await caught(() => client.send(command as any));
        assert.equal(err.name, 'ResourceNotFoundException');
        assert.equal(err.message, noPaths);
      }
    });

    it('shows the admin, the portfolio principal, what end users do not see', async () => {
      const listed = (await admin.send(new SC.SearchProductsCommand({}))).ProductViewSummaries!.map((p) => p.ProductId);
      assert.ok(listed.includes(P.accountFactory.id) && listed.includes(P.vpcDraft.id));
      const paths = await admin.send(new SC.ListLaunchPathsCommand({ ProductId: P.accountFactory.id }));
      assert.deepEqual(paths.LaunchPathSummaries!.map((p) => p.Id), [SEED.portfolios.accountFactory.pathId]);
    });
  });

  describe('provisioned products as Search lists them', () => {
    it('puts the five system tags next to the user tags, in the real ARN formats, and keeps them across updates', async () => {
      const started = (await client.send(webLaunch('tagged-site'))).RecordDetail!;
      settle();
      const id = started.ProvisionedProductId!;
      const tags = new Map((await searchRow(id))!.Tags!.map((t) => [t.Key, t.Value]));
      const arn = (await detail(id)).Arn!;
      assert.equal(tags.get('CostCenter'), 'cc-2002');
      assert.equal(tags.get('aws:servicecatalog:productArn'), `arn:aws:catalog:us-east-1:123456789012:product/${P.staticWebsite.id}`);
      assert.equal(tags.get('aws:servicecatalog:portfolioArn'), `arn:aws:catalog:us-east-1:123456789012:portfolio/${SEED.portfolios.platform.id}`);
      assert.equal(tags.get('aws:servicecatalog:provisioningArtifactIdentifier'), P.staticWebsite.versions.v11);
      assert.equal(tags.get('aws:servicecatalog:provisioningPrincipalArn'), SEED.callers.user);
      assert.equal(tags.get('aws:servicecatalog:provisionedProductArn'), arn);
      await client.send(new SC.UpdateProvisionedProductCommand({ ProvisionedProductId: id, ProvisioningArtifactId: P.staticWebsite.versions.v20, UpdateToken: token() }));
      settle();
      const after = new Map((await searchRow(id))!.Tags!.map((t) => [t.Key, t.Value]));
      assert.equal(after.get('CostCenter'), 'cc-2002', 'user tags kept by an update that sends none');
      assert.equal(after.get('aws:servicecatalog:provisioningArtifactIdentifier'), P.staticWebsite.versions.v20, 'the version tag follows the version');
    });

    it('names the provisioning principal, not the owner it was handed to', async () => {
      const row = (await searchRow(PP.sandboxAccount.id))!;
      assert.equal(row.Type, 'CONTROL_TOWER_ACCOUNT');
      assert.equal(row.UserArn, SEED.callers.user);
      assert.equal(row.Tags!.find((t) => t.Key === 'aws:servicecatalog:provisioningPrincipalArn')!.Value, SEED.callers.admin);
      const mine = await client.send(new SC.ScanProvisionedProductsCommand({ AccessLevelFilter: MINE, PageSize: 20 }));
      assert.ok(mine.ProvisionedProducts!.some((p) => p.Id === PP.sandboxAccount.id));
      const update = await caught(() => client.send(new SC.UpdateProvisionedProductCommand({ ProvisionedProductId: PP.sandboxAccount.id, UpdateToken: token() })));
      assert.equal(update.message, `No launch paths found for resource: ${P.accountFactory.id}`);
    });

    it('shows an old provisioned product without the members the service did not record then', async () => {
      const old = await detail(PP.reportingDb2018.id);
      assert.equal(old.Status, 'AVAILABLE');
      assert.ok(old.LastRecordId && old.LastProvisioningRecordId);
      for (const member of ['ProductId', 'ProvisioningArtifactId', 'LaunchRoleArn', 'LastSuccessfulProvisioningRecordId'] as const) assert.equal(old[member], undefined, member);
      const row = (await searchRow(PP.reportingDb2018.id))!;
      assert.equal(row.ProductId, undefined);
      assert.equal(row.ProvisioningArtifactId, undefined);
      assert.equal(row.LastSuccessfulProvisioningRecordId, undefined);
      assert.equal(row.UserArn, SEED.callers.user);
    });
  });

  describe('CloudFormation stacks', () => {
    it('names the stack in each record (provision, update, terminate) and as the PhysicalId', async () => {
      const started = (await client.send(webLaunch('stack-site'))).RecordDetail!;
      const id = started.ProvisionedProductId!;
      const stack = new RegExp(`^arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-${id}/[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$`);
      settle();
      const outputs = async (recordId: string) => (await client.send(new SC.DescribeRecordCommand({ Id: recordId }))).RecordOutputs!;
      const [first, ...rest] = await outputs(started.RecordId!);
      assert.equal(first.OutputKey, 'CloudformationStackARN');
      assert.match(first.OutputValue!, stack);
      assert.ok(rest.some((o) => o.OutputKey === 'WebsiteURL'), 'the template outputs follow');
      assert.equal((await searchRow(id))!.PhysicalId, first.OutputValue);
      const update = (await client.send(new SC.UpdateProvisionedProductCommand({ ProvisionedProductId: id, ProvisioningArtifactId: P.staticWebsite.versions.v20, UpdateToken: token() }))).RecordDetail!;
      settle();
      assert.equal((await outputs(update.RecordId!))[0].OutputValue, first.OutputValue);
      const terminate = (await client.send(new SC.TerminateProvisionedProductCommand({ ProvisionedProductId: id, TerminateToken: token() }))).RecordDetail!;
      settle();
      assert.deepEqual((await outputs(terminate.RecordId!)).map((o) => [o.OutputKey, o.OutputValue]), [['CloudformationStackARN', first.OutputValue]]);
    });

    it('gives a Terraform product no stack output', async () => {
      // logs-bucket is the colleague's: the admin reads its history.
      const history = await admin.send(new SC.ListRecordHistoryCommand({ AccessLevelFilter: { Key: 'Account', Value: 'self' }, SearchFilter: { Key: 'provisionedproduct', Value: PP.logsBucket.id } }));
      const record = await admin.send(new SC.DescribeRecordCommand({ Id: history.RecordDetails![0].RecordId }));
      assert.ok(record.RecordOutputs!.length > 0);
      assert.ok(!record.RecordOutputs!.some((o) => o.OutputKey === 'CloudformationStackARN'));
    });
  });

  describe('DescribeProvisioningParameters and tag updates', () => {
    it('answers as real accounts do: bare constraint types, tag updates per path, empty preferences, sparse parameters', async () => {
      const params = (PathId: string) => client.send(new SC.DescribeProvisioningParametersCommand({ ProductId: P.containerService.id, ProvisioningArtifactId: P.containerService.versions.v3, PathId }));
      const platform = await params(SEED.portfolios.platform.pathId);
      const data = await params(SEED.portfolios.data.pathId);
      assert.deepEqual(platform.ConstraintSummaries, [{ Type: 'LAUNCH' }, { Type: 'RESOURCE_UPDATE' }]);
      assert.deepEqual(data.ConstraintSummaries, [{ Type: 'LAUNCH' }]);
      const tagUpdate = (out: SC.DescribeProvisioningParametersOutput) => out.UsageInstructions!.find((u) => u.Type === 'tagUpdateOnProvisionedProduct')!.Value;
      assert.equal(tagUpdate(platform), 'ALLOWED');
      assert.equal(tagUpdate(data), 'NOT_ALLOWED');
      assert.deepEqual(platform.ProvisioningArtifactPreferences, {});
      const cluster = await client.send(new SC.DescribeProvisioningParametersCommand({ ProductId: P.analyticsCluster.id, ProvisioningArtifactId: P.analyticsCluster.versions.v02 }));
      const name = cluster.ProvisioningArtifactParameters!.find((p) => p.ParameterKey === 'ClusterName')!;
      assert.equal(name.Description, undefined);
      assert.equal(name.DefaultValue, undefined);
      assert.deepEqual(name.ParameterConstraints!.AllowedValues, []);
    });

    it('refuses a tag update where the launch path does not allow it, and takes one where it does', async () => {
      // orders-service was launched through the Data path, which has no RESOURCE_UPDATE constraint.
      const refused = await caught(() => client.send(new SC.UpdateProvisionedProductCommand({
        ProvisionedProductId: PP.ordersService.id, Tags: [{ Key: 'Team', Value: 'orders' }], UpdateToken: token(),
      })));
      assert.equal(refused.name, 'InvalidParametersException');
      assert.match(refused.message, /Tag updates are not allowed/);
      assert.equal((await detail(PP.ordersService.id)).Status, 'AVAILABLE', 'nothing started');
      const allowed = await client.send(new SC.UpdateProvisionedProductCommand({
        ProvisionedProductId: PP.devBoxAlice.id, Tags: [{ Key: 'Team', Value: 'devex' }], UpdateToken: token(),
      }));
      assert.equal(allowed.RecordDetail!.RecordType, 'UPDATE_PROVISIONED_PRODUCT');
      settle();
    });
  });

  describe('non-CloudFormation products', () => {
    it('refuses a plan for a Terraform product', async () => {
      const err = await caught(() => client.send(new SC.CreateProvisionedProductPlanCommand({
        PlanName: 'tf-plan', PlanType: 'CLOUDFORMATION', ProductId: P.terraformBucket.id, ProvisioningArtifactId: P.terraformBucket.versions.v11,
        ProvisionedProductName: 'tf-planned', IdempotencyToken: token(), ProvisioningParameters: [{ Key: 'bucket_prefix', Value: 'planned' }],
      })));
      assert.equal(err.name, 'InvalidParametersException');
      assert.match(err.message, /only for CloudFormation products/);
    });

    it('refuses to provision a Terraform product through a path without a launch role', async () => {
      const err = await caught(() => admin.send(new SC.ProvisionProductCommand({
        ProductId: P.vpcDraft.id, ProvisioningArtifactId: P.vpcDraft.versions.v01, ProvisionedProductName: 'draft-vpc', ProvisionToken: token(),
      })));
      assert.equal(err.name, 'InvalidParametersException');
      assert.match(err.message, /^LaunchRoleArn is required and must be non empty/);
      const scan = await admin.send(new SC.ScanProvisionedProductsCommand({ AccessLevelFilter: { Key: 'Account', Value: 'self' }, PageSize: 20 }));
      assert.ok(!scan.ProvisionedProducts!.some((p) => p.Name === 'draft-vpc'), 'nothing was created');
    });
  });

  describe('sparse catalog data', () => {
    it('lists active versions with Guidance, one without a name, and HasDefaultPath false on a single path', async () => {
      const db = await client.send(new SC.DescribeProductCommand({ Id: P.legacyDatabase.id }));
      assert.deepEqual(db.ProvisioningArtifacts!.map((a) => [a.Id, a.Name, a.Guidance]), [
        [P.legacyDatabase.versions.v1, 'PostgreSQL 11', 'DEPRECATED'],
        [P.legacyDatabase.versions.v15, undefined, 'DEPRECATED'],
        [P.legacyDatabase.versions.v2, 'PostgreSQL 16', 'DEFAULT'],
      ]);
      assert.equal(db.ProvisioningArtifacts![1].Description, undefined);
      const container = await client.send(new SC.DescribeProductCommand({ Id: P.containerService.id }));
      assert.ok(!container.ProvisioningArtifacts!.some((a) => a.Id === P.containerService.versions.v1), 'no inactive version');
      const tf = await client.send(new SC.DescribeProductCommand({ Id: P.terraformBucket.id }));
      assert.equal(tf.LaunchPaths!.length, 1);
      assert.equal(tf.ProductViewSummary!.HasDefaultPath, false);
      const launched = await client.send(new SC.ProvisionProductCommand({
        ProductId: P.terraformBucket.id, ProvisioningArtifactId: P.terraformBucket.versions.v11, ProvisionedProductName: 'tf-no-path', ProvisionToken: token(),
        ProvisioningParameters: [{ Key: 'bucket_prefix', Value: 'nopath' }],
      }));
      assert.equal(launched.RecordDetail!.PathId, SEED.portfolios.data.pathId, 'the only path is taken without PathId');
      settle();
    });
  });

  describe('search index lag', () => {
    it('leaves a new product out of Search until the lag has passed, while Scan and Describe see it', async () => {
      lag = LAG;
      const started = (await client.send(webLaunch('lagging-site'))).RecordDetail!;
      const id = started.ProvisionedProductId!;
      assert.equal(await searchRow(id), undefined);
      assert.equal((await detail(id)).Status, 'UNDER_CHANGE');
      const scan = await client.send(new SC.ScanProvisionedProductsCommand({ PageSize: 20, AccessLevelFilter: MINE }));
      assert.ok(scan.ProvisionedProducts!.some((p) => p.Id === id));
      now += LAG - 1;
      assert.equal(await searchRow(id), undefined, 'still absent just before the lag');
      now += 1;
      assert.equal((await searchRow(id))!.Status, 'UNDER_CHANGE');
      settle();
      assert.equal((await searchRow(id))!.Status, 'AVAILABLE');
    });

    it('shows the old status and version within the lag, then the new ones', async () => {
      lag = LAG;
      const id = PP.webMarketingSite.id;
      const before = (await searchRow(id))!;
      await client.send(new SC.UpdateProvisionedProductCommand({ ProvisionedProductId: id, ProvisioningArtifactId: P.staticWebsite.versions.v20, UpdateToken: token() }));
      assert.equal((await detail(id)).Status, 'UNDER_CHANGE');
      const stale = (await searchRow(id))!;
      assert.equal(stale.Status, before.Status);
      assert.equal(stale.LastRecordId, before.LastRecordId);
      now += LAG; // the update has finished; Search shows it as it was when the update started
      assert.equal((await detail(id)).ProvisioningArtifactId, P.staticWebsite.versions.v20);
      const started = (await searchRow(id))!;
      assert.equal(started.Status, 'UNDER_CHANGE');
      assert.equal(started.ProvisioningArtifactId, P.staticWebsite.versions.v11);
      now += LAG;
      const fresh = (await searchRow(id))!;
      assert.equal(fresh.Status, 'AVAILABLE');
      assert.equal(fresh.ProvisioningArtifactId, P.staticWebsite.versions.v20);
      assert.equal(fresh.ProvisioningArtifactName, 'v2.0');
    });

    it('lets a terminated product linger for the lag', async () => {
      const started = (await client.send(webLaunch('doomed-site'))).RecordDetail!;
      settle();
      lag = LAG;
      const id = started.ProvisionedProductId!;
      await client.send(new SC.TerminateProvisionedProductCommand({ ProvisionedProductId: id, TerminateToken: token() }));
      now += MINUTE;
      assert.equal((await caught(() => client.send(new SC.DescribeProvisionedProductCommand({ Id: id })))).name, 'ResourceNotFoundException');
      assert.equal((await searchRow(id))!.Status, 'AVAILABLE', 'Search still lists it as it was');
      now += LAG;
      assert.equal(await searchRow(id), undefined);
    });

    it('is off by default: Search sees a write at once', async () => {
      const started = (await client.send(webLaunch('prompt-site'))).RecordDetail!;
      assert.equal((await searchRow(started.ProvisionedProductId!))!.Status, 'UNDER_CHANGE');
    });
  });
});
