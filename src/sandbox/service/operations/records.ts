// DescribeRecord and ListRecordHistory. Records outlive their provisioned products. Who may read
// which record is IAM's access-level check (src/sandbox/iam): DescribeRecord only for the product's
// current owner. History at User level lists the records the caller made as owner (kept after the
// product changes hands) and every record of a product the caller owns now, the ownership history of
// UpdateProvisionedProductProperties' documentation.
import type { OpEnv } from '../env';
import { fail } from '../errors';
import { pageOf } from '../paging';
import { recordDetail } from '../render';
import type { RecordData } from '../types';
import { currentOwnerOfRecord, offsetFrom, ownerFilter } from './access';

export function describeRecord(input: Record<string, any>, env: OpEnv) {
  const record = env.state.record(input.Id);
  if (!record) fail(env.operation, 'notFound', `Record ${input.Id} not found.`);
  const page = pageOf(record.outputs, offsetFrom(env, input.PageToken), input.PageSize, 20, env.operation);
  return { RecordDetail: recordDetail(record), RecordOutputs: page.items, NextPageToken: page.nextPageToken };
}

const SEARCH_KEYS = new Map<string, (record: RecordData, value: string) => boolean>([
  ['product', (record, value) => record.productId === value],
  ['provisionedproduct', (record, value) => record.provisionedProductId === value],
]);

export function listRecordHistory(input: Record<string, any>, env: OpEnv) {
  const owned = ownerFilter(env, input.AccessLevelFilter, 'User');
  const filter = input.SearchFilter as { Key?: string; Value?: string } | undefined;
  const matchesFilter = filter?.Key !== undefined ? SEARCH_KEYS.get(filter.Key) : undefined;
  if (filter?.Key !== undefined && !matchesFilter) fail(env.operation, 'invalidParameters', "SearchFilter Key must be 'product' or 'provisionedproduct'.");
  const offset = offsetFrom(env, input.PageToken);
  const { recordOrder } = env.state.data;
  const found: RecordData[] = [];
  // recordOrder is oldest first; history is newest first.
  for (let i = recordOrder.length - 1; i >= 0; i--) {
    const record = env.state.record(recordOrder[i])!;
    const visible = owned(record.ownerArn) || owned(currentOwnerOfRecord(env.state, record));
    if (visible && (!matchesFilter || matchesFilter(record, filter?.Value ?? ''))) found.push(record);
  }
  const page = pageOf(found, offset, input.PageSize, 20, env.operation);
  return { RecordDetails: page.items.map(recordDetail), NextPageToken: page.nextPageToken };
}
