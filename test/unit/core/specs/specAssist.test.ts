// Completions and hovers of spec files against the sandbox's real catalog (read through the SDK).
import * as assert from 'node:assert/strict';
import { parseSpec, specCompletions, specHoverAt, validateSpec, type SpecRange } from '../../../../src/core/specs';
import { useSeededCatalogSnapshot, type ReadFacts } from '../../../support/specCatalogSnapshot';

const CURSOR = '|';

/** The text without its cursor mark, and the cursor's offset. */
function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0, 'no cursor in the text');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

const at = (text: string, range: SpecRange) => text.slice(range.start, range.end);

describe('spec completions and hovers', function () {
  const seeded = useSeededCatalogSnapshot();
  let facts: ReadFacts;
  before(() => (facts = seeded()));

  function complete(marked: string) {
    const { text, offset } = withCursor(marked);
    const result = specCompletions(text, offset, validateSpec(parseSpec(text), facts), facts);
    return { text, result, labels: result?.items.map((i) => i.label) ?? [] };
  }

  const SITE = 'provisionedProducts:\n  - name: site\n    product: Static Website\n    version: v2.0\n';

  it('offers the product names of the catalog after product:, replacing what is typed', () => {
    const { text, result, labels } = complete('provisionedProducts:\n  - name: a\n    product: Stat|\n');
    assert.ok(labels.includes('Static Website') && labels.includes('Container Service') && labels.includes('S3 Bucket (Terraform)'));
    assert.equal(at(text, result!.range), 'Stat');
    const empty = complete('provisionedProducts:\n  - name: a\n    product: |\n');
    assert.deepEqual(empty.labels, facts.products.map((p) => p.name));
    assert.equal(empty.result!.range.start, empty.result!.range.end);
  });

  it('offers the versions of the named product, deprecated ones marked, and its launch paths', () => {
    const versions = complete('provisionedProducts:\n  - name: a\n    product: Static Website\n    version: |\n');
    assert.deepEqual(versions.result!.items.map((i) => [i.label, i.deprecated ?? false]), [['v1.0', true], ['v1.1', false], ['v2.0', false]]);
    const unnamed = complete('provisionedProducts:\n  - name: a\n    product: Legacy PostgreSQL Database\n    version: |\n');
    // A version without a name is offered by its id.
    assert.deepEqual(unnamed.labels, ['PostgreSQL 11', 'pa-sbxrds-v15', 'PostgreSQL 16']);
    const paths = complete('provisionedProducts:\n  - name: a\n    product: Container Service\n    version: v3\n    launchPath: |\n');
    assert.deepEqual(paths.labels, ['Platform Engineering', 'Data & Analytics']);
  });

  it('offers the keys a provisioned product does not have yet, on a blank line and on a half-typed key', () => {
    const blank = complete(`${SITE}    |\n`);
    assert.deepEqual(blank.labels, ['launchPath', 'parameters', 'tags', 'stackSetPreferences', 'notificationArns']);
    assert.equal(blank.result!.items[0].insertText, 'launchPath: ');
    const typed = complete(`${SITE}    para|\n`);
    assert.ok(typed.labels.includes('parameters') && !typed.labels.includes('version'));
    assert.equal(at(typed.text, typed.result!.range), 'para');
    const newItem = complete(`${SITE}  - |\n`);
    assert.ok(newItem.labels.includes('name') && newItem.labels.includes('product'));
  });

  it('offers the parameter keys of the version not given yet, with type and description', () => {
    const { result, labels } = complete(`${SITE}    parameters:\n      Environment: dev\n      |\n`);
    assert.deepEqual(labels, ['BucketName', 'CacheTtlSeconds']);
    const bucket = result!.items[0];
    assert.equal(bucket.detail, 'String, required');
    assert.equal(bucket.documentation, 'Globally unique S3 bucket name for the site content');
    const typed = complete(`${SITE}    parameters:\n      Cache|\n`);
    assert.deepEqual(typed.labels, ['BucketName', 'Environment', 'CacheTtlSeconds']);
    assert.equal(at(typed.text, typed.result!.range), 'Cache');
  });

  it('offers allowed values, references for NoEcho parameters, TagOption keys and values, stack-set accounts', () => {
    assert.deepEqual(complete(`${SITE}    parameters:\n      Environment: |\n`).labels, ['dev', 'staging', 'prod']);
    const flow = complete(`${SITE}    parameters: { Environment: st| }\n`);
    assert.deepEqual(flow.labels, ['dev', 'staging', 'prod']);
    assert.equal(at(flow.text, flow.result!.range), 'st');
    const container = 'provisionedProducts:\n  - name: svc\n    product: Container Service\n    version: v3\n    launchPath: Platform Engineering\n';
    assert.deepEqual(complete(`${container}    parameters:\n      DbPassword: |\n`).labels, ['${env:DBPASSWORD}', '${prompt}']);
    assert.deepEqual(complete(`${SITE}    tags:\n      |\n`).labels, ['CostCenter', 'Environment']);
    assert.deepEqual(complete(`${SITE}    tags:\n      CostCenter: |\n`).labels, ['cc-1001', 'cc-2002', 'cc-3003']);
    const baseline = 'provisionedProducts:\n  - name: b\n    product: Security Baseline (StackSet)\n    version: \'1.1\'\n';
    assert.deepEqual(complete(`${baseline}    stackSetPreferences:\n      regions: [|]\n`).labels, ['us-east-1', 'us-west-2', 'eu-west-1']);
    assert.deepEqual(complete(`${baseline}    stackSetPreferences:\n      |\n`).labels, ['accounts', 'regions', 'failureToleranceCount', 'failureTolerancePercentage', 'maxConcurrencyCount', 'maxConcurrencyPercentage']);
  });

  it('completes in JSON files too', () => {
    const { labels } = complete('{"provisionedProducts": [{"name": "a", "product": "Static Website", "version": "v2.0", "parameters": {"Environment": "|"}}]}');
    assert.deepEqual(labels, ['dev', 'staging', 'prod']);
  });

  it('never throws while a file is typed: validation, completions and hovers at every offset of every prefix', () => {
    const full = `${SITE}    launchPath: Platform Engineering\n    parameters:\n      Environment: prod\n      BucketName: "b.example.com"\n    tags: {CostCenter: cc-1001}\n    stackSetPreferences:\n      regions: [us-east-1]\n`;
    for (let length = 0; length <= full.length; length += 7) {
      const text = full.slice(0, length);
      const validation = validateSpec(parseSpec(text), facts);
      for (let offset = 0; offset <= text.length; offset += 5) {
        const result = specCompletions(text, offset, validation, facts);
        if (result) assert.ok(result.range.start >= 0 && result.range.end <= text.length && result.range.start <= offset + 1, `${JSON.stringify(text)} @${offset}`);
        specHoverAt(validation, offset);
      }
    }
  });

  it('hovers a parameter key or value with its description, constraints and default', () => {
    const { text, offset } = withCursor(`${SITE}    parameters:\n      Buck|etName: my-site\n      CacheTtlSeconds: 60\n`);
    const validation = validateSpec(parseSpec(text), facts);
    const hover = specHoverAt(validation, offset)!;
    assert.equal(at(text, hover.range), 'BucketName');
    assert.deepEqual(hover.hover, {
      key: 'BucketName', label: 'Bucket Name', type: 'String', required: true, noEcho: false,
      description: 'Globally unique S3 bucket name for the site content',
      constraints: [
        'Pattern: [a-z0-9][a-z0-9.-]*[a-z0-9]', 'Length 3–63',
        'Constraint: must be 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit',
      ],
    });
    const ttl = specHoverAt(validation, text.indexOf('60'))!;
    assert.equal(at(text, ttl.range), '60');
    assert.deepEqual([ttl.hover.defaultValue, ttl.hover.constraints], ['3600', ['Value 0–86400']]);
    assert.equal(specHoverAt(validation, text.indexOf('version')), undefined);
  });
});
