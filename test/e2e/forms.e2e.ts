// The provision form in a real VS Code (web workbench) on the sandbox, used with the keyboard only:
// find a product, fill the form, see a field error, submit, see the record.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { useWorkbench } from './harness';
import { chooseProductBySearch, pickTagOptionsAndSubmit } from './formSteps';

function form(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').frameLocator('#active-frame');
}

describe('provision form (e2e)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' } });

  it('is filled with the keyboard, shows a field error, and submits', async () => {
    const page = wb.page;
    await page.click('.activitybar [aria-label^="Service Catalog"]');
    await page.locator('[role=treeitem]').first().waitFor({ timeout: 60_000 });
    await page.locator('.action-label[aria-label^="Provision Product"]').first().click();
    const f = form(page);
    await f.locator('text=/\\d+ products?/').waitFor({ timeout: 30_000 });

    // Search, then choose the product with the keyboard.
    await chooseProductBySearch(page, f, 'Static Website');
    await f.locator('#param-BucketName').waitFor({ timeout: 30_000 });

    // Name and an invalid bucket name: the field says what the constraint says.
    await f.locator('#pp-name').click();
    await page.keyboard.type('e2e-site');
    await page.keyboard.press('Tab');
    await f.locator('#param-BucketName').click();
    await page.keyboard.type('Bad_Bucket');
    await page.keyboard.press('Tab');
    const bucketError = f.locator('#param-BucketName-error');
    await bucketError.waitFor({ state: 'visible' });
    assert.match((await bucketError.textContent()) ?? '', /lowercase letters, digits, dots or hyphens/);
    await wb.screenshot('forms-provision-field-error');

    // Fix it, choose the required TagOptions, submit with Ctrl+Enter.
    // Focus the text field's own input (inside the component's shadow root) before editing, so no key
    // lands while focus is still moving into the component.
    const bucketInput = f.locator('#param-BucketName input');
    await bucketInput.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    assert.equal(await bucketInput.inputValue(), '', 'the invalid value is cleared');
    await page.keyboard.type('e2e-site-bucket', { delay: 10 });
    assert.equal(await bucketInput.inputValue(), 'e2e-site-bucket');
    await page.keyboard.press('Tab');
    const id = await pickTagOptionsAndSubmit(page, f).catch(async (error) => {
      await wb.screenshot('forms-provision-not-submitted');
      throw error;
    });
    assert.match(id, /\S/);
    await wb.screenshot('forms-provision-submitted');

    // The record is followed in the Service Catalog output, with the launch role on its lines.
    await wb.runCommand('Service Catalog: Show Record Output');
    const output = page.locator('.part.panel .monaco-editor .view-lines');
    await output.filter({ hasText: id }).first().waitFor({ timeout: 30_000 });
    await output.filter({ hasText: 'SCLaunchRole' }).first().waitFor({ timeout: 30_000 });
    await wb.screenshot('forms-provision-record-output');
  });
});
