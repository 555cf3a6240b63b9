// The seeded provisioned products and their histories, as back-dated requests (see SEED).
import { SEED } from './seedCatalog';
import type { SeedStep } from './seedRunner';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Virtual seconds of inventory-service's seeded update to v3, still running when the sandbox starts. */
export const INVENTORY_UPDATE_SECONDS = 2 * 3600;
const { products: P, provisionedProducts: PP, callers, serviceActions: A, portfolios } = SEED;

type Owner = 'user' | 'colleague' | 'ssoEndUser';
let tokenSerial = 0;
const token = () => `seed-token-${++tokenSerial}`;

function provision(at: number, pp: { id: string; name: string; owner: Owner }, productId: string, artifactId: string, parameters: Record<string, string>, extra: Record<string, any> = {}): SeedStep {
  return {
    at, operation: 'ProvisionProduct', callerArn: callers[pp.owner], presetId: pp.id,
    input: { ProductId: productId, ProvisioningArtifactId: artifactId, ProvisionedProductName: pp.name, ProvisionToken: token(), ProvisioningParameters: toList(parameters), ...extra },
  };
}

function update(at: number, pp: { id: string; owner: Owner }, input: Record<string, any>): SeedStep {
  return { at, operation: 'UpdateProvisionedProduct', callerArn: callers[pp.owner], input: { ProvisionedProductId: pp.id, UpdateToken: token(), ...input } };
}

function action(at: number, pp: { id: string; owner: Owner }, serviceActionId: string): SeedStep {
  return { at, operation: 'ExecuteProvisionedProductServiceAction', callerArn: callers[pp.owner], input: { ProvisionedProductId: pp.id, ServiceActionId: serviceActionId, ExecuteToken: token() } };
}

const REPORTING_DB_PROVISIONED = Date.UTC(2018, 5, 12, 9, 30);

const toList = (values: Record<string, string>) => Object.entries(values).map(([Key, Value]) => ({ Key, Value }));

