// The AWS managed policies the sandbox's callers hold, statement by statement as AWS publishes them.
// Sources: the AWS Managed Policy Reference
// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/<PolicyName>.html) and the copies
// kept by zoph-io/MAMIP (policies/<PolicyName>): AWSServiceCatalogEndUserFullAccess v7 (default since
// 2019-07-10), AWSServiceCatalogEndUserReadOnlyAccess v1 (2019-10-25), AWSServiceCatalogAdminFullAccess
// v8 (default since 2023-04-13); and one customer managed policy trimmed from the first. CloudFormation, SSM and Config statements are kept although the sandbox
// serves only Service Catalog, so a later endpoint is judged by the same documents.
import type { ManagedPolicyName } from '../identities';

export interface PolicyStatement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
  /** Only the operator the managed policies use: StringEquals { key: value }. */
  readonly Condition?: { readonly StringEquals: Readonly<Record<string, string>> };
}

export interface ManagedPolicy {
  readonly name: ManagedPolicyName;
  readonly arn: string;
  readonly versionId: string;
  readonly statements: readonly PolicyStatement[];
}

const SC_STACKS = [
  'arn:aws:cloudformation:*:*:stack/SC-*',
  'arn:aws:cloudformation:*:*:stack/StackSet-SC-*',
  'arn:aws:cloudformation:*:*:changeSet/SC-*',
  'arn:aws:cloudformation:*:*:stackset/SC-*',
];

const USER_LEVEL_SELF = { StringEquals: { 'servicecatalog:userLevel': 'self' } };

const END_USER_FULL: ManagedPolicy = {
  name: 'AWSServiceCatalogEndUserFullAccess',
  arn: 'arn:aws:iam::aws:policy/AWSServiceCatalogEndUserFullAccess',
  versionId: 'v7',
  statements: [
    {
      Effect: 'Allow',
      Action: [
        'cloudformation:CreateStack', 'cloudformation:DeleteStack', 'cloudformation:DescribeStackEvents', 'cloudformation:DescribeStacks',
        'cloudformation:SetStackPolicy', 'cloudformation:ValidateTemplate', 'cloudformation:UpdateStack', 'cloudformation:CreateChangeSet',
        'cloudformation:DescribeChangeSet', 'cloudformation:ExecuteChangeSet', 'cloudformation:ListChangeSets', 'cloudformation:DeleteChangeSet',
        'cloudformation:TagResource', 'cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances', 'cloudformation:UpdateStackSet',
        'cloudformation:UpdateStackInstances', 'cloudformation:DeleteStackSet', 'cloudformation:DeleteStackInstances', 'cloudformation:DescribeStackSet',
        'cloudformation:DescribeStackInstance', 'cloudformation:DescribeStackSetOperation', 'cloudformation:ListStackInstances',
        'cloudformation:ListStackResources', 'cloudformation:ListStackSetOperations', 'cloudformation:ListStackSetOperationResults',
      ],
      Resource: SC_STACKS,
    },
    {
      Effect: 'Allow',
      Action: [
        'cloudformation:GetTemplateSummary', 'servicecatalog:DescribeProduct', 'servicecatalog:DescribeProductView',
        'servicecatalog:DescribeProvisioningParameters', 'servicecatalog:ListLaunchPaths', 'servicecatalog:ProvisionProduct',
        'servicecatalog:SearchProducts', 'ssm:DescribeDocument', 'ssm:GetAutomationExecution', 'config:DescribeConfigurationRecorders',
        'config:DescribeConfigurationRecorderStatus',
      ],
      Resource: ['*'],
    },
    {
      Effect: 'Allow',
      Action: [
        'servicecatalog:DescribeProvisionedProduct', 'servicecatalog:DescribeRecord', 'servicecatalog:ListRecordHistory',
        'servicecatalog:ListStackInstancesForProvisionedProduct', 'servicecatalog:ScanProvisionedProducts', 'servicecatalog:TerminateProvisionedProduct',
        'servicecatalog:UpdateProvisionedProduct', 'servicecatalog:SearchProvisionedProducts', 'servicecatalog:CreateProvisionedProductPlan',
        'servicecatalog:DescribeProvisionedProductPlan', 'servicecatalog:ExecuteProvisionedProductPlan', 'servicecatalog:DeleteProvisionedProductPlan',
        'servicecatalog:ListProvisionedProductPlans', 'servicecatalog:ListServiceActionsForProvisioningArtifact',
        'servicecatalog:ExecuteProvisionedProductServiceAction', 'servicecatalog:DescribeServiceActionExecutionParameters',
      ],
      Resource: ['*'],
      Condition: USER_LEVEL_SELF,
    },
  ],
};

const END_USER_READ_ONLY: ManagedPolicy = {
  name: 'AWSServiceCatalogEndUserReadOnlyAccess',
  arn: 'arn:aws:iam::aws:policy/AWSServiceCatalogEndUserReadOnlyAccess',
  versionId: 'v1',
  statements: [
    {
      Effect: 'Allow',
      Action: [
        'cloudformation:DescribeStackEvents', 'cloudformation:DescribeStacks', 'cloudformation:DescribeChangeSet', 'cloudformation:ListChangeSets',
        'cloudformation:DescribeStackSet', 'cloudformation:DescribeStackInstance', 'cloudformation:DescribeStackSetOperation',
        'cloudformation:ListStackInstances', 'cloudformation:ListStackResources', 'cloudformation:ListStackSetOperations',
        'cloudformation:ListStackSetOperationResults',
      ],
      Resource: SC_STACKS,
    },
    {
      Effect: 'Allow',
      Action: [
        'cloudformation:GetTemplateSummary', 'servicecatalog:DescribeProduct', 'servicecatalog:DescribeProductView',
        'servicecatalog:DescribeProvisioningParameters', 'servicecatalog:ListLaunchPaths', 'servicecatalog:SearchProducts',
        'ssm:DescribeDocument', 'ssm:GetAutomationExecution', 'config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus',
      ],
      Resource: ['*'],
    },
    {
      Effect: 'Allow',
      Action: [
        'servicecatalog:DescribeProvisionedProduct', 'servicecatalog:DescribeRecord', 'servicecatalog:ListRecordHistory',
        'servicecatalog:ListStackInstancesForProvisionedProduct', 'servicecatalog:ScanProvisionedProducts', 'servicecatalog:SearchProvisionedProducts',
        'servicecatalog:DescribeProvisionedProductPlan', 'servicecatalog:ListProvisionedProductPlans',
        'servicecatalog:ListServiceActionsForProvisioningArtifact', 'servicecatalog:DescribeServiceActionExecutionParameters',
      ],
      Resource: ['*'],
      Condition: USER_LEVEL_SELF,
    },
  ],
};

