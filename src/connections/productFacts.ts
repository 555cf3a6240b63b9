// What DescribeProduct says of a product: its name and the names of its versions and launch paths,
// read once per product and connection for everything that names a product (the forms, the plans
// panel, the self-service action form, record documents). DescribeProduct is an end-user call;
// ListProvisioningArtifacts is not granted to end users. A failed read names nothing and is not kept:
// callers say ids rather than guess, and the next look reads again. No vscode import (unit-tested in Node).
import type { DescribeProductOutput, ProvisioningArtifact } from '@aws-sdk/client-service-catalog';

export interface ProductFacts {
  readonly name?: string;
  /** The product's type (ProductViewSummary.Type: CLOUD_FORMATION_TEMPLATE, TERRAFORM_OPEN_SOURCE, …). */
  readonly type?: string;
  /** The versions DescribeProduct lists (the active ones, for an end user), as it gives them. */
  readonly artifacts: readonly ProvisioningArtifact[];
  /** Version id → name, for the versions DescribeProduct lists (the active ones). */
  readonly versions: ReadonlyMap<string, string>;
  /** Launch path id → name. */
  readonly launchPaths: ReadonlyMap<string, string>;
}

/** A connection's DescribeProduct; the object itself stands for the connection (one per CatalogApi). */
export interface ProductReader {
  describeProduct(productId: string): Promise<DescribeProductOutput>;
}

export class ProductFactsCache {
  private readonly byConnection = new WeakMap<ProductReader, Map<string, Promise<ProductFacts | undefined>>>();

  constructor(private readonly warn: (message: string) => void = () => {}) {}

  /** The facts of a product on the reader's connection: one read shared by every caller, until it fails. */
  of(reader: ProductReader, productId: string): Promise<ProductFacts | undefined> {
    const reads = this.readsOf(reader);
    const known = reads.get(productId);
    if (known) return known;
    const facts: Promise<ProductFacts | undefined> = Promise.resolve()
      .then(() => reader.describeProduct(productId))
      .then(productFacts, (error: unknown) => {
        // Not readable now (access, network): a later look may succeed. A newer read (after forget) stays.
        if (reads.get(productId) === facts) reads.delete(productId);
        this.warn(`Could not read the names of product ${productId}: ${(error as Error)?.message ?? String(error)}`);
        return undefined;
      });
    reads.set(productId, facts);
    return facts;
  }

  /** Reads the product again on its next look (a form's Reload: an admin may have added a version). */
  forget(reader: ProductReader, productId: string): void {
    this.byConnection.get(reader)?.delete(productId);
  }

  private readsOf(reader: ProductReader): Map<string, Promise<ProductFacts | undefined>> {
    let reads = this.byConnection.get(reader);
    if (!reads) this.byConnection.set(reader, (reads = new Map<string, Promise<ProductFacts | undefined>>()));
    return reads;
  }
}

function productFacts(out: DescribeProductOutput): ProductFacts {
  const named = (items: readonly { Id?: string; Name?: string }[] | undefined) =>
    new Map((items ?? []).filter((i) => i.Id && i.Name).map((i) => [i.Id!, i.Name!]));
  return {
    ...(out.ProductViewSummary?.Name ? { name: out.ProductViewSummary.Name } : {}),
    ...(out.ProductViewSummary?.Type ? { type: out.ProductViewSummary.Type } : {}),
    artifacts: out.ProvisioningArtifacts ?? [],
    versions: named(out.ProvisioningArtifacts),
    launchPaths: named(out.LaunchPaths),
  };
}
