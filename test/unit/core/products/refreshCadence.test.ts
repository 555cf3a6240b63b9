import * as assert from 'node:assert/strict';
import { autoRefreshIntervalMs, BACKGROUND_SLOWDOWN } from '../../../../src/core/products/refreshCadence';

describe('auto-refresh cadence', () => {
  it('polls at the configured interval while the window is focused', () => {
    assert.equal(autoRefreshIntervalMs(5000, true), 5000);
  });

  it('polls several times less often while the window is in the background', () => {
    assert.ok(BACKGROUND_SLOWDOWN > 1);
    assert.equal(autoRefreshIntervalMs(5000, false), 5000 * BACKGROUND_SLOWDOWN);
  });
});
