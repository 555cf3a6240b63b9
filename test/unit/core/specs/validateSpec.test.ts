// Validation of spec files against the sandbox's real catalog, read through the SDK as the VS Code
// layer reads it, and the proof that a value is accepted in the file exactly when the form accepts it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProvisioningForm } from '../../../../src/core/parameters/formModel';
import { validateProvisioningSubmission } from '../../../../src/core/parameters/submission';
import { toProvisionInput } from '../../../../src/core/parameters/toInput';
import {
  parseSpec, submissionOfSpec, validateSpec, type CatalogSnapshot, type SpecProblem, type SpecRange, type SpecValidation,
} from '../../../../src/core/specs';
import { SEED } from '../../../../src/sandbox/service/seedCatalog';
import { useSeededCatalogSnapshot, withExisting, type ReadFacts } from '../../../support/specCatalogSnapshot';

const P = SEED.products;
const at = (text: string, range: SpecRange) => text.slice(range.start, range.end);
const PLATFORM_TAGS = '    tags:\n      CostCenter: cc-1001\n      Environment: dev\n';

function website(name: string, extra = '', version = 'v2.0', tags = PLATFORM_TAGS): string {
  return `  - name: ${name}\n    product: Static Website\n    version: ${version}\n    parameters:\n      BucketName: ${name}.example.com\n${extra}${tags}`;
}

const file = (...products: string[]) => `provisionedProducts:\n${products.join('')}`;

function check(text: string, facts: CatalogSnapshot): SpecValidation {
  return validateSpec(parseSpec(text), facts);
}

/** The problems as [code, covered text, message] for short assertions. */
const summary = (text: string, problems: readonly SpecProblem[]) => problems.map((p) => [p.code, at(text, p.range), p.message]);

