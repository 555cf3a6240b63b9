import * as assert from 'node:assert/strict';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { lastSuccessfulProvisioning, outputSourceNote } from '../../../../src/core/products/outputSource';

describe('where outputs come from', () => {
  it('picks the newest succeeded provisioning or update, whatever the page order', () => {
    const at = (iso: string) => new Date(iso);
    const records: RecordDetail[] = [
      { RecordId: 'rec-action', RecordType: 'EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION', Status: 'SUCCEEDED', CreatedTime: at('2026-11-30T10:00:00Z') },
      { RecordId: 'rec-p', RecordType: 'PROVISION_PRODUCT', Status: 'SUCCEEDED', CreatedTime: at('2026-11-01T10:00:00Z') },
      { RecordId: 'rec-failed', RecordType: 'UPDATE_PROVISIONED_PRODUCT', Status: 'FAILED', CreatedTime: at('2026-11-29T10:00:00Z') },
      { RecordId: 'rec-u', RecordType: 'UPDATE_PROVISIONED_PRODUCT', Status: 'SUCCEEDED', CreatedTime: at('2026-11-20T10:00:00Z') },
    ];
    assert.equal(lastSuccessfulProvisioning(records)?.RecordId, 'rec-u');
    assert.equal(lastSuccessfulProvisioning(records.slice(0, 1)), undefined);
  });

  it('says which record the outputs are from, and nothing for current ones', () => {
    assert.equal(outputSourceNote({ kind: 'current' }), undefined);
    assert.match(outputSourceNote({ kind: 'record', recordId: 'rec-abc', time: new Date('2026-11-20T10:00:00Z') })!, /^from record rec-abc of .*2026/);
    assert.match(outputSourceNote({ kind: 'noRecord' })!, /no successful provisioning record/);
  });
});
