// Steps the form checks share, done with the keyboard as a user would.
import type { FrameLocator, Page } from 'playwright-core';

/** In the provision form: searches the catalog for `productName`; the one match is chosen by the search. */
export async function chooseProductBySearch(page: Page, form: FrameLocator, productName: string): Promise<void> {
  await form.locator('#product-search').click();
  await page.keyboard.type(productName);
  await form.locator(`text=/^1 product matches: ${productName} is chosen\\.$/`).waitFor();
  await form.locator('#version').waitFor();
}
