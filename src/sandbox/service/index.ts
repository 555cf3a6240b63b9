// The sandbox's service layer: createService() builds (or restores) the catalog state and
// answers every operation. Time is read from the clock on each request and applied lazily.
import type { Clock, OperationHandler, SandboxService, ServiceOptions } from '../contract';
import { emptyDictionary, toDictionary } from './dictionary';
import type { OpEnv } from './env';
import { authorize } from '../iam/index';
import { cloudFormationOperations } from '../cloudformation/operations';
import { generatedSteps } from './generated';
import { OPERATIONS, WRITE_OPERATIONS } from './operations';
import { catalogOwners } from './operations/access';
import { advanceTo } from './progress';
import { Secrets } from './secrets';
import { seedPortfolios, seedProducts, seedServiceActions } from './seedCatalog';
import { seedHistorySteps } from './seedHistory';
import { runSeedSteps } from './seedRunner';
import { CatalogState } from './state';
import type { CatalogData } from './types';

export { SEED } from './seedCatalog';
export { generatedId, generatedName } from './generated';
export { checkParameterValue, resolveParameters } from './parameters';

const systemClock: Clock = { now: () => Date.now() };

export function createService(options: ServiceOptions): SandboxService {
  const clock = options.clock ?? systemClock;
  const timeScale = options.timeScale > 0 ? options.timeScale : 1;
  const secrets = options.secretKey ? new Secrets(options.secretKey) : Secrets.inMemory();
  const restored = options.restoreFrom !== undefined ? restoredData(options.restoreFrom, secrets) : undefined;
  if (restored === 'outdated') options.log?.('The state file was written by an earlier sandbox (its catalog lacks callers or product details this one has); starting from a fresh seed.');
  const state = new CatalogState(restored && restored !== 'outdated' ? restored : seededData(clock.now(), timeScale, options.generatedProducts, secrets));
  if (options.searchLagMs) state.searchIndex.lag = options.searchLagMs;

  // Every call is authorized against its caller's policy first; seeds call the operations directly.
  const owners = catalogOwners(state);
  const handlers: Record<string, OperationHandler> = {};
  for (const [operation, run] of Object.entries(OPERATIONS)) {
    handlers[operation] = (input, caller) => {
      const now = clock.now();
      advanceTo(state, now);
      authorize(caller, operation, input ?? {}, owners);
      const env: OpEnv = { state, secrets, now, caller, timeScale, operation };
      return run(input ?? {}, env);
    };
  }
  const cloudFormation: Record<string, OperationHandler> = {};
  for (const [action, run] of Object.entries(cloudFormationOperations(state))) {
    cloudFormation[action] = (input, caller) => {
      const now = clock.now();
      advanceTo(state, now);
      return run(input ?? {}, caller, now);
    };
  }
  return {
    handlers,
    cloudFormation,
    isWrite: (operation) => WRITE_OPERATIONS.has(operation),
    snapshot() {
      advanceTo(state, clock.now());
      // Through JSON, so the snapshot is exactly what a state file will hold (no undefined members).
      return JSON.parse(JSON.stringify(state.data));
    },
  };
}

function emptyData(now: number): CatalogData {
  return {
    version: 4, serial: 0, portfolios: seedPortfolios(), products: seedProducts(now), serviceActions: seedServiceActions(),
    provisionedProducts: emptyDictionary(), provisionedProductOrder: [], records: emptyDictionary(), recordOrder: [],
    plans: emptyDictionary(), planOrder: [], idempotency: emptyDictionary(),
  };
}

function seededData(now: number, timeScale: number, generated: number, secrets: Secrets): CatalogData {
  const data = emptyData(now);
  const state = new CatalogState(data);
  const steps = [...generatedSteps(Math.max(0, generated), now, timeScale), ...seedHistorySteps(now, timeScale)];
  runSeedSteps(state, secrets, OPERATIONS, steps, timeScale);
  advanceTo(state, now);
  return data;
}

/** Snapshot versions whose catalog this version replaces with a fresh seed rather than refuse. */
const OUTDATED_VERSIONS: readonly unknown[] = [1, 2, 3];

/**
 * A copy of a snapshot (parsed JSON, so its objects have prototypes) with null-prototype dictionaries,
 * or 'outdated' for a snapshot of an earlier catalog shape (seeding anew beats a catalog nobody may see).
 */
function restoredData(snapshot: unknown, secrets: Secrets): CatalogData | 'outdated' {
  const data = snapshot as Partial<CatalogData> | null;
  const dictionaries = ['provisionedProducts', 'records', 'plans', 'idempotency'] as const;
  if (data && OUTDATED_VERSIONS.includes(data.version)) return 'outdated';
  if (!data || data.version !== 4 || !Array.isArray(data.recordOrder) || !dictionaries.every((name) => isObject(data[name]))) {
    throw new Error('The sandbox state snapshot is not one this version can restore.');
  }
  const copy = structuredClone(data as CatalogData);
  const restored: CatalogData = {
    ...copy,
    provisionedProducts: toDictionary(copy.provisionedProducts),
    records: toDictionary(copy.records),
    plans: toDictionary(copy.plans),
    idempotency: toDictionary(copy.idempotency),
  };
  secrets.upgradeUnkeyedDigests(restored);
  return restored;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
