// State → the model's output shapes. Times become Dates (the wire layer writes epoch seconds).
import type { CatalogState } from './state';
import type { Artifact, PlanData, Product, ProvisionedProduct, RecordData } from './types';

const date = (ms: number) => new Date(ms);

export function productViewSummary(product: Product) {
  return {
    Id: product.viewId,
    ProductId: product.id,
    Name: product.name,
    Owner: product.owner,
    ShortDescription: product.shortDescription,
    Type: product.type,
    Distributor: product.distributor,
    HasDefaultPath: product.portfolioIds.length === 1,
    SupportEmail: product.supportEmail,
    SupportDescription: product.supportDescription,
    SupportUrl: product.supportUrl,
  };
}

/** End users see only active versions of a product. */
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

/** The members ProvisionedProductDetail and ProvisionedProductAttribute share. */
function provisionedProductCommon(pp: ProvisionedProduct) {
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
    LastSuccessfulProvisioningRecordId: pp.lastSuccessfulProvisioningRecordId,
    ProductId: pp.productId,
    ProvisioningArtifactId: pp.artifactId,
  };
}

export function provisionedProductDetail(pp: ProvisionedProduct) {
  return { ...provisionedProductCommon(pp), LaunchRoleArn: pp.launchRoleArn };
}

export function provisionedProductAttribute(pp: ProvisionedProduct, state: CatalogState) {
  const product = state.product(pp.productId);
  const artifact = product && state.artifact(product, pp.artifactId);
  return {
    ...provisionedProductCommon(pp),
    Tags: pp.tags,
    PhysicalId: pp.physicalId,
    ProductName: product?.name,
    ProvisioningArtifactName: artifact?.name,
    UserArn: pp.userArn,
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
