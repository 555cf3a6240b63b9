// Where a cursor stands in a spec file: on (or where there could be) a key of some section, or on the
// value of some key. Read from the same tolerant YAML tree as parseSpec, so a half-typed line
// (`    ver`, `product: `) still has a place; a cursor on a blank line belongs to the map whose keys
// start at its column.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseSpecDocument } from './parseSpec';
import type { SpecRange } from './specModel';

export type KeySection = 'top' | 'product' | 'parameters' | 'tags' | 'stackSetPreferences';
export type ValueField = 'product' | 'version' | 'launchPath' | 'parameter' | 'tag' | 'accounts' | 'regions';

export type SpecCursor =
  | {
    readonly kind: 'key'; readonly section: KeySection; readonly range: SpecRange;
    /** The keys the map has besides the one at the cursor. */
    readonly present: readonly string[];
    /** The start of the provisioned product's item (matches SpecProduct.range.start). */
    readonly productStart?: number;
  }
  | {
    readonly kind: 'value'; readonly field: ValueField; readonly range: SpecRange; readonly productStart: number;
    /** The parameter or tag key whose value it is. */
    readonly key?: string;
  };

type AnyPair = Pair<Node | null, Node | null>;

interface MapPlace {
  readonly map: YAMLMap<unknown, unknown>;
  readonly section: KeySection;
  readonly productStart?: number;
}

const SECTION_OF_KEY: Readonly<Record<string, KeySection>> = { parameters: 'parameters', tags: 'tags', stackSetPreferences: 'stackSetPreferences' };
const VALUE_OF_KEY: Readonly<Record<string, ValueField>> = { product: 'product', version: 'version', launchPath: 'launchPath' };

