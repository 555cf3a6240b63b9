// The update form of one provisioned product: its product stays, the version and path in use are
// preselected, every parameter keeps its value unless changed (nothing is shown as current that the
// service did not say), and a new version shows what it adds or drops.
import type {
  CreateProvisionedProductPlanInput, ProvisioningArtifactParameter, RecordDetail, Tag,
} from '@aws-sdk/client-service-catalog';
import { splitTags } from '../core/products/productSummary';
import { inert } from '../core/untrustedText';
import {
  buildUpdateFormFromCurrent, diffParameters, redactNoEcho, toUpdateInput, type CurrentValues, type ProvisioningForm,
} from '../core/parameters';
import { blockedReason as blockedInState } from '../core/webview/productState';
import { RequestError } from '../core/webview/requestError';
import type {
  FormTarget, ListedTags, LoadedForm, PanelInit, ProductChange, ProductOptions, ProvisionedProductRef, SubmitRequest, VersionChoice,
} from '../core/webview/protocol';
import type { ControllerDeps } from './controllerDeps';
import { provisionedProductRef } from '../core/products/provisionedProductRef';
import { missingProductReason, plansSupported, plansUnsupportedReason } from '../core/products/capabilities';
import { onlyPathId, planName, productOptions, ParameterFormController, targetKey } from './parameterFormController';
import { versionChoice } from './views';
import { locateStack } from '../core/stacks/stackLocation';
import type { StackLocation } from '../core/stacks/types';
import { unreadableValuesNote } from '../core/parameters/stackValues';
import { readStackValues, type StackValues } from './stackValuesReader';

interface CurrentState {
  readonly product: ProvisionedProductRef;
  readonly target: FormTarget;
  /** The provisioned product's own launch role (Change Launch Role sets it; the path's constraint does not). */
  readonly launchRoleArn?: string;
  /** The provisioned product's type (CFN_STACK, TERRAFORM_OPEN_SOURCE, CONTROL_TOWER_ACCOUNT, …), as DescribeProvisionedProduct says. */
  readonly type?: string;
  /** Where its CloudFormation stack is (from DescribeProvisionedProduct's Type and PhysicalId). */
  readonly stack: StackLocation;
  parameters?: ProvisioningArtifactParameter[];
  /** DescribeStacks, started as soon as the stack is known (in parallel with the form's other reads); read again after a change. */
  stackValues?: Promise<StackValues>;
  /**
   * Read while the form opens, before the page asks for them: the versions and launch paths
   * (loadProduct's answer) once the product is known, and the parameters of the version and path in
   * use once the record names the path. Each page request would otherwise wait for the one before it.
   */
  readonly choices: Promise<VersionsAndPaths>;
}

type VersionsAndPaths = Awaited<ReturnType<ParameterFormController['versionsAndPaths']>>;

const KEEPS_PRODUCT = 'An update keeps the product; choose one of its versions.';

export class UpdateFormController extends ParameterFormController {
  protected readonly submitAction = 'Update';
  private current?: CurrentState;
  /** The product's status as last heard (read at open, then from finished records and the tree). */
  private productStatus?: string;
  private gone = false;

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

  /** The page learns the product's state from here: the status read at open or heard since, never one it saved. */
  async init(): Promise<PanelInit> {
    if (this.gone) throw new RequestError(`${this.provisionedProduct.name} no longer exists.`, undefined, 'ProductGone');
    const connection = this.deps.connectionLabel();
    const current = await this.readCurrent();
    const provisionedProduct = this.productStatus ? { ...current.product, status: this.productStatus } : current.product;
    const listedTags = this.listedTags();
    return {
      kind: 'update', connection, provisionedProduct, current: current.target,
      ...(current.launchRoleArn ? { launchRoleArn: current.launchRoleArn } : {}),
      ...(listedTags ? { listedTags } : {}),
    };
  }

  /** The tags as the tree listed them (service text: inert), the `aws:` ones apart. */
  private listedTags(): ListedTags | undefined {
    const tags = this.deps.listedTags?.(this.provisionedProduct.id);
    if (!tags) return undefined;
    const entries = (list: readonly Tag[]) => list.map((t) => ({ key: inert(t.Key ?? '', 'line'), value: inert(t.Value ?? '', 'line') }));
    const { user, system } = splitTags(tags);
    return { user: entries(user), system: entries(system) };
  }

  /** Reload: what is read again from the service (product, version, path, parameters). */
  override reload(): void {
    this.current = undefined;
    this.gone = false;
    super.reload();
  }

  override productChanged(change: ProductChange): void {
    // An operation ended or the tree saw the product change: the stack may run other values now.
    if (this.current && (change.recordId || change.version)) this.current.stackValues = undefined;
    if (change.productStatus) this.productStatus = change.productStatus;
    if (change.gone) this.gone = true;
  }

  /** The one rule for what a provisioned product's status allows (the tree's menus and the page ask it too). */
  protected override blockedReason(): string | undefined {
    const reason = blockedInState('canUpdate', 'Update', { status: this.productStatus, gone: this.gone });
    return reason && `${reason} Nothing was sent.`;
  }

