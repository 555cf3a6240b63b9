// Pure parts of the service layer: parameter constraints, search queries, timelines, paging.
import assert from 'node:assert/strict';
import { checkParameterValue, resolveParameters } from '../../../../src/sandbox/service/parameters';
import { compileSearchQueries, parseSearchQuery, type SearchField } from '../../../../src/sandbox/service/searchQuery';
import { planTimeline, statusAt } from '../../../../src/sandbox/service/timeline';
import { decodePageToken, pageOf } from '../../../../src/sandbox/service/paging';
import type { ParameterSpec } from '../../../../src/sandbox/service/types';

const spec = (key: string, type: string, constraints: ParameterSpec['ParameterConstraints'], DefaultValue?: string): ParameterSpec =>
  ({ ParameterKey: key, ParameterType: type, IsNoEcho: false, ParameterConstraints: constraints, DefaultValue });

describe('service: parameter constraints', () => {
  it('words violations like CloudFormation', () => {
    assert.equal(checkParameterValue(spec('Name', 'String', { AllowedPattern: '[a-z]+' }), 'ABC'), "Parameter 'Name' must match pattern [a-z]+");
    assert.equal(checkParameterValue(spec('Size', 'String', { AllowedValues: ['s', 'm'] }), 'xl'), "Parameter 'Size' must be one of AllowedValues");
    assert.equal(checkParameterValue(spec('N', 'Number', {}), 'ten'), "Parameter 'N' must be a number");
    assert.equal(checkParameterValue(spec('N', 'Number', { MinValue: '1' }), '0'), "Parameter 'N' must be a number not less than 1");
    assert.equal(checkParameterValue(spec('N', 'Number', { MaxValue: '10' }), '11'), "Parameter 'N' must be a number not greater than 10");
    assert.equal(checkParameterValue(spec('S', 'String', { MinLength: '3' }), 'ab'), "Parameter 'S' must contain at least 3 characters");
    assert.equal(checkParameterValue(spec('S', 'String', { MaxLength: '3' }), 'abcd'), "Parameter 'S' must contain at most 3 characters");
    assert.equal(checkParameterValue(spec('N', 'Number', { MinValue: '1', MaxValue: '10' }), '10'), undefined);
  });

  it('uses the ConstraintDescription when the template gives one', () => {
    const bucket = spec('Bucket', 'String', { AllowedPattern: '[a-z]+', ConstraintDescription: 'must be lowercase letters' });
    assert.equal(checkParameterValue(bucket, 'A1'), "Parameter 'Bucket' failed to satisfy constraint: must be lowercase letters");
  });

  it('matches AllowedPattern against the whole value and checks each list item', () => {
    assert.ok(checkParameterValue(spec('P', 'String', { AllowedPattern: '[a-z]+' }), 'abc1'));
    assert.equal(checkParameterValue(spec('L', 'CommaDelimitedList', { AllowedValues: ['a', 'b'] }), 'a,b'), undefined);
    assert.ok(checkParameterValue(spec('L', 'CommaDelimitedList', { AllowedValues: ['a', 'b'] }), 'a,c'));
  });

  it('resolves provided, previous and default values and rejects unknown or missing keys', () => {
    const specs = [spec('A', 'String', {}), spec('B', 'String', {}, 'b-default'), spec('C', 'Number', {}, '1')];
    assert.deepEqual(resolveParameters(specs, [{ Key: 'A', Value: 'a' }]), { ok: true, values: [{ Key: 'A', Value: 'a' }, { Key: 'B', Value: 'b-default' }, { Key: 'C', Value: '1' }] });
    assert.deepEqual(resolveParameters(specs, []), { ok: false, message: 'Parameters: [A] must have values' });
    assert.deepEqual(resolveParameters(specs, [{ Key: 'A', Value: 'a' }, { Key: 'Z', Value: 'z' }]), { ok: false, message: 'Parameters: [Z] do not exist in the template' });
    const previous = [{ Key: 'A', Value: 'old' }, { Key: 'B', Value: 'kept' }];
    const updated = resolveParameters(specs, [{ Key: 'A', UsePreviousValue: true }, { Key: 'C', Value: '5' }], previous);
    assert.deepEqual(updated, { ok: true, values: [{ Key: 'A', Value: 'old' }, { Key: 'B', Value: 'kept' }, { Key: 'C', Value: '5' }] });
    assert.equal(resolveParameters(specs, [{ Key: 'C', UsePreviousValue: true }, { Key: 'A', Value: 'a' }], previous).ok, false);
  });
});

