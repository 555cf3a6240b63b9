import * as assert from 'node:assert/strict';
import {
  parseSpec, specFileNameFor, specFormatOf, specOfProvisionedProduct, specOfProvisionedProducts, type ProvisionedProductState, type SpecProduct,
} from '../../../../src/core/specs';

/** A parsed product as plain data, without ranges: what round-trips. */
function plain(product: SpecProduct) {
  const entries = (items: readonly { key: string; value: string }[] | undefined) => items && Object.fromEntries(items.map((e) => [e.key, e.value]));
  const list = (section: { items: readonly { value: string }[] } | undefined) => section?.items.map((i) => i.value);
  const stackSet = product.stackSetPreferences;
  return {
    name: product.name?.value, product: product.product?.value, version: product.version?.value, launchPath: product.launchPath?.value,
    parameters: entries(product.parameters?.items), tags: entries(product.tags?.items),
    accounts: list(stackSet?.accounts), regions: list(stackSet?.regions), failureToleranceCount: stackSet?.failureToleranceCount?.value,
    notificationArns: list(product.notificationArns),
  };
}

describe('specOfProvisionedProduct', () => {
  const STATE: ProvisionedProductState = {
    name: 'orders-service', product: 'Container Service', version: 'v3', launchPath: 'Platform Engineering',
    parameters: {
      ServiceName: 'orders', DesiredCount: '2', Ratio: '1.10', Flag: 'true', Nothing: 'null', Empty: '', Octal: '0o17', Colon: 'a: b', Hash: '#x',
      Multi: 'line one\nline two', Quote: "it's \"quoted\"", Lead: ' padded ', Braces: '{x}', DbPassword: '****',
    },
    noEchoKeys: ['DbPassword'],
    tags: { CostCenter: 'cc-1001', 'aws:servicecatalog:productArn': 'arn:x', 'team name': 'platform' },
    notificationArns: ['arn:aws:sns:us-east-1:123456789012:events'],
  };

  it('writes a spec that reads back as the same provisioned product, with no problem', () => {
    const text = specOfProvisionedProduct(STATE);
    const parsed = parseSpec(text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.products.length, 1);
    const { DbPassword: _secret, ...visible } = STATE.parameters;
    assert.deepEqual(plain(parsed.products[0]), {
      name: 'orders-service', product: 'Container Service', version: 'v3', launchPath: 'Platform Engineering',
      // A NoEcho value is never written: applying reads it from the environment.
      parameters: { ...visible, DbPassword: '${env:DBPASSWORD}' },
      // The service's aws: tags are not the user's to declare.
      tags: { CostCenter: 'cc-1001', 'team name': 'platform' },
      accounts: undefined, regions: undefined, failureToleranceCount: undefined,
      notificationArns: ['arn:aws:sns:us-east-1:123456789012:events'],
    });
    assert.ok(!text.includes('****'));
    assert.match(text, /^# Service Catalog spec file/);
    assert.match(text, /# DbPassword is NoEcho: its value is never written here\. Applying reads the environment variable DBPASSWORD/);
  });

  it('names the environment variables of NoEcho keys two products share after each product', () => {
    const states: ProvisionedProductState[] = [
      { name: 'orders-dev', product: 'P', version: 'v1', parameters: { DbPassword: 'typed' }, noEchoKeys: ['DbPassword'] },
      { name: 'orders-prod', product: 'P', version: 'v1', parameters: {}, noEchoKeys: ['DbPassword', 'ApiKey'] },
    ];
    const text = specOfProvisionedProducts(states);
    assert.ok(!text.includes('typed'), 'a typed NoEcho value never reaches the file');
    assert.deepEqual(parseSpec(text).products.map((p) => plain(p).parameters), [
      { DbPassword: '${env:ORDERS_DEV_DBPASSWORD}' },
      { DbPassword: '${env:ORDERS_PROD_DBPASSWORD}', ApiKey: '${env:APIKEY}' },
    ]);
  });

  it('gives every NoEcho parameter its own variable, even where keys differ in case only or product names in punctuation', () => {
    const states: ProvisionedProductState[] = [
      { name: 'my-db', product: 'P', version: 'v1', parameters: {}, noEchoKeys: ['DbPassword', 'DBPassword'] },
      { name: 'my_db', product: 'P', version: 'v1', parameters: {}, noEchoKeys: ['DbPassword'] },
    ];
    const names = parseSpec(specOfProvisionedProducts(states)).products.flatMap((p) => Object.values(plain(p).parameters ?? {}));
    assert.equal(names.length, 3);
    assert.equal(new Set(names).size, 3, names.join(', '));
    assert.deepEqual(names, ['${env:MY_DB_DBPASSWORD}', '${env:MY_DB_DBPASSWORD_2}', '${env:MY_DB_DBPASSWORD_3}']);
  });

  it('keeps notes and names from the service inside comments: a line break cannot start a key', () => {
    const text = specOfProvisionedProducts([{
      name: 'site', product: 'P', version: 'v1', parameters: {}, notes: ['Values could not be read.\nprovisionedProducts: []\rinjected: true'],
    }]);
    const parsed = parseSpec(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.products.map((p) => p.name?.value), ['site']);
    assert.match(text, /^ *# Values could not be read\. provisionedProducts: \[\] injected: true$/m);
  });

  it('writes JSON for a .servicecatalog.json file (no comments there), read back the same', () => {
    assert.equal(specFormatOf('/w/site.servicecatalog.JSON'), 'json');
    assert.equal(specFormatOf('/w/site.servicecatalog.yml'), 'yaml');
    const text = specOfProvisionedProducts([STATE], 'json');
    const json = JSON.parse(text) as { provisionedProducts: { parameters: Record<string, string> }[] };
    assert.equal(json.provisionedProducts[0].parameters.DbPassword, '${env:DBPASSWORD}');
    assert.equal(json.provisionedProducts[0].parameters.DesiredCount, '2');
    assert.deepEqual(parseSpec(text).problems, []);
  });

  it('names the file after the one product, safely, else generically', () => {
    assert.equal(specFileNameFor(['orders-service']), 'orders-service.servicecatalog.yaml');
    assert.equal(specFileNameFor(['../etc/passwd x']), 'etc-passwd-x.servicecatalog.yaml');
    assert.equal(specFileNameFor(['a', 'b']), 'provisioned-products.servicecatalog.yaml');
    assert.equal(specFileNameFor(['...']), 'provisioned-products.servicecatalog.yaml');
  });

  it('writes stack-set preferences and several products, and leaves out what is empty', () => {
    const states: ProvisionedProductState[] = [
      { name: 'baseline', product: 'prod-sbxbaseline01', version: '1.1', parameters: { AlarmEmail: 'a@example.com' }, stackSetPreferences: { accounts: ['012345678901'], regions: ['us-east-1'], failureToleranceCount: 1 } },
      { name: 'bare', product: 'P', version: '1.0', parameters: {} },
    ];
    const text = specOfProvisionedProducts(states);
    const parsed = parseSpec(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.products.map(plain), [
      { name: 'baseline', product: 'prod-sbxbaseline01', version: '1.1', launchPath: undefined, parameters: { AlarmEmail: 'a@example.com' }, tags: undefined, accounts: ['012345678901'], regions: ['us-east-1'], failureToleranceCount: '1', notificationArns: undefined },
      { name: 'bare', product: 'P', version: '1.0', launchPath: undefined, parameters: undefined, tags: undefined, accounts: undefined, regions: undefined, failureToleranceCount: undefined, notificationArns: undefined },
    ]);
  });
});
