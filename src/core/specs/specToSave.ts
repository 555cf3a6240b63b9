// What "Save as Spec File" writes of a provisioned product, before the catalog's names are known: by
// ids, from a provision form's checked submission or from what the update form read of a product as it
// runs. No YAML here (the forms' bundle builds these); specOfProvisionedProduct writes the text.
import type { ProvisioningForm } from '../parameters/formModel';
import type { StackSetSubmission } from '../parameters/stackSet';
import { givenValue, type ProvisioningSubmission } from '../parameters/submission';
import { isSystemTagKey } from '../products/systemTags';
import { NamedIndex } from './catalogSnapshot';
import type { ProvisionedProductState } from './specOfProvisionedProduct';

/** The values of a saved provisioned product: what the file declares besides its product, version and path. */
export interface SpecValues {
  /** The parameter values to write; NoEcho ones (masked or typed) are never written. */
  readonly parameters: Readonly<Record<string, string>>;
  /** The NoEcho parameters to write as references. */
  readonly noEchoKeys?: readonly string[];
  /** Tags; `aws:` ones (the service's) are left out. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly stackSetPreferences?: Omit<StackSetSubmission, 'operationType'>;
  readonly notificationArns?: readonly string[];
  /** Why something is not in the file (values that could not be read): comment lines above the product. */
  readonly notes?: readonly string[];
}

export interface ProductToSave extends SpecValues {
  readonly name: string;
  readonly productId: string;
  readonly versionId: string;
  readonly pathId?: string;
}

export interface SaveTarget {
  readonly productId: string;
  readonly provisioningArtifactId: string;
  readonly pathId?: string;
}

/** The user's tags (no `aws:` ones) as a map. */
export function userTags(tags: readonly { readonly Key?: string; readonly Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).flatMap((t) => (t.Key && !isSystemTagKey(t.Key) ? [[t.Key, t.Value ?? '']] : [])));
}

/** A provision form's submission (checked with the form's rules first): NoEcho values typed become references, never values. */
export function productToSaveOfSubmission(form: ProvisioningForm, submission: ProvisioningSubmission, target: SaveTarget): ProductToSave {
  const parameters: Record<string, string> = {};
  const noEchoKeys: string[] = [];
  for (const field of form.fields) {
    const value = givenValue(submission.parameters, field.key);
    // Empty is "not given": the default applies, as it would when provisioning.
    if (!value) continue;
    if (field.noEcho) noEchoKeys.push(field.key);
    else parameters[field.key] = value;
  }
  const { operationType: _update, ...stackSet } = submission.stackSet ?? {};
  return {
    name: submission.provisionedProductName ?? '',
    ...ids(target),
    parameters,
    ...(noEchoKeys.length ? { noEchoKeys } : {}),
    ...(submission.tags?.length ? { tags: Object.fromEntries(submission.tags.filter((t) => !isSystemTagKey(t.key)).map((t) => [t.key, t.value])) } : {}),
    ...(Object.keys(stackSet).length ? { stackSetPreferences: stackSet } : {}),
    ...(submission.notificationArns?.length ? { notificationArns: submission.notificationArns } : {}),
  };
}

/**
 * A provisioned product as it runs: the update form of its version in use (its values in use as the
 * stack reports them), and its tags. A value the service does not show is left out (an update keeps it)
 * and said in a note; `valuesNote` says why none could be read.
 */
export function productToSaveOfLive(name: string, target: SaveTarget, form: ProvisioningForm, tags: Readonly<Record<string, string>>, valuesNote?: string): ProductToSave {
  const parameters: Record<string, string> = {};
  const noEchoKeys: string[] = [];
  const unshown: string[] = [];
  for (const field of form.fields) {
    // Values that could not be read: every parameter is left out, NoEcho ones too, so applying keeps them all.
    if (valuesNote) continue;
    if (field.noEcho) noEchoKeys.push(field.key);
    else if (field.previousValue !== undefined) parameters[field.key] = field.previousValue;
    else if (field.canKeepPrevious) unshown.push(field.key);
  }
  const notes = [
    ...(valuesNote ? [`${valuesNote} The parameters are left out: applying this file keeps their values in use.`] : []),
    ...(unshown.length ? [`The values in use of ${unshown.join(', ')} are not shown by the service and are left out: applying this file keeps them.`] : []),
  ];
  return { name, ...ids(target), parameters, ...(noEchoKeys.length ? { noEchoKeys } : {}), ...(Object.keys(tags).length ? { tags } : {}), ...(notes.length ? { notes } : {}) };
}

function ids(target: SaveTarget): Pick<ProductToSave, 'productId' | 'versionId' | 'pathId'> {
  return { productId: target.productId, versionId: target.provisioningArtifactId, ...(target.pathId ? { pathId: target.pathId } : {}) };
}

/** What the catalog names: the products the user can launch, and the saved product's versions and launch paths. */
export interface CatalogNames {
  readonly products: readonly { readonly id: string; readonly name: string }[];
  readonly versions: readonly { readonly id: string; readonly name?: string }[];
  readonly launchPaths: readonly { readonly id: string; readonly name?: string }[];
}

/** The product with the names a spec file uses: a unique name, else the id (as the file's checks resolve them). */
export function stateOfProductToSave(product: ProductToSave, names: CatalogNames): ProvisionedProductState {
  const nameIn = <T extends { readonly id: string; readonly name?: string }>(items: readonly T[], id: string) => {
    const found = items.find((i) => i.id === id);
    return found ? new NamedIndex(items).nameOf(found) : id;
  };
  const { productId, versionId, pathId, ...values } = product;
  return {
    ...values,
    product: nameIn(names.products, productId),
    version: nameIn(names.versions, versionId),
    ...(pathId ? { launchPath: nameIn(names.launchPaths, pathId) } : {}),
  };
}
