// "Save as Spec File": provisioned products (as they run, or as a provision form holds them) as spec
// text that parseSpec reads back to the same products. NoEcho values are never written: each NoEcho
// parameter gets a `${env:NAME}` reference, with a comment saying where its value comes from.
import { Document, isMap, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { envNameFor, referenceText, STACK_SET_NUMBER_KEYS, type StackSetNumberKey } from './specModel';
import { isSystemTagKey } from '../products/systemTags';
import type { SpecValues } from './specToSave';

export interface ProvisionedProductState extends SpecValues {
  readonly name: string;
  /** The product's name (or id where its name is not unique). */
  readonly product: string;
  readonly version: string;
  readonly launchPath?: string;
}

export type StackSetPreferences = NonNullable<SpecValues['stackSetPreferences']>;

/** The default name of a saved spec file: the provisioned product's name (one), else a generic one. */
export function specFileNameFor(names: readonly string[]): string {
  const base = names.length === 1 ? names[0].replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '') : '';
  return `${base || 'provisioned-products'}.servicecatalog.yaml`;
}

/**
 * The environment variable of each product's NoEcho parameters: the key's, prefixed by the product's
 * name where two parameters would share it, and numbered where even that is not unique (keys that
 * differ in case only, product names that differ in punctuation), so no two secrets read one variable.
 */
function envNames(states: readonly ProvisionedProductState[]): Map<ProvisionedProductState, Map<string, string>> {
  const uses = new Map<string, number>();
  const noEchoKeys = (state: ProvisionedProductState) => [...new Set(state.noEchoKeys ?? [])];
  for (const state of states) for (const key of noEchoKeys(state)) uses.set(envNameFor(key), (uses.get(envNameFor(key)) ?? 0) + 1);
  const taken = new Set<string>();
  const unique = (name: string) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}_${n}`;
    taken.add(candidate);
    return candidate;
  };
  return new Map(states.map((state) => [state, new Map(noEchoKeys(state).map((key) => {
    const shared = (uses.get(envNameFor(key)) ?? 0) > 1;
    return [key, unique(shared ? envNameFor(`${state.name}_${key}`) : envNameFor(key))];
  }))]));
}

function parametersOf(state: ProvisionedProductState, env: ReadonlyMap<string, string>): Record<string, string> {
  const parameters: Record<string, string> = {};
  // NoEcho keys keep their place among the others; whatever value they came with is replaced.
  for (const [key, value] of Object.entries(state.parameters)) parameters[key] = env.has(key) ? '' : value;
  for (const [key, name] of env) parameters[key] = referenceText({ kind: 'env', name });
  return parameters;
}

function stackSetOf(stackSet: StackSetPreferences | undefined): Record<string, unknown> | undefined {
  if (!stackSet) return undefined;
  const preferences = {
    ...(stackSet.accounts?.length ? { accounts: [...stackSet.accounts] } : {}),
    ...(stackSet.regions?.length ? { regions: [...stackSet.regions] } : {}),
    ...Object.fromEntries(STACK_SET_NUMBER_KEYS.flatMap((key: StackSetNumberKey) => (stackSet[key] !== undefined && stackSet[key] !== '' ? [[key, String(stackSet[key])]] : []))),
  };
  return Object.keys(preferences).length ? preferences : undefined;
}

function productObject(state: ProvisionedProductState, env: ReadonlyMap<string, string>): Record<string, unknown> {
  const parameters = parametersOf(state, env);
  const tags = Object.fromEntries(Object.entries(state.tags ?? {}).filter(([key]) => !isSystemTagKey(key)));
  const preferences = stackSetOf(state.stackSetPreferences);
  return {
    name: state.name,
    product: state.product,
    version: state.version,
    ...(state.launchPath ? { launchPath: state.launchPath } : {}),
    ...(Object.keys(parameters).length ? { parameters } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
    ...(preferences ? { stackSetPreferences: preferences } : {}),
    ...(state.notificationArns?.length ? { notificationArns: [...state.notificationArns] } : {}),
  };
}

/** One line of a comment: what the file holds never breaks out of it. */
const commentLine = (text: string) => ` ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;

/** The product's notes above it, and above each NoEcho parameter where its value comes from. */
function annotate(item: YAMLMap, state: ProvisionedProductState, env: ReadonlyMap<string, string>): void {
  if (state.notes?.length) item.commentBefore = state.notes.map(commentLine).join('\n');
  const parameters = item.get('parameters', true);
  if (!isMap(parameters)) return;
  for (const pair of parameters.items as Pair<Scalar, unknown>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const name = key === undefined ? undefined : env.get(key);
    if (name === undefined || !isScalar(pair.key)) continue;
    pair.key.commentBefore = commentLine(`${key} is NoEcho: its value is never written here. Applying reads the environment variable ${name}; write ${referenceText({ kind: 'prompt' })} to be asked instead, or (an update) remove the line to keep the value in use.`);
  }
}

export type SpecFormat = 'yaml' | 'json';

/** The format a spec file's name calls for (a `.servicecatalog.json` file is written as JSON). */
export function specFormatOf(fileName: string): SpecFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

/**
 * Spec text declaring these provisioned products. Strings stay strings: "2" is written quoted, so it
 * reads back as "2". JSON has no comments: there, the notes and the NoEcho explanations are left out.
 */
export function specOfProvisionedProducts(states: readonly ProvisionedProductState[], format: SpecFormat = 'yaml'): string {
  const env = envNames(states);
  const contents = { provisionedProducts: states.map((state) => productObject(state, env.get(state)!)) };
  if (format === 'json') return `${JSON.stringify(contents, null, 2)}\n`;
  const doc = new Document(contents);
  doc.commentBefore = ' Service Catalog spec file: the provisioned products below, as they should be (see the README, "Spec files").';
  const list = doc.get('provisionedProducts', true) as { items: unknown[] };
  states.forEach((state, i) => {
    const item = list.items[i];
    if (isMap(item)) annotate(item, state, env.get(state)!);
  });
  return doc.toString({ lineWidth: 0 });
}

export function specOfProvisionedProduct(state: ProvisionedProductState): string {
  return specOfProvisionedProducts([state]);
}
