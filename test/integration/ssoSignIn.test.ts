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
    api.setProgressSink(undefined);
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await setSetting('profile', undefined);
    await setSetting('region', undefined);
    await connectedToSandbox();
    await sandbox?.stop();
  });

  interface SignInRun {
    offered: string[];
    asked: string[];
    progress: { title: string; messages: string[]; ended: boolean; cancel?: () => void }[];
    notifications: string[];
  }

  /** Runs Connect → Sign in with IAM Identity Center as a person would, approving the code on the page (unless `cancel`). */
  async function signIn(roleName: string, options: { cancel?: boolean } = {}): Promise<SignInRun> {
    const api = await extensionApi();
    const run: SignInRun = { offered: [], asked: [], progress: [], notifications: [] };
    let approved: Promise<void> | undefined;
    api.setUserInput({
      pickOne: async (items, opts) => {
        run.asked.push(String(opts.title));
        if (opts.title === 'Service Catalog: Connect') {
          run.offered = items.map((i) => i.label);
          return items.find((i) => i.label.includes('Sign in with IAM Identity Center'))!;
        }
        if (String(opts.title).includes('account')) return items.find((i) => i.description === '123456789012')!;
        if (String(opts.title).includes('role')) return items.find((i) => i.label === roleName)!;
        return items.find((i) => i.label === 'us-east-1')!; // the Service Catalog region to connect in
      },
      pickMany: async () => [],
      inputText: async (opts) => {
        run.asked.push(String(opts.title));
        const title = String(opts.title);
        if (title.includes('start URL')) {
          assert.ok(await opts.validateInput?.('http://sandbox-example.awsapps.com/start'), 'a plain http start URL is refused on the field');
          return SANDBOX_START_URL;
        }
        if (title.includes('IAM Identity Center region')) return 'eu-central-1';
        return opts.value ?? ''; // the suggested profile name
      },
      confirm: async () => {
        throw new Error('no profile of that name exists: nothing to confirm');
      },
    });
    api.setNotificationSink((_level, message) => {
      run.notifications.push(message);
      return Promise.resolve(undefined);
    });
    api.setProgressSink((title, progressOptions) => {
      const shown = { title, messages: [] as string[], ended: false, cancel: progressOptions?.onCancel };
      run.progress.push(shown);
      return {
        report: (message) => {
          shown.messages.push(message);
          // The person's part: open the page the notification names and press Approve (or Cancel).
          const page = /(http:\/\/127\.0\.0\.1:\d+\/device\?user_code=[A-Z-]+)/.exec(message)?.[1];
          if (page && options.cancel) setTimeout(() => shown.cancel?.(), 300);
          else if (page) approved = approveOnPage(page);
        },
        end: () => (shown.ended = true),
      };
    });
    try {
      await vscode.commands.executeCommand('serviceCatalogExplorer.connect');
      if (!options.cancel) {
        assert.ok(approved, `a progress notification showed the code and the page: ${JSON.stringify(run.progress)}`);
        await approved;
      }
    } finally {
      api.setProgressSink(undefined);
    }
    return run;
  }

  const sessionSection = (config: string) => /\[sso-session sandbox-example\]\n(?:[^[\n].*\n)*/.exec(config)?.[0];

  it('offers every way in, signs in through the device code and loads the tree with the new profile', async () => {
    const api = await extensionApi();
    const { offered, asked, progress, notifications } = await signIn('ServiceCatalogEndUser');

    assert.ok(offered.some((l) => l.includes('Sandbox')), offered.join(' | '));
    assert.ok(offered.some((l) => l.includes('Default credential chain')), offered.join(' | '));
    assert.ok(offered.some((l) => l.includes('Run "aws configure"')), 'the v1 CLI has "configure"');
    assert.ok(!offered.some((l) => l.includes('configure sso')), 'but not "configure sso"');
    assert.deepEqual(asked.slice(1).map((t) => /\((\d)\/(\d)\)/.exec(t)?.slice(1).join('/')), ['1/6', '2/6', '3/6', '4/6', '5/6', '6/6'], asked.join(' | '));

    // One progress notification, with the code (already on the clipboard) and a Cancel, gone once signed in.
    assert.equal(progress.length, 1, JSON.stringify(progress));
    const code = /code ([A-Z]{4}-[A-Z]{4})/.exec(progress[0].title)?.[1];
    assert.ok(code && progress[0].title.includes('copied to the clipboard'), progress[0].title);
    assert.equal(await vscode.env.clipboard.readText(), code);
    assert.ok(progress[0].cancel, 'the progress can be cancelled');
    assert.ok(progress[0].ended, 'no "Waiting for approval" is left after signing in');
    assert.ok(!notifications.some((m) => m.includes(code)), `no other notification holds the code: ${notifications.join(' | ')}`);

    const profile = 'ServiceCatalogEndUser-123456789012';
    const connection = await waitFor('the new profile to connect', () => (api.session.state.kind === 'connected' ? api.session.state.connection : undefined));
    assert.deepEqual(connection, { kind: 'aws', profile, region: 'us-east-1' });
    await waitFor(`the tree to list the sandbox user's products (now ${api.tree.viewState}: ${String(api.tree.viewMessage)})`, () => api.tree.viewState === 'ready' && api.tree.productNodes.length > 0, 30_000);

    const config = readFileSync(join(home, 'config'), 'utf8');
    assert.ok(config.startsWith('# written by hand\n[default]\nregion = eu-west-1\n'), 'what was there is kept');
    // The profile's region is the Service Catalog region chosen; the Identity Center's is the session's.
    assert.match(config, new RegExp(`\\[profile ${profile}\\]\\nsso_session = sandbox-example\\nsso_account_id = 123456789012\\nsso_role_name = ServiceCatalogEndUser\\nregion = us-east-1`));
    assert.match(config, /\[sso-session sandbox-example\]\nsso_start_url = https:\/\/sandbox-example\.awsapps\.com\/start\nsso_region = eu-central-1\nsso_registration_scopes = sso:account:access/);
    const tokenFile = join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('sandbox-example').digest('hex')}.json`);
    assert.ok(existsSync(tokenFile));
    assert.equal(statSync(tokenFile).mode & 0o777, 0o600);
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(tokenFile, 'utf8'))).sort(), ['accessToken', 'clientId', 'clientSecret', 'expiresAt', 'refreshToken', 'region', 'registrationExpiresAt', 'startUrl']);
    assert.equal(vscode.workspace.getConfiguration('serviceCatalogExplorer').get('profile'), profile);
  });

  it('shares an sso-session other tools wrote without rewriting it, and caches a token with its scopes', async () => {
    const file = join(home, 'config');
    const before = readFileSync(file, 'utf8');
    const shared = '[sso-session sandbox-example]\n# shared with the AWS Toolkit\nsso_start_url = https://sandbox-example.awsapps.com/start\nsso_region = eu-central-1\nsso_registration_scopes = sso:account:access,codewhisperer:completions,codewhisperer:analysis\n';
    writeFileSync(file, before.replace(sessionSection(before)!, shared));

    await signIn('ServiceCatalogColleague');
    const profile = 'ServiceCatalogColleague-123456789012';
    const api = await extensionApi();
    await waitFor('the colleague profile to connect', () => api.session.state.kind === 'connected' && api.session.state.connection.kind === 'aws' && api.session.state.connection.profile === profile);

    const after = readFileSync(file, 'utf8');
    assert.equal(sessionSection(after), shared, 'the session is left exactly as it was');
    assert.match(after, new RegExp(`\\[profile ${profile}\\]\\nsso_session = sandbox-example\\n`));
    const token = JSON.parse(readFileSync(join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('sandbox-example').digest('hex')}.json`), 'utf8')) as { clientId: string };
    assert.deepEqual(sandbox.identityCenter.registeredScopes(token.clientId), ['sso:account:access', 'codewhisperer:completions', 'codewhisperer:analysis'], 'the cached token is not narrower than the session says');
  });

  it('Cancel on the progress stops the sign-in, closes it and writes nothing', async () => {
    const file = join(home, 'config');
    const before = readFileSync(file, 'utf8');
    const { progress, asked } = await signIn('ServiceCatalogEndUser', { cancel: true });
    assert.equal(progress.length, 1);
    assert.ok(progress[0].ended, 'the progress is gone');
    assert.ok(!asked.some((t) => t.includes('account')), 'nothing was asked after Cancel');
    assert.equal(readFileSync(file, 'utf8'), before);
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