  /** Version and path in use now; the path comes from the last provisioning record. */
  private async readCurrent(): Promise<CurrentState> {
    if (this.current) return this.current;
    const known = this.provisionedProduct;
    const detail = await this.service.describeProvisionedProduct(known.id);
    const missing = missingProductReason(known.name, 'Update', detail);
    if (missing || !detail.ProductId || !detail.ProvisioningArtifactId) throw new RequestError(missing ?? '', undefined, 'NoProductVersion');
    const recordId = detail.LastSuccessfulProvisioningRecordId ?? detail.LastProvisioningRecordId ?? detail.LastRecordId;
    // The record names the stack (DescribeProvisionedProduct does not): DescribeStacks starts as soon as it is read.
    const record = recordId ? this.service.recordStart(recordId).catch(() => undefined) : Promise.resolve(undefined);
    const located = record.then((r) => locateStack(detail, r?.outputs));
    const stackValues = located.then((stack) => this.readStackValues(stack, detail.Type));
    const choices = this.versionsAndPaths(detail.ProductId);
    this.prefetchParameters({ productId: detail.ProductId, provisioningArtifactId: detail.ProvisioningArtifactId }, record, choices);
    // Read ahead: a failure is the page's to hear when it asks (loadProduct and loadParameters ask again).
    choices.catch(() => undefined);
    const [start, names, stack] = await Promise.all([record, this.productNamesOf(detail.ProductId), located]);
    const pathId = start?.pathId;
    const versionName = names?.versions.get(detail.ProvisioningArtifactId);
    const product = provisionedProductRef({ ...detail, ProductName: names?.name, ProvisioningArtifactName: versionName }, known);
    const target = { productId: detail.ProductId, provisioningArtifactId: detail.ProvisioningArtifactId, ...(pathId ? { pathId } : {}) };
    this.productStatus = detail.Status;
    this.current = {
      product, target, stack, stackValues, choices,
      ...(detail.LaunchRoleArn ? { launchRoleArn: detail.LaunchRoleArn } : {}), ...(detail.Type ? { type: detail.Type } : {}),
    };
    return this.current;
  }

  protected async loadProduct(productId: string): Promise<ProductOptions> {
    const current = await this.readCurrent();
    if (productId !== current.target.productId) throw new RequestError(KEEPS_PRODUCT);
    const { versions, paths } = await current.choices.catch(() => this.versionsAndPaths(productId));
    const inUse = current.target.provisioningArtifactId;
    const choices: VersionChoice[] = versions.map((v) => versionChoice(v, inUse));
    if (!choices.some((c) => c.current)) {
      // The version in use may be inactive now; it stays selectable for an update that keeps it.
      choices.push({ id: inUse, name: current.product.provisioningArtifactName ?? inUse, deprecated: false, current: true, inactive: true });
    }
    const productName = current.product.productName ?? this.searchedName(productId) ?? productId;
    return productOptions(productId, productName, choices, paths, inUse, current.target.pathId ?? onlyPathId(paths), plansSupported(current.type));
  }

  protected async plansRefusal(): Promise<string | undefined> {
    const { type } = await this.readCurrent();
    return plansSupported(type) ? undefined : plansUnsupportedReason(type);
  }

  /** Every read is made as soon as what it depends on is known: the target's parameters, the version in use, its stack. */
  async loadParameters(target: FormTarget): Promise<LoadedForm> {
    const [output, current] = await Promise.all([this.parametersOf(target), this.readCurrent()]);
    const parameters = output.ProvisioningArtifactParameters ?? [];
    if (target.productId !== current.target.productId) throw new RequestError(KEEPS_PRODUCT);
    if (targetKey(target) === targetKey(current.target)) current.parameters ??= parameters;
    current.stackValues ??= this.readStackValues(current.stack, current.type);
    const [before, stackValues] = await Promise.all([this.currentParameters(current), current.stackValues]);
    const values: CurrentValues = 'values' in stackValues ? stackValues.values : { known: false, keys: keysOf(before) };
    const form = buildUpdateFormFromCurrent(output, values, this.deps.memory.recall(current.product.id) ?? {});
    const sameVersion = target.provisioningArtifactId === current.target.provisioningArtifactId;
    return {
      ...this.remember(target, form),
      ...(sameVersion ? {} : { diff: diffParameters(before, parameters) }),
      ...('cause' in stackValues ? { currentValuesNote: unreadableValuesNote(stackValues.cause) } : {}),
    };
  }

  /**
   * Reads DescribeProvisioningParameters of the version and path in use into the connection's catalog
   * cache, as the page will ask for them (the record's path, or the product's only one), as soon as both
   * are known: the page's loadParameters then shares that read. Nothing when the page must wait for the
   * user to choose a path. A failure is not kept by the cache: the page's own request asks again.
   */
  private prefetchParameters(inUse: Omit<FormTarget, 'pathId'>, record: Promise<{ readonly pathId?: string } | undefined>, choices: Promise<VersionsAndPaths>): void {
    void (async () => {
      const recorded = (await record)?.pathId;
      const paths = recorded ? undefined : (await choices).paths;
      if (paths && paths.length > 1) return;
      const pathId = recorded ?? (paths ? onlyPathId(paths) : undefined);
      await this.parametersOf({ ...inUse, ...(pathId ? { pathId } : {}) });
    })().catch(() => undefined);
  }

  /**
   * The parameter values in use: what the stack runs with (DescribeStacks), whoever changed them.
   * Service Catalog does not return them; without a readable stack every field keeps its value unless
   * the user changes it.
   */
  private readStackValues(stack: StackLocation, type: string | undefined): Promise<StackValues> {
    return readStackValues(this.deps, stack, type, this.provisionedProduct.name);
  }

  private async currentParameters(current: CurrentState): Promise<ProvisioningArtifactParameter[]> {
    if (!current.parameters) {
      const output = await this.parametersOf(current.target).catch((error) => {
        this.deps.logger.warn(`Could not read the parameters of the version in use: ${String((error as Error).message ?? error)}`);
        return undefined;
      });
      current.parameters = output?.ProvisioningArtifactParameters ?? [];
    }
    return current.parameters;
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

const keysOf = (parameters: readonly ProvisioningArtifactParameter[]) => parameters.map((p) => p.ParameterKey).filter((key): key is string => !!key);
