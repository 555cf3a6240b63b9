// What IAM answers an ordinary end user (AWSServiceCatalogEndUserFullAccess) for the calls that policy
// does not grant, put in front of an SDK client: the extension's code meets the same AccessDenied it
// meets on a real account, whatever the sandbox's own identities do.
import type { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';

/** The Service Catalog actions AWSServiceCatalogEndUserFullAccess does not grant (the ones the extension could call). */
export const NOT_GRANTED_TO_END_USERS = [
  'ListProvisioningArtifacts', 'DescribeProvisioningArtifact', 'GetProvisionedProductOutputs', 'UpdateProvisionedProductProperties',
] as const;

export interface Denials {
  /** Calls refused, by operation. */
  readonly refused: Record<string, number>;
}

/** Makes `client` refuse `actions` as IAM does (HTTP 400 AccessDeniedException with IAM's wording). */
export function denyAsIam(client: ServiceCatalogClient, actions: readonly string[] = NOT_GRANTED_TO_END_USERS): Denials {
  const denials: Denials = { refused: {} };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = String(context.commandName ?? '').replace(/Command$/, '');
      if (!actions.includes(action)) return next(args);
      denials.refused[action] = (denials.refused[action] ?? 0) + 1;
      const message = `User: arn:aws:iam::111122223333:user/sandbox-user is not authorized to perform: servicecatalog:${action} on resource: *`
        + ` because no identity-based policy allows the servicecatalog:${action} action`;
      throw Object.assign(new Error(message), { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    },
    { step: 'initialize', name: 'endUserDenials' },
  );
  return denials;
}
