// Builds history by replaying ordinary requests at back-dated times, so seeded products, records
// and plans go through exactly the same rules and life cycle as live requests.
import { SANDBOX_IDENTITY, type RequestContext } from '../contract';
import type { Operation, OpEnv } from './env';
import { advanceTo } from './progress';
import type { Secrets } from './secrets';
import type { CatalogState } from './state';

export interface SeedStep {
  at: number;
  operation: string;
  input: Record<string, any>;
  callerArn: string;
  presetId?: string;
  workSeconds?: number;
  /** History runs at realistic speed; work still in flight now runs at the service's timeScale. */
  live?: boolean;
}

export function runSeedSteps(state: CatalogState, secrets: Secrets, operations: Record<string, Operation>, steps: SeedStep[], timeScale: number): void {
  const ordered = [...steps].sort((a, b) => a.at - b.at);
  for (const step of ordered) {
    advanceTo(state, step.at);
    // History is replayed on the operations themselves, past the IAM check of the handlers.
    const caller: RequestContext = {
      accessKeyId: 'seed', callerArn: step.callerArn, accountId: SANDBOX_IDENTITY.accountId, region: SANDBOX_IDENTITY.region,
      policy: 'AWSServiceCatalogAdminFullAccess',
    };
    const env: OpEnv = {
      state, secrets, now: step.at, caller, timeScale: step.live ? timeScale : 1, operation: step.operation,
      presetId: step.presetId, workSeconds: step.workSeconds,
    };
    operations[step.operation](step.input, env);
  }
}
