// A spec file in the real web workbench, checked against the sandbox's catalog: the template's
// constraint underlined and listed in Problems, the allowed values offered as completions, and the
// CodeLenses over the file and over its provisioned product.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { useWorkbench } from './harness';

const FILE = 'docs.servicecatalog.yaml';
// Ends after "Environment: " so the cursor at the end of the file is where its value goes.
const SPEC = 'provisionedProducts:\n  - name: docs-site\n    product: Static Website\n    version: v2.0\n    parameters:\n      BucketName: Docs_Site\n      Environment: ';

function workspaceWithSpec(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sce-e2e-spec-'));
  fs.writeFileSync(path.join(dir, FILE), SPEC);
  return dir;
}

describe('spec file (e2e)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox' }, workspace: workspaceWithSpec() });

  it('underlines a constraint the value breaks, lists it in Problems, completes allowed values and shows the CodeLenses', async () => {
    const page = wb.page;
    await page.keyboard.press('Control+p');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(FILE);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: FILE }).first().waitFor();
    await input.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });

    // Diagnostics need the catalog: the sandbox connects on its own, then the squiggle shows.
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 90_000 });
    const lenses = editor.locator('.contentWidgets .codelens-decoration');
    await lenses.filter({ hasText: 'Apply All' }).first().waitFor({ timeout: 30_000 });
    const lensText = (await lenses.allTextContents()).join(' | ');
    for (const title of ['Apply All', 'Preview All', 'not provisioned', 'Preview changes', 'Apply']) assert.ok(lensText.includes(title), `${title} in ${lensText}`);

    await wb.runCommand('View: Focus Problems');
    const problems = page.locator('.markers-panel');
    await problems.locator('.monaco-list-row', { hasText: 'must be 3-63 lowercase' }).first().waitFor({ timeout: 30_000 });

    // Back in the editor, at the Environment value: its allowed values.
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.editor-widget.suggest-widget.visible');
    await suggestions.waitFor({ timeout: 30_000 });
    await suggestions.locator('.monaco-list-row', { hasText: 'staging' }).first().waitFor({ timeout: 30_000 });
    const offered = (await suggestions.locator('.monaco-list-row .label-name').allTextContents()).map((t) => t.trim());
    for (const value of ['dev', 'staging', 'prod']) assert.ok(offered.includes(value), `${value} in ${offered.join(', ')}`);
    await wb.screenshot('spec-file-problems-completions-codelens');
  });
});
