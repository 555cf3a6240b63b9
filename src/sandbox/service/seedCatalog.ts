// The seeded catalog: portfolios, products, versions and self-service actions, chosen so every
// feature of the API has something to show. SEED names the ids for tests and other engineers.
import { KNOWN_IDENTITIES, SANDBOX_ADMIN, SANDBOX_READER } from '../identities';
import { SANDBOX_SSO_ROLES } from '../sso/permissionSets';
import type { Artifact, ParameterSpec, Portfolio, Product, PropertySpec, ServiceAction } from './types';

const ACCOUNT = '123456789012';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const DAY = 86_400_000;

export const SEED = {
  accountId: ACCOUNT,
  callers: {
    /** The main sandbox user (SANDBOX_IDENTITY). */
    user: `arn:aws:iam::${ACCOUNT}:user/sandbox-user`,
    /** A second user of the same account who owns some provisioned products. */
    colleague: `arn:aws:iam::${ACCOUNT}:user/sandbox-colleague`,
    /** The catalog administrator, the only principal of the Account Factory and drafts portfolios. */
    admin: SANDBOX_ADMIN.arn,
    /** The read-only end user, who owns only what the admin handed over. */
    reader: SANDBOX_READER.arn,
    /** The portal user's session of the ServiceCatalogEndUser permission set (IAM Identity Center sign-in). */
    ssoEndUser: SANDBOX_SSO_ROLES.ServiceCatalogEndUser.sessionArn,
  },
  launchRoles: {
    platform: role('SCLaunchRole-Platform'),
    dataTeam: role('SCLaunchRole-DataTeam'),
    database: role('SCLaunchRole-Database'),
    /** In no launch constraint: for UpdateProvisionedProductProperties LAUNCH_ROLE. */
    restricted: role('SCLaunchRole-Restricted'),
    accountFactory: role('SCLaunchRole-AccountFactory'),
  },
  /** Platform and Data are shared with every sandbox user and SSO role; the other two with the admin only. */
  portfolios: {
    platform: { id: 'port-sbxplatform01', pathId: 'lpv3-sbxplatform01', name: 'Platform Engineering' },
    data: { id: 'port-sbxdataeng001', pathId: 'lpv3-sbxdataeng001', name: 'Data & Analytics' },
    accountFactory: { id: 'port-sbxctfactory1', pathId: 'lpv3-sbxctfactory1', name: 'AWS Control Tower Account Factory Portfolio' },
    drafts: { id: 'port-sbxinfradraft', pathId: 'lpv3-sbxinfradraft', name: 'Infrastructure Drafts' },
  },
  products: {
    /** CFN; v1.0 deprecated (still active), v1.1, v2.0 drops IndexDocument and adds CacheTtlSeconds. */
    staticWebsite: { id: 'prod-sbxstaticweb1', viewId: 'prodview-sbxstaticweb1', name: 'Static Website', versions: { v10: 'pa-sbxweb-v10', v11: 'pa-sbxweb-v11', v20: 'pa-sbxweb-v20' } },
    /** CFN with two launch paths (Platform → SCLaunchRole-Platform, Data → SCLaunchRole-DataTeam); NoEcho DbPassword; v1 inactive; v3 adds EnableAutoScaling. */
    containerService: { id: 'prod-sbxcontainer1', viewId: 'prodview-sbxcontainer1', name: 'Container Service', versions: { v1: 'pa-sbxecs-v1', v2: 'pa-sbxecs-v2', v3: 'pa-sbxecs-v3' } },
    /** CFN EC2 instance; AllowedValues, Number Min/MaxValue; TARGET-type self-service actions. */
    devInstance: { id: 'prod-sbxdevbox001', viewId: 'prodview-sbxdevbox001', name: 'Developer Instance', versions: { v10: 'pa-sbxec2-v10', v11: 'pa-sbxec2-v11' } },
    /**
     * CFN RDS whose every update fails and rolls back (record IN_PROGRESS_IN_ERROR → FAILED, product TAINTED).
     * In the catalog since 2018; v15 was added without a name or description.
     */
    legacyDatabase: { id: 'prod-sbxlegacydb1', viewId: 'prodview-sbxlegacydb1', name: 'Legacy PostgreSQL Database', versions: { v1: 'pa-sbxrds-v1', v15: 'pa-sbxrds-v15', v2: 'pa-sbxrds-v2' } },
    /**
     * CFN whose provisioning always fails: record FAILED with RecordErrors, product ERROR, stack ROLLBACK_COMPLETE,
     * which CloudFormation refuses to update (an update's record FAILED). ClusterName has no description nor default.
     */
    analyticsCluster: { id: 'prod-sbxemrbeta01', viewId: 'prodview-sbxemrbeta01', name: 'Analytics Cluster (beta)', versions: { v01: 'pa-sbxemr-v01', v02: 'pa-sbxemr-v02' } },
    /** CFN_STACKSET with a STACKSET constraint (ProvisioningArtifactPreferences accounts/regions). */
    securityBaseline: { id: 'prod-sbxbaseline01', viewId: 'prodview-sbxbaseline01', name: 'Security Baseline (StackSet)', versions: { v10: 'pa-sbxbase-v10', v11: 'pa-sbxbase-v11' } },
    /** TERRAFORM_OPEN_SOURCE product; HasDefaultPath false although it has one launch path. */
    terraformBucket: { id: 'prod-sbxtfbucket01', viewId: 'prodview-sbxtfbucket01', name: 'S3 Bucket (Terraform)', versions: { v10: 'pa-sbxtf-v10', v11: 'pa-sbxtf-v11' } },
    /** Admin only (Account Factory portfolio): its provisioned products are CONTROL_TOWER_ACCOUNT. */
    accountFactory: { id: 'prod-sbxctaccount1', viewId: 'prodview-sbxctaccount1', name: 'AWS Control Tower Account Factory', versions: { v1: 'pa-sbxctaf-v1' } },
    /** Admin only (drafts portfolio): a Terraform product without a launch constraint, which can't be provisioned. */
    vpcDraft: { id: 'prod-sbxtfvpcdraft', viewId: 'prodview-sbxtfvpcdraft', name: 'Shared VPC (Terraform, draft)', versions: { v01: 'pa-sbxtfvpc-v01' } },
  },
  serviceActions: {
    invalidateCache: 'act-sbxinvalidate1',
    restartService: 'act-sbxrestartsvc1',
    restartInstance: 'act-sbxrestartec21',
    stopInstance: 'act-sbxstopec2001',
    /** Always fails (a failed service-action record). */
    createAmiBackup: 'act-sbxbackupami1',
  },
  provisionedProducts: {
    webMarketingSite: { id: 'pp-sbxwebmkting1', name: 'web-marketing-site', status: 'AVAILABLE', owner: 'user' },
    webDocsSite: { id: 'pp-sbxwebdocs001', name: 'web-docs-site', status: 'AVAILABLE', owner: 'colleague' },
    ordersService: { id: 'pp-sbxorderssvc1', name: 'orders-service', status: 'AVAILABLE', owner: 'user' },
    devBoxAlice: { id: 'pp-sbxdevboxali1', name: 'dev-box-alice', status: 'AVAILABLE', owner: 'user' },
    devBoxBob: { id: 'pp-sbxdevboxbob1', name: 'dev-box-bob', status: 'AVAILABLE', owner: 'colleague' },
    billingDb: { id: 'pp-sbxbillingdb1', name: 'billing-db', status: 'TAINTED', owner: 'user' },
    analyticsCluster: { id: 'pp-sbxanalytic01', name: 'analytics-cluster', status: 'ERROR', owner: 'user' },
    /** A 24-hour (virtual) update in progress. */
    inventoryService: { id: 'pp-sbxinventory1', name: 'inventory-service', status: 'UNDER_CHANGE', owner: 'user' },
    securityBaseline: { id: 'pp-sbxsecbase001', name: 'security-baseline', status: 'AVAILABLE', owner: 'user' },
    logsBucket: { id: 'pp-sbxtflogs0001', name: 'logs-bucket', status: 'AVAILABLE', owner: 'colleague' },
    /** Placeholder of a ready, unexecuted plan for a new product (plan 'checkout-service-launch'). */
    checkoutService: { id: 'pp-sbxcheckout01', name: 'checkout-service', status: 'PLAN_IN_PROGRESS', owner: 'user' },
    /** Terminated: gone from search/scan, its records remain. */
    oldStagingSite: { id: 'pp-sbxoldstage01', name: 'old-staging-site', status: 'TERMINATED', owner: 'user' },
    /** Provisioned in 2018: no ProductId, ProvisioningArtifactId, LaunchRoleArn nor LastSuccessfulProvisioningRecordId. */
    reportingDb2018: { id: 'pp-sbxreporting18', name: 'reporting-db-2018', status: 'AVAILABLE', owner: 'user' },
    /** A CONTROL_TOWER_ACCOUNT the admin provisioned and handed to the user (OWNER), of a product the user can't launch. */
    sandboxAccount: { id: 'pp-sbxctacctali1', name: 'sandbox-account-alice', status: 'AVAILABLE', owner: 'user' },
    /** Launched by the Identity Center end user's session: what that sign-in sees as its own. */
    ssoDevBox: { id: 'pp-sbxssodevbox1', name: 'dev-box-sso', status: 'AVAILABLE', owner: 'ssoEndUser' },
    /** Launched by the admin and handed to the read-only user: what that caller sees (and may not change). */
    readerWikiSite: { id: 'pp-sbxreaderwik1', name: 'team-wiki-site', status: 'AVAILABLE', owner: 'reader' },
  },
  plans: { checkoutServiceLaunch: 'checkout-service-launch' },
} as const;

