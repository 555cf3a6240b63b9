// Names of a product and of its versions, read once per product with DescribeProduct (an end-user
// call; ListProvisioningArtifacts is not granted to end users). A failed read names nothing: callers
// fall back to what they knew, and say ids rather than guess.
import type { FormService } from './controllerDeps';
import type { Logger } from '../ui/webview/messageRouter';

export interface ProductNames {
  readonly name?: string;
  /** Version id → name, for the versions DescribeProduct lists (the active ones). */
  readonly versions: ReadonlyMap<string, string>;
}

export class ProductNameCache {
  private readonly byProduct = new Map<string, Promise<ProductNames | undefined>>();

  constructor(
    private readonly service: () => Pick<FormService, 'describeProduct'>,
    private readonly logger: Logger,
  ) {}

  of(productId: string): Promise<ProductNames | undefined> {
    let names = this.byProduct.get(productId);
    if (!names) {
      names = this.read(productId);
      this.byProduct.set(productId, names);
    }
    return names;
  }

  clear(): void {
    this.byProduct.clear();
  }

  private async read(productId: string): Promise<ProductNames | undefined> {
    try {
      const out = await this.service().describeProduct(productId);
      const versions = new Map((out.ProvisioningArtifacts ?? []).filter((a) => a.Id && a.Name).map((a) => [a.Id!, a.Name!]));
      return { ...(out.ProductViewSummary?.Name ? { name: out.ProductViewSummary.Name } : {}), versions };
    } catch (error) {
      this.byProduct.delete(productId); // a later look may succeed
      this.logger.warn(`Could not read the names of product ${productId}: ${(error as Error).message ?? String(error)}`);
      return undefined;
    }
  }
}
