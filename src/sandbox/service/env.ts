// What every operation receives besides its input: the state, the moment it runs at and who calls.
import type { RequestContext } from '../contract';
import type { Secrets } from './secrets';
import type { CatalogState } from './state';

export interface OpEnv {
  readonly state: CatalogState;
  /** Seals NoEcho values and fingerprints requests with the install's key. */
  readonly secrets: Secrets;
  /** Epoch ms the request is handled at; the state has already been advanced to it. */
  readonly now: number;
  readonly caller: RequestContext;
  readonly timeScale: number;
  /** Operation name, which decides the exception types it may answer with. */
  readonly operation: string;
  /** Seeding only: fixed id for the provisioned product a request creates. */
  readonly presetId?: string;
  /** Seeding only: replaces the product's planned work duration (virtual seconds). */
  readonly workSeconds?: number;
}

export type Operation = (input: Record<string, any>, env: OpEnv) => unknown;
