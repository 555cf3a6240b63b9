// Every end-user operation through the real SDK over HTTP, against the seeded catalog, with a
// fake clock so time-dependent states are asserted exactly.
import assert from 'node:assert/strict';
import * as SC from '@aws-sdk/client-service-catalog';
import { createService, SEED } from '../../../../src/sandbox/service/index';
import { SANDBOX_COLLEAGUE, type Sandbox } from '../../../../src/sandbox/index';
import { caught, sdkClient, startTestSandbox } from '../../../support/sandbox';

const P = SEED.products;
const PP = SEED.provisionedProducts;
const MINUTE = 60_000;

describe('operations (SDK over HTTP, fake clock)', function () {
  let now = Date.UTC(2025, 0, 15, 12);
  const clock = { now: () => now };
  let sandbox: Sandbox;
  let client: SC.ServiceCatalogClient;
  let colleague: SC.ServiceCatalogClient;
  /** For what only AWSServiceCatalogAdminFullAccess grants (the end user's policy refuses it). */
  let admin: SC.ServiceCatalogClient;
  let tokens = 0;
  const token = () => `test-token-${++tokens}`;
  const errorOf = async (command: any, who = client) => (await caught(() => who.send(command))).name as string;
  const record = async (id: string) => (await client.send(new SC.DescribeRecordCommand({ Id: id }))).RecordDetail!;
  const pp = async (id: string) => (await client.send(new SC.DescribeProvisionedProductCommand({ Id: id }))).ProvisionedProductDetail!;

  before(async () => {
    sandbox = await startTestSandbox({ service: createService({ timeScale: 1, generatedProducts: 300, clock }) });
    client = sdkClient(sandbox);
    colleague = sdkClient(sandbox, { credentials: { accessKeyId: SANDBOX_COLLEAGUE.accessKeyId, secretAccessKey: SANDBOX_COLLEAGUE.secretAccessKey } });
    admin = sdkClient(sandbox, { persona: 'admin' });
  });
  after(() => sandbox.stop());

  describe('catalog', () => {
    it('SearchProducts filters, sorts, pages and aggregates', async () => {
      const all = await client.send(new SC.SearchProductsCommand({ SortBy: 'Title' }));
      const names = all.ProductViewSummaries!.map((p) => p.Name);
      assert.equal(names.length, 7);
      assert.deepEqual(names, [...names].sort((a, b) => a!.localeCompare(b!)));
      const tf = await client.send(new SC.SearchProductsCommand({ Filters: { ProductType: ['TERRAFORM_OPEN_SOURCE'] } }));
      assert.deepEqual(tf.ProductViewSummaries!.map((p) => p.ProductId), [P.terraformBucket.id]);
      const text = await client.send(new SC.SearchProductsCommand({ Filters: { FullTextSearch: ['stackset'] } }));
      assert.deepEqual(text.ProductViewSummaries!.map((p) => p.ProductId), [P.securityBaseline.id]);
      const page = await client.send(new SC.SearchProductsCommand({ PageSize: 3 }));
      assert.equal(page.ProductViewSummaries!.length, 3);
      const rest = await client.send(new SC.SearchProductsCommand({ PageSize: 10, PageToken: page.NextPageToken }));
      assert.equal(rest.ProductViewSummaries!.length, 4);
      assert.ok(all.ProductViewAggregations!.Owner.some((a) => a.Value === 'Platform Team'));
      assert.equal(await errorOf(new SC.SearchProductsCommand({ PageToken: 'nonsense' })), 'InvalidParametersException');
    });

    it('DescribeProduct by Id or Name shows active versions and launch paths', async () => {
      const byId = await client.send(new SC.DescribeProductCommand({ Id: P.containerService.id }));
      assert.deepEqual(byId.ProvisioningArtifacts!.map((a) => a.Id), [P.containerService.versions.v2, P.containerService.versions.v3]);
      assert.equal(byId.LaunchPaths!.length, 2);
      assert.equal(byId.ProductViewSummary!.HasDefaultPath, false);
      const byName = await client.send(new SC.DescribeProductCommand({ Name: 'Static Website' }));
      assert.equal(byName.ProductViewSummary!.ProductId, P.staticWebsite.id);
      assert.equal(byName.ProvisioningArtifacts!.find((a) => a.Id === P.staticWebsite.versions.v10)!.Guidance, 'DEPRECATED');
      assert.ok(byName.ProvisioningArtifacts![0].CreatedTime instanceof Date);
      assert.equal(await errorOf(new SC.DescribeProductCommand({ Id: 'prod-nope' })), 'ResourceNotFoundException');
      assert.equal(await errorOf(new SC.DescribeProductCommand({ Id: P.staticWebsite.id, Name: 'Static Website' })), 'InvalidParametersException');
      assert.equal(await errorOf(new SC.DescribeProductCommand({})), 'InvalidParametersException');
    });

    it('DescribeProductView, ListLaunchPaths, ListProvisioningArtifacts, DescribeProvisioningArtifact', async () => {
      const view = await client.send(new SC.DescribeProductViewCommand({ Id: P.devInstance.viewId }));
      assert.equal(view.ProductViewSummary!.ProductId, P.devInstance.id);
      assert.equal(await errorOf(new SC.DescribeProductViewCommand({ Id: 'prodview-nope' })), 'ResourceNotFoundException');
      const paths = await client.send(new SC.ListLaunchPathsCommand({ ProductId: P.containerService.id }));
      // Constraint summaries as real accounts list them: types only; RESOURCE_UPDATE where the admin made one (Platform).
      assert.deepEqual(paths.LaunchPathSummaries!.map((p) => p.ConstraintSummaries), [[{ Type: 'LAUNCH' }, { Type: 'RESOURCE_UPDATE' }], [{ Type: 'LAUNCH' }]]);
      const onePerPage = await client.send(new SC.ListLaunchPathsCommand({ ProductId: P.containerService.id, PageSize: 1 }));
      assert.ok(onePerPage.NextPageToken);
      assert.equal(await errorOf(new SC.ListLaunchPathsCommand({ ProductId: 'prod-nope' })), 'ResourceNotFoundException');
      const artifacts = await admin.send(new SC.ListProvisioningArtifactsCommand({ ProductId: P.containerService.id }));
      assert.deepEqual(artifacts.ProvisioningArtifactDetails!.map((a) => a.Active), [false, true, true]);
      const detail = await admin.send(new SC.DescribeProvisioningArtifactCommand({
        ProductId: P.staticWebsite.id, ProvisioningArtifactName: 'v2.0', IncludeProvisioningArtifactParameters: true, Verbose: true,
      }));
      assert.equal(detail.ProvisioningArtifactDetail!.Id, P.staticWebsite.versions.v20);
      assert.ok(detail.ProvisioningArtifactParameters!.some((p) => p.ParameterKey === 'CacheTtlSeconds'));
      assert.ok(detail.Info!.TemplateUrl);
      assert.equal(await errorOf(new SC.DescribeProvisioningArtifactCommand({ ProductId: P.staticWebsite.id, ProvisioningArtifactId: 'pa-nope' }), admin), 'ResourceNotFoundException');
    });

    it('DescribeProvisioningParameters: constraints, launch role, TagOptions, stack-set preferences, outputs', async () => {
      const container = await client.send(new SC.DescribeProvisioningParametersCommand({
        ProductId: P.containerService.id, ProvisioningArtifactId: P.containerService.versions.v3, PathId: SEED.portfolios.data.pathId,
      }));
      const byKey = new Map(container.ProvisioningArtifactParameters!.map((p) => [p.ParameterKey, p]));
      assert.equal(byKey.get('DbPassword')!.IsNoEcho, true);
      assert.deepEqual(byKey.get('DesiredCount')!.ParameterConstraints, { AllowedValues: [], MinValue: '1', MaxValue: '10' });
      assert.ok(byKey.get('ServiceName')!.ParameterConstraints!.ConstraintDescription);
      assert.deepEqual(container.UsageInstructions!.find((u) => u.Type === 'launchAsRole')!.Value, SEED.launchRoles.dataTeam);
      assert.deepEqual(container.ProvisioningArtifactOutputKeys!.map((o) => o.Key), ['ServiceUrl', 'ClusterArn']);
      const web = await client.send(new SC.DescribeProvisioningParametersCommand({ ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v11 }));
      assert.deepEqual(web.TagOptions!.map((t) => t.Key), ['CostCenter', 'Environment']);
      const stackSet = await client.send(new SC.DescribeProvisioningParametersCommand({ ProductId: P.securityBaseline.id, ProvisioningArtifactId: P.securityBaseline.versions.v11 }));
      assert.deepEqual(stackSet.ProvisioningArtifactPreferences!.StackSetRegions, ['us-east-1', 'us-west-2', 'eu-west-1']);
      assert.equal(await errorOf(new SC.DescribeProvisioningParametersCommand({ ProductId: P.containerService.id, ProvisioningArtifactId: P.containerService.versions.v3 })), 'InvalidParametersException');
      assert.equal(await errorOf(new SC.DescribeProvisioningParametersCommand({ ProductId: 'prod-nope', ProvisioningArtifactId: 'pa-x' })), 'ResourceNotFoundException');
    });
  });

  describe('provisioning life cycle', () => {
    const webLaunch = (name: string, extra: Partial<SC.ProvisionProductInput> = {}) => new SC.ProvisionProductCommand({
      ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v11, ProvisionedProductName: name, ProvisionToken: token(),
      ProvisioningParameters: [{ Key: 'BucketName', Value: `${name}-bucket` }], Tags: [{ Key: 'CostCenter', Value: 'cc-2002' }], ...extra,
    });

    it('ProvisionProduct moves CREATED → IN_PROGRESS → SUCCEEDED and the product UNDER_CHANGE → AVAILABLE with outputs', async () => {
      const { RecordDetail: started } = await client.send(webLaunch('life-cycle-site'));
      assert.equal(started!.Status, 'CREATED');
      assert.equal(started!.LaunchRoleArn, SEED.launchRoles.platform);
      const id = started!.ProvisionedProductId!;
      assert.equal((await pp(id)).Status, 'UNDER_CHANGE');
      now += 10_000;
      assert.equal((await record(started!.RecordId!)).Status, 'IN_PROGRESS');
      now += 10 * MINUTE;
      const done = await client.send(new SC.DescribeRecordCommand({ Id: started!.RecordId! }));
      assert.equal(done.RecordDetail!.Status, 'SUCCEEDED');
      assert.ok(done.RecordDetail!.UpdatedTime! > done.RecordDetail!.CreatedTime!);
      assert.ok(done.RecordOutputs!.some((o) => o.OutputKey === 'WebsiteURL' && o.OutputValue!.startsWith('https://life-cycle-site.')));
      const detail = await pp(id);
      assert.equal(detail.Status, 'AVAILABLE');
      assert.equal(detail.LastSuccessfulProvisioningRecordId, started!.RecordId);
      const outputs = await admin.send(new SC.GetProvisionedProductOutputsCommand({ ProvisionedProductName: 'life-cycle-site', OutputKeys: ['BucketName'] }));
      assert.deepEqual(outputs.Outputs!.map((o) => o.OutputValue), ['life-cycle-site-bucket']);
    });

    it('ProvisionProduct is idempotent per token and refuses a reused token with another request', async () => {
      const command = webLaunch('idempotent-site');
      const first = await client.send(command);
      const again = await client.send(command);
      assert.equal(again.RecordDetail!.RecordId, first.RecordDetail!.RecordId);
      const reused = webLaunch('other-site', { ProvisionToken: command.input.ProvisionToken });
      assert.equal(await errorOf(reused), 'InvalidParametersException');
      const taken = await caught(() => client.send(webLaunch('idempotent-site')));
      assert.equal(taken.name, 'InvalidParametersException');
      assert.equal(taken.message, 'A stack named idempotent-site already exists.');
    });

    it('ProvisionProduct checks parameters, versions, paths and TagOptions', async () => {
      const web = (params: { Key: string; Value: string }[], extra: Partial<SC.ProvisionProductInput> = {}) =>
        caught(() => client.send(webLaunch('bad-site', { ProvisioningParameters: params, ...extra })));
      let err = await web([{ Key: 'BucketName', Value: 'Bad_Bucket' }]);
      assert.equal(err.name, 'InvalidParametersException');
      assert.match(err.message, /Parameter 'BucketName' failed to satisfy constraint: must be 3-63 lowercase/);
      err = await web([]);
      assert.equal(err.message, 'Parameters: [BucketName] must have values');
      err = await web([{ Key: 'BucketName', Value: 'ok-bucket' }, { Key: 'Nope', Value: 'x' }]);
      assert.equal(err.message, 'Parameters: [Nope] do not exist in the template');
      err = await web([{ Key: 'BucketName', Value: 'ok-bucket' }, { Key: 'Environment', Value: 'qa' }]);
      assert.equal(err.message, "Parameter 'Environment' must be one of AllowedValues");
      err = await web([{ Key: 'BucketName', Value: 'ok-bucket' }], { Tags: [{ Key: 'CostCenter', Value: 'cc-9' }] });
      assert.match(err.message, /TagOption/);
      const ec2 = (value: string) => caught(() => client.send(new SC.ProvisionProductCommand({
        ProductId: P.devInstance.id, ProvisioningArtifactId: P.devInstance.versions.v11, ProvisionedProductName: 'bad-box', ProvisionToken: token(),
        ProvisioningParameters: [{ Key: 'VolumeSizeGiB', Value: value }],
      })));
      assert.equal((await ec2('big')).message, "Parameter 'VolumeSizeGiB' must be a number");
      assert.equal((await ec2('4')).message, "Parameter 'VolumeSizeGiB' must be a number not less than 8");
      assert.equal((await ec2('600')).message, "Parameter 'VolumeSizeGiB' must be a number not greater than 512");
      const inactive = await caught(() => client.send(new SC.ProvisionProductCommand({
        ProductId: P.containerService.id, ProvisioningArtifactId: P.containerService.versions.v1, PathId: SEED.portfolios.data.pathId,
        ProvisionedProductName: 'old-ecs', ProvisionToken: token(),
      })));
      assert.equal(inactive.name, 'InvalidParametersException');
      const noPath = await caught(() => client.send(new SC.ProvisionProductCommand({
        ProductId: P.containerService.id, ProvisioningArtifactId: P.containerService.versions.v3, ProvisionedProductName: 'ecs-no-path', ProvisionToken: token(),
        ProvisioningParameters: [{ Key: 'ServiceName', Value: 'abc' }, { Key: 'DbPassword', Value: 'password1' }],
      })));
      assert.match(noPath.message, /more than one launch path/);
      assert.equal(await errorOf(new SC.ProvisionProductCommand({ ProductId: 'prod-nope', ProvisioningArtifactId: 'pa-x', ProvisionedProductName: 'x', ProvisionToken: token() })), 'ResourceNotFoundException');
    });

    it('a failing product ends FAILED with RecordErrors and the product in ERROR', async () => {
      const { RecordDetail: r } = await client.send(new SC.ProvisionProductCommand({
        ProductId: P.analyticsCluster.id, ProvisioningArtifactId: P.analyticsCluster.versions.v02, ProvisionedProductName: 'doomed-cluster', ProvisionToken: token(),
        ProvisioningParameters: [{ Key: 'ClusterName', Value: 'doomed' }],
      }));
      now += 10 * MINUTE;
      const done = await record(r!.RecordId!);
      assert.equal(done.Status, 'FAILED');
      assert.equal(done.RecordErrors![0].Code, 'CREATE_FAILED');
      const detail = await pp(r!.ProvisionedProductId!);
      assert.equal(detail.Status, 'ERROR');
      assert.match(detail.StatusMessage!, /failed to create/);
      assert.equal(detail.LastSuccessfulProvisioningRecordId, undefined);
      const outputs = await admin.send(new SC.GetProvisionedProductOutputsCommand({ ProvisionedProductId: r!.ProvisionedProductId }));
      assert.deepEqual(outputs.Outputs, []);
    });

    it('UpdateProvisionedProduct changes version and parameters; refuses while UNDER_CHANGE', async () => {
      const { RecordDetail: launched } = await client.send(webLaunch('update-site'));
      const id = launched!.ProvisionedProductId!;
      const busy = await caught(() => client.send(new SC.UpdateProvisionedProductCommand({ ProvisionedProductId: id, UpdateToken: token() })));
      assert.equal(busy.name, 'InvalidParametersException');
      assert.match(busy.message, /UNDER_CHANGE/);
      now += 10 * MINUTE;
      const removed = await caught(() => client.send(new SC.UpdateProvisionedProductCommand({
        ProvisionedProductId: id, ProvisioningArtifactId: P.staticWebsite.versions.v20, UpdateToken: token(),
        ProvisioningParameters: [{ Key: 'IndexDocument', Value: 'home.html' }],
      })));
      assert.match(removed.message, /\[IndexDocument\] do not exist/);
      const { RecordDetail: upd } = await client.send(new SC.UpdateProvisionedProductCommand({
        ProvisionedProductName: 'update-site', ProvisioningArtifactId: P.staticWebsite.versions.v20, UpdateToken: token(),
        ProvisioningParameters: [{ Key: 'BucketName', UsePreviousValue: true }, { Key: 'CacheTtlSeconds', Value: '60' }],
      }));
      assert.equal(upd!.RecordType, 'UPDATE_PROVISIONED_PRODUCT');
      assert.equal((await pp(id)).ProvisioningArtifactId, P.staticWebsite.versions.v11, 'version changes when the update succeeds');
      now += 10 * MINUTE;
      const detail = await pp(id);
      assert.equal(detail.Status, 'AVAILABLE');
      assert.equal(detail.ProvisioningArtifactId, P.staticWebsite.versions.v20);
      assert.equal(detail.LastRecordId, upd!.RecordId);
      assert.equal(detail.LastSuccessfulProvisioningRecordId, upd!.RecordId);
      assert.equal(await errorOf(new SC.UpdateProvisionedProductCommand({ ProvisionedProductId: 'pp-nope', UpdateToken: token() })), 'ResourceNotFoundException');
      assert.equal(await errorOf(new SC.UpdateProvisionedProductCommand({ UpdateToken: token() })), 'InvalidParametersException');
    });

    it('a rolled-back update goes IN_PROGRESS_IN_ERROR then FAILED and leaves the product TAINTED on its old version', async () => {
      const { RecordDetail: r } = await client.send(new SC.UpdateProvisionedProductCommand({
        ProvisionedProductId: PP.billingDb.id, ProvisioningArtifactId: P.legacyDatabase.versions.v2, UpdateToken: token(),
      }));
      const seen = new Set<string>();
      for (let i = 0; i < 40; i++) { seen.add((await record(r!.RecordId!)).Status!); now += 15_000; }
      assert.deepEqual([...seen].filter((s) => s !== 'CREATED'), ['IN_PROGRESS', 'IN_PROGRESS_IN_ERROR', 'FAILED']);
      const detail = await pp(PP.billingDb.id);
      assert.equal(detail.Status, 'TAINTED');
      assert.match(detail.StatusMessage!, /rolled back/);
      assert.equal(detail.ProvisioningArtifactId, P.legacyDatabase.versions.v1);
    });

    it('TerminateProvisionedProduct removes the product from listings but keeps its records', async () => {
      const { RecordDetail: launched } = await client.send(webLaunch('doomed-site'));
      now += 10 * MINUTE;
      const { RecordDetail: term } = await client.send(new SC.TerminateProvisionedProductCommand({ ProvisionedProductName: 'doomed-site', TerminateToken: token(), IgnoreErrors: true }));
      assert.equal(term!.RecordType, 'TERMINATE_PROVISIONED_PRODUCT');
      now += 10 * MINUTE;
      assert.equal((await record(term!.RecordId!)).Status, 'SUCCEEDED');
      assert.equal(await errorOf(new SC.DescribeProvisionedProductCommand({ Id: launched!.ProvisionedProductId })), 'ResourceNotFoundException');
      const search = await client.send(new SC.SearchProvisionedProductsCommand({ AccessLevelFilter: { Key: 'User', Value: 'self' }, Filters: { SearchQuery: ['name:doomed-site'] } }));
      assert.equal(search.TotalResultsCount, 0);
      const history = await client.send(new SC.ListRecordHistoryCommand({ SearchFilter: { Key: 'provisionedproduct', Value: launched!.ProvisionedProductId } }));
      assert.deepEqual(history.RecordDetails!.map((r) => r.RecordType), ['TERMINATE_PROVISIONED_PRODUCT', 'PROVISION_PRODUCT']);
      assert.equal(await errorOf(new SC.TerminateProvisionedProductCommand({ ProvisionedProductId: 'pp-nope', TerminateToken: token() })), 'ResourceNotFoundException');
      assert.equal(await errorOf(new SC.TerminateProvisionedProductCommand({ ProvisionedProductId: PP.inventoryService.id, TerminateToken: token() })), 'ResourceNotFoundException');
    });

    it('stack-set preferences must come from the STACKSET constraint', async () => {
      const launch = (regions: string[]) => new SC.ProvisionProductCommand({
        ProductId: P.securityBaseline.id, ProvisioningArtifactId: P.securityBaseline.versions.v11, ProvisionedProductName: `baseline-${regions.length}`, ProvisionToken: token(),
        ProvisioningParameters: [{ Key: 'AlarmEmail', Value: 'a@example.com' }], ProvisioningPreferences: { StackSetRegions: regions },
      });
      assert.equal(await errorOf(launch(['ap-south-1'])), 'InvalidParametersException');
      const ok = await client.send(launch(['us-east-1']));
      assert.equal(ok.RecordDetail!.ProvisionedProductType, 'CFN_STACKSET');
    });
  });

  describe('reading provisioned products', () => {
    it('seeds every status, with the colleague owning some', async () => {
      for (const seeded of Object.values(PP)) {
        if (seeded.status === 'TERMINATED') continue;
        const detail = (await admin.send(new SC.DescribeProvisionedProductCommand({ Name: seeded.name }))).ProvisionedProductDetail!;
        assert.equal(detail.Id, seeded.id);
        if (seeded.id !== PP.billingDb.id) assert.equal(detail.Status, seeded.status, seeded.name);
      }
      assert.equal(await errorOf(new SC.DescribeProvisionedProductCommand({ Name: PP.oldStagingSite.name })), 'ResourceNotFoundException');
      assert.equal(await errorOf(new SC.DescribeProvisionedProductCommand({ Id: PP.webDocsSite.id, Name: PP.webDocsSite.name })), 'InvalidParametersException');
    });

    it('SearchProvisionedProducts: field terms, free text, access levels, sorting and paging', async () => {
      // The whole account (the default level) is the administrator's view.
      const search = (input: SC.SearchProvisionedProductsInput, who = admin) => who.send(new SC.SearchProvisionedProductsCommand(input));
      const tainted = await search({ Filters: { SearchQuery: ['status:TAINTED'] }, PageSize: 100 });
      assert.ok(tainted.ProvisionedProducts!.every((p) => p.Status === 'TAINTED') && tainted.TotalResultsCount! > 1);
      const tf = await search({ Filters: { SearchQuery: ['type:TERRAFORM_OPEN_SOURCE productName:terraform'] }, PageSize: 100 });
      assert.ok(tf.ProvisionedProducts!.some((p) => p.Id === PP.logsBucket.id));
      assert.ok(tf.ProvisionedProducts!.every((p) => p.Type === 'TERRAFORM_OPEN_SOURCE'));
      const free = await search({ Filters: { SearchQuery: ['marketing'] } });
      assert.deepEqual(free.ProvisionedProducts!.map((p) => p.Id), [PP.webMarketingSite.id]);
      assert.equal(free.ProvisionedProducts![0].ProductName, 'Static Website');
      assert.ok(free.ProvisionedProducts![0].Tags!.some((t) => t.Key === 'CostCenter'));
      // Free text skips the ARN (all ARNs share "servicecatalog"); the arn field still searches it.
      assert.equal((await search({ Filters: { SearchQuery: ['servicecatalog'] } })).ProvisionedProducts!.length, 0);
      const byArn = await search({ Filters: { SearchQuery: [`arn:${free.ProvisionedProducts![0].Arn}`] } });
      assert.deepEqual(byArn.ProvisionedProducts!.map((p) => p.Id), [PP.webMarketingSite.id]);
      const mine = await search({ AccessLevelFilter: { Key: 'User', Value: 'self' }, PageSize: 100, Filters: { SearchQuery: ['name:sbx', 'id:pp-sbx'] } }, client);
      assert.ok(mine.ProvisionedProducts!.every((p) => p.UserArn === SEED.callers.user));
      const everyone = await search({ AccessLevelFilter: { Key: 'Account', Value: 'self' }, PageSize: 100, Filters: { SearchQuery: [`userArn:${SEED.callers.colleague} name:web-docs-site`] } });
      assert.ok(everyone.ProvisionedProducts!.some((p) => p.Id === PP.webDocsSite.id));
      const sorted = await search({ SortBy: 'name', SortOrder: 'DESCENDING', PageSize: 100 });
      const names = sorted.ProvisionedProducts!.map((p) => p.Name!);
      assert.deepEqual(names, [...names].sort().reverse());
      let token: string | undefined;
      const seen = new Set<string>();
      do {
        const page = await search({ PageSize: 100, PageToken: token, SortBy: 'id' });
        page.ProvisionedProducts!.forEach((p) => seen.add(p.Id!));
        token = page.NextPageToken;
      } while (token);
      assert.equal(seen.size, sorted.TotalResultsCount);
      assert.ok(seen.size > 300);
      assert.equal(await errorOf(new SC.SearchProvisionedProductsCommand({ SortBy: 'color' }), admin), 'InvalidParametersException');
      assert.equal(await errorOf(new SC.SearchProvisionedProductsCommand({ PageSize: 500 }), admin), 'InvalidParametersException');
    });

    it('ScanProvisionedProducts pages by 20 and defaults to the caller\'s own products', async () => {
      const mine = await client.send(new SC.ScanProvisionedProductsCommand({}));
      assert.equal(mine.ProvisionedProducts!.length, 20);
      assert.ok(mine.NextPageToken);
      const colleagues = await colleague.send(new SC.ScanProvisionedProductsCommand({ PageSize: 20 }));
      const ids = colleagues.ProvisionedProducts!.map((p) => p.Id);
      assert.ok(!ids.includes(PP.webMarketingSite.id));
      assert.ok(colleagues.ProvisionedProducts![0].LaunchRoleArn);
      assert.equal(await errorOf(new SC.ScanProvisionedProductsCommand({ PageSize: 21 })), 'InvalidParametersException');
    });

    it('ListRecordHistory is newest first and filters by product and provisioned product', async () => {
      const history = await client.send(new SC.ListRecordHistoryCommand({ SearchFilter: { Key: 'provisionedproduct', Value: PP.devBoxAlice.id } }));
      const records = history.RecordDetails!;
      assert.deepEqual(records.map((r) => r.Status), ['FAILED', 'SUCCEEDED', 'SUCCEEDED']);
      assert.match(records[0].RecordErrors![0].Description!, /CreateImage/);
      const times = records.map((r) => r.CreatedTime!.getTime());
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
      const byProduct = await admin.send(new SC.ListRecordHistoryCommand({ SearchFilter: { Key: 'product', Value: P.legacyDatabase.id }, AccessLevelFilter: { Key: 'Account', Value: 'self' }, PageSize: 5 }));
      assert.ok(byProduct.RecordDetails!.every((r) => r.ProductId === P.legacyDatabase.id));
      assert.ok(byProduct.NextPageToken);
      assert.equal(await errorOf(new SC.ListRecordHistoryCommand({ SearchFilter: { Key: 'colour', Value: 'x' } })), 'InvalidParametersException');
      assert.equal(await errorOf(new SC.DescribeRecordCommand({ Id: 'rec-nope' })), 'ResourceNotFoundException');
    });
  });

  describe('self-service actions', () => {
    it('lists actions per version, fills TARGET defaults and executes', async () => {
      const listed = await client.send(new SC.ListServiceActionsForProvisioningArtifactCommand({ ProductId: P.devInstance.id, ProvisioningArtifactId: P.devInstance.versions.v11 }));
      assert.deepEqual(listed.ServiceActionSummaries!.map((a) => a.Id), [SEED.serviceActions.restartInstance, SEED.serviceActions.stopInstance, SEED.serviceActions.createAmiBackup]);
      assert.equal(await errorOf(new SC.ListServiceActionsForProvisioningArtifactCommand({ ProductId: P.devInstance.id, ProvisioningArtifactId: 'pa-nope' })), 'ResourceNotFoundException');
      const params = await client.send(new SC.DescribeServiceActionExecutionParametersCommand({ ProvisionedProductId: PP.devBoxAlice.id, ServiceActionId: SEED.serviceActions.restartInstance }));
      const target = params.ServiceActionParameters![0];
      assert.equal(target.Type, 'TARGET');
      assert.match(target.DefaultValues![0], /^i-0/);
      const run = await client.send(new SC.ExecuteProvisionedProductServiceActionCommand({
        ProvisionedProductId: PP.devBoxAlice.id, ServiceActionId: SEED.serviceActions.restartInstance, ExecuteToken: token(), Parameters: { InstanceId: ['i-override'] },
      }));
      assert.equal(run.RecordDetail!.RecordType, 'EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION');
      assert.equal((await pp(PP.devBoxAlice.id)).Status, 'UNDER_CHANGE');
      now += 5 * MINUTE;
      assert.equal((await record(run.RecordDetail!.RecordId!)).Status, 'SUCCEEDED');
      assert.equal((await pp(PP.devBoxAlice.id)).Status, 'AVAILABLE');
      const busy = new SC.ExecuteProvisionedProductServiceActionCommand({ ProvisionedProductId: PP.inventoryService.id, ServiceActionId: SEED.serviceActions.restartService, ExecuteToken: token() });
      assert.equal(await errorOf(busy), 'InvalidStateException');
      const unknownParam = new SC.ExecuteProvisionedProductServiceActionCommand({ ProvisionedProductId: PP.devBoxAlice.id, ServiceActionId: SEED.serviceActions.restartInstance, ExecuteToken: token(), Parameters: { Colour: ['red'] } });
      assert.equal(await errorOf(unknownParam), 'InvalidParametersException');
      assert.equal(await errorOf(new SC.DescribeServiceActionExecutionParametersCommand({ ProvisionedProductId: PP.devBoxAlice.id, ServiceActionId: 'act-nope' })), 'ResourceNotFoundException');
    });
  });

  describe('plans', () => {
    it('create (PLAN_IN_PROGRESS) → ready → describe changes → execute → EXECUTE_SUCCESS', async () => {
      const created = await client.send(new SC.CreateProvisionedProductPlanCommand({
        PlanName: 'site-v2', PlanType: 'CLOUDFORMATION', ProductId: P.staticWebsite.id, ProvisionedProductName: PP.webMarketingSite.name,
        ProvisioningArtifactId: P.staticWebsite.versions.v20, IdempotencyToken: token(),
      }));
      assert.equal(created.ProvisionProductId, PP.webMarketingSite.id);
      assert.equal((await pp(PP.webMarketingSite.id)).Status, 'PLAN_IN_PROGRESS');
      const early = await client.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId: created.PlanId }));
      assert.equal(early.ProvisionedProductPlanDetails!.Status, 'CREATE_IN_PROGRESS');
      assert.equal(await errorOf(new SC.ExecuteProvisionedProductPlanCommand({ PlanId: created.PlanId, IdempotencyToken: token() })), 'InvalidStateException');
      now += 2 * MINUTE;
      assert.equal((await pp(PP.webMarketingSite.id)).Status, 'AVAILABLE');
      const ready = await client.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId: created.PlanId }));
      assert.equal(ready.ProvisionedProductPlanDetails!.Status, 'CREATE_SUCCESS');
      assert.deepEqual(ready.ResourceChanges!.map((c) => c.Action).sort(), ['ADD', 'MODIFY', 'MODIFY']);
      const listed = await client.send(new SC.ListProvisionedProductPlansCommand({ ProvisionProductId: PP.webMarketingSite.id }));
      assert.deepEqual(listed.ProvisionedProductPlans!.map((p) => p.PlanId), [created.PlanId]);
      const run = await client.send(new SC.ExecuteProvisionedProductPlanCommand({ PlanId: created.PlanId, IdempotencyToken: token() }));
      now += 10 * MINUTE;
      assert.equal((await record(run.RecordDetail!.RecordId!)).Status, 'SUCCEEDED');
      assert.equal((await pp(PP.webMarketingSite.id)).ProvisioningArtifactId, P.staticWebsite.versions.v20);
      const after = await client.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId: created.PlanId }));
      assert.equal(after.ProvisionedProductPlanDetails!.Status, 'EXECUTE_SUCCESS');
      await client.send(new SC.DeleteProvisionedProductPlanCommand({ PlanId: created.PlanId }));
      assert.equal(await errorOf(new SC.DescribeProvisionedProductPlanCommand({ PlanId: created.PlanId })), 'ResourceNotFoundException');
    });

    it('credits each resource change to the parameters the plan changes, and to nothing else', async () => {
      const created = await client.send(new SC.CreateProvisionedProductPlanCommand({
        PlanName: 'orders-scale', PlanType: 'CLOUDFORMATION', ProductId: P.containerService.id, ProvisionedProductName: PP.ordersService.name,
        ProvisioningArtifactId: P.containerService.versions.v2, PathId: SEED.portfolios.data.pathId, IdempotencyToken: token(),
        ProvisioningParameters: [{ Key: 'ServiceName', UsePreviousValue: true }, { Key: 'DesiredCount', Value: '6' }, { Key: 'DbPassword', UsePreviousValue: true }],
      }));
      now += 2 * MINUTE;
      const ready = await client.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId: created.PlanId }));
      const modified = ready.ResourceChanges!.filter((c) => c.Action === 'MODIFY');
      assert.ok(modified.length > 0);
      for (const resource of modified) {
        assert.deepEqual(resource.Details, [{ Target: { Attribute: 'PROPERTIES', Name: 'DesiredCount', RequiresRecreation: 'NEVER' }, Evaluation: 'STATIC', CausingEntity: 'DesiredCount' }], resource.LogicalResourceId);
      }
      await client.send(new SC.DeleteProvisionedProductPlanCommand({ PlanId: created.PlanId }));

      const unchanged = await client.send(new SC.CreateProvisionedProductPlanCommand({
        PlanName: 'orders-same', PlanType: 'CLOUDFORMATION', ProductId: P.containerService.id, ProvisionedProductName: PP.ordersService.name,
        ProvisioningArtifactId: P.containerService.versions.v2, PathId: SEED.portfolios.data.pathId, IdempotencyToken: token(), ProvisioningParameters: [{ Key: 'DesiredCount', Value: '4' }, { Key: 'DbPassword', UsePreviousValue: true }],
      }));
      now += 2 * MINUTE;
      const same = await client.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId: unchanged.PlanId }));
      assert.deepEqual(same.ResourceChanges, [], 'same version, same values: nothing changes');
      await client.send(new SC.DeleteProvisionedProductPlanCommand({ PlanId: unchanged.PlanId }));
    });

    it('the seeded new-product plan masks NoEcho values and deleting it removes its placeholder', async () => {
      const [seeded] = (await client.send(new SC.ListProvisionedProductPlansCommand({ ProvisionProductId: PP.checkoutService.id }))).ProvisionedProductPlans!;
      const details = await client.send(new SC.DescribeProvisionedProductPlanCommand({ PlanId: seeded.PlanId }));
      assert.equal(details.ProvisionedProductPlanDetails!.ProvisioningParameters!.find((p) => p.Key === 'DbPassword')!.Value, '****');
      assert.ok(details.ResourceChanges!.every((c) => c.Action === 'ADD'));
      assert.equal(await errorOf(new SC.UpdateProvisionedProductCommand({ ProvisionedProductId: PP.checkoutService.id, UpdateToken: token() })), 'InvalidParametersException');
      await client.send(new SC.DeleteProvisionedProductPlanCommand({ PlanId: seeded.PlanId }));
      assert.equal(await errorOf(new SC.DescribeProvisionedProductCommand({ Id: PP.checkoutService.id })), 'ResourceNotFoundException');
      assert.equal(await errorOf(new SC.CreateProvisionedProductPlanCommand({
        PlanName: 'x', PlanType: 'CLOUDFORMATION', ProductId: P.containerService.id, ProvisionedProductName: PP.inventoryService.name, PathId: SEED.portfolios.platform.pathId,
        ProvisioningArtifactId: P.containerService.versions.v3, IdempotencyToken: token(),
      })), 'InvalidStateException');
    });
  });

  describe('GetProvisionedProductOutputs', () => {
    it("answers an unknown name in the service's words: ResourceNotFoundException \"No stack named … exists.\"", async () => {
      const err = await caught(() => admin.send(new SC.GetProvisionedProductOutputsCommand({ ProvisionedProductName: 'no-such-product' })));
      assert.equal(err.name, 'ResourceNotFoundException');
      assert.equal(err.message, 'No stack named no-such-product exists.');
    });
  });

  describe('UpdateProvisionedProductProperties', () => {
    it('changes the launch role (seen on the product and the record) and the owner', async () => {
      const res = await admin.send(new SC.UpdateProvisionedProductPropertiesCommand({
        ProvisionedProductId: PP.ordersService.id, ProvisionedProductProperties: { LAUNCH_ROLE: SEED.launchRoles.restricted }, IdempotencyToken: token(),
      }));
      assert.equal((await record(res.RecordId!)).LaunchRoleArn, SEED.launchRoles.restricted);
      assert.equal((await pp(PP.ordersService.id)).LaunchRoleArn, SEED.launchRoles.restricted);
      await admin.send(new SC.UpdateProvisionedProductPropertiesCommand({
        ProvisionedProductId: PP.ordersService.id, ProvisionedProductProperties: { OWNER: SEED.callers.colleague }, IdempotencyToken: token(),
      }));
      const theirs = await colleague.send(new SC.SearchProvisionedProductsCommand({ AccessLevelFilter: { Key: 'User', Value: 'self' }, Filters: { SearchQuery: [`id:${PP.ordersService.id}`] } }));
      assert.equal(theirs.TotalResultsCount, 1);
      const asUser = new SC.UpdateProvisionedProductPropertiesCommand({ ProvisionedProductId: PP.ordersService.id, ProvisionedProductProperties: { LAUNCH_ROLE: SEED.callers.user }, IdempotencyToken: token() });
      assert.equal(await errorOf(asUser, admin), 'InvalidParametersException');
      const busy = new SC.UpdateProvisionedProductPropertiesCommand({ ProvisionedProductId: PP.inventoryService.id, ProvisionedProductProperties: { OWNER: SEED.callers.colleague }, IdempotencyToken: token() });
      assert.equal(await errorOf(busy, admin), 'InvalidStateException');
    });
  });

  describe('state', () => {
    it('snapshot() restores exactly, mid-operation included', () => {
      const snapshot = sandbox.service.snapshot();
      const restored = createService({ timeScale: 1, generatedProducts: 0, clock, restoreFrom: JSON.parse(JSON.stringify(snapshot)) });
      assert.deepEqual(restored.snapshot(), snapshot);
      assert.ok(restored.isWrite('ProvisionProduct') && !restored.isWrite('DescribeRecord'));
    });
  });
});
