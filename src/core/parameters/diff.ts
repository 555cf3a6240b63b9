// What changes in the parameters when a provisioned product moves to another version.
import type { ProvisioningArtifactParameter } from '@aws-sdk/client-service-catalog';

export interface ParameterChange {
  readonly key: string;
  /** What differs: "type", "default", "noEcho", "constraints", "description". */
  readonly aspects: readonly string[];
}

export interface ParameterDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly ParameterChange[];
}

function constraintsKey(parameter: ProvisioningArtifactParameter): string {
  const c = parameter.ParameterConstraints ?? {};
  return JSON.stringify([c.AllowedValues ?? [], c.AllowedPattern, c.MinLength, c.MaxLength, c.MinValue, c.MaxValue]);
}

function changedAspects(before: ProvisioningArtifactParameter, after: ProvisioningArtifactParameter): string[] {
  const aspects: [string, boolean][] = [
    ['type', (before.ParameterType ?? 'String') !== (after.ParameterType ?? 'String')],
    ['default', before.DefaultValue !== after.DefaultValue],
    ['noEcho', (before.IsNoEcho ?? false) !== (after.IsNoEcho ?? false)],
    ['constraints', constraintsKey(before) !== constraintsKey(after)],
    ['description', (before.Description ?? '') !== (after.Description ?? '')],
  ];
  return aspects.filter(([, differs]) => differs).map(([name]) => name);
}

function byKey(parameters: readonly ProvisioningArtifactParameter[]): Map<string, ProvisioningArtifactParameter> {
  return new Map(parameters.filter((p) => p.ParameterKey).map((p) => [p.ParameterKey!, p]));
}

export function diffParameters(
  oldParameters: readonly ProvisioningArtifactParameter[], newParameters: readonly ProvisioningArtifactParameter[],
): ParameterDiff {
  const before = byKey(oldParameters);
  const after = byKey(newParameters);
  const changed: ParameterChange[] = [];
  for (const [key, parameter] of after) {
    const previous = before.get(key);
    const aspects = previous ? changedAspects(previous, parameter) : [];
    if (aspects.length) changed.push({ key, aspects });
  }
  return {
    added: [...after.keys()].filter((key) => !before.has(key)),
    removed: [...before.keys()].filter((key) => !after.has(key)),
    changed,
  };
}
