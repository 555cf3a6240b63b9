// IAM's identity-based policy evaluation, as far as the managed policies need it: an explicit Deny
// wins, else any Allow whose Action, Resource and Condition all match, else an implicit deny.
// Actions match case-insensitively, resources case-sensitively; both take the `*` and `?` wildcards
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
// .../reference_policies_elements_resource.html). A condition key the request lacks never matches.
import type { ManagedPolicy, PolicyStatement } from './managedPolicies';

export interface AuthorizationRequest {
  /** e.g. servicecatalog:DescribeProduct */
  readonly action: string;
  /** The ARN IAM is asked about (`*`-style ARNs for actions without a resource type). */
  readonly resource: string;
  /** Condition keys the service sets for this request, e.g. servicecatalog:userLevel = self. */
  readonly context: Readonly<Record<string, string | undefined>>;
}

export type Decision = 'allow' | 'explicitDeny' | 'implicitDeny';

export function evaluate(policy: ManagedPolicy, request: AuthorizationRequest): Decision {
  const applicable = policy.statements.filter((s) => matchesAction(s, request.action) && matchesResource(s, request.resource) && conditionHolds(s, request.context));
  if (applicable.some((s) => s.Effect === 'Deny')) return 'explicitDeny';
  return applicable.some((s) => s.Effect === 'Allow') ? 'allow' : 'implicitDeny';
}

/** Whether some Allow statement could grant the action on the resource in some request context. */
export function mayAllow(policy: ManagedPolicy, action: string, resource: string): boolean {
  return policy.statements.some((s) => s.Effect === 'Allow' && matchesAction(s, action) && matchesResource(s, resource));
}

function matchesAction(statement: PolicyStatement, action: string): boolean {
  return statement.Action.some((pattern) => wildcard(pattern, true).test(action));
}

function matchesResource(statement: PolicyStatement, resource: string): boolean {
  return statement.Resource.some((pattern) => wildcard(pattern, false).test(resource));
}

function conditionHolds(statement: PolicyStatement, context: AuthorizationRequest['context']): boolean {
  const equals = statement.Condition?.StringEquals;
  if (!equals) return true;
  return Object.entries(equals).every(([key, value]) => context[key] === value);
}

const compiled = new Map<string, RegExp>();

/** `*` is any run of characters (also none), `?` exactly one; everything else is literal. */
export function wildcard(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}:${pattern}`;
  let regex = compiled.get(cacheKey);
  if (!regex) {
    const body = pattern.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.+()[\]{}|/-]/g, '\\$&'))).join('');
    regex = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    compiled.set(cacheKey, regex);
  }
  return regex;
}
