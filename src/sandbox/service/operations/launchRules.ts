// Rules shared by ProvisionProduct, UpdateProvisionedProduct and plans: parameters, TagOptions,
// stack-set preferences and how long / how well the fake CloudFormation does the work.
import type { OpEnv } from '../env';
import { fail } from '../errors';
import { resolveParameters, type ProvidedParameter } from '../parameters';
import { fillTemplate } from '../templates';
import type { TimelinePlan } from '../timeline';
import { launchRoleFor } from '../lookup';
import type { Artifact, ParameterValue, Portfolio, Product, ProvisionedProduct, StackSetPreferences, Tag } from '../types';

export function requireActive(env: OpEnv, artifact: Artifact): void {
  if (!artifact.active) fail(env.operation, 'invalidParameters', `Provisioning artifact ${artifact.id}${artifact.name ? ` (${artifact.name})` : ''} is not active.`);
}

/**
 * Terraform and External products need a launch role: without a LAUNCH constraint end users cannot
 * provision them (admin guide, "Add a Launch constraint to your Terraform product"). The wording
 * is the Terraform engine's ("LaunchRoleArn is required and must be non empty",
 * aws-samples/service-catalog-engine-for-terraform-os#53); the exception type is the sandbox's choice.
 */
export function requireLaunchRole(env: OpEnv, product: Product, portfolio: Portfolio): void {
  if (product.type === 'CLOUD_FORMATION_TEMPLATE' || product.type === 'MARKETPLACE') return;
  if (!launchRoleFor(product, portfolio.id)) {
    fail(env.operation, 'invalidParameters', `LaunchRoleArn is required and must be non empty: product ${product.id} has no launch constraint in portfolio ${portfolio.id}.`);
  }
}

/**
 * Changing the tags of a provisioned product needs a RESOURCE_UPDATE constraint allowing it on the
 * launch path (tagUpdateOnProvisionedProduct ALLOWED). The service's wording for the refusal could
 * not be found: this InvalidParametersException and its message are the sandbox's.
 */
export function requireTagUpdatesAllowed(env: OpEnv, product: Product, portfolio: Portfolio, pp: ProvisionedProduct): void {
  if (!product.tagUpdatesAllowedIn.includes(portfolio.id)) {
    fail(env.operation, 'invalidParameters', `Tag updates are not allowed for provisioned product ${pp.id}: its launch path ${portfolio.pathId} has no RESOURCE_UPDATE constraint allowing them (tagUpdateOnProvisionedProduct is NOT_ALLOWED).`);
  }
}

export function checkedParameters(env: OpEnv, artifact: Artifact, provided: ProvidedParameter[] | undefined, previous?: ParameterValue[]): ParameterValue[] {
  const result = resolveParameters(artifact.parameters, provided, previous, env.secrets);
  if (!result.ok) fail(env.operation, 'invalidParameters', result.message);
  return result.values;
}

/** Tags whose key is a TagOption of the launch path's portfolio must use one of its values. */
export function checkedTags(env: OpEnv, portfolio: Portfolio, tags: Tag[] | undefined): Tag[] {
  const list = tags ?? [];
  for (const tag of list) {
    const option = portfolio.tagOptions.find((o) => o.key === tag.Key);
    if (option && !option.values.includes(tag.Value)) {
      fail(env.operation, 'invalidParameters', `Tag ${tag.Key} must have one of the TagOption values: ${option.values.join(', ')}.`);
    }
  }
  const keys = new Set(list.map((t) => t.Key));
  if (keys.size !== list.length) fail(env.operation, 'invalidParameters', 'Tags contain a duplicate key.');
  return list;
}

interface StackSetInput { StackSetAccounts?: string[]; StackSetRegions?: string[] }

/** Accounts and regions must come from the product's STACKSET constraint; none given means all. */
export function checkedStackSet(env: OpEnv, product: Product, preferences: StackSetInput | undefined, current?: StackSetPreferences): StackSetPreferences | undefined {
  const constraint = product.stackSet;
  if (!constraint) {
    if (preferences && Object.keys(preferences).length) {
      fail(env.operation, 'invalidParameters', 'ProvisioningPreferences apply only to CFN_STACKSET provisioned products.');
    }
    return undefined;
  }
  const accounts = preferences?.StackSetAccounts?.length ? preferences.StackSetAccounts : current?.accounts ?? constraint.accounts;
  const regions = preferences?.StackSetRegions?.length ? preferences.StackSetRegions : current?.regions ?? constraint.regions;
  const badAccount = accounts.find((a) => !constraint.accounts.includes(a));
  if (badAccount) fail(env.operation, 'invalidParameters', `Account ${badAccount} is not in the STACKSET constraint's accounts (${constraint.accounts.join(', ')}).`);
  const badRegion = regions.find((r) => !constraint.regions.includes(r));
  if (badRegion) fail(env.operation, 'invalidParameters', `Region ${badRegion} is not in the STACKSET constraint's regions (${constraint.regions.join(', ')}).`);
  return { accounts, regions };
}

export interface PlannedWork { work: TimelinePlan; errors: { Code: string; Description: string }[] }

export function provisionWork(product: Product, parameters: readonly ParameterValue[] = []): PlannedWork {
  const failure = product.behavior.failsToProvision;
  return { work: { workSeconds: product.behavior.provisionSeconds, outcome: failure ? 'FAILED' : 'SUCCEEDED' }, errors: failure ? [{ Code: failure.code, Description: quoting(failure.description, parameters) }] : [] };
}

/**
 * A resource handler's message quotes the property values it refused, as CloudFormation's do: the
 * `{param:Key}` of a failure description is the value the stack was given (NoEcho ones never are).
 */
function quoting(description: string, parameters: readonly ParameterValue[]): string {
  return fillTemplate(description, (name, key) => (name === 'param' ? parameters.find((p) => p.Key === key)?.Value : undefined));
}

export function updateWork(product: Product, parameters: readonly ParameterValue[] = []): PlannedWork {
  const seconds = Math.round(product.behavior.provisionSeconds * 0.7);
  const rollback = product.behavior.rollsBackUpdates;
  if (rollback) return { work: { workSeconds: seconds * 1.6, outcome: 'FAILED', rollbackShare: 0.4 }, errors: [{ Code: rollback.code, Description: quoting(rollback.description, parameters) }] };
  return { work: { workSeconds: seconds, outcome: 'SUCCEEDED' }, errors: [] };
}

/**
 * An update CloudFormation refuses outright (UpdateStack's ValidationError, in its words): the record
 * fails soon after it is picked up, and the stack does not change.
 */
export function refusedUpdateWork(refusal: string): PlannedWork {
  return { work: { workSeconds: 2, outcome: 'FAILED' }, errors: [{ Code: 'ValidationError', Description: refusal }] };
}

export function terminateWork(product: Product): PlannedWork {
  return { work: { workSeconds: Math.round(product.behavior.provisionSeconds * 0.5), outcome: 'SUCCEEDED' }, errors: [] };
}
