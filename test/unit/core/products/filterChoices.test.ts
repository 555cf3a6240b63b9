// The filter's pick list: statuses from the one status table, listed products and types, each as the
// SearchQuery term it sends, combined with the other terms of the filter in use.
import * as assert from 'node:assert/strict';
import { filterChoices, filteredStatus, filterTerms, MAX_PRODUCT_CHOICES, searchTerm, withTerm } from '../../../../src/core/products/filterChoices';
import { PRODUCT_STATUSES } from '../../../../src/core/statuses';

describe('filter choices', () => {
  it('offers every status, failures first, as status:VALUE', () => {
    const statuses = filterChoices('', []).filter((c) => c.field === 'status');
    assert.deepEqual(statuses.map((c) => c.query), ['status:ERROR', 'status:TAINTED', 'status:UNDER_CHANGE', 'status:PLAN_IN_PROGRESS', 'status:AVAILABLE']);
    assert.deepEqual(new Set(statuses.map((c) => c.value)), new Set(PRODUCT_STATUSES));
  });

  it('offers the listed products once each, by name, and types only where they are mixed', () => {
    const rows = [
      { ProductName: 'Web site', Type: 'CFN_STACK' }, { ProductName: 'Analytics', Type: 'CFN_STACK' }, { ProductName: 'Web site', Type: 'CFN_STACK' }, {},
    ];
    const choices = filterChoices('', rows);
    assert.deepEqual(choices.filter((c) => c.field === 'productName').map((c) => c.query), ['productName:Analytics', 'productName:"Web site"']);
    assert.deepEqual(choices.filter((c) => c.field === 'type'), []);
    const mixed = filterChoices('', [...rows, { ProductName: 'Logs', Type: 'TERRAFORM_OPEN_SOURCE' }]);
    assert.deepEqual(mixed.filter((c) => c.field === 'type').map((c) => c.query), ['type:CFN_STACK', 'type:TERRAFORM_OPEN_SOURCE']);
  });

  it('offers at most MAX_PRODUCT_CHOICES products', () => {
    const rows = Array.from({ length: MAX_PRODUCT_CHOICES + 5 }, (_, i) => ({ ProductName: `p${String(i).padStart(3, '0')}` }));
    assert.equal(filterChoices('', rows).filter((c) => c.field === 'productName').length, MAX_PRODUCT_CHOICES);
  });

  it('keeps the other terms of the filter and replaces one on the same field', () => {
    assert.equal(withTerm('productName:web', 'status', 'ERROR'), 'productName:web status:ERROR');
    assert.equal(withTerm('Status:AVAILABLE orders name:"my app"', 'status', 'ERROR'), 'orders name:"my app" status:ERROR');
    assert.equal(filterChoices('status:TAINTED web', []).find((c) => c.value === 'ERROR')?.query, 'web status:ERROR');
  });

  it('leaves out a product name SearchQuery cannot spell (a quote) rather than offer another name', () => {
    const rows = [{ ProductName: 'say "hi" there' }, { ProductName: 'Logs' }];
    assert.deepEqual(filterChoices('', rows).filter((c) => c.field === 'productName').map((c) => c.query), ['productName:Logs']);
  });

  it('splits terms as the service does, quotes values with spaces, and reads the status asked for', () => {
    assert.deepEqual(filterTerms(' a  name:"x y" "free text" '), ['a', 'name:"x y"', '"free text"']);
    assert.equal(searchTerm('productName', 'Static Website'), 'productName:"Static Website"');
    assert.equal(searchTerm('productName', 'web'), 'productName:web');
    assert.equal(filteredStatus('web status:error'), 'ERROR');
    assert.equal(filteredStatus('web'), undefined);
  });
});