/** Steps relative to `now`; in-flight work starts a few (scaled) minutes before now. */
export function seedHistorySteps(now: number, timeScale: number): SeedStep[] {
  tokenSerial = 0;
  const ago = (ms: number) => now - ms;
  const web = { Environment: 'prod' };
  const tags = [{ Key: 'CostCenter', Value: 'cc-1001' }, { Key: 'Environment', Value: 'prod' }];
  return [
    provision(ago(5 * DAY), PP.webMarketingSite, P.staticWebsite.id, P.staticWebsite.versions.v10, { ...web, BucketName: 'marketing-site-content' }, { Tags: tags }),
    update(ago(3 * DAY), PP.webMarketingSite, { ProvisioningArtifactId: P.staticWebsite.versions.v11 }),
    action(ago(1 * DAY), PP.webMarketingSite, A.invalidateCache),

    provision(ago(4 * DAY), PP.webDocsSite, P.staticWebsite.id, P.staticWebsite.versions.v10, { BucketName: 'docs-site-content' }),

    provision(ago(6 * DAY), PP.ordersService, P.containerService.id, P.containerService.versions.v2, { ServiceName: 'orders', DbPassword: 'orders-secret-1' }, { PathId: portfolios.data.pathId }),
    update(ago(2 * DAY), PP.ordersService, { ProvisioningParameters: [{ Key: 'DesiredCount', Value: '4' }, { Key: 'DbPassword', UsePreviousValue: true }] }),
    action(ago(20 * HOUR), PP.ordersService, A.restartService),

    provision(ago(3 * DAY), PP.devBoxAlice, P.devInstance.id, P.devInstance.versions.v11, { InstanceType: 't3.small' }),
    action(ago(2 * DAY), PP.devBoxAlice, A.restartInstance),
    action(ago(1 * DAY), PP.devBoxAlice, A.createAmiBackup),

    provision(ago(2 * DAY), PP.devBoxBob, P.devInstance.id, P.devInstance.versions.v11, {}),
    provision(ago(2 * DAY), PP.ssoDevBox, P.devInstance.id, P.devInstance.versions.v11, { InstanceType: 't3.small' }),

    provision(ago(9 * DAY), PP.billingDb, P.legacyDatabase.id, P.legacyDatabase.versions.v1, { MasterPassword: 'Billing2024secret' }),
    update(ago(2 * DAY), PP.billingDb, { ProvisioningArtifactId: P.legacyDatabase.versions.v2 }),
    // The upgrade tried again, rolled back again: its stack holds the failures of two operations.
    update(ago(1 * DAY), PP.billingDb, { ProvisioningArtifactId: P.legacyDatabase.versions.v2 }),

    provision(ago(2 * DAY), PP.analyticsCluster, P.analyticsCluster.id, P.analyticsCluster.versions.v02, { ClusterName: 'adhoc' }),
    update(ago(1 * DAY), PP.analyticsCluster, { ProvisioningParameters: [{ Key: 'CoreNodeCount', Value: '2' }] }),

    provision(ago(7 * DAY), PP.inventoryService, P.containerService.id, P.containerService.versions.v2, { ServiceName: 'inventory', DbPassword: 'inventory-secret' }, { PathId: portfolios.platform.pathId }),
    // A long deployment (ECS waiting for the new tasks to stabilise): a fresh sandbox shows a product
    // under change for its first ~20 minutes at the default time scale 5 (the tests of what a product
    // under change offers rely on it), then the update succeeds like any other.
    { ...update(ago((10 * 60_000) / timeScale), PP.inventoryService, { ProvisioningArtifactId: P.containerService.versions.v3 }), live: true, workSeconds: INVENTORY_UPDATE_SECONDS },

    provision(ago(8 * DAY), PP.securityBaseline, P.securityBaseline.id, P.securityBaseline.versions.v11, { AlarmEmail: 'security-alarms@example.com' }, {
      ProvisioningPreferences: { StackSetAccounts: ['123456789012', '210987654321'], StackSetRegions: ['us-east-1', 'eu-west-1'] },
    }),

    provision(ago(3 * DAY), PP.logsBucket, P.terraformBucket.id, P.terraformBucket.versions.v11, { bucket_prefix: 'team-logs' }),

    {
      at: ago(HOUR), operation: 'CreateProvisionedProductPlan', callerArn: callers.user, presetId: PP.checkoutService.id,
      input: {
        PlanName: SEED.plans.checkoutServiceLaunch, PlanType: 'CLOUDFORMATION', ProductId: P.containerService.id, PathId: portfolios.platform.pathId,
        ProvisionedProductName: PP.checkoutService.name, ProvisioningArtifactId: P.containerService.versions.v3, IdempotencyToken: token(),
        ProvisioningParameters: [{ Key: 'ServiceName', Value: 'checkout' }, { Key: 'DbPassword', Value: 'checkout-secret' }],
      },
    },

    // Provisioned in 2018, before the service recorded ProductId, ProvisioningArtifactId, LaunchRoleArn
    // and LastSuccessfulProvisioningRecordId: its detail and search row come without them (render.ts).
    provision(REPORTING_DB_PROVISIONED, PP.reportingDb2018, P.legacyDatabase.id, P.legacyDatabase.versions.v1, { MasterPassword: 'Reporting2018pw' }, { PathId: portfolios.data.pathId }),

    // Control Tower's Account Factory, launched by the admin and handed to the user (who can't launch the product).
    {
      at: ago(20 * DAY), operation: 'ProvisionProduct', callerArn: callers.admin, presetId: PP.sandboxAccount.id,
      input: {
        ProductId: P.accountFactory.id, ProvisioningArtifactId: P.accountFactory.versions.v1, ProvisionedProductName: PP.sandboxAccount.name, ProvisionToken: token(),
        ProvisioningParameters: toList({
          AccountEmail: 'alice+sandbox@example.com', AccountName: 'alice-sandbox', ManagedOrganizationalUnit: 'Sandbox (ou-a1b2-c3d4e5f6)',
          SSOUserEmail: 'alice@example.com', SSOUserFirstName: 'Alice', SSOUserLastName: 'Example',
        }),
      },
    },
    {
      at: ago(19 * DAY), operation: 'UpdateProvisionedProductProperties', callerArn: callers.admin,
      input: { ProvisionedProductId: PP.sandboxAccount.id, ProvisionedProductProperties: { OWNER: callers.user }, IdempotencyToken: token() },
    },

    // The read-only user cannot launch: the admin launched this one and handed it over.
    {
      at: ago(6 * DAY), operation: 'ProvisionProduct', callerArn: callers.admin, presetId: PP.readerWikiSite.id,
      input: {
        ProductId: P.staticWebsite.id, ProvisioningArtifactId: P.staticWebsite.versions.v11, ProvisionedProductName: PP.readerWikiSite.name, ProvisionToken: token(),
        ProvisioningParameters: toList({ BucketName: 'team-wiki-content' }),
      },
    },
    {
      at: ago(6 * DAY - HOUR), operation: 'UpdateProvisionedProductProperties', callerArn: callers.admin,
      input: { ProvisionedProductId: PP.readerWikiSite.id, ProvisionedProductProperties: { OWNER: callers.reader }, IdempotencyToken: token() },
    },

    provision(ago(30 * DAY), PP.oldStagingSite, P.staticWebsite.id, P.staticWebsite.versions.v10, { BucketName: 'old-staging-content', Environment: 'staging' }),
    { at: ago(10 * DAY), operation: 'TerminateProvisionedProduct', callerArn: callers.user, input: { ProvisionedProductId: PP.oldStagingSite.id, TerminateToken: token() } },
  ];
}
