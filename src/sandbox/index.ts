// The sandbox's public entry point: a local, wire-compatible AWS Service Catalog.
import { createService } from './service/index';
import { launchSandbox, type Sandbox, type SandboxOptions } from './server';

export type { Sandbox, SandboxOptions } from './server';
export type { SandboxKnobs } from './knobs';
export type { SandboxStats } from './stats';
export { identityOf, KNOWN_IDENTITIES, SANDBOX_ADMIN, SANDBOX_COLLEAGUE, SANDBOX_NO_STACKS_USER, SANDBOX_PERSONAS, SANDBOX_READER, SANDBOX_USER, type ManagedPolicyName, type SandboxIdentity, type SandboxPersona } from './identities';

/**
 * Starts a sandbox on 127.0.0.1. Knobs come from `options`, then SANDBOX_* environment variables, then
 * `options.defaults`, then built-in defaults; pass `service` to serve a ready-made (fake) service
 * instead of the real catalog.
 */
export function startSandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return launchSandbox(options, createService);
}
