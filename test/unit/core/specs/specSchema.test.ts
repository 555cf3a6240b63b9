// The JSON Schema shipped for *.servicecatalog.json agrees with the parser: the same keys, the files
// the parser reads without problems are valid, and the shapes it refuses are invalid.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseSpec, PRODUCT_KEYS, specOfProvisionedProduct, STACK_SET_KEYS, TOP_LEVEL_KEYS } from '../../../../src/core/specs';

const ROOT = process.cwd();
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/servicecatalog-spec.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** The README's example spec (the first ```yaml block of its "Spec files" section). */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Spec files'));
  const match = /```yaml\n([\s\S]*?)```/.exec(section);
  assert.ok(match, 'README has a yaml example under "## Spec files"');
  return match[1];
}

describe('the spec JSON Schema', () => {
  it('names the keys the parser knows', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...TOP_LEVEL_KEYS].sort());
    assert.deepEqual(Object.keys(schema.definitions.provisionedProduct.properties).sort(), [...PRODUCT_KEYS].sort());
    assert.deepEqual(Object.keys(schema.definitions.provisionedProduct.properties.stackSetPreferences.properties).sort(), [...STACK_SET_KEYS].sort());
  });

  it('accepts what the parser reads without problems: the README example and a saved spec', () => {
    const saved = specOfProvisionedProduct({ name: 'svc', product: 'Container Service', version: 'v3', parameters: { A: '1', DbPassword: 'x' }, noEchoKeys: ['DbPassword'], tags: { T: 'v' } });
    for (const text of [readmeExample(), saved]) {
      assert.deepEqual(parseSpec(text).problems, []);
      assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
    }
  });

  it('refuses what the parser refuses: unknown keys, a missing name, a list where a map belongs', () => {
    const refused = [
      'provisionedProducts:\n  - name: a\n    product: P\n    version: v\n    versoin: v\n',
      'provisionedProducts:\n  - product: P\n    version: v\n',
      'provisionedProducts:\n  - name: a\n    product: P\n    version: v\n    parameters: [1]\n',
      'provisionedProducts:\n  - name: a\n    product: P\n    version: v\n    stackSetPreferences:\n      acounts: []\n',
      'name: a\nproduct: P\nversion: v\n',
    ];
    for (const text of refused) {
      assert.ok(parseSpec(text).problems.length > 0, text);
      assert.equal(validate(parse(text)), false, text);
    }
  });
});
