// The stack event follower under a virtual clock: inside the record's budget in every 60 s window,
// older events dropped, first failure marked, resumed without re-printing, quiet stop on denial.
import * as assert from 'node:assert/strict';
import { seededRandom } from '../../../../src/core/records/clock';
import { CallBudget } from '../../../../src/core/records/callBudget';
import { StackAccessDeniedError } from '../../../../src/core/stacks/stackAccess';
import { StackEventFollower } from '../../../../src/core/stacks/stackEventFollower';
import { FIRST_FAILURE_MARK, firstFailureSentence, stackEventLine, type FirstFailure } from '../../../../src/core/stacks/stackEventLines';
import { locateStack } from '../../../../src/core/stacks/stackLocation';
import type { StackEvent, StackEventsSince, StackReader } from '../../../../src/core/stacks/types';
import { inert } from '../../../../src/core/untrustedText';
import { VirtualClock } from '../../../support/virtualClock';

const STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-pp-abc/11111111-2222-3333-4444-555555555555';

/** A stack whose events appear at given times (ms after the clock's start); eventsSince answers as DescribeStackEvents would. */
class FakeStack implements Pick<StackReader, 'eventsSince'> {
  readonly calls: number[] = [];
  fail?: () => Error | undefined;
  constructor(private readonly clock: VirtualClock, private readonly events: StackEvent[]) {}

  async eventsSince(_stackId: string, after?: string): Promise<StackEventsSince> {
    this.calls.push(this.clock.now());
    const error = this.fail?.();
    if (error) throw error;
    const known = this.events.filter((e) => e.timestamp.getTime() <= this.clock.now());
    const from = after ? known.findIndex((e) => e.eventId === after) + 1 : Math.max(0, known.length - 100);
    return { events: known.slice(from), truncated: false };
  }
}

function event(id: string, atMs: number, logicalId: string, status: string, reason?: string): StackEvent {
  const stackItself = logicalId === 'SC-stack';
  return {
    eventId: id, stackId: STACK, timestamp: new Date(atMs), logicalId, status, ...(reason ? { reason } : {}),
    resourceType: stackItself ? 'AWS::CloudFormation::Stack' : logicalId === 'Cluster' ? 'AWS::EMR::Cluster' : 'AWS::S3::Bucket',
    ...(stackItself ? { physicalId: STACK } : {}),
  };
}

/** A failing provision: an old record's events, then a burst every few seconds for 3 minutes, failing on Cluster. */
function failingStack(start: number): StackEvent[] {
  const events = [event('old-1', start - 600_000, 'SC-stack', 'UPDATE_COMPLETE')];
  events.push(event('e0', start + 5_000, 'SC-stack', 'CREATE_IN_PROGRESS', 'User Initiated'));
  for (let i = 0; i < 20; i++) {
    const at = start + 8_000 + i * 8_000;
    events.push(event(`b${i}a`, at, `Bucket${i}`, 'CREATE_IN_PROGRESS'), event(`b${i}b`, at + 800, `Bucket${i}`, 'CREATE_IN_PROGRESS', 'Resource creation Initiated'));
  }
  const hostile = 'Boom [x](command:workbench.action.terminal.new) $(alert)';
  events.push(event('f1', start + 175_000, 'Cluster', 'CREATE_FAILED', hostile));
  events.push(event('f2', start + 175_500, 'Bucket3', 'CREATE_FAILED', 'Resource creation cancelled'));
  events.push(event('r1', start + 176_000, 'SC-stack', 'ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to create: [Cluster].'));
  events.push(event('r2', start + 185_000, 'SC-stack', 'ROLLBACK_COMPLETE'));
  return events;
}

function follow(clock: VirtualClock, reader: Pick<StackReader, 'eventsSince'>, budget = new CallBudget(), extra: Partial<ConstructorParameters<typeof StackEventFollower>[0]> = {}) {
  const seen: StackEvent[] = [];
  const ends: StackEvent[] = [];
  let failure: FirstFailure | undefined;
  const follower = new StackEventFollower({
    stackId: STACK, reader, budget, startedAtMs: 1_000_000, clock, random: seededRandom(5),
    onEvents: (events, first) => (seen.push(...events), (failure = first)),
    onStackEnd: (e) => ends.push(e),
    ...extra,
  });
  return { follower, seen, ends, failure: () => failure };
}

function maxInAnyWindow(times: readonly number[], windowMs = 60_000): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));
}

