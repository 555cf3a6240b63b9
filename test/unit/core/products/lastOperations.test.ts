// Which operation runs on a busy product, from its last record: read once per record, only for busy
// rows, never twice at once, retried after a failure only at the next listing, and said only while
// the row still names that record.
import * as assert from 'node:assert/strict';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { LastOperations } from '../../../../src/core/products/lastOperations';
import type { ProductRow } from '../../../../src/core/products/productRow';

const created = new Date('2026-12-01T14:02:00Z');
const record = (id: string, pp: string): RecordDetail => ({ RecordId: id, ProvisionedProductId: pp, RecordType: 'UPDATE_PROVISIONED_PRODUCT', CreatedTime: created, Status: 'IN_PROGRESS' });

function harness(fail = new Set<string>()) {
  const asked: string[] = [];
  const redrawn: string[][] = [];
  const errors: string[] = [];
  const ops = new LastOperations(
    async (id) => {
      asked.push(id);
      if (fail.has(id)) throw new Error('AccessDenied');
      return record(id, `pp-${id.slice(4)}`);
    },
    (ids) => redrawn.push(ids),
    (id) => errors.push(id),
  );
  return { ops, asked, redrawn, errors };
}

const busy: ProductRow = { Id: 'pp-1', Status: 'UNDER_CHANGE', LastRecordId: 'rec-1' };

describe('last operations of busy products', () => {
  it('reads the last record of a busy row once, and tells which product to draw again', async () => {
    const { ops, asked, redrawn } = harness();
    await Promise.all([ops.readMissing([busy, { Id: 'pp-2', Status: 'AVAILABLE', LastRecordId: 'rec-2' }]), ops.readMissing([busy])]);
    await ops.readMissing([busy]);
    assert.deepEqual(asked, ['rec-1'], 'one DescribeRecord, none for the settled row');
    assert.deepEqual(redrawn, [['pp-1']]);
    assert.deepEqual(ops.of(busy), { recordId: 'rec-1', provisionedProductId: 'pp-1', recordType: 'UPDATE_PROVISIONED_PRODUCT', createdTime: created, recordStatus: 'IN_PROGRESS' });
    assert.equal(ops.reads, 1);
  });

  it('says nothing once the row settles or names another record', async () => {
    const { ops } = harness();
    await ops.readMissing([busy]);
    assert.equal(ops.of({ ...busy, Status: 'AVAILABLE' }), undefined);
    assert.equal(ops.of({ ...busy, LastRecordId: 'rec-9' }), undefined);
    assert.equal(ops.of({ ...busy, Id: 'pp-other' }), undefined, 'a record of another product');
  });

  it('names no operation while a plan is created: the last record is an older, finished one, and is not read', async () => {
    const asked: string[] = [];
    const finishedAction: RecordDetail = { ...record('rec-1', 'pp-1'), RecordType: 'EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION', Status: 'SUCCEEDED' };
    const ops = new LastOperations(async (id) => (asked.push(id), finishedAction), () => undefined);
    const planning: ProductRow = { ...busy, Status: 'PLAN_IN_PROGRESS' };
    await ops.readMissing([planning]);
    assert.deepEqual(asked, [], 'no DescribeRecord for a plan in progress');
    ops.note({ ...finishedAction, Status: 'IN_PROGRESS' });
    assert.equal(ops.of(planning), undefined, 'even an unfinished record: a plan makes none');
  });

  it('names no operation from a finished record, nor from a record type its status does not run', async () => {
    const { ops } = harness();
    ops.note({ ...record('rec-1', 'pp-1'), Status: 'SUCCEEDED' });
    assert.equal(ops.of(busy), undefined, 'a finished record');
    for (const status of ['CREATED', 'IN_PROGRESS', 'IN_PROGRESS_IN_ERROR'] as const) {
      ops.note({ ...record('rec-1', 'pp-1'), Status: status });
      assert.equal(ops.of(busy)?.recordStatus, status, 'the latest status read elsewhere');
    }
    ops.note({ ...record('rec-1', 'pp-1'), Status: 'FAILED' });
    assert.equal(ops.of(busy), undefined, 'the record ended since');
    ops.note({ ...record('rec-1', 'pp-1'), RecordType: 'SOMETHING_ELSE' });
    assert.equal(ops.of(busy), undefined, 'a type no UNDER_CHANGE operation has');
  });

  it('says nothing when the record cannot be read, and tries again only after retryFailed', async () => {
    const { ops, asked, errors } = harness(new Set(['rec-1']));
    await ops.readMissing([busy]);
    await ops.readMissing([busy]);
    assert.deepEqual(asked, ['rec-1']);
    assert.deepEqual(errors, ['rec-1']);
    assert.equal(ops.of(busy), undefined);
    ops.retryFailed();
    await ops.readMissing([busy]);
    assert.deepEqual(asked, ['rec-1', 'rec-1']);
  });

  it('takes a record read elsewhere without a call', async () => {
    const { ops, asked } = harness();
    ops.note(record('rec-1', 'pp-1'));
    await ops.readMissing([busy]);
    assert.deepEqual(asked, []);
    assert.equal(ops.of(busy)?.recordType, 'UPDATE_PROVISIONED_PRODUCT');
  });

  it('forgets everything on clear, and a read of the connection before lands nowhere', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ops = new LastOperations(async (id) => (await gate, record(id, 'pp-1')), () => assert.fail('no redraw after clear'));
    const reading = ops.readMissing([busy]);
    ops.clear();
    release();
    await reading;
    assert.equal(ops.of(busy), undefined);
  });
});
