// Sandbox and API set-up shared by the benchmarks.
import { CatalogApi } from '../../src/aws/catalogApi';
import type { AccessLevel, SandboxConnection } from '../../src/core/connection';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index';

/** A sandbox that ignores SANDBOX_* from the environment: a benchmark states every knob it uses. */
export function startBenchSandbox(knobs: Partial<SandboxOptions>): Promise<Sandbox> {
  return startSandbox({ env: {}, seed: 1, log: (m) => process.stderr.write(`[sandbox] ${m}\n`), ...knobs });
}

/** As the sandbox's administrator: only AWSServiceCatalogAdminFullAccess may list the whole account. */
export function sandboxConnection(sandbox: Sandbox): SandboxConnection {
  const { accessKeyId, secretAccessKey } = sandbox.credentialsOf('admin');
  return { kind: 'sandbox', endpoint: sandbox.endpoint, region: sandbox.region, accessKeyId, secretAccessKey };
}

/** The API exactly as the extension makes it (default SDK retries), at the Account level (as the admin) so every product shows. */
export function benchApi(sandbox: Sandbox, accessLevel: AccessLevel = 'Account'): CatalogApi {
  return new CatalogApi(sandboxConnection(sandbox), { accessLevel, language: 'en' });
}
