// Advancing the state to "now": only unsettled records and plans can change, so the cost is
// proportional to the work in flight, not to the number of provisioned products.
import type { CatalogState } from './state';
import { lastTransitionAt, statusAt } from './timeline';
import { settleRecord, stackCreated } from './lifecycle';

export function advanceTo(state: CatalogState, now: number): void {
  advancePlans(state, now);
  const pending = [...state.pendingRecords].map((id) => state.record(id)!);
  // Settle in finishing order so a product's later record always lands last.
  pending.sort((a, b) => a.timeline.endsAt - b.timeline.endsAt);
  for (const record of pending) {
    record.status = statusAt(record.timeline, now);
    record.updatedTime = lastTransitionAt(record.timeline, record.createdTime, now);
    if (now >= record.timeline.startedAt) stackCreated(state, record);
    if (now >= record.timeline.endsAt) settleRecord(state, record);
  }
}

function advancePlans(state: CatalogState, now: number): void {
  for (const id of [...state.pendingPlans]) {
    const plan = state.plan(id)!;
    if (now < plan.readyAt) continue;
    plan.status = 'CREATE_SUCCESS';
    plan.updatedTime = plan.readyAt;
    state.pendingPlans.delete(id);
    const pp = state.provisionedProduct(plan.provisionedProductId);
    // A plan for a new product keeps its placeholder PLAN_IN_PROGRESS until executed; an existing
    // product goes back to the status it had.
    if (pp && !plan.forNewProduct && pp.status === 'PLAN_IN_PROGRESS') {
      pp.status = pp.statusBeforeChange ?? 'AVAILABLE';
    }
  }
}
