// A write the user asked for once must happen once: when its connection drops or it stays throttled
// after the SDK's own retries, it is sent again with the same idempotency token, so the service
// answers with the first call's result instead of starting a second operation.
import { classifyError } from './errors';

export interface RetryOptions {
  readonly attempts?: number;
  readonly delayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE = new Set(['network', 'throttled']);

export function callWithToken<T>(token: string, call: (token: string) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  return retryTransient(() => call(token), options);
}

/**
 * Calls again after a dropped connection or throttling; any other failure, or the last attempt's, is
 * thrown. The caller keeps what must stay the same across attempts (a form's guard keeps its token).
 */
export async function retryTransient<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 3);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !RETRYABLE.has(classifyError(error).kind)) throw error;
      await sleep((options.delayMs ?? 500) * attempt);
    }
  }
}
