// The Service Catalog calls behind the provision, update, plan and self-service action forms.
// Takes the SDK client of a CatalogApi; no vscode import (the forms' controllers are unit-tested in Node).
import {
  CreateProvisionedProductPlanCommand,
  DeleteProvisionedProductPlanCommand,
  DescribeProductCommand,
  DescribeProvisionedProductPlanCommand,
  DescribeProvisioningParametersCommand,
  DescribeServiceActionExecutionParametersCommand,
  ExecuteProvisionedProductPlanCommand,
  ExecuteProvisionedProductServiceActionCommand,
  ListLaunchPathsCommand,
  ListProvisionedProductPlansCommand,
  ListServiceActionsForProvisioningArtifactCommand,
  ProvisionProductCommand,
  SearchProductsCommand,
  UpdateProvisionedProductCommand,
  type CreateProvisionedProductPlanInput,
  type RecordOutput,
  type CreateProvisionedProductPlanOutput,
  type DescribeProductOutput,
  type DescribeProvisioningParametersOutput,
  type ExecutionParameter,
  type LaunchPathSummary,
  type ProductViewSummary,
  type ProvisionedProductDetail,
  type ProvisionedProductPlanDetails,
  type ProvisionedProductPlanSummary,
  type ProvisionProductCommandInput,
  type ProvisioningArtifact,
  type RecordDetail,
  type ResourceChange,
  type ServiceActionSummary,
  type ServiceCatalogClient,
  type UpdateProvisionedProductCommandInput,
} from '@aws-sdk/client-service-catalog';
import { collectPages, type Listed } from '../core/paging';
import { describeProvisionedProduct, describeRecord } from './describeCalls';

export const PRODUCT_SEARCH_PAGE_SIZE = 50;
/** SearchProducts' largest page (PageSizeMax100): the whole listing in as few calls as it takes. */
const PRODUCT_LIST_PAGE_SIZE = 100;

export interface PlanWithChanges {
  readonly details: ProvisionedProductPlanDetails;
  readonly resourceChanges: Listed<ResourceChange>;
}

export interface ParametersTarget {
  readonly productId: string;
  readonly provisioningArtifactId: string;
  readonly pathId?: string;
}

export interface ServiceActionRun {
  readonly provisionedProductId: string;
  readonly serviceActionId: string;
  readonly parameters?: Record<string, string[]>;
  readonly token: string;
}

export class ProvisioningService {
  constructor(private readonly client: ServiceCatalogClient) {}

  /** The first page of products matching `query` (search-as-you-type needs speed, not completeness). */
  async searchProducts(query: string): Promise<ProductViewSummary[]> {
    const text = query.trim();
    const out = await this.client.send(
      new SearchProductsCommand({
        Filters: text ? { FullTextSearch: [text] } : undefined,
        SortBy: 'Title',
        SortOrder: 'ASCENDING',
        PageSize: PRODUCT_SEARCH_PAGE_SIZE,
      }),
    );
    return out.ProductViewSummaries ?? [];
  }

  /**
   * Every product the caller can launch, by title (SearchProducts, all pages). End users have
   * SearchProducts; SearchProductsAsAdmin is an administrator's call.
   */
  listProducts(): Promise<Listed<ProductViewSummary>> {
    return collectPages(async (token) => {
      const out = await this.client.send(new SearchProductsCommand({ SortBy: 'Title', SortOrder: 'ASCENDING', PageSize: PRODUCT_LIST_PAGE_SIZE, PageToken: token }));
      return { items: out.ProductViewSummaries ?? [], nextToken: out.NextPageToken || undefined };
    });
  }

  /**
   * A product's name, its versions and its launch paths, as an end user may read them (DescribeProduct;
   * ListProvisioningArtifacts and DescribeProvisioningArtifact are administrator calls).
   */
  describeProduct(productId: string): Promise<DescribeProductOutput> {
    return this.client.send(new DescribeProductCommand({ Id: productId }));
  }

  /**
   * The versions an end user may launch: DescribeProduct's ProvisioningArtifacts (the active ones; Id,
   * Name, Description, CreatedTime, Guidance). ListProvisioningArtifacts would list inactive ones too,
   * but AWSServiceCatalogEndUserFullAccess does not grant it.
   */
  async listVersions(productId: string): Promise<ProvisioningArtifact[]> {
    return (await this.describeProduct(productId)).ProvisioningArtifacts ?? [];
  }

  listLaunchPaths(productId: string): Promise<Listed<LaunchPathSummary>> {
    return collectPages(async (token) => {
      const out = await this.client.send(new ListLaunchPathsCommand({ ProductId: productId, PageToken: token, PageSize: 20 }));
      return { items: out.LaunchPathSummaries ?? [], nextToken: out.NextPageToken || undefined };
    });
  }

  describeProvisioningParameters(target: ParametersTarget): Promise<DescribeProvisioningParametersOutput> {
    return this.client.send(
      new DescribeProvisioningParametersCommand({
        ProductId: target.productId,
        ProvisioningArtifactId: target.provisioningArtifactId,
        PathId: target.pathId,
      }),
    );
  }

