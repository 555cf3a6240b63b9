// The right-click menu in the real workbench offers only what a product's status allows: everything on
// an AVAILABLE product, nothing that changes a product that is UNDER_CHANGE. Terminate runs through its
// modal confirmation and its record is tailed to the end in the Service Catalog output.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { panelOutputText, pickMenuItem, useWorkbench, wholePanelOutputText } from './harness';

async function contextMenuLabels(page: Page, rowText: string, keepSelection = false): Promise<string[]> {
  if (!keepSelection) await page.keyboard.press('Escape'); // closes an open menu (and clears the selection)
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
    for (const expected of ['Update Provisioned Product…', 'Run Self-Service Action…', 'Show Plans (Preview Changes)…', 'Terminate…', 'Change Launch Role (Administrator)…', 'Change Owner (Administrator)…', 'Show Outputs', 'Show Record History', 'Copy ARN']) {
      assert.ok(labels.includes(expected), `${expected} in ${labels.join(' | ')}`);
    }
    await wb.screenshot('context-menu-available');
  });

  it('offers nothing that changes a product under change', async () => {
    const labels = await contextMenuLabels(wb.page, 'inventory-service');
    for (const absent of ['Update Provisioned Product…', 'Terminate…', 'Run Self-Service Action…', 'Change Launch Role (Administrator)…']) {
      assert.ok(!labels.includes(absent), `${absent} must not be offered: ${labels.join(' | ')}`);
    }
    assert.ok(labels.includes('Show Record History') && labels.includes('Copy Id'), labels.join(' | '));
    await wb.screenshot('context-menu-under-change');
    await wb.page.keyboard.press('Escape');
  });

  it('on a multi-selection offers only what acts on every selected product', async () => {
    const page = wb.page;
    await page.keyboard.press('Escape');
    await page.locator('.pane-body [role=treeitem]', { hasText: 'orders-service' }).first().click();
    await page.locator('.pane-body [role=treeitem]', { hasText: 'web-marketing-site' }).first().click({ modifiers: ['Control'] });
    const labels = await contextMenuLabels(page, 'web-marketing-site', true);
    for (const expected of ['Terminate…', 'Change Launch Role (Administrator)…', 'Change Owner (Administrator)…', 'Copy ARN']) assert.ok(labels.includes(expected), `${expected} in ${labels.join(' | ')}`);
    for (const absent of ['Update Provisioned Product…', 'Run Self-Service Action…', 'Show Outputs', 'Show Record History']) {
      assert.ok(!labels.includes(absent), `${absent} acts on one product only: ${labels.join(' | ')}`);
    }
    await wb.screenshot('context-menu-multi-selection');
    await page.keyboard.press('Escape');
    await page.locator('.pane-body [role=treeitem]', { hasText: 'orders-service' }).first().click();
  });

  it('terminates through the confirmation and tails the record to SUCCEEDED in the output', async () => {
    const page = wb.page;
    const row = page.locator('.pane-body [role=treeitem]', { hasText: 'dev-box-alice' }).first();
    await row.click({ button: 'right' });
    await pickMenuItem(page, 'Terminate…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match((await dialog.textContent()) ?? '', /Terminate provisioned product "dev-box-alice"\?/);
    await wb.screenshot('terminate-confirmation');
    await dialog.locator('.monaco-button', { hasText: /^Terminate$/ }).click();

    // The product shows the operation while it runs, then leaves the tree.
    await row.filter({ hasText: /Terminat/ }).waitFor({ timeout: 15_000 });
    await wb.runCommand('Service Catalog: Show Record Output');
    const outputText = () => panelOutputText(page);
    const finalLine = /TERMINATE_PROVISIONED_PRODUCT · dev-box-alice [^·]*· IN_PROGRESS → SUCCEEDED/;
    // The launch role is named on the record's first line (and again only if it changes).
    const firstLine = /TERMINATE_PROVISIONED_PRODUCT · dev-box-alice [^·]*· \w+ · launch role arn:aws:iam::\d{12}:role\/[\w+=,.@-]+/;
    const deadline = Date.now() + 90_000;
    while (!finalLine.test(await outputText()) && Date.now() < deadline) await page.waitForTimeout(500);
    assert.match(await outputText(), finalLine, 'the final status line in the output');
    // Its first line is out of view under the stack's events: the whole output is read.
    const whole = await wholePanelOutputText(page);
    assert.match(whole, firstLine, `the launch role on the first line:\n${whole}`);
    await page.locator('.pane-body [role=treeitem]', { hasText: 'dev-box-alice' }).waitFor({ state: 'detached', timeout: 30_000 });
    await wb.screenshot('terminate-record-output');
  });
});
