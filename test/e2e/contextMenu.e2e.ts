// The right-click menu in the real workbench offers only what a product's status allows: everything on
// an AVAILABLE product, nothing that changes a product that is UNDER_CHANGE.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useWorkbench } from './harness';

async function contextMenuLabels(page: Page, rowText: string): Promise<string[]> {
  await page.keyboard.press('Escape');
  const row = page.locator('.pane-body [role=treeitem]', { hasText: rowText }).first();
  await row.click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu, .monaco-menu-container').first();
  await menu.waitFor({ timeout: 15_000 });
  const labels = await menu.locator('.action-label').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
  return labels;
}

describe('context menu (browser)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' }, pagePer: 'suite' });

  it('offers every action on an AVAILABLE product', async () => {
    await wb.openViewContainer('Service Catalog');
    await wb.page.locator('.pane-body [role=treeitem]', { hasText: 'web-marketing-site' }).first().waitFor({ timeout: 30_000 });
    const labels = await contextMenuLabels(wb.page, 'web-marketing-site');
    for (const expected of ['Update Provisioned Product…', 'Run Self-Service Action…', 'Show Plans (Preview Changes)…', 'Terminate…', 'Change Launch Role…', 'Change Owner…', 'Show Outputs', 'Show Record History', 'Copy ARN']) {
      assert.ok(labels.includes(expected), `${expected} in ${labels.join(' | ')}`);
    }
    await wb.screenshot('context-menu-available');
  });

  it('offers nothing that changes a product under change', async () => {
    const labels = await contextMenuLabels(wb.page, 'inventory-service');
    for (const absent of ['Update Provisioned Product…', 'Terminate…', 'Run Self-Service Action…', 'Change Launch Role…']) {
      assert.ok(!labels.includes(absent), `${absent} must not be offered: ${labels.join(' | ')}`);
    }
    assert.ok(labels.includes('Show Record History') && labels.includes('Copy Id'), labels.join(' | '));
    await wb.screenshot('context-menu-under-change');
    await wb.page.keyboard.press('Escape');
  });
});
