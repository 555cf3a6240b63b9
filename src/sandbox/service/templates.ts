// The seed's text templates (output values, failure messages): `{name}` and `{name:arg}` filled in by
// the caller's `fill`; a placeholder it does not know becomes ''.
const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

export function fillTemplate(template: string, fill: (name: string, arg: string | undefined) => string | undefined): string {
  return template.replace(PLACEHOLDER, (_match, name: string, arg?: string) => fill(name, arg) ?? '');
}
