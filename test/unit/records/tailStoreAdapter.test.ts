import { strict as assert } from 'node:assert';
import type { RecordStatus } from '@aws-sdk/client-service-catalog';
import { RecordTailer, type PersistedTail } from '../../../src/core/records';
import { VirtualClock } from '../../support/virtualClock';
import { MementoTailStore, TAIL_LEASE_MS, tailStoreKey, type MementoLike } from '../../../src/records/tailStoreAdapter';

/** Like VS Code's globalState: values are JSON-cloned on update. */
class FakeMemento implements MementoLike {
  readonly values = new Map<string, string>();
  updates = 0;
  get<T>(key: string): T | undefined {
    const json = this.values.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    this.updates++;
    this.values.set(key, JSON.stringify(value));
  }
}

const entry = (recordId: string, extra: Partial<PersistedTail> = {}): PersistedTail => ({ recordId, meta: { label: 'web' }, startedAtMs: 1000, ...extra });

describe('globalState TailStore adapter', () => {
  it('loads nothing from an empty memento and round-trips what it saved', async () => {
    const memento = new FakeMemento();
    const store = new MementoTailStore(memento, 'k');
    assert.deepEqual(store.load(), []);
    const saved = [entry('rec-1', { lastStatus: 'IN_PROGRESS' }), entry('rec-2', { finalReportedAtMs: 5000, lastStatus: 'SUCCEEDED' })];
    await store.save(saved);
    assert.deepEqual(store.load(), saved);
  });

  it('drops unreadable data instead of tailing it', async () => {
    const memento = new FakeMemento();
    await memento.update('k', [entry('rec-ok'), { recordId: '' }, { recordId: 'rec-no-start', meta: {} }, null, 'rec-x', { recordId: 'rec-no-meta', startedAtMs: 1 }]);
    assert.deepEqual(new MementoTailStore(memento, 'k').load().map((e) => e.recordId), ['rec-ok']);
    await memento.update('k', { not: 'an array' });
    assert.deepEqual(new MementoTailStore(memento, 'k').load(), []);
  });

  it('stores a copy: later changes to the caller\'s objects are not saved', async () => {
    const memento = new FakeMemento();
    const store = new MementoTailStore(memento, 'k');
    const mutable = { recordId: 'rec-1', meta: { label: 'before' }, startedAtMs: 1 };
    await store.save([mutable]);
    mutable.meta.label = 'after';
    assert.equal(store.load()[0].meta.label, 'before');
  });

  it('keeps the records of each connection apart', async () => {
    const sandboxKey = tailStoreKey({ kind: 'sandbox', endpoint: 'http://127.0.0.1:1', region: 'us-east-1', accessKeyId: 'a', secretAccessKey: 's' });
    const devKey = tailStoreKey({ kind: 'aws', profile: 'dev', region: 'eu-west-1' });
    const defaultKey = tailStoreKey({ kind: 'aws', region: 'eu-west-1' });
    assert.equal(new Set([sandboxKey, devKey, defaultKey]).size, 3);
    assert.equal(tailStoreKey({ kind: 'sandbox', endpoint: 'http://127.0.0.1:2', region: 'us-east-1', accessKeyId: 'a', secretAccessKey: 's' }), sandboxKey, 'a new sandbox port is the same sandbox');
    const memento = new FakeMemento();
    await new MementoTailStore(memento, devKey).save([entry('rec-dev')]);
    assert.deepEqual(new MementoTailStore(memento, sandboxKey).load(), []);
  });

  describe('shared by two windows', () => {
    let now = 0;
    const windowStore = (memento: MementoLike, owner: string) => new MementoTailStore(memento, 'k', { owner, now: () => now });

    it('a window saving its records keeps the other window\'s records', async () => {
      now = 1_000;
      const memento = new FakeMemento();
      const a = windowStore(memento, 'window-a');
      const b = windowStore(memento, 'window-b');
      await a.save([entry('rec-a')]);
      await b.save([entry('rec-b')]);
      await a.save([entry('rec-a', { lastStatus: 'IN_PROGRESS' })]);
      const everything = new MementoTailStore(memento, 'k').load();
      assert.deepEqual(everything.map((e) => e.recordId).sort(), ['rec-a', 'rec-b']);
      assert.equal(everything.find((e) => e.recordId === 'rec-a')?.lastStatus, 'IN_PROGRESS');
      assert.ok(everything.every((e) => !('owner' in e) && !('leaseUntilMs' in e)), 'ownership stays inside the store');
      await b.save([]);
      assert.deepEqual(new MementoTailStore(memento, 'k').load().map((e) => e.recordId), ['rec-a'], 'a window drops only its own');
    });

    it('a window adopts another\'s records only once that window stopped renewing its lease', async () => {
      now = 1_000;
      const memento = new FakeMemento();
      await windowStore(memento, 'window-a').save([entry('rec-a')]);
      const b = windowStore(memento, 'window-b');
      assert.deepEqual(b.load(), [], 'window A is alive: its record is not B\'s to follow');
      now += TAIL_LEASE_MS - 1;
      assert.deepEqual(b.load(), []);
      now += 1;
      assert.deepEqual(b.load().map((e) => e.recordId), ['rec-a'], 'A closed or crashed: B takes over');
      await b.save(b.load());
      assert.deepEqual(windowStore(memento, 'window-a').load(), [], 'and A, back later, leaves it to B');
    });

    it('a reloaded window resumes its own records at once', async () => {
      now = 1_000;
      const memento = new FakeMemento();
      await windowStore(memento, 'window-a').save([entry('rec-a')]);
      assert.deepEqual(windowStore(memento, 'window-a').load().map((e) => e.recordId), ['rec-a']);
    });

    it('with two tailers, each record is reported once, by the window that follows it', async () => {
      now = 0;
      let status: RecordStatus = 'IN_PROGRESS';
      const describeRecord = async (id: string) => ({ RecordDetail: { RecordId: id, Status: status } });
      const clock = new VirtualClock(0);
      const memento = new FakeMemento();
      const finals: string[] = [];
      const open = (owner: string) => {
        const tailer = new RecordTailer({ describeRecord, store: windowStore(memento, owner), clock, random: () => 0.5 });
        tailer.onFinal((id) => finals.push(`${owner}:${id}`));
        return tailer;
      };
      const a = open('a');
      const b = open('b');
      await a.resume();
      await b.resume();
      a.tail('rec-a', {}, { RecordId: 'rec-a', Status: 'CREATED' });
      b.tail('rec-b', {}, { RecordId: 'rec-b', Status: 'CREATED' });
      await clock.advanceBy(3_000);
      await Promise.all([a.flushStore(), b.flushStore()]);
      // Window B reloads while both records run: it must pick up its own record, not A's.
      b.dispose();
      const b2 = open('b');
      await b2.resume();
      assert.deepEqual(b2.activeRecordIds, ['rec-b']);
      status = 'SUCCEEDED';
      await clock.runUntil(() => finals.length === 2, 120_000);
      await clock.advanceBy(60_000);
      assert.deepEqual(finals.sort(), ['a:rec-a', 'b:rec-b']);
      a.dispose();
      b2.dispose();
    });
  });

  describe('with the RecordTailer across a restart', () => {
    let status: RecordStatus = 'IN_PROGRESS';
    const describeRecord = async (id: string) => ({
      RecordDetail: { RecordId: id, Status: status },
      RecordOutputs: [{ OutputKey: 'Url', OutputValue: 'https://example.com' }],
    });

    it('resumes a record after a restart mid-operation and reports its final status exactly once', async () => {
      status = 'IN_PROGRESS';
      const clock = new VirtualClock(0);
      const memento = new FakeMemento();
      const finals: string[] = [];
      const first = new RecordTailer({ describeRecord, store: new MementoTailStore(memento, 'k'), clock, random: () => 0.5 });
      first.onFinal((id) => finals.push(`first:${id}`));
      first.tail('rec-1', { recordType: 'TERMINATE_PROVISIONED_PRODUCT' }, { RecordId: 'rec-1', Status: 'CREATED' });
      await clock.advanceBy(3_000);
      await first.flushStore();
      assert.equal(new MementoTailStore(memento, 'k').load()[0].lastStatus, 'IN_PROGRESS', 'the last status is stored');
      first.dispose(); // the window reloads

      status = 'SUCCEEDED';
      const second = new RecordTailer({ describeRecord, store: new MementoTailStore(memento, 'k'), clock, random: () => 0.5 });
      second.onFinal((id) => finals.push(`second:${id}`));
      await second.resume();
      await clock.runUntil(() => finals.length > 0, 60_000);
      await second.flushStore();
      second.dispose();

      const third = new RecordTailer({ describeRecord, store: new MementoTailStore(memento, 'k'), clock, random: () => 0.5 });
      third.onFinal((id) => finals.push(`third:${id}`));
      await third.resume();
      await clock.advanceBy(60_000);
      assert.deepEqual(finals, ['second:rec-1']);
      assert.deepEqual(third.activeRecordIds, [], 'the tombstone keeps it from being tailed again');
      assert.ok(new MementoTailStore(memento, 'k').load()[0].finalReportedAtMs !== undefined);
      third.dispose();
    });
  });
});
