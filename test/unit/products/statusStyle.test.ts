// The tree, the tooltips and the record picks show a status with the same icon (from src/core/statuses):
// the tree's ThemeIcon, the tooltip's `$(icon)` (still) and the pick's (spinning like the tree).
import { fakeVscode } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import model from '../../../src/sandbox/model/servicecatalog.json';
import { productStatusIcon as coreIcon, recordStatusIcon as coreRecordIcon } from '../../../src/core/statuses';
import type { ProductRow } from '../../../src/core/products/productRow';
import { activityIcon, productStatusIcon, recordStatusIcon, statusGlyph } from '../../../src/products/statusStyle';
import { productTooltip } from '../../../src/products/tooltips';

const enumOf = (shape: string): string[] => (model.shapes as Record<string, { enum?: string[] }>)[shape].enum!;

class Markdown {
  value = '';
  constructor(_value?: string, _supportThemeIcons?: boolean) {}
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

describe('status icons: the tree, tooltips and picks agree', () => {
  const original = fakeVscode.MarkdownString;
  before(() => void (fakeVscode.MarkdownString = Markdown as unknown as typeof original));
  after(() => void (fakeVscode.MarkdownString = original));

  it("a product's tooltip shows the tree icon's glyph, without the spin", () => {
    for (const status of [...enumOf('ProvisionedProductStatus'), 'SOMETHING_NEW']) {
      const tree = productStatusIcon(status) as unknown as { id: string };
      const tooltip = (productTooltip({ Id: 'pp-1', Name: 'orders', Status: status as ProductRow['Status'] }) as unknown as Markdown).value;
      const glyph = tree.id.replace(/~spin$/, '');
      assert.ok(tooltip.includes(`$(${glyph}) `), `${status}: ${tooltip.split('\n')[0]}`);
      assert.equal(statusGlyph(coreIcon(status), false), `$(${glyph})`);
    }
  });

  it("an old product's tooltip names its product and version without ids it does not have (no 'undefined')", () => {
    const row = { Id: 'pp-old', Name: 'reporting-db', Status: 'AVAILABLE', ProductName: 'Legacy Database', ProvisioningArtifactName: 'v1' } as ProductRow;
    const tooltip = (productTooltip(row) as unknown as Markdown).value;
    assert.ok(!tooltip.includes('undefined'), tooltip);
    assert.match(tooltip, /Legacy Database/);
    const both = (productTooltip({ ...row, ProductId: 'prod-1' }) as unknown as Markdown).value;
    assert.match(both, /Legacy Database \(`prod-1`\)/);
  });

  it('a pick spins where the tree spins', () => {
    for (const status of [...enumOf('RecordStatus'), 'SOMETHING_NEW']) {
      const tree = recordStatusIcon(status) as unknown as { id: string };
      assert.equal(statusGlyph(coreRecordIcon(status), true), `$(${tree.id})`, status);
    }
    assert.equal(statusGlyph(coreIcon('UNDER_CHANGE'), true), '$(sync~spin)');
    assert.equal((activityIcon() as unknown as { id: string }).id, 'loading~spin');
  });
});
