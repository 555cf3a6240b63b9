// Portfolio access: users by their ARN, SSO sessions by the role they assumed.
import assert from 'node:assert/strict';
import { canUsePortfolio, principalOf } from '../../../../src/sandbox/service/launchPaths';
import { seedPortfolios, SEED } from '../../../../src/sandbox/service/seedCatalog';
import { KNOWN_IDENTITIES } from '../../../../src/sandbox/identities';
import { SANDBOX_SSO_ROLES } from '../../../../src/sandbox/sso/permissionSets';

describe('launch paths', () => {
  const [platform, data, accountFactory, drafts] = seedPortfolios();

  it('counts an assumed-role session as its role, an Identity Center role by its ARN with its path', () => {
    assert.equal(principalOf('arn:aws:sts::123456789012:assumed-role/SomeTeamRole/alice@example.com'), 'arn:aws:iam::123456789012:role/SomeTeamRole');
    assert.equal(principalOf(SEED.callers.user), SEED.callers.user);
    const endUser = SANDBOX_SSO_ROLES.ServiceCatalogEndUser;
    assert.match(endUser.roleArn, /^arn:aws:iam::123456789012:role\/aws-reserved\/sso\.amazonaws\.com\/AWSReservedSSO_ServiceCatalogEndUser_[0-9a-f]{16}$/);
    const session = `arn:aws:sts::123456789012:assumed-role/${endUser.roleName}/alice@example.com`;
    assert.equal(principalOf(session), endUser.roleArn);
    assert.ok(canUsePortfolio(platform, session));
    assert.ok(canUsePortfolio(data, `arn:aws:sts::123456789012:assumed-role/${SANDBOX_SSO_ROLES.ServiceCatalogColleague.roleName}/bob`));
    assert.ok(!canUsePortfolio(platform, 'arn:aws:sts::123456789012:assumed-role/ServiceCatalogEndUser/alice'), 'the permission set name is not the role');
    assert.ok(!canUsePortfolio(platform, 'arn:aws:sts::123456789012:assumed-role/SomeOtherRole/eve'));
    assert.ok(!canUsePortfolio(platform, `arn:aws:sts::999999999999:assumed-role/${endUser.roleName}/alice`), 'another account\'s role');
    assert.ok(!canUsePortfolio(accountFactory, SANDBOX_SSO_ROLES.ServiceCatalogAdmin.sessionArn), 'the admin-only portfolios are shared with the IAM admin alone');
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
