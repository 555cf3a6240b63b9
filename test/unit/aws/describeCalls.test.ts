// One wrapper per describe call: the tree's CatalogApi and the forms' ProvisioningService send the same
// DescribeProvisionedProduct and DescribeRecord, both through src/aws/describeCalls.ts, and every pager
// of the AWS layer goes through collectPages/forEachPage (no loop of its own).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProvisioningService } from '../../../src/aws/provisioningService';
import { endlessService } from '../../support/endlessService';

const AWS_DIR = join(process.cwd(), 'src', 'aws');
const awsSources = () => readdirSync(AWS_DIR).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(join(AWS_DIR, f), 'utf8')] as const);

describe('describe calls: one wrapper each', () => {
  it('CatalogApi and ProvisioningService describe a provisioned product with the same call', async () => {
    const { api, calls } = endlessService();
    const forms = new ProvisioningService(api.client);
    const [fromTree, fromForms] = [await api.describeProvisionedProduct('pp-1').catch((e: Error) => e.message), await forms.describeProvisionedProduct('pp-1').catch((e: Error) => e.message)];
    api.dispose();
    assert.deepEqual(fromTree, fromForms);
    assert.deepEqual(calls.map((c) => c.operation), ['DescribeProvisionedProduct', 'DescribeProvisionedProduct']);
  });

  it("a record's outputs are paged to the cap; the launch path needs one call", async () => {
    const { api, calls } = endlessService();
    const full = await api.describeRecord('rec-1');
    assert.equal(full.outputs.incomplete, true);
    const pages = calls.length;
    assert.ok(pages > 1);
    calls.length = 0;
    await new ProvisioningService(api.client).recordPathId('rec-1');
    api.dispose();
    assert.deepEqual(calls.map((c) => c.operation), ['DescribeRecord'], 'one call, not the whole pager');
  });

  it('each of these commands is built in describeCalls.ts only', () => {
    for (const command of ['DescribeProvisionedProductCommand(', 'DescribeRecordCommand(']) {
      const builders = awsSources().filter(([, text]) => text.includes(`new ${command}`)).map(([file]) => file);
      assert.deepEqual(builders, ['describeCalls.ts'], command);
    }
  });

  it('no file of the AWS layer follows page tokens with a loop of its own', () => {
    for (const [file, text] of awsSources()) {
      const pagers = text.split('\n').filter((line) => /PageToken: token/.test(line)).length;
      const helpers = (text.match(/\b(collectPages|forEachPage)\(/g) ?? []).length;
      assert.ok(pagers <= helpers, `${file}: ${pagers} page requests, ${helpers} paging helpers`);
      assert.doesNotMatch(text, /\b(while|do)\s*[({]|for\s*\(\s*;/, `${file} has a loop`);
    }
  });
});
