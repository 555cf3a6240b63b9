import * as assert from 'node:assert/strict';
import type { RecordDetail, RecordStatus } from '@aws-sdk/client-service-catalog';
import {
  DEFAULT_POLL_OPTIONS, MemoryTailStore, RecordTailer, adaptivePollPolicy, fixedPollPolicy,
  seededRandom, TailCancelledError, type DescribeRecordResult,
} from '../../../../src/core/records';
import { generateSimulatedRecords, simulateTailing, type SimulatedRecord } from '../../../support/simulatedRecords';
import { VirtualClock } from '../../../support/virtualClock';

/** A fake service: each record's status follows a timeline of [atMs, status] from its registration. */
class FakeRecords {
  readonly calls: { recordId: string; atMs: number }[] = [];
  private readonly timelines = new Map<string, { startMs: number; steps: [number, RecordStatus][] }>();
  failNext: ((recordId: string) => Error | undefined) | undefined;

  constructor(private readonly clock: VirtualClock) {}

  add(recordId: string, steps: [number, RecordStatus][]): void {
    this.timelines.set(recordId, { startMs: this.clock.now(), steps });
  }

  readonly describe = async (recordId: string): Promise<DescribeRecordResult> => {
    this.calls.push({ recordId, atMs: this.clock.now() });
    const failure = this.failNext?.(recordId);
    if (failure) throw failure;
    const timeline = this.timelines.get(recordId)!;
    const since = this.clock.now() - timeline.startMs;
    let status = timeline.steps[0][1];
    for (const [atMs, s] of timeline.steps) if (atMs <= since) status = s;
    return { RecordDetail: { RecordId: recordId, Status: status }, RecordOutputs: [{ OutputKey: 'Url', OutputValue: 'x' }] };
  };

  callsFor(recordId: string): number {
    return this.calls.filter((c) => c.recordId === recordId).length;
  }
}

