// Steps the form checks share, done with the keyboard as a user would.
import type { FrameLocator, Page } from 'playwright-core';

/** In the provision form: searches the catalog for `productName`, then picks the one match. */
export async function chooseProductBySearch(page: Page, form: FrameLocator, productName: string): Promise<void> {
  await form.locator('#product-search').click();
  await page.keyboard.type(productName);
  await form.locator('text=/^1 product$/').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}
