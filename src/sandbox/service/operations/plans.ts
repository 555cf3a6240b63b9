// Provisioned product plans: a reviewable change set (resource changes) executed later.
import type { OpEnv } from '../env';
import { fail } from '../errors';
import { recall, remember } from '../idempotency';
import { startRecord } from '../lifecycle';
import { launchRoleFor, requireNotBusy, resolveArtifact, resolvePath, resolveProduct } from '../lookup';
import { pageOf } from '../paging';
import { planDetails, planSummary, recordDetail } from '../render';
import { sealNoEchoValues } from '../secrets';
import { planTimeline } from '../timeline';
import type { Artifact, ParameterValue, PlanData, Product, PropertySpec, ProvisionedProduct, ResourceChange, ResourceChangeDetail, ResourceSpec } from '../types';
import type { ProvidedParameter } from '../parameters';
import { currentOwnerOfPlan, offsetFrom, ownerFilter } from './access';
import { checkedParameters, checkedTags, provisionWork, requireActive, updateWork } from './launchRules';
import { createProvisionedProduct } from './provisioning';

/** Virtual seconds CloudFormation takes to build a change set. */
const PLAN_SECONDS = 20;

export function createProvisionedProductPlan(input: Record<string, any>, env: OpEnv) {
  const earlier = recall(env, 'IdempotencyToken', input);
  const replayed = earlier && env.state.plan(earlier.planId);
  if (replayed) return createAnswer(replayed);
  const product = resolveProduct(env, input.ProductId, undefined);
  const portfolio = resolvePath(env, product, input.PathId, undefined);
  requireCloudFormation(env, product);
  const artifact = resolveArtifact(env, product, input.ProvisioningArtifactId, undefined);
  requireActive(env, artifact);
  const tags = checkedTags(env, portfolio, input.Tags);
  let pp = env.state.liveProvisionedProductByName(input.ProvisionedProductName);
  const forNewProduct = !pp;
  let changes: ResourceChange[];
  let parameters;
  if (pp) {
    if (pp.productId !== product.id) fail(env.operation, 'invalidParameters', `Provisioned product ${pp.name} is of another product (${pp.productId}).`);
    requireNotBusy(env, pp);
    if (pp.status !== 'AVAILABLE' && pp.status !== 'TAINTED') fail(env.operation, 'invalidState', `Provisioned product ${pp.id} is ${pp.status}; plans need AVAILABLE or TAINTED.`);
    if (openPlanFor(env, pp.id)) fail(env.operation, 'invalidState', `Provisioned product ${pp.id} already has a plan; execute or delete it first.`);
    parameters = checkedParameters(env, artifact, input.ProvisioningParameters, pp.parameters);
    const changed = changedParameters(artifact, parameters, pp.parameters, input.ProvisioningParameters);
    changes = updateChanges(env.state.artifact(product, pp.artifactId), artifact, pp, changed);
    const planned = pp;
    env.state.searchIndex.change(pp, env.now, () => {
      planned.statusBeforeChange = planned.status;
      planned.status = 'PLAN_IN_PROGRESS';
    });
  } else {
    parameters = checkedParameters(env, artifact, input.ProvisioningParameters);
    pp = createProvisionedProduct(env, {
      name: input.ProvisionedProductName, productId: product.id, artifactId: artifact.id, pathId: portfolio.pathId,
      type: product.provisionedProductType, token: input.IdempotencyToken, tags, parameters, launchRoleArn: launchRoleFor(product, portfolio.id),
    });
    pp.status = 'PLAN_IN_PROGRESS';
    changes = artifact.resources.map((r) => change('ADD', r.logicalId, r.type));
  }
  const id = env.state.newId('plan');
  const plan: PlanData = {
    id, name: input.PlanName, type: 'CLOUDFORMATION', provisionedProductId: pp.id, provisionedProductName: pp.name, forNewProduct,
    productId: product.id, artifactId: artifact.id, pathId: portfolio.pathId, status: 'CREATE_IN_PROGRESS',
    createdTime: env.now, updatedTime: env.now, readyAt: planTimeline(env.now, { workSeconds: PLAN_SECONDS, outcome: 'SUCCEEDED' }, env.timeScale, id).endsAt,
    parameters: sealNoEchoValues(artifact.parameters, env.secrets, input.ProvisioningParameters), resolvedParameters: parameters, tags, notificationArns: input.NotificationArns ?? [],
    resourceChanges: changes, ownerArn: pp.userArn,
  };
  env.state.addPlan(plan);
  remember(env, 'IdempotencyToken', input, { planId: id });
  return createAnswer(plan);
}

