import * as assert from 'node:assert/strict';
import { seededRandom } from '../../../../src/core/seededRandom';
import { parseSpec, type SpecProblem, type SpecRange } from '../../../../src/core/specs';

const SPEC = `# two products
provisionedProducts:
  - name: web-docs
    product: Static Website
    version: v1.1
    parameters:
      BucketName: docs.example.com
      CacheTtlSeconds: 1.10
      Flag: true
      Empty:
      Secret: \${env:DOCS_SECRET}
      Asked: '\${prompt}'
    tags:
      CostCenter: cc-1001
      Account: 012345678901
    notificationArns:
      - arn:aws:sns:us-east-1:123456789012:events
  - name: baseline
    product: prod-sbxbaseline01
    version: pa-sbxbase-v11
    launchPath: Platform Engineering
    stackSetPreferences:
      accounts: [012345678901, '210987654321']
      regions:
        - us-east-1
      failureToleranceCount: 1
      maxConcurrencyPercentage: 50
`;

/** The text a range covers. */
const at = (text: string, range: SpecRange) => text.slice(range.start, range.end);
const codes = (problems: readonly SpecProblem[]) => problems.map((p) => p.code);

describe('parseSpec', () => {
  it('reads every field with the ranges of its key and its value', () => {
    const { products, problems } = parseSpec(SPEC);
    assert.deepEqual(problems, []);
    assert.equal(products.length, 2);
    const [web, baseline] = products;
    assert.equal(web.name?.value, 'web-docs');
    assert.equal(at(SPEC, web.name.keyRange), 'name');
    assert.equal(at(SPEC, web.name.range), 'web-docs');
    assert.equal(at(SPEC, web.product!.range), 'Static Website');
    assert.equal(at(SPEC, web.version!.keyRange), 'version');
    assert.equal(at(SPEC, web.parameters!.keyRange), 'parameters');
    assert.equal(at(SPEC, web.anchor), 'name');
    assert.ok(at(SPEC, web.range).startsWith('name: web-docs') && at(SPEC, web.range).includes('events'));
    for (const entry of web.parameters!.items) {
      assert.equal(at(SPEC, entry.keyRange), entry.key);
    }
    const values = Object.fromEntries(web.parameters!.items.map((e) => [e.key, e.value]));
    // Plain scalars keep their spelling: 1.10 is not 1.1, true is the text "true".
    assert.deepEqual(values, { BucketName: 'docs.example.com', CacheTtlSeconds: '1.10', Flag: 'true', Empty: '', Secret: '${env:DOCS_SECRET}', Asked: '${prompt}' });
    const secret = web.parameters!.items.find((e) => e.key === 'Secret')!;
    assert.deepEqual(secret.reference, { kind: 'env', name: 'DOCS_SECRET' });
    assert.equal(at(SPEC, secret.range), '${env:DOCS_SECRET}');
    assert.deepEqual(web.parameters!.items.find((e) => e.key === 'Asked')!.reference, { kind: 'prompt' });
    // An account id keeps its leading zero.
    assert.equal(web.tags!.items.find((e) => e.key === 'Account')!.value, '012345678901');
    assert.equal(at(SPEC, web.notificationArns!.items[0].range), 'arn:aws:sns:us-east-1:123456789012:events');
    const stackSet = baseline.stackSetPreferences!;
    assert.deepEqual(stackSet.accounts!.items.map((i) => i.value), ['012345678901', '210987654321']);
    assert.equal(at(SPEC, stackSet.accounts!.items[1].range), "'210987654321'");
    assert.deepEqual(stackSet.regions!.items.map((i) => i.value), ['us-east-1']);
    assert.equal(stackSet.failureToleranceCount!.value, '1');
    assert.equal(at(SPEC, stackSet.maxConcurrencyPercentage!.range), '50');
    assert.equal(baseline.launchPath!.value, 'Platform Engineering');
  });

  it('reads JSON with the same code path and ranges', () => {
    const json = JSON.stringify({ $schema: './servicecatalog-spec.schema.json', provisionedProducts: [{ name: 'a', product: 'P', version: '1', parameters: { N: 2, S: 'x' } }] }, null, 2);
    const { products, problems } = parseSpec(json);
    assert.deepEqual(problems, []);
    assert.equal(at(json, products[0].name!.range), '"a"');
    assert.deepEqual(products[0].parameters!.items.map((e) => [e.key, e.value, at(json, e.keyRange)]), [['N', '2', '"N"'], ['S', 'x', '"S"']]);
  });

  it('reports unknown keys with a suggestion, wrong types, duplicates and missing fields', () => {
    const text = `provisionedProducts:
  - name: a
    product: P
    versoin: v1
    parameters: [1, 2]
    tags:
      Team: x
      Team: y
    stackSetPreferences:
      acounts: []
  - name: a
    product: Q
    version: v2
    notificationArns: arn:aws:sns:us-east-1:123456789012:t
  - just a string
`;
    const { products, problems } = parseSpec(text);
    assert.equal(products.length, 2);
    const byCode = (code: string) => problems.filter((p) => p.code === code);
    const unknown = byCode('unknown-key');
    assert.deepEqual(unknown.map((p) => [at(text, p.range), p.suggestion]), [['versoin', 'version'], ['acounts', 'accounts']]);
    assert.match(unknown[0].message, /Did you mean "version"\?/);
    assert.deepEqual(byCode('wrong-type').map((p) => at(text, p.range)), ['[1, 2]', 'arn:aws:sns:us-east-1:123456789012:t', 'just a string']);
    assert.deepEqual(byCode('duplicate-key').map((p) => at(text, p.range)), ['Team']);
    assert.equal(byCode('duplicate-key')[0].range.start, text.lastIndexOf('Team'));
    assert.deepEqual(byCode('duplicate-name').map((p) => p.range.start), [text.lastIndexOf('name: a') + 'name: '.length]);
    // The first product has no version (the key is misspelt): said at its name key.
    assert.deepEqual(byCode('missing-field').map((p) => [at(text, p.range), p.message]), [['name', 'A provisioned product needs a version.']]);
  });

  it('says where products belong when the top level is one product, and reports YAML syntax errors at their place', () => {
    const single = parseSpec('name: a\nproduct: P\nversion: v\n');
    assert.deepEqual(single.products, []);
    assert.ok(codes(single.problems).includes('unknown-key'));
    assert.match(single.problems.find((p) => p.code === 'missing-field')!.message, /under provisionedProducts/);

    const broken = 'provisionedProducts:\n  - name: "a\n';
    const parsed = parseSpec(broken);
    const syntax = parsed.problems.filter((p) => p.code === 'syntax');
    assert.ok(syntax.length > 0);
    for (const problem of syntax) assert.ok(problem.range.start >= 0 && problem.range.end <= broken.length + 1 && !problem.message.includes('\n'));
  });

  it('never throws, and every range is inside the text, whatever it is fed', () => {
    const random = seededRandom(14);
    const alphabet = ['\n', ' ', '  ', '- ', ':', ': ', '{', '}', '[', ']', ',', '"', "'", '#', '&a', '*a', '!!str', '|', '>', '---', '\t', 'name', 'product', 'parameters', 'x', '1', '${env:A}', '\u0000', '😀'];
    const samples = [
      ...Array.from({ length: 300 }, () => Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')),
      // Prefixes of a real file (every third length): what an editor holds while it is typed.
      ...Array.from({ length: Math.ceil((SPEC.length + 1) / 3) }, (_, n) => SPEC.slice(0, 3 * n)),
      '', '\uFEFF', 'null', '[]', '42', '{"provisionedProducts": {"name": 1}}', 'provisionedProducts: *x', 'a: &x [*x]',
    ];
    for (const text of samples) {
      const parsed = parseSpec(text);
      for (const problem of parsed.problems) {
        assert.ok(problem.range.start >= 0 && problem.range.start <= problem.range.end && problem.range.end <= text.length + 1, `${JSON.stringify(text)}: ${JSON.stringify(problem)}`);
      }
      for (const product of parsed.products) {
        for (const value of [product.name, product.product, product.version, ...(product.parameters?.items ?? [])]) {
          if (value) assert.ok(value.range.end <= text.length && value.keyRange.end <= text.length, JSON.stringify(text));
        }
      }
    }
  });
});
