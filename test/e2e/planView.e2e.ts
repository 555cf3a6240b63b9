// The plan view in the real web workbench: preview an update of orders-service (DesiredCount 4 → 8)
// and read what CloudFormation will do: each change's details, and the parameter against the value
// the stack runs with, the NoEcho password masked.
import * as assert from 'node:assert/strict';
import { pickMenuItem, useWorkbench } from './harness';
import { activeForm } from './formSteps';

const PRODUCT = 'orders-service';

describe('plan view (e2e)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' } });

  it('shows each change\'s details and the parameter it changes against the value in use', async () => {
    const page = wb.page;
    await page.click('.activitybar [aria-label^="Service Catalog"]');
    const item = page.locator('.pane-body [role=treeitem]', { hasText: PRODUCT }).first();
    await item.waitFor({ timeout: 60_000 });
    await item.click({ button: 'right' });
    await pickMenuItem(page, 'Update Provisioned Product…');
    const form = activeForm(page);
    const count = form.locator('#param-DesiredCount input');
    await count.waitFor({ timeout: 30_000 });
    await count.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('8', { delay: 10 });
    await page.keyboard.press('Tab');
    await form.locator('.actions vscode-button', { hasText: 'Preview changes' }).click();

    const plan = activeForm(page);
    const changes = plan.locator('vscode-table.changes');
    await changes.locator('text=caused by').first().waitFor({ timeout: 60_000 });
    assert.match((await changes.textContent()) ?? '', /requires recreation: NEVER · evaluation: STATIC · caused by DesiredCount/);
    const parameters = plan.locator('vscode-table.plan-parameters');
    const desired = parameters.locator('vscode-table-row', { hasText: 'DesiredCount' });
    assert.match((await desired.textContent()) ?? '', /8\s*4\s*changes/);
    assert.match((await parameters.locator('vscode-table-row', { hasText: 'DbPassword' }).textContent()) ?? '', /not shown/);
    await wb.screenshot('plan-view-details');
  });
});
