// Finding a stack reads only its own product's records (CatalogState's per-product index), however
// many records the catalog holds, and finds the same stack by name and by ARN.
import assert from 'node:assert/strict';
import type { RequestContext } from '../../../../src/sandbox/contract';
import { cloudFormationOperations } from '../../../../src/sandbox/cloudformation/operations';
import { SANDBOX_ADMIN } from '../../../../src/sandbox/identities';
import { toDictionary } from '../../../../src/sandbox/service/dictionary';
import { createService, SEED } from '../../../../src/sandbox/service/index';
import { CatalogState } from '../../../../src/sandbox/service/state';
import type { CatalogData } from '../../../../src/sandbox/service/types';

const NOW = Date.UTC(2025, 0, 15, 12);
const CALLER: RequestContext = { accessKeyId: SANDBOX_ADMIN.accessKeyId, callerArn: SANDBOX_ADMIN.arn, accountId: SEED.accountId, region: 'us-east-1', policy: SANDBOX_ADMIN.policy };

/** The seeded catalog (with 200 generated products and their records) as a CatalogState of its own. */
function seededState(): CatalogState {
  const snapshot = createService({ timeScale: 600, generatedProducts: 200, clock: { now: () => NOW } }).snapshot() as CatalogData;
  return new CatalogState({
    ...snapshot, provisionedProducts: toDictionary(snapshot.provisionedProducts), records: toDictionary(snapshot.records),
    plans: toDictionary(snapshot.plans), idempotency: toDictionary(snapshot.idempotency),
  });
}

/** Counts the reads of every record id in catalog order (a scan of all records reads them all). */
function countScans(state: CatalogState): () => number {
  let reads = 0;
  state.data.recordOrder = new Proxy(state.data.recordOrder, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return () => reads;
}

describe('sandbox CloudFormation: finding a stack', () => {
  it('reads no other product\'s records for DescribeStacks, DescribeStackEvents and ListStackResources, by name or ARN', () => {
    const state = seededState();
    assert.ok(state.data.recordOrder.length > 200, `${state.data.recordOrder.length} records`);
    const reads = countScans(state);
    const cfn = cloudFormationOperations(state);
    const name = `SC-${SEED.accountId}-${SEED.provisionedProducts.webMarketingSite.id}`;
    const byName = cfn.DescribeStacks({ StackName: name }, CALLER, NOW) as { Stacks: { StackId: string }[] };
    const arn = byName.Stacks[0].StackId;
    const byArn = cfn.DescribeStacks({ StackName: arn }, CALLER, NOW) as { Stacks: { StackName: string }[] };
    assert.equal(byArn.Stacks[0].StackName, name);
    const events = cfn.DescribeStackEvents({ StackName: arn }, CALLER, NOW) as { StackEvents: unknown[] };
    const resources = cfn.ListStackResources({ StackName: name }, CALLER, NOW) as { StackResourceSummaries: unknown[] };
    assert.ok(events.StackEvents.length > 0 && resources.StackResourceSummaries.length > 0);
    assert.equal(reads(), 0, 'no scan of the catalog\'s records');
  });

  it('keeps the index as records are added: a new record of a product is part of its stack at once', () => {
    const state = seededState();
    const id = SEED.provisionedProducts.devBoxAlice.id;
    const before = [...state.recordsOf(id)].map((r) => r.id);
    const last = state.record(before.at(-1)!)!;
    state.addRecord({ ...last, id: 'rec-indexcheck001' });
    assert.deepEqual([...state.recordsOf(id)].map((r) => r.id), [...before, 'rec-indexcheck001']);
    assert.ok([...state.recordsOf(SEED.provisionedProducts.devBoxBob.id)].every((r) => r.provisionedProductId === SEED.provisionedProducts.devBoxBob.id));
  });
});
