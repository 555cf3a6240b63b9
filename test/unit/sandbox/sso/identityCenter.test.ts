// The sandbox's IAM Identity Center through the real SDK clients: the device-code flow, the portal's
// lists and role credentials its Service Catalog accepts, and the errors AWS answers.
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import {
  DescribeProvisionedProductCommand, DescribeProvisionedProductPlanCommand, ListProvisioningArtifactsCommand, ListRecordHistoryCommand, ProvisionProductCommand,
  SearchProductsCommand, SearchProvisionedProductsCommand,
} from '@aws-sdk/client-service-catalog';
import { ADMIN_TOKEN_HEADER } from '../../../../src/sandbox/admin';
import { OidcError, SANDBOX_SSO_LIMITS, SANDBOX_START_URL, SandboxIdentityCenter } from '../../../../src/sandbox/sso/identityCenter';
import { SANDBOX_SSO_ROLES } from '../../../../src/sandbox/sso/permissionSets';
import type { Sandbox } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { caught, sdkClient, startTestSandbox } from '../../../support/sandbox';

const GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

async function rejectsWith(promise: Promise<unknown>, name: string, status?: number): Promise<void> {
  await assert.rejects(promise, (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(error.name, name);
    if (status) assert.equal(error.$metadata?.httpStatusCode, status);
    return true;
  });
}

