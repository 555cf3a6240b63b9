// The update form of one provisioned product: its product stays, the version and path in use are
// preselected, each parameter can keep its previous value, and a new version shows what it adds or drops.
import type { CreateProvisionedProductPlanInput, ProvisioningArtifactParameter, RecordDetail } from '@aws-sdk/client-service-catalog';
import {
  buildUpdateForm, diffParameters, givenValue, redactNoEcho, toUpdateInput, type ParameterField, type ProvisioningForm,
} from '../core/parameters';
import { RequestError } from '../core/webview/requestError';
import type { FormTarget, LoadedForm, PanelInit, ProductOptions, ProvisionedProductRef, SubmitRequest, VersionChoice } from '../core/webview/protocol';
import type { ControllerDeps } from './controllerDeps';
import { provisionedProductRef } from '../core/products/provisionedProductRef';
import { onlyPathId, planName, productOptions, ParameterFormController, targetKey } from './parameterFormController';
import { versionChoice } from './views';

interface CurrentState {
  readonly product: ProvisionedProductRef;
  readonly target: FormTarget;
  parameters?: ProvisioningArtifactParameter[];
}

const KEEPS_PRODUCT = 'An update keeps the product; choose one of its versions.';

export class UpdateFormController extends ParameterFormController {
  protected readonly submitAction = 'Update';
  private current?: CurrentState;

  constructor(
    deps: ControllerDeps,
    private readonly provisionedProduct: ProvisionedProductRef,
  ) {
    super(deps);
  }

  /** The provisioned product this form updates. */
  override get productId(): string {
    return this.provisionedProduct.id;
  }

  async init(): Promise<PanelInit> {
    const connection = this.deps.connectionLabel();
    const current = await this.readCurrent();
    return { kind: 'update', connection, provisionedProduct: current.product, current: current.target };
  }

  /** Version and path in use now; the path comes from the last provisioning record. */
  private async readCurrent(): Promise<CurrentState> {
    if (this.current) return this.current;
    const known = this.provisionedProduct;
    const detail = await this.service.describeProvisionedProduct(known.id);
    if (!detail.ProductId || !detail.ProvisioningArtifactId) throw new Error(`${known.name} has no product version to update from.`);
    const recordId = detail.LastSuccessfulProvisioningRecordId ?? detail.LastProvisioningRecordId ?? detail.LastRecordId;
    const pathId = recordId ? await this.service.recordPathId(recordId).catch(() => undefined) : undefined;
    const product = provisionedProductRef(detail, known);
    const target = { productId: detail.ProductId, provisioningArtifactId: detail.ProvisioningArtifactId, ...(pathId ? { pathId } : {}) };
    this.current = { product, target };
    return this.current;
  }

  protected async loadProduct(productId: string): Promise<ProductOptions> {
    const current = await this.readCurrent();
    if (productId !== current.target.productId) throw new RequestError(KEEPS_PRODUCT);
    const { versions, paths } = await this.versionsAndPaths(productId);
    const inUse = current.target.provisioningArtifactId;
    const choices: VersionChoice[] = versions.map((v) => versionChoice(v, inUse));
    if (!choices.some((c) => c.current)) {
      // The version in use may be inactive now; it stays selectable for an update that keeps it.
      choices.push({ id: inUse, name: current.product.provisioningArtifactName ?? inUse, deprecated: true, current: true });
    }
    const productName = current.product.productName ?? this.searchedName(productId) ?? productId;
    return productOptions(productId, productName, choices, paths, inUse, current.target.pathId ?? onlyPathId(paths));
  }

  async loadParameters(target: FormTarget): Promise<LoadedForm> {
    const output = await this.service.describeProvisioningParameters(target);
    const parameters = output.ProvisioningArtifactParameters ?? [];
    const current = await this.readCurrent();
    if (target.productId !== current.target.productId) throw new RequestError(KEEPS_PRODUCT);
    const before = await this.currentParameters(current);
    const form = buildUpdateForm(output, this.knownValues(current, before));
    const sameVersion = target.provisioningArtifactId === current.target.provisioningArtifactId;
    return { ...this.remember(target, this.markUnknownPrevious(form, current)), ...(sameVersion ? {} : { diff: diffParameters(before, parameters) }) };
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

  protected async send(form: ProvisioningForm, { target, submission }: SubmitRequest, token: string): Promise<RecordDetail> {
    const values = JSON.stringify(redactNoEcho(form, submission.parameters));
    const current = await this.readCurrent();
    this.deps.logger.info(`Updating ${current.product.name} to ${targetKey(target)} with ${values}, keeping ${JSON.stringify(submission.keepPrevious ?? [])}`);
    return this.service.update(toUpdateInput(form, submission, token, { provisionedProductId: current.product.id, ...target }));
  }

  protected async planInput(form: ProvisioningForm, { target, submission }: SubmitRequest, token: string): Promise<CreateProvisionedProductPlanInput> {
    const current = await this.readCurrent();
    const input = toUpdateInput(form, submission, token, { provisionedProductId: current.product.id, ...target });
    return {
      PlanName: planName(current.product.name, token), PlanType: 'CLOUDFORMATION',
      ProductId: target.productId, ProvisioningArtifactId: target.provisioningArtifactId, PathId: target.pathId,
      ProvisionedProductName: current.product.name, ProvisioningParameters: input.ProvisioningParameters,
      Tags: input.Tags, IdempotencyToken: token,
    };
  }
}
