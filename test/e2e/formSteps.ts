// Steps the form checks share, done with the keyboard as a user would.
import type { FrameLocator, Page } from 'playwright-core';

/** In the provision form: searches the catalog for `productName`; the one match is chosen by the search. */
export async function chooseProductBySearch(page: Page, form: FrameLocator, productName: string): Promise<void> {
  await form.locator('#product-search').click();
  await page.keyboard.type(productName);
  // The name goes into a regular expression: its special characters ("Analytics Cluster (beta)") as themselves.
  const name = productName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  await form.locator(`text=/^1 product matches: ${name} is chosen\\.$/`).waitFor();
  await form.locator('#version').waitFor();
}

/** In the provision form: picks the second value of each TagOption dropdown with the keyboard. */
export async function pickTagOptions(page: Page, form: FrameLocator, keys: readonly string[] = ['CostCenter', 'Environment']): Promise<void> {
  for (const key of keys) {
    await form.locator(`#tagoption-${key}`).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  }
}

/** As pickTagOptions, then submits with Ctrl+Enter and returns the record id the form's result shows. */
export async function pickTagOptionsAndSubmit(page: Page, form: FrameLocator, keys?: readonly string[]): Promise<string> {
  await pickTagOptions(page, form, keys);
  await page.keyboard.press('Control+Enter');
  const recordId = form.locator('.record-id');
  await recordId.waitFor({ timeout: 30_000 });
  return ((await recordId.textContent()) ?? '').trim();
}

/** The form shown last: the webview of the active editor (a hidden one stays in the page). */
export function activeForm(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Opens a form with `open` and waits for `ready` inside it; a web webview sometimes misses its first load, so once more. */
export async function openForm(page: Page, open: () => Promise<void>, ready: string): Promise<FrameLocator> {
  for (let attempt = 1; ; attempt++) {
    await open();
    const form = activeForm(page);
    try {
      await form.locator(ready).first().waitFor({ timeout: 30_000 });
      return form;
    } catch (error) {
      if (attempt === 2) throw error;
      await closeEditors(page);
    }
  }
}

/** Closes every editor with its tab's close button (keys may go to a focused webview instead). */
export async function closeEditors(page: Page): Promise<void> {
  const tabs = page.locator('.tabs-container .tab');
  while ((await tabs.count()) > 0) {
    const before = await tabs.count();
    await tabs.first().hover();
    await tabs.first().locator('.tab-actions .action-label').click();
    for (let i = 0; i < 50 && (await tabs.count()) >= before; i++) await page.waitForTimeout(100);
  }
}
