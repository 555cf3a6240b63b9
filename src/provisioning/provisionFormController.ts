// The provision form: a new provisioned product from a product, version and path the user picks.
import type { CreateProvisionedProductPlanInput, RecordDetail } from '@aws-sdk/client-service-catalog';
import { buildProvisioningForm, redactNoEcho, toProvisionInput, type ProvisioningForm } from '../core/parameters';
import { RequestError } from '../core/webview/requestError';
import type { FormTarget, LoadedForm, PanelInit, ProductOptions, SubmitRequest } from '../core/webview/protocol';
import type { ControllerDeps } from './controllerDeps';
import { onlyPathId, planName, productOptions, ParameterFormController, targetKey } from './parameterFormController';
import { defaultVersionId, versionChoice } from './views';

export class ProvisionFormController extends ParameterFormController {
  protected readonly submitAction = 'Provisioning';

  /** `startProductId`: the product the page opens on, if any. */
  constructor(
    deps: ControllerDeps,
    private readonly startProductId?: string,
  ) {
    super(deps);
  }

  async init(): Promise<PanelInit> {
    const connection = this.deps.connectionLabel();
    return { kind: 'provision', connection, ...(this.startProductId ? { productId: this.startProductId } : {}) };
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
