// What every SDK client of a connection shares: region, retries, timeouts and credentials, and the
// call counter benchmarks and tests read. The Service Catalog client (client.ts) and the
// CloudFormation one (cloudformation/) are built from it, in their own bundles.
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { CONNECTION_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, type CallSettings, type Connection } from '../core/connection';

export interface CallCounter {
  total: number;
  byOperation: Record<string, number>;
}

export function clientConfig(connection: Connection, settings: Pick<CallSettings, 'maxAttempts' | 'requestTimeoutMs'>) {
  return {
    region: connection.region,
    maxAttempts: settings.maxAttempts ?? 5,
    // throwOnRequestTimeout: without it the handler only logs a warning when the timeout passes.
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
    ...(connection.kind === 'sandbox'
      ? {
          endpoint: connection.endpoint,
          credentials: { accessKeyId: connection.accessKeyId, secretAccessKey: connection.secretAccessKey },
        }
      : {
          // An explicit profile must win over env credentials; without one, follow the CLI's default chain.
          credentials: connection.profile ? fromIni({ profile: connection.profile }) : fromNodeProviderChain(),
        }),
  };
}

/** Counts each command by name (without "Command") into `counter`. */
export function countCall(counter: CallCounter | undefined, commandName: string | undefined): void {
  if (!counter) return;
  const op = String(commandName ?? 'unknown').replace(/Command$/, '');
  counter.total++;
  counter.byOperation[op] = (counter.byOperation[op] ?? 0) + 1;
}
