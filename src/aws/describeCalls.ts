// The one wrapper of each describe call that both CatalogApi (tree, records) and ProvisioningService
// (forms) make: a provisioned product's detail, and a record with its outputs paged through collectPages.
import {
  DescribeProvisionedProductCommand,
  DescribeRecordCommand,
  type ProvisionedProductDetail,
  type RecordDetail,
  type RecordOutput,
  type ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { collectPages, type Listed } from '../core/paging';

/** The model's cap for DescribeRecord's outputs. */
const RECORD_OUTPUTS_PAGE_SIZE = 20;

export interface FullRecord {
  readonly detail: RecordDetail;
  readonly outputs: Listed<RecordOutput>;
}

export async function describeProvisionedProduct(client: ServiceCatalogClient, id: string): Promise<ProvisionedProductDetail> {
  const out = await client.send(new DescribeProvisionedProductCommand({ Id: id }));
  if (!out.ProvisionedProductDetail) throw new Error(`No detail returned for provisioned product ${id}.`);
  return out.ProvisionedProductDetail;
}

/**
 * A record with every page of its outputs (up to the page cap); `detailOnly` when the caller needs just
 * the detail: one call for one output.
 */
export async function describeRecord(client: ServiceCatalogClient, id: string, options: { readonly detailOnly?: boolean } = {}): Promise<FullRecord> {
  const pageSize = options.detailOnly ? 1 : RECORD_OUTPUTS_PAGE_SIZE;
  let detail: RecordDetail | undefined;
  const outputs = await collectPages(async (token) => {
    const out = await client.send(new DescribeRecordCommand({ Id: id, PageToken: token, PageSize: pageSize }));
    detail = out.RecordDetail;
    return { items: out.RecordOutputs ?? [], nextToken: out.NextPageToken || undefined };
  }, options.detailOnly ? { maxPages: 1 } : {});
  if (!detail) throw new Error(`No detail returned for record ${id}.`);
  return { detail, outputs };
}
