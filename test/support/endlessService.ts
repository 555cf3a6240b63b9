// A Service Catalog that always has another page: every list answer carries a fresh NextPageToken
// (one item a page). Calls are answered in the SDK client itself, so the real commands run, no network.
import type { ServiceCatalogClient, ServiceOutputTypes } from '@aws-sdk/client-service-catalog';
import { CatalogApi } from '../../src/aws/catalogApi';

/** Far past any sensible cap: a pager still going here would never have stopped. */
const RUNAWAY_CALLS = 1_000;

const LIST_MEMBERS = [
  'ProvisionedProducts', 'Outputs', 'RecordDetails', 'RecordOutputs', 'LaunchPathSummaries', 'ResourceChanges',
  'ProvisionedProductPlans', 'ServiceActionSummaries', 'ProductViewSummaries',
];

export interface EndlessService {
  readonly api: CatalogApi;
  /** Every call: the operation and the PageToken it was sent with. */
  readonly calls: { operation: string; pageToken?: string }[];
}

function endlessAnswer(call: number): Record<string, unknown> {
  const item = { Id: `item-${call}`, RecordId: `rec-${call}`, RecordType: 'UPDATE_PROVISIONED_PRODUCT', Status: 'SUCCEEDED', CreatedTime: new Date(call * 1000) };
  return {
    ...Object.fromEntries(LIST_MEMBERS.map((member) => [member, [item]])),
    RecordDetail: { RecordId: 'rec-described', Status: 'SUCCEEDED' },
    ProvisionedProductPlanDetails: { PlanId: 'plan-described', Status: 'CREATE_SUCCESS' },
    NextPageToken: `page-${call}`,
  };
}

export function endlessService(): EndlessService {
  const api = new CatalogApi(
    { kind: 'sandbox', endpoint: 'http://127.0.0.1:9', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' },
    { accessLevel: 'User', language: 'en', maxAttempts: 1 },
  );
  const calls: EndlessService['calls'] = [];
  answerInClient(api.client, (operation, input) => {
    calls.push({ operation, pageToken: input.PageToken as string | undefined });
    if (calls.length > RUNAWAY_CALLS) throw new Error(`the pager never stopped: ${calls.length} calls`);
    return endlessAnswer(calls.length);
  });
  return { api, calls };
}

function answerInClient(client: ServiceCatalogClient, answer: (operation: string, input: Record<string, unknown>) => Record<string, unknown>): void {
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const output = answer(String(context.commandName).replace(/Command$/, ''), args.input as Record<string, unknown>);
      return { output: { $metadata: {}, ...output } as ServiceOutputTypes, response: {} };
    },
    { step: 'initialize', name: 'endlessPages', priority: 'low' },
  );
}
