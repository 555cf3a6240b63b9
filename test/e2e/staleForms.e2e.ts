// The update form in the real web workbench when its product changes under it: after Update, the
// form's own banner says the product is under change and Update is disabled; when the operation ends
// it says so, and Reload rebuilds the form from the service.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { pickMenuItem, useWorkbench } from './harness';
import { activeForm } from './formSteps';

const PRODUCT = 'dev-box-alice';
const STALE = 'This provisioned product changed since the form was loaded';

/** Opens the product's update form from its context menu and waits for its parameters. */
async function openUpdateForm(page: Page): Promise<FrameLocator> {
  const item = page.locator('.pane-body [role=treeitem]', { hasText: PRODUCT }).first();
  await item.waitFor({ timeout: 60_000 });
  const form = activeForm(page);
  // A web webview sometimes misses its first load: close it and open the form once more.
  for (let attempt = 1; ; attempt++) {
    await item.click({ button: 'right' });
    await pickMenuItem(page, 'Update Provisioned Product…');
    try {
      await form.locator('#param-InstanceType').waitFor({ timeout: 30_000 });
      return form;
    } catch (error) {
      if (attempt === 2) throw error;
      await page.locator('.tabs-container .tab').first().hover();
      await page.locator('.tabs-container .tab .tab-actions .action-label').first().click();
    }
  }
}

describe('stale update form (e2e)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' } });

  it('says the product changed, disables Update while it is under change, and reloads', async () => {
    const page = wb.page;
    await wb.openViewContainer('Service Catalog');
    const form = await openUpdateForm(page);
    assert.equal(await form.locator('.banner', { hasText: STALE }).count(), 0, 'nothing changed yet');

    // Which role the update runs as is said once, plainly; the path line names none.
    await form.locator('text=/This update runs as/').waitFor();
    assert.doesNotMatch((await form.locator('p', { hasText: /^Launch path:/ }).textContent()) ?? '', /launch role/i, 'the path line names no role');

    // Update with nothing touched: every parameter keeps its value.
    const update = form.locator('.actions vscode-button', { hasText: 'Update' });
    await update.click();
    await form.locator('.record-id').waitFor({ timeout: 30_000 });
    // This form's own update: said as its outcome, never as a change since the form was loaded.
    const banner = form.locator('.banner', { hasText: 'Your update' });
    await banner.filter({ hasText: 'UNDER_CHANGE' }).waitFor({ timeout: 30_000 });
    assert.match((await banner.locator('.blocked-reason').textContent()) ?? '', /Update is unavailable while the provisioned product is UNDER_CHANGE/);
    assert.equal(await update.evaluate((el) => (el as unknown as { disabled: boolean }).disabled), true, 'Update is disabled');
    assert.match((await form.locator('.product-facts').textContent()) ?? '', /Under change/, 'the header follows the status heard');
    await wb.screenshot('stale-update-under-change');

    // The operation ends: the banner says how, and Update is offered again (after a Reload).
    await banner.filter({ hasText: /Your update succeeded \(record rec-[^)]+\)\. Reload to edit the product as it is now\./ }).waitFor({ timeout: 90_000 });
    assert.equal(await form.locator('.banner', { hasText: STALE }).count(), 0, 'not "changed since the form was loaded"');
    assert.equal(await banner.locator('.blocked-reason').count(), 0);
    await form.locator('.product-facts').filter({ hasNotText: 'Under change' }).waitFor({ timeout: 30_000 }); // the header drops the status that is over
    await wb.screenshot('stale-update-ended');
    await banner.locator('vscode-button.reload').click();
    await form.locator('#param-InstanceType').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    assert.equal(await form.locator('.banner', { hasText: STALE }).count(), 0, 'reloaded: the banner is gone');
    assert.equal(await update.evaluate((el) => (el as unknown as { disabled: boolean }).disabled), false);
    await wb.screenshot('stale-update-reloaded');
  });

  it('shown again after its product settled while hidden, takes the state the host read: Update is offered', async () => {
    const page = wb.page;
    await wb.openViewContainer('Service Catalog');
    const form = await openUpdateForm(page);
    const update = form.locator('.actions vscode-button', { hasText: 'Update' });
    await update.click();
    await form.locator('.banner', { hasText: 'Your update' }).filter({ hasText: 'UNDER_CHANGE' }).waitFor({ timeout: 30_000 });
    // Hidden (its page is unloaded, its state saved with UNDER_CHANGE) until the operation has ended.
    await wb.runCommand('File: New Untitled Text File');
    const item = page.locator('.pane-body [role=treeitem]', { hasText: PRODUCT }).first();
    const settledInTree = new RegExp(`^${PRODUCT}, available\\b`, 'i');
    for (const deadline = Date.now() + 90_000; !settledInTree.test((await item.getAttribute('aria-label')) ?? ''); await page.waitForTimeout(500)) {
      if (Date.now() > deadline) assert.fail(`${PRODUCT} did not settle in the tree`);
    }
    await page.locator('.tabs-container .tab', { hasText: `Update ${PRODUCT}` }).click();
    await form.locator('#param-InstanceType').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    assert.equal(await form.locator('.blocked-reason').count(), 0, 'no banner of a status that is over');
    assert.equal(await form.locator('.banner', { hasText: 'UNDER_CHANGE' }).count(), 0);
    assert.equal(await update.evaluate((el) => (el as unknown as { disabled: boolean }).disabled), false, 'Update is offered');
    await wb.screenshot('stale-update-shown-again');
  });
});
