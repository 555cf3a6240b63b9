// Which operation runs on a busy provisioned product, and since when: the type and creation time of
// its last record (DescribeRecord of LastRecordId). Both never change for a record, so each record is
// read at most once per connection (a record read elsewhere updates its status); a failed read is
// tried again only at the next full listing. Said only while the product's latest row is UNDER_CHANGE,
// names that record as its last, and the record was unfinished when read: a plan being created
// (PLAN_IN_PROGRESS) makes no record, so the last one is an older, finished operation. No vscode import.
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { UNFINISHED_RECORD_STATUSES } from '../statuses';
import type { ProductRow } from './productRow';

export interface LastOperation {
  readonly recordId: string;
  readonly provisionedProductId?: string;
  readonly recordType?: string;
  readonly createdTime?: Date;
  /** The record's status as last read: only an unfinished record names the current operation. */
  readonly recordStatus?: string;
}

/** The product status each record type's operation runs under (plans make no record until executed). */
const OPERATION_RECORD_TYPES: Readonly<Record<string, ReadonlySet<string>>> = {
  UNDER_CHANGE: new Set([
    'PROVISION_PRODUCT', 'UPDATE_PROVISIONED_PRODUCT', 'TERMINATE_PROVISIONED_PRODUCT', 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES',
    'EXECUTE_PROVISIONED_PRODUCT_PLAN', 'EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION',
  ]),
};

/** Whether a row's status is one a record's operation runs under (UNDER_CHANGE): only then is its last record read. */
function runsRecordOperation(row: ProductRow): boolean {
  return row.Status !== undefined && Object.hasOwn(OPERATION_RECORD_TYPES, row.Status);
}

export class LastOperations {
  private readonly known = new Map<string, LastOperation>();
  private readonly reading = new Set<string>();
  private readonly failed = new Set<string>();
  /** Bumped by clear(): a read of the connection before lands nowhere. */
  private generation = 0;
  /** DescribeRecord calls made (tests prove the bound with it). */
  reads = 0;

  constructor(
    private readonly describeRecord: (recordId: string) => Promise<RecordDetail>,
    /** Told which products a read record belongs to, so their rows are drawn again. */
    private readonly onRead: (provisionedProductIds: string[]) => void,
    private readonly onError: (recordId: string, error: unknown) => void = () => undefined,
  ) {}

  /** The operation on the row: its last record, read, unfinished, of this product and of a type its status runs. */
  of(row: ProductRow): LastOperation | undefined {
    if (!runsRecordOperation(row) || !row.LastRecordId) return undefined;
    const operation = this.known.get(row.LastRecordId);
    if (!operation || operation.provisionedProductId !== row.Id) return undefined;
    if (!UNFINISHED_RECORD_STATUSES.has(operation.recordStatus ?? '')) return undefined;
    return OPERATION_RECORD_TYPES[row.Status!].has(operation.recordType ?? '') ? operation : undefined;
  }

  /** A record read elsewhere (the record tracker): kept without a call of its own, its status the latest. */
  note(detail: RecordDetail): void {
    if (!detail.RecordId) return;
    this.known.set(detail.RecordId, toOperation(detail, detail.RecordId));
    this.failed.delete(detail.RecordId);
  }

  /** Reads the last records of busy rows not read yet (none twice at once, none that failed until `retryFailed`). */
  readMissing(rows: Iterable<ProductRow>): Promise<void> {
    const wanted = new Map<string, string>();
    for (const row of rows) {
      const recordId = row.LastRecordId;
      if (!recordId || !row.Id || !runsRecordOperation(row)) continue;
      if (this.known.has(recordId) || this.reading.has(recordId) || this.failed.has(recordId)) continue;
      wanted.set(recordId, row.Id);
    }
    return Promise.all([...wanted.keys()].map((recordId) => this.read(recordId))).then(() => undefined);
  }

  /** A full listing: records whose read failed may be tried once more. */
  retryFailed(): void {
    this.failed.clear();
  }

  /** Another connection: nothing read so far applies. */
  clear(): void {
    this.generation++;
    this.reading.clear();
    this.known.clear();
    this.failed.clear();
  }

  private async read(recordId: string): Promise<void> {
    const generation = this.generation;
    this.reading.add(recordId);
    this.reads++;
    try {
      const detail = await this.describeRecord(recordId);
      if (generation !== this.generation) return;
      const operation = toOperation(detail, recordId);
      this.known.set(recordId, operation);
      if (operation.provisionedProductId) this.onRead([operation.provisionedProductId]);
    } catch (error) {
      if (generation !== this.generation) return;
      this.failed.add(recordId);
      this.onError(recordId, error);
    } finally {
      if (generation === this.generation) this.reading.delete(recordId);
    }
  }
}

function toOperation(detail: RecordDetail, recordId: string): LastOperation {
  return {
    recordId, provisionedProductId: detail.ProvisionedProductId, recordType: detail.RecordType, createdTime: detail.CreatedTime, recordStatus: detail.Status,
  };
}
