// The provision form: a new provisioned product from a product, version and path the user picks.
// Once its provisioning started the form is a result (record id, Follow, Reveal, Provision another):
// the host refuses a second submission from it, whatever the page sends.
import type { CreateProvisionedProductPlanInput, RecordDetail } from '@aws-sdk/client-service-catalog';
import { buildProvisioningForm, redactNoEcho, toProvisionInput, type ProvisioningForm } from '../core/parameters';
import { RequestError } from '../core/webview/requestError';
import type {
  FormTarget, LoadedForm, PanelInit, PlanStarted, ProductOptions, ProvisionResultAction, SubmitRequest, SubmitResult,
} from '../core/webview/protocol';
import { id, isPlainObject } from '../core/webview/schema';
import type { ControllerDeps } from './controllerDeps';
import { onlyPathId, planName, productOptions, ParameterFormController, targetKey } from './parameterFormController';
import { defaultVersionId, versionChoice } from './views';

/** Where a provision form starts: a product, or a product, version and path. */
export type ProvisionStart = Pick<FormTarget, 'productId'> & Partial<FormTarget>;

/** What a finished form knows: the result, and the product it was for (for "Provision another"). */
export interface FinishedProvision {
  readonly result: SubmitResult;
  readonly start: ProvisionStart;
}

export class ProvisionFormController extends ParameterFormController {
  protected readonly submitAction = 'Provisioning';
  private finished?: FinishedProvision;

  /** `start`: the product (or product, version and path) the page opens on; `finished`: a restored result. */
  constructor(
    deps: ControllerDeps,
    private readonly start?: string | ProvisionStart,
    finished?: FinishedProvision,
  ) {
    super(deps);
    this.finished = finished;
    // Only this form answers the result's buttons: added to the handlers the base declares.
    this.handlers.provisionResult = (p) => this.resultAction(p.action);
  }

  async init(): Promise<PanelInit> {
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

  /** The result, once provisioning started from this form. */
  get result(): SubmitResult | undefined {
    return this.finished?.result;
  }

  protected async loadProduct(productId: string): Promise<ProductOptions> {
    const { versions, paths } = await this.versionsAndPaths(productId);
    const choices = versions.map((v) => versionChoice(v));
    return productOptions(productId, this.searchedName(productId) ?? productId, choices, paths, defaultVersionId(versions), onlyPathId(paths));
  }

  async loadParameters(target: FormTarget): Promise<LoadedForm> {
    const output = await this.service.describeProvisioningParameters(target);
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
      if ((error as Error).name !== 'DuplicateResourceException') throw error;
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
 * The finished provision a restored page's state names (window reload), checked as any page input. It
 * only ever makes the restored form refuse to submit; the ids feed nothing but its buttons.
 */
export function finishedFromState(state: unknown): FinishedProvision | undefined {
  if (!isPlainObject(state) || !isPlainObject(state.result) || !isPlainObject(state.init)) return undefined;
  const { recordId, provisionedProductId, provisionedProductName } = state.result;
  const productId = state.productId ?? state.init.productId;
  if (id(recordId, 'recordId') || id(productId, 'productId')) return undefined;
  if (provisionedProductId !== undefined && id(provisionedProductId, 'provisionedProductId')) return undefined;
  const name = typeof provisionedProductName === 'string' && provisionedProductName.length <= 128 ? provisionedProductName : undefined;
  const result: SubmitResult = {
    recordId: recordId as string,
    ...(provisionedProductId ? { provisionedProductId: provisionedProductId as string } : {}),
    ...(name ? { provisionedProductName: name } : {}),
  };
  return { result, start: { productId: productId as string } };
}
