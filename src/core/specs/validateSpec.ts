// A parsed spec checked against the live catalog (given as facts): product, version and launch path
// by name or id, then every value through the forms' own validation — the form model built from
// DescribeProvisioningParameters and validateProvisioningSubmission on the spec as a submission — so
// the file accepts a value exactly when the form would. Pure: the VS Code layer gives the facts.
import type { DescribeProvisioningParametersOutput } from '@aws-sdk/client-service-catalog';
import { buildProvisioningForm, buildUpdateFormFromCurrent, type ProvisioningForm } from '../parameters/formModel';
import { validateProvisioningSubmission } from '../parameters/submission';
import {
  catalogIndex, isActive, isDeprecated, type CatalogSnapshot, type CatalogIndex, type SnapshotLaunchPath, type SnapshotProduct,
  type SnapshotVersion, type ExistingProvisionedProduct, type Lookup,
} from './catalogSnapshot';
import { envNameFor, referenceText, type ParsedSpec, type SpecProblem, type SpecProblemCode, type SpecProduct, type SpecRange, type SpecValue } from './specModel';
import { rangeOfFormPath, submissionOfSpec, type SpecSubmission } from './specSubmission';
import { closestMatch, didYouMean } from './suggest';

/** Which product, version and path a spec product resolves to, and whether applying it provisions or updates. */
export interface SpecTarget {
  readonly product: SnapshotProduct;
  readonly version: SnapshotVersion;
  readonly pathId?: string;
  readonly existing?: ExistingProvisionedProduct;
}

export interface ValidatedProduct {
  readonly spec: SpecProduct;
  readonly target?: SpecTarget;
  /** The form the spec was checked against (absent until the version's parameters are in the facts). */
  readonly form?: ProvisioningForm;
  readonly built?: SpecSubmission;
}

/** A DescribeProvisioningParameters the facts did not hold yet: read it, then validate again. */
export interface ParametersRequest {
  readonly productId: string;
  readonly versionId: string;
  readonly pathId?: string;
}

export interface SpecValidation {
  /** The parse problems and the catalog's, in file order. */
  readonly problems: readonly SpecProblem[];
  readonly products: readonly ValidatedProduct[];
  readonly pending: readonly ParametersRequest[];
}

const NO_ECHO_HINT = `write a reference: \${env:NAME} (an environment variable of the editor) or ${referenceText({ kind: 'prompt' })} (asked when applying)`;

class Collector {
  readonly problems: SpecProblem[] = [];

  error(range: SpecRange, code: SpecProblemCode, message: string, suggestion?: string, formPath?: string): void {
    this.problems.push({ range, severity: 'error', code, message, ...(suggestion !== undefined ? { suggestion } : {}), ...(formPath ? { formPath } : {}) });
  }

  warning(range: SpecRange, code: SpecProblemCode, message: string, suggestion?: string): void {
    this.problems.push({ range, severity: 'warning', code, message, ...(suggestion !== undefined ? { suggestion } : {}) });
  }
}

/** The found item, or a problem saying why there is none (with the closest name as suggestion). */
function resolve<T extends { id: string; name?: string }>(
  lookup: Lookup<T>, value: SpecValue, what: { one: string; many: string }, codes: { unknown: SpecProblemCode; ambiguous: SpecProblemCode }, out: Collector,
): T | undefined {
  if (lookup.found) return lookup.found;
  if (lookup.ambiguous) {
    out.error(value.range, codes.ambiguous, `Several ${what.many} are named "${value.value}": name one by its id (${lookup.ambiguous.map((i) => i.id).join(', ')}).`);
  } else {
    out.error(value.range, codes.unknown, `No ${what.one} "${value.value}" in the catalog of this connection.${didYouMean(lookup.suggestion)}`, lookup.suggestion);
  }
  return undefined;
}

function checkVersion(version: SnapshotVersion, value: SpecValue, product: SnapshotProduct, existing: ExistingProvisionedProduct | undefined, index: CatalogIndex, out: Collector): void {
  const versions = index.versions(product);
  const recommended = [...product.versions].reverse().find((v) => isActive(v) && !isDeprecated(v));
  const instead = recommended && recommended !== version ? versions.nameOf(recommended) : undefined;
  const inUse = existing?.versionId === version.id;
  if (!isActive(version) && !inUse) {
    out.error(value.range, 'inactive-version', `${versions.nameOf(version)} is no longer offered by ${product.name}.${instead ? ` Use ${instead}.` : ''}`, instead);
  } else if (isDeprecated(version)) {
    out.warning(value.range, 'deprecated-version', `${versions.nameOf(version)} is deprecated.${instead ? ` The recommended version is ${instead}.` : ''}`, instead);
  }
}

function resolvePath(spec: SpecProduct, product: SnapshotProduct, index: CatalogIndex, out: Collector): { ok: boolean; path?: SnapshotLaunchPath } {
  const paths = index.launchPaths(product);
  if (spec.launchPath) {
    // Paths not read: the service checks the one named.
    if (!product.launchPaths.length) return { ok: true };
    const path = resolve(paths.lookup(spec.launchPath.value, closestMatch), spec.launchPath, { one: 'launch path', many: 'launch paths' }, { unknown: 'unknown-path', ambiguous: 'ambiguous-path' }, out);
    return path ? { ok: true, path } : { ok: false };
  }
  if (product.launchPaths.length > 1) {
    const names = product.launchPaths.map((p) => paths.nameOf(p));
    out.error(spec.product?.range ?? spec.anchor, 'path-required', `${product.name} has several launch paths: choose one with launchPath (${names.join(', ')}).`);
    return { ok: false };
  }
  return { ok: true, ...(product.launchPaths[0] ? { path: product.launchPaths[0] } : {}) };
}

