// Self-service actions on one provisioned product: the actions of its version, the parameters of the
// chosen one (TARGET ones prefilled), and the run, checked again here before it is sent.
import type { ServiceActionSummary } from '@aws-sdk/client-service-catalog';
import { givenValue } from '../core/parameters';
import { type Handlers } from '../ui/webview/messageRouter';
import { RequestError } from '../core/webview/requestError';
import type { ActionChoice, ActionForm, PanelInit, ProductChange, ProvisionedProductRef, SubmitResult } from '../core/webview/protocol';
import { missingProductReason } from '../core/products/capabilities';
import { refuseUnlessAllowed } from '../core/webview/productState';
import { SubmissionGuard } from '../core/webview/submissionGuard';
import { type ControllerDeps, resolveProvisionedProduct } from './controllerDeps';
import type { FormController } from '../ui/webview/formPanel';
import { actionParameterView, submitResult } from './views';
import { FormProductFacts } from './formProductFacts';

/** ExecutionParameterValueList holds at most 25 values. */
const MAX_VALUES = 25;

export class ServiceActionController implements FormController {
  private product?: ProvisionedProductRef;
  private actions?: ServiceActionSummary[];
  private readonly forms = new Map<string, ActionForm>();
  readonly guard = new SubmissionGuard();
  /** The product's status as last heard (read at open, then from finished records and the tree). */
  private productStatus?: string;
  private gone = false;
  private readonly names: FormProductFacts;

  readonly handlers: Handlers = {
    listActions: () => this.listActions(),
    describeAction: (p) => this.describeAction(p.actionId),
    runAction: (p) => this.runAction(p.actionId, p.parameters),
  };

  constructor(
    private readonly deps: ControllerDeps,
    private readonly known: ProvisionedProductRef,
  ) {
    this.names = new FormProductFacts(deps);
  }

  get productId(): string {
    return this.known.id;
  }

  /** The page learns the product's state from here: the status read at open or heard since, never one it saved. */
  async init(): Promise<PanelInit> {
    if (this.gone) throw new RequestError(`${this.known.name} no longer exists.`, undefined, 'ProductGone');
    const product = await this.resolved();
    return { kind: 'action', connection: this.deps.connectionLabel(), provisionedProduct: this.productStatus ? { ...product, status: this.productStatus } : product };
  }

  /** The product as the service says now, its product and version named (a restored form knows only ids). */
  private async resolved(): Promise<ProvisionedProductRef> {
    if (!this.product) {
      const product = await resolveProvisionedProduct(this.deps.service(), this.known);
      const names = product.productId ? await this.names.of(product.productId) : undefined;
      const versionName = product.provisioningArtifactId ? names?.versions.get(product.provisioningArtifactId) : undefined;
      this.product = { ...product, ...(names?.name ? { productName: names.name } : {}), ...(versionName ? { provisioningArtifactName: versionName } : {}) };
      this.productStatus = product.status;
    }
    return this.product;
  }

  /** Reload: the product (its version, so its actions) and the actions' parameters are read again. */
  reload(): void {
    this.product = undefined;
    this.names.forget();
    this.actions = undefined;
    this.forms.clear();
    this.gone = false;
  }

  productChanged(change: ProductChange): void {
    if (change.productStatus) this.productStatus = change.productStatus;
    if (change.gone) this.gone = true;
  }

  /** The one rule for what a status allows (the tree's menus and the page ask it too). */
  private refuseWhenBlocked(): void {
    refuseUnlessAllowed('canRunAction', 'Running an action', { status: this.productStatus, gone: this.gone });
  }

  private async listActions(): Promise<ActionChoice[]> {
    const product = await this.resolved();
    const missing = missingProductReason(product.name, 'Self-service actions', { ProductId: product.productId, ProvisioningArtifactId: product.provisioningArtifactId });
    if (missing || !product.productId || !product.provisioningArtifactId) throw new RequestError(missing ?? '', undefined, 'NoProductVersion');
    this.actions = await this.deps.service().listServiceActions(product.productId, product.provisioningArtifactId);
    return this.actions
      .filter((a) => a.Id)
      .map((a) => ({
        id: a.Id!,
        name: a.Name ?? a.Id!,
        ...(a.Description ? { description: a.Description } : {}),
        ...(a.DefinitionType ? { definitionType: a.DefinitionType } : {}),
      }));
  }

  private async describeAction(actionId: string): Promise<ActionForm> {
    if (!this.actions) await this.listActions();
    if (!this.actions!.some((a) => a.Id === actionId)) throw new RequestError('That action is not available for this product version.');
    const parameters = await this.deps.service().describeServiceActionParameters(this.known.id, actionId);
    const form: ActionForm = { actionId, parameters: parameters.map(actionParameterView) };
    this.forms.set(actionId, form);
    return form;
  }

  private async runAction(actionId: string, values: Readonly<Record<string, string>>): Promise<SubmitResult> {
    this.refuseWhenBlocked();
    const record = await this.guard.run('run', { actionId, values }, async (token) => {
      const form = this.forms.get(actionId) ?? (await this.describeAction(actionId));
      const parameters = checkedParameters(form, values);
      this.deps.logger.info(`Running action ${actionId} on ${this.known.name} with ${JSON.stringify(parameters)}`);
      return this.deps.service().executeServiceAction({ provisionedProductId: this.known.id, serviceActionId: actionId, parameters, token });
    });
    this.deps.logger.info(`Record ${record.RecordId} started: action ${actionId} on ${this.known.name}`);
    this.deps.trackRecord(record);
    this.deps.refreshTree();
    return submitResult(record);
  }
}

/** Comma-separated text per parameter → the API's value lists; rejects unknown or empty ones. */
export function checkedParameters(form: ActionForm, values: Readonly<Record<string, string>>): Record<string, string[]> {
  const errors: Record<string, string> = {};
  const known = new Set(form.parameters.map((p) => p.name));
  for (const key of Object.keys(values)) if (!known.has(key)) errors[`parameters.${key}`] = `${key} is not a parameter of this action.`;
  // Own properties even for a parameter named __proto__ (an assignment would set the prototype).
  const parameters = Object.create(null) as Record<string, string[]>;
  for (const p of form.parameters) {
    const list = (givenValue(values, p.name) ?? '').split(',').map((v) => v.trim()).filter(Boolean);
    if (!list.length) errors[`parameters.${p.name}`] = `${p.name} needs a value.`;
    else if (list.length > MAX_VALUES) errors[`parameters.${p.name}`] = `${p.name} takes at most ${MAX_VALUES} values.`;
    else Object.defineProperty(parameters, p.name, { value: list, enumerable: true, writable: true, configurable: true });
  }
  if (Object.keys(errors).length) throw new RequestError('Some values need attention; nothing was sent.', errors, 'ValidationFailed');
  return { ...parameters };
}
