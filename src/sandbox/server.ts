// The sandbox's HTTP server: one POST / endpoint speaking awsJson1_1 as Service Catalog does (and the
// IAM Identity Center endpoints of sso/routes.ts on the same port), with a Host check, size and time limits, SigV4, model validation and fault knobs in front of the service
// layer's handlers.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { ServiceError, SANDBOX_IDENTITY, type RequestContext, type SandboxService, type ServiceOptions } from './contract';
import { ADMIN_PREFIX, handleAdmin, type AdminTarget } from './admin';
import { createLimitedServer, DEFAULT_HTTP_LIMITS, type HttpLimits } from './httpLimits';
import { identityOf, SANDBOX_USER, type SandboxPersona } from './identities';
import { assertLive, checkKnobs, defaultKnobs, KNOB_NAMES, knobsFromEnv, seededRandom, type SandboxKnobs } from './knobs';
import { isModelledOperation, SIGNING_NAME, validateInput, validateOutput } from './model';
import { isAddressedToSandbox, misaddressedMessage } from './ownAddress';
import { verifySignature, type SigningKeys } from './sigv4';
import { SandboxIdentityCenter } from './sso/identityCenter';
import { handleIdentityCenter, isIdentityCenterRequest } from './sso/routes';
import { findIdentity } from './identities';
import { readOrCreateStateKey, readStateFile, StateFileWriter } from './stateFile';
import { StatsRecorder, type SandboxStats } from './stats';
import {
  CLOUDFORMATION_SIGNING_NAME, CLOUDFORMATION_VERSION, isCloudFormationOperation, isQueryRequest, parseQueryBody, sendXml, sendXmlError,
  validateCloudFormationInput, validateCloudFormationOutput,
} from './cloudformation/index';
import { checkContentType, hangUpIfBodyUnread, operationFromTarget, parseJsonBody, readBody, sendError, sendJson, toWire } from './wire';

export interface SandboxOptions extends SandboxKnobs {
  /** A ready service (tests with a fake); by default one is created from the knobs and the state file. */
  service: SandboxService;
  /** Where SANDBOX_* knobs are read from (default process.env); options given in code win over them. */
  env: NodeJS.ProcessEnv;
  /**
   * Knobs a host prefers where no SANDBOX_* variable says otherwise (the extension's settings): below
   * the environment, unlike the knobs given directly, which win over it.
   */
  defaults: Partial<SandboxKnobs>;
  /** Where the sandbox reports unexpected errors and response violations (default stderr). */
  log: (message: string) => void;
  /** Timeouts and the connection cap (DEFAULT_HTTP_LIMITS); tests shorten them. */
  httpLimits: Partial<HttpLimits>;
}

export interface Sandbox {
  /** http://127.0.0.1:PORT */
  readonly endpoint: string;
  readonly port: number;
  readonly region: string;
  /** The default caller's keys: the end user (`credentialsOf` gives the other personas'). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** The keys of one of the sandbox's callers (identities.ts). */
  credentialsOf(persona: SandboxPersona): { readonly accessKeyId: string; readonly secretAccessKey: string; readonly arn: string };
  /** Opens the /__sandbox/ endpoints, sent as X-Sandbox-Admin-Token; a new one at each start. */
  readonly adminToken: string;
  /** Current knob values; change the live ones with setKnobs. */
  readonly knobs: Readonly<SandboxKnobs>;
  setKnobs(partial: Partial<SandboxKnobs>): void;
  stats(): SandboxStats;
  resetStats(): void;
  readonly service: SandboxService;
  /** The sandbox's IAM Identity Center (SSO OIDC and portal endpoints on the same port). */
  readonly identityCenter: SandboxIdentityCenter;
  /** Stops listening, drops open connections and saves the state file. */
  stop(): Promise<void>;
}

export type ServiceFactory = (options: ServiceOptions) => SandboxService;

