// The sign-in's SDK side against the sandbox, reached the way the SDK is pointed anywhere
// (AWS_ENDPOINT_URL), in a temporary HOME and config file: the files it writes are read by the
// SDK's own fromIni / fromSSO, whose credentials then sign Service Catalog calls.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { ListRecordHistoryCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { fromIni } from '@aws-sdk/credential-providers';
import {
  configFilePath, listSsoAccounts, listSsoRoles, readConfigFile, saveSsoToken, SignInStoppedError, startDeviceAuthorization, updateConfigFile, waitForToken,
} from '../../../src/aws/ssoSignIn';
import { ssoProfileSection, ssoSessionSection, tokenCacheRecord } from '../../../src/core/ssoSignIn';
import { ADMIN_TOKEN_HEADER } from '../../../src/sandbox/admin';
import { SANDBOX_START_URL } from '../../../src/sandbox/sso/identityCenter';
import type { Sandbox } from '../../../src/sandbox/index';
import { startTestSandbox } from '../../support/sandbox';

const ENV_KEYS = ['HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] as const;

describe('IAM Identity Center sign-in (SDK side) against the sandbox', () => {
  let sandbox: Sandbox;
  let home: string;
  const saved: Record<string, string | undefined> = {};
  before(async () => {
    sandbox = await startTestSandbox();
    for (const key of ENV_KEYS) saved[key] = process.env[key];
    home = mkdtempSync(join(tmpdir(), 'sce-sso-home-'));
    process.env.HOME = home; // never this machine's ~/.aws
    process.env.AWS_CONFIG_FILE = join(home, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'credentials');
    process.env.AWS_ENDPOINT_URL = sandbox.endpoint;
    for (const key of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] as const) delete process.env[key];
  });
  after(async () => {
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await sandbox.stop();
  });

  const approve = (userCode: string) => fetch(`${sandbox.endpoint}/__sandbox/sso/approve`, {
    method: 'POST', headers: { [ADMIN_TOKEN_HEADER]: sandbox.adminToken, 'Content-Type': 'application/json' }, body: JSON.stringify({ userCode }),
  });

  it('signs in, writes files the SDK reads, and the profile signs Service Catalog calls', async () => {
    writeFileSync(configFilePath(), '# mine\n[default]\nregion = eu-west-1\n');
    const authorization = await startDeviceAuthorization(SANDBOX_START_URL, 'us-east-1', ['sso:account:access']);
    const polls: number[] = [];
    const sleep = async (ms: number) => {
      polls.push(ms);
      if (polls.length === 2) assert.equal((await approve(authorization.userCode)).status, 200);
      await new Promise((r) => setTimeout(r, ms));
    };
    const token = await waitForToken('us-east-1', authorization, new AbortController().signal, sleep);
    assert.deepEqual(polls, [1000, 1000], 'polled at the interval the service gave: pending once, then approved');

    const accounts = await listSsoAccounts('us-east-1', token.accessToken);
    assert.equal(accounts[0].accountId, '123456789012');
    const roles = await listSsoRoles('us-east-1', token.accessToken, '123456789012');
    assert.deepEqual(roles, ['ServiceCatalogEndUser', 'ServiceCatalogColleague', 'ServiceCatalogAdmin']);

    const record = tokenCacheRecord({ startUrl: SANDBOX_START_URL, region: 'us-east-1', registration: authorization.registration, token, now: Date.now() });
    const file = await saveSsoToken('sandbox', record);
    assert.equal(file, join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('sandbox').digest('hex')}.json`));
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).accessToken, token.accessToken);
    await updateConfigFile([
      { section: { type: 'sso-session', name: 'sandbox' }, entries: ssoSessionSection(SANDBOX_START_URL, 'us-east-1') },
      { section: { type: 'profile', name: 'sc-user' }, entries: ssoProfileSection({ sessionName: 'sandbox', accountId: '123456789012', roleName: 'ServiceCatalogEndUser', region: 'us-east-1' }) },
    ]);
    const text = await readConfigFile();
    assert.ok(text.startsWith('# mine\n[default]\nregion = eu-west-1\n'), text);

    const credentials = await fromIni({ profile: 'sc-user', ignoreCache: true })();
    assert.match(credentials.accessKeyId, /^ASIA/, 'the SDK read the token cache and got role credentials from the portal');
    const catalog = new ServiceCatalogClient({ region: 'us-east-1', credentials: fromIni({ profile: 'sc-user' }), maxAttempts: 1 });
    const history = await catalog.send(new ListRecordHistoryCommand({}));
    assert.ok(Array.isArray(history.RecordDetails));
    catalog.destroy();
  });

  it('stops when the code is denied, and when cancelled', async () => {
    const denied = await startDeviceAuthorization(SANDBOX_START_URL, 'us-east-1', ['sso:account:access']);
    await fetch(`${sandbox.endpoint}/__sandbox/sso/deny`, { method: 'POST', headers: { [ADMIN_TOKEN_HEADER]: sandbox.adminToken, 'Content-Type': 'application/json' }, body: JSON.stringify({ userCode: denied.userCode }) });
    await assert.rejects(waitForToken('us-east-1', denied, new AbortController().signal), (e) => e instanceof SignInStoppedError && e.reason === 'denied');
    const cancelled = await startDeviceAuthorization(SANDBOX_START_URL, 'us-east-1', ['sso:account:access']);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    await assert.rejects(waitForToken('us-east-1', cancelled, abort.signal), (e) => e instanceof SignInStoppedError && e.reason === 'cancelled');
  });
});
