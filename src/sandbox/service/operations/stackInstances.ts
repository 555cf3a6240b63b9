// ListStackInstancesForProvisionedProduct: a CFN_STACKSET product's stack instances, one per account
// and region of its stack set preferences, with a status that follows its last provisioning record
// (or the product's stuck instances, seedCatalog.ts).
import type { OpEnv } from '../env';
import { fail } from '../errors';
import { resolveProvisionedProduct } from '../lookup';
import { pageOf } from '../paging';
import { offsetFrom } from './access';

export function listStackInstancesForProvisionedProduct(input: Record<string, any>, env: OpEnv) {
  const pp = resolveProvisionedProduct(env, input.ProvisionedProductId, undefined);
  if (pp.type !== 'CFN_STACKSET') {
    // The model allows InvalidParametersException or ResourceNotFoundException here; no public source quotes
    // the service's words for a product that is no stack set, so these are the sandbox's own.
    fail(env.operation, 'invalidParameters', `Provisioned product ${pp.id} is not of type CFN_STACKSET.`);
  }
  const record = pp.lastProvisioningRecordId ? env.state.record(pp.lastProvisioningRecordId) : undefined;
  const running = record !== undefined && !record.settled;
  const product = env.state.product(pp.productId);
  const preferences = (running ? record.effect.stackSet : undefined) ?? pp.stackSet ?? product?.stackSet ?? { accounts: [], regions: [] };
  // An instance is OUTDATED while a change to it runs and after a failed one, CURRENT once it succeeded;
  // a stuck one keeps its own status whatever the stack set's operations did.
  const status = running || record?.status === 'FAILED' ? 'OUTDATED' : 'CURRENT';
  const stuck = product?.behavior.stuckStackInstances ?? [];
  const statusOf = (account: string, region: string) => stuck.find((i) => i.account === account && i.region === region)?.status ?? status;
  const instances = preferences.accounts.flatMap((Account) => preferences.regions.map((Region) => ({ Account, Region, StackInstanceStatus: statusOf(Account, Region) })));
  const page = pageOf(instances, offsetFrom(env, input.PageToken), input.PageSize, 20, env.operation);
  return { StackInstances: page.items, NextPageToken: page.nextPageToken };
}