const ADMIN_FULL: ManagedPolicy = {
  name: 'AWSServiceCatalogAdminFullAccess',
  arn: 'arn:aws:iam::aws:policy/AWSServiceCatalogAdminFullAccess',
  versionId: 'v8',
  statements: [
    {
      Effect: 'Allow',
      Action: [
        'cloudformation:CreateStack', 'cloudformation:DeleteStack', 'cloudformation:DescribeStackEvents', 'cloudformation:DescribeStacks',
        'cloudformation:SetStackPolicy', 'cloudformation:UpdateStack', 'cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet',
        'cloudformation:ExecuteChangeSet', 'cloudformation:ListChangeSets', 'cloudformation:DeleteChangeSet', 'cloudformation:ListStackResources',
        'cloudformation:TagResource', 'cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances', 'cloudformation:UpdateStackSet',
        'cloudformation:UpdateStackInstances', 'cloudformation:DeleteStackSet', 'cloudformation:DeleteStackInstances', 'cloudformation:DescribeStackSet',
        'cloudformation:DescribeStackInstance', 'cloudformation:DescribeStackSetOperation', 'cloudformation:ListStackInstances',
        'cloudformation:ListStackSetOperations', 'cloudformation:ListStackSetOperationResults',
      ],
      Resource: SC_STACKS,
    },
    {
      Effect: 'Allow',
      Action: [
        'cloudformation:CreateUploadBucket', 'cloudformation:GetTemplateSummary', 'cloudformation:ValidateTemplate', 'iam:GetGroup', 'iam:GetRole',
        'iam:GetUser', 'iam:ListGroups', 'iam:ListRoles', 'iam:ListUsers', 'servicecatalog:Get*', 'servicecatalog:Scan*', 'servicecatalog:Search*',
        'servicecatalog:List*', 'servicecatalog:TagResource', 'servicecatalog:UntagResource', 'servicecatalog:SyncResource', 'ssm:DescribeDocument',
        'ssm:GetAutomationExecution', 'ssm:ListDocuments', 'ssm:ListDocumentVersions', 'config:DescribeConfigurationRecorders',
        'config:DescribeConfigurationRecorderStatus',
      ],
      Resource: ['*'],
    },
    {
      Effect: 'Allow',
      Action: [
        'servicecatalog:Accept*', 'servicecatalog:Associate*', 'servicecatalog:Batch*', 'servicecatalog:Copy*', 'servicecatalog:Create*',
        'servicecatalog:Delete*', 'servicecatalog:Describe*', 'servicecatalog:Disable*', 'servicecatalog:Disassociate*', 'servicecatalog:Enable*',
        'servicecatalog:Execute*', 'servicecatalog:Import*', 'servicecatalog:Provision*', 'servicecatalog:Put*', 'servicecatalog:Reject*',
        'servicecatalog:Terminate*', 'servicecatalog:Update*',
      ],
      Resource: ['*'],
    },
    {
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: ['*'],
      Condition: { StringEquals: { 'iam:PassedToService': 'servicecatalog.amazonaws.com' } },
    },
    {
      Effect: 'Allow',
      Action: ['iam:CreateServiceLinkedRole'],
      Resource: ['arn:aws:iam::*:role/aws-service-role/orgsdatasync.servicecatalog.amazonaws.com/AWSServiceRoleForServiceCatalogOrgsDataSync'],
      Condition: { StringEquals: { 'iam:AWSServiceName': 'orgsdatasync.servicecatalog.amazonaws.com' } },
    },
  ],
};

/**
 * A customer managed policy: AWSServiceCatalogEndUserFullAccess without its first statement (the
 * cloudformation:* actions on SC-* stacks), as an account that trims the managed policy has. Service
 * Catalog works (it acts through the launch role); every CloudFormation read is refused.
 */
const END_USER_WITHOUT_CLOUDFORMATION: ManagedPolicy = {
  name: 'ServiceCatalogEndUserWithoutCloudFormation',
  arn: 'arn:aws:iam::123456789012:policy/ServiceCatalogEndUserWithoutCloudFormation',
  versionId: 'v1',
  statements: END_USER_FULL.statements.filter((statement) => statement.Resource !== SC_STACKS),
};

export const MANAGED_POLICIES: Readonly<Record<ManagedPolicyName, ManagedPolicy>> = {
  AWSServiceCatalogEndUserFullAccess: END_USER_FULL,
  AWSServiceCatalogEndUserReadOnlyAccess: END_USER_READ_ONLY,
  AWSServiceCatalogAdminFullAccess: ADMIN_FULL,
  ServiceCatalogEndUserWithoutCloudFormation: END_USER_WITHOUT_CLOUDFORMATION,
};
