// The filter banner: quotes around the filter only when it has none of its own, and service text inert.
import * as assert from 'node:assert/strict';
import { filterBanner } from '../../../../src/core/products/filterBanner';

describe('filter banner', () => {
  it('quotes a filter without quotes of its own', () => {
    assert.equal(filterBanner('status:ERROR'), 'Filtered by "status:ERROR"');
    assert.equal(filterBanner('orders'), 'Filtered by "orders"');
  });

  it('does not nest quotes around a filter that has them', () => {
    assert.equal(filterBanner('productName:"Container Service"'), 'Filtered by productName:"Container Service"');
    assert.equal(filterBanner('productName:"Container Service" status:ERROR'), 'Filtered by productName:"Container Service" status:ERROR');
  });

  it('shows a product name from the service inert: one line, no control characters', () => {
    assert.equal(filterBanner('productName:"Web\nsite\u202e"'), 'Filtered by productName:"Web site"');
  });
});
