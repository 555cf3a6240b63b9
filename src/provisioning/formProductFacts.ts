// A form's look at the catalog its connection shares (connections/catalogCache): the names of a
// product, its versions and launch paths. The shared reads are at most a few minutes old
// (CATALOG_MAX_AGE_MS), so a new form uses them; the form's Reload reads the connection's catalog again.
import type { ConnectionCatalog, ProductFacts } from '../connections/catalogCache';
import type { ControllerDeps } from './controllerDeps';

export class FormProductFacts {
  constructor(private readonly deps: Pick<ControllerDeps, 'service' | 'catalog'>) {}

  /** The current connection's catalog (throws when not connected). */
  get catalog(): ConnectionCatalog {
    return this.deps.catalog.of(this.deps.service());
  }

  of(productId: string): Promise<ProductFacts | undefined> {
    return this.catalog.productFacts(productId);
  }

  /** Reload: the connection's catalog is read again (for every user: the newer answer is the better). */
  forget(): void {
    let service;
    try {
      service = this.deps.service();
    } catch {
      return; // another connection now (or none): what this form read belongs to the old one
    }
    this.deps.catalog.refresh(service);
  }
}
