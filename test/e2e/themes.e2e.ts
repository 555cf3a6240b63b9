// Issue 11's surfaces in the four kinds of theme VS Code ships (dark, light, high contrast dark and
// light): the Error and Tainted icons keep a colour of their own and an invalid field is marked apart
// from a valid one; a provision form's result, the tree's status-first rows and Tags folder, the
// Connect picker and an update form's stale banner with Reload are drawn visibly. Screenshots:
// test-results/theme-<kind>*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { pickMenuItem, useWorkbench } from './harness';
import { activeForm, chooseProductBySearch, pickTagOptionsAndSubmit } from './formSteps';

const THEMES = [
  { name: 'dark', colorTheme: 'Default Dark Modern', workbenchClass: 'vs-dark', kind: 'vscode-dark' },
  { name: 'light', colorTheme: 'Default Light Modern', workbenchClass: 'vs', kind: 'vscode-light' },
  { name: 'hc-dark', colorTheme: 'Default High Contrast', workbenchClass: 'hc-black', kind: 'vscode-high-contrast' },
  { name: 'hc-light', colorTheme: 'Default High Contrast Light', workbenchClass: 'hc-light', kind: 'vscode-high-contrast-light' },
] as const;

/** What a text field shows around its input: the border colour of its frame and the host's outer ring. */
async function fieldFrame(field: Locator): Promise<{ border: string; ring: string }> {
  return field.evaluate((el) => {
    const root = el.shadowRoot?.querySelector('.root');
    const view = el.ownerDocument.defaultView!;
    return { border: root ? view.getComputedStyle(root).borderTopColor : '', ring: view.getComputedStyle(el).boxShadow };
  });
}

/** An element's computed colours: its text, its background (the nearest that is not transparent) and its left border. */
async function colours(element: Locator): Promise<{ color: string; background: string; borderLeft: string }> {
  return element.evaluate((el) => {
    const view = el.ownerDocument.defaultView!;
    let background = 'rgba(0, 0, 0, 0)';
    for (let at: typeof el | typeof el.parentElement = el; at && /rgba\(0, 0, 0, 0\)|transparent/.test(background); at = at.parentElement) background = view.getComputedStyle(at).backgroundColor;
    const style = view.getComputedStyle(el);
    return { color: style.color, background, borderLeft: style.borderLeftColor };
  });
}

