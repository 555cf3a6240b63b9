// A spec product against the provisioned product of its name as it runs: what applying it would
// change (version, path, parameters, tags), whether it would change anything at all, and both sides as
// text for a diff editor. NoEcho values are never compared or shown: the stack masks them and the
// file holds references. Pure: the VS Code layer reads the live state.
import type { ProvisioningForm } from '../parameters/formModel';
import { inert } from '../untrustedText';
import { catalogIndex, type CatalogSnapshot } from './catalogSnapshot';
import type { SpecProduct } from './specModel';
import type { SpecSubmission } from './specSubmission';
import type { SpecTarget } from './validateSpec';

/** The provisioned product as it runs now. */
export interface LiveState {
  readonly versionId: string;
  readonly pathId?: string;
  /** The values in use (DescribeStacks) of the parameters that show; undefined when they could not be read. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** The user's tags in use (no `aws:` ones). */
  readonly tags: Readonly<Record<string, string>>;
}

export type SpecChange =
  | { readonly kind: 'version'; readonly from: string; readonly to: string }
  | { readonly kind: 'path'; readonly from?: string; readonly to: string }
  | { readonly kind: 'parameter'; readonly key: string; readonly from?: string; readonly to: string }
  | { readonly kind: 'tags' };

/** What the service masks and the file never holds: shown as this on both sides. */
export const MASKED = '****';

/** Parameters the file sets by value whose value in use differs (or is unknown), in file order. */
function parameterChanges(spec: SpecProduct, form: ProvisioningForm, live: LiveState): SpecChange[] {
  const noEcho = new Set(form.fields.filter((f) => f.noEcho).map((f) => f.key));
  return (spec.parameters?.items ?? [])
    .filter((entry) => !entry.reference && !noEcho.has(entry.key))
    .filter((entry) => live.parameters?.[entry.key] !== entry.value)
    .map((entry) => ({ kind: 'parameter', key: entry.key, ...(live.parameters && Object.hasOwn(live.parameters, entry.key) ? { from: live.parameters[entry.key] } : {}), to: entry.value }));
}

/**
 * What applying the spec would change. Empty: the file matches what runs (NoEcho references are not
 * compared: their values cannot be read back), so applying it sends nothing.
 */
export function specChanges(spec: SpecProduct, target: SpecTarget, form: ProvisioningForm, built: SpecSubmission, live: LiveState): SpecChange[] {
  const changes: SpecChange[] = [];
  if (target.version.id !== live.versionId) changes.push({ kind: 'version', from: live.versionId, to: target.version.id });
  if (spec.launchPath && target.pathId && target.pathId !== live.pathId) changes.push({ kind: 'path', ...(live.pathId ? { from: live.pathId } : {}), to: target.pathId });
  changes.push(...parameterChanges(spec, form, live));
  if (built.submission.tags) changes.push({ kind: 'tags' });
  return changes;
}

/** One line per change, for a confirmation or a summary (service text made inert). */
export function describeChanges(changes: readonly SpecChange[], nameOfVersion: (id: string) => string): string {
  return changes.map((c) => {
    switch (c.kind) {
      case 'version': return `version ${inert(nameOfVersion(c.from), 'line')} → ${inert(nameOfVersion(c.to), 'line')}`;
      case 'path': return `launch path → ${inert(c.to, 'line')}`;
      case 'parameter': return `${inert(c.key, 'line')}: ${c.from === undefined ? '(not read)' : inert(c.from, 'line', { maxLength: 80 })} → ${inert(c.to, 'line', { maxLength: 80 })}`;
      case 'tags': return 'tags';
    }
  }).join('; ');
}

export interface DiffTexts {
  readonly live: string;
  readonly file: string;
}

const line = (key: string, value: string) => `  ${inert(key, 'line')}: ${inert(value, 'line', { maxLength: 4096 })}`;

/**
 * Both sides in one layout, for a diff editor: version, then every parameter of the version (a
 * parameter the file leaves out keeps its value in use, so it shows the same on both sides; one the
 * version adds shows its default), then tags.
 */
export function diffTexts(spec: SpecProduct, target: SpecTarget, form: ProvisioningForm, live: LiveState, facts: CatalogSnapshot): DiffTexts {
  const versions = catalogIndex(facts).versions(target.product);
  const versionName = (id: string) => {
    const version = target.product.versions.find((v) => v.id === id);
    return version ? versions.nameOf(version) : id;
  };
  const listed = new Map((spec.parameters?.items ?? []).map((e) => [e.key, e]));
  const fields = new Map(form.fields.map((f) => [f.key, f]));
  // A parameter the file's version adds has no value in use (nothing to keep): the update sends none, so the template's default applies.
  const added = (key: string) => fields.get(key)?.canKeepPrevious === false;
  const liveValue = (key: string) => (added(key) ? '(not in the version in use)' : live.parameters?.[key] ?? '(not read)');
  const keys = [...new Set([...fields.keys(), ...listed.keys()])];
  const noEcho = new Set(form.fields.filter((f) => f.noEcho).map((f) => f.key));
  const fileValue = (key: string) => {
    const entry = listed.get(key);
    if (entry) return entry.value;
    const defaultValue = fields.get(key)?.defaultValue;
    if (added(key)) return defaultValue !== undefined ? `${defaultValue} (default)` : '(no value)';
    return liveValue(key);
  };
  const fileTags = Object.fromEntries((spec.tags?.items ?? []).map((e) => [e.key, e.value]));
  const side = (version: string, value: (key: string) => string, tags: Readonly<Record<string, string>>) => [
    `name: ${inert(spec.name?.value ?? '', 'line')}`,
    `product: ${inert(target.product.name, 'line')}`,
    `version: ${inert(version, 'line')}`,
    'parameters:',
    ...keys.map((key) => line(key, noEcho.has(key) ? MASKED : value(key))),
    'tags:',
    ...Object.keys(tags).sort().map((key) => line(key, tags[key])),
    '',
  ].join('\n');
  return {
    live: side(versionName(live.versionId), liveValue, live.tags),
    // A file without tags keeps the tags in use.
    file: side(versionName(target.version.id), fileValue, spec.tags ? fileTags : live.tags),
  };
}