/**
 * Plans are CloudFormation change sets: the model's ProvisionedProductPlanType has only CLOUDFORMATION.
 * The service's words for a plan of another product type could not be found; these are the sandbox's.
 */
function requireCloudFormation(env: OpEnv, product: Product): void {
  if (product.type !== 'CLOUD_FORMATION_TEMPLATE') {
    fail(env.operation, 'invalidParameters', `Provisioned product plans are supported only for CloudFormation products; product ${product.id} is ${product.type}.`);
  }
}

function createAnswer(plan: PlanData) {
  return { PlanName: plan.name, PlanId: plan.id, ProvisionProductId: plan.provisionedProductId, ProvisionedProductName: plan.provisionedProductName, ProvisioningArtifactId: plan.artifactId };
}

function openPlanFor(env: OpEnv, ppId: string): PlanData | undefined {
  return [...env.state.plansInOrder()]
    .find((p) => p.provisionedProductId === ppId && (p.status === 'CREATE_IN_PROGRESS' || p.status === 'CREATE_SUCCESS' || p.status === 'EXECUTE_IN_PROGRESS'));
}

function change(action: ResourceChange['Action'], logicalId: string, type: string, physicalId?: string, details: readonly ResourceChangeDetail[] = []): ResourceChange {
  return {
    Action: action, LogicalResourceId: logicalId, PhysicalResourceId: physicalId, ResourceType: type,
    Replacement: action === 'MODIFY' ? replacementOf(details) : 'FALSE',
    Scope: [...new Set(details.map((d) => d.Target.Attribute))], Details: [...details],
  };
}

/**
 * TRUE when a property known to change (STATIC) always re-creates the resource; CONDITIONAL when one
 * may (CONDITIONALLY, or ALWAYS on a value known only when the plan runs: DYNAMIC); FALSE otherwise.
 */
function replacementOf(details: readonly ResourceChangeDetail[]): ResourceChange['Replacement'] {
  if (details.some((d) => d.Target.RequiresRecreation === 'ALWAYS' && d.Evaluation === 'STATIC')) return 'TRUE';
  return details.some((d) => d.Target.RequiresRecreation !== 'NEVER') ? 'CONDITIONAL' : 'FALSE';
}

/**
 * The parameters whose values the plan changes against the provisioned product's, as a change set
 * sees them. A NoEcho value can't be compared (each is sealed anew): it changes when one is sent.
 */
function changedParameters(artifact: Artifact, planned: ParameterValue[], current: ParameterValue[], provided: ProvidedParameter[] | undefined): string[] {
  const currentByKey = new Map(current.map((p) => [p.Key, p.Value]));
  const sent = new Set((provided ?? []).filter((p) => !p.UsePreviousValue).map((p) => p.Key));
  const noEcho = new Set(artifact.parameters.filter((p) => p.IsNoEcho).map((p) => p.ParameterKey));
  return planned.filter((p) => (noEcho.has(p.Key) ? sent.has(p.Key) : currentByKey.get(p.Key) !== p.Value)).map((p) => p.Key);
}

function target(property: PropertySpec): ResourceChangeDetail['Target'] {
  return property.name === 'Tags'
    ? { Attribute: 'TAGS', RequiresRecreation: property.recreation }
    : { Attribute: 'PROPERTIES', Name: property.name, RequiresRecreation: property.recreation };
}