const P = SEED.products;
/** When the legacy database product entered the catalog (its first provisioned product is from 2018). */
const LEGACY_SINCE = Date.UTC(2018, 2, 1);

/** A property a parameter feeds (`Ref`), with what changing it does to the resource. */
const fromParameter = (name: string, parameter: string, recreation: PropertySpec['recreation']): PropertySpec => ({ name, parameter, recreation });
/** A property that refers to another resource of the template (`Ref` / `Fn::GetAtt`). */
const fromResource = (name: string, resource: string, recreation: PropertySpec['recreation']): PropertySpec => ({ name, resource, recreation });

function param(key: string, type: string, options: Partial<ParameterSpec> & { constraints?: ParameterSpec['ParameterConstraints'] } = {}): ParameterSpec {
  const { constraints, ...rest } = options;
  return { ParameterKey: key, ParameterType: type, IsNoEcho: false, ParameterConstraints: constraints ?? {}, ...rest };
}

/** A version; `name` undefined makes one without Name or Description, as versions made by API can be. */
function artifact(id: string, name: string | undefined, createdTime: number, rest: Partial<Artifact> & Pick<Artifact, 'parameters' | 'outputs' | 'resources'>): Artifact {
  return { id, name, description: name, type: 'CLOUD_FORMATION_TEMPLATE', createdTime, active: true, guidance: 'DEFAULT', serviceActionIds: [], ...rest };
}

