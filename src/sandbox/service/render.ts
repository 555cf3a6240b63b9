// State → the model's output shapes. Times become Dates (the wire layer writes epoch seconds).
import { catalogArn, principalOf } from './launchPaths';
import type { CatalogState } from './state';
import type { Artifact, PlanData, Product, ProvisionedProduct, RecordData, Tag } from './types';

const date = (ms: number) => new Date(ms);

/** `pathCount`: the caller's launch paths of the product (HasDefaultPath unless the seed says otherwise). */
export function productViewSummary(product: Product, pathCount: number) {
  return {
    Id: product.viewId,
    ProductId: product.id,
    Name: product.name,
    Owner: product.owner,
    ShortDescription: product.shortDescription,
    Type: product.type,
    Distributor: product.distributor,
    HasDefaultPath: product.hasDefaultPath ?? pathCount === 1,
    SupportEmail: product.supportEmail,
    SupportDescription: product.supportDescription,
    SupportUrl: product.supportUrl,
  };
}

/** End users see only active versions of a product, with their Guidance; a version without a name shows none. */
export function artifactSummaries(product: Product) {
  return product.artifacts
    .filter((a) => a.active)
    .map((a) => ({ Id: a.id, Name: a.name, Description: a.description, CreatedTime: date(a.createdTime), Guidance: a.guidance }));
}

export function artifactDetail(artifact: Artifact) {
  return {
    Id: artifact.id,
    Name: artifact.name,
    Description: artifact.description,
    Type: artifact.type,
    CreatedTime: date(artifact.createdTime),
    Active: artifact.active,
    Guidance: artifact.guidance,
  };
}

/**
 * Parameters as DescribeProvisioningParameters returns them in real accounts: AllowedValues is always
 * there (empty when the template has none); Description and DefaultValue only when the template has them.
 */
export function parameterSpecs(artifact: Artifact) {
  return artifact.parameters.map((p) => ({ ...p, ParameterConstraints: { AllowedValues: [], ...p.ParameterConstraints } }));
}

export function recordDetail(record: RecordData) {
  const failed = record.status === 'FAILED' || record.status === 'IN_PROGRESS_IN_ERROR';
  return {
    RecordId: record.id,
    ProvisionedProductName: record.provisionedProductName,
    Status: record.status,
    CreatedTime: date(record.createdTime),
    UpdatedTime: date(record.updatedTime),
    ProvisionedProductType: record.provisionedProductType,
    RecordType: record.type,
    ProvisionedProductId: record.provisionedProductId,
    ProductId: record.productId,
    ProvisioningArtifactId: record.artifactId,
    PathId: record.pathId,
    RecordErrors: failed ? record.errors : [],
    RecordTags: record.tags,
    LaunchRoleArn: record.launchRoleArn,
  };
}

/**
 * Provisioned products launched before the service recorded ProductId, ProvisioningArtifactId,
 * LaunchRoleArn and LastSuccessfulProvisioningRecordId come back without them (real accounts show
 * such old products; LaunchRoleArn dates from 2020-10-19). The cut-off date is the sandbox's choice.
 */
export const SPARSE_BEFORE = Date.UTC(2019, 0, 1);
const isOld = (pp: ProvisionedProduct) => pp.createdTime < SPARSE_BEFORE;

/** The members ProvisionedProductDetail and ProvisionedProductAttribute share. */
function provisionedProductCommon(pp: ProvisionedProduct) {
  const old = isOld(pp);
  return {
    Name: pp.name,
    Arn: pp.arn,
    Type: pp.type,
    Id: pp.id,
    Status: pp.status,
    StatusMessage: pp.statusMessage,
    CreatedTime: date(pp.createdTime),
    IdempotencyToken: pp.idempotencyToken,
    LastRecordId: pp.lastRecordId,
    LastProvisioningRecordId: pp.lastProvisioningRecordId,
    LastSuccessfulProvisioningRecordId: old ? undefined : pp.lastSuccessfulProvisioningRecordId,
    ProductId: old ? undefined : pp.productId,
    ProvisioningArtifactId: old ? undefined : pp.artifactId,
  };
}

export function provisionedProductDetail(pp: ProvisionedProduct) {
  return { ...provisionedProductCommon(pp), LaunchRoleArn: isOld(pp) ? undefined : pp.launchRoleArn };
}

/**
 * The AutoTags Service Catalog puts next to the user's tags (formats from aws-cli's
 * search-provisioned-products example; names from the admin guide's AutoTags page). The two the
 * guide calls recent (provisionedProductArn, provisioningArtifactIdentifier) are missing on old products.
 */
export function systemTags(pp: ProvisionedProduct, state: CatalogState): Tag[] {
  const [, , , region, account] = pp.arn.split(':');
  const portfolio = state.portfolioByPathId(pp.pathId);
  const tags: Tag[] = [
    { Key: 'aws:servicecatalog:productArn', Value: catalogArn.product(region, account, pp.productId) },
    { Key: 'aws:servicecatalog:provisioningPrincipalArn', Value: pp.provisionedBy ?? pp.userArn },
  ];
  if (!isOld(pp)) tags.push({ Key: 'aws:servicecatalog:provisioningArtifactIdentifier', Value: pp.artifactId });
  if (portfolio) tags.push({ Key: 'aws:servicecatalog:portfolioArn', Value: catalogArn.portfolio(region, account, portfolio.id) });
  if (!isOld(pp)) tags.push({ Key: 'aws:servicecatalog:provisionedProductArn', Value: pp.arn });
  return tags;
}

export function provisionedProductAttribute(pp: ProvisionedProduct, state: CatalogState) {
  const product = state.product(pp.productId);
  const artifact = product && state.artifact(product, pp.artifactId);
  return {
    ...provisionedProductCommon(pp),
    Tags: [...pp.tags, ...systemTags(pp, state)],
    PhysicalId: pp.physicalId,
    ProductName: product?.name,
    ProvisioningArtifactName: isOld(pp) ? undefined : artifact?.name,
    // The model: UserArn is "the ARN of the user", UserArnSession "the ARN of the user in the session.
    // This ARN might contain a session ID". An assumed-role owner is its role, and its session.
    UserArn: principalOf(pp.userArn),
    UserArnSession: pp.userArn,
  };
}

export function planSummary(plan: PlanData) {
  return {
    PlanName: plan.name,
    PlanId: plan.id,
    ProvisionProductId: plan.provisionedProductId,
    ProvisionProductName: plan.provisionedProductName,
    PlanType: plan.type,
    ProvisioningArtifactId: plan.artifactId,
  };
}

export function planDetails(plan: PlanData, noEchoKeys: ReadonlySet<string>) {
  return {
    ...planSummary(plan),
    CreatedTime: date(plan.createdTime),
    UpdatedTime: date(plan.updatedTime),
    PathId: plan.pathId,
    ProductId: plan.productId,
    Status: plan.status,
    StatusMessage: plan.statusMessage,
    NotificationArns: plan.notificationArns,
    // NoEcho values are never echoed back, as CloudFormation masks them.
    ProvisioningParameters: plan.parameters.map((p) => (noEchoKeys.has(p.Key) && p.Value !== undefined ? { ...p, Value: '****' } : p)),
    Tags: plan.tags,
  };
}
