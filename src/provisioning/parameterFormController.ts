// What the provision and update forms share: products, versions and paths for the webview, the form
// last loaded (its NoEcho fields mask what a request carries), and the host's own check of every
// submission with the form's rules before anything is sent to AWS, then what happens to the record or
// plan. The two flows are ProvisionFormController and UpdateFormController.
import type {
  CreateProvisionedProductPlanInput, DescribeProvisioningParametersOutput, LaunchPathSummary, ProvisioningArtifact, RecordDetail,
} from '@aws-sdk/client-service-catalog';
import {
  givenValue, validateProvisioningSubmission, type ProvisioningForm, type ProvisioningSubmission, type SentValue,
} from '../core/parameters';
import { type Handlers } from '../ui/webview/messageRouter';
import { RequestError } from '../core/webview/requestError';
import type {
  FormTarget, LoadedForm, Method, PanelInit, PlanStarted, ProductChange, ProductChoice, ProductOptions, SubmitRequest, SubmitResult, VersionChoice,
} from '../core/webview/protocol';
import { FormProductFacts } from './formProductFacts';
import type { ConnectionCatalog, ProductFacts } from '../connections/catalogCache';
import { SubmissionGuard } from '../core/webview/submissionGuard';
import type { ControllerDeps } from './controllerDeps';
import type { FormController } from '../ui/webview/formPanel';
import { provisionedProductRef } from '../core/products/provisionedProductRef';
import { newestFirst, pathChoice, productChoice, submitResult } from './views';

export const targetKey = (t: FormTarget) => `${t.productId}/${t.provisioningArtifactId}/${t.pathId ?? ''}`;

interface LoadedParameters {
  readonly key: string;
  readonly form: ProvisioningForm;
}

export abstract class ParameterFormController implements FormController {
  private loaded?: LoadedParameters;
  private readonly productNames = new Map<string, string>();
  private readonly names: FormProductFacts;
  readonly guard = new SubmissionGuard();

  readonly handlers: Handlers = {
    searchProducts: (p) => this.searchProducts(p.query),
    loadProduct: (p) => this.loadProduct(p.productId),
    loadParameters: (t) => this.loadParameters(t),
    submit: (r) => this.submit(r),
    preview: (r) => this.preview(r),
  };

  /** What the log calls a submission that was not sent ("Provisioning not sent: …"). */
  protected abstract readonly submitAction: string;

  constructor(protected readonly deps: ControllerDeps) {
    this.names = new FormProductFacts(deps);
  }

  abstract init(): Promise<PanelInit>;
  /** The versions and paths of a product, with what to preselect. */
  protected abstract loadProduct(productId: string): Promise<ProductOptions>;
  /** Builds the form of a version and path (remembering it), plus what the flow adds to it. */
  abstract loadParameters(target: FormTarget): Promise<LoadedForm>;
  /** Why the target cannot be previewed as a plan (not a CloudFormation product), if it cannot. */
  protected abstract plansRefusal(target: FormTarget): Promise<string | undefined>;
  /** Sends a checked submission; `token` is the submission's idempotency token. */
  protected abstract send(form: ProvisioningForm, request: SubmitRequest, token: string): Promise<RecordDetail>;
  /** CreateProvisionedProductPlan takes the provision/update inputs' parameters, tags and target. */
  protected abstract planInput(form: ProvisioningForm, request: SubmitRequest, token: string): Promise<CreateProvisionedProductPlanInput>;

  /** The provisioned product the form is about (an update's); none for a new product. */
  get productId(): string | undefined {
    return undefined;
  }

  secretsOf(method: Method, params: unknown): readonly string[] {
    if (method !== 'submit' && method !== 'preview' && method !== 'saveSpec') return [];
    const { target, submission } = params as SubmitRequest;
    // The form the request was checked against; without it, every typed value counts as secret.
    if (this.loaded?.key === targetKey(target)) return typedSecrets(this.loaded.form, submission);
    return Object.values(submission.parameters ?? {}).filter((v): v is string => typeof v === 'string' && !!v);
  }

  protected get service() {
    return this.deps.service();
  }

  /** The current connection's catalog reads, cached and shared (connections/catalogCache). */
  protected get catalog(): ConnectionCatalog {
    return this.names.catalog;
  }

