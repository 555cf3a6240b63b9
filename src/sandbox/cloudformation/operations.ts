// DescribeStacks, DescribeStackEvents and ListStackResources: authorized as IAM judges CloudFormation
// requests (the stack's ARN, or `stack/<name>/*` for a name; `*` without a stack), then answered from
// the stack views (stackView.ts). Outputs use Dates; the wire layer writes them in ISO 8601.
import { ServiceError, type RequestContext } from '../contract';
import { evaluate } from '../iam/evaluate';
import { denialMessage } from '../iam/index';
import { MANAGED_POLICIES } from '../iam/managedPolicies';
import { renderOutputs } from '../service/lifecycle';
import { systemTags } from '../service/render';
import type { CatalogState } from '../service/state';
import { findStack, liveStacks, type StackView } from './stackView';

export type QueryHandler = (input: Record<string, string>, caller: RequestContext, now: number) => unknown;

const EVENTS_PAGE = 100;
const RESOURCES_PAGE = 100;
const STACKS_PAGE = 100;

/** The resource IAM is asked about: a stack ARN as given, a name as `stack/<name>/*`, no stack as `*`. */
export function stackResource(stackName: string | undefined, caller: RequestContext): string {
  if (stackName === undefined) return '*';
  if (stackName.startsWith('arn:')) return stackName;
  return `arn:aws:cloudformation:${caller.region}:${caller.accountId}:stack/${stackName}/*`;
}

/**
 * The stacks an operation reads, on its one refusal path: IAM is asked first (its words from
 * iam/index.ts, under CloudFormation's AccessDenied with HTTP 403), then the stack named is looked
 * for (CloudFormation's ValidationError when none is there); without a name, every live stack.
 */
function authorizedStacks(operation: string, state: CatalogState, stackName: string | undefined, caller: RequestContext, now: number): StackView[] {
  const action = `cloudformation:${operation}`;
  const resource = stackResource(stackName, caller);
  const decision = evaluate(MANAGED_POLICIES[caller.policy], { action, resource, context: {} });
  if (decision !== 'allow') throw new ServiceError('AccessDenied', denialMessage(caller.callerArn, action, resource, decision), 403);
  if (stackName === undefined) return liveStacks(state, now);
  const view = findStack(state, stackName, caller.region, caller.accountId, now);
  if (!view) throw new ServiceError('ValidationError', `Stack with id ${stackName} does not exist`);
  return [view];
}

/** NextToken: a position counted from the oldest (or first) item, so new items do not shift pages. */
function page<T>(items: readonly T[], token: string | undefined, size: number, newestFirst: boolean): { items: T[]; next?: string } {
  let end = items.length;
  if (token !== undefined) {
    const decoded = /^p(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!decoded || Number(decoded[1]) > items.length) throw new ServiceError('ValidationError', 'Invalid NextToken');
    end = Number(decoded[1]);
  }
  if (!newestFirst) {
    const start = items.length - end;
    const slice = items.slice(start, start + size);
    const rest = end - slice.length;
    return { items: slice, next: rest > 0 ? Buffer.from(`p${rest}`).toString('base64url') : undefined };
  }
  const start = Math.max(0, end - size);
  return { items: items.slice(start, end).reverse(), next: start > 0 ? Buffer.from(`p${start}`).toString('base64url') : undefined };
}

function describeStack(state: CatalogState, view: StackView) {
  const { pp, product } = view;
  const outputs = view.status.endsWith('_COMPLETE') && !view.status.startsWith('ROLLBACK') && view.status !== 'DELETE_COMPLETE'
    ? renderOutputs(state, product, pp)
    : [];
  return {
    StackId: view.stackId,
    StackName: view.stackName,
    Description: state.artifact(product, pp.artifactId)?.description ?? product.shortDescription,
    Parameters: view.parameters.map((p) => ({ ParameterKey: p.Key, ParameterValue: p.Value })),
    CreationTime: new Date(view.creationTime),
    DeletionTime: view.deletionTime !== undefined ? new Date(view.deletionTime) : undefined,
    LastUpdatedTime: view.lastUpdatedTime !== undefined ? new Date(view.lastUpdatedTime) : undefined,
    StackStatus: view.status,
    StackStatusReason: view.reason,
    DisableRollback: false,
    NotificationARNs: [],
    Outputs: outputs.map((o) => ({ OutputKey: o.OutputKey, OutputValue: o.OutputValue, Description: o.Description })),
    RoleARN: pp.launchRoleArn,
    Tags: [...pp.tags, ...systemTags(pp, state)],
    EnableTerminationProtection: false,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

export function cloudFormationOperations(state: CatalogState): Readonly<Record<string, QueryHandler>> {
  return {
    DescribeStacks(input, caller, now) {
      const views = authorizedStacks('DescribeStacks', state, input.StackName, caller, now);
      const { items, next } = page(views, input.NextToken, STACKS_PAGE, false);
      return { Stacks: items.map((v) => describeStack(state, v)), NextToken: next };
    },
    DescribeStackEvents(input, caller, now) {
      const [view] = authorizedStacks('DescribeStackEvents', state, input.StackName, caller, now);
      const { items, next } = page(view.events, input.NextToken, EVENTS_PAGE, true);
      return {
        StackEvents: items.map((e) => ({
          StackId: view.stackId,
          EventId: e.eventId,
          StackName: view.stackName,
          LogicalResourceId: e.logicalId,
          PhysicalResourceId: e.physicalId,
          ResourceType: e.resourceType,
          Timestamp: new Date(e.time),
          ResourceStatus: e.status,
          ResourceStatusReason: e.reason,
        })),
        NextToken: next,
      };
    },
    ListStackResources(input, caller, now) {
      const [view] = authorizedStacks('ListStackResources', state, input.StackName, caller, now);
      const { items, next } = page(view.resources, input.NextToken, RESOURCES_PAGE, false);
      return {
        StackResourceSummaries: items.map((r) => ({
          LogicalResourceId: r.resource.logicalId,
          PhysicalResourceId: r.physicalId || undefined,
          ResourceType: r.resource.type,
          LastUpdatedTimestamp: new Date(r.updatedAt),
          ResourceStatus: r.status,
          ResourceStatusReason: r.reason,
          DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
        })),
        NextToken: next,
      };
    },
  };
}
