// AllowedPattern as CloudFormation applies it: a Java regex matching the whole value (each item of a
// list), from a template anyone may have written, so matched in linear time.
import * as assert from 'node:assert/strict';
import { buildField, validateParameterValue, type ParameterField } from '../../../../src/core/parameters';

const patternField = (pattern: string, parameterType = 'String'): ParameterField =>
  buildField({ ParameterKey: 'Value', ParameterType: parameterType, ParameterConstraints: { AllowedPattern: pattern } });

const mismatch = (pattern: string) => `Value must match the pattern ${pattern}.`;

/** Nested quantifiers: a backtracking engine takes minutes on this value (42 characters). */
const NESTED_QUANTIFIERS = '([A-Za-z0-9]+\\s?)*';
const BACKTRACKING_BAIT = `Order service for team ${'a'.repeat(18)}!`;

describe('validateParameterValue: AllowedPattern', () => {
  it('rejects a value that would make a backtracking engine run for minutes, at once', () => {
    assert.equal(validateParameterValue(patternField(NESTED_QUANTIFIERS), BACKTRACKING_BAIT), mismatch(NESTED_QUANTIFIERS));
    assert.equal(validateParameterValue(patternField(NESTED_QUANTIFIERS), 'Order service for team a'), undefined);
  });

  it('matches the whole value, alternation included', () => {
    assert.equal(validateParameterValue(patternField('b'), 'abc'), mismatch('b'));
    assert.equal(validateParameterValue(patternField('b'), 'b'), undefined);
    assert.equal(validateParameterValue(patternField('a|b'), 'ab'), mismatch('a|b'));
    assert.equal(validateParameterValue(patternField('a|b'), 'b'), undefined);
  });

  const templatePatterns: [pattern: string, valid: string[], invalid: string[]][] = [
    ['[a-zA-Z][-a-zA-Z0-9]*', ['my-stack1', 'A'], ['1stack', 'my_stack']],
    ['^[a-z]+$', ['abc'], ['abc1', 'ABC', 'abc\n']],
    ['\\d{1,3}(\\.\\d{1,3}){3}', ['10.0.0.1'], ['10.0.0', '10.0.0.1.5', '1000.0.0.1']],
    ['(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})', ['10.0.0.0/16'], ['10.0.0.0', '10.0.0.0/161']],
    ['[\\x20-\\x7E]*', ['Hello, World! ~'], ['tab\there', 'café']],
    ['[\\u0020-\\u007E]*', ['Hello, World! ~'], ['café']],
    ['arn:aws:iam::\\d{12}:role/.*', ['arn:aws:iam::123456789012:role/Launch', 'arn:aws:iam::123456789012:role/'], ['arn:aws:iam::1234:role/x', 'xarn:aws:iam::123456789012:role/x']],
    ['\\S+', ['no-spaces'], ['has space', ' ']],
    ['[a-z]+\\-[0-9]+', ['ab-12'], ['ab12']],
    ['\\p{L}+', ['héllo'], ['h3llo']],
  ];
  for (const [pattern, valid, invalid] of templatePatterns) {
    it(`reads ${pattern} as CloudFormation does`, () => {
      for (const value of valid) assert.equal(validateParameterValue(patternField(pattern), value), undefined, JSON.stringify(value));
      for (const value of invalid) assert.equal(validateParameterValue(patternField(pattern), value), mismatch(pattern), JSON.stringify(value));
    });
  }

  it('applies to each item of a list', () => {
    const list = patternField('[a-z]+', 'CommaDelimitedList');
    assert.equal(validateParameterValue(list, 'abc, def'), undefined);
    assert.equal(validateParameterValue(list, 'abc,DEF'), mismatch('[a-z]+'));
    const bait = patternField(NESTED_QUANTIFIERS, 'CommaDelimitedList');
    assert.equal(validateParameterValue(bait, `ok,${BACKTRACKING_BAIT}`), mismatch(NESTED_QUANTIFIERS));
  });

  it('leaves a pattern RE2 cannot read to the service', () => {
    for (const pattern of ['(a)\\1', '(?=x)x', '[a-z&&[^e]]+']) {
      assert.equal(validateParameterValue(patternField(pattern), 'anything'), undefined, pattern);
    }
  });
});
