// Connect to AWS with no profile configured, as a new user does it: the picker offers the sandbox, the
// default chain, signing in with IAM Identity Center and only the AWS CLI commands the CLI on PATH has;
// then the whole sign-in against a sandbox's Identity Center (reached through AWS_ENDPOINT_URL, the
// SDK's own setting), the code approved on its web page, and the tree loads with the new profile.
// Everything it writes goes to a temporary HOME and config file, never this machine's ~/.aws.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { SANDBOX_START_URL } from '../../src/sandbox/sso/identityCenter';
import { startSandbox, type Sandbox } from '../../src/sandbox/index';
import { connectedToSandbox, extensionApi, setSetting, waitFor } from './helpers';

const ENV_KEYS = ['HOME', 'PATH', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'] as const;

describe('connect to AWS with no profile: sign in with IAM Identity Center', () => {
  let sandbox: Sandbox;
  let home: string;
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    // Its own sandbox: connecting to AWS stops the embedded one.
    sandbox = await startSandbox({ env: {}, timeScale: 60 });
    for (const key of ENV_KEYS) saved[key] = process.env[key];
    home = mkdtempSync(join(tmpdir(), 'sce-sso-home-'));
    const bin = mkdtempSync(join(tmpdir(), 'sce-aws-v1-'));
    // An AWS CLI v1, as on this machine: it has "configure" but not "configure sso".
    writeFileSync(join(bin, 'aws'), "#!/bin/sh\n[ \"$1\" = --version ] && echo 'aws-cli/1.45.11 Python/3.11.7 Linux/6.18 botocore/1.43.11'\n", { mode: 0o755 });
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    process.env.HOME = home;
    process.env.AWS_CONFIG_FILE = join(home, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'credentials');
    process.env.AWS_ENDPOINT_URL = sandbox.endpoint;
    for (const key of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'] as const) delete process.env[key];
    writeFileSync(process.env.AWS_CONFIG_FILE, '# written by hand\n[default]\nregion = eu-west-1\n');
  });

  after(async () => {
    const api = await extensionApi();
    api.setUserInput(undefined);
    api.setNotificationSink(undefined);
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await setSetting('profile', undefined);
    await setSetting('region', undefined);
    await connectedToSandbox();
    await sandbox?.stop();
  });

  it('offers every way in, signs in through the device code and loads the tree with the new profile', async () => {
    const api = await extensionApi();
    let offered: string[] = [];
    const asked: string[] = [];
    let approved: Promise<void> | undefined;
    api.setUserInput({
      pickOne: async (items, options) => {
        asked.push(String(options.title));
        if (options.title === 'Service Catalog: Connect') {
          offered = items.map((i) => i.label);
          return items.find((i) => i.label.includes('Sign in with IAM Identity Center'))!;
        }
        if (String(options.title).includes('account')) return items.find((i) => i.description === '123456789012')!;
        if (String(options.title).includes('role')) return items.find((i) => i.label === 'ServiceCatalogEndUser')!;
        return items.find((i) => i.label === 'us-east-1')!; // the region to connect in
      },
      pickMany: async () => [],
      inputText: async (options) => {
        asked.push(String(options.title));
        const title = String(options.title);
        if (title.includes('start URL')) {
          assert.ok(await options.validateInput?.('http://sandbox-example.awsapps.com/start'), 'a plain http start URL is refused on the field');
          return SANDBOX_START_URL;
        }
        if (title.includes('region')) return 'us-east-1';
        return options.value ?? ''; // the suggested profile name
      },
      confirm: async () => {
        throw new Error('no profile of that name exists: nothing to confirm');
      },
    });
    api.setNotificationSink((_level, message) => {
      // The person's part: open the page the notification names and press Approve.
      const page = /\((http:\/\/127\.0\.0\.1:\d+\/device\?user_code=[A-Z-]+)\)/.exec(message)?.[1];
      if (page) approved = approveOnPage(page);
      return Promise.resolve(undefined);
    });

    await vscode.commands.executeCommand('serviceCatalogExplorer.connect');
    assert.ok(approved, 'a notification showed the code and the page');
    await approved;

    assert.ok(offered.some((l) => l.includes('Sandbox')), offered.join(' | '));
    assert.ok(offered.some((l) => l.includes('Default credential chain')), offered.join(' | '));
    assert.ok(offered.some((l) => l.includes('Run "aws configure"')), 'the v1 CLI has "configure"');
    assert.ok(!offered.some((l) => l.includes('configure sso')), 'but not "configure sso"');

    const profile = 'ServiceCatalogEndUser-123456789012';
    const connection = await waitFor('the new profile to connect', () => (api.session.state.kind === 'connected' ? api.session.state.connection : undefined));
    assert.deepEqual(connection, { kind: 'aws', profile, region: 'us-east-1' });
    await waitFor(`the tree to list the sandbox user's products (now ${api.tree.viewState}: ${String(api.tree.viewMessage)})`, () => api.tree.viewState === 'ready' && api.tree.productNodes.length > 0, 30_000);

    const config = readFileSync(join(home, 'config'), 'utf8');
    assert.ok(config.startsWith('# written by hand\n[default]\nregion = eu-west-1\n'), 'what was there is kept');
    assert.match(config, new RegExp(`\\[profile ${profile}\\]\\nsso_session = sandbox-example\\nsso_account_id = 123456789012\\nsso_role_name = ServiceCatalogEndUser\\nregion = us-east-1`));
    assert.match(config, /\[sso-session sandbox-example\]\nsso_start_url = https:\/\/sandbox-example\.awsapps\.com\/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access/);
    const tokenFile = join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('sandbox-example').digest('hex')}.json`);
    assert.ok(existsSync(tokenFile));
    assert.equal(statSync(tokenFile).mode & 0o777, 0o600);
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(tokenFile, 'utf8'))).sort(), ['accessToken', 'clientId', 'clientSecret', 'expiresAt', 'refreshToken', 'region', 'registrationExpiresAt', 'startUrl']);
    assert.equal(vscode.workspace.getConfiguration('serviceCatalogExplorer').get('profile'), profile);
  });

  /** GETs the approval page and submits its form with Approve, as a browser does. */
  async function approveOnPage(page: string): Promise<void> {
    const html = await (await fetch(page)).text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? '';
    const answer = await fetch(new URL('/device', page), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user_code: field('user_code'), form_token: field('form_token'), decision: 'approve' }),
    });
    assert.equal(answer.status, 200, await answer.text());
  }
});