  private async searchProducts(query: string): Promise<ProductChoice[]> {
    const choices = (await this.catalog.searchProducts(query)).map(productChoice).filter((p) => p.productId);
    for (const c of choices) this.productNames.set(c.productId, c.name);
    return choices;
  }

  /** Forgets what was read from the service (the stale-form banner's Reload), the connection's catalog too; the page asks again. */
  reload(): void {
    this.loaded = undefined;
    this.names.forget();
  }

  /** An operation on the form's provisioned product ended, or the tree saw it change. */
  productChanged(_change: ProductChange): void {}

  /** Why a submission must not be sent in the product's present state (the page disables it too). */
  protected blockedReason(): string | undefined {
    return undefined;
  }

  private refuseWhenBlocked(): void {
    const reason = this.blockedReason();
    if (reason) throw new RequestError(reason, undefined, 'ProductBusy');
  }

  /** The names of a product and its versions (DescribeProduct, once per product). */
  protected productNamesOf(productId: string): Promise<ProductFacts | undefined> {
    return this.names.of(productId);
  }

  /** The name a product search gave the product, if it ran. */
  protected searchedName(productId: string): string | undefined {
    return this.productNames.get(productId);
  }

  /**
   * A product's versions (newest first, from the DescribeProduct read the connection shares) and its
   * launch paths (shared too). When the shared read failed, the versions are asked for again, so the
   * service's own error reaches the page.
   */
  protected async versionsAndPaths(productId: string): Promise<{ versions: ProvisioningArtifact[]; paths: readonly LaunchPathSummary[] }> {
    const [facts, paths] = await Promise.all([this.productNamesOf(productId), this.catalog.launchPathSummaries(productId)]);
    const versions = facts ? facts.artifacts : await this.service.listVersions(productId);
    return { versions: newestFirst(versions), paths };
  }

  /** What launching the target needs (DescribeProvisioningParameters, read once per connection and shared). */
  protected parametersOf(target: FormTarget): Promise<DescribeProvisioningParametersOutput> {
    return this.catalog.provisioningParameters(target.productId, target.provisioningArtifactId, target.pathId);
  }

  protected remember(target: FormTarget, form: ProvisioningForm): LoadedForm {
    this.loaded = { key: targetKey(target), form };
    return { target, form };
  }

  private async formFor(target: FormTarget): Promise<ProvisioningForm> {
    if (this.loaded?.key === targetKey(target)) return this.loaded.form;
    return (await this.loadParameters(target)).form;
  }

  /** The host's own check: the same rules as the webview, against the form the host built. */
  protected async checkedForm(request: SubmitRequest, action: string, outcome: 'sent' | 'saved' = 'sent'): Promise<ProvisioningForm> {
    const form = await this.formFor(request.target);
    const result = validateProvisioningSubmission(form, request.submission);
    if (!result.valid) {
      this.deps.logger.warn(`${action} not ${outcome}: invalid ${Object.keys(result.errors).join(', ')}`);
      throw new RequestError(`Some values need attention; nothing was ${outcome}.`, result.errors, 'ValidationFailed');
    }
    return form;
  }

  protected async submit(request: SubmitRequest): Promise<SubmitResult> {
    this.refuseWhenBlocked();
    // The form the submission was checked against, not whichever the page loaded since.
    const { record, form } = await this.guard.run('submit', request, async (token) => {
      const checked = await this.checkedForm(request, this.submitAction);
      return { record: await this.send(checked, request, token), form: checked };
    });
    this.afterRecord(record, form, request);
    return submitResult(record);
  }

  private afterRecord(record: RecordDetail, form: ProvisioningForm, request: SubmitRequest): void {
    const { submission } = request;
    this.deps.logger.info(`Record ${record.RecordId} (${record.RecordType ?? 'request'}) started for ${record.ProvisionedProductName ?? '?'}`);
    const id = record.ProvisionedProductId ?? this.productId;
    if (id) this.deps.memory.remember(id, this.valuesToRemember(form, submission, id));
    this.deps.trackRecord(record, typedSecrets(form, submission));
    if (record.RecordType === 'PROVISION_PRODUCT' && record.ProvisionedProductId) void this.showNewProduct(record.ProvisionedProductId, request.target);
    this.deps.refreshTree();
  }

