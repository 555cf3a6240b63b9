import type { ProvisionedProductAttribute, ProvisionedProductDetail } from '@aws-sdk/client-service-catalog';

/** What the tree knows of one provisioned product: the search attribute plus, once read, its detail. */
export interface ProductRow extends ProvisionedProductAttribute {
  LaunchRoleArn?: string;
  /** Whether DescribeProvisionedProduct has been read (LaunchRoleArn is only in the detail). */
  detailLoaded?: boolean;
  /**
   * An operation ran since the listing that brought `Tags` (the detail names a newer last record): they
   * may have changed, and only SearchProvisionedProducts has them.
   */
  tagsOutdated?: boolean;
}

/**
 * Merges a fresh detail into a row. Names and tags are not in the detail: names are kept unless the
 * version changed, tags are marked outdated once a newer record ran.
 */
export function mergeDetail(row: ProductRow, detail: ProvisionedProductDetail): ProductRow {
  const versionChanged = detail.ProvisioningArtifactId !== undefined && detail.ProvisioningArtifactId !== row.ProvisioningArtifactId;
  const newRecord = detail.LastRecordId !== undefined && detail.LastRecordId !== row.LastRecordId;
  return {
    ...row,
    Name: detail.Name ?? row.Name,
    Arn: detail.Arn ?? row.Arn,
    Type: detail.Type ?? row.Type,
    Status: detail.Status ?? row.Status,
    StatusMessage: detail.StatusMessage,
    LastRecordId: detail.LastRecordId ?? row.LastRecordId,
    LastProvisioningRecordId: detail.LastProvisioningRecordId ?? row.LastProvisioningRecordId,
    LastSuccessfulProvisioningRecordId: detail.LastSuccessfulProvisioningRecordId ?? row.LastSuccessfulProvisioningRecordId,
    ProductId: detail.ProductId ?? row.ProductId,
    ProvisioningArtifactId: detail.ProvisioningArtifactId ?? row.ProvisioningArtifactId,
    ProvisioningArtifactName: versionChanged ? undefined : row.ProvisioningArtifactName,
    LaunchRoleArn: detail.LaunchRoleArn,
    detailLoaded: true,
    tagsOutdated: row.tagsOutdated || newRecord,
  };
}
