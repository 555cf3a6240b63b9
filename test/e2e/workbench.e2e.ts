// What F5 / `npm start` shows on the sandbox: the Extension Development Host starts without an error,
// its activity-bar entry opens the Service Catalog side bar with the view of provisioned products, its
// whole title, its title actions and the tree, and the status bar item opens the real connection picker.
// It is the workbench `npm start` gives (the harness starts it with the same launcher function): no test
// driver, so VS Code's modal dialogs and link opening work as for a user (Terminate's confirmation is
// checked in contextMenu.e2e.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot, useWorkbench } from './harness';

const EXTENSION_ID = 'service-catalog-explorer.service-catalog-explorer';
/** The host of the sandbox's website outputs (seed catalog: https://{name}.sandbox-sites.example.com). */
const SITE = 'https://web-marketing-site.sandbox-sites.example.com';
/** The view's title actions (package.json menus.view/title, group navigation) once connected; the others are under "…". */
const TITLE_ACTIONS = ['Provision Product…', 'Filter Provisioned Products…', 'Refresh'];

/** Error and warning notifications, shown as toasts or kept in the notification center. */
async function problemNotifications(page: Page): Promise<string[]> {
  const severe = page.locator('.notification-list-item-icon.codicon-error, .notification-list-item-icon.codicon-warning');
  const texts = await page.locator('.notification-list-item').filter({ has: severe }).allTextContents();
  return texts.map((t) => t.trim());
}

/** The accessible labels of the action buttons in the side bar's title bars. */
async function actionLabels(page: Page): Promise<string[]> {
  const labels = await Promise.all((await page.locator('.part.sidebar .action-label').all()).map((l) => l.getAttribute('aria-label')));
  return labels.filter((l): l is string => !!l);
}

/** Drags the side bar's edge until the side bar is `width` px wide. */
async function resizeSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  if (!box) throw new Error('no side bar');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width - 1, y, { steps: 8 });
  await page.mouse.up();
}

describe('workbench', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' }, pagePer: 'suite' });

  it('starts as the Extension Development Host and opens the Service Catalog view from the activity bar', async () => {
    const page = wb.page;
    assert.match(await page.title(), /\[Extension Development Host\]/);
    await wb.openViewContainer('Service Catalog'); // waits for the activity-bar entry, clicks it

    const sidebar = page.locator('.part.sidebar');
    assert.ok(await sidebar.isVisible(), 'the side bar is shown');
    const title = sidebar.locator('.composite.title .title-label');
    await title.waitFor({ timeout: 15_000 });
    assert.match((await title.textContent()) ?? '', /Service Catalog/i);
    // The one view of the container, named as the container, so the side bar's title says it once.
    assert.equal((await title.textContent())?.trim(), 'Service Catalog');

    // On the sandbox the tree fills, and the view's title actions (shown once connected) are there.
    await sidebar.locator('.pane-body [role=treeitem]').first().waitFor({ timeout: 30_000 });
    await sidebar.locator(`.action-label[aria-label^="${TITLE_ACTIONS[0]}"]`).first().waitFor({ timeout: 15_000 });
    const labels = await actionLabels(page);
    for (const action of TITLE_ACTIONS) {
      assert.ok(labels.some((l) => l.startsWith(action)), `title action ${action} in ${labels.join(' | ')}`);
    }
    const shot = await wb.screenshot('workbench-view-open');
    assert.ok(shot && fs.existsSync(shot), 'a screenshot of the open view');
  });

  it('runs without the smoke-test driver', async () => {
    // The driver installs window.driver; with it every modal dialog is refused.
    const driver = await wb.page.evaluate(() => typeof (globalThis as { driver?: unknown }).driver);
    assert.equal(driver, 'undefined', 'the workbench has a test driver');
  });

  it('shows the whole view title at the default side-bar width, and at 200 px still its start', async () => {
    const page = wb.page;
    const title = page.locator('.part.sidebar .composite.title .title-label h2');
    const fit = () => title.evaluate((el) => ({ text: el.textContent ?? '', scroll: el.scrollWidth, client: el.clientWidth }));
    const atDefault = await fit();
    assert.ok(atDefault.scroll <= atDefault.client, `"${atDefault.text}" fits: ${atDefault.scroll} px in ${atDefault.client} px`);
    await wb.screenshot('view-title-default-width');
    // The actions that left the title bar are under its "…" menu.
    await page.locator('.part.sidebar .composite.title .codicon-toolbar-more').first().click();
    const menu = page.locator('.context-view .monaco-menu').first();
    await menu.waitFor({ timeout: 10_000 });
    const more = await menu.locator('.action-label').allTextContents();
    for (const action of ['Look Up Record…', 'Group By…', 'Switch Connection…']) assert.ok(more.some((l) => l.trim().startsWith(action)), `${action} in ${more.join(' | ')}`);
    await page.keyboard.press('Escape');
    await resizeSideBar(page, 200);
    const narrow = await fit();
    // Five title actions leave about 50 px: the start of the name stays readable, the rest is cut.
    assert.ok(narrow.client >= 40, `at 200 px the title keeps ${narrow.client} px`);
    await wb.screenshot('view-title-200px');
    await resizeSideBar(page, 300);
  });

  it('Service Catalog: Focus Provisioned Products shows and focuses the view from elsewhere', async () => {
    const page = wb.page;
    await wb.runCommand('View: Show Explorer');
    await page.locator('.part.sidebar .composite.title .title-label h2', { hasText: /Explorer/i }).waitFor({ timeout: 10_000 });
    await wb.runCommand('Service Catalog: Focus Provisioned Products');
    await page.locator('.part.sidebar .composite.title .title-label h2', { hasText: 'Service Catalog' }).waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => !!(globalThis as any).document.activeElement?.closest('.part.sidebar .pane-body .monaco-list'), undefined, { timeout: 10_000 });
  });

  it('clicking the status bar item opens the connection picker, which marks the sandbox as current', async () => {
    const page = wb.page;
    const item = page.locator('.statusbar-item', { hasText: 'Sandbox' }).first();
    await item.waitFor({ timeout: 15_000 });
    await item.locator('a, .statusbar-item-label').first().click();
    const current = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Sandbox' }).first();
    await current.waitFor({ timeout: 15_000 });
    assert.match((await current.textContent()) ?? '', /Current connection/);
    const picker = await wb.screenshot('workbench-connection-picker');
    assert.ok(picker && fs.existsSync(picker), 'a screenshot of the picker');
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('shows no error or warning notification and logs no error from the extension on start', async () => {
    const page = wb.page;
    // Toasts hide after a while; the notification center keeps every notification of the session.
    await wb.runCommand('Notifications: Show Notifications');
    await page.locator('.notifications-center').waitFor({ timeout: 10_000 });
    assert.deepEqual(await problemNotifications(page), [], 'error or warning notifications');
    await page.keyboard.press('Escape');

    const ours = [EXTENSION_ID, path.join(repoRoot, 'dist')];
    const errors = wb.console.filter((line) => /^(error|pageerror):/.test(line) && ours.some((s) => line.includes(s)));
    assert.deepEqual(errors, [], 'errors the workbench logged about the extension');
  });

  it('opens an http output of a product from the tree in a new page', async () => {
    const page = wb.page;
    const context = page.context();
    // Nothing leaves the machine: the website the output names is answered here.
    await context.route(`${SITE}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>sandbox site</title>' }));
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