const environment = param('Environment', 'String', { DefaultValue: 'dev', Description: 'Deployment stage', constraints: { AllowedValues: ['dev', 'staging', 'prod'] } });
const bucketName = param('BucketName', 'String', {
  Description: 'Globally unique S3 bucket name for the site content',
  constraints: { AllowedPattern: '[a-z0-9][a-z0-9.-]*[a-z0-9]', ConstraintDescription: 'must be 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit', MinLength: '3', MaxLength: '63' },
});

function staticWebsite(t: number): Product {
  const outputs = [
    { key: 'WebsiteURL', description: 'URL of the website', template: 'https://{name}.sandbox-sites.example.com' },
    { key: 'BucketName', description: 'Bucket holding the content', template: '{param:BucketName}' },
    { key: 'DistributionId', description: 'CloudFront distribution', template: 'E{hash}' },
  ];
  // A new BucketName replaces the bucket (S3 names are immutable), and the distribution's origin follows it.
  const resources = [
    {
      logicalId: 'SiteBucket', type: 'AWS::S3::Bucket',
      properties: [fromParameter('BucketName', 'BucketName', 'ALWAYS'), fromParameter('WebsiteConfiguration', 'IndexDocument', 'NEVER'), fromParameter('Tags', 'Environment', 'NEVER')],
    },
    { logicalId: 'Distribution', type: 'AWS::CloudFront::Distribution', properties: [fromResource('DistributionConfig', 'SiteBucket', 'NEVER'), fromParameter('Tags', 'Environment', 'NEVER')] },
  ];
  const v1Params = [bucketName, environment, param('IndexDocument', 'String', { DefaultValue: 'index.html', Description: 'Page served at /', constraints: { MaxLength: '64' } })];
  return {
    id: P.staticWebsite.id, viewId: P.staticWebsite.viewId, name: P.staticWebsite.name, owner: 'Platform Team',
    shortDescription: 'S3 + CloudFront static website with HTTPS', distributor: 'Platform Engineering', supportEmail: 'platform@example.com',
    supportDescription: 'Ask in #platform-help', supportUrl: 'https://wiki.example.com/platform/static-website',
    type: 'CLOUD_FORMATION_TEMPLATE', provisionedProductType: 'CFN_STACK', createdTime: t - 120 * DAY,
    portfolioIds: [SEED.portfolios.platform.id], launchConstraints: [{ portfolioId: SEED.portfolios.platform.id, launchRoleArn: SEED.launchRoles.platform }],
    tagUpdatesAllowedIn: [SEED.portfolios.platform.id],
    behavior: { provisionSeconds: 45 },
    artifacts: [
      artifact(P.staticWebsite.versions.v10, 'v1.0', t - 120 * DAY, { guidance: 'DEPRECATED', description: 'First release (deprecated: no HTTP/2)', parameters: v1Params, outputs, resources }),
      artifact(P.staticWebsite.versions.v11, 'v1.1', t - 60 * DAY, { description: 'HTTP/2 and access logs', parameters: v1Params, outputs, resources, serviceActionIds: [SEED.serviceActions.invalidateCache] }),
      artifact(P.staticWebsite.versions.v20, 'v2.0', t - 10 * DAY, {
        description: 'Cache TTL setting; IndexDocument is now fixed',
        parameters: [bucketName, environment, param('CacheTtlSeconds', 'Number', { DefaultValue: '3600', Description: 'Default CloudFront TTL', constraints: { MinValue: '0', MaxValue: '86400' } })],
        outputs, resources: [...resources, { logicalId: 'CachePolicy', type: 'AWS::CloudFront::CachePolicy', properties: [fromParameter('CachePolicyConfig', 'CacheTtlSeconds', 'NEVER')] }],
        serviceActionIds: [SEED.serviceActions.invalidateCache],
      }),
    ],
  };
}

