// Self-service actions (SSM automations) on provisioned products.
import type { OpEnv } from '../env';
import { fail } from '../errors';
import { recall, remember } from '../idempotency';
import { startRecord } from '../lifecycle';
import { requireNotBusy, resolveArtifact, resolveProduct, resolveProvisionedProduct } from '../lookup';
import { pageOf } from '../paging';
import { recordDetail } from '../render';
import type { ProvisionedProduct, ServiceAction } from '../types';
import { offsetFrom } from './access';

export function listServiceActionsForProvisioningArtifact(input: Record<string, any>, env: OpEnv) {
  const product = resolveProduct(env, input.ProductId, undefined);
  const artifact = resolveArtifact(env, product, input.ProvisioningArtifactId, undefined);
  const summaries = artifact.serviceActionIds
    .map((id) => env.state.serviceAction(id))
    .filter((a): a is ServiceAction => !!a)
    .map((a) => ({ Id: a.id, Name: a.name, Description: a.description, DefinitionType: a.definitionType }));
  const page = pageOf(summaries, offsetFrom(env, input.PageToken), input.PageSize, 20, env.operation);
  return { ServiceActionSummaries: page.items, NextPageToken: page.nextPageToken };
}

/** The action, which must be associated with the provisioned product's current version. */
function associatedAction(env: OpEnv, pp: ProvisionedProduct, actionId: string): ServiceAction {
  const action = env.state.serviceAction(actionId);
  if (!action) fail(env.operation, 'notFound', `Service action ${actionId} not found.`);
  const artifact = env.state.artifact(env.state.product(pp.productId)!, pp.artifactId);
  if (!artifact?.serviceActionIds.includes(actionId)) {
    fail(env.operation, 'invalidParameters', `Service action ${actionId} is not associated with provisioning artifact ${pp.artifactId} of ${pp.id}.`);
  }
  return action;
}

/** TARGET parameters default to the resource the provisioned product made (one of its outputs). */
function defaultValues(pp: ProvisionedProduct, parameter: ServiceAction['parameters'][number]): string[] {
  if (parameter.Type !== 'TARGET') return parameter.defaultValues;
  const output = pp.outputs.find((o) => o.OutputKey === parameter.targetOutputKey);
  return [output?.OutputValue ?? pp.physicalId ?? pp.id];
}

export function describeServiceActionExecutionParameters(input: Record<string, any>, env: OpEnv) {
  const pp = resolveProvisionedProduct(env, input.ProvisionedProductId, undefined, 'ProvisionedProductId', 'ProvisionedProductId');
  const action = associatedAction(env, pp, input.ServiceActionId);
  return { ServiceActionParameters: action.parameters.map((p) => ({ Name: p.Name, Type: p.Type, DefaultValues: defaultValues(pp, p) })) };
}

export function executeProvisionedProductServiceAction(input: Record<string, any>, env: OpEnv) {
  const earlier = recall(env, 'ExecuteToken', input);
  const replayed = earlier && env.state.record(earlier.recordId);
  if (replayed) return { RecordDetail: recordDetail(replayed) };
  const pp = resolveProvisionedProduct(env, input.ProvisionedProductId, undefined, 'ProvisionedProductId', 'ProvisionedProductId');
  const action = associatedAction(env, pp, input.ServiceActionId);
  requireNotBusy(env, pp);
  if (pp.status === 'ERROR') fail(env.operation, 'invalidState', `Provisioned product ${pp.id} is in ERROR: its resources don't exist, so actions can't run on them.`);
  // Names as the caller sent them (own keys only): a name like `constructor` is just unknown.
  const given = new Map(Object.entries((input.Parameters ?? {}) as Record<string, string[]>));
  const unknown = [...given.keys()].filter((name) => !action.parameters.some((p) => p.Name === name));
  if (unknown.length) fail(env.operation, 'invalidParameters', `Service action ${action.name} has no parameters named ${unknown.join(', ')}.`);
  const empty = action.parameters.find((p) => p.Type !== 'TARGET' && !(given.get(p.Name) ?? p.defaultValues).length);
  if (empty) fail(env.operation, 'invalidParameters', `Parameter ${empty.Name} of service action ${action.name} needs a value.`);
  const record = startRecord(env, pp, {
    type: 'EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION', artifactId: pp.artifactId, pathId: pp.pathId,
    work: { workSeconds: action.seconds, outcome: action.fails ? 'FAILED' : 'SUCCEEDED' },
    errors: action.fails ? [{ Code: action.fails.code, Description: action.fails.description }] : [],
  });
  remember(env, 'ExecuteToken', input, { recordId: record.id });
  return { RecordDetail: recordDetail(record) };
}
