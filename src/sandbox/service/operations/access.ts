// AccessLevelFilter: User shows only what the caller owns; Account (and Role, which the sandbox
// treats like Account since it has no federated roles) shows the whole account.
import type { OpEnv } from '../env';
import { fail } from '../errors';
import { decodePageToken } from '../paging';

export type OwnerFilter = (ownerArn: string) => boolean;

export function ownerFilter(env: OpEnv, filter: { Key?: string; Value?: string } | undefined, defaultKey: 'User' | 'Account'): OwnerFilter {
  const key = filter?.Key ?? defaultKey;
  if (key === 'User') {
    if (filter?.Value !== undefined && filter.Value !== 'self') fail(env.operation, 'invalidParameters', "AccessLevelFilter User supports only the value 'self'.");
    return (ownerArn) => ownerArn === env.caller.callerArn;
  }
  return () => true;
}

export function offsetFrom(env: OpEnv, token: string | undefined): number {
  const offset = decodePageToken(env.operation, token);
  if (offset === undefined) fail(env.operation, 'invalidParameters', 'The PageToken is not valid.');
  return offset;
}
