// Record commands in the real workbench: what Enter does in the Look Up Record pick, and the record
// document shown rendered.
import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';

describe('records (browser)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' }, pagePer: 'suite' });

  it('Enter on partial text in Look Up Record takes the highlighted matching record, not a literal look-up', async () => {
    const page = wb.page;
    await wb.openViewContainer('Service Catalog');
    await page.locator('.pane-body [role=treeitem]', { hasText: 'inventory-service' }).first().waitFor({ timeout: 30_000 });
    await wb.runCommand('Service Catalog: Look Up Record');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: /rec-/ }).first().waitFor({ timeout: 15_000 });
    await input.fill('inventory');
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: 'Look up "inventory"' }).first().waitFor();
    // The highlighted row (what Enter takes) is a record of inventory-service; the typed look-up comes after the records.
    const highlighted = page.locator('.quick-input-widget .monaco-list-row.focused');
    await highlighted.first().waitFor();
    const text = (await highlighted.first().textContent()) ?? '';
    assert.match(text, /inventory-service/);
    // A record id is rec- and 13 lowercase alphanumerics; the row's text runs on without a space after it.
    const recordId = text.match(/rec-[a-z0-9]{13}/)?.[0];
    assert.ok(recordId, 'the highlighted row is a record');
    await wb.screenshot('look-up-record-partial-text');
    await input.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: recordId }).first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.notifications-toasts', { hasText: 'is neither a record' }).count(), 0, 'no failed literal look-up');
    await wb.screenshot('look-up-record-partial-text-opened');
  });
});
