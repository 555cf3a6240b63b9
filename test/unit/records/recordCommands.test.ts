// Show Record History against a service that always has another page: the first batch stops at the
// page cap, the pick offers "Load more records…", and loading more appends the next batch.
import { fakeVscode, registeredCommands, shownNotifications } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import * as assert from 'node:assert/strict';
import { isLiteralLookUp, registerRecordCommands, type RecordCommandDeps } from '../../../src/records/recordCommands';
import { endlessService } from '../../support/endlessService';

type Pick = { label: string; recordId?: string; node?: unknown };

const isLoadMore = (pick: Pick) => /Load more records/.test(pick.label);

describe('Show Record History', () => {
  it('offers "Load more records…" when the page cap stopped the history, and loading more appends the next batch', async () => {
    const service = endlessService();
    const shown: Pick[][] = [];
    const answers: ((items: Pick[]) => Pick | undefined)[] = [
      (items) => items[0], // the provisioned product
      (items) => items.find(isLoadMore),
      (items) => items.find((item) => item.recordId === 'rec-1'), // the oldest, from the first batch
    ];
    const opened: string[] = [];
    const deps = {
      session: { api: service.api },
      products: { all: [{ row: { Id: 'pp-1', Name: 'orders-service' } }], find: () => undefined },
      treeView: {},
      input: {
        pickOne: async (items: Pick[]) => {
          shown.push(items);
          const answer = answers[shown.length - 1]?.(items);
          if (!answer) throw new Error(`no answer for pick ${shown.length}`);
          return answer;
        },
      },
      documents: { open: async (id: string) => void opened.push(id) },
      tracker: () => ({}),
      profile: () => undefined,
    } as unknown as RecordCommandDeps;
    registerRecordCommands(deps);

    const result = await registeredCommands.get('serviceCatalogExplorer.showRecordHistory')!();
    service.api.dispose();

    const [, firstBatch, bothBatches] = shown;
    assert.ok(firstBatch, 'the record history was shown');
    const batch = firstBatch.filter((p) => p.recordId).length;
    assert.ok(isLoadMore(firstBatch.at(-1)!), 'the last entry loads more');
    assert.equal(service.calls.length, 2 * batch, 'one call a record (a page each): the first batch, then the next');
    assert.equal(service.calls[batch].pageToken, `page-${batch}`, 'the next batch starts from the saved token');
    const records = bothBatches.map((p) => p.recordId).filter(Boolean);
    assert.equal(new Set(records).size, 2 * batch, 'the next batch is appended, nothing twice');
    assert.ok(isLoadMore(bothBatches.at(-1)!), 'still more to load');
    assert.deepEqual(opened, ['rec-1']);
    assert.equal(result, 'rec-1');
  });

  it('offers no "Load more" for a history that ended', async () => {
    const shown: Pick[][] = [];
    const records = [{ RecordId: 'rec-a', Status: 'SUCCEEDED' }, { RecordId: 'rec-b', Status: 'FAILED' }];
    const deps = {
      session: { api: { listRecordsOfProvisionedProduct: async () => records } },
      products: { all: [{ row: { Id: 'pp-1', Name: 'orders-service' } }], find: () => undefined },
      input: { pickOne: async (items: Pick[]) => (shown.push(items), shown.length === 1 ? items[0] : items.find((p) => p.recordId === 'rec-b')) },
      documents: { open: async () => undefined },
      profile: () => undefined,
    } as unknown as RecordCommandDeps;
    registerRecordCommands(deps);
    assert.equal(await registeredCommands.get('serviceCatalogExplorer.showRecordHistory')!(), 'rec-b');
    assert.deepEqual(shown[1].map((p) => p.recordId), ['rec-a', 'rec-b']);
  });
});

describe('Look Up Record: what Enter takes', () => {
  const picks = [{ label: 'Provision product · inventory-service', description: 'Succeeded', detail: 'rec-abc123' }];
  const products = { find: (text: string) => (text === 'billing-db' ? { row: {} } : undefined) } as never;

  it('partial text filters: the highlighted record, not a literal look-up', () => {
    assert.equal(isLiteralLookUp('inventory', picks, products), false);
    assert.equal(isLiteralLookUp('', picks, products), false);
  });

  it('an id, name or ARN nothing listed matches is looked up as typed', () => {
    assert.equal(isLiteralLookUp('rec-zzz999', picks, products), true);
    assert.equal(isLiteralLookUp('arn:aws:servicecatalog:eu-west-1:111122223333:stack/x/pp-1', picks, products), true);
    assert.equal(isLiteralLookUp('billing-db', picks, products), true, 'a known product by exact name');
    assert.equal(isLiteralLookUp('rec-abc', picks, products), false, 'a listed record matches: Enter takes it');
  });
});

describe('Tail Record: which record', () => {
  class Uri {
    constructor(readonly scheme: string, readonly path: string) {}
    toString(): string {
      return `${this.scheme}:${this.path}`;
    }
  }
  const TabInputWebview = fakeVscode.TabInputWebview;
  const realUri = fakeVscode.Uri;
  const window = fakeVscode.window as unknown as Record<string, unknown>;

  afterEach(() => {
    fakeVscode.Uri = realUri;
    delete window.activeTextEditor;
    delete window.tabGroups;
  });

  /** Runs Tail Record from the editor title (no argument) with this editor active; the record it described. */
  async function tailFrom(active: { textEditorUri?: Uri; tab?: { label: string; input: unknown } }): Promise<{ described: string[]; error?: string }> {
    fakeVscode.Uri = Uri as never;
    window.activeTextEditor = active.textEditorUri ? { document: { uri: active.textEditorUri } } : undefined;
    window.tabGroups = { activeTabGroup: { activeTab: active.tab } };
    const described: string[] = [];
    const api = { describeRecord: async (id: string) => (described.push(id), { detail: { RecordId: id, Status: 'SUCCEEDED' } }) };
    const deps = {
      session: { api },
      documents: { lastShownRunning: 'rec-shown1', refresh() {} },
      tracker: () => ({ track: async () => undefined }),
      profile: () => undefined,
    } as unknown as RecordCommandDeps;
    registerRecordCommands(deps);
    shownNotifications.length = 0;
    await registeredCommands.get('serviceCatalogExplorer.tailRecord')!();
    return { described, error: shownNotifications.find((n) => n.level === 'error')?.message };
  }

  const preview = (label: string) => ({ label, input: new TabInputWebview('mainThreadWebview-markdown.preview') });

  it('another text editor active: no record, not the one shown last', async () => {
    const result = await tailFrom({ textEditorUri: new Uri('file', '/notes.md') });
    assert.deepEqual(result.described, []);
    assert.match(result.error ?? '', /Open a record first/);
  });

  it("a record's text document: that record", async () => {
    assert.deepEqual((await tailFrom({ textEditorUri: new Uri('servicecatalog-record', '/rec-text1.md') })).described, ['rec-text1']);
  });

  it('the rendered view of the record shown last (a webview, no text editor): that record', async () => {
    assert.deepEqual((await tailFrom({ tab: preview('Preview rec-shown1.md') })).described, ['rec-shown1']);
  });

  it('the markdown preview of another document, or another webview: no record', async () => {
    assert.deepEqual((await tailFrom({ tab: preview('Preview README.md') })).described, []);
    assert.deepEqual((await tailFrom({ tab: { label: 'Provision rec-shown1.md', input: new TabInputWebview('serviceCatalogExplorer.provision') } })).described, []);
  });
});
