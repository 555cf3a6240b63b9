// The plans of one provisioned product: list them, show one's resource changes (waiting while it is
// being created), execute it (a record to track) or delete it. The page is not trusted: a plan id it
// sends is acted on only once the host has seen that the plan belongs to this panel's provisioned product.
import type { ProvisionedProductDetail, ProvisionedProductPlanDetails } from '@aws-sdk/client-service-catalog';
import type { PlanWithChanges } from '../aws/provisioningService';
import { type Handlers } from '../ui/webview/messageRouter';
import { RequestError } from '../core/webview/requestError';
import type { Cancelled, PanelInit, PlanRow, PlanView, ProductChange, ProvisionedProductRef, PushMessage, SubmitResult } from '../core/webview/protocol';
import { inert } from '../core/untrustedText';
import { SubmissionGuard } from '../core/webview/submissionGuard';
import { refuseUnlessAllowed } from '../core/webview/productState';
import { plansSupported, plansUnsupportedReason } from '../core/products/capabilities';
import type { ControllerDeps } from './controllerDeps';
import type { FormController } from '../ui/webview/formPanel';
import { planView, submitResult } from './views';
import { FormProductFacts } from './formProductFacts';
import { locateStack } from '../core/stacks/stackLocation';
import { readStackValues, type StackValues } from './stackValuesReader';

export interface PlanWatchOptions {
  readonly intervalMs: number;
  /** Stop watching a plan that never settles (the user can still refresh). */
  readonly maxWaitMs: number;
}

const DEFAULT_WATCH: PlanWatchOptions = { intervalMs: 1500, maxWaitMs: 15 * 60_000 };

export class PlanController implements FormController {
  private readonly guard = new SubmissionGuard();
  private watching?: { planId: string; timer: ReturnType<typeof setTimeout> };
  /** Plans the service said are this provisioned product's (a plan never moves to another product), with their names. */
  private readonly ownPlans = new Map<string, string | undefined>();
  private disposed = false;
  private readonly names: FormProductFacts;
  /** The provisioned product as the service last said (its product and the version it runs). */
  private detail?: Promise<ProvisionedProductDetail | undefined>;
  /** The product's status as last heard (read at init, then from finished records and the tree). */
  private productStatus?: string;
  private gone = false;
  /** The parameter values the stack runs with (read once per shown state of the product), or why not. */
  private stackValues?: Promise<StackValues>;

  readonly handlers: Handlers = {
    listPlans: () => this.listPlans(),
    describePlan: (p) => this.describePlan(p.planId),
    executePlan: (p) => this.executePlan(p.planId),
    deletePlan: (p) => this.deletePlan(p.planId),
  };

  constructor(
    private readonly deps: ControllerDeps,
    private readonly provisionedProduct: ProvisionedProductRef,
    private readonly push: (message: PushMessage) => void,
    private readonly focusPlanId?: string,
    private readonly watchOptions: PlanWatchOptions = DEFAULT_WATCH,
  ) {
    this.names = new FormProductFacts(deps);
    this.productStatus = provisionedProduct.status;
  }

  get productId(): string {
    return this.provisionedProduct.id;
  }

  /** The page learns the product's state from here: its status read now (or last heard), never one it saved. */
  async init(): Promise<PanelInit> {
    if (this.gone) throw new RequestError(`${this.provisionedProduct.name} no longer exists.`, undefined, 'ProductGone');
    const detail = await this.productDetail();
    const type = detail?.Type ?? this.provisionedProduct.type;
    if (type && !plansSupported(type)) throw new RequestError(plansUnsupportedReason(type), undefined, 'PlansUnsupported');
    if (detail?.Status) this.productStatus = detail.Status;
    return {
      kind: 'plans',
      connection: this.deps.connectionLabel(),
      provisionedProduct: {
        ...this.provisionedProduct,
        ...(this.productStatus ? { status: this.productStatus } : {}),
        ...(detail?.ProvisioningArtifactId ? { provisioningArtifactId: detail.ProvisioningArtifactId } : {}),
      },
      ...(this.focusPlanId ? { focusPlanId: this.focusPlanId } : {}),
    };
  }

  /** Reload: the provisioned product and the names are read again. */
  reload(): void {
    this.detail = undefined;
    this.stackValues = undefined;
    this.names.forget();
    this.gone = false;
  }

