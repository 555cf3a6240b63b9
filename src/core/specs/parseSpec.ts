// Spec file text → provisioned products with the source range of every key and value, and the
// structural problems (YAML syntax, unknown keys, wrong types, duplicates, missing fields). JSON is
// YAML, so one parser reads both. Never throws: whatever the text, the answer is products and problems.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import {
  PRODUCT_KEYS, referenceOf, STACK_SET_KEYS, STACK_SET_NUMBER_KEYS, TOP_LEVEL_KEYS, type ParsedSpec, type SpecEntry, type SpecProblem,
  type SpecProblemCode, type SpecProduct, type SpecRange, type SpecSection, type SpecStackSet, type SpecValue,
} from './specModel';
import { closestMatch, didYouMean } from './suggest';

type SpecDocument = ReturnType<typeof parseDocument>;

/** The last text parsed and its tree: diagnostics, completions and hovers of one edit read the same text, parsed once. */
let lastParsed: { readonly text: string; readonly doc: SpecDocument } | undefined;

/** The YAML tree of a spec, with the options every reader uses (the tree is never changed). */
export function parseSpecDocument(text: string): SpecDocument {
  if (lastParsed?.text === text) return lastParsed.doc;
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false, prettyErrors: false, strict: false });
  lastParsed = { text, doc };
  return doc;
}

export function rangeOf(node: Node | null | undefined, fallback: SpecRange): SpecRange {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : fallback;
}

class Problems {
  readonly list: SpecProblem[] = [];

  add(range: SpecRange, code: SpecProblemCode, message: string, suggestion?: string): void {
    this.list.push({ range, severity: 'error', code, message, ...(suggestion !== undefined ? { suggestion } : {}) });
  }
}

/** A scalar's text: plain scalars as written (so 1.10, 012 and true keep their spelling), others as parsed; null is ''. */
function scalarText(node: Node): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return '';
  if (node.type === 'PLAIN' && typeof node.source === 'string') return node.source;
  return String(node.value);
}

function typeName(node: Node | null): string {
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias (aliases are not supported in spec files)';
  return 'a value';
}

interface KeyedPair {
  readonly key: string;
  readonly keyRange: SpecRange;
  readonly pair: Pair<Node | null, Node | null>;
}

/** The pairs of a map whose keys are scalars; other keys and repeated keys are problems. */
function pairsOf(map: YAMLMap<unknown, unknown>, problems: Problems, fallback: SpecRange): KeyedPair[] {
  const seen = new Set<string>();
  const pairs: KeyedPair[] = [];
  for (const pair of map.items as Pair<Node | null, Node | null>[]) {
    const keyRange = rangeOf(pair.key, fallback);
    const key = pair.key ? scalarText(pair.key) : undefined;
    if (key === undefined || key === '') {
      problems.add(keyRange, 'wrong-type', 'A key must be a name.');
      continue;
    }
    if (seen.has(key)) {
      problems.add(keyRange, 'duplicate-key', `"${key}" is given twice: the second one would win in YAML; remove one.`);
      continue;
    }
    seen.add(key);
    pairs.push({ key, keyRange, pair });
  }
  return pairs;
}

function unknownKey(entry: KeyedPair, known: readonly string[], where: string, problems: Problems): void {
  const suggestion = closestMatch(entry.key, known);
  problems.add(entry.keyRange, 'unknown-key', `"${entry.key}" is not a key of ${where}.${didYouMean(suggestion)}`, suggestion);
}

function valueRange(entry: KeyedPair): SpecRange {
  // An empty value (`key:`) has no node: point just after the key.
  return rangeOf(entry.pair.value, { start: entry.keyRange.end, end: entry.keyRange.end });
}

function scalarValue(entry: KeyedPair, problems: Problems): SpecValue | undefined {
  const range = valueRange(entry);
  const text = entry.pair.value ? scalarText(entry.pair.value) : '';
  if (text === undefined) {
    problems.add(range, 'wrong-type', `${entry.key} must be a single value, not ${typeName(entry.pair.value)}.`);
    return undefined;
  }
  return { value: text, keyRange: entry.keyRange, range };
}

