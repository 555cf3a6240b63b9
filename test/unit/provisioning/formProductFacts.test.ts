// A form's look at the shared product facts: fresh on the form's first look, shared after it.
import * as assert from 'node:assert/strict';
import type { DescribeProductOutput } from '@aws-sdk/client-service-catalog';
import { ProductFactsCache, type ProductReader } from '../../../src/connections/productFacts';
import { FormProductFacts } from '../../../src/provisioning/formProductFacts';
import type { FormService } from '../../../src/provisioning/controllerDeps';

/** A connection whose product gains a version between reads (an admin added one). */
function connection() {
  const reader = {
    reads: 0,
    versions: ['v1'],
    async describeProduct(): Promise<DescribeProductOutput> {
      reader.reads++;
      return { ProductViewSummary: { Name: 'Dev box' }, ProvisioningArtifacts: reader.versions.map((Name) => ({ Id: `pa-${Name}`, Name })) };
    },
  };
  return reader;
}

describe('a form\'s product facts', () => {
  it('reads the product afresh on a new form\'s first look, shares that read, and reads once per form', async () => {
    const reader = connection();
    const shared = new ProductFactsCache();
    await shared.of(reader, 'prod-1'); // read long ago by the tree or another form
    reader.versions = ['v1', 'v2'];
    const form = new FormProductFacts({ service: () => reader as unknown as FormService, productFacts: shared });
    const facts = await form.of('prod-1');
    assert.deepEqual(facts?.artifacts.map((a) => a.Name), ['v1', 'v2'], 'the new form offers the version added since');
    assert.equal((await shared.of(reader as ProductReader, 'prod-1'))?.artifacts.length, 2, 'the fresh read is shared');
    await form.of('prod-1');
    assert.equal(reader.reads, 2, 'one read per form, not per look');
  });
});
