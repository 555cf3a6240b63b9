// A first-time user with no AWS configuration: the view offers "Try the Sandbox", and one click on it
// starts the embedded sandbox and fills the tree; the status bar then says Sandbox.
import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';

describe('first run (browser)', () => {
  const wb = useWorkbench({
    env: { SCE_DEFAULT_BACKEND: 'auto', AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials', AWS_PROFILE: '', AWS_ACCESS_KEY_ID: '' },
  });

  it('offers the sandbox when signed out, and one click fills the tree', async () => {
    await wb.openViewContainer('Service Catalog');
    const tryIt = wb.page.locator('.welcome-view-content a, .welcome-view-content .monaco-button', { hasText: 'Try the Sandbox' }).first();
    await tryIt.waitFor({ timeout: 30_000 });
    assert.ok(await wb.page.locator('.welcome-view-content', { hasText: 'Connect to AWS' }).count(), 'Connect to AWS is offered too');
    assert.match(await wb.page.locator('.statusbar').innerText(), /Not connected/);
    await wb.screenshot('welcome-signed-out');
    await tryIt.click();
    await wb.page.locator('.pane-body [role=treeitem]', { hasText: 'web-marketing-site' }).first().waitFor({ timeout: 30_000 });
    assert.match(await wb.page.locator('.statusbar').innerText(), /Sandbox/);
    await wb.screenshot('welcome-sandbox-started');
  });
});
