// Extra provisioned products for listing benchmarks: deterministic names and ids, mostly
// AVAILABLE with a sprinkling of every other status, created by ordinary back-dated requests.
import { SEED } from './seedCatalog';
import type { SeedStep } from './seedRunner';

const DAY = 86_400_000;
const { products: P, callers } = SEED;

export const generatedName = (index: number) => `bench-pp-${String(index).padStart(5, '0')}`;
export const generatedId = (index: number) => `pp-bench${String(index).padStart(8, '0')}`;

/** Spread over the 60 to 11 days before `now`, before any seeded history. */
export function generatedSteps(count: number, now: number, timeScale: number): SeedStep[] {
  const steps: SeedStep[] = [];
  const first = now - 60 * DAY;
  const span = 49 * DAY;
  for (let i = 1; i <= count; i++) {
    const at = first + Math.floor((span * i) / (count + 1));
    const base = { id: generatedId(i), name: generatedName(i), callerArn: i % 3 === 0 ? callers.colleague : callers.user, token: `bench-${i}` };
    steps.push(...stepsFor(i, at, base, now, timeScale));
  }
  return steps;
}

interface Base { id: string; name: string; callerArn: string; token: string }

function provisionStep(at: number, base: Base, productId: string, artifactId: string, parameters: Record<string, string>): SeedStep {
  return {
    at, operation: 'ProvisionProduct', callerArn: base.callerArn, presetId: base.id,
    input: {
      ProductId: productId, ProvisioningArtifactId: artifactId, ProvisionedProductName: base.name, ProvisionToken: base.token,
      ProvisioningParameters: Object.entries(parameters).map(([Key, Value]) => ({ Key, Value })),
    },
  };
}

function updateStep(at: number, base: Base, input: Record<string, any>): SeedStep {
  return { at, operation: 'UpdateProvisionedProduct', callerArn: base.callerArn, input: { ProvisionedProductId: base.id, UpdateToken: `${base.token}-u`, ...input } };
}

function stepsFor(i: number, at: number, base: Base, now: number, timeScale: number): SeedStep[] {
  if (i % 97 === 0) {
    // In flight now: a long update started a few (scaled) minutes ago.
    return [
      provisionStep(at, base, P.devInstance.id, P.devInstance.versions.v11, {}),
      { ...updateStep(now - (5 * 60_000) / timeScale - i, base, { ProvisioningParameters: [{ Key: 'InstanceType', Value: 't3.medium' }] }), live: true, workSeconds: 6 * 3600 },
    ];
  }
  if (i % 41 === 0) return [provisionStep(at, base, P.analyticsCluster.id, P.analyticsCluster.versions.v02, { ClusterName: base.name })];
  if (i % 23 === 0) {
    return [
      provisionStep(at, base, P.legacyDatabase.id, P.legacyDatabase.versions.v1, { MasterPassword: 'Generated1234' }),
      updateStep(at + DAY / 4, base, { ProvisioningArtifactId: P.legacyDatabase.versions.v2 }),
    ];
  }
  if (i % 2 === 0) return [provisionStep(at, base, P.devInstance.id, P.devInstance.versions.v11, { InstanceType: i % 4 === 0 ? 't3.small' : 't3.micro' })];
  if (i % 5 === 0) return [provisionStep(at, base, P.terraformBucket.id, P.terraformBucket.versions.v11, { bucket_prefix: `bench-${i}` })];
  return [provisionStep(at, base, P.staticWebsite.id, P.staticWebsite.versions.v11, { BucketName: `bench-site-${i}` })];
}
