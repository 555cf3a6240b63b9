// The AllowedPattern matcher shared by the form, the extension host and the sandbox: Java syntax read
// by RE2, whole values, and what it leaves to the service.
import * as assert from 'node:assert/strict';
import { allowedPatternHint, compileAllowedPattern } from '../../../../src/core/parameters';

const matches = (pattern: string, value: string): boolean => {
  const test = compileAllowedPattern(pattern);
  assert.ok(test, `${pattern} can be checked`);
  return test(value);
};

describe('compileAllowedPattern', () => {
  it('matches whole values in linear time, whatever the pattern', () => {
    assert.equal(matches('([A-Za-z0-9]+\\s?)*', `Order service for team ${'a'.repeat(5000)}!`), false);
    assert.equal(matches('(x+x+)+y', 'x'.repeat(4096)), false);
    assert.equal(matches('b', 'abc'), false);
  });

  it('reads Java escapes and classes RE2 writes differently', () => {
    assert.equal(matches('[\\u0020-\\u007E]+', 'plain text'), true, '\\uhhhh');
    assert.equal(matches('[\\u0020-\\u007E]+', 'é'), false);
    assert.equal(matches('\\\\u0041', '\\u0041'), true, 'an escaped backslash before u is no \\u escape');
    assert.equal(matches('\\Q[a]\\E', '[a]'), true, 'quoted text is literal');
    assert.equal(matches('[]a]+', ']a'), true, 'a "]" first in a class is literal');
    assert.equal(matches('[^]a]', 'b'), true);
    assert.equal(matches('[^]a]', ']'), false);
  });

  it('leaves to the service what RE2 cannot read, or would read unlike Java', () => {
    const unchecked = [
      '(a)\\1', '(?=x)x', '(?!x).', '(?<=a)b', 'a*+', '\\Z', '\\h', '\\p{Alpha}', '(?x) a', 'a{1001}',
      '[a-z&&[^e]]', '[a-d[m-p]]', '[[:alpha:]]', '\\uD83D\\uDE00', '[a-',
      // Costly to compile: counted repeats written out, or simply long.
      'a{1000}'.repeat(3), `(${'x'.repeat(1100)})`,
    ];
    for (const pattern of unchecked) assert.equal(compileAllowedPattern(pattern), undefined, pattern);
  });
});

describe('allowedPatternHint', () => {
  it('says when the service checks the pattern instead of the form', () => {
    assert.equal(allowedPatternHint('[a-z]+'), 'pattern [a-z]+');
    assert.equal(allowedPatternHint('(a)\\1'), 'pattern (a)\\1 is checked by the service when you submit');
    assert.equal(allowedPatternHint('(?=x)x'), 'pattern (?=x)x is checked by the service when you submit');
  });
});
