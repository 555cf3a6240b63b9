// "Save as Spec File": a provisioned product's current state as spec text that parseSpec reads back to
// the same product. NoEcho values are never written: their parameters get `${prompt}`.
import { Document } from 'yaml';
import { referenceText, STACK_SET_NUMBER_KEYS, type StackSetNumberKey } from './specModel';

export interface ProvisionedProductState {
  readonly name: string;
  /** The product's name (or id where its name is not unique). */
  readonly product: string;
  readonly version: string;
  readonly launchPath?: string;
  /** The parameter values in use; NoEcho ones (masked or not) are never written. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly noEchoKeys?: readonly string[];
  /** Tags; `aws:` ones (the service's) are left out. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly stackSetPreferences?: {
    readonly accounts?: readonly string[];
    readonly regions?: readonly string[];
  } & Partial<Readonly<Record<StackSetNumberKey, string | number>>>;
  readonly notificationArns?: readonly string[];
}

function productObject(state: ProvisionedProductState): Record<string, unknown> {
  const noEcho = new Set(state.noEchoKeys ?? []);
  const parameters = Object.fromEntries(Object.entries(state.parameters).map(([key, value]) => [key, noEcho.has(key) ? referenceText({ kind: 'prompt' }) : value]));
  const tags = Object.fromEntries(Object.entries(state.tags ?? {}).filter(([key]) => !key.toLowerCase().startsWith('aws:')));
  const stackSet = state.stackSetPreferences;
  const preferences = stackSet && {
    ...(stackSet.accounts?.length ? { accounts: [...stackSet.accounts] } : {}),
    ...(stackSet.regions?.length ? { regions: [...stackSet.regions] } : {}),
    ...Object.fromEntries(STACK_SET_NUMBER_KEYS.flatMap((key) => (stackSet[key] !== undefined ? [[key, String(stackSet[key])]] : []))),
  };
  return {
    name: state.name,
    product: state.product,
    version: state.version,
    ...(state.launchPath ? { launchPath: state.launchPath } : {}),
    ...(Object.keys(parameters).length ? { parameters } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
    ...(preferences && Object.keys(preferences).length ? { stackSetPreferences: preferences } : {}),
    ...(state.notificationArns?.length ? { notificationArns: [...state.notificationArns] } : {}),
  };
}

/** Spec text declaring these provisioned products. Strings stay strings: "2" is written quoted, so it reads back as "2". */
export function specOfProvisionedProducts(states: readonly ProvisionedProductState[]): string {
  const doc = new Document({ provisionedProducts: states.map(productObject) });
  doc.commentBefore = ' Service Catalog spec file: the provisioned products below, as they should be (see the README, "Spec files").';
  return doc.toString({ lineWidth: 0 });
}

export function specOfProvisionedProduct(state: ProvisionedProductState): string {
  return specOfProvisionedProducts([state]);
}