function mapSection(entry: KeyedPair, problems: Problems, itemKind: string): SpecSection<SpecEntry> | undefined {
  const node = entry.pair.value;
  const range = valueRange(entry);
  if (node === null || (isScalar(node) && node.value === null)) return { keyRange: entry.keyRange, range, items: [] };
  if (!isMap(node)) {
    problems.add(range, 'wrong-type', `${entry.key} must be a map of ${itemKind} (key: value), not ${typeName(node)}.`);
    return undefined;
  }
  const items: SpecEntry[] = [];
  for (const pair of pairsOf(node, problems, range)) {
    const value = scalarValue(pair, problems);
    if (!value) continue;
    const reference = referenceOf(value.value);
    items.push({ key: pair.key, ...value, ...(reference ? { reference } : {}) });
  }
  return { keyRange: entry.keyRange, range, items };
}

function listSection(entry: KeyedPair, problems: Problems): SpecSection<SpecValue> | undefined {
  const node = entry.pair.value;
  const range = valueRange(entry);
  if (node === null || (isScalar(node) && node.value === null)) return { keyRange: entry.keyRange, range, items: [] };
  if (!isSeq(node)) {
    problems.add(range, 'wrong-type', `${entry.key} must be a list, not ${typeName(node)}.`);
    return undefined;
  }
  const items: SpecValue[] = [];
  for (const item of node.items as (Node | null)[]) {
    const itemRange = rangeOf(item, range);
    const text = item ? scalarText(item) : '';
    if (text === undefined) problems.add(itemRange, 'wrong-type', `Each item of ${entry.key} must be a single value, not ${typeName(item)}.`);
    else items.push({ value: text, keyRange: entry.keyRange, range: itemRange });
  }
  return { keyRange: entry.keyRange, range, items };
}

function stackSetSection(entry: KeyedPair, problems: Problems): SpecStackSet | undefined {
  const node = entry.pair.value;
  const range = valueRange(entry);
  if (node === null || (isScalar(node) && node.value === null)) return { keyRange: entry.keyRange, range };
  if (!isMap(node)) {
    problems.add(range, 'wrong-type', `stackSetPreferences must be a map (accounts, regions, …), not ${typeName(node)}.`);
    return undefined;
  }
  const section: { -readonly [K in keyof SpecStackSet]: SpecStackSet[K] } = { keyRange: entry.keyRange, range };
  for (const pair of pairsOf(node, problems, range)) {
    if (pair.key === 'accounts' || pair.key === 'regions') {
      const list = listSection(pair, problems);
      if (list) section[pair.key] = list;
    } else if ((STACK_SET_NUMBER_KEYS as readonly string[]).includes(pair.key)) {
      const value = scalarValue(pair, problems);
      if (value) section[pair.key as typeof STACK_SET_NUMBER_KEYS[number]] = value;
    } else {
      unknownKey(pair, STACK_SET_KEYS, 'stackSetPreferences', problems);
    }
  }
  return section;
}

type MutableProduct = { -readonly [K in keyof SpecProduct]: SpecProduct[K] };

function productField(product: MutableProduct, entry: KeyedPair, problems: Problems): void {
  switch (entry.key) {
    case 'name': case 'product': case 'version': case 'launchPath': {
      const value = scalarValue(entry, problems);
      if (value) product[entry.key] = value;
      return;
    }
    case 'parameters': case 'tags': {
      const section = mapSection(entry, problems, entry.key);
      if (section) product[entry.key] = section;
      return;
    }
    case 'stackSetPreferences': {
      const section = stackSetSection(entry, problems);
      if (section) product.stackSetPreferences = section;
      return;
    }
    case 'notificationArns': {
      const list = listSection(entry, problems);
      if (list) product.notificationArns = list;
      return;
    }
    default:
      unknownKey(entry, PRODUCT_KEYS, 'a provisioned product', problems);
  }
}

