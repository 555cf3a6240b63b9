// Applying a spec file: each provisioned product it declares is checked (validateSpec), then sent
// through the forms' own controllers, so a spec apply is exactly a form submission: the same host-side
// validation, one idempotency token per action (the controller's guard, reused by every retry of it),
// the record followed like any other, the tree told. Preview creates a plan the same way, and the
// live state (version, values in use from DescribeStacks, tags) comes from the update form's reads.
import type * as vscode from 'vscode';
import type { ProvisioningForm } from '../core/parameters';
import type { CatalogSnapshot, ParsedSpec, SpecProblem, SpecProduct, ValidatedProduct, SpecTarget } from '../core/specs';
import { parseSpec, submissionOfSpec, validateSpec } from '../core/specs';
import { specChanges, type LiveState, type SpecChange } from '../core/specs/specDiff';
import type { FormTarget, LoadedForm, PanelInit, PlanStarted, SubmitRequest, SubmitResult } from '../core/webview/protocol';
import { productPlansSupported } from '../core/products/capabilities';
import { provisionedProductRef } from '../core/products/provisionedProductRef';
import { retryTransient } from '../core/retrySameToken';
import { inert } from '../core/untrustedText';
import type { ControllerDeps } from '../provisioning/controllerDeps';
import type { ProvisionFormController } from '../provisioning/provisionFormController';
import type { UpdateFormController } from '../provisioning/updateFormController';
import type { UserInput } from '../ui/userInput';

/** The catalog facts of a spec file (SpecCatalog: the connection's catalog cache and the tree's products). */
export interface SpecControllers {
  readonly deps: ControllerDeps;
  readonly ProvisionFormController: typeof ProvisionFormController;
  readonly UpdateFormController: typeof UpdateFormController;
}

export interface SpecSnapshots {
  snapshotFor(parsed: ParsedSpec): Promise<CatalogSnapshot>;
  readonly onDidChange: vscode.Event<unknown>;
}

/** A spec file's text and where it is (for messages). */
export interface SpecSource {
  readonly text: string;
  readonly fileName: string;
  /** Offset → 1-based line, for problems quoted in messages. */
  lineAt(offset: number): number;
}

export interface SpecApplyDeps {
  readonly snapshots: SpecSnapshots;
  /** The forms' dependencies (service, catalog, record tracking, plans panel, tree). */
  /** The forms' controllers and what they run on; they live in the forms' bundle, loaded on first use. */
  readonly controllers: () => SpecControllers;
  readonly input: UserInput;
  /** The editor's environment, where `${env:NAME}` references are read. */
  readonly environment: () => Readonly<Record<string, string | undefined>>;
}

/** The file does not validate: nothing was sent. Carries the problems (the file's diagnostics). */
export class SpecInvalidError extends Error {
  constructor(readonly problems: readonly SpecProblem[], source: SpecSource) {
    const shown = problems.slice(0, 5).map((p) => `line ${source.lineAt(p.range.start)}: ${inert(p.message, 'line', { maxLength: 200 })}`);
    const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
    super(`The spec file has problems; nothing was sent. ${shown.join('; ')}${more}`);
    this.name = 'SpecInvalidError';
  }
}

/** A spec product ready to act on: its target and the form of that target. */
export interface CheckedProduct {
  readonly name: string;
  readonly spec: SpecProduct;
  readonly target: SpecTarget;
  readonly snapshot: CatalogSnapshot;
}

/** What applying one product would do, read before anything is sent. */
export type ApplyPlan =
  | { readonly kind: 'provision'; readonly product: CheckedProduct; readonly controller: ProvisionFormController; readonly loaded: LoadedForm }
  | { readonly kind: 'update'; readonly product: CheckedProduct; readonly controller: UpdateFormController; readonly loaded: LoadedForm; readonly live: LiveState; readonly changes: readonly SpecChange[] };

export type ApplyOutcome =
  | { readonly kind: 'unchanged'; readonly name: string }
  | { readonly kind: 'started'; readonly name: string; readonly operation: 'provision' | 'update'; readonly result: SubmitResult };

/** How many times a read is tried again after throttling or a dropped connection. */
const ATTEMPTS = 5;
const retried = <T>(call: () => Promise<T>) => retryTransient(call, { attempts: ATTEMPTS });

export class SpecApplier {
  constructor(private readonly deps: SpecApplyDeps) {}

  /** Every product of the file, checked; refuses (SpecInvalidError) when any error stands in the file. */
  async checkFile(source: SpecSource): Promise<CheckedProduct[]> {
    const { validation, snapshot } = await this.validate(source);
    const errors = validation.problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new SpecInvalidError(errors, source);
    return validation.products.map((p) => checked(p, snapshot));
  }

  /** One product of the file, checked: errors in it, or in the file outside every product, refuse it. */
  async checkProduct(source: SpecSource, name: string): Promise<CheckedProduct> {
    const { validation, snapshot, parsed } = await this.validate(source);
    const product = validation.products.find((p) => p.spec.name?.value === name);
    if (!product) throw new Error(`The spec file declares no provisioned product named "${inert(name, 'line')}".`);
    const outside = (p: SpecProblem) => !parsed.products.some((s) => p.range.start >= s.range.start && p.range.start < s.range.end);
    const within = (p: SpecProblem) => p.range.start >= product.spec.range.start && p.range.start < product.spec.range.end;
    const errors = validation.problems.filter((p) => p.severity === 'error' && (within(p) || outside(p)));
    if (errors.length) throw new SpecInvalidError(errors, source);
    return checked(product, snapshot);
  }

