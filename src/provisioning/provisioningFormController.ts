// The provision and update forms: loads products, versions, paths and parameters for the webview,
// and checks every submission again with the form's own rules before anything is sent to AWS.
import type {
  CreateProvisionedProductPlanInput, ProvisioningArtifactParameter, RecordDetail,
} from '@aws-sdk/client-service-catalog';
import {
  buildProvisioningForm, buildUpdateForm, diffParameters, givenValue, redactNoEcho, toProvisionInput, toUpdateInput,
  validateProvisioningSubmission, type ParameterField, type ProvisioningForm, type ProvisioningSubmission,
} from '../core/parameters';
import { type Handlers, RequestError } from '../ui/webview/messageRouter';
import type {
  FormTarget, LoadedForm, Method, PanelInit, PlanStarted, ProductChoice, ProductOptions, ProvisionedProductRef, SubmitRequest,
  SubmitResult, VersionChoice,
} from '../core/webview/protocol';
import { SubmissionGuard } from '../core/webview/submissionGuard';
import type { ControllerDeps, FormController } from './controllerDeps';
import { defaultVersionId, newestFirst, pathChoice, productChoice, submitResult, versionChoice } from './views';

export type FormSubject =
  | { readonly mode: 'provision'; readonly productId?: string }
  | { readonly mode: 'update'; readonly provisionedProduct: ProvisionedProductRef };

interface LoadedParameters {
  readonly key: string;
  readonly form: ProvisioningForm;
}

interface CurrentState {
  readonly product: ProvisionedProductRef;
  readonly target: FormTarget;
  parameters?: ProvisioningArtifactParameter[];
}

const targetKey = (t: FormTarget) => `${t.productId}/${t.provisioningArtifactId}/${t.pathId ?? ''}`;

export class ProvisioningFormController implements FormController {
  private loaded?: LoadedParameters;
  private current?: CurrentState;
  private readonly productNames = new Map<string, string>();
  readonly guard = new SubmissionGuard();

  readonly handlers: Handlers = {
    searchProducts: (p) => this.searchProducts(p.query),
    loadProduct: (p) => this.loadProduct(p.productId),
    loadParameters: (t) => this.loadParameters(t),
    submit: (r) => this.submit(r),
    preview: (r) => this.preview(r),
  };

  constructor(
    private readonly deps: ControllerDeps,
    private readonly subject: FormSubject,
  ) {}

  secretsOf(method: Method, params: unknown): readonly string[] {
    if (method !== 'submit' && method !== 'preview') return [];
    const { target, submission } = params as SubmitRequest;
    // The form the request was checked against; without it, every typed value counts as secret.
    if (this.loaded?.key === targetKey(target)) return typedSecrets(this.loaded.form, submission);
    return Object.values(submission.parameters ?? {}).filter((v): v is string => typeof v === 'string' && !!v);
  }

  /** The provisioned product an update form is for. */
  get productId(): string | undefined {
    return this.subject.mode === 'update' ? this.subject.provisionedProduct.id : undefined;
  }

  private get service() {
    return this.deps.service();
  }

  async init(): Promise<PanelInit> {
    const connection = this.deps.connectionLabel();
    if (this.subject.mode === 'provision') {
      return { kind: 'provision', connection, ...(this.subject.productId ? { productId: this.subject.productId } : {}) };
    }
    const current = await this.readCurrent(this.subject.provisionedProduct);
    return { kind: 'update', connection, provisionedProduct: current.product, current: current.target };
  }

  /** Version and path in use now; the path comes from the last provisioning record. */
  private async readCurrent(known: ProvisionedProductRef): Promise<CurrentState> {
    if (this.current) return this.current;
    const detail = await this.service.describeProvisionedProduct(known.id);
    if (!detail.ProductId || !detail.ProvisioningArtifactId) throw new Error(`${known.name} has no product version to update from.`);
    const recordId = detail.LastSuccessfulProvisioningRecordId ?? detail.LastProvisioningRecordId ?? detail.LastRecordId;
    const pathId = recordId ? await this.service.recordPathId(recordId).catch(() => undefined) : undefined;
    const product: ProvisionedProductRef = {
      ...known, name: detail.Name ?? known.name, status: detail.Status, type: detail.Type,
      productId: detail.ProductId, provisioningArtifactId: detail.ProvisioningArtifactId,
    };
    const target = { productId: detail.ProductId, provisioningArtifactId: detail.ProvisioningArtifactId, ...(pathId ? { pathId } : {}) };
    this.current = { product, target };
    return this.current;
  }

  private async searchProducts(query: string): Promise<ProductChoice[]> {
    const choices = (await this.service.searchProducts(query)).map(productChoice).filter((p) => p.productId);
    for (const c of choices) this.productNames.set(c.productId, c.name);
    return choices;
  }

