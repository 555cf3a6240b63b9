// What the fault tests share: the API exactly as the extension builds it, and what an app does around
// one user action (one idempotency token, reused on every retry of that action).
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { CatalogApi } from '../../src/aws/catalogApi';
import type { AccessLevel } from '../../src/core/connection';
import { isTerminalRecordStatus } from '../../src/core/statuses';
import { newIdempotencyToken } from '../../src/core/parameters/validators';
import type { Sandbox, SandboxPersona } from '../../src/sandbox/index';

/** The extension's API signed as one of the sandbox's callers (the end user unless told). */
export function extensionApi(sandbox: Sandbox, accessLevel: AccessLevel = 'User', persona: SandboxPersona = 'endUser'): CatalogApi {
  const { accessKeyId, secretAccessKey } = sandbox.credentialsOf(persona);
  return new CatalogApi(
    { kind: 'sandbox', endpoint: sandbox.endpoint, region: sandbox.region, accessKeyId, secretAccessKey },
    { accessLevel, language: 'en' },
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Unanswered (connection dropped or refused) or throttled out of the SDK's own retries: safe to resend with the same token. */
export function isRetryable(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'ThrottlingException' || e?.$metadata?.httpStatusCode === undefined;
}

export interface UserActionStats {
  attempts: number;
}

/** One click: one token for every attempt; retries only what may not have been applied. */
export async function asUserAction<T>(run: (token: string) => Promise<T>, stats?: UserActionStats, maxAttempts = 10): Promise<T> {
  const token = newIdempotencyToken();
  for (let attempt = 1; ; attempt++) {
    if (stats) stats.attempts++;
    try {
      return await run(token);
    } catch (error) {
      if (!isRetryable(error) || attempt >= maxAttempts) throw error;
      await sleep(20 * attempt);
    }
  }
}

/** Polls DescribeRecord until the record settles (reads are never dropped by the sandbox's knob). */
export async function settle(api: CatalogApi, recordId: string, intervalMs = 25, timeoutMs = 20_000): Promise<RecordDetail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { detail } = await api.describeRecord(recordId);
    if (isTerminalRecordStatus(detail.Status)) return detail;
    if (Date.now() > deadline) throw new Error(`record ${recordId} still ${detail.Status} after ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}
