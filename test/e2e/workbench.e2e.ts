// First e2e check: the workbench of a real VS Code loads with our extension under development.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { useWorkbench } from './harness';

describe('workbench', () => {
  const wb = useWorkbench();

  it('loads as the Extension Development Host', async () => {
    assert.match(await wb.page.title(), /\[Extension Development Host\]/);
    await wb.page.locator('.activitybar').waitFor();
    const shot = await wb.screenshot('workbench-loaded');
    assert.ok(shot && fs.existsSync(shot), 'screenshot saved');
  });
});
