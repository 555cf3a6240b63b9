// Shared by every test that talks to a sandbox: start one with fast virtual time and every response
// checked against the model, and make SDK clients or raw signed requests for it.
import {
  DescribeProductCommand,
  DescribeProvisioningParametersCommand,
  SearchProductsCommand,
  ServiceCatalogClient,
  type ServiceCatalogClientConfig,
} from '@aws-sdk/client-service-catalog';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { ADMIN_TOKEN_HEADER } from '../../src/sandbox/admin';
import { ServiceError, type SandboxService } from '../../src/sandbox/contract';
import { startSandbox, type Sandbox, type SandboxOptions, type SandboxPersona } from '../../src/sandbox/index';

/** Virtual time for tests: a minute of provisioning passes in about 0.1 s. */
export const TEST_TIME_SCALE = 600;

/**
 * A sandbox for a test: fast time, responses validated against the model, SANDBOX_* environment
 * variables ignored (a test states the knobs it relies on). Stop it in `after`.
 */
export function startTestSandbox(knobs: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({ env: {}, timeScale: TEST_TIME_SCALE, validateResponses: true, seed: 1, ...knobs });
}

export interface ClientOptions extends Partial<ServiceCatalogClientConfig> {
  /** Sign as one of the sandbox's callers (identities.ts); the default is the end user. */
  persona?: SandboxPersona;
  /** Sign with other keys (e.g. unknown or temporary ones); wins over `persona`. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** The keys a persona signs with. */
export function personaKeys(sandbox: Sandbox, persona: SandboxPersona): { accessKeyId: string; secretAccessKey: string } {
  const { accessKeyId, secretAccessKey } = sandbox.credentialsOf(persona);
  return { accessKeyId, secretAccessKey };
}

/**
 * An SDK client for the sandbox, signed as the end user unless `persona` (or `credentials`) says
 * otherwise. One attempt unless `maxAttempts` says otherwise, so failures are fast.
 */
export function sdkClient(sandbox: Sandbox, opts: ClientOptions = {}): ServiceCatalogClient {
  const { persona, ...config } = opts;
  return new ServiceCatalogClient({
    endpoint: sandbox.endpoint,
    region: sandbox.region,
    credentials: persona ? personaKeys(sandbox, persona) : sandbox.credentials,
    maxAttempts: 1,
    ...config,
  });
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json(): any;
}

export interface RawRequest {
  /** The operation name, or a whole X-Amz-Target value when it contains a dot. */
  target?: string;
  body?: string;
  headers?: Record<string, string>;
  /** false sends the request unsigned. */
  sign?: boolean;
  /** Sign as this caller (default: the end user); `credentials` wins over it. */
  persona?: SandboxPersona;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  signingDate?: Date;
}

/** Sends a hand-made request (signed with the Smithy signer unless `sign: false`), for what the SDK won't send. */
export async function rawRequest(sandbox: Sandbox, req: RawRequest): Promise<RawResponse> {
  const body = req.body ?? '{}';
  return sendRaw(sandbox, await requestHeaders(sandbox, req), body);
}

/** The headers of a request as the client would send them (signed unless `sign: false`), Host excepted. */
export async function requestHeaders(sandbox: Sandbox, req: RawRequest): Promise<Record<string, string>> {
  const target = req.target === undefined ? undefined : req.target.includes('.') ? req.target : `AWS242ServiceCatalogService.${req.target}`;
  const url = new URL(sandbox.endpoint);
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-amz-json-1.1',
    ...(target ? { 'x-amz-target': target } : {}),
    ...req.headers,
  };
  let sent = headers;
  if (req.sign !== false) {
    const signer = new SignatureV4({
      service: 'servicecatalog',
      region: sandbox.region,
      credentials: req.credentials ?? (req.persona ? personaKeys(sandbox, req.persona) : sandbox.credentials),
      sha256: Sha256,
    });
    const request = new HttpRequest({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', headers, body: req.body ?? '{}' });
    sent = (await signer.sign(request, { signingDate: req.signingDate })).headers;
  }
  return Object.fromEntries(Object.entries(sent).filter(([name]) => name !== 'host')); // fetch sets Host itself
}

/** POSTs `body` with exactly these headers. */
export async function sendRaw(sandbox: Sandbox, headers: Record<string, string>, body: string): Promise<RawResponse> {
  const res = await fetch(sandbox.endpoint + '/', { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

/** Calls an admin endpoint (/__sandbox/...) the way a test in another process would: with the printed token, posting JSON. */
export async function admin(sandbox: Sandbox, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sandbox.endpoint}/__sandbox/${path}`, {
    method,
    headers: { [ADMIN_TOKEN_HEADER]: sandbox.adminToken, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** Runs `fn` and returns what it threw; fails the test if it did not throw. */
export async function caught(fn: () => Promise<unknown>): Promise<any> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error, but the call succeeded');
}

export interface FakeService extends SandboxService {
  /** How many writes (ProvisionProduct calls) the fake applied. */
  readonly writes: () => number;
}

/**
 * A tiny stand-in for the service layer, for wire tests that need no real catalog.
 * DescribeProduct misbehaves on purpose by Id: 'prod-broken' answers off-model output,
 * 'prod-crash' throws a plain Error, anything else is ResourceNotFoundException.
 */
export function fakeService(): FakeService {
  let writes = 0;
  const record = (id: string, name = 'fake') => ({
    RecordId: id,
    ProvisionedProductName: name,
    Status: 'SUCCEEDED',
    CreatedTime: new Date(1_700_000_000_250),
    UpdatedTime: new Date(1_700_000_060_000),
    RecordType: 'PROVISION_PRODUCT',
    ProvisionedProductType: 'CFN_STACK',
    RecordErrors: [],
    RecordTags: [],
  });
  return {
    writes: () => writes,
    isWrite: (operation) => operation === 'ProvisionProduct',
    snapshot: () => ({ writes }),
    handlers: {
      SearchProducts: () => ({
        ProductViewSummaries: [{ Id: 'prodview-fake', ProductId: 'prod-fake', Name: 'Fake product', Type: 'CLOUD_FORMATION_TEMPLATE' }],
      }),
      SearchProvisionedProducts: () => ({ ProvisionedProducts: [], TotalResultsCount: 0 }),
      DescribeRecord: (input) => ({ RecordDetail: record(input.Id), RecordOutputs: [] }),
      ProvisionProduct: (input) => {
        writes++;
        return { RecordDetail: { ...record(`rec-${writes}`, input.ProvisionedProductName), Status: 'CREATED' } };
      },
      DescribeProduct: (input) => {
        if (input.Id === 'prod-broken') {
          return {
            ProductViewSummary: { Id: 'prodview-broken', Type: 'SPACESHIP', Colour: 'red' },
            ProvisioningArtifacts: [{ Id: 'pa-1', CreatedTime: '2024-01-01T00:00:00Z' }],
          };
        }
        if (input.Id === 'prod-crash') throw new Error('fake handler crashed');
        throw new ServiceError('ResourceNotFoundException', `Product ${input.Id} not found`);
      },
    },
  };
}

/** Everything ProvisionProduct needs besides a name and a token. */
export interface LaunchableProduct {
  ProductId: string;
  ProvisioningArtifactId: string;
  PathId: string;
  ProvisioningParameters: { Key: string; Value: string }[];
}

/**
 * Finds, through the API, the first product of the catalog that can be launched with default (or
 * first allowed) parameter values — so a test depends on the seeded catalog's shape, not on its ids.
 */
export async function launchableProduct(client: ServiceCatalogClient): Promise<LaunchableProduct> {
  const { ProductViewSummaries = [] } = await client.send(new SearchProductsCommand({}));
  for (const view of ProductViewSummaries) {
    const product = await client.send(new DescribeProductCommand({ Id: view.ProductId }));
    const artifact = product.ProvisioningArtifacts?.at(-1);
    const path = product.LaunchPaths?.[0];
    if (!artifact?.Id || !path?.Id) continue;
    const ids = { ProductId: view.ProductId!, ProvisioningArtifactId: artifact.Id, PathId: path.Id };
    const params = await client.send(new DescribeProvisioningParametersCommand(ids));
    const values = (params.ProvisioningArtifactParameters ?? []).map((p) => ({
      Key: p.ParameterKey!,
      Value: p.DefaultValue ?? p.ParameterConstraints?.AllowedValues?.[0],
    }));
    if (values.every((v) => v.Value !== undefined)) return { ...ids, ProvisioningParameters: values as { Key: string; Value: string }[] };
  }
  throw new Error('no product in the catalog can be launched with default parameter values');
}