describe('stack event follower', () => {
  it('stays inside 12 calls in any 60 s window with a DescribeRecord every 20 s, drops older events, marks the first failure', async () => {
    const clock = new VirtualClock(1_000_000);
    const stack = new FakeStack(clock, failingStack(1_000_000));
    const budget = new CallBudget();
    const describeCalls: number[] = [];
    const describe = () => {
      if (budget.waitMs(clock.now()) === 0) {
        budget.note(clock.now());
        describeCalls.push(clock.now());
      }
      clock.setTimeout(describe, 20_000);
    };
    describe();
    const { follower, seen, ends, failure } = follow(clock, stack, budget);
    follower.start();
    await clock.runUntil(() => ends.length > 0, 1_000_000 + 300_000);
    follower.stop();
    assert.equal(ends[0]?.status, 'ROLLBACK_COMPLETE');
    assert.ok(!seen.some((e) => e.eventId === 'old-1'), 'an earlier record\'s event is not this record\'s');
    assert.deepEqual(seen.map((e) => e.eventId), failingStack(1_000_000).slice(1).map((e) => e.eventId), 'every event once, in order');
    assert.ok(maxInAnyWindow([...stack.calls, ...describeCalls].sort((a, b) => a - b)) <= 12);
    assert.equal(failure()?.logicalId, 'Cluster');
    const line = stackEventLine('rec-1', seen.find((e) => e.eventId === 'f1')!, failure()?.eventId);
    assert.match(line.text, /Cluster · AWS::EMR::Cluster · CREATE_FAILED · Boom .* · ✗ first failure$/);
    assert.equal(line.level, 'error');
    assert.ok(!stackEventLine('rec-1', seen.find((e) => e.eventId === 'f2')!, failure()?.eventId).text.includes(FIRST_FAILURE_MARK));
  });

  it('names the first failure in the notification with the hostile reason made inert', () => {
    const sentence = inert(firstFailureSentence({ eventId: 'f1', logicalId: 'Cluster $(zap)', resourceType: 'AWS::EMR::Cluster', status: 'CREATE_FAILED', reason: 'Boom [x](command:workbench.action.terminal.new) $(alert)' }), 'notification', { maxLength: 1000 });
    assert.ok(sentence.includes('First failed resource: Cluster'));
    assert.ok(!/\]\(/.test(sentence), 'no link');
    assert.ok(sentence.includes('Cluster $(zap)'), 'as written: a notification renders no icon, an escape would show');
  });

  it('resumes from its cursor without re-printing or skipping an event', async () => {
    const clock = new VirtualClock(1_000_000);
    const events = failingStack(1_000_000);
    const stack = new FakeStack(clock, events);
    let cursor: ConstructorParameters<typeof StackEventFollower>[0]['cursor'];
    const first = follow(clock, stack, new CallBudget(), { onCursor: (c) => (cursor = c) });
    first.follower.start();
    await clock.advanceBy(60_000);
    first.follower.stop();
    assert.ok(first.seen.length > 3);
    const second = follow(clock, stack, new CallBudget(), { cursor });
    second.follower.start();
    await clock.runUntil(() => second.ends.length > 0, 1_000_000 + 300_000);
    assert.deepEqual([...first.seen, ...second.seen].map((e) => e.eventId), events.slice(1).map((e) => e.eventId));
    assert.equal(second.failure()?.logicalId, 'Cluster');
  });

  it('stops quietly when CloudFormation refuses the connection, and backs off on errors', async () => {
    const clock = new VirtualClock(1_000_000);
    const stack = new FakeStack(clock, failingStack(1_000_000));
    let n = 0;
    stack.fail = () => (++n <= 3 ? Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }) : new StackAccessDeniedError('not authorized'));
    let denied = 0;
    const { follower, seen } = follow(clock, stack, new CallBudget(), { onDenied: () => denied++ });
    follower.start();
    await clock.advanceBy(120_000);
    assert.equal(denied, 1);
    assert.equal(stack.calls.length, 4, 'three errors, then the refusal, then nothing');
    assert.ok(stack.calls[3] - stack.calls[2] >= 12_000, 'errors back off');
    assert.equal(seen.length, 0);
    assert.equal(clock.pendingTimerCount, 0);
  });

  it('reads once more at the record\'s end, whatever the budget, so the stack\'s last events come before the final lines', async () => {
    const clock = new VirtualClock(1_000_000);
    const stack = new FakeStack(clock, [event('e0', 1_001_000, 'SC-stack', 'UPDATE_IN_PROGRESS', 'User Initiated'), event('e1', 1_030_000, 'Bucket0', 'UPDATE_COMPLETE'), event('e2', 1_031_000, 'SC-stack', 'UPDATE_COMPLETE')]);
    const budget = new CallBudget();
    const { follower, seen } = follow(clock, stack, budget);
    follower.start();
    await clock.advanceBy(5_000);
    assert.deepEqual(seen.map((e) => e.eventId), ['e0']);
    for (let i = 0; i < 12; i++) budget.note(clock.now()); // the record's calls used the whole window
    await clock.advanceBy(27_000); // the stack ended meanwhile; the budget let no read through
    assert.deepEqual(seen.map((e) => e.eventId), ['e0']);
    await follower.finish();
    assert.deepEqual(seen.map((e) => e.eventId), ['e0', 'e1', 'e2']);
    assert.equal(clock.pendingTimerCount, 0);
  });

  it('takes "does not exist" before the first event as "nothing yet": read again soon, no error backoff', async () => {
    const clock = new VirtualClock(1_000_000);
    const stack = new FakeStack(clock, [event('e0', 1_003_000, 'SC-stack', 'CREATE_IN_PROGRESS', 'User Initiated')]);
    stack.fail = () => (clock.now() < 1_003_000 ? Object.assign(new Error('Stack with id SC-stack does not exist'), { name: 'ValidationError' }) : undefined);
    const errors: unknown[] = [];
    const { follower, seen } = follow(clock, stack, new CallBudget(), { onError: (e) => errors.push(e) });
    follower.start();
    await clock.runUntil(() => seen.length > 0, 1_000_000 + 30_000);
    assert.deepEqual(errors, [], 'not an error');
    assert.ok(clock.now() - 1_003_000 <= 2_500, `the first event seen ${clock.now() - 1_003_000} ms after it happened`);
    follower.stop();
  });

  it('follows no stack for a Terraform product', () => {
    assert.equal(locateStack({ Id: 'pp-1', Type: 'TERRAFORM_OPEN_SOURCE', PhysicalId: STACK }, [{ OutputKey: 'CloudformationStackARN', OutputValue: STACK }]).kind, 'none');
    assert.deepEqual(locateStack({ Id: 'pp-1', Type: 'CFN_STACK' }, [{ OutputKey: 'CloudformationStackARN', OutputValue: STACK }]), { kind: 'stack', stackId: STACK });
  });
});
