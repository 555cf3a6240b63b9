// The sandbox's AllowedPattern check: CloudFormation's whole-value rule, in linear time whatever the
// template's pattern, on each item of a list.
import assert from 'node:assert/strict';
import { checkParameterValue, resolveParameters } from '../../../../src/sandbox/service/parameters';
import type { ParameterSpec } from '../../../../src/sandbox/service/types';

const withPattern = (pattern: string, type = 'String'): ParameterSpec =>
  ({ ParameterKey: 'Description', ParameterType: type, IsNoEcho: false, ParameterConstraints: { AllowedPattern: pattern } });

/** Nested quantifiers: a backtracking engine takes minutes on this value (42 characters). */
const NESTED_QUANTIFIERS = '([A-Za-z0-9]+\\s?)*';
const BACKTRACKING_BAIT = `Order service for team ${'a'.repeat(18)}!`;

describe('service: AllowedPattern', () => {
  it('refuses a value that would make a backtracking engine run for minutes, at once', () => {
    const refusal = `Parameter 'Description' must match pattern ${NESTED_QUANTIFIERS}`;
    assert.equal(checkParameterValue(withPattern(NESTED_QUANTIFIERS), BACKTRACKING_BAIT), refusal);
    assert.deepEqual(resolveParameters([withPattern(NESTED_QUANTIFIERS)], [{ Key: 'Description', Value: BACKTRACKING_BAIT }]), { ok: false, message: refusal });
    assert.equal(checkParameterValue(withPattern(NESTED_QUANTIFIERS), 'Order service for team a'), undefined);
  });

  it('matches the whole value, and each item of a list', () => {
    assert.equal(checkParameterValue(withPattern('a|b'), 'ab'), "Parameter 'Description' must match pattern a|b");
    assert.equal(checkParameterValue(withPattern('[a-z]+', 'CommaDelimitedList'), 'abc, def'), undefined);
    assert.equal(checkParameterValue(withPattern('[a-z]+', 'CommaDelimitedList'), 'abc,DEF'), "Parameter 'Description' must match pattern [a-z]+");
  });

  it('refuses nothing for a pattern RE2 cannot check', () => {
    assert.equal(checkParameterValue(withPattern('(a)\\1'), 'b'), undefined);
    assert.equal(checkParameterValue(withPattern('(?=x)x'), 'y'), undefined);
  });
});