describe('themes: tree and form in dark, light and both high-contrast themes (e2e)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' }, pagePer: 'suite' });
  const row = (name: string | RegExp) => wb.page.locator('.pane-body [role=treeitem]', { hasText: name }).first();
  let form: FrameLocator;

  async function useTheme(theme: (typeof THEMES)[number], form: FrameLocator): Promise<void> {
    const settings = path.join(wb.workspace, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({ 'workbench.colorTheme': theme.colorTheme }));
    await wb.page.locator(`.monaco-workbench.${theme.workbenchClass}`).waitFor({ timeout: 30_000 });
    await form.locator(`body[data-vscode-theme-kind="${theme.kind}"]`).waitFor({ timeout: 30_000 });
    await wb.page.waitForTimeout(300); // the webview's style variables follow the body class
  }

  it('keeps status icon colours and marks an invalid field in every theme', async () => {
    const page = wb.page;
    await wb.openViewContainer('Service Catalog');
    await row('analytics-cluster').waitFor({ timeout: 60_000 });

    await page.locator('.action-label[aria-label^="Provision Product"]').first().click();
    form = activeForm(page);
    await form.locator('#product-search').waitFor({ timeout: 30_000 });
    await chooseProductBySearch(page, form, 'Static Website');
    const valid = form.locator('vscode-textfield#pp-name');
    const invalid = form.locator('vscode-textfield#param-BucketName');
    await invalid.waitFor({ timeout: 30_000 });
    await valid.locator('input').focus();
    await page.keyboard.type('themed-site');
    await invalid.locator('input').focus();
    await page.keyboard.type('Bad_Bucket');
    await page.keyboard.press('Tab');
    await form.locator('#param-BucketName-error').waitFor({ state: 'visible' });
    await form.locator('h1').first().click(); // no field focused: focus draws its own border
    await invalid.evaluate((el) => el.scrollIntoView({ block: 'center' })); // the field and its message in the screenshots

    for (const theme of THEMES) {
      await useTheme(theme, form);
      // Status icons: their own colour, not the text's (a theme without the colour falls back to the text's).
      for (const [name, icon] of [['analytics-cluster', 'codicon-error'], ['billing-db', 'codicon-warning']] as const) {
        const iconColor = await row(name).locator(`.${icon}`).first().evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).color);
        const textColor = await row(name).locator('.label-name').first().evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).color);
        assert.notEqual(iconColor, textColor, `${theme.name}: the ${icon} icon of ${name} has a colour of its own`);
      }
      // The invalid field: a frame unlike a valid field's, and its message with an icon.
      const [bad, good] = [await fieldFrame(invalid), await fieldFrame(valid)];
      assert.notEqual(bad.border, good.border, `${theme.name}: invalid border ${bad.border} vs valid ${good.border}`);
      assert.notEqual(bad.ring, good.ring, `${theme.name}: invalid field ring ${bad.ring} vs valid ${good.ring}`);
      const marker = await form.locator('#param-BucketName-error').evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el, '::before').content);
      assert.notEqual(marker, 'none', `${theme.name}: the error message starts with an icon`);
      await wb.screenshot(`theme-${theme.name}`);
    }
  });

  it('shows the provision result, the status-first tree with Tags, and the Connect picker in every theme', async () => {
    const page = wb.page;
    // The form of the test above becomes a result: a valid bucket name, TagOptions, Ctrl+Enter.
    // fill, not typed keys: right after a theme switch the first keys can reach the workbench before the webview has focus.
    const bucket = form.locator('vscode-textfield#param-BucketName input');
    await bucket.fill('themed-site-bucket');
    assert.equal(await bucket.inputValue(), 'themed-site-bucket');
    await bucket.press('Tab');
    const recordId = await pickTagOptionsAndSubmit(page, form);
    assert.match(recordId, /^rec-/);
    // The tree: a product's Tags folder open, next to the status-first rows.
    await row('web-marketing-site').click();
    await page.keyboard.press('ArrowRight');
    await row(/^Tags/).waitFor({ timeout: 15_000 });
    await row(/^Tags/).click();
    await page.keyboard.press('ArrowRight');
    await row('CostCenter').waitFor({ timeout: 15_000 });

    for (const theme of [...THEMES].reverse()) { // from the theme the test above ended in: one switch fewer
      await useTheme(theme, form);
      const id = await colours(form.locator('.record-id'));
      assert.notEqual(id.color, id.background, `${theme.name}: the record id is drawn (${id.color} on ${id.background})`);
      for (const label of ['Copy', 'Follow', 'Reveal in tree', 'Provision another']) {
        const button = form.locator('vscode-button', { hasText: label });
        assert.ok(await button.isVisible(), `${theme.name}: ${label} is shown`);
      }
      const body = await colours(form.locator('body'));
      const primary = await colours(form.locator('vscode-button', { hasText: 'Follow' }));
      assert.ok(primary.background !== body.background || primary.borderLeft !== body.background, `${theme.name}: the Follow button stands out from the page`);
      assert.match((await row('analytics-cluster').locator('.label-description').textContent()) ?? '', /^Error · /, `${theme.name}: the status word first`);
      const tagIcon = await colours(row(/^Tags/).locator('.custom-view-tree-node-item-icon, .codicon').first());
      assert.notEqual(tagIcon.color, tagIcon.background, `${theme.name}: the Tags folder's icon is drawn`);
      assert.match((await row('CostCenter').textContent()) ?? '', /cc-1001/);
      await wb.screenshot(`theme-${theme.name}-result-tree`);

      await wb.runCommand('Service Catalog: Connect to AWS…');
      const picker = page.locator('.quick-input-widget');
      for (const entry of ['Sandbox', 'Default credential chain', 'Sign in with IAM Identity Center']) {
        await picker.locator('.quick-input-list .monaco-list-row', { hasText: entry }).waitFor({ timeout: 15_000 });
      }
      const list = await colours(picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Sandbox' }).locator('.label-name').first());
      assert.notEqual(list.color, list.background, `${theme.name}: the picker's entries are drawn`);
      await wb.screenshot(`theme-${theme.name}-connect`);
      await page.keyboard.press('Escape');
      await picker.waitFor({ state: 'hidden' });
    }
  });

  it("shows an update form's stale banner and its Reload in every theme", async () => {
    const page = wb.page;
    // Select the row first, as a person does: the test above leaves a tag row selected and a form focused.
    await row('dev-box-alice').click();
    await row('dev-box-alice').click({ button: 'right' });
    await pickMenuItem(page, 'Update Provisioned Product…');
    const update = activeForm(page);
    await update.locator('#param-InstanceType').waitFor({ timeout: 30_000 });
    await update.locator('.actions vscode-button', { hasText: 'Update' }).click();
    const banner = update.locator('.banner', { hasText: 'Your update' });
    await banner.waitFor({ timeout: 30_000 });
    for (const theme of THEMES) { // from the theme the test above ended in
      await useTheme(theme, update);
      const drawn = await colours(banner);
      assert.notEqual(drawn.borderLeft, drawn.background, `${theme.name}: the banner's edge is drawn (${drawn.borderLeft} on ${drawn.background})`);
      assert.notEqual(drawn.color, drawn.background, `${theme.name}: the banner's text is drawn`);
      assert.ok(await banner.locator('vscode-button.reload', { hasText: 'Reload' }).isVisible(), `${theme.name}: Reload is offered`);
      await wb.screenshot(`theme-${theme.name}-stale`);
    }
  });
});
