// A detail merged into a listed row: tags (only in the listing) are marked outdated once a newer record ran.
import * as assert from 'node:assert/strict';
import { mergeDetail, type ProductRow } from '../../../../src/core/products/productRow';

describe('product rows', () => {
  const row: ProductRow = { Id: 'pp-1', Status: 'AVAILABLE', LastRecordId: 'rec-1', Tags: [{ Key: 'Team', Value: 'a' }] };

  it('keeps the tags as current while the last record is the same', () => {
    const merged = mergeDetail(row, { Id: 'pp-1', Status: 'AVAILABLE', LastRecordId: 'rec-1' });
    assert.equal(merged.tagsOutdated, false);
    assert.deepEqual(merged.Tags, row.Tags);
  });

  it('marks them outdated once another record ran, until a listing replaces the row', () => {
    const merged = mergeDetail(row, { Id: 'pp-1', Status: 'UNDER_CHANGE', LastRecordId: 'rec-2' });
    assert.equal(merged.tagsOutdated, true);
    assert.equal(mergeDetail(merged, { Id: 'pp-1', Status: 'AVAILABLE', LastRecordId: 'rec-2' }).tagsOutdated, true, 'stays outdated');
  });
});