  private async loadProduct(productId: string): Promise<ProductOptions> {
    const current = this.subject.mode === 'update' ? await this.readCurrent(this.subject.provisionedProduct) : undefined;
    if (current && productId !== current.target.productId) throw new RequestError('An update keeps the product; choose one of its versions.');
    const [versions, paths] = await Promise.all([this.service.listVersions(productId), this.service.listLaunchPaths(productId)]);
    const ordered = newestFirst(versions);
    const choices: VersionChoice[] = ordered.map((v) => versionChoice(v, current?.target.provisioningArtifactId));
    if (current && !choices.some((c) => c.current)) {
      // The version in use may be inactive now; it stays selectable for an update that keeps it.
      const id = current.target.provisioningArtifactId;
      choices.push({ id, name: current.product.provisioningArtifactName ?? id, deprecated: true, current: true });
    }
    const preselectedVersionId = current?.target.provisioningArtifactId ?? defaultVersionId(ordered);
    const preselectedPathId = current?.target.pathId ?? (paths.length === 1 ? paths[0].Id : undefined);
    return {
      productId,
      productName: current?.product.productName ?? this.productNames.get(productId) ?? productId,
      versions: choices,
      ...(preselectedVersionId ? { preselectedVersionId } : {}),
      paths: paths.map(pathChoice),
      ...(preselectedPathId ? { preselectedPathId } : {}),
    };
  }

  async loadParameters(target: FormTarget): Promise<LoadedForm> {
    const output = await this.service.describeProvisioningParameters(target);
    const parameters = output.ProvisioningArtifactParameters ?? [];
    if (this.subject.mode === 'provision') return this.remember(target, buildProvisioningForm(output));
    const current = await this.readCurrent(this.subject.provisionedProduct);
    if (target.productId !== current.target.productId) throw new RequestError('An update keeps the product; choose one of its versions.');
    const before = await this.currentParameters(current);
    const form = buildUpdateForm(output, this.knownValues(current, before));
    const sameVersion = target.provisioningArtifactId === current.target.provisioningArtifactId;
    return { ...this.remember(target, this.markUnknownPrevious(form, current)), ...(sameVersion ? {} : { diff: diffParameters(before, parameters) }) };
  }

  private remember(target: FormTarget, form: ProvisioningForm): LoadedForm {
    this.loaded = { key: targetKey(target), form };
    return { target, form };
  }

  private async currentParameters(current: CurrentState): Promise<ProvisioningArtifactParameter[]> {
    if (!current.parameters) {
      const output = await this.service.describeProvisioningParameters(current.target).catch((error) => {
        this.deps.logger.warn(`Could not read the parameters of the version in use: ${String((error as Error).message ?? error)}`);
        return undefined;
      });
      current.parameters = output?.ProvisioningArtifactParameters ?? [];
    }
    return current.parameters;
  }

  /** Every parameter of the version in use, with the value this extension last sent where it knows it. */
  private knownValues(current: CurrentState, before: readonly ProvisioningArtifactParameter[]): Record<string, string> {
    const remembered = this.deps.memory.recall(current.product.id) ?? {};
    return Object.fromEntries(before.filter((p) => p.ParameterKey).map((p) => [p.ParameterKey!, givenValue(remembered, p.ParameterKey!) ?? '']));
  }

  /** A previous value nobody knows cannot be shown: such fields start as "keep the previous value". */
  private markUnknownPrevious(form: ProvisioningForm, current: CurrentState): ProvisioningForm {
    const remembered = this.deps.memory.recall(current.product.id) ?? {};
    const fields = form.fields.map((field): ParameterField => {
      if (!field.canKeepPrevious || field.noEcho || givenValue(remembered, field.key) !== undefined) return field;
      const { previousValue: _unknown, ...rest } = field;
      return { ...rest, keepPreviousByDefault: true };
    });
    return { ...form, fields };
  }

  private async formFor(target: FormTarget): Promise<ProvisioningForm> {
    if (this.loaded?.key === targetKey(target)) return this.loaded.form;
    return (await this.loadParameters(target)).form;
  }

  /** The host's own check: the same rules as the webview, against the form the host built. */
  private async checkedForm(request: SubmitRequest, action: string): Promise<ProvisioningForm> {
    const form = await this.formFor(request.target);
    const result = validateProvisioningSubmission(form, request.submission);
    if (!result.valid) {
      this.deps.logger.warn(`${action} not sent: invalid ${Object.keys(result.errors).join(', ')}`);
      throw new RequestError('Some values need attention; nothing was sent.', result.errors, 'ValidationFailed');
    }
    return form;
  }

  private async submit(request: SubmitRequest): Promise<SubmitResult> {
    // The form the submission was checked against, not whichever the page loaded since.
    const { record, form } = await this.guard.run('submit', request, async (token) => {
      const checked = await this.checkedForm(request, this.subject.mode === 'provision' ? 'Provisioning' : 'Update');
      return { record: await this.send(checked, request, token), form: checked };
    });
    this.afterRecord(record, form, request);
    return submitResult(record);
  }