function containerService(t: number): Product {
  const base = [
    param('ServiceName', 'String', { Description: 'Name of the ECS service', constraints: { AllowedPattern: '[a-z][a-z0-9-]*', ConstraintDescription: 'must start with a lowercase letter and contain only lowercase letters, digits and hyphens', MinLength: '3', MaxLength: '32' } }),
    param('DesiredCount', 'Number', { DefaultValue: '2', Description: 'Number of tasks', constraints: { MinValue: '1', MaxValue: '10' } }),
    param('ContainerImage', 'String', { DefaultValue: 'public.ecr.aws/nginx/nginx:latest', Description: 'Image to run' }),
    param('DbPassword', 'String', { IsNoEcho: true, Description: 'Password of the service database', constraints: { MinLength: '8', MaxLength: '41' } }),
  ];
  const outputs = [
    { key: 'ServiceUrl', description: 'Load balancer URL', template: 'http://{name}-{hash}.{region}.elb.amazonaws.com' },
    { key: 'ClusterArn', description: 'ECS cluster', template: 'arn:aws:ecs:{region}:{account}:cluster/{name}' },
  ];
  // A task definition is immutable (a new image or secret replaces it); the service then points at the new one.
  const resources = [
    {
      logicalId: 'Service', type: 'AWS::ECS::Service',
      properties: [fromParameter('ServiceName', 'ServiceName', 'ALWAYS'), fromParameter('DesiredCount', 'DesiredCount', 'NEVER'), fromResource('TaskDefinition', 'TaskDefinition', 'NEVER'), fromResource('LoadBalancers', 'LoadBalancer', 'NEVER')],
    },
    { logicalId: 'TaskDefinition', type: 'AWS::ECS::TaskDefinition', properties: [fromParameter('ContainerDefinitions', 'ContainerImage', 'ALWAYS'), fromParameter('ContainerDefinitions', 'DbPassword', 'ALWAYS')] },
    { logicalId: 'LoadBalancer', type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', properties: [] },
  ];
  const actions = [SEED.serviceActions.restartService];
  return {
    id: P.containerService.id, viewId: P.containerService.viewId, name: P.containerService.name, owner: 'Platform Team',
    shortDescription: 'ECS Fargate service behind a load balancer', distributor: 'Platform Engineering', supportEmail: 'platform@example.com',
    supportDescription: 'Ask in #platform-help', supportUrl: 'https://wiki.example.com/platform/containers',
    type: 'CLOUD_FORMATION_TEMPLATE', provisionedProductType: 'CFN_STACK', createdTime: t - 200 * DAY,
    portfolioIds: [SEED.portfolios.platform.id, SEED.portfolios.data.id],
    launchConstraints: [
      { portfolioId: SEED.portfolios.platform.id, launchRoleArn: SEED.launchRoles.platform },
      { portfolioId: SEED.portfolios.data.id, launchRoleArn: SEED.launchRoles.dataTeam },
    ],
    // Tag updates allowed through Platform only: the Data path has no RESOURCE_UPDATE constraint.
    tagUpdatesAllowedIn: [SEED.portfolios.platform.id],
    behavior: { provisionSeconds: 150 },
    artifacts: [
      artifact(P.containerService.versions.v1, 'v1', t - 200 * DAY, { active: false, guidance: 'DEPRECATED', description: 'EC2 launch type (retired)', parameters: base, outputs, resources }),
      artifact(P.containerService.versions.v2, 'v2', t - 90 * DAY, { description: 'Fargate', parameters: base, outputs, resources, serviceActionIds: actions }),
      artifact(P.containerService.versions.v3, 'v3', t - 7 * DAY, {
        description: 'Fargate with auto scaling',
        parameters: [...base, param('EnableAutoScaling', 'String', { DefaultValue: 'false', Description: 'Scale on CPU', constraints: { AllowedValues: ['true', 'false'] } })],
        outputs, resources: [...resources, { logicalId: 'ScalingPolicy', type: 'AWS::ApplicationAutoScaling::ScalingPolicy', properties: [fromParameter('TargetTrackingScalingPolicyConfiguration', 'EnableAutoScaling', 'NEVER')] }],
        serviceActionIds: actions,
      }),
    ],
  };
}

function devInstance(t: number): Product {
  const params = [
    param('InstanceType', 'String', { DefaultValue: 't3.micro', Description: 'EC2 instance type', constraints: { AllowedValues: ['t3.micro', 't3.small', 't3.medium'] } }),
    param('VolumeSizeGiB', 'Number', { DefaultValue: '20', Description: 'Root volume size', constraints: { MinValue: '8', MaxValue: '512' } }),
    param('KeyName', 'String', { DefaultValue: '', Description: 'EC2 key pair for SSH (empty for none)', constraints: { MaxLength: '255' } }),
  ];
  const outputs = [
    { key: 'InstanceId', description: 'EC2 instance', template: 'i-0{hash}' },
    { key: 'PublicDnsName', description: 'Public DNS name', template: 'ec2-203-0-113-10.{region}.compute.amazonaws.com' },
  ];
  // KeyName replaces the instance; a root volume change may (BlockDeviceMappings: only DeleteOnTermination updates in place).
  const resources = [
    {
      logicalId: 'Instance', type: 'AWS::EC2::Instance',
      properties: [
        fromParameter('InstanceType', 'InstanceType', 'NEVER'), fromParameter('BlockDeviceMappings', 'VolumeSizeGiB', 'CONDITIONALLY'), fromParameter('KeyName', 'KeyName', 'ALWAYS'),
        fromResource('SecurityGroupIds', 'SecurityGroup', 'NEVER'),
      ],
    },
    { logicalId: 'SecurityGroup', type: 'AWS::EC2::SecurityGroup', properties: [] },
  ];
  const a = SEED.serviceActions;
  return {
    id: P.devInstance.id, viewId: P.devInstance.viewId, name: P.devInstance.name, owner: 'Developer Experience',
    shortDescription: 'A personal EC2 development instance', distributor: 'DevEx', supportEmail: 'devex@example.com',
    supportDescription: 'File a DEVEX ticket', supportUrl: 'https://wiki.example.com/devex/dev-instance',
    type: 'CLOUD_FORMATION_TEMPLATE', provisionedProductType: 'CFN_STACK', createdTime: t - 150 * DAY,
    portfolioIds: [SEED.portfolios.platform.id], launchConstraints: [{ portfolioId: SEED.portfolios.platform.id, launchRoleArn: SEED.launchRoles.platform }],
    tagUpdatesAllowedIn: [SEED.portfolios.platform.id],
    behavior: { provisionSeconds: 90 },
    artifacts: [
      artifact(P.devInstance.versions.v10, '1.0.0', t - 150 * DAY, { guidance: 'DEPRECATED', description: 'Amazon Linux 2', parameters: params, outputs, resources, serviceActionIds: [a.restartInstance] }),
      artifact(P.devInstance.versions.v11, '1.1.0', t - 30 * DAY, { description: 'Amazon Linux 2023', parameters: params, outputs, resources, serviceActionIds: [a.restartInstance, a.stopInstance, a.createAmiBackup] }),
    ],
  };
}

function legacyDatabase(t: number): Product {
  const since = Math.min(LEGACY_SINCE, t - 300 * DAY);
  const params = [
    param('DBInstanceClass', 'String', { DefaultValue: 'db.t3.micro', constraints: { AllowedValues: ['db.t3.micro', 'db.t3.small', 'db.t3.medium'] } }),
    param('AllocatedStorage', 'Number', { DefaultValue: '20', Description: 'Storage in GiB', constraints: { MinValue: '20', MaxValue: '1000' } }),
    param('MasterUsername', 'String', { DefaultValue: 'dbadmin', constraints: { AllowedPattern: '[a-zA-Z][a-zA-Z0-9]*', ConstraintDescription: 'must begin with a letter and contain only alphanumeric characters', MinLength: '1', MaxLength: '16' } }),
    param('MasterPassword', 'String', { IsNoEcho: true, Description: 'Database master password', constraints: { AllowedPattern: '[a-zA-Z0-9]*', ConstraintDescription: 'must contain only alphanumeric characters', MinLength: '8', MaxLength: '41' } }),
  ];
  const outputs = [
    { key: 'Endpoint', description: 'Database endpoint', template: '{name}.c{hash}.{region}.rds.amazonaws.com' },
    { key: 'Port', description: 'Database port', template: '5432' },
  ];
  // A new master user name replaces the database instance; class, storage and password change in place.
  const resources = [
    {
      logicalId: 'Database', type: 'AWS::RDS::DBInstance',
      properties: [
        fromParameter('DBInstanceClass', 'DBInstanceClass', 'NEVER'), fromParameter('AllocatedStorage', 'AllocatedStorage', 'NEVER'), fromParameter('MasterUsername', 'MasterUsername', 'ALWAYS'),
        fromParameter('MasterUserPassword', 'MasterPassword', 'NEVER'), fromResource('DBSubnetGroupName', 'SubnetGroup', 'ALWAYS'),
      ],
    },
    { logicalId: 'SubnetGroup', type: 'AWS::RDS::DBSubnetGroup', properties: [] },
  ];
  return {
    id: P.legacyDatabase.id, viewId: P.legacyDatabase.viewId, name: P.legacyDatabase.name, owner: 'Data Team',
    shortDescription: 'Single-AZ RDS PostgreSQL (updates roll back: engine upgrade bug)', distributor: 'Data Engineering', supportEmail: 'data@example.com',
    supportDescription: 'Ask in #data-help', supportUrl: 'https://wiki.example.com/data/legacy-db',
    type: 'CLOUD_FORMATION_TEMPLATE', provisionedProductType: 'CFN_STACK', createdTime: since,
    portfolioIds: [SEED.portfolios.data.id], launchConstraints: [{ portfolioId: SEED.portfolios.data.id, launchRoleArn: SEED.launchRoles.database }],
    tagUpdatesAllowedIn: [SEED.portfolios.data.id],
    behavior: {
      provisionSeconds: 240,
      rollsBackUpdates: { code: 'UPDATE_ROLLBACK_COMPLETE', description: 'Resource handler returned message: "Cannot upgrade postgres from 11.22 to 16.3" (RequestToken: 5f1c, HandlerErrorCode: InvalidRequest). Database UPDATE_FAILED; stack rolled back.' },
    },
    artifacts: [
      artifact(P.legacyDatabase.versions.v1, 'PostgreSQL 11', since, { guidance: 'DEPRECATED', parameters: params, outputs, resources }),
      artifact(P.legacyDatabase.versions.v15, undefined, t - 150 * DAY, { guidance: 'DEPRECATED', parameters: params, outputs, resources }),
      artifact(P.legacyDatabase.versions.v2, 'PostgreSQL 16', t - 20 * DAY, { parameters: params, outputs, resources }),
    ],
  };
}

function analyticsCluster(t: number): Product {
  const params = [
    param('ClusterName', 'String', { constraints: { MinLength: '1', MaxLength: '256' } }),
    param('CoreNodeCount', 'Number', { DefaultValue: '3', constraints: { MinValue: '1', MaxValue: '20' } }),
  ];
  const outputs = [{ key: 'ClusterId', description: 'EMR cluster id', template: 'j-{hash}' }];
  const resources = [{ logicalId: 'Cluster', type: 'AWS::EMR::Cluster' }];
  return {
    id: P.analyticsCluster.id, viewId: P.analyticsCluster.viewId, name: P.analyticsCluster.name, owner: 'Data Team',
    shortDescription: 'EMR cluster for ad-hoc analytics (beta: provisioning currently fails)', distributor: 'Data Engineering', supportEmail: 'data@example.com',
    supportDescription: 'Ask in #data-help', supportUrl: 'https://wiki.example.com/data/emr',
    type: 'CLOUD_FORMATION_TEMPLATE', provisionedProductType: 'CFN_STACK', createdTime: t - 40 * DAY,
    portfolioIds: [SEED.portfolios.data.id], launchConstraints: [{ portfolioId: SEED.portfolios.data.id, launchRoleArn: SEED.launchRoles.dataTeam }],
    tagUpdatesAllowedIn: [],
    behavior: {
      provisionSeconds: 120,
      failsToProvision: { code: 'CREATE_FAILED', description: 'The following resource(s) failed to create: [Cluster]. Cluster: Resource handler returned message: "Cluster {param:ClusterName} could not start: service role EMR_DefaultRole has insufficient EC2 permissions."' },
    },
    artifacts: [
      artifact(P.analyticsCluster.versions.v01, '0.1-beta', t - 40 * DAY, { active: false, guidance: 'DEPRECATED', parameters: params, outputs, resources }),
      artifact(P.analyticsCluster.versions.v02, '0.2-beta', t - 15 * DAY, { parameters: params, outputs, resources }),
    ],
  };
}

function securityBaseline(t: number): Product {
  const params = [param('AlarmEmail', 'String', { Description: 'Where security alarms go', constraints: { AllowedPattern: '[^@\\s]+@[^@\\s]+\\.[^@\\s]+', ConstraintDescription: 'must be a valid email address' } })];
  const outputs = [
    { key: 'StackSetName', description: 'Stack set', template: 'SC-{account}-{id}' },
    { key: 'AlarmTopicArn', description: 'SNS topic for alarms', template: 'arn:aws:sns:{region}:{account}:{name}-alarms' },
  ];
  const resources = [{ logicalId: 'Trail', type: 'AWS::CloudTrail::Trail' }, { logicalId: 'AlarmTopic', type: 'AWS::SNS::Topic' }];
  return {
    id: P.securityBaseline.id, viewId: P.securityBaseline.viewId, name: P.securityBaseline.name, owner: 'Security Team',
    shortDescription: 'CloudTrail and alarms in every account and region (CloudFormation StackSet)', distributor: 'Security', supportEmail: 'security@example.com',
    supportDescription: 'Ask in #security', supportUrl: 'https://wiki.example.com/security/baseline',
    type: 'CLOUD_FORMATION_TEMPLATE', provisionedProductType: 'CFN_STACKSET', createdTime: t - 180 * DAY,
    portfolioIds: [SEED.portfolios.platform.id], launchConstraints: [{ portfolioId: SEED.portfolios.platform.id, launchRoleArn: SEED.launchRoles.platform }],
    tagUpdatesAllowedIn: [SEED.portfolios.platform.id],
    stackSet: { accounts: [ACCOUNT, '210987654321', '345678901234'], regions: ['us-east-1', 'us-west-2', 'eu-west-1'] },
    behavior: {
      provisionSeconds: 180,
      // In the second account a trail of the same name already exists in eu-west-1, and a removal from
      // us-east-1 failed halfway: what an older rollout there left behind.
      stuckStackInstances: [
        {
          account: '210987654321', region: 'eu-west-1', status: 'OUTDATED',
          reason: 'ResourceLogicalId:Trail, ResourceType:AWS::CloudTrail::Trail, ResourceStatusReason:Resource handler returned message: "Trail org-security-trail already exists for customer: 210987654321".',
        },
        {
          account: '210987654321', region: 'us-east-1', status: 'INOPERABLE',
          reason: 'ResourceLogicalId:AlarmTopic, ResourceType:AWS::SNS::Topic, ResourceStatusReason:Resource handler returned message: "User: arn:aws:sts::210987654321:assumed-role/AWSCloudFormationStackSetExecutionRole/… is not authorized to perform: SNS:DeleteTopic".',
        },
      ],
    },
    artifacts: [
      artifact(P.securityBaseline.versions.v10, '1.0', t - 180 * DAY, { active: false, guidance: 'DEPRECATED', parameters: params, outputs, resources }),
      artifact(P.securityBaseline.versions.v11, '1.1', t - 50 * DAY, { parameters: params, outputs, resources }),
    ],
  };
}

function terraformBucket(t: number): Product {
  const params = [
    param('bucket_prefix', 'String', { Description: 'Prefix of the bucket name', constraints: { AllowedPattern: '[a-z0-9-]+', ConstraintDescription: 'must contain only lowercase letters, digits and hyphens', MinLength: '3', MaxLength: '37' } }),
    param('versioning', 'String', { DefaultValue: 'true', constraints: { AllowedValues: ['true', 'false'] } }),
  ];
  const outputs = [
    { key: 'bucket_name', description: 'Bucket name', template: '{param:bucket_prefix}-{hash}' },
    { key: 'bucket_url', description: 'Bucket URL', template: 'https://{param:bucket_prefix}-{hash}.s3.amazonaws.com' },
  ];
  const resources = [{ logicalId: 'aws_s3_bucket.this', type: 'aws_s3_bucket' }];
  const tf = { type: 'TERRAFORM_OPEN_SOURCE' as const, parameters: params, outputs, resources };
  return {
    id: P.terraformBucket.id, viewId: P.terraformBucket.viewId, name: P.terraformBucket.name, owner: 'Data Team',
    shortDescription: 'Versioned S3 bucket, provisioned with Terraform', distributor: 'Data Engineering', supportEmail: 'data@example.com',
    supportDescription: 'Ask in #data-help', supportUrl: 'https://wiki.example.com/data/terraform-bucket',
    type: 'TERRAFORM_OPEN_SOURCE', provisionedProductType: 'TERRAFORM_OPEN_SOURCE', createdTime: t - 80 * DAY,
    portfolioIds: [SEED.portfolios.data.id], launchConstraints: [{ portfolioId: SEED.portfolios.data.id, launchRoleArn: SEED.launchRoles.dataTeam }],
    tagUpdatesAllowedIn: [], hasDefaultPath: false,
    behavior: { provisionSeconds: 60 },
    artifacts: [
      artifact(P.terraformBucket.versions.v10, '1.0.0', t - 80 * DAY, { ...tf, guidance: 'DEPRECATED' }),
      artifact(P.terraformBucket.versions.v11, '1.1.0', t - 25 * DAY, tf),
    ],
  };
}

/** Every sandbox user, and each Identity Center role by its ARN (its sessions act as the role). */
const EVERY_SANDBOX_PRINCIPAL = [...KNOWN_IDENTITIES.map((i) => i.arn), ...Object.values(SANDBOX_SSO_ROLES).map((set) => set.roleArn)];

export function seedPortfolios(): Portfolio[] {
  const { platform, data, accountFactory, drafts } = SEED.portfolios;
  const adminOnly = [SANDBOX_ADMIN.arn];
  return [
    {
      id: platform.id, pathId: platform.pathId, displayName: platform.name, providerName: 'Platform Team',
      tagOptions: [{ key: 'CostCenter', values: ['cc-1001', 'cc-2002', 'cc-3003'] }, { key: 'Environment', values: ['dev', 'staging', 'prod'] }],
      tags: [{ Key: 'team', Value: 'platform' }], principalArns: EVERY_SANDBOX_PRINCIPAL,
    },
    { id: data.id, pathId: data.pathId, displayName: data.name, providerName: 'Data Team', tagOptions: [], tags: [{ Key: 'team', Value: 'data' }], principalArns: EVERY_SANDBOX_PRINCIPAL },
    { id: accountFactory.id, pathId: accountFactory.pathId, displayName: accountFactory.name, providerName: 'AWS Control Tower', tagOptions: [], tags: [], principalArns: adminOnly },
    { id: drafts.id, pathId: drafts.pathId, displayName: drafts.name, providerName: 'Platform Team', tagOptions: [], tags: [], principalArns: adminOnly },
  ];
}

/** Control Tower's Account Factory: a CloudFormation product whose provisioned products are CONTROL_TOWER_ACCOUNT. */
function accountFactory(t: number): Product {
  const text = (key: string) => param(key, 'String');
  const params = ['AccountEmail', 'AccountName', 'ManagedOrganizationalUnit', 'SSOUserEmail', 'SSOUserFirstName', 'SSOUserLastName'].map(text);
  const resources = [{ logicalId: 'Account', type: 'AWS::Organizations::Account' }];
  return {
    id: P.accountFactory.id, viewId: P.accountFactory.viewId, name: P.accountFactory.name, owner: 'AWS Control Tower',
    shortDescription: 'Account Factory', distributor: '', supportEmail: '', supportDescription: '', supportUrl: '',
    type: 'CLOUD_FORMATION_TEMPLATE', provisionedProductType: 'CONTROL_TOWER_ACCOUNT', createdTime: t - 400 * DAY,
    portfolioIds: [SEED.portfolios.accountFactory.id],
    launchConstraints: [{ portfolioId: SEED.portfolios.accountFactory.id, launchRoleArn: SEED.launchRoles.accountFactory }],
    tagUpdatesAllowedIn: [], behavior: { provisionSeconds: 1500 },
    artifacts: [artifact(P.accountFactory.versions.v1, 'AWS Control Tower Account Factory', t - 400 * DAY, { parameters: params, outputs: [], resources })],
  };
}

/** A Terraform product whose portfolio has no launch constraint for it: Terraform products need one, so it can't be provisioned. */
function vpcDraft(t: number): Product {
  const params = [param('cidr_block', 'String', { DefaultValue: '10.0.0.0/16' })];
  return {
    id: P.vpcDraft.id, viewId: P.vpcDraft.viewId, name: P.vpcDraft.name, owner: 'Platform Team',
    shortDescription: 'VPC with private subnets (draft: no launch role yet)', distributor: 'Platform Engineering', supportEmail: 'platform@example.com',
    supportDescription: 'Ask in #platform-help', supportUrl: 'https://wiki.example.com/platform/vpc',
    type: 'TERRAFORM_OPEN_SOURCE', provisionedProductType: 'TERRAFORM_OPEN_SOURCE', createdTime: t - 3 * DAY,
    portfolioIds: [SEED.portfolios.drafts.id], launchConstraints: [], tagUpdatesAllowedIn: [],
    behavior: { provisionSeconds: 90 },
    artifacts: [artifact(P.vpcDraft.versions.v01, '0.1.0', t - 3 * DAY, { type: 'TERRAFORM_OPEN_SOURCE', parameters: params, outputs: [], resources: [{ logicalId: 'aws_vpc.this', type: 'aws_vpc' }] })],
  };
}

export function seedProducts(now: number): Product[] {
  return [
    staticWebsite(now), containerService(now), devInstance(now), legacyDatabase(now), analyticsCluster(now), securityBaseline(now), terraformBucket(now),
    accountFactory(now), vpcDraft(now),
  ];
}

export function seedServiceActions(): ServiceAction[] {
  const a = SEED.serviceActions;
  const target = (name: string, outputKey: string) => ({ Name: name, Type: 'TARGET', defaultValues: [], targetOutputKey: outputKey });
  return [
    { id: a.invalidateCache, name: 'Invalidate CDN cache', description: 'Creates a CloudFront invalidation', definitionType: 'SSM_AUTOMATION', documentName: 'Sandbox-InvalidateCloudFront', seconds: 40, parameters: [target('DistributionId', 'DistributionId'), { Name: 'Paths', Type: 'TEXT_VALUE', defaultValues: ['/*'] }] },
    { id: a.restartService, name: 'Restart service', description: 'Forces a new ECS deployment', definitionType: 'SSM_AUTOMATION', documentName: 'Sandbox-RestartEcsService', seconds: 60, parameters: [{ Name: 'Force', Type: 'TEXT_VALUE', defaultValues: ['false'] }] },
    { id: a.restartInstance, name: 'Restart instance', description: 'Reboots the EC2 instance', definitionType: 'SSM_AUTOMATION', documentName: 'AWS-RestartEC2Instance', seconds: 30, parameters: [target('InstanceId', 'InstanceId')] },
    { id: a.stopInstance, name: 'Stop instance', description: 'Stops the EC2 instance', definitionType: 'SSM_AUTOMATION', documentName: 'AWS-StopEC2Instance', seconds: 25, parameters: [target('InstanceId', 'InstanceId')] },
    {
      id: a.createAmiBackup, name: 'Create AMI backup', description: 'Creates an AMI of the instance', definitionType: 'SSM_AUTOMATION', documentName: 'AWS-CreateImage', seconds: 50,
      parameters: [target('InstanceId', 'InstanceId'), { Name: 'NoReboot', Type: 'TEXT_VALUE', defaultValues: ['true'] }],
      fails: { code: 'AutomationFailed', description: 'Step "createImage" failed: An error occurred (UnauthorizedOperation) when calling the CreateImage operation: the launch role may not call ec2:CreateImage.' },
    },
  ];
}
