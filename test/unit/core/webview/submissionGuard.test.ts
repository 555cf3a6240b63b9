// One idempotency token per user action: a retry of the same content reuses it, a success ends it.
import * as assert from 'node:assert/strict';
import { SubmissionGuard } from '../../../../src/core/webview/submissionGuard';

describe('SubmissionGuard', () => {
  it('reuses a token after a failure and makes a new one after a success', async () => {
    let n = 0;
    const guard = new SubmissionGuard(() => `token-${++n}`);
    const used: string[] = [];
    await assert.rejects(guard.run('submit', { a: 1 }, async (t) => (used.push(t), Promise.reject(new Error('timeout')))));
    await guard.run('submit', { a: 1 }, async (t) => void used.push(t));
    await guard.run('submit', { a: 1 }, async (t) => void used.push(t));
    assert.deepEqual(used, ['token-1', 'token-1', 'token-2']);
  });
});
