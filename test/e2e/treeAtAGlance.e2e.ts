// What a person sees at the default side bar width (issue 11, items 12 and 14): the status word and the
// operation first in the rows that need attention, a product's tags, and a filter picked from a list and
// cleared from the view title. Screenshots go to test-results/.
import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';

describe('provisioned products tree at a glance (browser)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' }, pagePer: 'suite' });
  const row = (name: string) => wb.page.locator('.pane-body [role=treeitem]', { hasText: name }).first();

  it('shows the status word where it needs attention without hovering, at the default width', async () => {
    await wb.openViewContainer('Service Catalog');
    await row('analytics-cluster').waitFor({ timeout: 30_000 });
    const failed = row('analytics-cluster');
    const description = failed.locator('.label-description');
    assert.match((await description.textContent()) ?? '', /^Error · /);
    // The first word is inside the row, not cut away: the description starts well before the row's end.
    const [rowBox, descriptionBox] = [await failed.boundingBox(), await description.boundingBox()];
    assert.ok(rowBox && descriptionBox && descriptionBox.x + 40 < rowBox.x + rowBox.width, `description at ${descriptionBox?.x} in a row ending at ${rowBox ? rowBox.x + rowBox.width : '?'}`);
    assert.match((await failed.getAttribute('aria-label')) ?? '', /Error/);
    await row('inventory-service').locator('.label-description', { hasText: /^Updating since / }).waitFor({ timeout: 15_000 });
    assert.equal(await row('web-marketing-site').locator('.label-description', { hasText: /^(Error|Tainted|Under change)/ }).count(), 0, 'AVAILABLE stays quiet');
    await wb.screenshot('tree-at-a-glance-default-width');
  });

  it("shows a product's tags in a Tags folder", async () => {
    await row('web-marketing-site').click();
    await wb.page.keyboard.press('ArrowRight');
    const tags = wb.page.locator('.pane-body [role=treeitem]', { hasText: /^Tags/ }).first();
    await tags.waitFor({ timeout: 15_000 });
    await tags.click();
    await wb.page.keyboard.press('ArrowRight');
    await wb.page.locator('.pane-body [role=treeitem]', { hasText: 'CostCenter' }).first().waitFor({ timeout: 15_000 });
    assert.match((await wb.page.locator('.pane-body [role=treeitem]', { hasText: 'CostCenter' }).first().textContent()) ?? '', /cc-1001/);
    await wb.screenshot('tree-tags');
    await row('web-marketing-site').click();
    await wb.page.keyboard.press('ArrowLeft');
  });

  it('filters by a status picked from a list and clears from the view title', async () => {
    const page = wb.page;
    await wb.runCommand('Service Catalog: Filter Provisioned Products');
    const error = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'status:ERROR' }).first();
    await error.waitFor({ timeout: 15_000 });
    assert.ok(await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'status:PLAN_IN_PROGRESS' }).count() > 0, 'every status offered');
    await wb.screenshot('tree-filter-pick');
    await error.click();
    await row('web-marketing-site').waitFor({ state: 'detached', timeout: 15_000 });
    await row('analytics-cluster').waitFor();
    await page.locator('.pane-body', { hasText: 'Filtered by "status:ERROR"' }).first().waitFor({ timeout: 15_000 });
    await wb.screenshot('tree-filtered-by-status');
    // The view's title: the side bar's own when the view is alone in it.
    await page.locator('.part.sidebar .action-label[aria-label^="Clear Filter"]').first().click();
    await row('web-marketing-site').waitFor({ timeout: 15_000 });
  });
});