  private async send(form: ProvisioningForm, { target, submission }: SubmitRequest, token: string): Promise<RecordDetail> {
    const values = JSON.stringify(redactNoEcho(form, submission.parameters));
    if (this.subject.mode === 'provision') {
      this.deps.logger.info(`Provisioning ${submission.provisionedProductName} (${targetKey(target)}) with ${values}`);
      return this.service.provision(toProvisionInput(form, submission, token, target)).catch((error: unknown) => {
        // The service's word on a taken name belongs on the name field, where it can be fixed.
        if ((error as Error).name !== 'DuplicateResourceException') throw error;
        const message = `A provisioned product named "${submission.provisionedProductName}" already exists. Choose another name.`;
        throw new RequestError(message, { name: message }, 'DuplicateResourceException');
      });
    }
    const current = await this.readCurrent(this.subject.provisionedProduct);
    this.deps.logger.info(`Updating ${current.product.name} to ${targetKey(target)} with ${values}, keeping ${JSON.stringify(submission.keepPrevious ?? [])}`);
    return this.service.update(toUpdateInput(form, submission, token, { provisionedProductId: current.product.id, ...target }));
  }

  private afterRecord(record: RecordDetail, form: ProvisioningForm, { submission }: SubmitRequest): void {
    this.deps.logger.info(`Record ${record.RecordId} (${record.RecordType ?? 'request'}) started for ${record.ProvisionedProductName ?? '?'}`);
    const id = record.ProvisionedProductId ?? this.current?.product.id;
    if (id) this.deps.memory.remember(id, this.valuesToRemember(form, submission, id));
    this.deps.trackRecord(record, typedSecrets(form, submission));
    this.deps.refreshTree();
  }

  /** Non-NoEcho values after this submission: typed ones, and the known ones of kept parameters. */
  private valuesToRemember(form: ProvisioningForm, submission: ProvisioningSubmission, id: string): Record<string, string> {
    const before = this.deps.memory.recall(id) ?? {};
    const kept = new Set(submission.keepPrevious ?? []);
    const entries = form.fields
      .filter((f) => !f.noEcho)
      .map((f): [string, string | undefined] => [f.key, kept.has(f.key) ? givenValue(before, f.key) : givenValue(submission.parameters, f.key) || f.defaultValue])
      .filter((e): e is [string, string] => e[1] !== undefined);
    return Object.fromEntries(entries);
  }

  private async preview(request: SubmitRequest): Promise<PlanStarted> {
    const out = await this.guard.run('preview', request, async (token) => {
      const form = await this.checkedForm(request, 'Plan');
      return this.service.createPlan(await this.planInput(form, request, token));
    });
    if (!out.PlanId) throw new Error('The service returned no plan id.');
    const planName = out.PlanName ?? out.PlanId;
    this.deps.logger.info(`Plan ${planName} (${out.PlanId}) created for ${out.ProvisionedProductName ?? '?'}`);
    const productId = out.ProvisionProductId ?? this.current?.product.id;
    if (productId) this.deps.openPlan({ id: productId, name: out.ProvisionedProductName ?? request.submission.provisionedProductName ?? productId }, out.PlanId);
    this.deps.refreshTree();
    return { planId: out.PlanId, planName };
  }

  /** CreateProvisionedProductPlan takes the provision/update inputs' parameters, tags and target. */
  private async planInput(form: ProvisioningForm, { target, submission }: SubmitRequest, token: string): Promise<CreateProvisionedProductPlanInput> {
    if (this.subject.mode === 'provision') {
      const input = toProvisionInput(form, submission, token, target);
      return {
        PlanName: planName(input.ProvisionedProductName ?? 'plan', token), PlanType: 'CLOUDFORMATION',
        ProductId: target.productId, ProvisioningArtifactId: target.provisioningArtifactId, PathId: target.pathId,
        ProvisionedProductName: input.ProvisionedProductName, ProvisioningParameters: input.ProvisioningParameters,
        Tags: input.Tags, NotificationArns: input.NotificationArns, IdempotencyToken: token,
      };
    }
    const current = await this.readCurrent(this.subject.provisionedProduct);
    const input = toUpdateInput(form, submission, token, { provisionedProductId: current.product.id, ...target });
    return {
      PlanName: planName(current.product.name, token), PlanType: 'CLOUDFORMATION',
      ProductId: target.productId, ProvisioningArtifactId: target.provisioningArtifactId, PathId: target.pathId,
      ProvisionedProductName: current.product.name, ProvisioningParameters: input.ProvisioningParameters,
      Tags: input.Tags, IdempotencyToken: token,
    };
  }
}

/** Stable for one token, so a retried CreateProvisionedProductPlan asks for the same plan. */
function planName(productName: string, token: string): string {
  return `${productName}-plan-${token.replace(/-/g, '').slice(0, 8)}`;
}

/** The NoEcho values typed in this submission, so record output can mask them. */
function typedSecrets(form: ProvisioningForm, submission: ProvisioningSubmission): string[] {
  return form.fields.filter((f) => f.noEcho).map((f) => givenValue(submission.parameters, f.key)).filter((v): v is string => !!v);
}
