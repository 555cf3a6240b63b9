// Runs the real tree code (ProvisionedProductsProvider, ProductNode.toTreeItem) outside VS Code: a
// session stand-in that only hands out the api, and a "view" that asks for every item as VS Code would.
import type { CatalogApi } from '../../src/aws/catalogApi';
import type { CatalogSession } from '../../src/connections/catalogSession';
import { newProductNodeCache, ProvisionedProductsProvider } from '../../src/products/provisionedProductsProvider';
import type { TreeNode } from '../../src/products/nodes';

/** The subset of CatalogApi the tree and the auto-refresher call. */
export type TreeApi = Pick<CatalogApi, 'connection' | 'listProvisionedProducts' | 'describeProvisionedProduct'>;

export function fakeSession(api: TreeApi): CatalogSession {
  const state = { kind: 'connected', connection: api.connection, api };
  return {
    state,
    api,
    onDidChange: () => ({ dispose: () => undefined }),
  } as unknown as CatalogSession;
}

export function newProvider(api: TreeApi): ProvisionedProductsProvider {
  return new ProvisionedProductsProvider(fakeSession(api), newProductNodeCache(), '', 'none');
}

/** What VS Code does to show the root level: getChildren(), then getTreeItem() for each element. */
export async function renderRoot(provider: ProvisionedProductsProvider): Promise<unknown[]> {
  const nodes: TreeNode[] = await provider.getChildren();
  return nodes.map((node) => provider.getTreeItem(node));
}

/** Refresh to fully built tree: all pages listed, then every root item made. */
export async function refreshAndRender(provider: ProvisionedProductsProvider): Promise<unknown[]> {
  await provider.refresh();
  return renderRoot(provider);
}
