// Catalog facts for spec-file tests, read from a sandbox through the real SDK as the VS Code layer
// will read them: SearchProducts, DescribeProduct (versions, launch paths) and DescribeProvisioningParameters
// of every version on every path.
import * as assert from 'node:assert/strict';
import {
  DescribeProductCommand, DescribeProvisioningParametersCommand, SearchProductsCommand, type DescribeProvisioningParametersOutput,
  type ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import type { CatalogSnapshot, SnapshotProduct, ExistingProvisionedProduct } from '../../src/core/specs';
import { sdkClient, startTestSandbox } from './sandbox';

export interface ReadFacts extends CatalogSnapshot {
  readonly outputs: ReadonlyMap<string, DescribeProvisioningParametersOutput>;
}

const keyOf = (productId: string, versionId: string, pathId: string | undefined) => `${productId}/${versionId}/${pathId ?? ''}`;

export async function readCatalogSnapshot(client: ServiceCatalogClient, existing: Readonly<Record<string, ExistingProvisionedProduct>> = {}): Promise<ReadFacts> {
  const search = await client.send(new SearchProductsCommand({ PageSize: 100 }));
  const products: SnapshotProduct[] = [];
  const outputs = new Map<string, DescribeProvisioningParametersOutput>();
  for (const view of search.ProductViewSummaries ?? []) {
    const described = await client.send(new DescribeProductCommand({ Id: view.ProductId }));
    const versions = (described.ProvisioningArtifacts ?? []).map((a) => ({ id: a.Id!, ...(a.Name ? { name: a.Name } : {}), ...(a.Description ? { description: a.Description } : {}), ...(a.Guidance ? { guidance: a.Guidance } : {}) }));
    const launchPaths = (described.LaunchPaths ?? []).map((p) => ({ id: p.Id!, ...(p.Name ? { name: p.Name } : {}) }));
    products.push({ id: view.ProductId!, name: view.Name!, ...(view.Type ? { type: view.Type } : {}), versions, launchPaths });
    for (const version of versions) {
      for (const path of launchPaths) {
        const output = await client.send(new DescribeProvisioningParametersCommand({ ProductId: view.ProductId, ProvisioningArtifactId: version.id, PathId: path.id }));
        outputs.set(keyOf(view.ProductId!, version.id, path.id), output);
      }
    }
  }
  return {
    products,
    outputs,
    provisioningParameters: (productId, versionId, pathId) => outputs.get(keyOf(productId, versionId, pathId)),
    provisionedProduct: (name) => (Object.hasOwn(existing, name) ? existing[name] : undefined),
  };
}

/** The same facts with other provisioned products (or none). */
export function withExisting(facts: ReadFacts, existing: Readonly<Record<string, ExistingProvisionedProduct>>): ReadFacts {
  return { ...facts, provisionedProduct: (name) => (Object.hasOwn(existing, name) ? existing[name] : undefined) };
}

/** The seeded catalog's snapshot, read once for the enclosing suite from a sandbox started for it. */
export function useSeededCatalogSnapshot(): () => ReadFacts {
  let facts: ReadFacts | undefined;
  before(async () => {
    const sandbox = await startTestSandbox();
    try {
      facts = await readCatalogSnapshot(sdkClient(sandbox));
    } finally {
      await sandbox.stop();
    }
  });
  return () => facts ?? assert.fail('the catalog snapshot is read in the suite\'s before hook');
}
