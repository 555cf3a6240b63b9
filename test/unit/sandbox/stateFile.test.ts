// The state file and its key file: no NoEcho value in them, nor any plain SHA-256 that a dictionary
// would turn back into one; both readable by their owner only; the key outlives a restart, so a NoEcho
// value kept from before is still good for UsePreviousValue (and without the key, counts as unknown).
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as SC from '@aws-sdk/client-service-catalog';
import type { Sandbox } from '../../../src/sandbox/index';
import { SEED } from '../../../src/sandbox/service/index';
import { seedProducts } from '../../../src/sandbox/service/seedCatalog';
import { seedHistorySteps } from '../../../src/sandbox/service/seedHistory';
import { caught, sdkClient, startTestSandbox } from '../../support/sandbox';

const CONTAINER = SEED.products.containerService;
const PP = SEED.provisionedProducts;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const mode = (path: string) => statSync(path).mode & 0o777;

/** The request's JSON with keys sorted, as idempotency fingerprints digest it (token left out). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every NoEcho value the seeded history sends. */
function seededNoEchoValues(): string[] {
  const noEchoKeys = new Set(seedProducts(Date.now()).flatMap((p) => p.artifacts.flatMap((a) => a.parameters)).filter((p) => p.IsNoEcho).map((p) => p.ParameterKey));
  const sent = seedHistorySteps(Date.now(), 1).flatMap((step) => (step.input.ProvisioningParameters ?? []) as { Key: string; Value?: string }[]);
  const values = sent.filter((p) => noEchoKeys.has(p.Key) && p.Value !== undefined).map((p) => p.Value!);
  assert.ok(values.length >= 3, 'the seed sends NoEcho values');
  return values;
}

async function settle(client: SC.ServiceCatalogClient, recordId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { RecordDetail } = await client.send(new SC.DescribeRecordCommand({ Id: recordId }));
    if (RecordDetail?.Status === 'SUCCEEDED' || RecordDetail?.Status === 'FAILED') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`record ${recordId} did not settle`);
}

/** An update that keeps the NoEcho parameter `key` as it was. */
const keepPassword = (ppId: string, key = 'DbPassword') =>
  new SC.UpdateProvisionedProductCommand({ ProvisionedProductId: ppId, ProvisioningParameters: [{ Key: key, UsePreviousValue: true }] });

