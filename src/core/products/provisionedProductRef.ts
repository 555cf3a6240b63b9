// The one way to make a ProvisionedProductRef (what a form panel knows of its provisioned product):
// from a tree row, a DescribeProvisionedProduct detail, an id typed by the user or a restored page's
// state, each over what was known before. Pure: SDK types only.
import type { ProvisionedProductRef } from '../webview/protocol';

/** What a source says of a provisioned product, in the SDK's member names (ProductRow and ProvisionedProductDetail fit). */
export interface ProvisionedProductFacts {
  readonly Id?: string;
  readonly Name?: string;
  readonly Status?: string;
  readonly Type?: string;
  readonly ProductId?: string;
  readonly ProductName?: string;
  readonly ProvisioningArtifactId?: string;
  readonly ProvisioningArtifactName?: string;
}

/**
 * `facts` win over `known`; an empty value counts as absent (and is left out). A detail carries ids but
 * no names: a known product or version name is kept only while its id is unchanged. The name falls
 * back to the id.
 */
export function provisionedProductRef(facts: ProvisionedProductFacts, known?: ProvisionedProductRef): ProvisionedProductRef {
  const id = facts.Id || known?.id || '';
  const productId = facts.ProductId || known?.productId;
  const provisioningArtifactId = facts.ProvisioningArtifactId || known?.provisioningArtifactId;
  const sameProduct = productId === known?.productId;
  const sameVersion = provisioningArtifactId === known?.provisioningArtifactId;
  return present({
    id,
    name: facts.Name || known?.name || id || '?',
    status: facts.Status || known?.status,
    type: facts.Type || known?.type,
    productId,
    productName: facts.ProductName || (sameProduct ? known?.productName : undefined),
    provisioningArtifactId,
    provisioningArtifactName: facts.ProvisioningArtifactName || (sameVersion ? known?.provisioningArtifactName : undefined),
  });
}

function present(ref: ProvisionedProductRef): ProvisionedProductRef {
  const optional = Object.entries(ref).filter(([key, value]) => key !== 'id' && key !== 'name' && value !== undefined && value !== '');
  return { id: ref.id, name: ref.name, ...Object.fromEntries(optional) };
}
