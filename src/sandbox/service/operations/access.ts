// Who may see what. AccessLevelFilter: User shows only what the caller owns; Role what any session of
// the caller's role owns (an IAM user is its own principal); Account the whole account. IAM has
// already refused a level the caller's policy does not grant (src/sandbox/iam), so here the filter
// only narrows. Ownership follows the provisioned product's current owner (UserArn), which
// UpdateProvisionedProductProperties OWNER changes: the new owner may describe every past record of
// the product, the previous one none (DescribeRecord's documentation).
import type { CatalogOwners } from '../../iam/index';
import type { OpEnv } from '../env';
import { fail } from '../errors';
import { principalOf } from '../launchPaths';
import { decodePageToken } from '../paging';
import type { CatalogState } from '../state';
import type { PlanData, RecordData } from '../types';

export type OwnerFilter = (ownerArn: string) => boolean;

export function ownerFilter(env: OpEnv, filter: { Key?: string; Value?: string } | undefined, defaultKey: 'User' | 'Account'): OwnerFilter {
  const key = filter?.Key ?? defaultKey;
  if (key === 'User') {
    if (filter?.Value !== undefined && filter.Value !== 'self') fail(env.operation, 'invalidParameters', "AccessLevelFilter User supports only the value 'self'.");
    return (ownerArn) => ownerArn === env.caller.callerArn;
  }
  if (key === 'Role') {
    const principal = principalOf(env.caller.callerArn);
    return (ownerArn) => principalOf(ownerArn) === principal;
  }
  return () => true;
}

/** The current owner of the provisioned product a record belongs to (records outlive their products). */
export function currentOwnerOfRecord(state: CatalogState, record: RecordData): string {
  return state.provisionedProduct(record.provisionedProductId)?.userArn ?? record.ownerArn;
}

/**
 * The current owner of the provisioned product a plan is for; a plan for a product not yet provisioned
 * (its placeholder gone once the plan is deleted) belongs to whoever created it.
 */
export function currentOwnerOfPlan(state: CatalogState, plan: PlanData): string {
  return state.provisionedProduct(plan.provisionedProductId)?.userArn ?? plan.ownerArn;
}

/** What IAM's access-level check needs to know about the catalog. */
export function catalogOwners(state: CatalogState): CatalogOwners {
  return {
    productIdByName: (name) => state.productByName(name)?.id,
    // A request naming its product both ways (or neither) names none: the operation refuses it itself.
    provisionedProductOwner: (id, nameOrArn) => {
      if ((id === undefined) === (nameOrArn === undefined)) return undefined;
      if (id !== undefined) return state.liveProvisionedProduct(id)?.userArn;
      if (nameOrArn === undefined) return undefined;
      if (!nameOrArn.startsWith('arn:')) return state.liveProvisionedProductByName(nameOrArn)?.userArn;
      const pp = state.liveProvisionedProduct(nameOrArn.split('/').pop() ?? '');
      return pp?.arn === nameOrArn ? pp.userArn : undefined;
    },
    recordOwner: (recordId) => {
      const record = state.record(recordId);
      return record && currentOwnerOfRecord(state, record);
    },
    planOwner: (planId) => {
      const plan = state.plan(planId);
      return plan && currentOwnerOfPlan(state, plan);
    },
  };
}

export function offsetFrom(env: OpEnv, token: string | undefined): number {
  const offset = decodePageToken(env.operation, token);
  if (offset === undefined) fail(env.operation, 'invalidParameters', 'The PageToken is not valid.');
  return offset;
}
