// One rule for a Region code (connection settings, the region picker, stack-set regions, SNS topic
// ARNs, and package.json's pattern for the region setting), and one key per connection.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { ConnectionPin } from '../../../src/core/webview/connectionPin';
import { connectionIdentity, connectionKey, connectionLabel, isRegionCode, type Connection, type SandboxCaller } from '../../../src/core/connection';
import { validateNotificationArn, validateRegion } from '../../../src/core/parameters';

const REGIONS = ['us-east-1', 'eu-central-2', 'ap-southeast-4', 'us-gov-west-1', 'cn-north-1', 'us-isob-east-1', 'me-central-1', 'il-central-1', 'mx-central-1', 'ca-west-1'];
const NOT_REGIONS = ['', 'US-EAST-1', 'us-east', 'useast1', 'us-east-1a', 'us-east-001', 'u-east-1', 'us--east-1', ' us-east-1', 'us-east-1\n', 'us_east_1', 'evil.com/x-1', 'us-east-1.example.com'];

describe('region codes: one rule', () => {
  it('accepts AWS region codes, the GovCloud, China and ISO partitions included', () => {
    for (const region of REGIONS) assert.ok(isRegionCode(region), region);
  });

  it('refuses what is not one (upper case, no number, an availability zone, a host name)', () => {
    for (const text of NOT_REGIONS) assert.ok(!isRegionCode(text), JSON.stringify(text));
  });

  it('stack-set regions and SNS topic ARNs check regions by the same rule', () => {
    for (const region of REGIONS) {
      assert.equal(validateRegion(region), undefined, region);
      assert.equal(validateNotificationArn(`arn:aws:sns:${region}:123456789012:topic`), undefined, region);
    }
    for (const text of NOT_REGIONS) {
      assert.match(validateRegion(text) ?? '', /is not a Region code/, JSON.stringify(text));
      assert.ok(validateNotificationArn(`arn:aws:sns:${text}:123456789012:topic`), JSON.stringify(text));
    }
  });

  it("package.json's pattern for the region setting agrees (empty allowed: it means the default)", () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const pattern = new RegExp(manifest.contributes.configuration.properties['serviceCatalogExplorer.region'].pattern, 'u');
    assert.ok(pattern.test(''));
    for (const region of REGIONS) assert.ok(pattern.test(region), region);
    for (const text of NOT_REGIONS.filter(Boolean)) assert.ok(!pattern.test(text), JSON.stringify(text));
  });
});

describe('connectionKey: connections told apart by what they reach, never by their label', () => {
  const sandbox = (port: number, accessKeyId = 'AKIASANDBOX'): Connection =>
    ({ kind: 'sandbox', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId, secretAccessKey: 's' });

  it('the default credential chain and a profile named "default" share a label, not a key', () => {
    const chain: Connection = { kind: 'aws', region: 'us-east-1' };
    const named: Connection = { kind: 'aws', profile: 'default', region: 'us-east-1' };
    assert.equal(connectionLabel(chain), connectionLabel(named));
    assert.notEqual(connectionKey(chain), connectionKey(named));
  });

  it('profile and region both count; labels that could be spelled alike cannot collide', () => {
    const keys = new Set([
      connectionKey({ kind: 'aws', profile: 'dev', region: 'eu-west-1' }),
      connectionKey({ kind: 'aws', profile: 'dev', region: 'us-east-1' }),
      connectionKey({ kind: 'aws', profile: 'prod', region: 'eu-west-1' }),
      connectionKey({ kind: 'aws', profile: 'Sandbox', region: 'us-east-1' }),
      connectionKey(sandbox(1)),
    ]);
    assert.equal(keys.size, 5);
  });

  it('the embedded sandbox keeps its key when it starts again on another port (same catalog, same caller)', () => {
    assert.equal(connectionKey(sandbox(40001)), connectionKey(sandbox(40002)));
    assert.notEqual(connectionKey(sandbox(1)), connectionKey(sandbox(1, 'AKIACOLLEAGUE')));
  });

  it('a sandbox caller other than the end user is in the label and the key: a form of the end user refuses the admin\'s connection', () => {
    const as = (caller: SandboxCaller, accessKeyId: string): Connection => ({ ...sandbox(1, accessKeyId), caller } as Connection);
    assert.equal(connectionLabel(as('endUser', 'AKIASANDBOXEXAMPLE01')), 'Sandbox');
    assert.equal(connectionLabel(sandbox(1)), 'Sandbox', 'no caller: the end user');
    assert.equal(connectionLabel(as('admin', 'AKIASANDBOXADMIN0003')), 'Sandbox (admin)');
    assert.equal(connectionLabel(as('readOnly', 'AKIASANDBOXREADER004')), 'Sandbox (read-only)');
    assert.equal(connectionLabel(as('other', 'AKIASANDBOXOTHER0002')), 'Sandbox (other user)');
    const endUser = connectionIdentity(as('endUser', 'AKIASANDBOXEXAMPLE01'));
    const admin = connectionIdentity(as('admin', 'AKIASANDBOXADMIN0003'));
    assert.notEqual(endUser.key, admin.key);
    const pin = new ConnectionPin(endUser);
    assert.throws(() => pin.check(admin), /opened on Sandbox, but the connection is now Sandbox \(admin\)\. Nothing was sent/);
    assert.doesNotThrow(() => pin.check(connectionIdentity(as('endUser', 'AKIASANDBOXEXAMPLE01'))));
  });
});