describe('sandbox IAM Identity Center (SSO OIDC and portal, real SDK clients)', () => {
  let sandbox: Sandbox;
  let oidc: SSOOIDCClient;
  let portal: SSOClient;
  before(async () => {
    sandbox = await startTestSandbox();
    oidc = new SSOOIDCClient({ endpoint: sandbox.endpoint, region: 'us-east-1', maxAttempts: 1 });
    portal = new SSOClient({ endpoint: sandbox.endpoint, region: 'us-east-1', maxAttempts: 1 });
  });
  after(async () => {
    oidc.destroy();
    portal.destroy();
    await sandbox.stop();
  });

  async function deviceFlow() {
    const client = await oidc.send(new RegisterClientCommand({ clientName: 'test', clientType: 'public', scopes: ['sso:account:access'] }));
    const device = await oidc.send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl: SANDBOX_START_URL }));
    return { client, device };
  }

  const tokenCall = (client: { clientId?: string; clientSecret?: string }, deviceCode?: string) =>
    oidc.send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: GRANT, deviceCode }));

  it('keeps a device code pending until the page approves it, then issues a token once', async () => {
    const { client, device } = await deviceFlow();
    assert.match(device.userCode ?? '', /^[A-Z]{4}-[A-Z]{4}$/);
    assert.equal(device.verificationUriComplete, `${sandbox.endpoint}/device?user_code=${device.userCode}`);
    assert.equal(device.interval, 1);
    assert.equal(device.expiresIn, 600);
    await rejectsWith(tokenCall(client, device.deviceCode), 'AuthorizationPendingException', 400);
    await rejectsWith(tokenCall(client, device.deviceCode), 'SlowDownException', 400);

    // The person's part: the page, then its Approve button (a form POST with the page's token).
    const page = await fetch(device.verificationUriComplete ?? '');
    const html = await page.text();
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(html, new RegExp(device.userCode!));
    const formToken = /name="form_token" value="([^"]+)"/.exec(html)![1];
    const forged = await fetch(`${sandbox.endpoint}/device`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ user_code: device.userCode!, decision: 'approve', form_token: 'guess' }) });
    assert.equal(forged.status, 400, 'a form without the page token approves nothing');
    const approved = await fetch(`${sandbox.endpoint}/device`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ user_code: device.userCode!, decision: 'approve', form_token: formToken }) });
    assert.equal(approved.status, 200);
    assert.match(await approved.text(), /Request approved/);

    await new Promise((r) => setTimeout(r, 1100)); // honour the interval, as a client must
    const token = await tokenCall(client, device.deviceCode);
    assert.match(token.accessToken ?? '', /^aoa/);
    assert.equal(token.tokenType, 'Bearer');
    assert.equal(token.expiresIn, 28800);
    assert.ok(token.refreshToken);
    await rejectsWith(tokenCall(client, device.deviceCode), 'InvalidGrantException', 400);

    const refreshed = await oidc.send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'refresh_token', refreshToken: token.refreshToken }));
    assert.notEqual(refreshed.accessToken, token.accessToken);
  });

  it('lists every pending code on GET / (where a proxied browser lands), each approvable by its own form', async () => {
    const first = await deviceFlow();
    const second = await deviceFlow();
    const page = await fetch(`${sandbox.endpoint}/`, { headers: { Accept: 'text/html' } });
    const html = await page.text();
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'.*form-action 'self'/);
    const rows = [...html.matchAll(/<tr><td><code class="user-code">([A-Z-]+)<\/code><\/td><td>([^<]*)<\/td><td>(\d\d:\d\d:\d\d UTC)<\/td>.*?name="form_token" value="([^"]+)"/g)]
      .map(([, code, client, expires, formToken]) => ({ code, client, expires, formToken }));
    const firstRow = rows.find((row) => row.code === first.device.userCode);
    const secondRow = rows.find((row) => row.code === second.device.userCode);
    assert.ok(firstRow && secondRow, 'both pending codes are listed');
    assert.equal(firstRow.client, 'test');
    assert.notEqual(firstRow.formToken, secondRow.formToken, 'each code has its own form token');
    assert.match(html, /action="device"/, 'a relative action: it reaches /device behind a path-prefixing proxy too');

    const crossed = await fetch(`${sandbox.endpoint}/device`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ user_code: first.device.userCode!, decision: 'approve', form_token: secondRow.formToken }) });
    assert.equal(crossed.status, 400, 'one code\'s token approves no other code');
    const approved = await fetch(`${sandbox.endpoint}/device`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ user_code: first.device.userCode!, decision: 'approve', form_token: firstRow.formToken }) });
    assert.equal(approved.status, 200);
    await new Promise((r) => setTimeout(r, 1100));
    assert.match((await tokenCall(first.client, first.device.deviceCode)).accessToken ?? '', /^aoa/);
    const after = await (await fetch(`${sandbox.endpoint}/`)).text();
    assert.doesNotMatch(after, new RegExp(first.device.userCode!), 'an approved code leaves the list');
    assert.match(after, new RegExp(second.device.userCode!));

    const rebound = await new Promise<number>((resolve, reject) => {
      http.get(`${sandbox.endpoint}/`, { headers: { Host: 'rebound.example:80' } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject);
    });
    assert.equal(rebound, 403, 'a page for another host name gets no list');
  });

  it('says no where AWS says no: bad client secret, unknown or denied codes, unknown start URL, wrong grant', async () => {
    const { client, device } = await deviceFlow();
    await rejectsWith(tokenCall({ clientId: client.clientId, clientSecret: 'wrong' }, device.deviceCode), 'InvalidClientException', 401);
    await rejectsWith(tokenCall(client, 'no-such-code'), 'InvalidGrantException', 400);
    await rejectsWith(oidc.send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl: 'https://elsewhere.awsapps.com/start' })), 'InvalidRequestException', 400);
    await rejectsWith(oidc.send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'password' })), 'UnsupportedGrantTypeException', 400);
    const deny = await fetch(`${sandbox.endpoint}/__sandbox/sso/deny`, { method: 'POST', headers: { [ADMIN_TOKEN_HEADER]: sandbox.adminToken, 'Content-Type': 'application/json' }, body: JSON.stringify({ userCode: device.userCode }) });
    assert.equal(deny.status, 200);
    await rejectsWith(tokenCall(client, device.deviceCode), 'AccessDeniedException', 400);
    const noAdmin = await fetch(`${sandbox.endpoint}/__sandbox/sso/approve`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userCode: device.userCode }) });
    assert.equal(noAdmin.status, 403, 'the admin endpoint needs its token');
  });

  it('lists the account and its roles (paged) and hands out role credentials Service Catalog accepts', async () => {
    const { client, device } = await deviceFlow();
    await fetch(`${sandbox.endpoint}/__sandbox/sso/approve`, { method: 'POST', headers: { [ADMIN_TOKEN_HEADER]: sandbox.adminToken, 'Content-Type': 'application/json' }, body: JSON.stringify({ userCode: device.userCode }) });
    const { accessToken } = await tokenCall(client, device.deviceCode);

    await rejectsWith(portal.send(new ListAccountsCommand({ accessToken: 'aoa-not-a-token' })), 'UnauthorizedException', 401);
    const accounts = await portal.send(new ListAccountsCommand({ accessToken }));
    assert.deepEqual(accounts.accountList, [{ accountId: '123456789012', accountName: 'Sandbox', emailAddress: 'sandbox-owner@example.com' }]);
    const first = await portal.send(new ListAccountRolesCommand({ accessToken, accountId: '123456789012', maxResults: 1 }));
    assert.equal(first.roleList?.length, 1);
    assert.ok(first.nextToken);
    const rest = await portal.send(new ListAccountRolesCommand({ accessToken, accountId: '123456789012', maxResults: 2, nextToken: first.nextToken }));
    assert.deepEqual([...(first.roleList ?? []), ...(rest.roleList ?? [])].map((r) => r.roleName), ['ServiceCatalogEndUser', 'ServiceCatalogColleague', 'ServiceCatalogAdmin']);
    assert.equal(rest.nextToken, undefined);

    await rejectsWith(portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: '123456789012', roleName: 'AdministratorAccess' })), 'ForbiddenException', 403);
    const { roleCredentials } = await portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: '123456789012', roleName: 'ServiceCatalogEndUser' }));
    assert.match(roleCredentials?.accessKeyId ?? '', /^ASIA[0-9A-F]{16}$/);
    assert.ok((roleCredentials?.expiration ?? 0) > Date.now(), 'expiration in epoch milliseconds');

    const credentials = { accessKeyId: roleCredentials!.accessKeyId!, secretAccessKey: roleCredentials!.secretAccessKey!, sessionToken: roleCredentials!.sessionToken! };
    const catalog = sdkClient(sandbox, { credentials });
    const history = await catalog.send(new ListRecordHistoryCommand({}));
    assert.ok(Array.isArray(history.RecordDetails), 'the role credentials sign Service Catalog calls');
    // Role credentials carry the permission set's policy: the end user's refuse what only the admin's allow.
    await rejectsWith(catalog.send(new ListProvisioningArtifactsCommand({ ProductId: SEED.products.staticWebsite.id })), 'AccessDeniedException', 400);
    const admin = (await portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: '123456789012', roleName: 'ServiceCatalogAdmin' }))).roleCredentials!;
    const asAdmin = sdkClient(sandbox, { credentials: { accessKeyId: admin.accessKeyId!, secretAccessKey: admin.secretAccessKey!, sessionToken: admin.sessionToken! } });
    const versions = await asAdmin.send(new ListProvisioningArtifactsCommand({ ProductId: SEED.products.staticWebsite.id }));
    assert.ok((versions.ProvisioningArtifactDetails ?? []).length > 0);
    const noToken = sdkClient(sandbox, { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey } });
    await rejectsWith(noToken.send(new ListRecordHistoryCommand({})), 'UnrecognizedClientException');
    const wrongToken = sdkClient(sandbox, { credentials: { ...credentials, sessionToken: 'forged' } });
    await rejectsWith(wrongToken.send(new DescribeProvisionedProductPlanCommand({ PlanId: 'x' })), 'UnrecognizedClientException');
  });

  it("signs role credentials as the portal user's session of the permission set's role, with the permission set's policy", async () => {
    const { client, device } = await deviceFlow();
    await fetch(`${sandbox.endpoint}/__sandbox/sso/approve`, { method: 'POST', headers: { [ADMIN_TOKEN_HEADER]: sandbox.adminToken, 'Content-Type': 'application/json' }, body: JSON.stringify({ userCode: device.userCode }) });
    const { accessToken } = await tokenCall(client, device.deviceCode);
    const signedInAs = async (roleName: string) => {
      const keys = (await portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: '123456789012', roleName }))).roleCredentials!;
      return sdkClient(sandbox, { credentials: { accessKeyId: keys.accessKeyId!, secretAccessKey: keys.secretAccessKey!, sessionToken: keys.sessionToken! } });
    };
    const endUser = SANDBOX_SSO_ROLES.ServiceCatalogEndUser;
    assert.match(endUser.sessionArn, /^arn:aws:sts::123456789012:assumed-role\/AWSReservedSSO_ServiceCatalogEndUser_[0-9a-f]{16}\/sandbox-user$/);
    const catalog = await signedInAs('ServiceCatalogEndUser');

    // IAM names the session in its denial, and judges it by the end user's policy.
    const denied = await caught(() => catalog.send(new ListProvisioningArtifactsCommand({ ProductId: SEED.products.staticWebsite.id })));
    assert.equal(denied.name, 'AccessDeniedException');
    assert.match(denied.message, new RegExp(`^User: ${endUser.sessionArn.replace(/[/.]/g, '\\$&')} is not authorized to perform: servicecatalog:ListProvisioningArtifacts `));

    // The role's portfolios are shared with it: it sees the products, and only what its session owns.
    assert.ok(((await catalog.send(new SearchProductsCommand({}))).ProductViewSummaries ?? []).length > 0);
    const mine = await catalog.send(new SearchProvisionedProductsCommand({ AccessLevelFilter: { Key: 'User', Value: 'self' }, PageSize: 100 }));
    assert.deepEqual(mine.ProvisionedProducts!.map((pp) => pp.Id), [SEED.provisionedProducts.ssoDevBox.id], "the seeded product of the session, none of sandbox-user's");
    assert.equal(mine.ProvisionedProducts![0].UserArn, endUser.roleArn, 'UserArn: the role');
    assert.equal(mine.ProvisionedProducts![0].UserArnSession, endUser.sessionArn, 'UserArnSession: the session');

    // What it launches is the session's own.
    const launched = await catalog.send(new ProvisionProductCommand({
      ProductId: SEED.products.staticWebsite.id, ProvisioningArtifactId: SEED.products.staticWebsite.versions.v20, PathId: SEED.portfolios.platform.pathId,
      ProvisionedProductName: 'sso-launched-site', ProvisionToken: 'sso-launch-1', ProvisioningParameters: [{ Key: 'BucketName', Value: 'sso-launched-site' }],
    }));
    const found = await catalog.send(new SearchProvisionedProductsCommand({ AccessLevelFilter: { Key: 'User', Value: 'self' }, Filters: { SearchQuery: ['name:sso-launched-site'] } }));
    assert.equal(found.ProvisionedProducts?.[0]?.Id, launched.RecordDetail!.ProvisionedProductId);
    assert.equal(found.ProvisionedProducts?.[0]?.UserArnSession, endUser.sessionArn);
    const byRole = await catalog.send(new SearchProvisionedProductsCommand({ AccessLevelFilter: { Key: 'User', Value: 'self' }, Filters: { SearchQuery: [`userArn:${endUser.roleArn}`] } }));
    assert.equal(byRole.TotalResultsCount, 2, 'userArn searches by the role');
    const sandboxUser = sdkClient(sandbox);
    assert.equal((await caught(() => sandboxUser.send(new DescribeProvisionedProductCommand({ Id: SEED.provisionedProducts.ssoDevBox.id })))).name, 'AccessDeniedException', "the IAM user sandbox-user does not own the session's product");

    // The colleague's permission set: the same policy, another role, so none of the end user's session's products.
    const colleague = await signedInAs('ServiceCatalogColleague');
    const theirs = await colleague.send(new SearchProvisionedProductsCommand({ AccessLevelFilter: { Key: 'User', Value: 'self' } }));
    assert.equal(theirs.TotalResultsCount, 0);
    assert.equal((await caught(() => colleague.send(new ListProvisioningArtifactsCommand({ ProductId: SEED.products.staticWebsite.id })))).name, 'AccessDeniedException');
    // The admin's: AWSServiceCatalogAdminFullAccess.
    const admin = await signedInAs('ServiceCatalogAdmin');
    assert.ok(((await admin.send(new ListProvisioningArtifactsCommand({ ProductId: SEED.products.staticWebsite.id }))).ProvisioningArtifactDetails ?? []).length > 0);
    // AccessLevelFilter Role: what the sessions of the caller's role own; Account: everyone's.
    const level = async (Key: 'Role' | 'Account') => (await admin.send(new SearchProvisionedProductsCommand({ AccessLevelFilter: { Key, Value: 'self' } }))).TotalResultsCount;
    assert.equal(await level('Role'), 0, 'no session of the admin role has provisioned anything');
    assert.ok((await level('Account'))! > 2);
  });
});

