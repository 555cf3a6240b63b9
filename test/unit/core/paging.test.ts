import { strict as assert } from 'node:assert';
import { collectPages, MAX_PAGES } from '../../../src/core/paging';
import { languageFromLocale, connectionLabel } from '../../../src/core/connection';

/** A fetcher that never ends: every page has one item and a new token. */
const endless = async (token: string | undefined) => {
  const n = token ? Number(token.slice(1)) + 1 : 0;
  return { items: [n], nextToken: `t${n}` };
};

describe('collectPages', () => {
  it('follows tokens to the end, in order, reporting each page', async () => {
    const tokens: (string | undefined)[] = [];
    const pages: number[] = [];
    const all = await collectPages(
      async (token) => {
        tokens.push(token);
        const n = token ? Number(token) : 0;
        return { items: [n * 2, n * 2 + 1], nextToken: n < 2 ? String(n + 1) : undefined };
      },
      { onPage: (_items, index) => pages.push(index) },
    );
    assert.deepEqual(all, [0, 1, 2, 3, 4, 5]);
    assert.equal(all.incomplete, false);
    assert.equal(all.nextToken, undefined);
    assert.deepEqual(tokens, [undefined, '1', '2']);
    assert.deepEqual(pages, [0, 1, 2]);
  });

  it('stops a service that never ends its pages at the cap, keeps what it read, and says where to go on', async () => {
    const first = await collectPages(endless);
    assert.equal(first.length, MAX_PAGES);
    assert.equal(first.incomplete, true);
    assert.equal(first.nextToken, `t${MAX_PAGES - 1}`);
    const next = await collectPages(endless, { startToken: first.nextToken });
    assert.deepEqual([next[0], next.length], [MAX_PAGES, MAX_PAGES], 'the next batch starts where the first stopped');
  });

  it('never reads more than the cap, even when asked to', async () => {
    assert.equal((await collectPages(endless, { maxPages: MAX_PAGES * 10 })).length, MAX_PAGES);
  });

  it('stops when the service repeats a token (following it would go round in circles)', async () => {
    const tokens: (string | undefined)[] = [];
    const circular = await collectPages(async (token) => {
      tokens.push(token);
      return { items: [tokens.length], nextToken: token === 'b' ? 'a' : token === 'a' ? 'b' : 'a' };
    });
    assert.deepEqual(tokens, [undefined, 'a', 'b']);
    assert.deepEqual(circular, [1, 2, 3]);
    assert.equal(circular.incomplete, true);
    assert.equal(circular.nextToken, undefined, 'no way to go on');
  });

  it('stops once the caller has enough, and tells each page how many it has', async () => {
    const collected: number[] = [];
    const some = await collectPages(async (token, have) => (collected.push(have), endless(token)), { maxItems: 3 });
    assert.deepEqual(some, [0, 1, 2]);
    assert.deepEqual(collected, [0, 1, 2]);
    assert.equal(some.incomplete, true);
  });
});

describe('connection helpers', () => {
  it('maps VS Code display languages to AcceptLanguage', () => {
    assert.equal(languageFromLocale('ja'), 'jp');
    assert.equal(languageFromLocale('zh-cn'), 'zh');
    assert.equal(languageFromLocale('zh-tw'), 'zh');
    assert.equal(languageFromLocale('en-us'), 'en');
    assert.equal(languageFromLocale('de'), 'en');
  });

  it('labels connections as the status bar shows them', () => {
    assert.equal(connectionLabel({ kind: 'aws', profile: 'dev', region: 'eu-west-1' }), 'dev · eu-west-1');
    assert.equal(connectionLabel({ kind: 'aws', region: 'us-east-1' }), 'default · us-east-1');
    assert.equal(connectionLabel({ kind: 'sandbox', endpoint: 'http://127.0.0.1:1', region: 'us-east-1', accessKeyId: 'a', secretAccessKey: 'b' }), 'Sandbox');
    assert.equal(connectionLabel(undefined), 'Not connected');
  });
});