/** Starts a sandbox around a service made by `createService` (index.ts passes the real one). */
export async function launchSandbox(options: Partial<SandboxOptions>, createService: ServiceFactory): Promise<Sandbox> {
  const log = options.log ?? ((message: string) => console.error(`[sandbox] ${message}`));
  const knobs: SandboxKnobs = {
    ...defaultKnobs(),
    ...checkKnobs(options.defaults ?? {}),
    ...knobsFromEnv(options.env ?? process.env),
    ...checkKnobs(pickKnobs(options)),
  };
  const service = options.service ?? createService({
    timeScale: knobs.timeScale,
    generatedProducts: knobs.generatedProducts,
    restoreFrom: knobs.stateFile ? readStateFile(knobs.stateFile) : undefined,
    secretKey: knobs.stateFile ? readOrCreateStateKey(knobs.stateFile, log) : undefined,
    log,
    searchLagMs: () => knobs.searchLagMs,
  });
  const stateWriter = knobs.stateFile ? new StateFileWriter(knobs.stateFile, () => service.snapshot(), log) : undefined;
  const stats = new StatsRecorder();
  let random = seededRandom(knobs.seed);

  const setKnobs = (partial: Partial<SandboxKnobs>): Readonly<SandboxKnobs> => {
    const checked = checkKnobs(partial);
    assertLive(checked);
    Object.assign(knobs, checked);
    if (checked.seed !== undefined) random = seededRandom(checked.seed);
    return knobs;
  };

  const identityCenter = new SandboxIdentityCenter();
  const pipeline: Pipeline = {
    service,
    identityCenter,
    knobs,
    random: () => random(),
    stats,
    log,
    onWrite: () => stateWriter?.schedule(),
  };
  const adminToken = randomBytes(32).toString('base64url');
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.httpLimits };
  const server = createLimitedServer(limits, (req, res) => void route(req, res, pipeline, {
    token: adminToken,
    health: () => ({ status: 'ok', endpoint, operations: Object.keys(service.handlers).length, knobs }),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    setKnobs,
    decideDevice: (userCode, approve) => identityCenter.decide(userCode, approve),
  }));
  const port = await listen(server, knobs.port);
  const endpoint = `http://127.0.0.1:${port}`;

  return {
    endpoint,
    port,
    region: SANDBOX_IDENTITY.region,
    credentials: { accessKeyId: SANDBOX_USER.accessKeyId, secretAccessKey: SANDBOX_USER.secretAccessKey },
    credentialsOf: (persona) => {
      const { accessKeyId, secretAccessKey, arn } = identityOf(persona);
      return { accessKeyId, secretAccessKey, arn };
    },
    adminToken,
    knobs,
    setKnobs: (partial) => void setKnobs(partial),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    service,
    identityCenter,
    stop: async () => {
      await close(server);
      await stateWriter?.flush();
    },
  };
}

function pickKnobs(options: Partial<SandboxOptions>): Partial<SandboxKnobs> {
  const knobs: Record<string, unknown> = {};
  for (const name of KNOB_NAMES) if (options[name] !== undefined) knobs[name] = options[name];
  return knobs;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

interface Pipeline {
  readonly service: SandboxService;
  readonly identityCenter: SandboxIdentityCenter;
  readonly knobs: Readonly<SandboxKnobs>;
  readonly random: () => number;
  readonly stats: StatsRecorder;
  readonly log: (message: string) => void;
  readonly onWrite: () => void;
}

async function route(req: IncomingMessage, res: ServerResponse, pipeline: Pipeline, admin: AdminTarget): Promise<void> {
  const requestId = randomUUID();
  try {
    if (req.url?.startsWith(ADMIN_PREFIX)) return await handleAdmin(req, res, admin);
    // Before anything else: a request for another host name comes from a page that rebound that name.
    if (!isAddressedToSandbox(req)) throw new ServiceError('AccessDeniedException', misaddressedMessage(req), 403);
    const body = await readBody(req);
    if (isIdentityCenterRequest(req)) return handleIdentityCenter(req, res, body, pipeline.identityCenter, requestId);
    if (isQueryRequest(req)) return await routeQuery(req, res, body, pipeline, requestId);
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://sandbox.invalid').pathname !== '/') {
      throw new ServiceError('UnknownOperationException', `${req.method} ${req.url} is not an operation; send POST / with X-Amz-Target`, 404);
    }
    const answer = await handleApiCall(req, body, pipeline, requestId);
    if (answer === 'drop') req.socket.destroy();
    else sendJson(res, 200, answer.output, requestId);
  } catch (err) {
    if (req.socket.destroyed) return; // the client left, or a timeout cut it off: nobody to answer
    hangUpIfBodyUnread(req, res);
    sendError(res, asServiceError(err, requestId, pipeline.log), requestId);
  }
}

