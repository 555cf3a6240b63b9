import * as assert from 'node:assert/strict';
import { ServiceError } from '../../../src/sandbox/contract';
import { modelledOperations, validateInput, validateOutput, validationErrorType } from '../../../src/sandbox/model';

function validationMessage(operation: string, input: unknown): string {
  try {
    validateInput(operation, input);
  } catch (err) {
    assert.ok(err instanceof ServiceError);
    return `${err.type}: ${err.message}`;
  }
  return 'valid';
}

describe('sandbox model: input validation', () => {
  it('serves every operation the trimmed model lists', () => {
    assert.ok(modelledOperations().includes('ProvisionProduct'));
    assert.ok(modelledOperations().length >= 25);
  });

  it('uses InvalidParametersException where the model lists it, ValidationException elsewhere', () => {
    assert.equal(validationErrorType('ProvisionProduct'), 'InvalidParametersException');
    assert.equal(validationErrorType('TerminateProvisionedProduct'), 'ValidationException');
  });

  it('accepts a valid input and ignores unknown members', () => {
    const input = { ProvisionedProductName: 'web-1', ProvisionToken: 'tok', ProvisioningParameters: [{ Key: 'Size', Value: 'small' }], Extra: true };
    assert.equal(validationMessage('ProvisionProduct', input), 'valid');
  });

  it('checks members of nested lists and structures, naming their path', () => {
    const input = { ProvisionedProductName: 'web-1', ProvisionToken: 'tok', Tags: [{ Key: 'ok', Value: 'v' }, { Key: '', Value: 'v' }] };
    assert.equal(
      validationMessage('ProvisionProduct', input),
      "InvalidParametersException: 1 validation error detected: Value '' at 'tags.2.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('checks map sizes and keys', () => {
    const message = validationMessage('UpdateProvisionedProductProperties', {
      ProvisionedProductId: 'pp-1', IdempotencyToken: 't', ProvisionedProductProperties: { COLOUR: 'x' },
    });
    assert.match(message, /Value 'COLOUR' at 'provisionedProductProperties.key' failed to satisfy constraint: Member must satisfy enum value set: \[OWNER, LAUNCH_ROLE\]/);
    const empty = validationMessage('UpdateProvisionedProductProperties', { ProvisionedProductId: 'pp-1', IdempotencyToken: 't', ProvisionedProductProperties: {} });
    assert.match(empty, /Member must have length greater than or equal to 1/);
  });

  it('checks list sizes, integer ranges, booleans and Unicode patterns', () => {
    assert.match(validationMessage('SearchProducts', { PageSize: -1 }), /Member must have value greater than or equal to 0/);
    assert.match(validationMessage('SearchProducts', { PageSize: 1.5 }), /Member must be an integer/);
    assert.match(validationMessage('TerminateProvisionedProduct', { TerminateToken: 't', IgnoreErrors: 'yes', ProvisionedProductId: 'pp-1' }), /'ignoreErrors'.*Member must be a boolean/);
    const tagged = { ProvisionedProductName: 'a', ProvisionToken: 't', Tags: [{ Key: 'Équipe', Value: 'données 1' }] };
    assert.equal(validationMessage('ProvisionProduct', tagged), 'valid');
    const badTag = { ProvisionedProductName: 'a', ProvisionToken: 't', Tags: [{ Key: 'a*b', Value: 'v' }] };
    assert.match(validationMessage('ProvisionProduct', badTag), /'tags.1.member.key'.*regular expression pattern/);
  });

  it('matches patterns against the whole value', () => {
    // Id is '^[a-zA-Z0-9_\-]*' in the model: a prefix match would accept this.
    assert.match(validationMessage('DescribeProduct', { Id: 'prod-abc/../x' }), /at 'id' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  });

  it('rejects a structure where a list belongs', () => {
    assert.match(validationMessage('ProvisionProduct', { ProvisionedProductName: 'a', ProvisionToken: 't', Tags: { Key: 'k' } }), /'tags'.*Member must be a list/);
  });
});

describe('sandbox model: output validation', () => {
  it('finds nothing wrong in a model-shaped output', () => {
    const output = { RecordDetail: { RecordId: 'rec-1', Status: 'SUCCEEDED', CreatedTime: 1_700_000_000.5, RecordErrors: [] }, RecordOutputs: [] };
    assert.deepEqual(validateOutput('DescribeRecord', output), []);
  });

  it('lists unknown members, wrong types, non-numeric timestamps and enum values', () => {
    const output = {
      RecordDetail: { RecordId: 7, Status: 'DONE', CreatedTime: '2024-01-01T00:00:00Z', Mood: 'happy' },
      RecordOutputs: 'none',
    };
    const violations = validateOutput('DescribeRecord', output);
    assert.equal(violations.length, 5, violations.join('\n'));
    assert.ok(violations.some((v) => /'recordDetail.recordId'.*must be a string/.test(v)));
    assert.ok(violations.some((v) => /'recordDetail.status'.*enum value set/.test(v)));
    assert.ok(violations.some((v) => /'recordDetail.createdTime'.*epoch seconds/.test(v)));
    assert.ok(violations.some((v) => /'recordDetail.mood'.*not in the model/.test(v)));
    assert.ok(violations.some((v) => /'recordOutputs'.*must be a list/.test(v)));
  });

  it('does not hold outputs to input constraints (lengths, patterns)', () => {
    assert.deepEqual(validateOutput('SearchProvisionedProducts', { ProvisionedProducts: [{ Name: '' }], TotalResultsCount: 0 }), []);
  });
});
