// Every form (provision, update, self-service action) in the real web workbench, in the dark and the
// light theme: each is built from the live catalog, follows VS Code's theme, and is screenshotted
// (test-results/form-<kind>-<theme>.png) so a person can look at them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { pickMenuItem, useWorkbench } from './harness';
import { chooseProductBySearch, closeEditors, openForm } from './formSteps';

const THEMES = [
  { name: 'dark', colorTheme: 'Default Dark Modern', bodyClass: 'vscode-dark' },
  { name: 'light', colorTheme: 'Default Light Modern', bodyClass: 'vscode-light' },
] as const;

describe('forms in both themes (e2e)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' }, pagePer: 'suite' });

  async function useTheme(colorTheme: string, bodyClass: string): Promise<void> {
    const settings = path.join(wb.workspace, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({ 'workbench.colorTheme': colorTheme }));
    const themeClass = bodyClass === 'vscode-light' ? 'vs' : 'vs-dark';
    await wb.page.locator(`.monaco-workbench.${themeClass}`).waitFor({ timeout: 30_000 });
  }

  async function rightClickAction(product: string, action: string): Promise<void> {
    await wb.page.keyboard.press('Escape');
    await wb.page.locator('.pane-body [role=treeitem]', { hasText: product }).first().click({ button: 'right' });
    await pickMenuItem(wb.page, action);
  }

  async function expectTheme(form: FrameLocator, bodyClass: string): Promise<void> {
    const classes = (await form.locator('body').getAttribute('class')) ?? '';
    assert.ok(classes.split(/\s+/).includes(bodyClass), `webview body follows the theme: "${classes}"`);
  }

  for (const theme of THEMES) {
    it(`shows the provision, update and action forms in the ${theme.name} theme`, async () => {
      const page = wb.page;
      await wb.openViewContainer('Service Catalog');
      await page.locator('.pane-body [role=treeitem]', { hasText: 'web-marketing-site' }).first().waitFor({ timeout: 60_000 });
      await useTheme(theme.colorTheme, theme.bodyClass);

      // Provision: product chosen by search, its parameters with defaults and constraints.
      let form = await openForm(page, () => page.locator('.action-label[aria-label^="Provision Product"]').first().click(), '#product-search');
      await chooseProductBySearch(page, form, 'Static Website');
      await form.locator('#param-BucketName').waitFor({ timeout: 30_000 });
      await expectTheme(form, theme.bodyClass);
      await wb.screenshot(`form-provision-${theme.name}`);
      await closeEditors(page);

      // Update: prefilled from the product's current version, each parameter able to keep its value.
      form = await openForm(page, () => rightClickAction('web-marketing-site', 'Update Provisioned Product…'), '#param-BucketName');
      assert.match((await form.locator('h1').first().textContent()) ?? '', /web-marketing-site/);
      await expectTheme(form, theme.bodyClass);
      await wb.screenshot(`form-update-${theme.name}`);
      // The value the stack runs with (DescribeStacks) is the one shown as current, never a made-up one.
      const environment = form.locator('vscode-single-select#param-Environment');
      // What the closed select displays lives in its shadow root.
      const shown = async () => (await environment.evaluate((el) => el.shadowRoot?.textContent ?? '')).replace(/\s+/g, ' ');
      assert.match(await shown(), /^\s*prod\b/);
      assert.doesNotMatch(await shown(), /Current value \(unchanged\)/);
      await closeEditors(page);

      // Self-service action: the version's actions, the chosen one's parameters.
      form = await openForm(page, () => rightClickAction('web-marketing-site', 'Run Self-Service Action…'), '[id^="action-param-"]');
      assert.match((await form.locator('h1').first().textContent()) ?? '', /Run an action on web-marketing-site/);
      await expectTheme(form, theme.bodyClass);
      await wb.screenshot(`form-action-${theme.name}`);
      await closeEditors(page);
    });
  }
});
