// The one notification at the end of an action: for several products, a part per product, and a failed
// part names its stack's first failed resource as the one-product notification does.
import { shownNotifications } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import * as assert from 'node:assert/strict';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { ActionProgress } from '../../../src/records/actionProgress';
import { setProgressSink } from '../../../src/ui/notifications';

const record = (id: string, status: 'SUCCEEDED' | 'FAILED', error?: string): RecordDetail => ({
  RecordId: id, RecordType: 'TERMINATE_PROVISIONED_PRODUCT', Status: status,
  ...(error ? { RecordErrors: [{ Code: 'DELETE_FAILED', Description: error }] } : {}),
});
const NOTE = 'First failed resource: Bucket (AWS::S3::Bucket) DELETE_FAILED: The bucket you tried to delete is not empty';

describe('action progress: the notification at the end', () => {
  const reported: string[] = [];
  before(() => setProgressSink(() => ({ report: (message: string) => void reported.push(message), end() {} })));
  after(() => setProgressSink(undefined));
  beforeEach(() => {
    shownNotifications.length = 0;
    reported.length = 0;
  });

  it('says each record\'s status in words while it runs, not the service\'s codes', () => {
    const action = new ActionProgress('Terminate 2 products');
    action.add('rec-a', 'site-a');
    action.add('rec-b', 'site-b', 'CREATED');
    action.update('rec-a', 'IN_PROGRESS_IN_ERROR');
    action.close();
    action.finish('rec-b', record('rec-b', 'SUCCEEDED'));
    assert.match(reported.at(-1) ?? '', /^site-a: In progress in error · site-b: Succeeded · \[Show Output\]\(command:/);
    assert.ok(reported.every((m) => !/[A-Z]{2,}_[A-Z]/.test(m)), reported.join('\n'));
  });

  it('names the first failed resource of each failed product in a summary of several', () => {
    const action = new ActionProgress('Terminate 2 products');
    action.add('rec-a', 'site-a');
    action.add('rec-b', 'site-b');
    action.close();
    action.finish('rec-a', record('rec-a', 'SUCCEEDED'), [], NOTE);
    action.finish('rec-b', record('rec-b', 'FAILED', 'The following resource(s) failed to delete: [Bucket].'), [], NOTE);
    assert.equal(shownNotifications.length, 1);
    const { level, message } = shownNotifications[0];
    assert.equal(level, 'error');
    assert.match(message, /^Terminate 2 products: 1 of 2 succeeded/);
    assert.match(message, /site-b failed \(record rec-b\)\. First failed resource: Bucket \(AWS::S3::Bucket\) DELETE_FAILED: The bucket/, 'named in place of the record error, which the output keeps');
    assert.equal(message.split('First failed resource').length - 1, 1, `only the failed product's part has the note: ${message}`);
  });

  it('adds the note to a single product\'s failure sentence, never to a success', () => {
    const failedAction = new ActionProgress('Terminate site-b');
    failedAction.add('rec-b', 'site-b');
    failedAction.close();
    failedAction.finish('rec-b', record('rec-b', 'FAILED', 'The following resource(s) failed to delete: [Bucket].'), [], NOTE);
    const succeeded = new ActionProgress('Terminate site-a');
    succeeded.add('rec-a', 'site-a');
    succeeded.close();
    succeeded.finish('rec-a', record('rec-a', 'SUCCEEDED'), [], NOTE);
    assert.equal(shownNotifications.length, 2);
    assert.match(shownNotifications[0].message, /\. First failed resource: Bucket/);
    assert.doesNotMatch(shownNotifications[1].message, /First failed/);
  });
});