/**
 * What changes in a kept resource, as a change set says it: a new template version modifies it
 * directly (no causing entity); each changed parameter modifies the properties that refer to it
 * (Evaluation STATIC, CausingEntity the parameter). A resource without declared properties is
 * modified by every changed parameter.
 */
function ownDetails(resource: ResourceSpec, versionChanged: boolean, changed: readonly string[]): ResourceChangeDetail[] {
  const direct: ResourceChangeDetail[] = versionChanged ? [{ Target: { Attribute: 'PROPERTIES', RequiresRecreation: 'NEVER' }, Evaluation: 'STATIC' }] : [];
  const byParameter: ResourceChangeDetail[] = resource.properties
    ? resource.properties.filter((p) => p.parameter !== undefined && changed.includes(p.parameter)).map((p) => ({ Target: target(p), Evaluation: 'STATIC', CausingEntity: p.parameter }))
    : changed.map((key) => ({ Target: { Attribute: 'PROPERTIES', Name: key, RequiresRecreation: 'NEVER' }, Evaluation: 'STATIC', CausingEntity: key }));
  return [...direct, ...byParameter];
}

/**
 * Adds to `details` (by logical id) the properties that refer to a resource the plan replaces or may
 * replace: its new id is known only when the plan runs (Evaluation DYNAMIC, CausingEntity the
 * resource), which may in turn replace the referring resource; repeated until nothing more changes.
 */
function addReferenceDetails(resources: readonly ResourceSpec[], details: Map<string, ResourceChangeDetail[]>): void {
  for (let added = true; added;) {
    added = false;
    const replaced = new Set([...details].filter(([, list]) => replacementOf(list) !== 'FALSE').map(([id]) => id));
    for (const resource of resources) {
      const list = details.get(resource.logicalId)!;
      for (const property of resource.properties ?? []) {
        if (!property.resource || !replaced.has(property.resource)) continue;
        if (list.some((d) => d.CausingEntity === property.resource && d.Target.Name === property.name)) continue;
        list.push({ Target: target(property), Evaluation: 'DYNAMIC', CausingEntity: property.resource });
        added = true;
      }
    }
  }
}

/** Resources only in the new version are added, only in the old removed, the rest modified if anything changes them. */
function updateChanges(current: Artifact | undefined, next: Artifact, pp: ProvisionedProduct, changed: readonly string[]): ResourceChange[] {
  const before = new Map((current?.resources ?? []).map((r) => [r.logicalId, r.type]));
  const after = new Map(next.resources.map((r) => [r.logicalId, r.type]));
  const physical = (logicalId: string) => `${pp.name}-${logicalId}`.toLowerCase();
  const kept = next.resources.filter((r) => before.has(r.logicalId));
  const details = new Map(kept.map((r) => [r.logicalId, ownDetails(r, current?.id !== next.id, changed)]));
  addReferenceDetails(kept, details);
  return [
    ...next.resources.filter((r) => !before.has(r.logicalId)).map((r) => change('ADD', r.logicalId, r.type)),
    ...kept.filter((r) => details.get(r.logicalId)!.length > 0).map((r) => change('MODIFY', r.logicalId, r.type, physical(r.logicalId), details.get(r.logicalId))),
    ...[...before].filter(([id]) => !after.has(id)).map(([id, type]) => change('REMOVE', id, type, physical(id))),
  ];
}

function requirePlan(env: OpEnv, planId: string): PlanData {
  const plan = env.state.plan(planId);
  if (!plan) fail(env.operation, 'notFound', `Plan ${planId} not found.`);
  return plan;
}

export function describeProvisionedProductPlan(input: Record<string, any>, env: OpEnv) {
  const plan = requirePlan(env, input.PlanId);
  const product = env.state.product(plan.productId);
  const noEcho = new Set(product?.artifacts.find((a) => a.id === plan.artifactId)?.parameters.filter((p) => p.IsNoEcho).map((p) => p.ParameterKey));
  const changes = plan.status === 'CREATE_IN_PROGRESS' ? [] : plan.resourceChanges;
  const page = pageOf(changes, offsetFrom(env, input.PageToken), input.PageSize, 20, env.operation);
  return { ProvisionedProductPlanDetails: planDetails(plan, noEcho), ResourceChanges: page.items, NextPageToken: page.nextPageToken };
}

