// Builds the SDK client for a connection. AcceptLanguage is added to every request here, so callers
// never forget it; a call counter lets benchmarks and tests see how many requests were made.
import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { CONNECTION_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, type CallSettings, type Connection } from '../core/connection';

export interface CallCounter {
  total: number;
  byOperation: Record<string, number>;
}

export function createServiceCatalogClient(connection: Connection, settings: CallSettings, counter?: CallCounter): ServiceCatalogClient {
  const client = new ServiceCatalogClient({
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
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (input && input.AcceptLanguage === undefined) input.AcceptLanguage = settings.language;
      if (counter) {
        const op = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        counter.total++;
        counter.byOperation[op] = (counter.byOperation[op] ?? 0) + 1;
      }
      return next(args);
    },
    { step: 'initialize', name: 'serviceCatalogExplorerDefaults' },
  );
  return client;
}
