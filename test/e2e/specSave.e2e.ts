// The provision form's Save as Spec File in the real web workbench, as a user works it: the form's
// values (checked as a submission is) go through VS Code's own save dialog into a spec file of the
// workspace, which opens with its CodeLenses; nothing is provisioned.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { useWorkbench } from './harness';
import { chooseProductBySearch, openForm, pickTagOptions } from './formSteps';

const NAME = 'saved-site';

describe('Save as Spec File from the provision form (e2e)', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sce-e2e-save-'));
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' }, workspace });

  it('saves the checked values through the save dialog, opens the file with its CodeLenses, and provisions nothing', async () => {
    const page = wb.page;
    await wb.openViewContainer('Service Catalog');
    await page.locator('[role=treeitem]').first().waitFor({ timeout: 60_000 });
    const f = await openForm(page, () => page.locator('.action-label[aria-label^="Provision Product"]').first().click(), 'text=/\\d+ products?/');
    await chooseProductBySearch(page, f, 'Static Website');
    await f.locator('#param-BucketName').waitFor({ timeout: 30_000 });
    await f.locator('#pp-name').click();
    await page.keyboard.type(NAME);
    await page.keyboard.press('Tab');
    await f.locator('#param-BucketName input').focus();
    await page.keyboard.type('saved-site.example.com', { delay: 10 });
    await page.keyboard.press('Tab');
    await pickTagOptions(page, f);

    await f.locator('#save-spec').click();
    // VS Code's save dialog (the simple one in the web workbench) proposes the workspace's file of the product's name.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 30_000 });
    // The dialog fills its path in once shown.
    const proposed = new RegExp(`${NAME}\\.servicecatalog\\.yaml$`);
    for (let i = 0; i < 100 && !proposed.test(await input.inputValue()); i++) await page.waitForTimeout(100);
    assert.match(await input.inputValue(), proposed);
    await input.press('Enter');

    // The file opens beside the form, its product not provisioned.
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    const lenses = editor.locator('.contentWidgets .codelens-decoration');
    await lenses.filter({ hasText: 'not provisioned' }).first().waitFor({ timeout: 60_000 });
    const file = path.join(workspace, `${NAME}.servicecatalog.yaml`);
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, new RegExp(`- name: ${NAME}\\n\\s+product: Static Website\\n\\s+version: v2\\.0`));
    assert.match(text, /^ +BucketName: saved-site\.example\.com$/m);
    assert.match(text, /^ +CostCenter: cc-/m);

    // The form, still in view: it says where its values went, and it is still a form (nothing provisioned).
    await f.locator('text=/Saved as/').scrollIntoViewIfNeeded();
    await f.locator('text=/Saved as/').waitFor({ timeout: 30_000 });
    const said = (await f.locator('text=/Saved as/').textContent()) ?? '';
    assert.match(said, new RegExp(`Saved as ${NAME}\\.servicecatalog\\.yaml: it is open beside this form`));
    assert.ok(!said.includes('NoEcho'), `this product has no NoEcho parameter: ${said}`);
    assert.equal(await f.locator('.record-id').count(), 0, 'no record: nothing was provisioned');
    await wb.screenshot('spec-save-from-provision-form');
  });
});
