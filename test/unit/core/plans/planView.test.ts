// The plan view's model: resource changes with scope, details and replacement in words; the plan's
// parameters against the stack's values (NoEcho masked); the sentence when the stack cannot be read;
// service text inert.
import * as assert from 'node:assert/strict';
import type { ResourceChange } from '@aws-sdk/client-service-catalog';
import { planCurrentValuesNote, planParameterRows, replacesOf, resourceChangeRow } from '../../../../src/core/plans/planView';

const bucket: ResourceChange = {
  Action: 'MODIFY', LogicalResourceId: 'SiteBucket', PhysicalResourceId: 'web-sitebucket', ResourceType: 'AWS::S3::Bucket', Replacement: 'TRUE',
  Scope: ['PROPERTIES'],
  Details: [
    { Target: { Attribute: 'PROPERTIES', Name: 'BucketName', RequiresRecreation: 'ALWAYS' }, Evaluation: 'STATIC', CausingEntity: 'BucketName' },
    { Target: { Attribute: 'PROPERTIES', Name: 'Tags', RequiresRecreation: 'NEVER' }, Evaluation: 'DYNAMIC' },
  ],
};

describe('plan view: resource changes', () => {
  it('keeps each change\'s scope and every detail (target attribute and name, RequiresRecreation, evaluation, causing entity)', () => {
    const row = resourceChangeRow(bucket);
    assert.deepEqual(row.scope, ['PROPERTIES']);
    assert.deepEqual(row.details, [
      { attribute: 'PROPERTIES', name: 'BucketName', requiresRecreation: 'ALWAYS', evaluation: 'STATIC', causingEntity: 'BucketName' },
      { attribute: 'PROPERTIES', name: 'Tags', requiresRecreation: 'NEVER', evaluation: 'DYNAMIC' },
    ]);
    assert.equal(row.physicalId, 'web-sitebucket');
  });

  it('flags Replacement TRUE as replacing, CONDITIONAL as may replace, FALSE and none as not', () => {
    assert.deepEqual(['TRUE', 'True', 'CONDITIONAL', 'Conditional', 'FALSE', undefined].map(replacesOf), ['yes', 'yes', 'maybe', 'maybe', 'no', 'no']);
    assert.equal(resourceChangeRow({ ...bucket, Replacement: 'CONDITIONAL' }).replaces, 'maybe');
    assert.equal(resourceChangeRow({ Action: 'ADD', LogicalResourceId: 'Queue', ResourceType: 'AWS::SQS::Queue' }).replaces, 'no');
  });

  it('makes hostile service text inert: no control or bidirectional characters, one line, bounded', () => {
    // Typed as the SDK's enums: the service's text is whatever it sends.
    const hostile = 'Evil\u202eatad\u0007\nline2 <img src=x onerror=alert(1)>' as never;
    const row = resourceChangeRow({
      ...bucket, LogicalResourceId: hostile, ResourceType: hostile, Scope: [hostile],
      Details: [{ Target: { Attribute: hostile, Name: hostile, RequiresRecreation: hostile }, Evaluation: hostile, CausingEntity: 'x'.repeat(2000) }],
    });
    const texts = [row.logicalId, row.resourceType, ...row.scope, ...Object.values(row.details[0])];
    for (const text of texts) assert.ok(!['\u202e', '\u0007', '\n'].some((c) => text.includes(c)), text);
    assert.equal(row.logicalId, 'Evilatad line2 <img src=x onerror=alert(1)>', 'shown as the text it is (the page sets DOM text only)');
    assert.ok(row.details[0].causingEntity!.length <= 500);
  });
});

describe('plan view: parameters against the values in use', () => {
  const current = { values: { Environment: 'production', DesiredCount: '4' }, masked: ['DbPassword'] };

  it('compares each plan value with the stack\'s and names the resource changes it causes', () => {
    const rows = planParameterRows(
      [{ Key: 'Environment', Value: 'staging' }, { Key: 'DesiredCount', Value: '4' }, { Key: 'BucketName', UsePreviousValue: true }, { Key: 'NewOne', Value: 'a' }],
      [{ ...bucket, Details: [{ Target: { Attribute: 'PROPERTIES' }, CausingEntity: 'Environment' }] }],
      current,
    );
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    assert.deepEqual(byKey.Environment, { key: 'Environment', value: 'staging', usePreviousValue: false, causes: ['SiteBucket'], currentValue: 'production', changes: 'yes' });
    assert.equal(byKey.DesiredCount.changes, 'no');
    assert.deepEqual([byKey.BucketName.usePreviousValue, byKey.BucketName.value, byKey.BucketName.changes], [true, undefined, 'no']);
    assert.deepEqual([byKey.NewOne.currentValue, byKey.NewOne.changes], [undefined, 'yes']);
  });

  it('never shows a NoEcho value on either side, and cannot tell whether it changes', () => {
    const [row] = planParameterRows([{ Key: 'DbPassword', Value: '****' }], [], current);
    assert.deepEqual(row, { key: 'DbPassword', valueMasked: true, usePreviousValue: false, causes: [], currentMasked: true, changes: 'unknown' });
    const [maskedByStack] = planParameterRows([{ Key: 'Token', Value: 'abc' }], [], { values: { Token: '****' } });
    assert.deepEqual([maskedByStack.currentValue, maskedByStack.currentMasked, maskedByStack.changes], [undefined, true, 'unknown']);
  });

  it('shows only the plan\'s values when the stack could not be read, and says why in one sentence', () => {
    const [row] = planParameterRows([{ Key: 'Environment', Value: 'staging' }], [], { cause: 'denied' });
    assert.deepEqual([row.value, row.currentValue, row.currentMasked, row.changes], ['staging', undefined, undefined, 'unknown']);
    assert.equal(planCurrentValuesNote('denied'), 'Values in use are not shown because your permissions do not allow cloudformation:DescribeStacks on its stack, so only the plan\'s values are listed.');
    assert.match(planCurrentValuesNote('terraform'), /^Values in use are not shown because a Terraform product has no CloudFormation stack[^.]*\.$/);
  });

  it('does not show a value that would not show as it is (control characters) but keeps it as not shown', () => {
    const [row] = planParameterRows([{ Key: 'Banner', Value: 'hi\u202eereh' }], [], { values: { Banner: 'hi\u202eereh' } });
    assert.deepEqual([row.value, row.valueMasked, row.currentValue, row.currentMasked], [undefined, true, undefined, true]);
  });
});
