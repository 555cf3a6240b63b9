// How the tree orders and groups provisioned products.
import * as assert from 'node:assert/strict';
import { groupKey, groupProducts, sortByName, STATUS_ORDER } from '../../../../src/core/products/productGroups';
import type { ProductRow } from '../../../../src/core/products/productRow';

const p = (row: ProductRow) => ({ row });
const names = (products: readonly { row: ProductRow }[]) => products.map((x) => x.row.Name);

describe('product grouping and sorting', () => {
  it('sorts by name with numbers in order, case ignored, unnamed first', () => {
    const sorted = sortByName([p({ Name: 'web-10' }), p({ Name: 'Web-2' }), p({ Name: 'api' }), p({}), p({ Name: 'web-1' })]);
    assert.deepEqual(names(sorted), [undefined, 'api', 'web-1', 'Web-2', 'web-10']);
  });

  it('does not reorder what it is given', () => {
    const given = [p({ Name: 'b' }), p({ Name: 'a' })];
    sortByName(given);
    assert.deepEqual(names(given), ['b', 'a']);
  });

  it('groups by status: failures first, unknown statuses before them, members by name', () => {
    const groups = groupProducts([
      p({ Name: 'c', Status: 'AVAILABLE' }), p({ Name: 'b', Status: 'ERROR' }), p({ Name: 'a', Status: 'AVAILABLE' }),
      p({ Name: 'd', Status: 'UNDER_CHANGE' }), p({ Name: 'e', Status: 'TAINTED' }), p({ Name: 'f' }),
    ], 'status');
    assert.deepEqual(groups.map((g) => g.key), ['UNKNOWN', 'ERROR', 'TAINTED', 'UNDER_CHANGE', 'AVAILABLE']);
    assert.deepEqual(names(groups.at(-1)!.members), ['a', 'c']);
    assert.deepEqual(STATUS_ORDER, ['ERROR', 'TAINTED', 'UNDER_CHANGE', 'PLAN_IN_PROGRESS', 'AVAILABLE']);
  });

  it('groups by product name (its id without one), alphabetically', () => {
    const groups = groupProducts([
      p({ Name: 'z', ProductName: 'Static website' }), p({ Name: 'y', ProductId: 'prod-123' }),
      p({ Name: 'x', ProductName: 'Container service' }), p({ Name: 'w', ProductName: 'Static website' }), p({ Name: 'v' }),
    ], 'product');
    assert.deepEqual(groups.map((g) => g.key), ['?', 'Container service', 'prod-123', 'Static website']);
    assert.deepEqual(names(groups.find((g) => g.key === 'Static website')!.members), ['w', 'z']);
  });

  it('keeps the objects it was given (the tree\'s nodes)', () => {
    const node = p({ Name: 'a', Status: 'ERROR' });
    assert.equal(groupProducts([node], 'status')[0].members[0], node);
    assert.equal(groupKey({ Status: 'ERROR', ProductName: 'X' }, 'product'), 'X');
    assert.equal(groupKey({ ProductName: 'X' }, 'status'), 'UNKNOWN');
  });
});