function namedError(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

function setup(options: { store?: MemoryTailStore; policy?: ReturnType<typeof fixedPollPolicy>; maxConcurrentCalls?: number } = {}) {
  const clock = new VirtualClock(1_000_000);
  const service = new FakeRecords(clock);
  const tailer = new RecordTailer({
    describeRecord: service.describe, clock, random: seededRandom(3), store: options.store,
    pollPolicy: options.policy, maxConcurrentCalls: options.maxConcurrentCalls,
  });
  const changes: [string, RecordStatus | undefined, RecordStatus | undefined][] = [];
  const finals: [string, RecordDetail][] = [];
  tailer.onChange((id, detail, previous) => changes.push([id, previous, detail.Status]));
  tailer.onFinal((id, detail) => finals.push([id, detail]));
  return { clock, service, tailer, changes, finals };
}

const MINUTE = 60_000;

describe('RecordTailer', () => {
  it('tells onDescribe of every answered DescribeRecord with its outputs, the final one included', async () => {
    const { clock, service, tailer } = setup({ policy: fixedPollPolicy(1_000) });
    service.add('rec-d', [[0, 'IN_PROGRESS'], [2_500, 'SUCCEEDED']]);
    const seen: [string, string | undefined, string | undefined][] = [];
    tailer.onDescribe((id, detail, outputs) => seen.push([id, detail.Status, outputs[0]?.OutputKey]));
    tailer.tail('rec-d');
    await clock.advanceBy(MINUTE);
    assert.deepEqual(tailer.activeRecordIds, []);
    assert.equal(seen.length, service.callsFor('rec-d'));
    assert.deepEqual(seen[0], ['rec-d', 'IN_PROGRESS', 'Url']);
    assert.deepEqual(seen[seen.length - 1], ['rec-d', 'SUCCEEDED', 'Url']);
  });

  it('keeps a minimum interval between DescribeRecord calls once set, and a poke still describes at once', async () => {
    const { clock, service, tailer } = setup({ policy: fixedPollPolicy(1_000) });
    service.add('rec-m', [[0, 'IN_PROGRESS']]);
    tailer.tail('rec-m');
    await clock.advanceBy(10);
    tailer.setMinInterval('rec-m', 20_000);
    await clock.advanceBy(1_500); // the call scheduled before the setting still goes
    const before = service.callsFor('rec-m');
    await clock.advanceBy(MINUTE);
    assert.equal(service.callsFor('rec-m') - before, 3, 'one call per 20 s');
    tailer.poke('rec-m');
    await clock.advanceBy(10);
    assert.equal(service.callsFor('rec-m') - before, 4);
    tailer.setMinInterval('rec-m', undefined);
    await clock.advanceBy(30_000); // the call already due in 20 s, then the policy's 1 s
    assert.ok(service.callsFor('rec-m') - before >= 10, 'back to the policy pace');
    tailer.dispose();
  });
  it('reports first sight, each change once and the final once, then stops polling', async () => {
    const { clock, service, tailer, changes, finals } = setup();
    service.add('r1', [[0, 'CREATED'], [2_000, 'IN_PROGRESS'], [40_000, 'SUCCEEDED']]);
    const handle = tailer.tail('r1', { startedAtMs: clock.now() });
    await clock.advanceBy(5 * MINUTE);
    assert.deepEqual(changes, [['r1', undefined, 'CREATED'], ['r1', 'CREATED', 'IN_PROGRESS'], ['r1', 'IN_PROGRESS', 'SUCCEEDED']]);
    assert.equal(finals.length, 1);
    assert.equal((await handle.final).Status, 'SUCCEEDED');
    assert.equal(clock.pendingTimerCount, 0);
    const callsAtEnd = service.calls.length;
    await clock.advanceBy(5 * MINUTE);
    assert.equal(service.calls.length, callsAtEnd);
  });

  it('describes a record at once when poked (the tree saw its end), and not while a call for it is due', async () => {
    const { clock, service, tailer, finals } = setup({ policy: adaptivePollPolicy({ jitterRatio: 0 }) });
    service.add('r1', [[0, 'IN_PROGRESS'], [60_000, 'SUCCEEDED']]);
    tailer.tail('r1', { startedAtMs: clock.now() });
    await clock.advanceBy(60_500);
    assert.equal(finals.length, 0, 'the next poll is still seconds away');
    const calls = service.calls.length;
    tailer.poke('r1');
    tailer.poke('r1');
    await clock.advanceBy(10);
    assert.equal(service.calls.length, calls + 1, 'one call for two pokes');
    assert.equal(finals.length, 1);
    tailer.poke('r1'); // no longer followed: nothing happens
    await clock.advanceBy(10);
    assert.equal(service.calls.length, calls + 1);
  });

  it('keeps polling through IN_PROGRESS_IN_ERROR until FAILED', async () => {
    const { clock, service, tailer, changes, finals } = setup();
    service.add('r1', [[0, 'IN_PROGRESS'], [10_000, 'IN_PROGRESS_IN_ERROR'], [90_000, 'FAILED']]);
    const handle = tailer.tail('r1');
    await clock.advanceBy(60_000);
    assert.equal(finals.length, 0, 'IN_PROGRESS_IN_ERROR is not terminal');
    assert.deepEqual(tailer.activeRecordIds, ['r1']);
    await clock.advanceBy(2 * MINUTE);
    assert.deepEqual(changes.map((c) => c[2]), ['IN_PROGRESS', 'IN_PROGRESS_IN_ERROR', 'FAILED']);
    assert.equal((await handle.final).Status, 'FAILED');
  });

  it('polls about once a second at first, then backs off to the cap', async () => {
    const { clock, service, tailer } = setup({ policy: adaptivePollPolicy({ jitterRatio: 0 }) });
    service.add('r1', [[0, 'IN_PROGRESS'], [30 * MINUTE, 'SUCCEEDED']]);
    tailer.tail('r1', { startedAtMs: clock.now() });
    await clock.advanceBy(10 * MINUTE);
    const gaps = service.calls.slice(1).map((c, i) => c.atMs - service.calls[i].atMs);
    assert.ok(gaps.slice(0, 4).every((g) => g === 1_000), `fast phase gaps ${gaps.slice(0, 4)}`);
    for (let i = 5; i < gaps.length; i++) assert.ok(gaps[i] >= gaps[i - 1], 'gaps never shrink without an expected duration');
    assert.equal(Math.max(...gaps), 12_000);
    assert.equal(gaps[gaps.length - 1], 12_000);
  });

  it('polls hard around the expected duration and spends at most ~10 calls per record-minute', async () => {
    const { clock, service, tailer, finals } = setup();
    const expected = 4 * MINUTE;
    service.add('r1', [[0, 'IN_PROGRESS'], [expected + 10_000, 'SUCCEEDED']]);
    tailer.tail('r1', { startedAtMs: clock.now(), expectedDurationMs: expected });
    await clock.runUntil(() => finals.length === 1);
    const start = service.calls[0].atMs;
    const inWindow = service.calls.filter((c) => c.atMs - start > expected * 0.9 && c.atMs - start <= expected + 10_000);
    const gapsInWindow = inWindow.slice(1).map((c, i) => c.atMs - inWindow[i].atMs);
    const maxGap = DEFAULT_POLL_OPTIONS.expectedWindowIntervalMs * (1 + DEFAULT_POLL_OPTIONS.jitterRatio);
    assert.ok(Math.max(...gapsInWindow) <= maxGap, `window gaps ${gapsInWindow}`);
    const detection = clock.now() - (start + expected + 10_000);
    assert.ok(detection <= 3_600, `detected after ${detection} ms`);
    const minutes = (expected + 10_000) / MINUTE;
    assert.ok(service.calls.length / minutes <= 10, `${service.calls.length} calls over ${minutes} minutes`);
  });

  it('limits DescribeRecord calls in flight', async () => {
    const clock = new VirtualClock(0);
    let inFlight = 0;
    let peak = 0;
    const tailer = new RecordTailer({
      clock, random: seededRandom(1), maxConcurrentCalls: 4,
      describeRecord: (recordId) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        return new Promise((resolve) => clock.setTimeout(() => {
          inFlight--;
          resolve({ RecordDetail: { RecordId: recordId, Status: clock.now() > 20_000 ? 'SUCCEEDED' : 'IN_PROGRESS' } });
        }, 500));
      },
    });
    const handles = Array.from({ length: 12 }, (_, i) => tailer.tail(`r${i}`));
    await clock.advanceBy(MINUTE);
    assert.equal(peak, 4);
    for (const h of handles) assert.equal((await h.final).Status, 'SUCCEEDED');
  });

  it('backs off every record on ThrottlingException, never drops one, and recovers', async () => {
    const { clock, service, tailer, finals } = setup({ policy: fixedPollPolicy(1_000) });
    service.add('a', [[0, 'IN_PROGRESS'], [5 * MINUTE, 'SUCCEEDED']]);
    service.add('b', [[0, 'IN_PROGRESS'], [5 * MINUTE, 'SUCCEEDED']]);
    tailer.tail('a');
    tailer.tail('b');
    await clock.advanceBy(10_000);
    const throttleUntil = clock.now() + 30_000;
    service.failNext = () => (clock.now() < throttleUntil ? namedError('ThrottlingException') : undefined);
    const callsBefore = service.calls.length;
    await clock.advanceBy(30_000);
    const callsWhileThrottled = service.calls.length - callsBefore;
    assert.ok(callsWhileThrottled < 15, `${callsWhileThrottled} calls in 30 s of throttling (60 without back-off)`);
    assert.ok(tailer.throttleMultiplier >= 8, `multiplier ${tailer.throttleMultiplier}`);
    await clock.advanceBy(3 * MINUTE);
    assert.equal(tailer.throttleMultiplier < 1.5, true, 'penalty decays once calls succeed again');
    assert.deepEqual(tailer.activeRecordIds.sort(), ['a', 'b']);
    await clock.advanceBy(3 * MINUTE);
    assert.deepEqual(finals.map((f) => f[0]).sort(), ['a', 'b']);
  });

  it('slows records that were not throttled themselves (throttling is per account)', async () => {
    const { clock, service, tailer } = setup({ policy: fixedPollPolicy(1_000) });
    service.add('a', [[0, 'IN_PROGRESS']]);
    service.add('b', [[0, 'IN_PROGRESS']]);
    tailer.tail('a');
    tailer.tail('b');
    await clock.advanceBy(5_000);
    service.failNext = (id) => (id === 'a' ? namedError('ThrottlingException') : undefined);
    const bBefore = service.callsFor('b');
    await clock.advanceBy(30_000);
    const bCalls = service.callsFor('b') - bBefore;
    assert.ok(bCalls < 24, `b made ${bCalls} calls in 30 s (30 without the shared penalty)`);
  });

  it('retries network errors with growing delays', async () => {
    const { clock, service, tailer, finals } = setup({ policy: fixedPollPolicy(1_000) });
    service.add('r1', [[0, 'IN_PROGRESS'], [MINUTE, 'SUCCEEDED']]);
    let failing = true;
    service.failNext = () => (failing ? namedError('TimeoutError') : undefined);
    tailer.tail('r1');
    await clock.advanceBy(MINUTE);
    const times = service.calls.map((c) => c.atMs);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    assert.ok(gaps.length >= 4 && gaps.length <= 7, `calls ${times.length}`);
    assert.ok(gaps[3] > gaps[1] * 2, `gaps grow: ${gaps}`);
    failing = false;
    await clock.advanceBy(MINUTE);
    assert.equal(finals.length, 1);
  });

  it('reports ResourceNotFoundException as a final failure', async () => {
    const { clock, service, tailer, finals } = setup();
    service.failNext = () => namedError('ResourceNotFoundException');
    const handle = tailer.tail('gone', { recordType: 'PROVISION_PRODUCT' });
    await clock.advanceBy(1_000);
    const detail = await handle.final;
    assert.equal(detail.Status, 'FAILED');
    assert.equal(detail.RecordErrors?.[0].Code, 'ResourceNotFoundException');
    assert.equal(finals.length, 1);
    assert.equal(service.calls.length, 1);
  });

  it('ends a record it may not read (AccessDenied) at once, says why once, and does not ask again after a reload', async () => {
    const store = new MemoryTailStore();
    const { clock, service, tailer, finals } = setup({ store });
    const unreadable: [string, string | undefined, string][] = [];
    tailer.onUnreadable((id, meta, reason) => unreadable.push([id, meta.recordType, reason]));
    service.add('rec-other', [[0, 'IN_PROGRESS']]);
    service.failNext = () => Object.assign(namedError('AccessDeniedException'), {
      message: 'User: arn:aws:iam::123456789012:user/sandbox-user is not authorized to perform: servicecatalog:DescribeRecord on resource: arn:aws:servicecatalog:us-east-1:123456789012:record/rec-other because no identity-based policy allows the servicecatalog:DescribeRecord action',
    });
    const handle = tailer.tail('rec-other', { recordType: 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES' }, { RecordId: 'rec-other', Status: 'IN_PROGRESS' });
    await clock.advanceBy(10 * MINUTE);
    await assert.rejects(handle.final, (e: Error) => e.name === 'RecordUnreadableError' && e instanceof TailCancelledError);
    assert.equal(service.calls.length, 1, 'one refusal is enough: no retries');
    assert.deepEqual(unreadable.map(([id, type]) => [id, type]), [['rec-other', 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES']]);
    assert.match(unreadable[0][2], /^Your AWS permissions do not allow servicecatalog:DescribeRecord here\./);
    assert.deepEqual(finals, [], 'no status is made up for it');
    assert.deepEqual(tailer.activeRecordIds, []);
    await tailer.flushStore();
    tailer.dispose();

    const reloaded = setup({ store });
    const again: string[] = [];
    reloaded.tailer.onUnreadable((id) => again.push(id));
    await reloaded.tailer.resume();
    await reloaded.clock.advanceBy(MINUTE);
    assert.deepEqual([reloaded.tailer.activeRecordIds, reloaded.service.calls.length, again], [[], 0, []]);
  });

  it('uses an initial detail as first sight and does not describe at once', async () => {
    const { clock, service, tailer, changes } = setup();
    service.add('r1', [[0, 'CREATED']]);
    tailer.tail('r1', {}, { RecordId: 'r1', Status: 'CREATED' });
    assert.deepEqual(changes, [['r1', undefined, 'CREATED']]);
    await clock.advanceBy(500);
    assert.equal(service.calls.length, 0);
    await clock.advanceBy(1_000);
    assert.equal(service.calls.length, 1);
    assert.equal(changes.length, 1, 'an unchanged status is not reported again');
  });

  it('resumes after a reload and reports the final exactly once', async () => {
    const store = new MemoryTailStore();
    const first = setup({ store });
    first.service.add('r1', [[0, 'CREATED'], [3_000, 'IN_PROGRESS'], [2 * MINUTE, 'SUCCEEDED']]);
    first.service.add('r2', [[0, 'IN_PROGRESS'], [10_000, 'SUCCEEDED']]);
    first.tailer.tail('r1');
    first.tailer.tail('r2');
    await first.clock.advanceBy(20_000);
    await first.tailer.flushStore();
    assert.deepEqual(first.finals.map((f) => f[0]), ['r2']);
    first.tailer.dispose(); // window reload

    const second = setup({ store });
    second.service.add('r1', [[0, 'IN_PROGRESS'], [MINUTE, 'SUCCEEDED']]);
    second.service.add('r2', [[0, 'SUCCEEDED']]);
    await second.tailer.resume();
    assert.deepEqual(second.tailer.activeRecordIds, ['r1'], 'r2 was reported before the reload');
    await second.clock.advanceBy(3 * MINUTE);
    assert.deepEqual(second.changes, [['r1', 'IN_PROGRESS', 'SUCCEEDED']], 'IN_PROGRESS was already seen before the reload');
    assert.deepEqual(second.finals.map((f) => f[0]), ['r1']);
    assert.equal(second.service.callsFor('r2'), 0);

    await second.tailer.resume(); // the store read again
    await second.clock.advanceBy(MINUTE);
    assert.equal(second.finals.length, 1);
    await second.tailer.flushStore();
    second.tailer.dispose();

    const third = setup({ store });
    third.service.add('r1', [[0, 'SUCCEEDED']]);
    await third.tailer.resume();
    assert.deepEqual(third.tailer.activeRecordIds, []);
    const retailed = third.tailer.tail('r1'); // the UI asks again for a reported record: answer, but no event
    await third.clock.advanceBy(1_000);
    assert.equal((await retailed.final).Status, 'SUCCEEDED');
    assert.deepEqual(third.finals, []);
    assert.deepEqual(third.changes, []);
  });

  it('persists each tailed record with its meta and last status', async () => {
    const store = new MemoryTailStore();
    const { clock, service, tailer } = setup({ store });
    service.add('r1', [[0, 'CREATED'], [1_500, 'IN_PROGRESS']]);
    tailer.tail('r1', { label: 'web-app', expectedDurationMs: 120_000, startedAtMs: clock.now() });
    await clock.advanceBy(3_000);
    await tailer.flushStore();
    const [entry] = store.load();
    assert.equal(entry.recordId, 'r1');
    assert.equal(entry.lastStatus, 'IN_PROGRESS');
    assert.deepEqual(entry.meta, { label: 'web-app', expectedDurationMs: 120_000, startedAtMs: 1_000_000 });
    assert.equal(entry.finalReportedAtMs, undefined);
  });

  it('untail forgets a record; dispose cancels every timer and rejects pending handles', async () => {
    const store = new MemoryTailStore();
    const { clock, service, tailer, finals } = setup({ store });
    service.add('a', [[0, 'IN_PROGRESS']]);
    service.add('b', [[0, 'IN_PROGRESS']]);
    const a = tailer.tail('a');
    const b = tailer.tail('b');
    await clock.advanceBy(5_000);
    a.untail();
    await assert.rejects(a.final, { name: 'TailCancelledError' });
    await tailer.flushStore();
    assert.deepEqual(store.load().map((e) => e.recordId), ['b']);
    tailer.dispose();
    await assert.rejects(b.final, { name: 'TailCancelledError' });
    assert.equal(clock.pendingTimerCount, 0);
    const calls = service.calls.length;
    await clock.advanceBy(MINUTE);
    assert.equal(service.calls.length, calls);
    assert.equal(finals.length, 0);
    assert.throws(() => tailer.tail('c'));
  });
});

describe('simulateTailing', () => {
  const records = generateSimulatedRecords({ count: 200, seed: 11 });
  const unknownDurations = generateSimulatedRecords({ count: 200, seed: 11, withExpectedDuration: false });

  it('with expected durations: median final detection ≈ 2 s, p95 under 20 s, ≤ 10 calls per record-minute', async () => {
    const result = await simulateTailing({ records, pollPolicy: adaptivePollPolicy() });
    assert.equal(result.finalReports, records.length);
    assert.ok(result.callsPerRecordMinute <= 10, `calls/min ${result.callsPerRecordMinute}`);
    assert.ok(result.finalDetection.medianMs <= 2_600, `median ${result.finalDetection.medianMs}`);
    assert.ok(result.finalDetection.p95Ms <= 20_000, `p95 ${result.finalDetection.p95Ms}`);
    assert.ok(result.changeDetection.medianMs <= 2_000, `all-change median ${result.changeDetection.medianMs}`);
  });

  it('without expected durations: ≤ 10 calls per record-minute, finals seen within the cap', async () => {
    const result = await simulateTailing({ records: unknownDurations, pollPolicy: adaptivePollPolicy() });
    assert.ok(result.callsPerRecordMinute <= 10, `calls/min ${result.callsPerRecordMinute}`);
    assert.ok(result.finalDetection.p95Ms <= 13_000, `p95 ${result.finalDetection.p95Ms}`);
  });

  it('costs several times fewer calls than a fixed 1 s poll', async () => {
    const adaptive = await simulateTailing({ records, pollPolicy: adaptivePollPolicy() });
    const fixed = await simulateTailing({ records, pollPolicy: fixedPollPolicy(1_000) });
    assert.ok(fixed.callsPerRecordMinute > 45, `fixed ${fixed.callsPerRecordMinute}`);
    assert.ok(fixed.finalDetection.medianMs < 1_000);
    assert.ok(adaptive.callsPerRecordMinute * 4 < fixed.callsPerRecordMinute);
  });

  it('under an account rate limit, throttled calls stay few and every record finishes', async () => {
    const busy: SimulatedRecord[] = generateSimulatedRecords({ count: 60, seed: 5, meanArrivalGapMs: 500 });
    const limit = { perSecond: 2, burst: 5 };
    const adaptive = await simulateTailing({ records: busy, pollPolicy: adaptivePollPolicy(), accountRateLimit: limit });
    const fixed = await simulateTailing({ records: busy, pollPolicy: fixedPollPolicy(1_000), accountRateLimit: limit });
    assert.equal(adaptive.finalReports, busy.length);
    assert.equal(fixed.finalReports, busy.length);
    assert.ok(adaptive.throttledCalls < fixed.throttledCalls, `${adaptive.throttledCalls} vs ${fixed.throttledCalls}`);
  });
});