describe('sandbox IAM Identity Center memory', () => {
  const origin = 'http://127.0.0.1:1';
  const register = (center: SandboxIdentityCenter) => center.registerClient({ clientName: 'loop', clientType: 'public', scopes: ['sso:account:access'] }) as { clientId: string; clientSecret: string };
  const isSlowDown = (error: unknown) => error instanceof OidcError && error.type === 'SlowDownException' && error.code === 'slow_down' && error.status === 400;

  it('answers SlowDownException once a caller registers clients or starts device codes past the limit', () => {
    const center = new SandboxIdentityCenter(() => 1_000_000);
    for (let i = 0; i < SANDBOX_SSO_LIMITS.clients; i++) register(center);
    assert.throws(() => register(center), isSlowDown);
    assert.equal(center.sizes().clients, SANDBOX_SSO_LIMITS.clients);

    const other = new SandboxIdentityCenter(() => 1_000_000);
    const client = register(other);
    for (let i = 0; i < SANDBOX_SSO_LIMITS.grants; i++) other.startDeviceAuthorization({ ...client, startUrl: SANDBOX_START_URL }, origin);
    assert.throws(() => other.startDeviceAuthorization({ ...client, startUrl: SANDBOX_START_URL }, origin), isSlowDown);
    assert.equal(other.sizes().grants, SANDBOX_SSO_LIMITS.grants);
  });

  it('forgets expired device codes, tokens and clients, so a long-running sandbox stays small', () => {
    let now = 1_000_000_000;
    const center = new SandboxIdentityCenter(() => now);
    const client = register(center);
    const started = center.startDeviceAuthorization({ ...client, startUrl: SANDBOX_START_URL }, origin) as { deviceCode: string; userCode: string };
    center.decide(started.userCode, true);
    center.createToken({ ...client, grantType: GRANT, deviceCode: started.deviceCode });
    for (let i = 0; i < 5; i++) center.startDeviceAuthorization({ ...client, startUrl: SANDBOX_START_URL }, origin);
    assert.deepEqual(center.sizes(), { clients: 1, grants: 6, accessTokens: 1, refreshTokens: 1, roleCredentials: 0 });

    now += 12 * 3600 * 1000; // the codes and the 8-hour token have expired; the client has not
    register(center);
    assert.deepEqual(center.sizes(), { clients: 2, grants: 0, accessTokens: 0, refreshTokens: 1, roleCredentials: 0 });

    now += 91 * 24 * 3600 * 1000; // both registrations have expired, and with them the refresh token
    register(center);
    assert.deepEqual(center.sizes(), { clients: 1, grants: 0, accessTokens: 0, refreshTokens: 0, roleCredentials: 0 });
  });

  it('still answers ExpiredTokenException for a device code polled just after it expired', () => {
    let now = 1_000_000_000;
    const center = new SandboxIdentityCenter(() => now);
    const client = register(center);
    const started = center.startDeviceAuthorization({ ...client, startUrl: SANDBOX_START_URL }, origin) as { deviceCode: string };
    now += 11 * 60 * 1000;
    register(center);
    assert.throws(() => center.createToken({ ...client, grantType: GRANT, deviceCode: started.deviceCode }), (e: unknown) => e instanceof OidcError && e.type === 'ExpiredTokenException');
  });
});
