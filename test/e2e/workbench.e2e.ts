// What F5 / `npm start` shows on the sandbox: the Extension Development Host starts without an error,
// its activity-bar entry opens the Service Catalog side bar with the Provisioned Products view, its
// title actions and the tree, and the status bar item opens the real connection picker.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot, useWorkbench } from './harness';

const EXTENSION_ID = 'service-catalog-explorer.service-catalog-explorer';
/** The view's title actions (package.json menus.view/title, group navigation) once connected. */
const TITLE_ACTIONS = ['Provision Product…', 'Look Up Record…', 'Filter Provisioned Products…', 'Group By…', 'Refresh'];

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
    // The one view of the container: its name is in the side bar's title or its own pane header.
    const sidebarText = (await sidebar.textContent()) ?? '';
    assert.match(sidebarText, /Provisioned Products/i, 'the Provisioned Products view is in the side bar');

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
});
