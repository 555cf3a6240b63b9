// Id-keyed state as JSON-safe objects without a prototype, so an id a client sends (`__proto__`,
// `constructor`, `toString`…) is only ever a key that is there or not, never Object.prototype or
// one of its members.
import type { Dictionary } from './types';

export function emptyDictionary<T>(): Dictionary<T> {
  return Object.create(null) as Dictionary<T>;
}

/** A null-prototype copy of parsed JSON (whose objects inherit from Object.prototype), own keys only. */
export function toDictionary<T>(source: Dictionary<T>): Dictionary<T> {
  // Assigning onto a null-prototype object makes even a "__proto__" key an ordinary own entry.
  return Object.assign(emptyDictionary<T>(), source);
}

export function lookup<T>(dictionary: Dictionary<T>, key: string): T | undefined {
  return Object.hasOwn(dictionary, key) ? dictionary[key] : undefined;
}
