// The sign-in's approval link as a user follows it in the web workbench: VS Code opens the sandbox's
// verification URL in a new tab through its port proxy (path and query dropped), the sandbox's root lists
// the pending code, and approving it there moves the sign-in on to the account step.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../src/sandbox/index';
import { SANDBOX_START_URL } from '../../src/sandbox/sso/identityCenter';
import { useWorkbench } from './harness';

const home = mkdtempSync(join(tmpdir(), 'sce-e2e-sso-'));

describe('sign-in approval page (browser)', () => {
  let sandbox: Sandbox;
  // Filled in before the workbench starts (mocha runs this `before` first): the SDK reaches the
  // sandbox's Identity Center through AWS_ENDPOINT_URL, its own setting.
  const env: Record<string, string> = {
    SCE_DEFAULT_BACKEND: 'auto', AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_PROFILE: '', AWS_ACCESS_KEY_ID: '', PATH: '/usr/bin:/bin',
  };
  before(async () => {
    sandbox = await startSandbox({ env: {}, timeScale: 60 });
    env.AWS_ENDPOINT_URL = sandbox.endpoint;
  });
  after(async () => sandbox?.stop());
  const wb = useWorkbench({ env });

  it('opens a page that shows the code and approves it', async () => {
    await wb.openViewContainer('Service Catalog');
    const connect = wb.page.locator('.welcome-view-content a, .welcome-view-content .monaco-button', { hasText: 'Connect to AWS' }).first();
    await connect.waitFor({ timeout: 30_000 });
    await connect.click();
    const picker = wb.page.locator('.quick-input-widget');
    await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Sign in with IAM Identity Center' }).click({ timeout: 30_000 });
    await wb.page.locator('.quick-input-widget', { hasText: 'start URL' }).waitFor({ timeout: 10_000 });
    await wb.page.locator('.quick-input-widget input').fill(SANDBOX_START_URL);
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.quick-input-widget', { hasText: 'region' }).waitFor({ timeout: 10_000 });
    const opened = wb.page.context().waitForEvent('page', { timeout: 30_000 });
    await wb.page.keyboard.press('Enter'); // us-east-1
    const tab = await opened;
    await tab.waitForLoadState('domcontentloaded');
    // VS Code 1.100's web workbench (code-server's) maps a loopback link to its port proxy, keeping only
    // the port: path and query are dropped. code-server's proxy forwards that as GET / to the sandbox;
    // the bare server the launcher runs has no proxy route, so the tab goes where the proxy would send it.
    const port = new URL(sandbox.endpoint).port;
    assert.match(tab.url(), new RegExp(`/proxy/${port}/$`), tab.url());
    await tab.goto(`${sandbox.endpoint}/`);
    const [pending] = sandbox.identityCenter.pendingGrants();
    assert.ok(pending, 'the sign-in started a device authorization');
    await tab.locator('h1', { hasText: 'Authorize request' }).waitFor({ timeout: 15_000 });
    assert.match(await tab.locator('body').innerText(), new RegExp(pending.userCode), `the page ${tab.url()} shows the code`);
    await tab.screenshot({ path: join(__dirname, '../../../test-results/sso-approval-page.png') });
    await wb.screenshot('sso-approval-workbench');
    await tab.locator('button[value=approve]').first().click();
    await tab.locator('h1', { hasText: 'Request approved' }).waitFor({ timeout: 15_000 });
    await wb.page.bringToFront();
    await wb.page.locator('.quick-input-widget', { hasText: 'account' }).waitFor({ timeout: 30_000 });
    await wb.page.keyboard.press('Escape');
  });
});
