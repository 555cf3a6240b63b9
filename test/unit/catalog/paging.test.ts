import { strict as assert } from 'node:assert';
import { collectAllPages } from '../../../src/catalog/paging';
import { languageFromLocale, connectionLabel } from '../../../src/catalog/connection';

describe('collectAllPages', () => {
  it('follows tokens to the end, in order, reporting each page', async () => {
    const tokens: (string | undefined)[] = [];
    const pages: number[] = [];
    const all = await collectAllPages(
      async (token) => {
        tokens.push(token);
        const n = token ? Number(token) : 0;
        return { items: [n * 2, n * 2 + 1], nextToken: n < 2 ? String(n + 1) : undefined };
      },
      (_items, index) => pages.push(index),
    );
    assert.deepEqual(all, [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(tokens, [undefined, '1', '2']);
    assert.deepEqual(pages, [0, 1, 2]);
  });

  it('stops a service that never ends its pages', async () => {
    await assert.rejects(collectAllPages(async () => ({ items: [1], nextToken: 'again' }), undefined, 5), /after 5 pages/);
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
