// Where a provisioned product's outputs come from. GetProvisionedProductOutputs gives the outputs now;
// an end user with AWSServiceCatalogEndUserFullAccess may not call it (the policy grants DescribeRecord
// and ListRecordHistory on their own products, not GetProvisionedProductOutputs), so the outputs of the
// product's last successful provisioning record stand in, said as such: a record's outputs are what
// that operation produced, not necessarily what the stack says now. Pure: SDK types only.
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { formatTime } from '../localTime';

/** The outputs are the service's current ones, or those of one record (with when it ended), or none could be found. */
export type OutputSource =
  | { readonly kind: 'current' }
  | { readonly kind: 'record'; readonly recordId: string; readonly time?: Date }
  | { readonly kind: 'noRecord' };

/** Record types whose success sets a product's outputs (what LastSuccessfulProvisioningRecordId points at). */
const PROVISIONING_RECORD_TYPES: ReadonlySet<string> = new Set(['PROVISION_PRODUCT', 'UPDATE_PROVISIONED_PRODUCT']);

/**
 * The newest succeeded provisioning or update among a product's records, for products without
 * LastSuccessfulProvisioningRecordId (older ones lack it). Newest by time, whatever order the pages came in.
 */
export function lastSuccessfulProvisioning(records: readonly RecordDetail[]): RecordDetail | undefined {
  const time = (r: RecordDetail) => (r.UpdatedTime ?? r.CreatedTime)?.getTime() ?? 0;
  return records
    .filter((r) => r.RecordId && r.Status === 'SUCCEEDED' && PROVISIONING_RECORD_TYPES.has(r.RecordType ?? ''))
    .reduce<RecordDetail | undefined>((newest, r) => (!newest || time(r) > time(newest) ? r : newest), undefined);
}

/** The words beside outputs that are not the current ones ("from record rec-… of 1 Dec 2026, 14:02:11"); none for current ones. */
export function outputSourceNote(source: OutputSource): string | undefined {
  if (source.kind === 'current') return undefined;
  if (source.kind === 'noRecord') return 'not readable: no successful provisioning record found';
  return `from record ${source.recordId}${source.time ? ` of ${formatTime(source.time)}` : ''}`;
}

/** Said beside a record's outputs wherever they are listed. */
export const OUTPUTS_NOT_CURRENT = 'a record\'s outputs, not necessarily the current ones';

/** Why the outputs shown may differ from the current ones (a tooltip, the pick's title). */
export const RECORD_OUTPUTS_EXPLANATION =
  'Your permissions do not include servicecatalog:GetProvisionedProductOutputs, so these are the outputs of the last successful '
  + 'provisioning or update record; a change made outside Service Catalog since then is not shown.';
