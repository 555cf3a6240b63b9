// A form's look at the product facts its connection shares (connections/productFacts): the names of a
// product, its versions and launch paths. What the form looked up is read again after its Reload.
import type { ProductFacts } from '../connections/productFacts';
import type { ControllerDeps } from './controllerDeps';

export class FormProductFacts {
  private readonly looked = new Set<string>();

  constructor(private readonly deps: Pick<ControllerDeps, 'service' | 'productFacts'>) {}

  async of(productId: string): Promise<ProductFacts | undefined> {
    this.looked.add(productId);
    return this.deps.productFacts.of(this.deps.service(), productId);
  }

  /** Reload: the next look at these products reads them again (for every user: the newer answer is the better). */
  forget(): void {
    let service;
    try {
      service = this.deps.service();
    } catch {
      return; // another connection now (or none): what this form read belongs to the old one
    }
    for (const productId of this.looked) this.deps.productFacts.forget(service, productId);
    this.looked.clear();
  }
}
