// ProvisionProduct, UpdateProvisionedProduct, TerminateProvisionedProduct and
// UpdateProvisionedProductProperties: each creates a record whose timeline does the work.
import type { OpEnv } from '../env';
import { fail } from '../errors';
import { recall, remember } from '../idempotency';
import { stackUpdateRefusal, startRecord } from '../lifecycle';
import { launchRoleFor, requireNotBusy, resolveArtifact, resolvePath, resolveProduct, resolveProvisionedProduct } from '../lookup';
import { requireLaunchPaths } from '../launchPaths';
import { recordDetail } from '../render';
import type { ProvisionedProduct, RecordData, Tag } from '../types';
import { checkedParameters, checkedStackSet, checkedTags, provisionWork, refusedUpdateWork, requireActive, requireLaunchRole, requireTagUpdatesAllowed, terminateWork, updateWork } from './launchRules';

function replayedRecord(env: OpEnv, tokenField: string, input: Record<string, any>) {
  const earlier = recall(env, tokenField, input);
  const record = earlier && env.state.record(earlier.recordId);
  return record ? { RecordDetail: recordDetail(record) } : undefined;
}

function answer(env: OpEnv, tokenField: string, input: Record<string, any>, record: RecordData) {
  remember(env, tokenField, input, { recordId: record.id });
  return { RecordDetail: recordDetail(record) };
}

export function provisionProduct(input: Record<string, any>, env: OpEnv) {
  const replay = replayedRecord(env, 'ProvisionToken', input);
  if (replay) return replay;
  const product = resolveProduct(env, input.ProductId, input.ProductName);
  const portfolio = resolvePath(env, product, input.PathId, input.PathName);
  const artifact = resolveArtifact(env, product, input.ProvisioningArtifactId, input.ProvisioningArtifactName);
  requireActive(env, artifact);
  requireLaunchRole(env, product, portfolio);
  const name: string = input.ProvisionedProductName;
  // The service answers a taken name in CloudFormation's words, not with the modelled
  // DuplicateResourceException (awslabs/aws-service-catalog-puppet#284, hashicorp-education/learn-terraform-aws-control-tower-aft#3).
  if (env.state.liveProvisionedProductByName(name)) fail(env.operation, 'invalidParameters', `A stack named ${name} already exists.`);
  const parameters = checkedParameters(env, artifact, input.ProvisioningParameters);
  const tags = checkedTags(env, portfolio, input.Tags);
  const stackSet = checkedStackSet(env, product, input.ProvisioningPreferences);
  const pp = createProvisionedProduct(env, {
    name, productId: product.id, artifactId: artifact.id, pathId: portfolio.pathId, type: product.provisionedProductType,
    token: input.ProvisionToken, tags, parameters, launchRoleArn: launchRoleFor(product, portfolio.id),
  });
  const { work, errors } = provisionWork(product, parameters);
  const record = startRecord(env, pp, {
    type: 'PROVISION_PRODUCT', artifactId: artifact.id, pathId: portfolio.pathId, work, errors,
    effect: { artifactId: artifact.id, pathId: portfolio.pathId, parameters, tags, stackSet },
  });
  return answer(env, 'ProvisionToken', input, record);
}

interface NewProvisionedProduct {
  name: string; productId: string; artifactId: string; pathId: string; type: ProvisionedProduct['type'];
  token: string; tags: ProvisionedProduct['tags']; parameters: ProvisionedProduct['parameters']; launchRoleArn?: string;
}

/** Adds a provisioned product that is about to be created (by a launch or a plan). */
export function createProvisionedProduct(env: OpEnv, spec: NewProvisionedProduct): ProvisionedProduct {
  const id = env.presetId ?? env.state.newId('pp');
  const pp: ProvisionedProduct = {
    id,
    name: spec.name,
    arn: `arn:aws:servicecatalog:${env.caller.region}:${env.caller.accountId}:stack/${spec.name}/${id}`,
    type: spec.type,
    productId: spec.productId,
    artifactId: spec.artifactId,
    pathId: spec.pathId,
    status: 'UNDER_CHANGE',
    createdTime: env.now,
    idempotencyToken: spec.token,
    tags: spec.tags,
    userArn: env.caller.callerArn,
    provisionedBy: env.caller.callerArn,
    launchRoleArn: spec.launchRoleArn,
    parameters: spec.parameters,
    outputs: [],
    terminated: false,
  };
  env.state.addProvisionedProduct(pp);
  env.state.searchIndex.created(pp, env.now);
  return pp;
}

