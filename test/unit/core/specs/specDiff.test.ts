// What applying a spec product would change against the live state, and the diff's two sides.
import * as assert from 'node:assert/strict';
import { parseSpec, submissionOfSpec, validateSpec } from '../../../../src/core/specs';
import { diffTexts, specChanges, type LiveState } from '../../../../src/core/specs/specDiff';
import { SEED } from '../../../../src/sandbox/service/seedCatalog';
import { useSeededCatalogSnapshot, withExisting, type ReadFacts } from '../../../support/specCatalogSnapshot';

const P = SEED.products;
const TEXT = 'provisionedProducts:\n  - name: site-a\n    product: Static Website\n    version: v2.0\n    parameters:\n      BucketName: site-a.example.com\n    tags:\n      CostCenter: cc-1001\n      Environment: dev\n';

describe('specChanges and diffTexts', function () {
  const seeded = useSeededCatalogSnapshot();
  let facts: ReadFacts;
  before(() => (facts = seeded()));

  function validated(existingTags: Record<string, string>) {
    const snapshot = withExisting(facts, { 'site-a': { id: 'pp-1', productId: P.staticWebsite.id, versionId: P.staticWebsite.versions.v20, tags: existingTags } });
    const [product] = validateSpec(parseSpec(TEXT), snapshot).products;
    assert.ok(product.target && product.form);
    return { ...product, target: product.target, form: product.form, snapshot };
  }

  const tags = { CostCenter: 'cc-1001', Environment: 'dev' };
  const live = (parameters: Record<string, string> | undefined, versionId: string = P.staticWebsite.versions.v20): LiveState => ({ versionId, ...(parameters ? { parameters } : {}), tags });

  it('finds nothing to change when version, listed values and tags match what runs', () => {
    const p = validated(tags);
    const built = submissionOfSpec(p.spec, p.form, { existing: p.target.existing! });
    assert.deepEqual(specChanges(p.spec, p.target, p.form, built, live({ BucketName: 'site-a.example.com' })), []);
  });

  it('names a changed value, an unread value, another version and other tags', () => {
    const p = validated({ CostCenter: 'cc-9' });
    const built = submissionOfSpec(p.spec, p.form, { existing: p.target.existing! });
    assert.deepEqual(specChanges(p.spec, p.target, p.form, built, live({ BucketName: 'old.example.com' }, 'pa-other')), [
      { kind: 'version', from: 'pa-other', to: P.staticWebsite.versions.v20 },
      { kind: 'parameter', key: 'BucketName', from: 'old.example.com', to: 'site-a.example.com' },
      { kind: 'tags' },
    ]);
    const unread = specChanges(p.spec, p.target, p.form, built, live(undefined));
    assert.deepEqual(unread.filter((c) => c.kind === 'parameter'), [{ kind: 'parameter', key: 'BucketName', to: 'site-a.example.com' }]);
  });

  it('shows both sides in one layout, the changed value only on its line', () => {
    const p = validated(tags);
    const texts = diffTexts(p.spec, p.target, p.form, live({ BucketName: 'old.example.com' }), p.snapshot);
    assert.match(texts.live, /BucketName: old\.example\.com/);
    assert.match(texts.file, /BucketName: site-a\.example\.com/);
    assert.deepEqual(texts.live.split('\n').filter((l) => !texts.file.split('\n').includes(l)), ['  BucketName: old.example.com']);
  });

  it('shows a parameter the file\'s version adds as absent from what runs, and its default on the file side', () => {
    const v1Keys = ['BucketName', 'Environment', 'IndexDocument'];
    const snapshot = withExisting(facts, { 'site-a': { id: 'pp-1', productId: P.staticWebsite.id, versionId: P.staticWebsite.versions.v11, parameterKeys: v1Keys, tags } });
    const [p] = validateSpec(parseSpec(TEXT), snapshot).products;
    assert.ok(p.target && p.form);
    const texts = diffTexts(p.spec, p.target, p.form, live({ BucketName: 'site-a.example.com', Environment: 'dev', IndexDocument: 'index.html' }, P.staticWebsite.versions.v11), snapshot);
    assert.match(texts.live, /^ {2}CacheTtlSeconds: \(not in the version in use\)$/m);
    assert.match(texts.file, /^ {2}CacheTtlSeconds: 3600 \(default\)$/m, 'the update sends no value: the template\'s default applies');
    assert.match(texts.live, /^ {2}Environment: dev$/m);
    assert.match(texts.file, /^ {2}Environment: dev$/m, 'a parameter the file leaves out keeps its value in use');
  });
});