function contains(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

function isEmpty(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

function keyText(pair: AnyPair): string {
  return isScalar(pair.key) ? String(pair.key.value ?? '') : '';
}

function range(node: Node, offset: number): SpecRange {
  return node.range ? { start: node.range[0], end: node.range[1] } : { start: offset, end: offset };
}

/** Every map a key could be typed into, in document order. */
function mapPlaces(contents: Node | null): MapPlace[] {
  if (!isMap(contents)) return [];
  const places: MapPlace[] = [{ map: contents, section: 'top' }];
  const list = (contents.items as AnyPair[]).find((p) => keyText(p) === 'provisionedProducts')?.value;
  if (!isSeq(list)) return places;
  for (const item of list.items as (Node | null)[]) {
    if (!isMap(item) || !item.range) continue;
    const productStart = item.range[0];
    places.push({ map: item, section: 'product', productStart });
    for (const pair of item.items as AnyPair[]) {
      const section = SECTION_OF_KEY[keyText(pair)];
      if (section && isMap(pair.value)) places.push({ map: pair.value, section, productStart });
    }
  }
  return places;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function keyCursor(place: MapPlace, at: SpecRange, except?: AnyPair): SpecCursor {
  const present = (place.map.items as AnyPair[]).filter((p) => p !== except).map(keyText).filter(Boolean);
  return { kind: 'key', section: place.section, range: at, present, ...(place.productStart !== undefined ? { productStart: place.productStart } : {}) };
}

function valueField(place: MapPlace, key: string): ValueField | undefined {
  if (place.section === 'product') return VALUE_OF_KEY[key];
  if (place.section === 'parameters') return 'parameter';
  if (place.section === 'tags') return 'tag';
  if (place.section === 'stackSetPreferences' && (key === 'accounts' || key === 'regions')) return key;
  return undefined;
}

/** The cursor on a pair of the map: its key, its value, or a scalar standing where a section's map belongs. */
function onPair(text: string, place: MapPlace, pair: AnyPair, offset: number): SpecCursor | undefined {
  const key = keyText(pair);
  if (contains(pair.key, offset)) return keyCursor(place, range(pair.key!, offset), pair);
  const keyEnd = pair.key?.range?.[1] ?? -1;
  const onValue = contains(pair.value, offset) || (isEmpty(pair.value) && keyEnd >= 0 && offset > keyEnd && !text.slice(keyEnd, offset).includes('\n'));
  if (!onValue) return undefined;
  const at = pair.value && !isEmpty(pair.value) ? range(pair.value, offset) : { start: offset, end: offset };
  const productStart = place.productStart ?? -1;
  const section = place.section === 'product' ? SECTION_OF_KEY[key] : undefined;
  // `parameters:` followed by a half-typed key on the next line reads as a scalar value.
  if (section && isScalar(pair.value) && pair.value.value !== null && text.slice(keyEnd, offset).includes('\n')) {
    return { kind: 'key', section, range: at, present: [], productStart };
  }
  const field = valueField(place, key);
  if (!field) return undefined;
  if ((field === 'accounts' || field === 'regions') && isSeq(pair.value)) {
    const item = (pair.value.items as (Node | null)[]).find((i) => contains(i, offset));
    return { kind: 'value', field, range: item ? range(item, offset) : { start: offset, end: offset }, productStart };
  }
  return { kind: 'value', field, range: at, productStart, ...(place.section === 'parameters' || place.section === 'tags' ? { key } : {}) };
}

/** An empty list item (`- `) or a half-typed one (`- na`) under provisionedProducts: a product key. */
function onListItem(contents: Node | null, offset: number): SpecCursor | undefined {
  if (!isMap(contents)) return undefined;
  const list = (contents.items as AnyPair[]).find((p) => keyText(p) === 'provisionedProducts')?.value;
  if (!isSeq(list)) return undefined;
  for (const item of list.items as (Node | null)[]) {
    if (isScalar(item) && contains(item, offset)) {
      return { kind: 'key', section: 'product', range: item.value === null ? { start: offset, end: offset } : range(item, offset), present: [], productStart: item.range![0] };
    }
  }
  return undefined;
}

/** Under a section key with nothing yet (`tags:` then a new, deeper line): that section's first key. */
function underEmptySection(text: string, places: readonly MapPlace[], offset: number, column: number): SpecCursor | undefined {
  for (const place of places) {
    if (place.section !== 'product') continue;
    for (const pair of place.map.items as AnyPair[]) {
      const section = SECTION_OF_KEY[keyText(pair)];
      const keyRange = pair.key?.range;
      if (!section || !isEmpty(pair.value) || !keyRange || keyRange[1] >= offset) continue;
      const deeper = column > keyRange[0] - lineStart(text, keyRange[0]);
      if (deeper && text.slice(keyRange[1], offset).replace(':', '').trim() === '') {
        return { kind: 'key', section, range: { start: offset, end: offset }, present: [], productStart: place.productStart ?? -1 };
      }
    }
  }
  return undefined;
}

/** On a blank line (or at its indentation): the last map before the cursor whose keys start at the cursor's column. */
function onBlankLine(text: string, places: readonly MapPlace[], offset: number): SpecCursor | undefined {
  const start = lineStart(text, offset);
  if (text.slice(start, offset).trim() !== '') return undefined;
  const column = offset - start;
  const at = { start: offset, end: offset };
  const section = underEmptySection(text, places, offset, column);
  if (section) return section;
  for (let i = places.length - 1; i >= 0; i--) {
    const first = (places[i].map.items as AnyPair[])[0]?.key?.range?.[0];
    if (first === undefined || first >= offset) continue;
    if (first - lineStart(text, first) === column) return keyCursor(places[i], at);
  }
  return undefined;
}

export function cursorAt(text: string, offset: number): SpecCursor | undefined {
  try {
    const contents = parseSpecDocument(text).contents;
    if (isEmpty(contents)) return { kind: 'key', section: 'top', range: { start: offset, end: offset }, present: [] };
    const places = mapPlaces(contents);
    // Innermost first: section maps come after their product's map.
    for (let i = places.length - 1; i >= 0; i--) {
      for (const pair of places[i].map.items as AnyPair[]) {
        const cursor = onPair(text, places[i], pair, offset);
        if (cursor) return cursor;
      }
    }
    return onListItem(contents, offset) ?? onBlankLine(text, places, offset);
  } catch {
    return undefined;
  }
}
