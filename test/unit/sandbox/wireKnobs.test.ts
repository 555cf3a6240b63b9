import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProvisionProductCommand, SearchProductsCommand } from '@aws-sdk/client-service-catalog';
import { ADMIN_TOKEN_HEADER } from '../../../src/sandbox/admin';
import { seededRandom } from '../../../src/sandbox/knobs';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index';
import { admin, caught, fakeService, sdkClient, startTestSandbox, type FakeService } from '../../support/sandbox';

describe('sandbox wire: knobs', () => {
  let sandbox: Sandbox;
  let service: FakeService;
  before(async () => {
    service = fakeService();
    sandbox = await startTestSandbox({ service });
  });
  after(() => sandbox.stop());
  afterEach(() => {
    sandbox.setKnobs({ latencyMs: 0, throttleRate: 0, dropAfterWriteRate: 0, seed: 1 });
    sandbox.resetStats();
  });

  it('latencyMs delays every call', async () => {
    sandbox.setKnobs({ latencyMs: 300 });
    const started = Date.now();
    await sdkClient(sandbox).send(new SearchProductsCommand({}));
    assert.ok(Date.now() - started >= 290, `took ${Date.now() - started} ms`);
    sandbox.setKnobs({ latencyMs: 0 });
    const again = Date.now();
    await sdkClient(sandbox).send(new SearchProductsCommand({}));
    assert.ok(Date.now() - again < 200);
  });

  it('throttleRate 1 answers ThrottlingException "Rate exceeded" and the SDK retries it', async () => {
    sandbox.setKnobs({ throttleRate: 1 });
    const err = await caught(() => sdkClient(sandbox, { maxAttempts: 3 }).send(new SearchProductsCommand({})));
    assert.equal(err.name, 'ThrottlingException');
    assert.equal(err.message, 'Rate exceeded');
    assert.equal(err.$metadata.httpStatusCode, 400);
    assert.equal(err.$metadata.attempts, 3);
    assert.deepEqual(sandbox.stats(), { calls: 3, byOperation: { SearchProducts: 3 }, throttled: 3, dropped: 0 });
  });

  it('a throttled call succeeds on the SDK retry (seeded: throttle, then pass)', async () => {
    const seed = findSeed((draw) => draw() < 0.5 && draw() >= 0.5);
    sandbox.setKnobs({ throttleRate: 0.5, seed });
    const out = await sdkClient(sandbox, { maxAttempts: 3 }).send(new SearchProductsCommand({}));
    assert.equal(out.$metadata.attempts, 2);
    assert.equal(sandbox.stats().throttled, 1);
  });

  it('dropAfterWriteRate applies the write, then hangs up without answering', async () => {
    sandbox.setKnobs({ dropAfterWriteRate: 1 });
    const before = service.writes();
    const err = await caught(() => sdkClient(sandbox).send(new ProvisionProductCommand({ ProvisionedProductName: 'dropped', ProvisionToken: 'tok-drop' })));
    assert.doesNotMatch(err.name, /Exception$/, `expected a network error, got ${err.name}`);
    assert.equal(service.writes(), before + 1);
    assert.equal(sandbox.stats().dropped, 1);
  });

  it('dropAfterWriteRate leaves reads alone', async () => {
    sandbox.setKnobs({ dropAfterWriteRate: 1 });
    await sdkClient(sandbox).send(new SearchProductsCommand({}));
    assert.equal(sandbox.stats().dropped, 0);
  });

  it('setKnobs refuses knobs that only apply at start, and bad values', () => {
    assert.throws(() => sandbox.setKnobs({ timeScale: 5 }), /timeScale can only be set when the sandbox starts/);
    assert.throws(() => sandbox.setKnobs({ throttleRate: 2 }), /throttleRate: expected a rate between 0 and 1/);
  });

  describe('admin endpoints', () => {
    it('GET /__sandbox/health', async () => {
      const res = await admin(sandbox, 'GET', 'health');
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'ok');
      assert.equal(res.body.endpoint, sandbox.endpoint);
    });

    it('GET /__sandbox/stats and POST /__sandbox/stats/reset', async () => {
      await sdkClient(sandbox).send(new SearchProductsCommand({}));
      await sdkClient(sandbox).send(new SearchProductsCommand({}));
      const stats = await admin(sandbox, 'GET', 'stats');
      assert.deepEqual(stats.body, { calls: 2, byOperation: { SearchProducts: 2 }, throttled: 0, dropped: 0 });
      const reset = await admin(sandbox, 'POST', 'stats/reset');
      assert.equal(reset.body.calls, 0);
      assert.equal(sandbox.stats().calls, 0);
    });

    it('POST /__sandbox/knobs changes live knobs and rejects the rest', async () => {
      const ok = await admin(sandbox, 'POST', 'knobs', { latencyMs: 25 });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.latencyMs, 25);
      assert.equal(sandbox.knobs.latencyMs, 25);
      const fixed = await admin(sandbox, 'POST', 'knobs', { port: 1234 });
      assert.equal(fixed.status, 400);
      assert.match(fixed.body.error, /port can only be set when the sandbox starts/);
      const unknown = await admin(sandbox, 'POST', 'knobs', { colour: 'red' });
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.error, /unknown knob 'colour'/);
    });

    it('needs no signature, only the admin token', async () => {
      const res = await fetch(`${sandbox.endpoint}/__sandbox/health`, { headers: { [ADMIN_TOKEN_HEADER]: sandbox.adminToken } });
      assert.equal(res.status, 200);
    });
  });
});

