// What a person sees under a stack product: its Resources folder opened, one row per resource with
// its type, status and status icon, the reason on hover. Screenshots go to test-results/.
import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';

/** Drags the side bar's edge so descriptions (type · status) are readable in the screenshots. */
async function widenSideBar(page: import('playwright-core').Page, width: number): Promise<void> {
  const box = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  if (!box) return;
  const edge = { x: box.x + box.width - 1, y: box.y + box.height / 2 };
  await page.mouse.move(edge.x, edge.y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, edge.y, { steps: 8 });
  await page.mouse.up();
}

describe('stack resources in the tree (browser)', () => {
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox', SANDBOX_TIME_SCALE: '1' }, pagePer: 'suite' });
  const rows = () => wb.page.locator('.pane-body [role=treeitem]');
  const row = (text: string | RegExp) => rows().filter({ hasText: text }).first();

  /** Selects a row and opens it with the keyboard (a click on a product would run its default command). */
  async function expand(text: string | RegExp, child: string | RegExp): Promise<void> {
    await row(text).click();
    await wb.page.keyboard.press('ArrowRight');
    await row(child).waitFor({ timeout: 30_000 });
  }

  it('opens a product\'s Resources: logical ids, type and status, a status icon each', async () => {
    await wb.openViewContainer('Service Catalog');
    await widenSideBar(wb.page, 620);
    await row('orders-service').waitFor({ timeout: 30_000 });
    await expand('orders-service', /^Resources/);
    await expand(/^Resources/, /AWS::[A-Za-z0-9]+::[A-Za-z0-9]+ · /);
    const resourceRows = rows().filter({ hasText: /AWS::[A-Za-z0-9]+::[A-Za-z0-9]+ · / });
    const count = await resourceRows.count();
    assert.ok(count > 0, 'resource rows');
    const icons = await wb.page.locator('.pane-body [role=treeitem] .codicon-pass, .pane-body [role=treeitem] .codicon-error, .pane-body [role=treeitem] .codicon-sync').count();
    assert.ok(icons >= count, `a status icon per resource (${icons} for ${count})`);
    assert.equal(await row('Could not load').count(), 0, 'no failure row');
    await wb.screenshot('stack-resources');
  });

  it('shows a resource\'s physical id and status on hover', async () => {
    const first = rows().filter({ hasText: /AWS::[A-Za-z0-9]+::[A-Za-z0-9]+ · / }).first();
    await first.hover();
    const hover = wb.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Physical id' }).first();
    await hover.waitFor({ timeout: 15_000 });
    assert.match(await hover.innerText(), /Status\s+[A-Z_]+/);
    await wb.screenshot('stack-resource-tooltip');
  });

  it('opens a failed product\'s Events: the failure first, with its reason', async () => {
    await wb.page.keyboard.press('Escape');
    // orders-service is still open from the tests above: close everything so the only Events folder
    // is analytics-cluster's (otherwise the first /^Events/ row may be orders-service's).
    await wb.page.locator('.part.sidebar [aria-label^="Collapse All"]').first().click();
    await row(/^Events/).waitFor({ state: 'detached', timeout: 15_000 });
    await expand('analytics-cluster', /^Events/);
    await row(/^Events/).click();
    await wb.page.keyboard.press('ArrowRight');
    const failed = rows().filter({ hasText: / failed · / });
    await failed.first().waitFor({ timeout: 30_000 });
    const labels = await rows().evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const events = labels.slice(labels.findIndex((l) => l.startsWith('Events')) + 1).filter((l) => / · /.test(l) && !/^(Recent records|reporting-db)/.test(l));
    assert.match(events[0] ?? '', /failed/i, `the first event is a failure: ${events.slice(0, 3).join(' | ')}`);
    await wb.screenshot('stack-events-failed');
  });
});
