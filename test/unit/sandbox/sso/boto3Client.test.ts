// An independent client: botocore's own models of sso-oidc and sso, talking to the sandbox.
import { strict as assert } from 'node:assert';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN_HEADER } from '../../../../src/sandbox/admin';
import { SANDBOX_START_URL } from '../../../../src/sandbox/sso/identityCenter';
import type { Sandbox } from '../../../../src/sandbox/index';
import { startTestSandbox } from '../../../support/sandbox';

const SCRIPT = String.raw`
import json, os, sys, time, urllib.request
import boto3, botocore.exceptions
endpoint, start_url, admin = sys.argv[1], sys.argv[2], sys.argv[3]
oidc = boto3.client('sso-oidc', region_name='us-east-1', endpoint_url=endpoint)
sso = boto3.client('sso', region_name='us-east-1', endpoint_url=endpoint)
out = {}
client = oidc.register_client(clientName='boto3', clientType='public')
device = oidc.start_device_authorization(clientId=client['clientId'], clientSecret=client['clientSecret'], startUrl=start_url)
def token():
    return oidc.create_token(clientId=client['clientId'], clientSecret=client['clientSecret'], grantType='urn:ietf:params:oauth:grant-type:device_code', deviceCode=device['deviceCode'])
try:
    token()
except botocore.exceptions.ClientError as e:
    out['pending'] = [e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode'], e.response.get('error')]
try:
    oidc.create_token(clientId=client['clientId'], clientSecret='wrong', grantType='urn:ietf:params:oauth:grant-type:device_code', deviceCode=device['deviceCode'])
except botocore.exceptions.ClientError as e:
    out['badSecret'] = [e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode']]
req = urllib.request.Request(endpoint + '/__sandbox/sso/approve', data=json.dumps({'userCode': device['userCode']}).encode(), headers={'Content-Type': 'application/json', 'x-sandbox-admin-token': admin}, method='POST')
urllib.request.urlopen(req).read()
time.sleep(1.1)
access = token()['accessToken']
out['accounts'] = [a['accountId'] for a in sso.list_accounts(accessToken=access)['accountList']]
out['roles'] = [r['roleName'] for r in sso.get_paginator('list_account_roles').paginate(accessToken=access, accountId='123456789012', PaginationConfig={'PageSize': 1}).build_full_result()['roleList']]
creds = sso.get_role_credentials(accessToken=access, accountId='123456789012', roleName='ServiceCatalogEndUser')['roleCredentials']
out['keyPrefix'] = creds['accessKeyId'][:4]
try:
    sso.list_accounts(accessToken='nope')
except botocore.exceptions.ClientError as e:
    out['unauthorized'] = [e.response['Error']['Code'], e.response['Error']['Message']]
print(json.dumps(out))
`;

function hasBoto3(): boolean {
  return spawnSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' }).status === 0;
}

describe('sandbox IAM Identity Center through boto3', () => {
  let sandbox: Sandbox;
  before(async function () {
    if (!hasBoto3()) this.skip();
    sandbox = await startTestSandbox();
  });
  after(async () => sandbox?.stop());

  it('answers botocore as its models expect', async () => {
    const home = mkdtempSync(join(tmpdir(), 'sce-boto3-'));
    const env = { PATH: process.env.PATH ?? '', HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' };
    assert.ok(ADMIN_TOKEN_HEADER === 'x-sandbox-admin-token');
    // Not execFileSync: the sandbox answers from this very process.
    const { stdout } = await promisify(execFile)('python3', ['-c', SCRIPT, sandbox.endpoint, SANDBOX_START_URL, sandbox.adminToken], { env, encoding: 'utf8', timeout: 30_000 });
    const out = JSON.parse(stdout);
    assert.deepEqual(out.pending, ['AuthorizationPendingException', 400, 'authorization_pending']);
    assert.deepEqual(out.badSecret, ['InvalidClientException', 401]);
    assert.deepEqual(out.accounts, ['123456789012']);
    assert.deepEqual(out.roles, ['ServiceCatalogEndUser', 'ServiceCatalogColleague', 'ServiceCatalogAdmin']);
    assert.equal(out.keyPrefix, 'ASIA');
    assert.deepEqual(out.unauthorized, ['UnauthorizedException', 'Session token not found or invalid']);
  });
});
