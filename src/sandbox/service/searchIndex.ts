// SearchProvisionedProducts answers from an index that trails writes (seconds on AWS: puppet moved to
// ScanProvisionedProducts for that reason, awslabs/aws-service-catalog-puppet#284). With a lag of L ms
// a search at `now` sees every provisioned product as it was at `now - L`: one provisioned less than
// L ago is absent, a status, version or owner change within L shows the old values, and a terminated
// one lingers. Scan and Describe read the current state.
//
// Memory stays bounded: only products changed within the last L ms have a history (copies of the
// product at each change, the one before the first change included); older entries are dropped as
// the horizon passes them, and with no lag nothing is kept at all. A change made without going
// through change() shows at once, or as soon as the changes before it leave the window.
import type { ProvisionedProduct } from './types';

interface Version {
  /** From when this copy is what the index shows. */
  at: number;
  /** undefined: the product is not in the index (not yet provisioned). */
  copy: ProvisionedProduct | undefined;
}

/** A product's history never grows past this, however often it changes within the lag. */
const MAX_VERSIONS = 32;

export class SearchIndex {
  private readonly history = new Map<string, Version[]>();
  /** The lag in ms (the searchLagMs knob), read at each change and search. */
  lag: () => number = () => 0;

  /** Runs `mutate` on `pp`, which changes it at `at`, and remembers the product as it was before. */
  change(pp: ProvisionedProduct, at: number, mutate: () => void): void {
    const lag = this.lag();
    if (lag <= 0) {
      this.history.clear();
      mutate();
      return;
    }
    let versions = this.history.get(pp.id);
    if (!versions) {
      versions = [{ at: Number.NEGATIVE_INFINITY, copy: copyOf(pp) }];
      this.history.set(pp.id, versions);
    }
    mutate();
    this.remember(versions, at, copyOf(pp));
    trimTo(versions, at - lag);
  }

  /** A product that did not exist before `at` (nothing of it is shown before then). */
  created(pp: ProvisionedProduct, at: number): void {
    if (this.lag() <= 0) return;
    this.history.set(pp.id, [{ at: Number.NEGATIVE_INFINITY, copy: undefined }, { at, copy: copyOf(pp) }]);
  }

  /**
   * The provisioned products a search at `now` sees, in `order` (ids, oldest first), each as it was
   * at the horizon. `current` reads a product's present state.
   */
  *visible(order: readonly string[], current: (id: string) => ProvisionedProduct | undefined, now: number): Iterable<ProvisionedProduct> {
    const lag = this.lag();
    if (lag <= 0) this.history.clear();
    const horizon = now - Math.max(0, lag);
    this.prune(horizon);
    for (const id of order) {
      const versions = this.history.get(id);
      const pp = versions ? versionAt(versions, horizon) : current(id);
      if (pp && !pp.terminated) yield pp;
    }
  }

  /** Products with a history: what the index holds besides the state (for tests of its bound). */
  get trackedCount(): number {
    return this.history.size;
  }

  private remember(versions: Version[], at: number, copy: ProvisionedProduct): void {
    // Changes arrive in time order but may share a moment (creation and its record): the last wins.
    let index = versions.length;
    while (index > 1 && versions[index - 1].at > at) index--;
    if (versions[index - 1]?.at === at) versions[index - 1] = { at, copy };
    else versions.splice(index, 0, { at, copy });
    if (versions.length > MAX_VERSIONS) versions.splice(1, versions.length - MAX_VERSIONS);
  }

  /** A product whose newest version the horizon shows needs no history: the state is what is shown. */
  private prune(horizon: number): void {
    for (const [id, versions] of this.history) if (trimTo(versions, horizon)) this.history.delete(id);
  }
}

/** Drops the versions the horizon has passed but the one it shows; true when that one is the newest. */
function trimTo(versions: Version[], horizon: number): boolean {
  let shown = 0;
  while (shown + 1 < versions.length && versions[shown + 1].at <= horizon) shown++;
  const newest = shown === versions.length - 1;
  if (shown > 0 && !newest) versions.splice(0, shown);
  return newest;
}

function versionAt(versions: readonly Version[], horizon: number): ProvisionedProduct | undefined {
  let shown = versions[0];
  for (const version of versions) if (version.at <= horizon) shown = version;
  return shown.copy;
}

function copyOf(pp: ProvisionedProduct): ProvisionedProduct {
  return structuredClone(pp);
}
