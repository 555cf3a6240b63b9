// Portfolio access: users by their ARN, SSO sessions by the role they assumed.
import assert from 'node:assert/strict';
import { canUsePortfolio, principalOf } from '../../../../src/sandbox/service/launchPaths';
import { seedPortfolios, SEED } from '../../../../src/sandbox/service/seedCatalog';
import { KNOWN_IDENTITIES } from '../../../../src/sandbox/identities';

describe('launch paths', () => {
  const [platform, data, accountFactory, drafts] = seedPortfolios();

  it('counts an assumed-role session as its role', () => {
    assert.equal(principalOf('arn:aws:sts::123456789012:assumed-role/ServiceCatalogEndUser/alice@example.com'), 'arn:aws:iam::123456789012:role/ServiceCatalogEndUser');
    assert.equal(principalOf(SEED.callers.user), SEED.callers.user);
    assert.ok(canUsePortfolio(platform, 'arn:aws:sts::123456789012:assumed-role/ServiceCatalogEndUser/alice@example.com'));
    assert.ok(canUsePortfolio(data, 'arn:aws:sts::123456789012:assumed-role/ServiceCatalogColleague/bob'));
    assert.ok(!canUsePortfolio(platform, 'arn:aws:sts::123456789012:assumed-role/SomeOtherRole/eve'));
    assert.ok(!canUsePortfolio(platform, 'arn:aws:sts::999999999999:assumed-role/ServiceCatalogEndUser/alice'), 'another account\'s role');
  });

  it('shares the two end-user portfolios with every sandbox user, the other two with the admin only', () => {
    for (const identity of KNOWN_IDENTITIES) {
      assert.ok(canUsePortfolio(platform, identity.arn) && canUsePortfolio(data, identity.arn), identity.userName);
      const isAdmin = identity.persona === 'admin';
      assert.equal(canUsePortfolio(accountFactory, identity.arn), isAdmin, identity.userName);
      assert.equal(canUsePortfolio(drafts, identity.arn), isAdmin, identity.userName);
    }
  });
});