describe('sandbox state file: NoEcho values and file modes', function () {
  this.timeout(60_000);
  let dir: string;
  let stateFile: string;
  let keyFile: string;
  const secret = `Sent-${randomBytes(8).toString('hex')}`;
  const launch = {
    ProductId: CONTAINER.id, ProvisioningArtifactId: CONTAINER.versions.v2, PathId: SEED.portfolios.platform.pathId,
    ProvisionedProductName: 'secret-service', ProvisioningParameters: [{ Key: 'ServiceName', Value: 'secret-service' }, { Key: 'DbPassword', Value: secret }],
  };
  const token = 'state-file-launch';
  let launchedId: string;

  /** Starts on the state file, runs `use`, stops (which saves). */
  async function withSandbox<T>(use: (sandbox: Sandbox, client: SC.ServiceCatalogClient) => Promise<T>): Promise<T> {
    const sandbox = await startTestSandbox({ stateFile });
    try {
      return await use(sandbox, sdkClient(sandbox));
    } finally {
      await sandbox.stop();
    }
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-secrets-'));
    stateFile = join(dir, 'state.json');
    keyFile = `${stateFile}.key`;
    launchedId = await withSandbox(async (_sandbox, client) => {
      const out = await client.send(new SC.ProvisionProductCommand({ ...launch, ProvisionToken: token }));
      await settle(client, out.RecordDetail!.RecordId!);
      return out.RecordDetail!.ProvisionedProductId!;
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds no NoEcho value, seeded or sent, nor its plain SHA-256, nor the plain SHA-256 of a request that carried one', () => {
    const text = readFileSync(stateFile, 'utf8');
    for (const value of [...seededNoEchoValues(), secret]) {
      assert.ok(!text.includes(value), `plain NoEcho value ${value}`);
      assert.ok(!text.includes(sha256(value)), `SHA-256 of NoEcho value ${value}`);
    }
    assert.ok(!text.includes(sha256(canonical(launch))), 'plain SHA-256 of the launch request (its idempotency fingerprint)');
  });

  it('writes the state file and the key file 0600, and makes older files 0600', async function () {
    if (process.platform === 'win32') this.skip(); // no POSIX modes
    assert.equal(mode(stateFile).toString(8), '600');
    assert.ok(existsSync(keyFile), `a key file next to the state file: ${keyFile}`);
    assert.equal(mode(keyFile).toString(8), '600');
    assert.match(readFileSync(keyFile, 'utf8'), /^[0-9a-f]{64}$/, '32 random bytes');
    chmodSync(stateFile, 0o644);
    chmodSync(keyFile, 0o644);
    await withSandbox(async () => {
      assert.equal(mode(stateFile).toString(8), '600', 'fixed at start');
      assert.equal(mode(keyFile).toString(8), '600', 'fixed at start');
    });
    assert.equal(mode(stateFile).toString(8), '600', 'after a save');
  });

  it('keeps the key across restarts: a kept NoEcho value (sent or seeded) serves UsePreviousValue', async () => {
    const key = readFileSync(keyFile, 'utf8');
    await withSandbox(async (_sandbox, client) => {
      const mine = await client.send(keepPassword(launchedId));
      assert.equal(mine.RecordDetail!.RecordType, 'UPDATE_PROVISIONED_PRODUCT');
      const seeded = await client.send(keepPassword(PP.ordersService.id));
      assert.equal(seeded.RecordDetail!.RecordType, 'UPDATE_PROVISIONED_PRODUCT');
    });
    assert.equal(readFileSync(keyFile, 'utf8'), key, 'the same key');
  });

  it('without its key file, kept NoEcho values count as unknown (and a new key is made)', async () => {
    const key = readFileSync(keyFile, 'utf8');
    rmSync(keyFile);
    await withSandbox(async (_sandbox, client) => {
      const err = await caught(() => client.send(keepPassword(PP.billingDb.id, 'MasterPassword')));
      assert.equal(err.name, 'InvalidParametersException');
      assert.equal(err.message, "Parameter 'MasterPassword' has no previous value to use");
    });
    assert.notEqual(readFileSync(keyFile, 'utf8'), key);
  });

  it('converts what the unkeyed scheme wrote (bare SHA-256 seals and fingerprints), keeping them usable', async () => {
    // Rewrite the launch as the first scheme stored it: the password's bare SHA-256, and the request's.
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    const keyedSeal: string = state.provisionedProducts[launchedId].parameters.find((p: { Key: string }) => p.Key === 'DbPassword').Value;
    const unkeyedSeal = `sandbox-sealed:sha256:${sha256(secret)}`;
    state.idempotency[`ProvisionProduct:${token}`].fingerprint = sha256(canonical(launch));
    writeFileSync(stateFile, JSON.stringify(state).split(keyedSeal).join(unkeyedSeal));

    await withSandbox(async (_sandbox, client) => {
      const replay = await client.send(new SC.ProvisionProductCommand({ ...launch, ProvisionToken: token }));
      assert.equal(replay.RecordDetail!.ProvisionedProductId, launchedId, 'the same request with its token still replays');
      const kept = await client.send(keepPassword(launchedId));
      assert.equal(kept.RecordDetail!.RecordType, 'UPDATE_PROVISIONED_PRODUCT', 'the converted seal serves UsePreviousValue');
    });
    const text = readFileSync(stateFile, 'utf8');
    assert.ok(!text.includes(sha256(secret)), 'no bare SHA-256 of the password left');
    assert.ok(!text.includes(sha256(canonical(launch))), 'no bare SHA-256 of the request left');
  });

  for (const version of [1, 2, 3]) it(`seeds anew, and says so, when the state file was written by an earlier catalog shape (version ${version})`, async () => {
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    assert.ok(state.provisionedProducts[launchedId], 'the launch is in the file');
    writeFileSync(stateFile, JSON.stringify({ ...state, version }));
    const logged: string[] = [];
    const sandbox = await startTestSandbox({ stateFile, log: (message) => logged.push(message) });
    try {
      const client = sdkClient(sandbox);
      const gone = await caught(() => client.send(new SC.DescribeProvisionedProductCommand({ Id: launchedId })));
      assert.equal(gone?.name, 'ResourceNotFoundException', 'the old catalog is not restored');
      const seeded = await client.send(new SC.DescribeProvisionedProductCommand({ Id: PP.webMarketingSite.id }));
      assert.equal(seeded.ProvisionedProductDetail?.Name, PP.webMarketingSite.name, 'the fresh seed serves its products to the end user');
      assert.ok(logged.some((m) => /earlier sandbox.*fresh seed/.test(m)), logged.join('\n'));
    } finally {
      await sandbox.stop();
    }
  });
});
