// The record log keeps the lines of running records in a store so a resumed record re-prints them. VS
// Code's global state can hand back an older copy than the one last written (an echo of an earlier
// flush); a resume in the same window must still re-print every line this window wrote.
import { strict as assert } from 'node:assert';
import { RecordLog } from '../../../src/records/recordLog';

/** A store whose reads return the value written `lag` writes ago, as a lagging echo does. */
function laggingStore(lag: number) {
  const written: unknown[] = [];
  return {
    get: <T>() => (written.length > lag ? written[written.length - 1 - lag] : undefined) as T | undefined,
    update: (_key: string, value: unknown) => {
      written.push(JSON.parse(JSON.stringify(value)));
      return Promise.resolve();
    },
    written,
  };
}

describe('record log: lines kept for a resumed record', () => {
  const sink = () => {
    const out: string[] = [];
    return { out, sink: { info: (t: string) => out.push(t), warn: (t: string) => out.push(t), error: (t: string) => out.push(t) } };
  };

  it('re-prints every line this window wrote for the record, though the store hands back an older copy', () => {
    const store = laggingStore(1);
    const { out, sink: lines } = sink();
    const log = new RecordLog(lines, 100, store);
    log.write([{ level: 'info', text: 'rec-1 · CREATED' }], 'rec-1');
    log.write([{ level: 'info', text: 'rec-1 → IN_PROGRESS' }], 'rec-1');
    out.length = 0;
    log.replay('rec-1');
    assert.equal(out.length, 2, out.join('\n'));
    assert.match(out[0], /^earlier, .* · rec-1 · CREATED$/);
    assert.match(out[1], /^earlier, .* · rec-1 → IN_PROGRESS$/);
  });

  it('a new window reads what an earlier one stored, and forgetting a record removes its lines from the store', () => {
    const store = laggingStore(0);
    new RecordLog(sink().sink, 100, store).write([{ level: 'warn', text: 'rec-2 → IN_PROGRESS_IN_ERROR' }], 'rec-2');
    const { out, sink: lines } = sink();
    const next = new RecordLog(lines, 100, store);
    next.replay('rec-2');
    assert.deepEqual(out.map((l) => l.replace(/^earlier, \S+ · /, '')), ['rec-2 → IN_PROGRESS_IN_ERROR']);
    next.forget('rec-2');
    assert.deepEqual(store.written.at(-1), {});
  });
});
