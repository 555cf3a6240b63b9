// A record's call budget: never more than 12 calls in any 60 s, however greedy the caller, and the
// calls spread through the minute instead of all at its start.
import * as assert from 'node:assert/strict';
import { CallBudget, DEFAULT_CALL_BUDGET } from '../../../../src/core/records/callBudget';

function maxInAnyWindow(times: readonly number[], windowMs = 60_000): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));
}

/** Calls as soon as the budget allows, for `forMs`, keeping `keepFree` in reserve; `after` looks at the budget after each call. */
function greedy(budget: CallBudget, forMs: number, keepFree = 0, after?: (now: number) => void): number[] {
  const calls: number[] = [];
  for (let now = 0; now < forMs; ) {
    const wait = budget.waitMs(now, keepFree);
    if (wait === 0) {
      budget.note(now);
      calls.push(now);
      after?.(now);
    } else now += wait;
  }
  return calls;
}

describe('record call budget', () => {
  it('lets no more than 12 calls through in any 60 s, and spreads a greedy caller\'s calls evenly after the first burst', () => {
    const budget = new CallBudget();
    assert.equal(budget.limitPerMinute, 12);
    const calls = greedy(budget, 10 * 60_000);
    assert.equal(maxInAnyWindow(calls), 12);
    assert.equal(calls.filter((t) => t === 0).length, DEFAULT_CALL_BUDGET.burst, 'the burst goes at once');
    const gaps = calls.slice(1).map((t, i) => t - calls[i]);
    assert.ok(Math.max(...gaps) <= 30_000, `longest gap ${Math.max(...gaps)} ms`);
    const lastMinutes = calls.filter((t) => t >= 5 * 60_000);
    assert.ok(lastMinutes.length >= 5 * 10 - 1 && lastMinutes.length <= 5 * 10 + 1, `${lastMinutes.length} calls in the last 5 minutes: 10 a minute`);
    const steadyGaps = lastMinutes.slice(1).map((t, i) => t - lastMinutes[i]);
    assert.ok(Math.max(...steadyGaps) <= 6_001, `steady gaps up to ${Math.max(...steadyGaps)} ms`);
  });

  it('keeps room for other calls: a caller keeping one free never takes the last', () => {
    const budget = new CallBudget();
    let checked = 0;
    greedy(budget, 120_000, 1, (now) => {
      checked++;
      assert.equal(budget.waitMs(now), 0, `at ${now} ms one call may still go at once`);
    });
    assert.ok(checked > 10);
  });

  it('counts a call made without room as a debt the next calls wait for', () => {
    const budget = new CallBudget({ burst: 2, perMinute: 6, maxPerMinute: 12 });
    for (let i = 0; i < 4; i++) budget.note(0);
    assert.equal(budget.available(0), -2);
    assert.equal(budget.waitMs(0), 30_000, 'three calls\' worth to refill at one per 10 s');
  });
});
