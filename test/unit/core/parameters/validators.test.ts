// One length rule, in characters (Unicode code points), for the form's checks and the sandbox's:
// CloudFormation's MinLength/MaxLength and the model's string lengths.
import * as assert from 'node:assert/strict';
import { buildField, validateParameterValue, validateTagValue } from '../../../../src/core/parameters';
import { characterCount } from '../../../../src/core/parameters/validators';
import { validateInput } from '../../../../src/sandbox/model';
import { checkParameterValue } from '../../../../src/sandbox/service/parameters';
import type { ParameterSpec } from '../../../../src/sandbox/service/types';

const THREE_EMOJI = '😀🚀🎉'; // three characters, six UTF-16 units

describe('parameter length: characters, the same in the form and in the sandbox', () => {
  const constraints = { MinLength: '3', MaxLength: '3' };
  const field = buildField({ ParameterKey: 'Code', ParameterType: 'String', ParameterConstraints: constraints });
  const spec: ParameterSpec = { ParameterKey: 'Code', ParameterType: 'String', IsNoEcho: false, ParameterConstraints: constraints };

  it('counts code points, not UTF-16 units', () => {
    assert.equal(THREE_EMOJI.length, 6);
    assert.equal(characterCount(THREE_EMOJI), 3);
    assert.equal(characterCount('café'), 4);
    assert.equal(characterCount(''), 0);
  });

  it('the form and the sandbox accept and refuse the same values', () => {
    const cases: [value: string, valid: boolean][] = [
      [THREE_EMOJI, true], ['abc', true], ['ab😀', true], ['😀😀', false], ['😀😀😀😀', false], ['abcd', false], ['ab', false],
    ];
    for (const [value, valid] of cases) {
      assert.equal(validateParameterValue(field, value) === undefined, valid, `form: ${value}`);
      assert.equal(checkParameterValue(spec, value) === undefined, valid, `sandbox: ${value}`);
    }
  });

  it("the model's string lengths count characters too (a 256-letter tag value beyond the BMP passes both)", () => {
    const letter = '𝐀'; // U+1D400, a letter (\p{L}) of two UTF-16 units
    const value = letter.repeat(256);
    assert.equal(validateTagValue(value), undefined);
    assert.equal(validateTagValue(value + letter), 'Tag value must be at most 256 characters.');
    const input = (tagValue: string) => ({ ProductId: 'prod-1', ProvisioningArtifactId: 'pa-1', ProvisionedProductName: 'n', ProvisionToken: 't', Tags: [{ Key: 'k', Value: tagValue }] });
    assert.doesNotThrow(() => validateInput('ProvisionProduct', input(value)));
    assert.throws(() => validateInput('ProvisionProduct', input(value + letter)), /Member must have length less than or equal to 256/);
  });
});