  /** The product changed: its status is the one heard, the version it runs is read again when next shown. */
  productChanged(change: ProductChange): void {
    this.detail = undefined;
    this.stackValues = undefined;
    if (change.productStatus) this.productStatus = change.productStatus;
    if (change.gone) this.gone = true;
  }

  /** The one rule for what a status allows (the tree's menus and the page ask it too). */
  private refuseWhenBlocked(): void {
    refuseUnlessAllowed('canPlan', 'Executing a plan', { status: this.productStatus, gone: this.gone });
  }

  private productDetail(): Promise<ProvisionedProductDetail | undefined> {
    this.detail ??= this.deps.service().describeProvisionedProduct(this.provisionedProduct.id).catch((error) => {
      this.detail = undefined;
      this.deps.logger.warn(`Could not read ${this.provisionedProduct.id}: ${(error as Error).message ?? String(error)}`);
      return undefined;
    });
    return this.detail;
  }

  /** The stack named by the last provisioning record's CloudformationStackARN output (or the PhysicalId), read through the stacks seam. */
  private currentStackValues(): Promise<StackValues> {
    this.stackValues ??= (async () => {
      const detail = await this.productDetail();
      if (!detail) return { cause: 'failed' } as const;
      const recordId = detail.LastSuccessfulProvisioningRecordId ?? detail.LastProvisioningRecordId ?? detail.LastRecordId;
      const record = recordId ? await this.deps.service().recordStart(recordId).catch(() => undefined) : undefined;
      return readStackValues(this.deps, locateStack(detail, record?.outputs), detail.Type, this.provisionedProduct.name);
    })();
    return this.stackValues;
  }

  /** Version id → name of the product's versions (DescribeProduct); empty when it cannot be read. */
  private async versionNames(productId: string | undefined): Promise<ReadonlyMap<string, string>> {
    const id = productId ?? (await this.productDetail())?.ProductId ?? this.provisionedProduct.productId;
    return (id && (await this.names.of(id))?.versions) || new Map();
  }

  private async listPlans(): Promise<PlanRow[]> {
    const plans = await this.deps.service().listPlans(this.provisionedProduct.id);
    for (const plan of plans) if (plan.PlanId && this.isOwn(plan)) this.ownPlans.set(plan.PlanId, plan.PlanName);
    const names = plans.some((p) => p.ProvisioningArtifactId) ? await this.versionNames(undefined) : new Map<string, string>();
    return plans
      .filter((p) => p.PlanId)
      .map((p) => ({
        planId: p.PlanId!,
        name: p.PlanName ?? p.PlanId!,
        ...(p.PlanType ? { type: p.PlanType } : {}),
        ...(p.ProvisioningArtifactId ? { provisioningArtifactId: p.ProvisioningArtifactId } : {}),
        ...(p.ProvisioningArtifactId && names.has(p.ProvisioningArtifactId) ? { versionName: names.get(p.ProvisioningArtifactId)! } : {}),
      }));
  }

  private async describePlan(planId: string): Promise<PlanView> {
    const plan = await this.deps.service().describePlan(planId);
    this.requireOwn(planId, plan.details);
    this.ownPlans.set(planId, plan.details.PlanName);
    const view = await this.viewOf(plan);
    if (!view.settled) this.watch(planId);
    return view;
  }

  /** The plan with its version and the version in use now named, and its parameters against the stack's values. */
  private async viewOf(plan: PlanWithChanges): Promise<PlanView> {
    const [detail, names, stackValues] = await Promise.all([this.productDetail(), this.versionNames(plan.details.ProductId), this.currentStackValues()]);
    const named = (id: string | undefined) => (id ? { id, ...(names.has(id) ? { name: names.get(id)! } : {}) } : undefined);
    const version = named(plan.details.ProvisioningArtifactId);
    // A product a plan created, never provisioned, runs no version (its artifact id is the plan's).
    const currentVersion = detail?.LastSuccessfulProvisioningRecordId ? named(detail.ProvisioningArtifactId) : undefined;
    const current = 'values' in stackValues ? stackValues.values : { cause: stackValues.cause };
    return planView(plan, { ...(version ? { version } : {}), ...(currentVersion ? { currentVersion } : {}), current });
  }

