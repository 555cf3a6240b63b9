// What the form controllers' unit tests share: the forms' service on a sandbox of their own, and
// controller deps that do nothing but what a test overrides.
import { strict as assert } from 'node:assert';
import { ProvisioningService } from '../../src/aws/provisioningService';
import { CatalogCache } from '../../src/connections/catalogCache';
import type { ControllerDeps, FormService } from '../../src/provisioning/controllerDeps';
import { RequestError } from '../../src/core/webview/requestError';
import type { Handlers } from '../../src/ui/webview/messageRouter';
import type { Sandbox } from '../../src/sandbox/index';
import { sdkClient, startTestSandbox } from './sandbox';

export interface SandboxedService {
  readonly sandbox: Sandbox;
  readonly service: ProvisioningService;
}

/** A sandbox and the forms' service on it for the calling suite; `perTest`: a fresh one for each test. */
export function useSandboxService(options: { perTest?: boolean } = {}): SandboxedService {
  const current: { sandbox?: Sandbox; service?: ProvisioningService } = {};
  (options.perTest ? beforeEach : before)(async () => {
    current.sandbox = await startTestSandbox();
    current.service = new ProvisioningService(sdkClient(current.sandbox));
  });
  (options.perTest ? afterEach : after)(() => current.sandbox?.stop());
  return {
    get sandbox() { return current.sandbox!; },
    get service() { return current.service!; },
  };
}

/** Deps of a form controller on `service`: silent, remembering nothing, answering yes to every confirmation, with their own catalog cache. */
export function controllerDeps(service: FormService, overrides: Partial<ControllerDeps> = {}): ControllerDeps {
  return {
    service: () => service,
    catalog: new CatalogCache(),
    connectionLabel: () => 'Sandbox',
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    memory: { recall: () => undefined, remember: () => {} },
    trackRecord: () => {},
    refreshTree: () => {},
    openPlan: () => {},
    confirm: async () => true,
    ...overrides,
  };
}

/** Calls a handler as the router would (params already validated). */
export function call<M extends keyof Handlers>(handlers: Handlers, method: M, params: Parameters<NonNullable<Handlers[M]>>[0]) {
  return (handlers[method] as (p: unknown) => Promise<any>)(params);
}

/** The RequestError a handler refused with (fails the test when it was not refused). */
export async function rejection(promise: Promise<unknown>): Promise<RequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  assert.fail('expected the request to be refused');
}