  /** The facts, read until they hold every version's parameters the file needs (a few rounds at most). */
  private async validate(source: SpecSource) {
    const parsed = parseSpec(source.text);
    for (let round = 0; ; round++) {
      const snapshot = await retried(() => this.deps.snapshots.snapshotFor(parsed));
      const validation = validateSpec(parsed, snapshot);
      if (!validation.pending.length) return { parsed, snapshot, validation };
      if (round >= 2) throw new Error('The catalog facts this file needs could not be read yet; try again in a moment.');
    }
  }

  /** What applying the product would do, from the forms' own reads (the update form's for the live state). */
  async plan(product: CheckedProduct): Promise<ApplyPlan> {
    const { deps, ProvisionFormController, UpdateFormController } = this.deps.controllers();
    const existing = product.target.existing;
    if (!existing) {
      const controller = new ProvisionFormController(deps);
      const loaded = await retried(() => controller.loadParameters(requestTarget(product.target)));
      return { kind: 'provision', product, controller, loaded };
    }
    const controller = new UpdateFormController(deps, provisionedProductRef({ Id: existing.id, Name: product.name }));
    const init = await retried(() => controller.init());
    const current = (init as Extract<PanelInit, { kind: 'update' }>).current;
    const loaded = await retried(() => controller.loadParameters(requestTarget(product.target, current)));
    const live: LiveState = {
      versionId: current.provisioningArtifactId,
      ...(current.pathId ? { pathId: current.pathId } : {}),
      ...(loaded.currentValuesNote ? {} : { parameters: valuesInUse(loaded.form) }),
      tags: existing.tags ?? {},
    };
    const changes = specChanges(product.spec, product.target, loaded.form, submissionOfSpec(product.spec, loaded.form, { existing }), live);
    return { kind: 'update', product, controller, loaded, live, changes };
  }

  /** Sends the plan's submission (nothing when an update changes nothing), its references resolved first. */
  async apply(plan: ApplyPlan): Promise<ApplyOutcome> {
    const { name } = plan.product;
    if (plan.kind === 'update' && !plan.changes.length) return { kind: 'unchanged', name };
    const request = await this.request(plan);
    // The same controller, the same request: the guard gives every attempt the action's one token.
    const result = await retried(() => plan.controller.handlers.submit!(request));
    return { kind: 'started', name, operation: plan.kind, result };
  }

  /** Creates a plan (CloudFormation products only) through the form's Preview changes; the plans panel opens on it. */
  async preview(plan: ApplyPlan): Promise<PlanStarted> {
    const request = await this.request(plan);
    return retried(() => plan.controller.handlers.preview!(request));
  }

  /** Whether Preview changes exists for the product (CloudFormation products only). */
  static previewable(product: Pick<CheckedProduct, 'target'>): boolean {
    return productPlansSupported(product.target.product.type);
  }

  private async request(plan: ApplyPlan): Promise<SubmitRequest> {
    const { spec, target } = plan.product;
    const resolved = await this.resolveReferences(plan.product, plan.loaded.form);
    const existing = target.existing;
    const { submission } = submissionOfSpec(spec, plan.loaded.form, { resolved, ...(existing ? { existing } : {}) });
    return { target: plan.loaded.target, submission };
  }

  /** The values of the product's NoEcho references: from the editor's environment, or asked in a password box. Never logged or kept. */
  private async resolveReferences(product: CheckedProduct, form: ProvisioningForm): Promise<Record<string, string>> {
    const resolved: Record<string, string> = {};
    const keys = new Set(form.fields.map((f) => f.key));
    for (const entry of product.spec.parameters?.items ?? []) {
      if (!entry.reference || !keys.has(entry.key)) continue;
      if (entry.reference.kind === 'env') {
        const value = this.deps.environment()[entry.reference.name];
        if (value === undefined) throw new Error(`${inert(entry.key, 'line')} of ${inert(product.name, 'line')} reads the environment variable ${entry.reference.name}, which the editor's environment does not set; nothing was sent.`);
        resolved[entry.key] = value;
      } else {
        resolved[entry.key] = await this.deps.input.inputText({
          title: `${product.name}: ${entry.key}`,
          prompt: `The value of the NoEcho parameter ${entry.key} (sent to AWS, kept nowhere)`,
          password: true,
        });
      }
    }
    return resolved;
  }
}

function checked(product: ValidatedProduct, snapshot: CatalogSnapshot): CheckedProduct {
  if (!product.target || !product.spec.name) throw new Error('The spec file has problems; nothing was sent.');
  return { name: product.spec.name.value, spec: product.spec, target: product.target, snapshot };
}

/** The form's target: the file's product and version, its path (an update without one keeps the path in use). */
function requestTarget(target: SpecTarget, current?: FormTarget): FormTarget {
  const pathId = target.pathId ?? current?.pathId;
  return { productId: target.product.id, provisioningArtifactId: target.version.id, ...(pathId ? { pathId } : {}) };
}

/** The values in use the update form read from the stack (NoEcho and masked ones have none). */
function valuesInUse(form: ProvisioningForm): Record<string, string> {
  return Object.fromEntries(form.fields.flatMap((f) => (f.previousValue !== undefined && !f.noEcho ? [[f.key, f.previousValue]] : [])));
}
