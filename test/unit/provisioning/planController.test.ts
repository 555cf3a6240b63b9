// The plan view through the real SDK: a plan the sandbox computes (Service Catalog) shown with its
// resource changes' scope and details, and its parameters against the values the stack runs with
// (DescribeStacks against the sandbox's CloudFormation endpoint), NoEcho masked; the sentence when the
// stack cannot be read.
import * as assert from 'node:assert/strict';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { PlanController } from '../../../src/provisioning/planController';
import { UpdateFormController } from '../../../src/provisioning/updateFormController';
import { StackAccessDeniedError } from '../../../src/core/stacks/stackAccess';
import type { StackDescription, StackReader } from '../../../src/core/stacks/types';
import type { PlanView, PushMessage } from '../../../src/core/webview/protocol';
import { SEED } from '../../../src/sandbox/service/index';
import { call, controllerDeps, useSandboxService } from '../../support/formDeps';

const PP = SEED.provisionedProducts;

describe('plan view: details and parameters against the stack (real SDK, sandbox)', () => {
  const sandboxed = useSandboxService({ perTest: true });

  /** DescribeStacks of the real SDK against the sandbox, as a StackReader (the other reads are not used here). */
  function sandboxStacks(): StackReader & { asked: string[] } {
    const client = new CloudFormationClient({ endpoint: sandboxed.sandbox.endpoint, region: sandboxed.sandbox.region, credentials: sandboxed.sandbox.credentials, maxAttempts: 1 });
    const asked: string[] = [];
    return {
      asked,
      async describeStack(stackId: string): Promise<StackDescription> {
        asked.push(stackId);
        const stack = (await client.send(new DescribeStacksCommand({ StackName: stackId }))).Stacks![0];
        return {
          stackId: stack.StackId!, stackName: stack.StackName!, status: stack.StackStatus!, outputs: [],
          parameters: (stack.Parameters ?? []).map((p) => ({ key: p.ParameterKey ?? '', value: p.ParameterValue ?? '' })),
        };
      },
      eventsSince: () => { throw new Error('not used'); },
      resources: () => { throw new Error('not used'); },
      dispose: () => {},
    } as unknown as StackReader & { asked: string[] };
  }

  /** A plan of orders-service that sets DesiredCount to 8 and keeps the rest, read until it is ready. */
  async function plannedView(stacks: StackReader | undefined): Promise<PlanView> {
    const deps = controllerDeps(sandboxed.service, { stacks: () => stacks });
    const pp = { id: PP.ordersService.id, name: PP.ordersService.name };
    const form = new UpdateFormController(deps, pp);
    const init = await form.init();
    if (init.kind !== 'update') return assert.fail('update init');
    await call(form.handlers, 'loadParameters', init.current);
    const started = await call(form.handlers, 'preview', {
      target: init.current, submission: { parameters: { DesiredCount: '8' }, keepPrevious: ['ServiceName', 'ContainerImage', 'DbPassword'] },
    });
    const pushed: PushMessage[] = [];
    const plans = new PlanController(deps, pp, (m) => pushed.push(m), started.planId, { intervalMs: 20, maxWaitMs: 10_000 });
    try {
      let view: PlanView = await call(plans.handlers, 'describePlan', { planId: started.planId });
      for (let i = 0; !view.settled && i < 200; i++) {
        await new Promise((r) => setTimeout(r, 20));
        const last = pushed.filter((m) => m.type === 'plan').at(-1);
        if (last?.type === 'plan') view = last.plan;
      }
      assert.equal(view.status, 'CREATE_SUCCESS', view.statusMessage);
      return view;
    } finally {
      plans.dispose();
    }
  }

  it('shows each change\'s scope and details from the sandbox plan, and the parameter it changes against the stack\'s value', async () => {
    const stacks = sandboxStacks();
    const view = await plannedView(stacks);
    assert.ok(view.changes.length > 0, 'the plan modifies resources');
    for (const change of view.changes) {
      assert.equal(change.replaces, 'no', `${change.logicalId}: the sandbox plan replaces nothing (Replacement ${change.replacement})`);
      assert.deepEqual(change.scope, ['PROPERTIES']);
      assert.ok(change.details.some((d) => d.attribute === 'PROPERTIES' && d.name === 'DesiredCount' && d.requiresRecreation === 'NEVER' && d.evaluation === 'STATIC' && d.causingEntity === 'DesiredCount'), JSON.stringify(change.details));
    }
    assert.ok(stacks.asked.length >= 1 && stacks.asked.every((id) => /^arn:aws:cloudformation:[^:]+:\d{12}:stack\/SC-/.test(id)), stacks.asked.join());
    assert.equal(view.currentValuesNote, undefined, view.currentValuesNote);
    const byKey = Object.fromEntries((view.parameters ?? []).map((p) => [p.key, p]));
    assert.deepEqual([byKey.DesiredCount.value, byKey.DesiredCount.currentValue, byKey.DesiredCount.changes], ['8', '4', 'yes'], 'the last update\'s value is the one in use');
    assert.deepEqual(byKey.DesiredCount.causes, view.changes.map((c) => c.logicalId));
    assert.equal(byKey.DbPassword.usePreviousValue, true);
    assert.deepEqual([byKey.DbPassword.currentValue, byKey.DbPassword.currentMasked], [undefined, true], 'NoEcho stays masked');
    assert.equal(JSON.stringify(view).includes('orders-secret-1'), false, 'the secret is nowhere in the view');
    assert.equal(view.version?.name, view.currentVersion?.name, 'the plan keeps the version in use, named');
    assert.ok(view.version?.name && view.version.name !== view.version.id, 'a version name, not its id');
  });

  it('names no version "in use" for a product a plan created and nothing provisioned yet', async () => {
    const deps = controllerDeps(sandboxed.service, { stacks: () => sandboxStacks() });
    const plans = new PlanController(deps, { id: PP.checkoutService.id, name: PP.checkoutService.name }, () => undefined);
    try {
      const [row] = await call(plans.handlers, 'listPlans', {});
      assert.ok(row, 'the seeded launch plan');
      const view: PlanView = await call(plans.handlers, 'describePlan', { planId: row.planId });
      assert.equal(view.version?.name, 'v3');
      assert.equal(view.currentVersion, undefined, JSON.stringify(view.currentVersion));
    } finally {
      plans.dispose();
    }
  });

  it('says in one sentence why the stack was not read and shows only the plan\'s values', async () => {
    const denied = sandboxStacks();
    denied.describeStack = async () => { throw new StackAccessDeniedError('User is not authorized to perform: cloudformation:DescribeStacks'); };
    const view = await plannedView(denied);
    assert.match(view.currentValuesNote ?? '', /^Values in use are not shown because your permissions do not allow cloudformation:DescribeStacks on its stack, so only the plan's values are listed\.$/);
    const desired = view.parameters?.find((p) => p.key === 'DesiredCount');
    assert.deepEqual([desired?.value, desired?.currentValue, desired?.changes], ['8', undefined, 'unknown']);
  });
});
