// The operations the extension uses, each paged to the end (or MAX_PAGES) where the user needs everything.
// One instance per connection; the extension loads this module lazily (it pulls in the SDK).
import {
  GetProvisionedProductOutputsCommand,
  ListStackInstancesForProvisionedProductCommand,
  ListRecordHistoryCommand,
  ScanProvisionedProductsCommand,
  SearchProvisionedProductsCommand,
  TerminateProvisionedProductCommand,
  UpdateProvisionedProductPropertiesCommand,
  type ProvisionedProductAttribute,
  type ProvisionedProductDetail,
  type RecordDetail,
  type RecordOutput,
  type ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { createServiceCatalogClient, type CallCounter } from './client';
import { describeProvisionedProduct, describeRecord, type FullRecord } from './describeCalls';
import type { AccessLevel, CallSettings, Connection } from '../core/connection';
import { collectPages, forEachPage, type Listed } from '../core/paging';
import { classifyError } from '../core/errors';
import { lastSuccessfulProvisioning, type OutputSource } from '../core/products/outputSource';
import { SCAN_PAGE_SIZE } from '../core/paging';
import type { StackInstance } from '../core/stacks/types';

export const SEARCH_PAGE_SIZE = 100;
/** The model's cap for ListRecordHistory. */
const RECORD_PAGE_SIZE = 20;

export interface ListOptions {
  /** Free text or `field:value` terms, sent as the SearchQuery filter. */
  readonly query?: string;
  readonly onPage?: (items: readonly ProvisionedProductAttribute[], pageIndex: number) => void;
}

export type { FullRecord } from './describeCalls';

/** A provisioned product's outputs and where they come from (the current ones, or a record's). */
export interface ProductOutputs {
  readonly outputs: readonly RecordOutput[];
  readonly source: OutputSource;
}

/** What outputsOf needs of a provisioned product (a tree row or a detail). */
export interface OutputsTarget {
  readonly Id?: string;
  readonly LastSuccessfulProvisioningRecordId?: string;
}

/** How many of a product's records are searched for its last successful provisioning (old products without the id). */
const RECORDS_SEARCHED_FOR_OUTPUTS = 200;

export interface TerminateOptions {
  readonly ignoreErrors?: boolean;
  readonly retainPhysicalResources?: boolean;
  readonly token: string;
}

/** The action whose denial sends outputs to records (the name in IAM's refusal). */
const OUTPUTS_ACTION = 'GetProvisionedProductOutputs';

export class CatalogApi {
  readonly client: ServiceCatalogClient;
  readonly calls: CallCounter = { total: 0, byOperation: {} };
  /**
   * GetProvisionedProductOutputs was refused on this connection (AccessDenied): the caller's policy
   * does not grant it, so it is not asked again for every product (a new connection asks again).
   */
  private outputsDenied = false;

  constructor(
    readonly connection: Connection,
    private readonly settings: CallSettings,
  ) {
    this.client = createServiceCatalogClient(connection, settings, this.calls);
  }

  private get accessLevelFilter(): { Key: AccessLevel; Value: string } {
    return { Key: this.settings.accessLevel, Value: 'self' };
  }

  /** Every provisioned product visible at the configured access level (SearchProvisionedProducts, 100 a page), up to the page cap. */
  listProvisionedProducts(options: ListOptions = {}): Promise<Listed<ProvisionedProductAttribute>> {
    const query = options.query?.trim();
    return collectPages(async (token) => {
      const out = await this.client.send(
        new SearchProvisionedProductsCommand({
          AccessLevelFilter: this.accessLevelFilter,
          Filters: query ? { SearchQuery: [query] } : undefined,
          SortBy: 'name',
          SortOrder: 'ASCENDING',
          PageSize: SEARCH_PAGE_SIZE,
          PageToken: token,
        }),
      );
      return { items: out.ProvisionedProducts ?? [], nextToken: out.NextPageToken || undefined };
    }, { onPage: options.onPage });
  }

  /**
   * Pages through ScanProvisionedProducts (details, launch role included, 20 a page) at the configured
   * access level. `onPage` returns false to stop early; at most `maxPages` (and the page cap) are read. Returns pages read.
   */
  async scanProvisionedProducts(onPage: (details: readonly ProvisionedProductDetail[]) => boolean | void, maxPages?: number): Promise<number> {
    const end = await forEachPage(async (token) => {
      const out = await this.client.send(
        new ScanProvisionedProductsCommand({ AccessLevelFilter: this.accessLevelFilter, PageSize: SCAN_PAGE_SIZE, PageToken: token }),
      );
      return { items: out.ProvisionedProducts ?? [], nextToken: out.NextPageToken || undefined };
    }, onPage, { maxPages });
    return end.pages;
  }

  describeProvisionedProduct(id: string): Promise<ProvisionedProductDetail> {
    return describeProvisionedProduct(this.client, id);
  }

  getProvisionedProductOutputs(id: string): Promise<Listed<RecordOutput>> {
    return collectPages(async (token) => {
      const out = await this.client.send(new GetProvisionedProductOutputsCommand({ ProvisionedProductId: id, PageToken: token, PageSize: 20 }));
      return { items: out.Outputs ?? [], nextToken: out.NextPageToken || undefined };
    });
  }

  /**
   * A product's outputs: GetProvisionedProductOutputs where the caller may call it, else the outputs
   * of its last successful provisioning record (LastSuccessfulProvisioningRecordId, or for old products
   * without it the newest succeeded PROVISION/UPDATE record in ListRecordHistory), said as such.
   */
  async outputsOf(product: OutputsTarget): Promise<ProductOutputs> {
    const id = product.Id;
    if (!id) throw new Error('The provisioned product has no id; its outputs cannot be read.');
    if (!this.outputsDenied) {
      try {
        return { outputs: await this.getProvisionedProductOutputs(id), source: { kind: 'current' } };
      } catch (error) {
        const failure = classifyError(error);
        if (failure.kind !== 'access-denied') throw error;
        // Only IAM's word that this very action is denied makes it a standing fact of the connection;
        // another refusal (a resource policy, an unparsed message) may not repeat on the next product.
        if (failure.action === OUTPUTS_ACTION) this.outputsDenied = true;
      }
    }
    const recordId = product.LastSuccessfulProvisioningRecordId
      || lastSuccessfulProvisioning(await this.listRecordsOfProvisionedProduct(id, RECORDS_SEARCHED_FOR_OUTPUTS))?.RecordId;
    if (!recordId) return { outputs: [], source: { kind: 'noRecord' } };
    const { detail, outputs } = await this.describeRecord(recordId);
    const time = detail.UpdatedTime ?? detail.CreatedTime;
    return { outputs, source: { kind: 'record', recordId, ...(time ? { time } : {}) } };
  }

  /**
   * Records of one provisioned product, newest first; `limit` stops after enough pages. Without a limit,
   * one batch up to the page cap: its `nextToken`, passed back as `startToken`, reads the next batch.
   */
  listRecordsOfProvisionedProduct(id: string, limit = Infinity, startToken?: string): Promise<Listed<RecordDetail>> {
    return this.listRecordHistory({ Key: 'provisionedproduct', Value: id }, limit, startToken);
  }

  /** The `limit` newest records at the configured access level (ListRecordHistory without a product filter). */
  listRecentRecords(limit: number): Promise<Listed<RecordDetail>> {
    return this.listRecordHistory(undefined, limit);
  }

  private listRecordHistory(searchFilter: { Key: string; Value: string } | undefined, limit: number, startToken?: string): Promise<Listed<RecordDetail>> {
    return collectPages(async (token, collected) => {
      const out = await this.client.send(
        new ListRecordHistoryCommand({
          AccessLevelFilter: this.accessLevelFilter,
          SearchFilter: searchFilter,
          PageSize: Math.min(RECORD_PAGE_SIZE, limit - collected),
          PageToken: token,
        }),
      );
      return { items: out.RecordDetails ?? [], nextToken: out.NextPageToken || undefined };
    }, { maxItems: limit, startToken });
  }

  /** The stack instances of a CFN_STACKSET provisioned product (account, region, status), every page up to the cap. */
  stackInstances(provisionedProductId: string): Promise<Listed<StackInstance>> {
    return collectPages(async (token) => {
      const out = await this.client.send(
        new ListStackInstancesForProvisionedProductCommand({ ProvisionedProductId: provisionedProductId, PageToken: token, PageSize: 20 }),
      );
      const items = (out.StackInstances ?? [])
        .filter((i) => i.Account && i.Region)
        .map((i): StackInstance => ({ account: i.Account!, region: i.Region!, status: i.StackInstanceStatus ?? 'UNKNOWN' }));
      return { items, nextToken: out.NextPageToken || undefined };
    });
  }

  /** A record with all pages of its outputs (up to the page cap). */
  describeRecord(id: string): Promise<FullRecord> {
    return describeRecord(this.client, id);
  }

  async terminateProvisionedProduct(id: string, options: TerminateOptions): Promise<RecordDetail> {
    const out = await this.client.send(
      new TerminateProvisionedProductCommand({
        ProvisionedProductId: id,
        TerminateToken: options.token,
        IgnoreErrors: options.ignoreErrors,
        RetainPhysicalResources: options.retainPhysicalResources,
      }),
    );
    if (!out.RecordDetail) throw new Error('The service returned no record for the termination.');
    return out.RecordDetail;
  }

  /** Changes LAUNCH_ROLE or OWNER; returns the record id of the change. */
  async updateProvisionedProductProperty(id: string, key: 'LAUNCH_ROLE' | 'OWNER', value: string, token: string): Promise<string> {
    const out = await this.client.send(
      new UpdateProvisionedProductPropertiesCommand({
        ProvisionedProductId: id,
        ProvisionedProductProperties: { [key]: value },
        IdempotencyToken: token,
      }),
    );
    if (!out.RecordId) throw new Error('The service returned no record id for the property update.');
    return out.RecordId;
  }

  dispose(): void {
    this.client.destroy();
  }
}
