// The update form of a CloudFormation product in the real workbench shows the values its stack runs
// with (DescribeStacks), not the version's defaults: orders-service was provisioned with ServiceName
// "orders" and later updated to DesiredCount 4 (the version's default is 2), both outside this editor.
// Its NoEcho DbPassword is kept and shown masked, its value nowhere.
// Screenshot: test-results/update-form-current-values.png.
import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { pickMenuItem, useWorkbench } from './harness';
import { openForm } from './formSteps';

const PRODUCT = 'orders-service';
/** What the sandbox's seed provisioned orders-service with (src/sandbox/service/seedHistory.ts). */
const SECRET = 'orders-secret-1';

/** A text field's value and placeholder (properties of the component, not attributes). */
function textField(form: FrameLocator, key: string): Promise<{ value: string; placeholder: string; type: string; disabled: boolean }> {
  return form.locator(`vscode-textfield#param-${key}`).evaluate((el) => {
    const f = el as unknown as { value: string; placeholder: string; type: string; disabled: boolean };
    return { value: f.value, placeholder: f.placeholder, type: f.type, disabled: f.disabled };
  });
}

describe('update form: the stack\'s current values (e2e)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' } });

  it('fills each parameter with the value the stack runs with and keeps the NoEcho one masked', async () => {
    const page = wb.page;
    await wb.openViewContainer('Service Catalog');
    const item = page.locator('.pane-body [role=treeitem]', { hasText: PRODUCT }).first();
    await item.waitFor({ timeout: 60_000 });
    const form = await openForm(page, async () => {
      await item.click({ button: 'right' });
      await pickMenuItem(page, 'Update Provisioned Product…');
    }, '#param-DbPassword');

    // The values were read: no sentence saying why they are not shown.
    assert.equal(await form.locator('.banner', { hasText: 'Current values are not shown' }).count(), 0);
    // What the stack runs with, each still editable: the updated DesiredCount, not the default 2.
    assert.deepEqual(await textField(form, 'DesiredCount'), { value: '4', placeholder: 'Default: 2', type: 'number', disabled: false });
    assert.equal((await textField(form, 'ServiceName')).value, 'orders');
    assert.equal((await textField(form, 'ContainerImage')).value, 'public.ecr.aws/nginx/nginx:latest');
    for (const key of ['DesiredCount', 'ServiceName', 'ContainerImage']) {
      const keep = form.locator('vscode-form-group', { has: form.locator(`#param-${key}`) }).locator('vscode-checkbox.keep-previous');
      assert.equal(await keep.evaluate((el) => (el as unknown as { checked: boolean }).checked), false, `${key}: its value is shown, so it is sent as it is`);
    }

    // The NoEcho password: kept, masked, its value nowhere in the form.
    const password = await textField(form, 'DbPassword');
    assert.deepEqual(password, { value: '', placeholder: '•••• (current value, masked)', type: 'password', disabled: true });
    const keepSecret = form.locator('vscode-checkbox.keep-previous', { hasText: 'Keep the current (secret) value' });
    assert.equal(await keepSecret.evaluate((el) => (el as unknown as { checked: boolean }).checked), true);
    const values = await form.locator('vscode-textfield, vscode-single-select').evaluateAll((els) => els.map((e) => String((e as unknown as { value?: string }).value ?? '')));
    assert.ok(!values.includes(SECRET) && !values.includes('****'), `no field holds the secret or the service's mask: ${values.join(' | ')}`);
    assert.ok(!((await form.locator('body').innerHTML()) ?? '').includes(SECRET), 'the secret is not in the page');

    // The parameters in view, the password's row with them.
    await form.locator('#param-DbPassword').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await wb.screenshot('update-form-current-values');
  });
});