function parseProduct(node: Node | null, fallback: SpecRange, problems: Problems): SpecProduct | undefined {
  const range = rangeOf(node, fallback);
  if (!isMap(node)) {
    problems.add(range, 'wrong-type', `Each item of provisionedProducts must be a map (name, product, version, …), not ${typeName(node)}.`);
    return undefined;
  }
  const pairs = pairsOf(node, problems, range);
  const nameKey = pairs.find((p) => p.key === 'name')?.keyRange;
  const product: MutableProduct = { range, anchor: nameKey ?? pairs[0]?.keyRange ?? { start: range.start, end: range.start } };
  for (const entry of pairs) productField(product, entry, problems);
  for (const required of ['name', 'product', 'version'] as const) {
    if (product[required] === undefined || product[required].value === '') {
      problems.add(product[required]?.range ?? product.anchor, 'missing-field', `A provisioned product needs a ${required}.`);
    }
  }
  return product;
}

function reportDuplicateNames(products: readonly SpecProduct[], problems: Problems): void {
  const seen = new Set<string>();
  for (const { name } of products) {
    if (!name?.value) continue;
    if (seen.has(name.value)) problems.add(name.range, 'duplicate-name', `"${name.value}" is declared twice in this file: each provisioned product once.`);
    seen.add(name.value);
  }
}

function parseProducts(entry: KeyedPair, problems: Problems): SpecProduct[] {
  const node = entry.pair.value;
  const range = valueRange(entry);
  if (node === null || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) {
    problems.add(range, 'wrong-type', `provisionedProducts must be a list, not ${typeName(node)}.`);
    return [];
  }
  return (node.items as (Node | null)[]).flatMap((item) => parseProduct(item, range, problems) ?? []);
}

function parseTopLevel(contents: Node | null, problems: Problems, whole: SpecRange): SpecProduct[] {
  if (contents === null || (isScalar(contents) && contents.value === null)) return [];
  if (!isMap(contents)) {
    problems.add(rangeOf(contents, whole), 'wrong-type', 'A spec file is a map with a provisionedProducts list.');
    return [];
  }
  let products: SpecProduct[] = [];
  const pairs = pairsOf(contents, problems, whole);
  for (const entry of pairs) {
    if (entry.key === 'provisionedProducts') products = parseProducts(entry, problems);
    else if (entry.key === '$schema') continue;
    else if ((PRODUCT_KEYS as readonly string[]).includes(entry.key)) {
      problems.add(entry.keyRange, 'unknown-key', `"${entry.key}" belongs to a provisioned product: list each one under provisionedProducts (- name: …).`);
    } else unknownKey(entry, TOP_LEVEL_KEYS, 'a spec file', problems);
  }
  if (pairs.length && !pairs.some((p) => p.key === 'provisionedProducts')) {
    problems.add(pairs[0].keyRange, 'missing-field', 'A spec file lists its provisioned products under provisionedProducts.');
  }
  reportDuplicateNames(products, problems);
  return products;
}

export function parseSpec(text: string): ParsedSpec {
  const problems = new Problems();
  const whole = { start: 0, end: text.length };
  try {
    const doc = parseSpecDocument(text);
    for (const error of [...doc.errors, ...doc.warnings]) {
      const [start, end] = error.pos;
      problems.list.push({
        range: { start, end: Math.max(end, start) }, severity: doc.errors.includes(error) ? 'error' : 'warning', code: 'syntax',
        message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
      });
    }
    const products = parseTopLevel(doc.contents, problems, whole);
    return { products, problems: problems.list };
  } catch (error) {
    // The parser is not known to throw; should it, the file is reported, not the editor broken.
    problems.add(whole, 'syntax', `The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return { products: [], problems: problems.list };
  }
}
