// What a person sees: the Service Catalog container with the sandbox's provisioned products, one status
// icon per status, a tooltip on hover, and the status bar item. Screenshots go to test-results/.
import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';

const STATUS_ICON_CLASSES: Record<string, string> = {
  AVAILABLE: 'codicon-pass-filled',
  UNDER_CHANGE: 'codicon-sync',
  PLAN_IN_PROGRESS: 'codicon-loading',
  TAINTED: 'codicon-warning',
  ERROR: 'codicon-error',
};

/** Drags the side bar's edge so descriptions (product · version) are readable in the screenshots. */
async function widenSideBar(page: import('playwright-core').Page, width: number): Promise<void> {
  const box = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  if (!box) return;
  const edge = { x: box.x + box.width - 1, y: box.y + box.height / 2 };
  await page.mouse.move(edge.x, edge.y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, edge.y, { steps: 8 });
  await page.mouse.up();
}

describe('provisioned products tree (browser)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox', SANDBOX_TIME_SCALE: '1' }, pagePer: 'suite' });

  it('shows every provisioned product with its status icon', async () => {
    await wb.openViewContainer('Service Catalog');
    await widenSideBar(wb.page, 560);
    const rows = wb.page.locator('.pane-body [role=treeitem]');
    await rows.first().waitFor({ timeout: 30_000 });
    await wb.page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.pane-body [role=treeitem]').length >= 8, undefined, { timeout: 30_000 });
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    for (const name of ['analytics-cluster', 'billing-db', 'checkout-service', 'inventory-service', 'web-marketing-site']) {
      assert.ok(labels.some((l) => l.startsWith(name)), `${name} listed in ${labels.join(' | ')}`);
    }
    for (const [status, cls] of Object.entries(STATUS_ICON_CLASSES)) {
      const count = await wb.page.locator(`.pane-body [role=treeitem] .custom-view-tree-node-item-icon.${cls}, .pane-body [role=treeitem] .codicon.${cls}`).count();
      assert.ok(count > 0, `an icon for ${status} (${cls})`);
    }
    assert.match(await wb.page.locator('.statusbar').innerText(), /Sandbox/);
    await wb.screenshot('tree-statuses');
  });

  it('hovering a product shows its tooltip with ids, ARN and launch role', async () => {
    const row = wb.page.locator('.pane-body [role=treeitem]', { hasText: 'web-marketing-site' }).first();
    await row.hover();
    const hover = wb.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'web-marketing-site' }).first();
    await hover.waitFor({ timeout: 15_000 });
    const text = await hover.innerText();
    assert.match(text, /arn:aws:servicecatalog:/);
    await hover.filter({ hasText: 'role/SCLaunchRole' }).waitFor({ timeout: 15_000 });
    assert.match(await hover.innerText(), /Launch role\s+arn:aws:iam::123456789012:role\/SCLaunchRole-/);
    await wb.screenshot('tree-tooltip');
  });

  it('expands a product into launch role, outputs and records', async () => {
    const row = wb.page.locator('.pane-body [role=treeitem]', { hasText: 'web-marketing-site' }).first();
    await row.click();
    await wb.page.keyboard.press('ArrowRight');
    await wb.page.locator('.pane-body [role=treeitem]', { hasText: 'Recent records' }).first().waitFor({ timeout: 15_000 });
    await wb.page.locator('.pane-body [role=treeitem]', { hasText: 'Recent records' }).first().click();
    await wb.page.keyboard.press('ArrowRight');
    await wb.page.locator('.pane-body [role=treeitem]', { hasText: 'Provision product' }).first().waitFor({ timeout: 15_000 });
    assert.ok(await wb.page.locator('.pane-body [role=treeitem]', { hasText: 'SCLaunchRole' }).count() > 0, 'launch role row');
    await wb.screenshot('tree-expanded');
  });

  it('looks up what is pasted into the Look Up Record pick: a record opens, a product is revealed', async () => {
    const page = wb.page;
    // A record id from the tree: the description of a record row ends with it.
    const recordRow = page.locator('.pane-body [role=treeitem]', { hasText: 'Provision product' }).first();
    const recordId = ((await recordRow.getAttribute('aria-label')) ?? (await recordRow.textContent()) ?? '').match(/rec-[\w-]+/)?.[0];
    assert.ok(recordId, 'a record id in the tree');
    await wb.runCommand('Service Catalog: Look Up Record');
    const input = page.locator('.quick-input-widget input');
    // The recent records come first; the entry for typed text is at the end of the list.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: /rec-/ }).first().waitFor({ timeout: 15_000 });
    await input.fill(recordId);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: `Look up "${recordId}"` }).first().waitFor();
    await wb.screenshot('look-up-record-pasted');
    await input.press('Enter');
    // The record opens rendered (a markdown preview): its tab names the record.
    await page.locator('.tabs-container .tab', { hasText: recordId }).first().waitFor({ timeout: 15_000 });
    // Focus back from the preview (a webview) to the workbench, as a click on the side bar does.
    await page.locator('.pane-body [role=treeitem]', { hasText: 'orders-service' }).first().click();

    await wb.runCommand('Service Catalog: Look Up Record');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: /rec-/ }).first().waitFor({ timeout: 15_000 });
    await input.fill('billing-db');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Look up "billing-db"' }).first().waitFor();
    await input.press('Enter');
    await page.locator('.pane-body [role=treeitem][aria-selected=true]', { hasText: 'billing-db' }).waitFor({ timeout: 15_000 });
  });
});