/** Runs one API call through the fault knobs, SigV4, validation and the handler. */
async function handleApiCall(req: IncomingMessage, body: Buffer, p: Pipeline, requestId: string): Promise<{ output: unknown } | 'drop'> {
  const operation = operationFromTarget(req.headers['x-amz-target']);
  await beforeCall(p, operation, 'ThrottlingException');
  const handler = isModelledOperation(operation) ? p.service.handlers[operation] : undefined;
  if (!handler) throw new ServiceError('UnknownOperationException', `The operation ${operation} is not supported by the sandbox`);
  checkContentType(req.headers['content-type']);
  const caller = await verifySignature({ method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body }, SIGNING_NAME, Date.now(), (id) => signingKeys(id, p.identityCenter));
  const input = parseJsonBody(body);
  validateInput(operation, input);
  const ctx = requestContext(caller);
  const output = toWire(await handler(input, ctx)) ?? {};
  const isWrite = p.service.isWrite(operation);
  if (isWrite) p.onWrite();
  if (p.knobs.validateResponses) checkResponse(operation, output, p.log, requestId);
  if (isWrite && p.knobs.dropAfterWriteRate > 0 && p.random() < p.knobs.dropAfterWriteRate) {
    p.stats.dropped();
    return 'drop';
  }
  return { output };
}

/** A CloudFormation (query protocol) call; its errors are XML too. */
async function routeQuery(req: IncomingMessage, res: ServerResponse, body: Buffer, p: Pipeline, requestId: string): Promise<void> {
  try {
    const { action, output } = await handleQueryCall(req, body, p);
    sendXml(res, action, output, requestId);
  } catch (err) {
    if (req.socket.destroyed) return;
    sendXmlError(res, asServiceError(err, requestId, p.log), requestId);
  }
}

async function handleQueryCall(req: IncomingMessage, body: Buffer, p: Pipeline): Promise<{ action: string; output: unknown }> {
  const params = parseQueryBody(body);
  const { Action: action = '', Version: version, ...input } = params;
  await beforeCall(p, action, 'Throttling');
  const caller = await verifySignature({ method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body }, CLOUDFORMATION_SIGNING_NAME, Date.now(), (id) => signingKeys(id, p.identityCenter));
  const handler = isCloudFormationOperation(action) ? p.service.cloudFormation?.[action] : undefined;
  if (!handler) throw new ServiceError('InvalidAction', `The action ${action || '(none)'} is not valid for this web service.`);
  if (version !== CLOUDFORMATION_VERSION) throw new ServiceError('InvalidParameterValue', `Invalid API version: ${version ?? '(none)'}; use ${CLOUDFORMATION_VERSION}`);
  validateCloudFormationInput(action, input);
  const ctx = requestContext(caller);
  const output = (await handler(input, ctx)) ?? {};
  if (p.knobs.validateResponses) {
    const violations = validateCloudFormationOutput(action, output);
    if (violations.length > 0) {
      const message = `Response of ${action} does not match the model: ${violations.join('; ')}`;
      p.log(message);
      throw new ServiceError('InternalFailure', message, 500);
    }
  }
  return { action, output };
}

/** Counts the call and applies the latency and throttling knobs; each service throttles under its own error code. */
async function beforeCall(p: Pipeline, operation: string, throttlingCode: 'ThrottlingException' | 'Throttling'): Promise<void> {
  p.stats.call(operation);
  if (p.knobs.latencyMs > 0) await delay(p.knobs.latencyMs);
  if (p.knobs.throttleRate > 0 && p.random() < p.knobs.throttleRate) {
    p.stats.throttled();
    throw new ServiceError(throttlingCode, 'Rate exceeded');
  }
}

function requestContext(caller: Awaited<ReturnType<typeof verifySignature>>): RequestContext {
  return {
    accessKeyId: caller.identity.accessKeyId,
    callerArn: caller.identity.arn,
    accountId: caller.identity.accountId,
    region: caller.region,
    policy: caller.identity.policy,
  };
}

/** A caller's long-term keys, or the temporary ones the sandbox's Identity Center handed out. */
function signingKeys(accessKeyId: string, identityCenter: SandboxIdentityCenter): SigningKeys | undefined {
  const user = findIdentity(accessKeyId);
  return user ? { identity: user, secretAccessKey: user.secretAccessKey } : identityCenter.credentialsFor(accessKeyId);
}

function checkResponse(operation: string, output: unknown, log: (message: string) => void, requestId: string): void {
  const violations = validateOutput(operation, output);
  if (violations.length === 0) return;
  const message = `Response of ${operation} does not match the model: ${violations.join('; ')}`;
  log(`${message} (request ${requestId})`);
  throw new ServiceError('InternalFailure', message, 500);
}

function asServiceError(err: unknown, requestId: string, log: (message: string) => void): ServiceError {
  if (err instanceof ServiceError) return err;
  log(`unexpected error in request ${requestId}: ${err instanceof Error ? err.stack : String(err)}`);
  return new ServiceError('InternalFailure', `An internal error occurred (request ${requestId})`, 500);
}