  private isOwn(plan: Pick<ProvisionedProductPlanDetails, 'ProvisionProductId'>): boolean {
    return plan.ProvisionProductId === this.provisionedProduct.id;
  }

  /** Refuses a plan of another provisioned product (the page named it; nothing is done with it). */
  private requireOwn(planId: string, plan: Pick<ProvisionedProductPlanDetails, 'ProvisionProductId' | 'PlanName'>): void {
    if (this.isOwn(plan)) {
      if (!this.ownPlans.has(planId)) this.ownPlans.set(planId, plan.PlanName);
      return;
    }
    this.deps.logger.warn(`Plans of ${this.provisionedProduct.id}: refused plan ${planId}, which belongs to ${plan.ProvisionProductId ?? 'no known provisioned product'}`);
    throw new RequestError(`Plan ${planId} is not a plan of ${this.provisionedProduct.name}; nothing was done.`, undefined, 'ForeignPlan');
  }

  /** Before a plan is executed or deleted: known as ours, or read from the service to check. */
  private async requireOwnPlan(planId: string): Promise<void> {
    if (this.ownPlans.has(planId)) return;
    this.requireOwn(planId, (await this.deps.service().describePlan(planId)).details);
  }

  /**
   * The user's yes before a plan is executed or deleted, naming the plan and the product (service
   * text, made inert for the notification surface the modal is).
   */
  private confirmed(verb: 'Execute' | 'Discard', planId: string, detail: string): Promise<boolean> {
    const name = (text: string) => `"${inert(text, 'notification', { maxLength: 128 })}"`;
    const plan = name(this.ownPlans.get(planId) ?? planId);
    return this.deps.confirm(`${verb} plan ${plan} of ${name(this.provisionedProduct.name)}?`, detail, `${verb} Plan`);
  }

  /** Pushes the plan's view on every poll until it settles; one plan watched at a time. */
  private watch(planId: string): void {
    if (this.watching?.planId === planId) return;
    this.stopWatching();
    const deadline = Date.now() + this.watchOptions.maxWaitMs;
    const tick = async () => {
      if (this.disposed || this.watching?.planId !== planId) return;
      try {
        const view = await this.viewOf(await this.deps.service().describePlan(planId));
        if (this.disposed || this.watching?.planId !== planId) return;
        this.push({ type: 'plan', plan: view });
        if (view.settled || Date.now() > deadline) return this.stopWatching();
      } catch (error) {
        this.deps.logger.warn(`Reading plan ${planId} failed: ${(error as Error).message ?? String(error)}`);
      }
      if (this.watching?.planId === planId) this.watching.timer = setTimeout(() => void tick(), this.watchOptions.intervalMs);
    };
    this.watching = { planId, timer: setTimeout(() => void tick(), this.watchOptions.intervalMs) };
  }

  private stopWatching(): void {
    if (this.watching) clearTimeout(this.watching.timer);
    this.watching = undefined;
  }

  private async executePlan(planId: string): Promise<SubmitResult | Cancelled> {
    this.refuseWhenBlocked();
    await this.requireOwnPlan(planId);
    if (!(await this.confirmed('Execute', planId, 'Its changes are made to the provisioned product\'s resources now; a record follows them.'))) return { cancelled: true };
    this.refuseWhenBlocked(); // the product may have changed while the question was open
    const record = await this.guard.run('execute', { planId }, (token) => this.deps.service().executePlan(planId, token));
    this.deps.logger.info(`Plan ${planId} executed: record ${record.RecordId}`);
    this.deps.trackRecord(record);
    this.deps.refreshTree();
    this.detail = undefined; // the product moves to the plan's version
    this.watch(planId);
    return submitResult(record);
  }

  private async deletePlan(planId: string): Promise<{ deleted: true } | Cancelled> {
    await this.requireOwnPlan(planId);
    if (!(await this.confirmed('Discard', planId, 'The plan is deleted; the provisioned product is not changed.'))) return { cancelled: true };
    if (this.watching?.planId === planId) this.stopWatching();
    await this.deps.service().deletePlan(planId);
    this.deps.logger.info(`Plan ${planId} deleted`);
    this.deps.refreshTree();
    return { deleted: true };
  }

  dispose(): void {
    this.disposed = true;
    this.stopWatching();
  }
}
