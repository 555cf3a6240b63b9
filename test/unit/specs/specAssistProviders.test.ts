// Completions and hovers of spec files as VS Code gets them: the pure candidates mapped to items (kind,
// range, what is inserted and filtered on) and service texts made inert in untrusted, HTML-free markdown.
import { strict as assert } from 'node:assert';
import { fakeVscode } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import type * as vscode from 'vscode';
import type { CatalogSnapshot } from '../../../src/core/specs';
import { completionItemOf, hoverMarkdown, SpecCompletionProvider, SpecHoverProvider } from '../../../src/specs/specAssistProviders';
import { CatalogUnavailable, type SpecCatalog } from '../../../src/specs/specCatalog';
import { SpecValidations } from '../../../src/specs/specValidations';
import { useSeededCatalogSnapshot, type ReadFacts } from '../../support/specCatalogSnapshot';

type Markdown = { value: string; isTrusted?: boolean; supportHtml?: boolean; supportThemeIcons?: boolean };

/** A document over `text`, with offsets and positions as VS Code counts them. */
function documentOf(text: string): vscode.TextDocument {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const positionAt = (offset: number) => {
    const line = starts.filter((s) => s <= offset).length - 1;
    return new fakeVscode.Position(line, offset - starts[line]);
  };
  return {
    uri: { toString: () => 'file:///work/site.servicecatalog.yaml' }, fileName: '/work/site.servicecatalog.yaml', version: 1,
    getText: () => text, positionAt, offsetAt: (p: vscode.Position) => starts[p.line] + p.character,
  } as unknown as vscode.TextDocument;
}

const catalogOf = (snapshot: () => CatalogSnapshot) => ({ snapshotFor: async () => snapshot() }) as unknown as SpecCatalog;
const offline = { snapshotFor: async () => { throw new CatalogUnavailable('Not connected.'); } } as unknown as SpecCatalog;
const SITE = 'provisionedProducts:\n  - name: site\n    product: Static Website\n    version: v2.0\n    parameters:\n      BucketName: a.example.com\n';

describe('spec completion and hover providers', function () {
  const seeded = useSeededCatalogSnapshot();
  let facts: ReadFacts;
  before(() => (facts = seeded()));

  it('maps a candidate to an item: its kind, the range it replaces, inserted and filtered on the raw text, the label made inert', () => {
    const range = new fakeVscode.Range(3, 13, 3, 17) as unknown as vscode.Range;
    const item = completionItemOf({ label: 'Web\nsite $(zap)', kind: 'product', insertText: 'Web\nsite $(zap)', detail: 'by\u202eadmin', documentation: 'See <img src=x> **now**', deprecated: true }, range);
    assert.equal(item.label, 'Web site $(zap)');
    assert.equal(item.kind, fakeVscode.CompletionItemKind.Module);
    assert.equal(item.insertText, 'Web\nsite $(zap)');
    assert.equal(item.filterText, 'Web\nsite $(zap)');
    assert.equal(item.range, range);
    assert.equal(item.detail, 'byadmin');
    const documentation = item.documentation as unknown as Markdown;
    assert.equal(documentation.value, 'See \\<img src=x\\> \\*\\*now\\*\\*');
    assert.deepEqual([documentation.isTrusted, documentation.supportHtml, documentation.supportThemeIcons], [false, false, false]);
    assert.deepEqual(item.tags, [fakeVscode.CompletionItemTag.Deprecated]);
    const plain = completionItemOf({ label: 'version', kind: 'key', insertText: 'version: ' }, range);
    assert.equal(plain.kind, fakeVscode.CompletionItemKind.Property);
    assert.deepEqual([plain.detail, plain.documentation, plain.tags], [undefined, undefined, undefined]);
  });

  it('shows a parameter\'s hover escaped and never a NoEcho default', () => {
    const hover = (noEcho: boolean) => hoverMarkdown({ key: 'Db', label: 'Db *pass*', type: 'String', description: '<b>secret</b>', defaultValue: 'hunter2', required: true, noEcho, constraints: ['[a-z]+'] }) as unknown as Markdown;
    assert.equal(hover(false).value, '**Db \\*pass\\*** (String, required)\n\n\\<b\\>secret\\</b\\>\n\nDefault: hunter2\n\n- \\[a-z\\]+');
    assert.equal(hover(true).value, '**Db \\*pass\\*** (String, required, NoEcho)\n\n\\<b\\>secret\\</b\\>\n\n- \\[a-z\\]+');
    assert.deepEqual([hover(true).isTrusted, hover(true).supportHtml, hover(true).supportThemeIcons], [false, false, false]);
  });

  it('completes at the cursor against the catalog, over the typed text, and offers nothing without a catalog', async () => {
    const text = 'provisionedProducts:\n  - name: a\n    product: Stat\n';
    const document = documentOf(text);
    const position = new fakeVscode.Position(2, 17) as unknown as vscode.Position;
    const items = await new SpecCompletionProvider(new SpecValidations(catalogOf(() => facts))).provideCompletionItems(document, position);
    const website = items?.find((i) => i.label === 'Static Website');
    assert.ok(website, `no Static Website among ${items?.map((i) => i.label).join(', ')}`);
    assert.equal(website.kind, fakeVscode.CompletionItemKind.Module);
    assert.deepEqual([website.range, (website.range as vscode.Range).end], [new fakeVscode.Range(2, 13, 2, 17), new fakeVscode.Position(2, 17)]);
    assert.equal(await new SpecCompletionProvider(new SpecValidations(offline)).provideCompletionItems(document, position), undefined);
  });

  it('hovers a parameter key with its range and nothing elsewhere', async () => {
    const provider = new SpecHoverProvider(new SpecValidations(catalogOf(() => facts)));
    const document = documentOf(SITE);
    const hover = await provider.provideHover(document, new fakeVscode.Position(5, 8) as unknown as vscode.Position);
    assert.ok(hover);
    // The template's label and description, its constraints escaped as markdown.
    assert.match((hover.contents as unknown as Markdown).value, /^\*\*Bucket Name\*\* \(String, required\)\n\nGlobally unique S3 bucket name[^\n]*\n\n- Pattern: \\\[a-z0-9\\\]/);
    assert.deepEqual(hover.range, new fakeVscode.Range(5, 6, 5, 16));
    assert.equal(await provider.provideHover(document, new fakeVscode.Position(0, 3) as unknown as vscode.Position), undefined);
  });
});
