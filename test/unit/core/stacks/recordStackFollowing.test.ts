// The stacks of a tailer's records, on a virtual clock with the real RecordTailer and follower: all
// of a record's calls inside its budget in every 60 s, DescribeRecord slow while the events say what
// happens, and poked by the stack's start, first failure and end, so each status change is seen soon.
import * as assert from 'node:assert/strict';
import type { RecordDetail, RecordStatus } from '@aws-sdk/client-service-catalog';
import { DEFAULT_CALL_BUDGET } from '../../../../src/core/records/callBudget';
import { seededRandom } from '../../../../src/core/records/clock';
import { RecordTailer } from '../../../../src/core/records/recordTailer';
import { RecordStackFollowing } from '../../../../src/core/stacks/recordStackFollowing';
import type { StackEvent, StackEventsSince } from '../../../../src/core/stacks/types';
import { VirtualClock } from '../../../support/virtualClock';

const STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-pp-abc/11111111-2222-3333-4444-555555555555';
const T0 = 1_000_000;

function event(id: string, atMs: number, logicalId: string, status: string): StackEvent {
  const stack = logicalId === 'SC-stack';
  return { eventId: id, stackId: STACK, timestamp: new Date(T0 + atMs), logicalId, status, resourceType: stack ? 'AWS::CloudFormation::Stack' : 'AWS::S3::Bucket' };
}

/** A failing update: the stack starts at 3 s, a burst every 8 s, fails at 120 s and has rolled back at 185 s. */
function failingUpdate(): { statuses: [number, RecordStatus][]; events: StackEvent[] } {
  const events = [event('start', 3_000, 'SC-stack', 'UPDATE_IN_PROGRESS')];
  for (let i = 0; i < 12; i++) events.push(event(`b${i}a`, 6_000 + i * 8_000, `Bucket${i}`, 'UPDATE_IN_PROGRESS'), event(`b${i}b`, 6_600 + i * 8_000, `Bucket${i}`, 'UPDATE_COMPLETE'));
  events.push(event('fail', 120_000, 'Bucket3', 'UPDATE_FAILED'), event('rb', 120_500, 'SC-stack', 'UPDATE_ROLLBACK_IN_PROGRESS'));
  events.push(event('end', 185_000, 'SC-stack', 'UPDATE_ROLLBACK_COMPLETE'));
  return { statuses: [[0, 'CREATED'], [3_000, 'IN_PROGRESS'], [121_000, 'IN_PROGRESS_IN_ERROR'], [185_000, 'FAILED']], events };
}

function setup(readerFails?: () => boolean) {
  const clock = new VirtualClock(T0);
  const { statuses, events } = failingUpdate();
  const calls: { kind: 'record' | 'events'; atMs: number }[] = [];
  const statusAt = (ms: number) => statuses.filter(([at]) => at <= ms).at(-1)![1];
  const tailer = new RecordTailer({
    describeRecord: async (RecordId) => {
      calls.push({ kind: 'record', atMs: clock.now() - T0 });
      return { RecordDetail: { RecordId, Status: statusAt(clock.now() - T0) }, RecordOutputs: [] };
    },
    clock, random: seededRandom(3), callBudget: DEFAULT_CALL_BUDGET,
  });
  const reader = {
    eventsSince: async (_stack: string, after?: string): Promise<StackEventsSince> => {
      calls.push({ kind: 'events', atMs: clock.now() - T0 });
      if (readerFails?.()) throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
      const known = events.filter((e) => e.timestamp.getTime() <= clock.now());
      return { events: known.slice(after ? known.findIndex((e) => e.eventId === after) + 1 : 0), truncated: false };
    },
  };
  const seen: { id: string; atMs: number }[] = [];
  const following = new RecordStackFollowing({
    tailer, reader: () => reader, clock, random: seededRandom(5),
    productOf: () => ({ Type: 'CFN_STACK', PhysicalId: STACK }),
    onEvents: (_recordId, batch) => seen.push(...batch.map((e) => ({ id: e.eventId, atMs: clock.now() - T0 }))),
  });
  const changes: { status?: RecordStatus; atMs: number }[] = [];
  tailer.onChange((_id, detail) => changes.push({ status: detail.Status, atMs: clock.now() - T0 }));
  following.begin('rec-1', 'pp-1', T0);
  const created: RecordDetail = { RecordId: 'rec-1', Status: 'CREATED' };
  const final = tailer.tail('rec-1', { startedAtMs: T0 }, created).final.then(async (end) => (await following.finish('rec-1'), end));
  return { clock, tailer, following, calls, seen, changes, final, events };
}

function maxInAnyWindow(times: readonly number[], windowMs = 60_000): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));
}

describe('record stack following', () => {
  it('keeps all of a record\'s calls within 12 in any 60 s, DescribeRecord slow while events flow, and sees each status soon through pokes', async () => {
    const { clock, calls, seen, changes, final, events } = setup();
    let ended = false;
    void final.then(() => (ended = true));
    await clock.runUntil(() => ended, T0 + 400_000);
    assert.ok(ended, 'the record ended');
    assert.ok(maxInAnyWindow(calls.map((c) => c.atMs)) <= 12, `${maxInAnyWindow(calls.map((c) => c.atMs))} calls in one window`);
    assert.deepEqual(seen.map((s) => s.id), events.map((e) => e.eventId), 'every event once, in order');
    const describesWhileFlowing = calls.filter((c) => c.kind === 'record' && c.atMs > 15_000 && c.atMs < 115_000).length;
    assert.ok(describesWhileFlowing <= 2, `${describesWhileFlowing} DescribeRecord calls while the events said what happens`);
    const seenAt = (status: RecordStatus) => changes.find((c) => c.status === status)?.atMs ?? Infinity;
    assert.ok(seenAt('IN_PROGRESS') - 3_000 <= 8_000, `IN_PROGRESS seen after ${seenAt('IN_PROGRESS') - 3_000} ms`);
    assert.ok(seenAt('IN_PROGRESS_IN_ERROR') - 121_000 <= 10_000, `IN_PROGRESS_IN_ERROR seen after ${seenAt('IN_PROGRESS_IN_ERROR') - 121_000} ms`);
    assert.ok(seenAt('FAILED') - 185_000 <= 10_000, `FAILED seen after ${seenAt('FAILED') - 185_000} ms`);
    const delays = seen.map((s, i) => s.atMs - (events[i].timestamp.getTime() - T0)).sort((a, b) => a - b);
    // Events every 8 s are read evenly through the minute: no stretch where the budget is spent and nothing is read.
    assert.ok(delays[Math.floor(delays.length / 2)] <= 3_500, `median event delay ${delays[Math.floor(delays.length / 2)]} ms`);
    assert.ok(delays[delays.length - 1] <= 16_000, `longest event delay ${delays[delays.length - 1]} ms`);
  });

  it('puts DescribeRecord back to its own pace while the stack cannot be read', async () => {
    const { clock, calls } = setup(() => clock.now() - T0 > 20_000);
    await clock.advanceTo(T0 + 100_000);
    const describes = calls.filter((c) => c.kind === 'record' && c.atMs > 30_000 && c.atMs < 100_000).length;
    assert.ok(describes >= 4, `${describes} DescribeRecord calls while the events failed`);
  });
});
