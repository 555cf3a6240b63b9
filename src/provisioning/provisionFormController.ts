// The provision form: a new provisioned product from a product, version and path the user picks.
// Once its provisioning started the form is a result (record id, Follow, Reveal, Provision another):
// the host refuses a second submission from it, whatever the page sends.
import type { CreateProvisionedProductPlanInput, RecordDetail } from '@aws-sdk/client-service-catalog';
import { buildProvisioningForm, redactNoEcho, toProvisionInput, type ProvisioningForm } from '../core/parameters';
import { RequestError } from '../core/webview/requestError';
import type {
  Cancelled, FormTarget, LoadedForm, PanelInit, PlanStarted, ProductOptions, ProvisionResultAction, SpecSaved, SubmitRequest, SubmitResult,
} from '../core/webview/protocol';
import { productToSaveOfSubmission } from '../core/specs/specToSave';
import { id, isPlainObject } from '../core/webview/schema';
import { productPlansSupported } from '../core/products/capabilities';
import type { ControllerDeps } from './controllerDeps';
import { onlyPathId, planName, productOptions, ParameterFormController, targetKey } from './parameterFormController';
import { defaultVersionId, submitResult, versionChoice } from './views';

/** Where a provision form starts: a product, or a product, version and path. */

/** How long a restored form waits for the session to reconnect before it reads its record. */
const RESTORE_CONNECT_WAIT_MS = 15_000;

export type ProvisionStart = Pick<FormTarget, 'productId'> & Partial<FormTarget>;

/** What a finished form knows: the result, and the product it was for (for "Provision another"). */
export interface FinishedProvision {
  readonly result: SubmitResult;
  readonly start: ProvisionStart;
}

export class ProvisionFormController extends ParameterFormController {
  protected readonly submitAction = 'Provisioning';
  private finished?: FinishedProvision;
  /** A restored page's claim that this form provisioned: true only once the service confirms it. */
  private restoring?: Promise<void>;
  private readonly restoredRecordId?: string;

  /**
   * `start`: the product (or product, version and path) the page opens on; `restoredRecordId`: the
   * record a restored page says this form started, read from the service before anything trusts it.
   */
  constructor(
    deps: ControllerDeps,
    private readonly start?: string | ProvisionStart,
    restoredRecordId?: string,
    /** Told the name of each product the form loads (its tab is titled after it). */
    private readonly onProductLoaded?: (productName: string) => void,
  ) {
    super(deps);
    this.restoredRecordId = restoredRecordId;
    // Only this form answers the result's buttons: added to the handlers the base declares.
    this.handlers.provisionResult = (p) => this.resultAction(p.action);
    this.handlers.saveSpec = (r) => this.saveSpec(r);
  }

