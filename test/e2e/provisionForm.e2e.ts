// The provision form in a real VS Code (web workbench) on the sandbox, as a user works it: the
// product picker (descriptions; a search that narrows to one product chooses it), Ctrl+Enter on a
// focused dropdown, and a form that became its result after provisioning (also after a reload).
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { useWorkbench, type Workbench } from './harness';
import { chooseProductBySearch, pickTagOptionsAndSubmit } from './formSteps';

function form(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').frameLocator('#active-frame');
}

async function openProvisionForm(wb: Workbench): Promise<FrameLocator> {
  const page = wb.page;
  await wb.openViewContainer('Service Catalog');
  await page.locator('[role=treeitem]').first().waitFor({ timeout: 60_000 });
  await page.locator('.action-label[aria-label^="Provision Product"]').first().click();
  const f = form(page);
  await f.locator('text=/\\d+ products?/').waitFor({ timeout: 30_000 });
  return f;
}

const isOpen = (f: FrameLocator, selector: string) => f.locator(selector).evaluate((el) => (el as unknown as { open: boolean }).open);

describe('provision form: picker, shortcut and result (e2e)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' } });

  it('shows product descriptions, and chooses the product a typed search narrows to', async () => {
    const f = await openProvisionForm(wb);
    // Every product is listed with its description; nothing is chosen before the user types.
    const labels = await f.locator('#product-choice vscode-option').allTextContents();
    assert.ok(labels.some((l) => /Static Website — S3 \+ CloudFront static website with HTTPS/.test(l)), labels.join('\n'));
    assert.equal(await f.locator('#version').count(), 0, 'no product chosen for the user who has not typed');
    await chooseProductBySearch(wb.page, f, 'Static Website');
    const about = (await f.locator('#product-about').textContent()) ?? '';
    assert.match(about, /S3 \+ CloudFront static website with HTTPS/);
    assert.match(about, /Owner: Platform Team · Distributor: Platform Engineering/);
    await f.locator('#pp-name').waitFor({ timeout: 30_000 });
    await wb.screenshot('provision-picker-one-match');
  });

  it('Ctrl+Enter on a focused dropdown submits (checks the form) and leaves the dropdown closed', async () => {
    const page = wb.page;
    const f = await openProvisionForm(wb);
    await chooseProductBySearch(page, f, 'Static Website');
    await f.locator('#pp-name').waitFor({ timeout: 30_000 });
    await f.locator('#version').focus();
    await page.keyboard.press('Control+Enter');
    // The form was checked (the empty name is flagged) and the dropdown did not open.
    await f.locator('#pp-name-error').waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await isOpen(f, '#version'), false, 'the focused dropdown stays closed');
    // A dropdown the user opened is closed by the shortcut.
    await f.locator('#version').focus();
    await page.keyboard.press('Enter');
    assert.equal(await isOpen(f, '#version'), true, 'Enter opens the dropdown');
    await page.keyboard.press('Control+Enter');
    assert.equal(await isOpen(f, '#version'), false, 'the shortcut closed it');
    await wb.screenshot('provision-ctrl-enter-on-dropdown');
  });

  it('clears a required tag\'s error once a value is chosen with the keyboard', async () => {
    const page = wb.page;
    const f = await openProvisionForm(wb);
    await chooseProductBySearch(page, f, 'Static Website');
    await f.locator('#tagoption-CostCenter').waitFor();
    await page.keyboard.press('Control+Enter'); // checks the form: every required field says what it needs
    const errorOf = (key: string) => f.locator(`#tagoption-${key}-error`);
    for (const key of ['CostCenter', 'Environment']) await errorOf(key).filter({ hasText: `Choose a value for the tag ${key}` }).waitFor();
    for (const key of ['CostCenter', 'Environment']) {
      await f.locator(`#tagoption-${key}`).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
    }
    for (const key of ['CostCenter', 'Environment']) assert.equal(((await errorOf(key).textContent()) ?? '').trim(), '', `${key}'s error cleared`);
    await wb.screenshot('provision-tag-errors-cleared');
  });

  it('becomes its result after provisioning: record id, Copy, Follow, Reveal, Provision another; also after a reload', async () => {
    const page = wb.page;
    const f = await openProvisionForm(wb);
    await chooseProductBySearch(page, f, 'Static Website');
    const name = `e2e-result-${Date.now().toString(36)}`;
    await f.locator('#pp-name input').focus();
    await page.keyboard.type(name, { delay: 5 });
    await f.locator('#param-BucketName input').focus();
    await page.keyboard.type(`${name}-bucket`, { delay: 5 });
    await page.keyboard.press('Tab');
    const id = await pickTagOptionsAndSubmit(page, f);
    const recordId = f.locator('.record-id');
    assert.match(id, /^rec-/);
    // Nothing is left to edit or submit; what comes next is offered.
    assert.equal(await f.locator('#pp-name').count(), 0, 'no field remains');
    assert.equal(await f.locator('vscode-button', { hasText: /^Provision$/ }).count(), 0, 'no Provision button remains');
    for (const label of ['Copy', 'Follow', 'Reveal in tree', 'Provision another']) await f.locator('vscode-button', { hasText: label }).waitFor();
    await page.keyboard.press('Control+Enter');
    assert.equal(((await recordId.textContent()) ?? '').trim(), id, 'a second Ctrl+Enter changes nothing');
    await f.locator('vscode-button', { hasText: 'Copy' }).click();
    await f.locator('text=Record id copied.').waitFor();
    // The result follows its record to the end the service reports.
    await f.locator('.banner', { hasText: 'Provisioning succeeded' }).waitFor({ timeout: 90_000 });
    assert.equal(await f.locator('text=/Service Catalog is creating it/').count(), 0, 'no longer said to be under way');
    await wb.screenshot('provision-result');

    // A window reload restores the panel as the result, not a live form.
    await wb.runCommand('Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const restored = form(page);
    await restored.locator('.record-id').waitFor({ timeout: 60_000 });
    assert.equal(((await restored.locator('.record-id').textContent()) ?? '').trim(), id);
    assert.equal(await restored.locator('#pp-name').count(), 0);
    await wb.screenshot('provision-result-restored');

    // Reveal in tree selects the new provisioned product.
    await restored.locator('vscode-button', { hasText: 'Reveal in tree' }).click();
    await page.locator(`[role=treeitem][aria-selected=true]`, { hasText: name }).waitFor({ timeout: 30_000 });
  });
});
