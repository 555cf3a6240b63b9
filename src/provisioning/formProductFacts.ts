// A form's look at the product facts its connection shares (connections/productFacts): the names of a
// product, its versions and launch paths. A form's first look at a product reads it afresh (the shared
// read may be hours old: an admin may have added or retired a version since) and shares that read;
// later looks use it, and what the form looked up is read again after its Reload.
import type { ProductFacts } from '../connections/productFacts';
import type { ControllerDeps } from './controllerDeps';

export class FormProductFacts {
  private readonly looked = new Set<string>();

  constructor(private readonly deps: Pick<ControllerDeps, 'service' | 'productFacts'>) {}

  async of(productId: string): Promise<ProductFacts | undefined> {
    const service = this.deps.service();
    if (!this.looked.has(productId)) this.deps.productFacts.forget(service, productId);
    this.looked.add(productId);
    return this.deps.productFacts.of(service, productId);
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