export function listProvisionedProductPlans(input: Record<string, any>, env: OpEnv) {
  const ppId: string | undefined = input.ProvisionProductId;
  if (ppId !== undefined && !env.state.provisionedProduct(ppId)) fail(env.operation, 'notFound', `Provisioned product ${ppId} not found.`);
  // Listed by the same owner IAM judges a plan by (Describe, Execute and Delete), not by its creator.
  const owned = ownerFilter(env, input.AccessLevelFilter, 'User');
  const plans = [...env.state.plansInOrder()]
    .filter((p) => owned(currentOwnerOfPlan(env.state, p)) && (ppId === undefined || p.provisionedProductId === ppId));
  const page = pageOf(plans, offsetFrom(env, input.PageToken), input.PageSize, 20, env.operation);
  return { ProvisionedProductPlans: page.items.map(planSummary), NextPageToken: page.nextPageToken };
}

export function executeProvisionedProductPlan(input: Record<string, any>, env: OpEnv) {
  const earlier = recall(env, 'IdempotencyToken', input);
  const replayed = earlier && env.state.record(earlier.recordId);
  if (replayed) return { RecordDetail: recordDetail(replayed) };
  const plan = requirePlan(env, input.PlanId);
  if (plan.status !== 'CREATE_SUCCESS') fail(env.operation, 'invalidState', `Plan ${plan.id} is ${plan.status}; only a CREATE_SUCCESS plan can be executed.`);
  const pp = env.state.liveProvisionedProduct(plan.provisionedProductId);
  if (!pp) fail(env.operation, 'notFound', `Provisioned product ${plan.provisionedProductId} of plan ${plan.id} no longer exists.`);
  if (!plan.forNewProduct) requireNotBusy(env, pp);
  const product = env.state.product(plan.productId)!;
  const { work, errors } = plan.forNewProduct ? provisionWork(product, plan.resolvedParameters) : updateWork(product, plan.resolvedParameters);
  const record = startRecord(env, pp, {
    type: plan.forNewProduct ? 'PROVISION_PRODUCT' : 'UPDATE_PROVISIONED_PRODUCT', artifactId: plan.artifactId, pathId: plan.pathId, work, errors,
    effect: { artifactId: plan.artifactId, pathId: plan.pathId, parameters: plan.resolvedParameters, tags: plan.tags, planId: plan.id },
  });
  plan.status = 'EXECUTE_IN_PROGRESS';
  plan.updatedTime = env.now;
  plan.executeRecordId = record.id;
  remember(env, 'IdempotencyToken', input, { recordId: record.id });
  return { RecordDetail: recordDetail(record) };
}

export function deleteProvisionedProductPlan(input: Record<string, any>, env: OpEnv) {
  const plan = requirePlan(env, input.PlanId);
  if (plan.status === 'EXECUTE_IN_PROGRESS') fail(env.operation, 'invalidParameters', `Plan ${plan.id} is being executed and can't be deleted now.`);
  const pp = env.state.provisionedProduct(plan.provisionedProductId);
  const executed = plan.status === 'EXECUTE_SUCCESS' || plan.status === 'EXECUTE_FAILED';
  if (pp && !executed) {
    // Unexecuted: a new product's placeholder disappears; an existing product leaves PLAN_IN_PROGRESS.
    if (plan.forNewProduct) env.state.removeProvisionedProduct(pp);
    else if (pp.status === 'PLAN_IN_PROGRESS') env.state.searchIndex.change(pp, env.now, () => { pp.status = pp.statusBeforeChange ?? 'AVAILABLE'; });
  }
  env.state.deletePlan(plan);
  return {};
}
