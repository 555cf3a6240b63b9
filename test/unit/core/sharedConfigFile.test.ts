import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { hasSection, readSection, setSection } from '../../../src/core/sharedConfigFile';

const EXISTING = [
  '# my AWS config, hand-written',
  '[default]',
  'region = eu-west-1 ; where I work',
  '',
  '[profile dev]',
  'role_arn = arn:aws:iam::111122223333:role/Dev',
  'source_profile = default',
  's3 =',
  '  max_concurrent_requests = 20',
  '; a comment inside dev',
  '',
  '[sso-session corp]',
  'sso_start_url = https://corp.awsapps.com/start',
  'sso_region = us-east-1',
].join('\n');

/** The text as the SDK's own loader reads it (profiles by name, sessions as "sso-session.<name>"). */
async function parseIni(text: string): Promise<Record<string, Record<string, string | undefined>>> {
  const dir = mkdtempSync(join(tmpdir(), 'sce-ini-'));
  writeFileSync(join(dir, 'config'), text);
  const { configFile } = await loadSharedConfigFiles({ configFilepath: join(dir, 'config'), filepath: join(dir, 'none'), ignoreCache: true });
  return configFile;
}

describe('shared config file edits', () => {
  it('appends new sections and keeps every line that was there, as the SDK parser reads them', async () => {
    let text = setSection(EXISTING, { type: 'sso-session', name: 'sandbox' }, { sso_start_url: 'https://sandbox-example.awsapps.com/start', sso_region: 'us-east-1', sso_registration_scopes: 'sso:account:access' });
    text = setSection(text, { type: 'profile', name: 'sc-user' }, { sso_session: 'sandbox', sso_account_id: '123456789012', sso_role_name: 'ServiceCatalogEndUser', region: 'us-east-1' });
    assert.ok(text.startsWith(`${EXISTING}\n`), 'the old text is untouched, comments included');
    const parsed = await parseIni(text);
    assert.deepEqual(parsed['sc-user'], { sso_session: 'sandbox', sso_account_id: '123456789012', sso_role_name: 'ServiceCatalogEndUser', region: 'us-east-1' });
    assert.equal(parsed['sso-session.sandbox'].sso_registration_scopes, 'sso:account:access');
    assert.equal(parsed.default.region, 'eu-west-1');
    assert.equal(parsed.dev['s3.max_concurrent_requests'], '20');
    assert.equal(parsed['sso-session.corp'].sso_start_url, 'https://corp.awsapps.com/start');
  });

  it('replaces an existing profile whole (every copy), keeping its comments and the other sections', async () => {
    const twice = `${EXISTING}\n[profile dev]\nregion = ap-south-1\n# second copy\n`;
    const text = setSection(twice, { type: 'profile', name: 'dev' }, { sso_session: 'corp', sso_account_id: '1', sso_role_name: 'R', region: 'us-east-1' });
    const parsed = await parseIni(text);
    assert.deepEqual(parsed.dev, { sso_session: 'corp', sso_account_id: '1', sso_role_name: 'R', region: 'us-east-1' }, 'no role_arn or s3 left to mix in');
    assert.match(text, /; a comment inside dev/);
    assert.match(text, /# second copy/);
    assert.equal(parsed.default.region, 'eu-west-1');
  });

  it('reads sections as the SDK does ([default] is the default profile) and keeps CRLF files CRLF', () => {
    assert.equal(hasSection(EXISTING, { type: 'profile', name: 'default' }), true);
    assert.equal(hasSection(EXISTING, { type: 'profile', name: 'corp' }), false, 'an sso-session is not a profile');
    assert.deepEqual({ ...readSection(EXISTING, { type: 'sso-session', name: 'corp' }) }, { sso_start_url: 'https://corp.awsapps.com/start', sso_region: 'us-east-1' });
    const crlf = setSection('[default]\r\nregion = us-east-1\r\n', { type: 'profile', name: 'x' }, { region: 'eu-west-1' });
    assert.equal(crlf, '[default]\r\nregion = us-east-1\r\n\r\n[profile x]\r\nregion = eu-west-1\r\n');
    assert.equal(setSection('', { type: 'profile', name: 'x' }, { region: 'eu-west-1' }), '[profile x]\nregion = eu-west-1\n');
  });

  it('refuses values and names that would not read back the same', () => {
    assert.throws(() => setSection('', { type: 'profile', name: 'x' }, { sso_start_url: 'https://a.example/#/x' }), /cannot be written/);
    assert.throws(() => setSection('', { type: 'profile', name: 'x' }, { region: 'us-east-1\n[profile evil]' }), /cannot be written/);
    assert.throws(() => setSection('', { type: 'profile', name: 'a b' }, { region: 'us-east-1' }), /Not a section name/);
  });
});
