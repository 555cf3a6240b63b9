// Update form: time until the form is interactive (every read the page waits for, DescribeStacks
// included), through the real UpdateFormController with the extension's own Service Catalog and
// CloudFormation clients, against the floor of its call chain measured with bare signed requests
// (sequential where a call needs an earlier answer, parallel where it does not).
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { performance } from 'node:perf_hooks';
import { CatalogApi } from '../src/aws/catalogApi';
import { StackApi } from '../src/aws/cloudformation/stackApi';
import { ProvisioningService } from '../src/aws/provisioningService';
import { CatalogCache } from '../src/connections/catalogCache';
import type { SandboxConnection } from '../src/core/connection';
import type { FormTarget } from '../src/core/webview/protocol';
import type { ControllerDeps } from '../src/provisioning/controllerDeps';
import { UpdateFormController } from '../src/provisioning/updateFormController';
import type { Sandbox } from '../src/sandbox/index';
import { SEED } from '../src/sandbox/service/index';
import { startBenchSandbox } from './lib/sandbox';
import { median, progress, round, writeResult, runBench } from './lib/stats';

const LATENCY_MS = 40;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** A CloudFormation product of the end user's, AVAILABLE, with a stack, a NoEcho parameter and one launch path. */
const PRODUCT = SEED.provisionedProducts.ordersService;

/** The end user's connection (the product is theirs), as the extension makes it. */
function endUserConnection(sandbox: Sandbox): SandboxConnection {
  const { accessKeyId, secretAccessKey } = sandbox.credentialsOf('endUser');
  return { kind: 'sandbox', endpoint: sandbox.endpoint, region: sandbox.region, accessKeyId, secretAccessKey };
}

function deps(service: ProvisioningService, stacks: StackApi): ControllerDeps {
  return {
    service: () => service,
    stacks: () => stacks,
    catalog: new CatalogCache(), // one per form: every run reads cold, as a first form does
    connectionLabel: () => 'Sandbox',
    logger: { info: () => {}, warn: (m) => progress(`warn: ${m}`), error: (m) => progress(`error: ${m}`) },
    memory: { recall: () => undefined, remember: () => {} },
    trackRecord: () => {},
    refreshTree: () => {},
    openPlan: () => {},
    confirm: async () => false, // the bench executes and discards no plan
  };
}

/**
 * What the page does when an update form opens (media/provision/main.ts): init, then loadProduct for
 * the product in use, then loadParameters for the preselected version and path; the form is
 * interactive when that answers. The webview's own message hops (well under a millisecond) are left out.
 */
async function openForm(form: UpdateFormController): Promise<{ fields: number; currentValues: boolean }> {
  const init = await form.init();
  if (init.kind !== 'update') throw new Error('not an update form');
  const options = await form.handlers.loadProduct!({ productId: init.current.productId });
  const target: FormTarget = {
    productId: options.productId,
    provisioningArtifactId: options.preselectedVersionId ?? init.current.provisioningArtifactId,
    ...(options.preselectedPathId ? { pathId: options.preselectedPathId } : {}),
  };
  const loaded = await form.handlers.loadParameters!(target);
  return { fields: loaded.form.fields.length, currentValues: !loaded.currentValuesNote };
}

async function timeExtension(sandbox: Sandbox, service: ProvisioningService, stacks: StackApi) {
  sandbox.resetStats();
  const form = new UpdateFormController(deps(service, stacks), { id: PRODUCT.id, name: PRODUCT.name });
  const start = performance.now();
  const shown = await openForm(form);
  const ms = performance.now() - start;
  return { ms, ...shown, calls: sandbox.stats().byOperation };
}

interface Signed { readonly headers: Record<string, string>; readonly body: string }

