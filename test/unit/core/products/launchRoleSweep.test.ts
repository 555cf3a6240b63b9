// The launch-role sweep against the sandbox, through the API exactly as the extension builds it:
// every listed product gets the launch role DescribeProvisionedProduct would give, in ceil(N/20)
// ScanProvisionedProducts pages at most, stopping as soon as nothing is missing.
import * as assert from 'node:assert/strict';
import type { ProvisionedProductDetail } from '@aws-sdk/client-service-catalog';
import type { Sandbox } from '../../../../src/sandbox/index';
import { LAUNCH_ROLE_SWEEP_MAX_PAGES, LAUNCH_ROLE_SWEEP_MAX_PRODUCTS, shouldSweep, sweepLaunchRoles } from '../../../../src/core/products/launchRoleSweep';
import { extensionApi } from '../../../support/faults';
import { startTestSandbox } from '../../../support/sandbox';

describe('launch-role sweep (ScanProvisionedProducts)', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startTestSandbox({ generatedProducts: 90 });
  });
  after(() => sandbox.stop());

  it('reads every listed product\'s launch role in ceil(N/20) pages, matching DescribeProvisionedProduct', async () => {
    const api = extensionApi(sandbox, 'Account', 'admin');
    const listed = await api.listProvisionedProducts();
    assert.ok(listed.length > 90);
    sandbox.resetStats();
    const seen = new Map<string, ProvisionedProductDetail>();
    const result = await sweepLaunchRoles(api, listed.map((p) => p.Id!), (details) => details.forEach((d) => seen.set(d.Id!, d)));
    assert.equal(result.missing.size, 0);
    assert.equal(seen.size, listed.length);
    assert.equal(result.pages, Math.ceil(listed.length / 20));
    assert.equal(sandbox.stats().calls, result.pages, 'one ScanProvisionedProducts call a page, nothing else');
    for (const product of listed.slice(0, 5)) {
      const described = await api.describeProvisionedProduct(product.Id!);
      assert.equal(seen.get(product.Id!)?.LaunchRoleArn, described.LaunchRoleArn);
    }
    assert.ok([...seen.values()].some((d) => d.LaunchRoleArn?.startsWith('arn:aws:iam::')), 'launch roles are present');
    api.dispose();
  });

  it('stops paging as soon as the wanted products are found', async () => {
    const api = extensionApi(sandbox, 'Account', 'admin');
    const firstPage: string[] = [];
    await api.scanProvisionedProducts((details) => {
      firstPage.push(...details.map((d) => d.Id!));
      return false;
    });
    sandbox.resetStats();
    const result = await sweepLaunchRoles(api, firstPage.slice(0, 3), () => undefined);
    assert.equal(result.pages, 1);
    assert.equal(sandbox.stats().calls, 1);
    api.dispose();
  });

  it('gives up after the page cap and says which products are still missing', async () => {
    const api = extensionApi(sandbox, 'Account', 'admin');
    const result = await sweepLaunchRoles(api, ['pp-doesnotexist1'], () => assert.fail('nothing to apply'));
    assert.ok(result.pages <= LAUNCH_ROLE_SWEEP_MAX_PAGES);
    assert.deepEqual([...result.missing], ['pp-doesnotexist1']);
    api.dispose();
  });

  it('sweeps only small lists with something missing', () => {
    assert.equal(shouldSweep(10, 0), false);
    assert.equal(shouldSweep(10, 3), true);
    assert.equal(shouldSweep(LAUNCH_ROLE_SWEEP_MAX_PRODUCTS, 5), true);
    assert.equal(shouldSweep(LAUNCH_ROLE_SWEEP_MAX_PRODUCTS + 1, 5), false);
  });
});