describe('validateSpec against the sandbox catalog', function () {
  const seeded = useSeededCatalogSnapshot();
  let facts: ReadFacts;
  before(() => (facts = seeded()));

  it('accepts a file the forms would accept, resolving names and ids alike', () => {
    const text = file(
      website('site-a'),
      `  - name: baseline\n    product: ${P.securityBaseline.id}\n    version: ${P.securityBaseline.versions.v11}\n    parameters:\n      AlarmEmail: sec@example.com\n${PLATFORM_TAGS}`
      + `    stackSetPreferences:\n      accounts: ['${SEED.accountId}']\n      regions: [us-east-1, eu-west-1]\n      failureTolerancePercentage: 10\n      maxConcurrencyCount: 2\n`
      + '    notificationArns: [arn:aws:sns:us-east-1:123456789012:events]\n',
    );
    const validation = check(text, facts);
    assert.deepEqual(summary(text, validation.problems), []);
    assert.deepEqual(validation.pending, []);
    const [site, baseline] = validation.products;
    assert.equal(site.target?.version.id, P.staticWebsite.versions.v20);
    assert.equal(site.target?.pathId, SEED.portfolios.platform.pathId);
    assert.equal(site.form?.mode, 'provision');
    assert.equal(baseline.target?.product.name, 'Security Baseline (StackSet)');
    // The submission the file stands for is what the form would send.
    const input = toProvisionInput(baseline.form!, baseline.built!.submission, 'token-1', { productId: P.securityBaseline.id, provisioningArtifactId: P.securityBaseline.versions.v11 });
    assert.deepEqual(input.ProvisioningPreferences, { StackSetAccounts: [SEED.accountId], StackSetRegions: ['us-east-1', 'eu-west-1'], StackSetFailureTolerancePercentage: 10, StackSetMaxConcurrencyCount: 2 });
    assert.deepEqual(input.Tags, [{ Key: 'CostCenter', Value: 'cc-1001' }, { Key: 'Environment', Value: 'dev' }]);
  });

  it('accepts the README\'s example', () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Spec files')))![1];
    const validation = check(example, facts);
    assert.deepEqual(summary(example, validation.problems), []);
    assert.deepEqual(validation.products.map((p) => p.form?.mode), ['provision', 'provision']);
  });

  it('names an unknown product, version or path with the closest one as suggestion', () => {
    const text = file(
      '  - name: a\n    product: Static Websit\n    version: v2.0\n',
      '  - name: b\n    product: Static Website\n    version: v2.2\n',
      '  - name: c\n    product: Container Service\n    version: v3\n    launchPath: Platform Engineerin\n',
    );
    const { problems } = check(text, facts);
    assert.deepEqual(problems.map((p) => [p.code, at(text, p.range), p.suggestion]), [
      ['unknown-product', 'Static Websit', 'Static Website'],
      ['unknown-version', 'v2.2', 'v2.0'],
      ['unknown-path', 'Platform Engineerin', 'Platform Engineering'],
    ]);
    assert.match(problems[0].message, /No product "Static Websit" in the catalog of this connection\. Did you mean "Static Website"\?/);
  });

  it('names an unknown product, with the closest one, while the entry has no version yet', () => {
    const text = file('  - name: a\n    product: Static Websit\n', '  - name: b\n    product: Container Service\n    launchPath: Platform Engineerin\n');
    const { problems } = check(text, facts);
    assert.deepEqual(problems.map((p) => [p.code, at(text, p.range), p.suggestion]), [
      ['missing-field', 'name', undefined],
      ['unknown-product', 'Static Websit', 'Static Website'],
      ['missing-field', 'name', undefined],
      ['unknown-path', 'Platform Engineerin', 'Platform Engineering'],
    ]);
    assert.match(problems[1].message, /Did you mean "Static Website"\?/);
  });

  it('warns of a deprecated version, naming the recommended one, and requires a launch path where there are several', () => {
    const text = file(website('old', '', 'v1.0'), '  - name: svc\n    product: Container Service\n    version: v3\n');
    const { problems } = check(text, facts);
    const deprecated = problems.find((p) => p.code === 'deprecated-version')!;
    assert.equal(deprecated.severity, 'warning');
    assert.equal(at(text, deprecated.range), 'v1.0');
    assert.equal(deprecated.message, 'v1.0 is deprecated. The recommended version is v2.0.');
    assert.equal(deprecated.suggestion, 'v2.0');
    const path = problems.find((p) => p.code === 'path-required')!;
    assert.equal(at(text, path.range), 'Container Service');
    assert.match(path.message, /several launch paths: choose one with launchPath \(Platform Engineering, Data & Analytics\)/);
  });

  it('reports missing required parameters, constraints in the template\'s words, unknown keys and TagOptions at their place', () => {
    const text = file(
      '  - name: site\n    product: Static Website\n    version: v2.0\n    parameters:\n      BucketName: Bad_Bucket\n      IndexDocument: home.html\n      CacheTtlSeconds: 90000\n'
      + '    tags:\n      CostCenter: cc-9999\n      team: web\n',
      '  - name: site2\n    product: Static Website\n    version: v2.0\n    parameters:\n      Environment: prod\n',
    );
    const { problems } = check(text, facts);
    assert.deepEqual(summary(text, problems), [
      ['invalid', 'Bad_Bucket', 'must be 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit'],
      ['invalid', 'IndexDocument', 'IndexDocument is not a parameter of this version.'],
      ['invalid', '90000', 'Cache Ttl Seconds must be at most 86400.'],
      // The tags key comes before its values: the missing Environment tag is said there.
      ['invalid', 'tags', 'Choose a value for the tag Environment.'],
      ['invalid', 'cc-9999', 'The tag CostCenter must be one of: cc-1001, cc-2002, cc-3003.'],
      // The second product has no tags at all: said at its name.
      ['invalid', 'name', 'Choose a value for the tag CostCenter.'],
      ['invalid', 'name', 'Choose a value for the tag Environment.'],
      ['invalid', 'parameters', 'BucketName: Bucket Name is required.'],
    ]);
    assert.deepEqual(problems.map((p) => p.formPath), [
      'parameters.BucketName', 'parameters.IndexDocument', 'parameters.CacheTtlSeconds', 'tagOptions.Environment', 'tagOptions.CostCenter',
      'tagOptions.CostCenter', 'tagOptions.Environment', 'parameters.BucketName',
    ]);
  });

  it('never takes a NoEcho value from the file: a reference stands for it, a literal is an error', () => {
    const product = (password: string, name = 'orders') =>
      `  - name: ${name}\n    product: Container Service\n    version: v3\n    launchPath: Platform Engineering\n    parameters:\n      ServiceName: orders\n      DbPassword: ${password}\n${PLATFORM_TAGS}`;
    const text = file(product('hunter2hunter2'), product('${env:ORDERS_DB_PASSWORD}', 'orders-b'), product("'${prompt}'", 'orders-c'));
    const validation = check(text, facts);
    assert.deepEqual(summary(text, validation.problems).map(([code, covered]) => [code, covered]), [['no-echo-literal', 'hunter2hunter2']]);
    const literal = validation.problems[0];
    assert.match(literal.message, /DbPassword is a NoEcho parameter: its value may not stand in the file; write a reference: \$\{env:NAME\}/);
    assert.ok(!literal.message.includes('hunter2'));
    assert.equal(literal.suggestion, '${env:DBPASSWORD}');
    // The literal is not in the submission either, so it reaches no message and no call.
    assert.deepEqual(validation.products[0].built!.submission.parameters, { ServiceName: 'orders' });
    assert.deepEqual([...validation.products[1].built!.unresolved], ['DbPassword']);
  });

  it('checks a resolved reference at apply time with the same validation', () => {
    const text = file(`  - name: orders\n    product: Container Service\n    version: v3\n    launchPath: Data & Analytics\n    parameters:\n      ServiceName: orders\n      DbPassword: \${prompt}\n`);
    const [validated] = check(text, facts).products;
    const tooShort = submissionOfSpec(validated.spec, validated.form!, { resolved: { DbPassword: 'short' } });
    assert.deepEqual(validateProvisioningSubmission(validated.form!, tooShort.submission).errors, { 'parameters.DbPassword': 'Db Password must be at least 8 characters.' });
    const good = submissionOfSpec(validated.spec, validated.form!, { resolved: { DbPassword: 'long-enough' } });
    assert.deepEqual(validateProvisioningSubmission(validated.form!, good.submission).errors, {});
  });

  it('refuses a reference for a parameter that is not NoEcho, stack-set preferences the product does not take, and bad ARNs', () => {
    const text = file(website('site', '      Environment: ${env:STAGE}\n', 'v2.0', `${PLATFORM_TAGS}    stackSetPreferences:\n      regions: [us-east-1]\n    notificationArns:\n      - not-an-arn\n`));
    const { problems } = check(text, facts);
    assert.deepEqual(summary(text, problems), [
      ['reference-not-no-echo', '${env:STAGE}', 'References stand only for NoEcho parameters; Environment is not one: write its value.'],
      ['invalid', 'stackSetPreferences', 'This product version takes no stack set preferences.'],
      ['invalid', 'not-an-arn', '"not-an-arn" is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>).'],
    ]);
  });

  it('checks stack-set accounts, Regions and tolerances against the STACKSET constraint', () => {
    const text = file(`  - name: baseline\n    product: Security Baseline (StackSet)\n    version: '1.1'\n    parameters:\n      AlarmEmail: sec@example.com\n${PLATFORM_TAGS}`
      + '    stackSetPreferences:\n      accounts: [999999999999]\n      regions: [ap-south-1]\n      failureToleranceCount: 1\n      failureTolerancePercentage: 5\n');
    const { problems } = check(text, facts);
    assert.deepEqual(summary(text, problems), [
      ['invalid', '999999999999', 'Account 999999999999 is not allowed by the stack set constraint.'],
      ['invalid', 'ap-south-1', 'Region ap-south-1 is not allowed by the stack set constraint.'],
      ['invalid', '1', 'Give either failure tolerance count or failure tolerance percentage, not both.'],
      ['invalid', '5', 'Give either failure tolerance count or failure tolerance percentage, not both.'],
    ]);
  });

  it('checks an existing provisioned product as the update form does: what the file leaves out is kept', () => {
    const existing = withExisting(facts, {
      'web-marketing-site': { id: SEED.provisionedProducts.webMarketingSite.id, productId: P.staticWebsite.id, versionId: P.staticWebsite.versions.v11, parameterKeys: ['BucketName', 'Environment', 'IndexDocument'], tags: { CostCenter: 'cc-1001', Environment: 'dev' } },
    });
    const text = file(`  - name: web-marketing-site\n    product: Static Website\n    version: v2.0\n    parameters:\n      Environment: prod\n${PLATFORM_TAGS}    notificationArns: [arn:aws:sns:us-east-1:123456789012:events]\n`);
    const validation = check(text, existing);
    assert.deepEqual(summary(text, validation.problems), []);
    const [validated] = validation.products;
    assert.equal(validated.form?.mode, 'update');
    assert.deepEqual(validated.built?.submission, { parameters: { Environment: 'prod' }, keepPrevious: ['BucketName'] });
    // A new parameter without a default is required on update too.
    const withNewKey = withExisting(facts, { 'web-marketing-site': { id: 'pp-x', parameterKeys: ['Environment'] } });
    assert.deepEqual(summary(text, check(text, withNewKey).problems).map(([, , message]) => message), ['BucketName: Bucket Name is required.']);
  });

  it('refuses a version no longer offered unless the provisioned product runs it, and a name two versions share', () => {
    const container = facts.products.find((p) => p.id === P.containerService.id)!;
    const retired = { id: P.containerService.versions.v1, name: 'v1', active: false, guidance: 'DEPRECATED' };
    // The newest version shares v3's name, so it is named by its id.
    const twin = { id: 'pa-sbxecs-twin', name: 'v3' };
    const widened: CatalogSnapshot = { ...facts, products: facts.products.map((p) => (p === container ? { ...p, versions: [retired, ...p.versions, twin] } : p)) };
    const product = (name: string, version: string) => `  - name: ${name}\n    product: Container Service\n    version: ${version}\n    launchPath: Platform Engineering\n`;
    const text = file(product('a', 'v1'), product('b', 'v3'));
    const { problems } = check(text, widened);
    assert.deepEqual(problems.map((p) => [p.code, at(text, p.range), p.message]), [
      ['inactive-version', 'v1', 'v1 is no longer offered by Container Service. Use pa-sbxecs-twin.'],
      ['ambiguous-version', 'v3', `Several versions of Container Service are named "v3": name one by its id (${P.containerService.versions.v3}, pa-sbxecs-twin).`],
    ]);
    const running = { ...widened, provisionedProduct: (name: string) => (name === 'a' ? { id: 'pp-a', versionId: retired.id } : undefined) };
    assert.deepEqual(check(file(product('a', 'v1')), running).problems.map((p) => p.code), ['deprecated-version']);
  });

  it('refuses to turn an existing provisioned product into another product', () => {
    const existing = withExisting(facts, { 'dev-box-alice': { id: SEED.provisionedProducts.devBoxAlice.id, productId: P.devInstance.id, versionId: P.devInstance.versions.v11 } });
    const text = file(website('dev-box-alice'));
    const { problems } = check(text, existing);
    assert.deepEqual(problems.map((p) => [p.code, at(text, p.range), p.suggestion]), [['other-product', 'Static Website', 'Developer Instance']]);
    assert.match(problems[0].message, /dev-box-alice runs Developer Instance: an update cannot change its product/);
  });

  it('asks for the parameters it does not hold yet instead of guessing', () => {
    const empty: CatalogSnapshot = { products: facts.products, provisioningParameters: () => undefined };
    const text = file(website('site'));
    const validation = check(text, empty);
    assert.deepEqual(validation.problems, []);
    assert.deepEqual(validation.pending, [{ productId: P.staticWebsite.id, versionId: P.staticWebsite.versions.v20, pathId: SEED.portfolios.platform.pathId }]);
  });

  it('accepts a parameter value in the file exactly when the form accepts it', () => {
    const table: Record<string, Record<string, readonly string[]>> = {
      [`${P.staticWebsite.id}/${P.staticWebsite.versions.v20}`]: {
        BucketName: ['ok-bucket', 'a.b', 'ab', 'Bad_Bucket', '-lead', 'trail-', 'x'.repeat(63), 'x'.repeat(64), '', 'b😀b'],
        Environment: ['dev', 'prod', 'Prod', 'test', ''],
        CacheTtlSeconds: ['0', '86400', '86401', '-1', '1e3', '1.5', 'ten', ' 5', '', '+7'],
      },
      [`${P.devInstance.id}/${P.devInstance.versions.v11}`]: {
        VolumeSizeGiB: ['8', '7', '512', '513', '20.0', '.5e2'],
        InstanceType: ['t3.micro', 't3.large', 'T3.MICRO'],
        KeyName: ['', 'my-key', 'k'.repeat(256)],
      },
      [`${P.legacyDatabase.id}/${P.legacyDatabase.versions.v2}`]: {
        MasterUsername: ['dbadmin', '1admin', 'a'.repeat(16), 'a'.repeat(17), 'ad min'],
        AllocatedStorage: ['20', '19', '1000', '1001'],
      },
    };
    let compared = 0;
    for (const [target, fields] of Object.entries(table)) {
      const [productId, versionId] = target.split('/');
      const product = facts.products.find((p) => p.id === productId)!;
      const output = facts.provisioningParameters(productId, versionId, product.launchPaths[0].id)!;
      const form = buildProvisioningForm(output);
      for (const [key, values] of Object.entries(fields)) {
        for (const value of values) {
          const formError = validateProvisioningSubmission(form, { provisionedProductName: 'p', parameters: { [key]: value } }).errors[`parameters.${key}`];
          // Quoted, and plain where YAML reads the value back as written.
          const spellings = [JSON.stringify(value), ...(/^[\w][\w.+-]*$/.test(value) ? [value] : [])];
          for (const spelling of spellings) {
            const text = file(`  - name: p\n    product: ${productId}\n    version: ${versionId}\n    parameters:\n      ${key}: ${spelling}\n`);
            const fileError = check(text, facts).problems.find((p) => p.formPath === `parameters.${key}`);
            assert.equal(fileError?.message.replace(`${key}: `, ''), formError, `${key}: ${spelling}`);
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 70, String(compared));
  });
});
