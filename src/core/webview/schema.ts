// A few composable shape checks for untrusted JSON from a webview. Each returns an error text or
// undefined. Sizes are bounded so a misbehaving page cannot make the host do unbounded work.

export type Check = (value: unknown, path: string) => string | undefined;

export const MAX_TEXT = 4096;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

export const text =
  (max = MAX_TEXT): Check =>
  (value, path) =>
    typeof value !== 'string' ? `${path} must be a string` : value.length > max ? `${path} is longer than ${max} characters` : undefined;

/** Ids (product, version, path, plan, action): short, no control characters. */
export const id: Check = (value, path) => {
  const error = text(100)(value, path);
  if (error) return error;
  return /^[\w.:/-]+$/.test(value as string) ? undefined : `${path} is not an id`;
};

export const literal =
  (...allowed: readonly string[]): Check =>
  (value, path) =>
    allowed.includes(value as string) ? undefined : `${path} must be one of ${allowed.join(', ')}`;

export const textOrNumber =
  (max = 32): Check =>
  (value, path) =>
    typeof value === 'number' ? (Number.isFinite(value) ? undefined : `${path} must be finite`) : text(max)(value, path);

export const optional =
  (check: Check): Check =>
  (value, path) =>
    value === undefined ? undefined : check(value, path);

export const array =
  (item: Check, max: number): Check =>
  (value, path) => {
    if (!Array.isArray(value)) return `${path} must be a list`;
    if (value.length > max) return `${path} has more than ${max} items`;
    for (let i = 0; i < value.length; i++) {
      const error = item(value[i], `${path}[${i}]`);
      if (error) return error;
    }
    return undefined;
  };

/** A string-keyed map of `item`, at most `maxKeys` keys of at most 255 characters. */
export const record =
  (item: Check, maxKeys: number): Check =>
  (value, path) => {
    if (!isPlainObject(value)) return `${path} must be an object`;
    const keys = Object.keys(value);
    if (keys.length > maxKeys) return `${path} has more than ${maxKeys} keys`;
    for (const key of keys) {
      if (key.length > 255) return `${path} has a key longer than 255 characters`;
      const error = item(value[key], `${path}.${key}`);
      if (error) return error;
    }
    return undefined;
  };

/** Exactly these properties (optional ones via `optional`); anything else is rejected. */
export const object =
  (shape: Readonly<Record<string, Check>>): Check =>
  (value, path) => {
    if (!isPlainObject(value)) return `${path} must be an object`;
    const extra = Object.keys(value).find((key) => !Object.prototype.hasOwnProperty.call(shape, key));
    if (extra !== undefined) return `${path} has an unexpected property "${extra.slice(0, 40)}"`;
    for (const [key, check] of Object.entries(shape)) {
      const error = check(value[key], `${path}.${key}`);
      if (error) return error;
    }
    return undefined;
  };
