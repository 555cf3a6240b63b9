// Builds the Service Catalog SDK client for a connection. AcceptLanguage is added to every request
// here, so callers never forget it; a call counter lets benchmarks and tests see how many requests were made.
import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import type { CallSettings, Connection } from '../core/connection';
import { clientConfig, countCall, type CallCounter } from './clientConfig';

export type { CallCounter } from './clientConfig';

export function createServiceCatalogClient(connection: Connection, settings: CallSettings, counter?: CallCounter): ServiceCatalogClient {
  const client = new ServiceCatalogClient(clientConfig(connection, settings));
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (input && input.AcceptLanguage === undefined) input.AcceptLanguage = settings.language;
      countCall(counter, context.commandName);
      return next(args);
    },
    { step: 'initialize', name: 'serviceCatalogExplorerDefaults' },
  );
  return client;
}