  describeProvisionedProduct(id: string): Promise<ProvisionedProductDetail> {
    return describeProvisionedProduct(this.client, id);
  }

  /** A record's detail (DescribeRecord, without its outputs). */
  async recordDetail(recordId: string): Promise<RecordDetail> {
    return (await describeRecord(this.client, recordId, { detailOnly: true })).detail;
  }

  /**
   * The launch path a record used and its first output page (one call): a CloudFormation record names
   * its stack there first (CloudformationStackARN), which DescribeProvisionedProduct does not.
   */
  async recordStart(recordId: string): Promise<{ readonly pathId?: string; readonly outputs: readonly RecordOutput[] }> {
    const { detail, outputs } = await describeRecord(this.client, recordId, { detailOnly: true });
    return { ...(detail.PathId ? { pathId: detail.PathId } : {}), outputs };
  }

  /** The launch path a record used (provisioned products do not carry theirs; their records do). */
  async recordPathId(recordId: string): Promise<string | undefined> {
    return (await this.recordDetail(recordId)).PathId || undefined;
  }

  async provision(input: ProvisionProductCommandInput): Promise<RecordDetail> {
    return requireRecord(await this.client.send(new ProvisionProductCommand(input)), 'provisioning');
  }

  async update(input: UpdateProvisionedProductCommandInput): Promise<RecordDetail> {
    return requireRecord(await this.client.send(new UpdateProvisionedProductCommand(input)), 'update');
  }

  createPlan(input: CreateProvisionedProductPlanInput): Promise<CreateProvisionedProductPlanOutput> {
    return this.client.send(new CreateProvisionedProductPlanCommand(input));
  }

  /** A plan with every page of its resource changes (up to the page cap). */
  async describePlan(planId: string): Promise<PlanWithChanges> {
    let details: ProvisionedProductPlanDetails | undefined;
    const resourceChanges = await collectPages(async (token) => {
      const out = await this.client.send(new DescribeProvisionedProductPlanCommand({ PlanId: planId, PageToken: token, PageSize: 20 }));
      details = out.ProvisionedProductPlanDetails;
      return { items: out.ResourceChanges ?? [], nextToken: out.NextPageToken || undefined };
    });
    if (!details) throw new Error(`No detail returned for plan ${planId}.`);
    return { details, resourceChanges };
  }

  /** Plans of one provisioned product (no paginator in the SDK: paged by hand). */
  listPlans(provisionedProductId: string): Promise<Listed<ProvisionedProductPlanSummary>> {
    return collectPages(async (token) => {
      const out = await this.client.send(
        new ListProvisionedProductPlansCommand({ ProvisionProductId: provisionedProductId, PageToken: token, PageSize: 20 }),
      );
      return { items: out.ProvisionedProductPlans ?? [], nextToken: out.NextPageToken || undefined };
    });
  }

  async executePlan(planId: string, token: string): Promise<RecordDetail> {
    return requireRecord(await this.client.send(new ExecuteProvisionedProductPlanCommand({ PlanId: planId, IdempotencyToken: token })), 'plan execution');
  }

  async deletePlan(planId: string): Promise<void> {
    await this.client.send(new DeleteProvisionedProductPlanCommand({ PlanId: planId }));
  }

  listServiceActions(productId: string, provisioningArtifactId: string): Promise<Listed<ServiceActionSummary>> {
    return collectPages(async (token) => {
      const out = await this.client.send(
        new ListServiceActionsForProvisioningArtifactCommand({
          ProductId: productId, ProvisioningArtifactId: provisioningArtifactId, PageToken: token, PageSize: 20,
        }),
      );
      return { items: out.ServiceActionSummaries ?? [], nextToken: out.NextPageToken || undefined };
    });
  }

  async describeServiceActionParameters(provisionedProductId: string, serviceActionId: string): Promise<ExecutionParameter[]> {
    const out = await this.client.send(
      new DescribeServiceActionExecutionParametersCommand({ ProvisionedProductId: provisionedProductId, ServiceActionId: serviceActionId }),
    );
    return out.ServiceActionParameters ?? [];
  }

  async executeServiceAction(run: ServiceActionRun): Promise<RecordDetail> {
    const hasParameters = run.parameters && Object.keys(run.parameters).length > 0;
    const out = await this.client.send(
      new ExecuteProvisionedProductServiceActionCommand({
        ProvisionedProductId: run.provisionedProductId,
        ServiceActionId: run.serviceActionId,
        ExecuteToken: run.token,
        ...(hasParameters ? { Parameters: run.parameters } : {}),
      }),
    );
    return requireRecord(out, 'self-service action');
  }
}

function requireRecord(out: { RecordDetail?: RecordDetail }, what: string): RecordDetail {
  if (!out.RecordDetail) throw new Error(`The service returned no record for the ${what}.`);
  return out.RecordDetail;
}