describe('service: search queries', () => {
  const values = (fields: Partial<Record<SearchField, string | string[]>>) => (field: SearchField) => fields[field];
  const pp = values({ id: 'pp-abc', name: 'orders-service', status: 'AVAILABLE', productName: 'Container Service', tags: ['team=data'], arn: 'arn:aws:servicecatalog:us-east-1:1:stack/orders-service/pp-abc' });

  it('parses field terms, quoted values and free text', () => {
    assert.deepEqual(parseSearchQuery('status:AVAILABLE productName:"container service" orders'), [
      { field: 'status', value: 'available' }, { field: 'productName', value: 'container service' }, { field: undefined, value: 'orders' },
    ]);
    // A pasted ARN reads as the arn field (whose value it contains); unknown prefixes are free text.
    assert.equal(parseSearchQuery('arn:aws:servicecatalog')[0].field, 'arn');
    assert.equal(parseSearchQuery('bogus:thing')[0].field, undefined);
  });

  it('ANDs terms within a query and ORs queries', () => {
    assert.ok(compileSearchQueries(['status:AVAILABLE orders'])(pp));
    assert.ok(!compileSearchQueries(['status:ERROR orders'])(pp));
    assert.ok(compileSearchQueries(['status:ERROR', 'name:orders'])(pp));
    assert.ok(!compileSearchQueries(['id:pp-ab'])(pp), 'ids match exactly');
    assert.ok(compileSearchQueries(['tags:team=data'])(pp));
    assert.ok(compileSearchQueries([])(pp));
  });
});

describe('service: timelines and paging', () => {
  it('plans CREATED → IN_PROGRESS → outcome, scaled by timeScale', () => {
    const slow = planTimeline(0, { workSeconds: 100, outcome: 'SUCCEEDED' }, 1, 'rec-1');
    const fast = planTimeline(0, { workSeconds: 100, outcome: 'SUCCEEDED' }, 100, 'rec-1');
    assert.equal(fast.endsAt * 100, slow.endsAt);
    assert.ok(slow.endsAt >= 80_000 && slow.endsAt <= 125_000);
    assert.equal(statusAt(slow, 0), 'CREATED');
    assert.equal(statusAt(slow, slow.startedAt), 'IN_PROGRESS');
    assert.equal(statusAt(slow, slow.endsAt), 'SUCCEEDED');
    const rollback = planTimeline(0, { workSeconds: 100, outcome: 'FAILED', rollbackShare: 0.4 }, 1, 'rec-2');
    assert.equal(statusAt(rollback, rollback.errorAt!), 'IN_PROGRESS_IN_ERROR');
    assert.equal(statusAt(rollback, rollback.endsAt), 'FAILED');
  });

  it('pages with opaque tokens tied to the listing', () => {
    const first = pageOf([1, 2, 3, 4, 5], 0, 2, 20, 'L');
    assert.deepEqual(first.items, [1, 2]);
    assert.equal(decodePageToken('L', first.nextPageToken), 2);
    assert.equal(decodePageToken('Other', first.nextPageToken), undefined);
    assert.equal(decodePageToken('L', 'garbage'), undefined);
    assert.equal(pageOf([1, 2], 0, 0, 20, 'L').nextPageToken, undefined);
  });
});
