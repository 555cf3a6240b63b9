// Steps the form checks share, done with the keyboard as a user would.
import type { FrameLocator, Page } from 'playwright-core';

/** In the provision form: searches the catalog for `productName`; the one match is chosen by the search. */
export async function chooseProductBySearch(page: Page, form: FrameLocator, productName: string): Promise<void> {
  await form.locator('#product-search').click();
  await page.keyboard.type(productName);
  await form.locator(`text=/^1 product matches: ${productName} is chosen\\.$/`).waitFor();
  await form.locator('#version').waitFor();
}

/**
 * In the provision form: picks the second value of each TagOption dropdown with the keyboard, submits
 * with Ctrl+Enter, and returns the record id the form's result shows.
 */
export async function pickTagOptionsAndSubmit(page: Page, form: FrameLocator, keys: readonly string[] = ['CostCenter', 'Environment']): Promise<string> {
  for (const key of keys) {
    await form.locator(`#tagoption-${key}`).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Control+Enter');
  const recordId = form.locator('.record-id');
  await recordId.waitFor({ timeout: 30_000 });
  return ((await recordId.textContent()) ?? '').trim();
}
