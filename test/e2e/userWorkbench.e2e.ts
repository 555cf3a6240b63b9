// The workbench `npm start` gives (the harness starts it with the same launcher function): no test
// driver, so VS Code's modal dialogs and link opening work as for a user. Terminating through the real
// confirmation dialog is checked in contextMenu.e2e.ts.
import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';

/** The host of the sandbox's website outputs (seed catalog: https://{name}.sandbox-sites.example.com). */
const SITE = 'https://web-marketing-site.sandbox-sites.example.com';

describe('the workbench npm start gives (e2e)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' }, pagePer: 'suite' });

  it('runs without the smoke-test driver', async () => {
    // The driver installs window.driver; with it every modal dialog is refused.
    const driver = await wb.page.evaluate(() => typeof (globalThis as { driver?: unknown }).driver);
    assert.equal(driver, 'undefined', 'the workbench has a test driver');
  });

  it('opens an http output of a product from the tree in a new page', async () => {
    const page = wb.page;
    const context = page.context();
    // Nothing leaves the machine: the website the output names is answered here.
    await context.route(`${SITE}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>sandbox site</title>' }));
    await wb.openViewContainer('Service Catalog');
    const row = (text: string) => page.locator('.pane-body [role=treeitem]', { hasText: text }).first();
    await row('web-marketing-site').click({ timeout: 30_000 });
    await page.keyboard.press('ArrowRight');
    await row('Outputs').click({ timeout: 15_000 });
    await page.keyboard.press('ArrowRight');
    await row('WebsiteURL').waitFor({ timeout: 15_000 });

    const popup = context.waitForEvent('page', { timeout: 20_000 });
    await row('WebsiteURL').click();
    // VS Code asks before opening a site outside its trusted domains; that is a modal dialog.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match((await dialog.textContent()) ?? '', /open the external website/i);
    assert.match((await dialog.textContent()) ?? '', /web-marketing-site\.sandbox-sites\.example\.com/);
    await wb.screenshot('output-url-open-dialog');
    await dialog.locator('.monaco-button', { hasText: /^Open$/ }).click();
    const opened = await popup;
    await opened.waitForURL(`${SITE}/**`, { timeout: 15_000 });
    await opened.close();
    assert.deepEqual(wb.console.filter((line) => /refused/i.test(line)), [], 'refused dialogs or links');
  });
});
