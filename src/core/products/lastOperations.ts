// Which operation runs on a busy provisioned product, and since when: the type and creation time of
// its last record (DescribeRecord of LastRecordId). Both never change for a record, so each record is
// read at most once per connection; a failed read is tried again only at the next full listing. Said
// only while the product's latest row is busy and names that record as its last. No vscode import.
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { BUSY_PRODUCT_STATUSES } from '../statuses';
import type { ProductRow } from './productRow';

export interface LastOperation {
  readonly recordId: string;
  readonly provisionedProductId?: string;
  readonly recordType?: string;
  readonly createdTime?: Date;
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

  /** The operation on the row, if the row is busy and its last record has been read. */
  of(row: ProductRow): LastOperation | undefined {
    if (!BUSY_PRODUCT_STATUSES.has(row.Status ?? '') || !row.LastRecordId) return undefined;
    const operation = this.known.get(row.LastRecordId);
    return operation && operation.provisionedProductId === row.Id ? operation : undefined;
  }

  /** A record read elsewhere (the record tracker): kept without a call of its own. */
  note(detail: RecordDetail): void {
    if (!detail.RecordId || this.known.has(detail.RecordId)) return;
    this.known.set(detail.RecordId, toOperation(detail, detail.RecordId));
    this.failed.delete(detail.RecordId);
  }

  /** Reads the last records of busy rows not read yet (none twice at once, none that failed until `retryFailed`). */
  readMissing(rows: Iterable<ProductRow>): Promise<void> {
    const wanted = new Map<string, string>();
    for (const row of rows) {
      const recordId = row.LastRecordId;
      if (!recordId || !row.Id || !BUSY_PRODUCT_STATUSES.has(row.Status ?? '')) continue;
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
  return { recordId, provisionedProductId: detail.ProvisionedProductId, recordType: detail.RecordType, createdTime: detail.CreatedTime };
}