  /**
   * A new product shows in the tree at once, read with DescribeProvisionedProduct: Search's index lags
   * writes, so the listing may not have it yet. Not readable: the next listing brings it.
   */
  private async showNewProduct(provisionedProductId: string, target: FormTarget): Promise<void> {
    const know = this.deps.knowProduct;
    if (!know) return;
    try {
      const [detail, facts] = await Promise.all([this.service.describeProvisionedProduct(provisionedProductId), this.productNamesOf(target.productId)]);
      const versionName = detail.ProvisioningArtifactId ? facts?.versions.get(detail.ProvisioningArtifactId) : undefined;
      const productName = facts?.name ?? this.searchedName(target.productId);
      know(detail, { ...(productName ? { ProductName: productName } : {}), ...(versionName ? { ProvisioningArtifactName: versionName } : {}) });
    } catch (error) {
      this.deps.logger.warn(`Could not read the new provisioned product ${provisionedProductId}: ${(error as Error).message ?? String(error)}`);
    }
  }

  /**
   * What this editor has sent for the form's non-NoEcho parameters: the values this submission carries,
   * dated now, and the earlier ones (with their dates) of the parameters it kept or left to the default.
   */
  private valuesToRemember(form: ProvisioningForm, submission: ProvisioningSubmission, id: string): Record<string, SentValue> {
    const before = this.deps.memory.recall(id) ?? {};
    const kept = new Set(submission.keepPrevious ?? []);
    const sentAt = new Date().toISOString();
    const entries = form.fields
      .filter((f) => !f.noEcho)
      .map((f): [string, SentValue | undefined] => {
        const typed = kept.has(f.key) ? undefined : givenValue(submission.parameters, f.key);
        return [f.key, typed ? { value: typed, sentAt } : Object.hasOwn(before, f.key) ? before[f.key] : undefined];
      })
      .filter((e): e is [string, SentValue] => e[1] !== undefined);
    return Object.fromEntries(entries);
  }

  protected async preview(request: SubmitRequest): Promise<PlanStarted> {
    this.refuseWhenBlocked();
    const refusal = await this.plansRefusal(request.target);
    if (refusal) throw new RequestError(`${refusal} Nothing was sent.`, undefined, 'PlansUnsupported');
    const out = await this.guard.run('preview', request, async (token) => {
      const form = await this.checkedForm(request, 'Plan');
      return this.service.createPlan(await this.planInput(form, request, token));
    });
    if (!out.PlanId) throw new Error('The service returned no plan id.');
    const planName = out.PlanName ?? out.PlanId;
    this.deps.logger.info(`Plan ${planName} (${out.PlanId}) created for ${out.ProvisionedProductName ?? '?'}`);
    const productId = out.ProvisionProductId ?? this.productId;
    if (productId) this.deps.openPlan(provisionedProductRef({ Id: productId, Name: out.ProvisionedProductName ?? request.submission.provisionedProductName }), out.PlanId);
    this.deps.refreshTree();
    return { planId: out.PlanId, planName };
  }
}

/** What loadProduct answers: the choices, and what to preselect when there is something to. */
export function productOptions(
  productId: string,
  productName: string,
  versions: VersionChoice[],
  paths: readonly LaunchPathSummary[],
  preselectedVersionId: string | undefined,
  preselectedPathId: string | undefined,
  plansSupported: boolean,
): ProductOptions {
  return {
    productId,
    productName,
    versions,
    ...(preselectedVersionId ? { preselectedVersionId } : {}),
    paths: paths.map(pathChoice),
    ...(preselectedPathId ? { preselectedPathId } : {}),
    plansSupported,
  };
}

/** The path to preselect when a product has only one. */
export function onlyPathId(paths: readonly LaunchPathSummary[]): string | undefined {
  return paths.length === 1 ? paths[0].Id : undefined;
}

/** Stable for one token, so a retried CreateProvisionedProductPlan asks for the same plan. */
export function planName(productName: string, token: string): string {
  return `${productName}-plan-${token.replace(/-/g, '').slice(0, 8)}`;
}

/** The NoEcho values typed in this submission, so record output can mask them. */
function typedSecrets(form: ProvisioningForm, submission: ProvisioningSubmission): string[] {
  return form.fields.filter((f) => f.noEcho).map((f) => givenValue(submission.parameters, f.key)).filter((v): v is string => !!v);
}