export function updateProvisionedProduct(input: Record<string, any>, env: OpEnv) {
  const pp = resolveProvisionedProduct(env, input.ProvisionedProductId, input.ProvisionedProductName);
  const replay = replayedRecord(env, 'UpdateToken', input);
  if (replay) return replay;
  requireNotBusy(env, pp);
  const product = env.state.product(pp.productId)!;
  if (input.ProductId !== undefined || input.ProductName !== undefined) {
    const requested = resolveProduct(env, input.ProductId, input.ProductName);
    if (requested.id !== product.id) fail(env.operation, 'invalidParameters', `Provisioned product ${pp.id} is of product ${product.id}; it can't change product.`);
  }
  const artifact = input.ProvisioningArtifactId !== undefined || input.ProvisioningArtifactName !== undefined
    ? resolveArtifact(env, product, input.ProvisioningArtifactId, input.ProvisioningArtifactName)
    : env.state.artifact(product, pp.artifactId)!;
  requireActive(env, artifact);
  const pathGiven = input.PathId !== undefined || input.PathName !== undefined;
  // Updating goes through a launch path of the caller's, like launching.
  const portfolio = pathGiven ? resolvePath(env, product, input.PathId, input.PathName) : currentPath(env, pp);
  const parameters = checkedParameters(env, artifact, input.ProvisioningParameters, pp.parameters);
  if (input.Tags !== undefined && !sameTags(input.Tags, pp.tags)) requireTagUpdatesAllowed(env, product, portfolio, pp);
  const tags = checkedTags(env, portfolio, input.Tags ?? pp.tags);
  const stackSet = checkedStackSet(env, product, input.ProvisioningPreferences, pp.stackSet);
  const launchRoleArn = portfolio.pathId !== pp.pathId ? launchRoleFor(product, portfolio.id) : pp.launchRoleArn;
  if (launchRoleArn !== pp.launchRoleArn) pp.launchRoleArn = launchRoleArn;
  const refusal = stackUpdateRefusal(env.state, pp);
  const { work, errors } = refusal ? refusedUpdateWork(refusal) : updateWork(product, parameters);
  const record = startRecord(env, pp, {
    type: 'UPDATE_PROVISIONED_PRODUCT', artifactId: artifact.id, pathId: portfolio.pathId, work, errors, refusedByStack: refusal !== undefined,
    effect: { artifactId: artifact.id, pathId: portfolio.pathId, parameters, tags, stackSet },
  });
  return answer(env, 'UpdateToken', input, record);
}

function currentPath(env: OpEnv, pp: ProvisionedProduct) {
  const product = env.state.product(pp.productId)!;
  const path = requireLaunchPaths(env, product).find((p) => p.pathId === pp.pathId);
  if (!path) fail(env.operation, 'notFound', `No launch paths found for resource: ${product.id}`);
  return path;
}

/** The same tags in any order: sending a product's own tags back is no tag update. */
function sameTags(a: Tag[], b: Tag[]): boolean {
  const key = (tags: Tag[]) => tags.map((t) => `${t.Key}\u0000${t.Value}`).sort().join('\u0001');
  return key(a) === key(b);
}

export function terminateProvisionedProduct(input: Record<string, any>, env: OpEnv) {
  const replay = replayedRecord(env, 'TerminateToken', input);
  if (replay) return replay;
  const pp = resolveProvisionedProduct(env, input.ProvisionedProductId, input.ProvisionedProductName);
  requireNotBusy(env, pp);
  const product = env.state.product(pp.productId)!;
  const { work, errors } = terminateWork(product);
  // IgnoreErrors and RetainPhysicalResources change nothing visible here: termination always succeeds.
  const record = startRecord(env, pp, { type: 'TERMINATE_PROVISIONED_PRODUCT', artifactId: pp.artifactId, pathId: pp.pathId, work, errors });
  return answer(env, 'TerminateToken', input, record);
}

const OWNER_ARN = /^arn:aws:(?:iam::(\d{12}):(?:user|role)\/.+|sts::(\d{12}):assumed-role\/.+)$/;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/.+$/;

export function updateProvisionedProductProperties(input: Record<string, any>, env: OpEnv) {
  const pp = resolveProvisionedProduct(env, input.ProvisionedProductId, undefined, 'ProvisionedProductId', 'ProvisionedProductId');
  const earlier = recall(env, 'IdempotencyToken', input);
  const properties: Record<string, string> = input.ProvisionedProductProperties ?? {};
  if (earlier) return propertiesAnswer(env, pp.id, properties, earlier.recordId);
  requireNotBusy(env, pp);
  const { OWNER: owner, LAUNCH_ROLE: launchRole } = properties;
  if (owner === undefined && launchRole === undefined) fail(env.operation, 'invalidParameters', 'Specify OWNER or LAUNCH_ROLE in ProvisionedProductProperties.');
  if (owner !== undefined) checkAccountArn(env, owner, OWNER_ARN, 'OWNER accepts IAM user, IAM role or STS assumed-role ARNs');
  if (launchRole !== undefined) checkAccountArn(env, launchRole, ROLE_ARN, 'LAUNCH_ROLE accepts only IAM role ARNs');
  // Properties take effect at once; the record documents the change.
  env.state.searchIndex.change(pp, env.now, () => {
    if (owner !== undefined) pp.userArn = owner;
    if (launchRole !== undefined) pp.launchRoleArn = launchRole;
  });
  const record = startRecord(env, pp, {
    type: 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES', artifactId: pp.artifactId, pathId: pp.pathId,
    work: { workSeconds: 2, outcome: 'SUCCEEDED' },
  });
  remember(env, 'IdempotencyToken', input, { recordId: record.id });
  return propertiesAnswer(env, pp.id, properties, record.id);
}

function checkAccountArn(env: OpEnv, arn: string, pattern: RegExp, rule: string): void {
  const match = pattern.exec(arn);
  if (!match) fail(env.operation, 'invalidParameters', `${arn} is not valid: ${rule}.`);
  const account = match[1] ?? match[2];
  if (account !== env.caller.accountId) fail(env.operation, 'invalidParameters', `${arn} is not in account ${env.caller.accountId}.`);
}

function propertiesAnswer(env: OpEnv, ppId: string, properties: Record<string, string>, recordId: string) {
  const record = env.state.record(recordId)!;
  return { ProvisionedProductId: ppId, ProvisionedProductProperties: properties, RecordId: record.id, Status: record.status };
}
