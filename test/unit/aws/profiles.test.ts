import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listProfiles } from '../../../src/aws/profiles';

describe('listProfiles', () => {
  const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
  after(() => {
    process.env.AWS_CONFIG_FILE = saved.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = saved.credentials;
  });

  it('reads both shared files and tells SSO, process, role and key profiles apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sce-profiles-'));
    writeFileSync(
      join(dir, 'config'),
      [
        '[default]', 'region = eu-west-1',
        '[profile dev-sso]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = Dev', 'region = us-west-2',
        '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1',
        '[profile legacy-sso]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_account_id = 1', 'sso_role_name = R',
        '[profile vault]', 'credential_process = /usr/bin/vault-creds',
        '[profile admin]', 'role_arn = arn:aws:iam::111122223333:role/Admin', 'source_profile = default',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'credentials'), ['[default]', 'aws_access_key_id = AKIAEXAMPLE', 'aws_secret_access_key = x', '[ci]', 'aws_access_key_id = AKIACI', 'aws_secret_access_key = y'].join('\n'));
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');

    const profiles = await listProfiles();
    const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
    assert.equal(profiles[0].name, 'default', 'default comes first');
    assert.deepEqual(Object.keys(byName).sort(), ['admin', 'ci', 'default', 'dev-sso', 'legacy-sso', 'vault']);
    assert.equal(byName['dev-sso'].kind, 'sso');
    assert.equal(byName['dev-sso'].region, 'us-west-2');
    assert.equal(byName['legacy-sso'].kind, 'sso');
    assert.equal(byName.vault.kind, 'process');
    assert.equal(byName.admin.kind, 'assume-role');
    assert.equal(byName.ci.kind, 'static');
    assert.equal(byName.default.region, 'eu-west-1');
    assert.ok(!('corp' in byName) && !profiles.some((p) => p.name.includes('sso-session')), 'sso-session sections are not profiles');
  });
});