describe('sandbox knobs from the environment', () => {
  it('reads SANDBOX_* variables; options given in code win', async () => {
    const sandbox = await startSandbox({
      service: fakeService(),
      env: { SANDBOX_LATENCY_MS: '40', SANDBOX_THROTTLE_RATE: '0.25', SANDBOX_VALIDATE_RESPONSES: '1', SANDBOX_SEED: '7' },
      throttleRate: 0.5,
    });
    try {
      assert.equal(sandbox.knobs.latencyMs, 40);
      assert.equal(sandbox.knobs.throttleRate, 0.5);
      assert.equal(sandbox.knobs.validateResponses, true);
      assert.equal(sandbox.knobs.seed, 7);
    } finally {
      await sandbox.stop();
    }
  });

  it('names the variable that is malformed', async () => {
    await assert.rejects(startSandbox({ service: fakeService(), env: { SANDBOX_THROTTLE_RATE: 'lots' } }), /throttleRate: expected a number/);
  });

  it("a host's defaults give way to the variables, which give way to options given in code", async () => {
    const started = (env: NodeJS.ProcessEnv, options: { timeScale?: number } = {}) =>
      startSandbox({ service: fakeService(), env, defaults: { timeScale: 5, latencyMs: 10 }, ...options });
    for (const [env, options, timeScale] of [
      [{}, {}, 5],
      [{ SANDBOX_TIME_SCALE: '600' }, {}, 600],
      [{ SANDBOX_TIME_SCALE: '600' }, { timeScale: 2 }, 2],
      [{ SANDBOX_TIME_SCALE: '' }, {}, 5],
    ] as const) {
      const sandbox = await started(env, options);
      try {
        assert.deepEqual([sandbox.knobs.timeScale, sandbox.knobs.latencyMs], [timeScale, 10], JSON.stringify([env, options]));
      } finally {
        await sandbox.stop();
      }
    }
    await assert.rejects(started({ SANDBOX_TIME_SCALE: 'fast' }), /timeScale: expected a number/);
    await assert.rejects(startSandbox({ service: fakeService(), env: {}, defaults: { timeScale: -1 } }), /timeScale: expected a number > 0/);
  });

  it('an empty SANDBOX_STATE_FILE means no state file, over a default one', async () => {
    const sandbox = await startSandbox({ service: fakeService(), env: { SANDBOX_STATE_FILE: '' }, defaults: { stateFile: join(tmpdir(), 'never-written.json') } });
    try {
      assert.equal(sandbox.knobs.stateFile, '');
    } finally {
      await sandbox.stop();
    }
  });
});

describe('sandbox state file (fake service)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('saves the snapshot after writes (debounced) and on stop, via a temporary file', async () => {
    const stateFile = join(dir, 'nested', 'state.json');
    const service = fakeService();
    const sandbox = await startTestSandbox({ service, stateFile });
    try {
      await sdkClient(sandbox).send(new SearchProductsCommand({}));
      await delay(250);
      assert.equal(existsSync(stateFile), false, 'reads do not save');
      await sdkClient(sandbox).send(new ProvisionProductCommand({ ProvisionedProductName: 'one', ProvisionToken: 't1' }));
      await sdkClient(sandbox).send(new ProvisionProductCommand({ ProvisionedProductName: 'two', ProvisionToken: 't2' }));
      await delay(250);
      assert.deepEqual(JSON.parse(readFileSync(stateFile, 'utf8')), { writes: 2 });
      await sdkClient(sandbox).send(new ProvisionProductCommand({ ProvisionedProductName: 'three', ProvisionToken: 't3' }));
    } finally {
      await sandbox.stop();
    }
    assert.deepEqual(JSON.parse(readFileSync(stateFile, 'utf8')), { writes: 3 });
    assert.deepEqual(readdirSync(join(dir, 'nested')), ['state.json'], 'no temporary file left behind');
  });
});

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The first seed whose random sequence satisfies `wanted`, so a test can script throttles and passes. */
function findSeed(wanted: (draw: () => number) => boolean): number {
  for (let seed = 1; seed < 10_000; seed++) if (wanted(seededRandom(seed))) return seed;
  throw new Error('no seed found');
}