function resolveTarget(spec: SpecProduct, facts: CatalogSnapshot, index: CatalogIndex, out: Collector): SpecTarget | undefined {
  // A missing version is the parse's problem; the product and path are still checked (and suggested).
  if (!spec.product?.value) return undefined;
  const product = resolve(index.products.lookup(spec.product.value, closestMatch), spec.product, { one: 'product', many: 'products' }, { unknown: 'unknown-product', ambiguous: 'ambiguous-product' }, out);
  if (!product) return undefined;
  const existing = spec.name?.value ? facts.provisionedProduct?.(spec.name.value) : undefined;
  if (existing?.productId && existing.productId !== product.id) {
    const runs = index.products.lookup(existing.productId, closestMatch).found?.name ?? existing.productId;
    out.error(spec.product.range, 'other-product', `The provisioned product ${spec.name!.value} runs ${runs}: an update cannot change its product (terminate it, or give this one another name).`, runs);
    return undefined;
  }
  const version = spec.version?.value ? resolve(index.versions(product).lookup(spec.version.value, closestMatch), spec.version, { one: `version of ${product.name}`, many: `versions of ${product.name}` }, { unknown: 'unknown-version', ambiguous: 'ambiguous-version' }, out) : undefined;
  const path = resolvePath(spec, product, index, out);
  if (!version || !spec.version || !path.ok) return undefined;
  checkVersion(version, spec.version, product, existing, index, out);
  return { product, version, ...(path.path ? { pathId: path.path.id } : {}), ...(existing ? { existing } : {}) };
}

/** Provision forms by the facts' output: a file naming one version fifty times builds its form once. */
const provisionForms = new WeakMap<DescribeProvisioningParametersOutput, ProvisioningForm>();

function provisionForm(output: DescribeProvisioningParametersOutput): ProvisioningForm {
  let form = provisionForms.get(output);
  if (!form) provisionForms.set(output, (form = buildProvisioningForm(output)));
  return form;
}

/** The form the spec is checked against: the provision form, or the update form when the product exists. */
export function formOfTarget(target: SpecTarget, facts: CatalogSnapshot): ProvisioningForm | undefined {
  const output = facts.provisioningParameters(target.product.id, target.version.id, target.pathId);
  if (!output) return undefined;
  if (!target.existing) return provisionForm(output);
  const keys = target.existing.parameterKeys ?? (output.ProvisioningArtifactParameters ?? []).flatMap((p) => (p.ParameterKey ? [p.ParameterKey] : []));
  return buildUpdateFormFromCurrent(output, { known: false, keys });
}

/** NoEcho values never stand in the file; references stand only for NoEcho values. Returns the keys to leave out of the submission. */
function checkReferences(spec: SpecProduct, form: ProvisioningForm, out: Collector): Set<string> {
  const excluded = new Set<string>();
  const fields = new Map(form.fields.map((f) => [f.key, f]));
  for (const entry of spec.parameters?.items ?? []) {
    const field = fields.get(entry.key);
    if (!field) continue;
    if (field.noEcho && !entry.reference) {
      out.error(entry.range, 'no-echo-literal', `${entry.key} is a NoEcho parameter: its value may not stand in the file; ${NO_ECHO_HINT}.`, referenceText({ kind: 'env', name: envNameFor(entry.key) }));
      excluded.add(entry.key);
    } else if (!field.noEcho && entry.reference) {
      out.error(entry.range, 'reference-not-no-echo', `References stand only for NoEcho parameters; ${entry.key} is not one: write its value.`);
      excluded.add(entry.key);
    }
  }
  return excluded;
}

function checkValues(spec: SpecProduct, target: SpecTarget, form: ProvisioningForm, out: Collector): SpecSubmission {
  const excluded = checkReferences(spec, form, out);
  const built = submissionOfSpec(spec, form, { excluded, ...(target.existing ? { existing: target.existing } : {}) });
  const { errors } = validateProvisioningSubmission(form, built.submission);
  for (const [path, message] of Object.entries(errors)) {
    const key = path.startsWith('parameters.') ? path.slice('parameters.'.length) : undefined;
    // Left to apply time (a reference) or already said (a NoEcho literal, a misplaced reference).
    if (key !== undefined && (built.unresolved.has(key) || excluded.has(key))) continue;
    const { range, missing } = rangeOfFormPath(path, spec, built, form);
    out.error(range, 'invalid', missing && key !== undefined ? `${key}: ${message}` : message, undefined, path);
  }
  return built;
}

function validateProduct(spec: SpecProduct, facts: CatalogSnapshot, index: CatalogIndex, out: Collector, pending: ParametersRequest[]): ValidatedProduct {
  const target = resolveTarget(spec, facts, index, out);
  if (!target) return { spec };
  const form = formOfTarget(target, facts);
  if (!form) {
    pending.push({ productId: target.product.id, versionId: target.version.id, ...(target.pathId ? { pathId: target.pathId } : {}) });
    return { spec, target };
  }
  return { spec, target, form, built: checkValues(spec, target, form, out) };
}

export function validateSpec(parsed: ParsedSpec, facts: CatalogSnapshot): SpecValidation {
  const index = catalogIndex(facts);
  const out = new Collector();
  const pending: ParametersRequest[] = [];
  const products = parsed.products.map((spec) => validateProduct(spec, facts, index, out, pending));
  const problems = [...parsed.problems, ...out.problems].sort((a, b) => a.range.start - b.range.start);
  return { problems, products, pending };
}
