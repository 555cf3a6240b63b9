// The seed catalog's templates hold only patterns the sandbox can check (it refuses nothing for others).
import assert from 'node:assert/strict';
import { compileAllowedPattern } from '../../../../src/core/parameters/allowedPattern';
import { checkParameterValue } from '../../../../src/sandbox/service/parameters';
import { seedProducts } from '../../../../src/sandbox/service/seedCatalog';

describe('seed catalog: parameters', () => {
  const parameters = seedProducts(Date.now()).flatMap((product) => product.artifacts.flatMap((artifact) => artifact.parameters));

  it('every AllowedPattern can be checked', () => {
    const patterns = parameters.map((p) => p.ParameterConstraints.AllowedPattern).filter((p): p is string => !!p);
    assert.ok(patterns.length > 0);
    for (const pattern of patterns) assert.ok(compileAllowedPattern(pattern), pattern);
  });

  it('every default value meets its constraints', () => {
    for (const p of parameters) if (p.DefaultValue !== undefined) assert.equal(checkParameterValue(p, p.DefaultValue), undefined, p.ParameterKey);
  });
});