async function sign(sandbox: Sandbox, service: 'servicecatalog' | 'cloudformation', body: string, target?: string): Promise<Signed> {
  const url = new URL(sandbox.endpoint);
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': service === 'servicecatalog' ? 'application/x-amz-json-1.1' : 'application/x-www-form-urlencoded',
    ...(target ? { 'x-amz-target': `AWS242ServiceCatalogService.${target}` } : {}),
  };
  const signer = new SignatureV4({ service, region: sandbox.region, credentials: sandbox.credentialsOf('endUser'), sha256: Sha256 });
  const request = new HttpRequest({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', headers, body });
  const signed = (await signer.sign(request)).headers;
  return { headers: Object.fromEntries(Object.entries(signed).filter(([name]) => name !== 'host')), body };
}

/** One bare round trip: request sent → whole body read. */
async function roundTrip(sandbox: Sandbox, request: Signed): Promise<string> {
  const res = await fetch(`${sandbox.endpoint}/`, { method: 'POST', headers: request.headers, body: request.body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`floor call failed (${res.status}): ${text.slice(0, 300)}`);
  return text;
}

/**
 * The same six calls, signed beforehand, as the chain allows at best: DescribeProvisionedProduct names
 * the product, version and record; then DescribeProduct, ListLaunchPaths and DescribeRecord at once;
 * the record names the stack and the path, so DescribeStacks and DescribeProvisioningParameters follow it.
 */
async function floorRequests(sandbox: Sandbox, service: ProvisioningService) {
  const detail = await service.describeProvisionedProduct(PRODUCT.id);
  const recordId = detail.LastSuccessfulProvisioningRecordId ?? detail.LastProvisioningRecordId ?? detail.LastRecordId!;
  const start = await service.recordStart(recordId);
  const stackId = start.outputs.find((o) => o.OutputKey === 'CloudformationStackARN')?.OutputValue;
  if (!stackId) throw new Error('the record names no stack');
  const json = (value: unknown) => JSON.stringify(value);
  return {
    describeProvisionedProduct: await sign(sandbox, 'servicecatalog', json({ Id: PRODUCT.id }), 'DescribeProvisionedProduct'),
    describeProduct: await sign(sandbox, 'servicecatalog', json({ Id: detail.ProductId }), 'DescribeProduct'),
    listLaunchPaths: await sign(sandbox, 'servicecatalog', json({ ProductId: detail.ProductId, PageSize: 20 }), 'ListLaunchPaths'),
    describeRecord: await sign(sandbox, 'servicecatalog', json({ Id: recordId, PageSize: 20 }), 'DescribeRecord'),
    describeProvisioningParameters: await sign(sandbox, 'servicecatalog', json({
      ProductId: detail.ProductId, ProvisioningArtifactId: detail.ProvisioningArtifactId, ...(start.pathId ? { PathId: start.pathId } : {}),
    }), 'DescribeProvisioningParameters'),
    describeStacks: await sign(sandbox, 'cloudformation', new URLSearchParams({ Action: 'DescribeStacks', Version: '2010-05-15', StackName: stackId }).toString()),
  };
}

async function timeFloor(sandbox: Sandbox, requests: Awaited<ReturnType<typeof floorRequests>>): Promise<{ ms: number; calls: number }> {
  sandbox.resetStats();
  const start = performance.now();
  await roundTrip(sandbox, requests.describeProvisionedProduct);
  await Promise.all([
    roundTrip(sandbox, requests.describeProduct),
    roundTrip(sandbox, requests.listLaunchPaths),
    roundTrip(sandbox, requests.describeRecord).then(() => Promise.all([
      roundTrip(sandbox, requests.describeStacks),
      roundTrip(sandbox, requests.describeProvisioningParameters),
    ])),
  ]);
  return { ms: performance.now() - start, calls: sandbox.stats().calls };
}

async function main(): Promise<void> {
  progress(`update form: ${RUNS} runs at ${LATENCY_MS} ms latency`);
  const sandbox = await startBenchSandbox({ latencyMs: LATENCY_MS, timeScale: 1 });
  const connection = endUserConnection(sandbox);
  const api = new CatalogApi(connection, { accessLevel: 'User', language: 'en' });
  const service = new ProvisioningService(api.client);
  const stacks = new StackApi(connection);
  try {
    const requests = await floorRequests(sandbox, service);
    await timeExtension(sandbox, service, stacks); // warm-up: connections open, SDK code loaded
    await timeFloor(sandbox, requests);
    const extension: number[] = [];
    const floor: number[] = [];
    let last!: Awaited<ReturnType<typeof timeExtension>>;
    let floorCalls = 0;
    // Interleaved, so both see the same machine.
    for (let i = 0; i < RUNS; i++) {
      last = await timeExtension(sandbox, service, stacks);
      extension.push(round(last.ms));
      const f = await timeFloor(sandbox, requests);
      floor.push(round(f.ms));
      floorCalls = f.calls;
    }
    const ms = median(extension);
    const floorMs = median(floor);
    writeResult({
      latencyMs: LATENCY_MS,
      runs: RUNS,
      provisionedProduct: PRODUCT.name,
      extension: { ms, runs: extension, calls: last.calls, fields: last.fields, currentValuesShown: last.currentValues },
      floor: { ms: floorMs, runs: floor, calls: floorCalls, roundTripsDeep: 3, latencyOnlyMs: 3 * LATENCY_MS },
      extensionVsFloor: round(ms / floorMs, 2),
    });
  } finally {
    stacks.dispose();
    api.dispose();
    await sandbox.stop();
  }
}

runBench(main);
