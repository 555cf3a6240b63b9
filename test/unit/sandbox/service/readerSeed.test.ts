// The read-only end user owns what the admin handed over, so what that caller may and may not do is
// reachable from a fresh sandbox: it sees its product and is refused a terminate in IAM's words.
import assert from 'node:assert/strict';
import * as SC from '@aws-sdk/client-service-catalog';
import type { Sandbox } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { caught, sdkClient, startTestSandbox } from '../../../support/sandbox';

describe('seeded product of the read-only user', function () {
  this.timeout(30_000);
  let sandbox: Sandbox;
  before(async () => void (sandbox = await startTestSandbox()));
  after(() => sandbox.stop());

  it('is listed to the read-only user at access level User, and its terminate is refused as IAM refuses', async () => {
    const reader = sdkClient(sandbox, { persona: 'readOnly' });
    const { ProvisionedProducts } = await reader.send(new SC.SearchProvisionedProductsCommand({ AccessLevelFilter: { Key: 'User', Value: 'self' } }));
    const names = (ProvisionedProducts ?? []).map((p) => p.Name);
    assert.deepEqual(names, [SEED.provisionedProducts.readerWikiSite.name]);
    const refused = await caught(() => reader.send(new SC.TerminateProvisionedProductCommand({ ProvisionedProductId: SEED.provisionedProducts.readerWikiSite.id, TerminateToken: 'reader-terminate' })));
    assert.equal(refused?.name, 'AccessDeniedException');
    assert.match(refused.message, /is not authorized to perform: servicecatalog:TerminateProvisionedProduct/);
  });
});
