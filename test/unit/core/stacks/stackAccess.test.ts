import { strict as assert } from 'node:assert';
import { StackAccessDeniedError, StackAccessGate, STACK_ACCESS_HINT } from '../../../../src/core/stacks/stackAccess';

function denied(): Error {
  const error = new Error('User: arn:aws:iam::123456789012:user/u is not authorized to perform: cloudformation:DescribeStacks on resource: arn:aws:cloudformation:us-east-1:123456789012:stack/x/* because no identity-based policy allows the cloudformation:DescribeStacks action');
  error.name = 'AccessDenied';
  return error;
}

describe('StackAccessGate', () => {
  it('passes results and other errors through', async () => {
    const gate = new StackAccessGate();
    assert.equal(await gate.run(async () => 7), 7);
    await assert.rejects(gate.run(async () => { throw new Error('socket hang up'); }), /socket hang up/);
    assert.equal(gate.denied, false);
  });

  it('turns reads off at the first refusal, tells it once, and asks nothing more', async () => {
    const gate = new StackAccessGate();
    const told: string[] = [];
    gate.onDenied((message) => told.push(message));
    let calls = 0;
    const refuse = async () => { calls++; throw denied(); };
    await assert.rejects(gate.run(refuse), (e: unknown) => e instanceof StackAccessDeniedError && e.message === STACK_ACCESS_HINT);
    await assert.rejects(gate.run(refuse), StackAccessDeniedError);
    await assert.rejects(gate.run(async () => { calls++; return 1; }), StackAccessDeniedError);
    assert.equal(calls, 1);
    assert.equal(told.length, 1);
    assert.match(told[0], /cloudformation:DescribeStacks/);
    assert.equal(gate.denied, true);
  });

  it('names the actions a user needs in its hint', () => {
    for (const action of ['DescribeStacks', 'DescribeStackEvents', 'ListStackResources']) assert.match(STACK_ACCESS_HINT, new RegExp(`cloudformation:${action}`));
  });
});
