// The tree and a provision form with an invalid field in the four kinds of theme VS Code ships (dark,
// light, high contrast dark and light): the Error and Tainted icons keep a colour of their own and the
// invalid field is marked apart from a valid one. Screenshots: test-results/theme-<kind>.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { useWorkbench } from './harness';
import { chooseProductBySearch } from './formSteps';

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

describe('themes: tree and form in dark, light and both high-contrast themes (e2e)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' }, pagePer: 'suite' });

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
    const row = (name: string) => page.locator('.pane-body [role=treeitem]', { hasText: name }).first();
    await row('analytics-cluster').waitFor({ timeout: 60_000 });

    await page.locator('.action-label[aria-label^="Provision Product"]').first().click();
    const form = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
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
});
