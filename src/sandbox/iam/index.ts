// Authorizes a Service Catalog request against its caller's managed policy, as IAM does before the
// service looks at the request, and refuses in IAM's words (HTTP 400 AccessDeniedException).
//
// Order: an action the policy grants in no context is refused at once, whatever the request names.
// An action granted only under an access-level condition needs to know who owns the provisioned
// product, record or plan named; when that does not exist there is nothing to own and the operation
// answers its own ResourceNotFoundException, as the service does for an id nobody has.
import { ServiceError } from '../contract';
import type { ManagedPolicyName } from '../identities';
import { evaluate, mayAllow, type Decision } from './evaluate';
import { MANAGED_POLICIES } from './managedPolicies';
import { levelContext, scopeOf, type CatalogOwners, type RequestOrigin } from './serviceCatalog';

export type { CatalogOwners } from './serviceCatalog';

export interface Caller extends RequestOrigin { readonly policy: ManagedPolicyName }

export function authorize(caller: Caller, operation: string, input: Record<string, any>, owners: CatalogOwners): void {
  const policy = MANAGED_POLICIES[caller.policy];
  const request = scopeOf(operation, input, owners, caller);
  if (!mayAllow(policy, request.action, request.resource)) throw accessDenied(caller.callerArn, request.action, request.resource, 'implicitDeny');
  if (request.level === 'missing') return;
  const decision = evaluate(policy, { action: request.action, resource: request.resource, context: levelContext(request.level) });
  if (decision !== 'allow') throw accessDenied(caller.callerArn, request.action, request.resource, decision);
}

/**
 * IAM's denial, e.g. awslabs/service-workbench-on-aws#888: "User: <arn> is not authorized to perform:
 * servicecatalog:CreatePortfolio on resource: arn:aws:catalog:…:* because no identity-based policy
 * allows the servicecatalog:CreatePortfolio action" (an explicit Deny ends "with an explicit deny").
 */
export function accessDenied(callerArn: string, action: string, resource: string, decision: Exclude<Decision, 'allow'> = 'implicitDeny'): ServiceError {
  return new ServiceError('AccessDeniedException', denialMessage(callerArn, action, resource, decision));
}

/** IAM's words for a refused request, whichever service relays them. */
export function denialMessage(callerArn: string, action: string, resource: string, decision: Exclude<Decision, 'allow'>): string {
  const reason = decision === 'explicitDeny'
    ? 'with an explicit deny in an identity-based policy'
    : `because no identity-based policy allows the ${action} action`;
  return `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} ${reason}`;
}