  /**
   * The result of a restored form, from DescribeRecord on this form's connection (never from the
   * page): only a provisioning record the service returns makes the form a result; otherwise it is a
   * fresh form.
   */
  private async restore(recordId: string): Promise<void> {
    // A window reload restores panels before the session has reconnected: wait for it (bounded).
    const connected = this.deps.connectedAs;
    for (let waited = 0; connected && !connected() && waited < RESTORE_CONNECT_WAIT_MS; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    try {
      const record = await this.service.recordDetail(recordId);
      if (record.RecordId !== recordId || record.RecordType !== 'PROVISION_PRODUCT' || !record.ProductId) {
        this.deps.logger.warn(`Restored provision form: record ${recordId} is not a provisioning this form can show; a fresh form opens`);
        return;
      }
      const start: ProvisionStart = {
        productId: record.ProductId,
        ...(record.ProvisioningArtifactId ? { provisioningArtifactId: record.ProvisioningArtifactId } : {}),
        ...(record.PathId ? { pathId: record.PathId } : {}),
      };
      this.finished ??= { result: submitResult(record), start };
    } catch (error) {
      this.deps.logger.warn(`Restored provision form: record ${recordId} could not be read (${(error as Error).message ?? String(error)}); a fresh form opens`);
    }
  }

  async init(): Promise<PanelInit> {
    // Read when the page asks (after a reload the session may still be connecting), once.
    if (this.restoredRecordId) this.restoring ??= this.restore(this.restoredRecordId);
    await this.restoring;
    const connection = this.deps.connectionLabel();
    const start = typeof this.start === 'string' ? { productId: this.start } : this.start;
    const productId = this.finished?.start.productId ?? start?.productId;
    return {
      kind: 'provision',
      connection,
      ...(productId ? { productId } : {}),
      ...(start?.provisioningArtifactId ? { start: { ...start, provisioningArtifactId: start.provisioningArtifactId } } : {}),
      ...(this.finished ? { finished: this.finished.result } : {}),
    };
  }

  startedRecord(recordId: string): boolean {
    return this.finished?.result.recordId === recordId;
  }

  /** The result, once provisioning started from this form. */
  get result(): SubmitResult | undefined {
    return this.finished?.result;
  }

  protected async loadProduct(productId: string): Promise<ProductOptions> {
    const { versions, paths } = await this.versionsAndPaths(productId);
    const choices = versions.map((v) => versionChoice(v));
    const facts = await this.productNamesOf(productId);
    const name = this.searchedName(productId) ?? facts?.name ?? productId;
    this.onProductLoaded?.(name);
    return productOptions(productId, name, choices, paths, defaultVersionId(versions), onlyPathId(paths), productPlansSupported(facts?.type));
  }

  /** Plans launch CloudFormation products only; a product whose type cannot be read is not assumed to be one. */
  protected async plansRefusal(target: FormTarget): Promise<string | undefined> {
    const type = (await this.productNamesOf(target.productId))?.type;
    return productPlansSupported(type) ? undefined : `Plans (Preview changes) exist only for CloudFormation products; this product is of type ${type ?? 'unknown'}.`;
  }

  async loadParameters(target: FormTarget): Promise<LoadedForm> {
    const output = await this.parametersOf(target);
    return this.remember(target, buildProvisioningForm(output));
  }

  protected override async submit(request: SubmitRequest): Promise<SubmitResult> {
    this.refuseWhenFinished();
    const result = await super.submit(request);
    this.finished = { result, start: request.target };
    return result;
  }

  protected override async preview(request: SubmitRequest): Promise<PlanStarted> {
    this.refuseWhenFinished();
    return super.preview(request);
  }

  /** Save as Spec File: the values checked exactly as a submission is; nothing is saved on bad input, and NoEcho values typed become references. */
  private async saveSpec(request: SubmitRequest): Promise<SpecSaved | Cancelled> {
    const save = this.deps.saveSpec;
    if (!save) throw new RequestError('Spec files cannot be saved from this form.', undefined, 'SaveUnavailable');
    const form = await this.checkedForm(request, 'Spec file', 'saved');
    const saved = await save(productToSaveOfSubmission(form, request.submission, request.target));
    return saved === undefined ? { cancelled: true } : { saved };
  }

  private refuseWhenFinished(): void {
    if (!this.finished) return;
    const { recordId, provisionedProductName } = this.finished.result;
    const what = provisionedProductName ? `${provisionedProductName} (record ${recordId})` : `record ${recordId}`;
    this.deps.logger.warn(`Provisioning not sent: this form already started ${what}`);
    throw new RequestError(`This form already started provisioning ${what}; nothing was sent. Use Provision another for a new product.`, undefined, 'AlreadyProvisioned');
  }

  private async resultAction(action: ProvisionResultAction): Promise<{ done: true }> {
    const finished = this.finished;
    const actions = this.deps.provisionResult;
    if (!finished || !actions) throw new RequestError('This form has not provisioned anything yet.', undefined, 'NotFinished');
    const { recordId, provisionedProductId } = finished.result;
    if (action === 'copyRecordId') await actions.copy(recordId);
    else if (action === 'follow') await actions.follow(recordId);
    else if (action === 'provisionAnother') actions.provisionAnother(finished.start);
    else if (provisionedProductId) await actions.reveal(provisionedProductId);
    else throw new RequestError('The service named no provisioned product for this record.', undefined, 'NoProduct');
    return { done: true };
  }

  protected async send(form: ProvisioningForm, { target, submission }: SubmitRequest, token: string): Promise<RecordDetail> {
    const values = JSON.stringify(redactNoEcho(form, submission.parameters));
    this.deps.logger.info(`Provisioning ${submission.provisionedProductName} (${targetKey(target)}) with ${values}`);
    return this.service.provision(toProvisionInput(form, submission, token, target)).catch((error: unknown) => {
      // The service's word on a taken name belongs on the name field, where it can be fixed.
      if (!isTakenName(error)) throw error;
      const message = `A provisioned product named "${submission.provisionedProductName}" already exists. Choose another name.`;
      throw new RequestError(message, { name: message }, 'DuplicateResourceException');
    });
  }

  protected async planInput(form: ProvisioningForm, { target, submission }: SubmitRequest, token: string): Promise<CreateProvisionedProductPlanInput> {
    const input = toProvisionInput(form, submission, token, target);
    return {
      PlanName: planName(input.ProvisionedProductName ?? 'plan', token), PlanType: 'CLOUDFORMATION',
      ProductId: target.productId, ProvisioningArtifactId: target.provisioningArtifactId, PathId: target.pathId,
      ProvisionedProductName: input.ProvisionedProductName, ProvisioningParameters: input.ProvisioningParameters,
      Tags: input.Tags, NotificationArns: input.NotificationArns, IdempotencyToken: token,
    };
  }
}

/**
 * A provisioned product name already in use. The model names DuplicateResourceException; the service
 * answers InvalidParametersException "A stack named <name> already exists." (awslabs/aws-service-catalog-puppet#284).
 */
function isTakenName(error: unknown): boolean {
  const { name, message } = error as Error;
  return name === 'DuplicateResourceException' || (name === 'InvalidParametersException' && /^A stack named .* already exists\.?$/.test(message ?? ''));
}

/**
 * The record a restored page's state says its form started (window reload), if well formed. Only a
 * claim: the controller reads the record from the service before showing a result or acting on it.
 */
export function restoredRecordId(state: unknown): string | undefined {
  if (!isPlainObject(state) || !isPlainObject(state.result)) return undefined;
  const { recordId } = state.result;
  return id(recordId, 'recordId') ? undefined : (recordId as string);
}
