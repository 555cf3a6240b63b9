// extension.js and the bundles it requires on first use (dist/forms.js, dist/cloudformation.js…) each
// hold their own copy of the modules they share, so an error made with one copy's class is no
// `instanceof` the other copy's class. A class whose instances cross bundles marks them with a global
// symbol and answers `instanceof` by the mark: a name alone would match a service error of that name.

function mark(key: string): symbol {
  return Symbol.for(`serviceCatalogExplorer.${key}`);
}

/** Marks an instance of the class `key` (in its constructor). */
export function markCrossBundle(instance: object, key: string): void {
  Object.defineProperty(instance, mark(key), { value: true });
}

/** Whether `value` was made by the class `key` of any bundle: the class's `static [Symbol.hasInstance]`. */
export function isCrossBundle(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[mark(key)] === true;
}
