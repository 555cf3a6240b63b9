// The rows of a product's stack in the tree: order, status icons and inert words.
import { strict as assert } from 'node:assert';
import {
  eventRow, humanizeStackStatus, instanceRow, isMissingStack, resourceRow, sortEvents, sortInstances, sortResources, stackInstanceIcon, stackStatusIcon, stackStatusTone,
} from '../../../../src/core/stacks/stackRows';
import type { StackEvent, StackResource } from '../../../../src/core/stacks/types';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 11, minute));
const event = (id: string, minute: number, status: string, logicalId = id): StackEvent => ({
  eventId: id, stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-1/x', timestamp: at(minute), logicalId, resourceType: 'AWS::S3::Bucket', status,
});

describe('stack rows', () => {
  it('tell a status by its shape: failed, in progress, rolled back, complete, skipped', () => {
    const tones = ['CREATE_FAILED', 'UPDATE_ROLLBACK_FAILED', 'CREATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'ROLLBACK_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE',
      'CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE', 'DELETE_SKIPPED', 'DELETE_COMPLETE', 'REVIEW_IN_PROGRESS', 'WHATEVER', undefined].map(stackStatusTone);
    assert.deepEqual(tones, ['failed', 'failed', 'inProgress', 'inProgress', 'rolledBack', 'rolledBack', 'complete', 'complete', 'complete', 'skipped', 'skipped',
      'inProgress', 'unknown', 'unknown']);
    assert.deepEqual(stackStatusIcon('CREATE_FAILED'), { codicon: 'error', color: 'problemsErrorIcon.foreground' });
    assert.equal(stackStatusIcon('UPDATE_IN_PROGRESS').spin, true);
    assert.equal(stackStatusIcon('CREATE_COMPLETE').codicon, 'pass');
    assert.deepEqual([stackInstanceIcon('CURRENT').codicon, stackInstanceIcon('OUTDATED').codicon, stackInstanceIcon('INOPERABLE').codicon, stackInstanceIcon('constructor').codicon],
      ['pass', 'warning', 'error', 'question']);
  });

  it('put failed resources first, then by logical id', () => {
    const resources: StackResource[] = [
      { logicalId: 'Topic', resourceType: 'AWS::SNS::Topic', status: 'CREATE_COMPLETE' },
      { logicalId: 'Cluster', resourceType: 'AWS::ECS::Cluster', status: 'CREATE_FAILED', reason: 'Resource limit exceeded' },
      { logicalId: 'Bucket', resourceType: 'AWS::S3::Bucket', status: 'CREATE_COMPLETE' },
    ];
    assert.deepEqual(sortResources(resources).map((r) => r.logicalId), ['Cluster', 'Bucket', 'Topic']);
  });

  it('put failed events first, then the newest first (events come oldest first)', () => {
    const events = [event('e1', 1, 'CREATE_IN_PROGRESS', 'Queue'), event('e2', 2, 'CREATE_FAILED', 'Queue'), event('e3', 3, 'ROLLBACK_IN_PROGRESS', 'SC-1'),
      event('e4', 4, 'DELETE_COMPLETE', 'Queue'), event('e5', 5, 'ROLLBACK_COMPLETE', 'SC-1')];
    assert.deepEqual(sortEvents(events).map((e) => e.eventId), ['e2', 'e5', 'e4', 'e3', 'e1']);
  });

  it('pin only the latest operation\'s failures: an earlier operation\'s failure keeps its place in time', () => {
    const stack = 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-1/x';
    const own = (id: string, minute: number, status: string): StackEvent => ({ ...event(id, minute, status, 'SC-1'), resourceType: 'AWS::CloudFormation::Stack', physicalId: stack });
    const nested = (id: string, minute: number, status: string): StackEvent => ({ ...event(id, minute, status, 'Network'), resourceType: 'AWS::CloudFormation::Stack', physicalId: `${stack}-Network` });
    const events = [
      own('c0', 1, 'CREATE_IN_PROGRESS'), event('c1', 2, 'CREATE_FAILED', 'Cluster'), own('c2', 3, 'ROLLBACK_COMPLETE'),
      own('u0', 10, 'UPDATE_IN_PROGRESS'), nested('u1', 11, 'UPDATE_IN_PROGRESS'), event('u2', 12, 'UPDATE_FAILED', 'Queue'), event('u3', 13, 'UPDATE_COMPLETE', 'Bucket'),
    ];
    assert.deepEqual(sortEvents(events).map((e) => e.eventId), ['u2', 'u3', 'u1', 'u0', 'c2', 'c1', 'c0']);
  });

  it('put inoperable and outdated stack instances first, then by account and region', () => {
    const sorted = sortInstances([
      { account: '222222222222', region: 'us-east-1', status: 'CURRENT' },
      { account: '111111111111', region: 'eu-west-1', status: 'CURRENT' },
      { account: '333333333333', region: 'us-east-1', status: 'OUTDATED' },
      { account: '444444444444', region: 'us-east-1', status: 'INOPERABLE' },
    ]);
    assert.deepEqual(sorted.map((i) => i.account), ['444444444444', '333333333333', '111111111111', '222222222222']);
    assert.deepEqual(instanceRow(sorted[0]), {
      label: '444444444444 · us-east-1', description: 'Inoperable',
      tooltip: '**Stack instance** — Inoperable\n\n| | |\n|---|---|\n| Account | `444444444444` |\n| Region | `us-east-1` |\n| Status | `INOPERABLE` |',
    });
  });

  it('show a resource\'s logical id, type and status, and its physical id and reason on hover', () => {
    const row = resourceRow({ logicalId: 'Cluster', physicalId: 'orders-cluster', resourceType: 'AWS::ECS::Cluster', status: 'CREATE_FAILED', reason: 'Resource limit exceeded' });
    assert.equal(row.label, 'Cluster');
    assert.equal(row.description, 'AWS::ECS::Cluster · Create failed');
    assert.match(row.tooltip, /^\*\*Cluster\*\* — Create failed\n/);
    assert.match(row.tooltip, /\| Physical id \| `orders-cluster` \|/);
    assert.match(row.tooltip, /\| Reason \| Resource limit exceeded \|/);
    assert.match(resourceRow({ logicalId: 'Queue', resourceType: 'AWS::SQS::Queue', status: 'CREATE_IN_PROGRESS' }).tooltip, /\| Physical id \| _none yet_ \|/);
  });

  it('make service text inert: one line in labels, no live markdown, links, icons or table breaks in tooltips', () => {
    const hostile = '[click](command:workbench.action.terminal.sendSequence) $(alert) | <img src=x>\n# heading\u202e';
    const resource = resourceRow({ logicalId: `Bucket\n${hostile}`, physicalId: `id\`|${hostile}`, resourceType: 'AWS::S3::Bucket', status: 'CREATE_FAILED', reason: hostile });
    assert.doesNotMatch(resource.label, /[\n\u202e]/);
    assert.doesNotMatch(resource.tooltip, /\u202e/);
    // Outside code spans (nothing renders inside one), every special character is escaped.
    const rendered = resource.tooltip.replace(/`[^`]*`/g, '');
    assert.doesNotMatch(rendered, /(?<!\\)\[click/, 'no live link');
    assert.doesNotMatch(rendered, /(?<!\\)\$\(alert\)/, 'no live icon');
    assert.doesNotMatch(rendered, /(?<!\\)<img/, 'no HTML');
    assert.match(resource.tooltip, /`id'\\\|\[click\]\(command:[^`]*\\\$\(alert\)[^`]*`/, 'the code span keeps the text, its backtick, bar and icon made harmless');
    for (const line of resource.tooltip.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| |'))) {
      assert.equal(line.split(/(?<!\\)\|/).length, 4, `one key and one value: ${line}`);
    }
    const e = eventRow({ ...event('e1', 1, 'CREATE_FAILED'), reason: hostile });
    assert.doesNotMatch(e.description, /\n/);
    assert.match(e.description, /^Create failed · .+ · \[click\]\(command:/, 'shown as written on the one line (the tree renders no links)');
    assert.equal(humanizeStackStatus('UPDATE_ROLLBACK_COMPLETE'), 'Update rollback complete');
  });

  it('know CloudFormation\'s answer for a stack that does not exist', () => {
    const missing = Object.assign(new Error('Stack with id arn:aws:cloudformation:us-east-1:1:stack/SC-1/x does not exist'), { name: 'ValidationError' });
    assert.ok(isMissingStack(missing));
    assert.ok(!isMissingStack(Object.assign(new Error('1 validation error detected'), { name: 'ValidationError' })));
    assert.ok(!isMissingStack(new Error('does not exist')));
  });
});
