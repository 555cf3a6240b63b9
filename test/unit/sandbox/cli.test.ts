// The standalone sandbox (dist/sandbox-cli.js) driven by an independent client: the AWS CLI (botocore).
import * as assert from 'node:assert/strict';
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SANDBOX_ADMIN, SANDBOX_COLLEAGUE, SANDBOX_READER, SANDBOX_USER } from '../../../src/sandbox/identities';
import { SEED } from '../../../src/sandbox/service/index';

const CLI = join(process.cwd(), 'dist', 'sandbox-cli.js');
const awsInstalled = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;

interface RunningCli {
  readonly process: ChildProcess;
  readonly lines: string[];
  readonly endpoint: string;
  readonly adminToken: string;
  /** The end user's environment (the AWS_* lines). */
  readonly env: NodeJS.ProcessEnv;
  /** The same with the ADMIN_AWS_* keys. */
  readonly admin: NodeJS.ProcessEnv;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** The banner: endpoint, the end user's three AWS_* lines, two lines for each other caller, the admin token, the two example commands. */
const BANNER_LINES = 13;

/** Starts the CLI and waits for its banner. */
function startCli(args: string[]): Promise<RunningCli> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SANDBOX_VALIDATE_RESPONSES: '1' } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const timer = setTimeout(() => reject(new Error(`no banner from the CLI; stderr: ${stderr}`)), 10_000);
    void exited.then((code) => reject(new Error(`CLI exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (lines.length < BANNER_LINES) return;
      clearTimeout(timer);
      const value = (prefix: string) => lines.find((l) => l.startsWith(prefix))?.slice(prefix.length) ?? '';
      const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        AWS_ACCESS_KEY_ID: value('AWS_ACCESS_KEY_ID='),
        AWS_SECRET_ACCESS_KEY: value('AWS_SECRET_ACCESS_KEY='),
        AWS_REGION: value('AWS_REGION='),
        AWS_DEFAULT_REGION: value('AWS_REGION='), // AWS CLI v1 reads only this one
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_PAGER: '',
      };
      const admin = { ...env, AWS_ACCESS_KEY_ID: value('ADMIN_AWS_ACCESS_KEY_ID='), AWS_SECRET_ACCESS_KEY: value('ADMIN_AWS_SECRET_ACCESS_KEY=') };
      resolve({
        process: child, lines, env, admin, endpoint: value('endpoint: '), adminToken: value('SANDBOX_ADMIN_TOKEN='),
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}

/** Runs `aws servicecatalog <args>` against the sandbox as the end user and parses its JSON output. */
function aws(cli: RunningCli, ...args: string[]): Promise<any> {
  return awsAs(cli.env, cli, ...args);
}

function awsAs(env: NodeJS.ProcessEnv, cli: RunningCli, ...args: string[]): Promise<any> {
  return new Promise((resolve, reject) => {
    execFile('aws', ['servicecatalog', ...args, '--endpoint-url', cli.endpoint, '--output', 'json'], { env }, (err, stdout, stderr) => {
      if (err) reject(new Error(`aws servicecatalog ${args.join(' ')} failed: ${stderr}`));
      else resolve(stdout.trim() ? JSON.parse(stdout) : {});
    });
  });
}

/** Polls describe-record until the record settles; returns its final detail. */
async function waitForRecord(cli: RunningCli, recordId: string): Promise<any> {
  for (let i = 0; i < 40; i++) {
    const { RecordDetail } = await aws(cli, 'describe-record', '--id', recordId);
    if (RecordDetail.Status === 'SUCCEEDED' || RecordDetail.Status === 'FAILED') return RecordDetail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`record ${recordId} did not settle`);
}

describe('sandbox CLI', function () {
  this.timeout(120_000);

  it('prints its options with --help', () => {
    const out = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    assert.equal(out.status, 0);
    for (const flag of ['--port', '--time-scale', '--latency-ms', '--throttle-rate', '--drop-after-write-rate', '--generated-products', '--state-file', '--validate-responses', '--seed']) {
      assert.ok(out.stdout.includes(flag), `help mentions ${flag}`);
    }
  });

  it('refuses an unknown option', () => {
    const out = spawnSync(process.execPath, [CLI, '--colour', 'red'], { encoding: 'utf8' });
    assert.equal(out.status, 2);
    assert.match(out.stderr, /unknown option --colour/);
  });

  describe('driven by the AWS CLI', () => {
    let cli: RunningCli;
    let dir: string;
    before(async function () {
      if (!awsInstalled) this.skip(); // the AWS CLI is the independent client under test; without it there is nothing to drive
      dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
      cli = await startCli(['--port', '0', '--time-scale', '600', '--state-file', join(dir, 'state.json')]);
    });
    after(async () => {
      if (cli) await cli.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("prints the endpoint, the end user's credentials, the other callers' keys, the admin token and an example, in that order", () => {
      assert.match(cli.lines[0], /^endpoint: http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(cli.lines[1], `AWS_ACCESS_KEY_ID=${SANDBOX_USER.accessKeyId}`);
      assert.equal(cli.lines[2], `AWS_SECRET_ACCESS_KEY=${SANDBOX_USER.secretAccessKey}`);
      assert.match(cli.lines[3], /^AWS_REGION=[a-z]+-[a-z]+-\d$/);
      assert.deepEqual(cli.lines.slice(4, 10), [
        `ADMIN_AWS_ACCESS_KEY_ID=${SANDBOX_ADMIN.accessKeyId}`, `ADMIN_AWS_SECRET_ACCESS_KEY=${SANDBOX_ADMIN.secretAccessKey}`,
        `OTHER_AWS_ACCESS_KEY_ID=${SANDBOX_COLLEAGUE.accessKeyId}`, `OTHER_AWS_SECRET_ACCESS_KEY=${SANDBOX_COLLEAGUE.secretAccessKey}`,
        `READONLY_AWS_ACCESS_KEY_ID=${SANDBOX_READER.accessKeyId}`, `READONLY_AWS_SECRET_ACCESS_KEY=${SANDBOX_READER.secretAccessKey}`,
      ]);
      assert.match(cli.lines[10], /^SANDBOX_ADMIN_TOKEN=[\w-]{43}$/);
      assert.ok(cli.lines[11].startsWith('aws servicecatalog search-provisioned-products --access-level-filter Key=User,Value=self '), cli.lines[11]);
    });

    it('its example command works as printed with the end user\'s AWS_* lines', async () => {
      const [command, ...args] = cli.lines[11].split(' ');
      const out = await new Promise<string>((resolve, reject) => {
        execFile(command, [...args, '--output', 'json'], { env: cli.env }, (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(stdout)));
      });
      const owners = new Set((JSON.parse(out).ProvisionedProducts as any[]).map((pp) => pp.UserArn));
      assert.deepEqual([...owners], [SANDBOX_USER.arn], 'only the end user\'s own provisioned products');
    });

    it("refuses the end user what AWSServiceCatalogEndUserFullAccess does not grant, in IAM's words, and lets the admin", async () => {
      const product = SEED.products.staticWebsite;
      const denied = aws(cli, 'list-provisioning-artifacts', '--product-id', product.id);
      await assert.rejects(denied, (err: Error) => {
        assert.match(err.message, /An error occurred \(AccessDeniedException\) when calling the ListProvisioningArtifacts operation: /);
        assert.ok(err.message.includes(
          `User: ${SANDBOX_USER.arn} is not authorized to perform: servicecatalog:ListProvisioningArtifacts on resource: `
          + `arn:aws:catalog:us-east-1:${SANDBOX_USER.accountId}:product/${product.id} because no identity-based policy allows the servicecatalog:ListProvisioningArtifacts action`,
        ), err.message);
        return true;
      });
      await assert.rejects(aws(cli, 'search-provisioned-products'), /AccessDeniedException.*servicecatalog:SearchProvisionedProducts/s, 'the default level is Account');
      const versions = await awsAs(cli.admin, cli, 'list-provisioning-artifacts', '--product-id', product.id);
      assert.ok(versions.ProvisioningArtifactDetails.length > 0);
    });

    it('its admin token opens the admin endpoints to another process; nothing else does', async () => {
      const health = (headers: Record<string, string>) => fetch(`${cli.endpoint}/__sandbox/health`, { headers });
      assert.equal((await health({})).status, 403);
      assert.equal((await health({ 'x-sandbox-admin-token': 'guessed' })).status, 403);
      const res = await health({ 'x-sandbox-admin-token': cli.adminToken });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { endpoint: string }).endpoint, cli.endpoint);
    });

    it('serves a whole life cycle: search, launch, track, update, run an action, terminate', async () => {
      const product = SEED.products.staticWebsite;
      const artifactId = product.versions.v20;
      const pathId = SEED.portfolios.platform.pathId;
      const search = await aws(cli, 'search-products', '--filters', `FullTextSearch=${product.name}`);
      assert.ok(search.ProductViewSummaries.some((v: any) => v.ProductId === product.id), 'search-products finds the seeded product');

      const params = await aws(cli, 'describe-provisioning-parameters', '--product-id', product.id, '--provisioning-artifact-id', artifactId, '--path-id', pathId);
      const keys = (params.ProvisioningArtifactParameters as any[]).map((p) => p.ParameterKey);
      assert.ok(keys.includes('BucketName') && keys.includes('CacheTtlSeconds'), `parameters: ${keys}`);
      const name = `cli-flow-${process.pid}`;

      const launched = await aws(cli, 'provision-product', '--product-id', product.id, '--provisioning-artifact-id', artifactId,
        '--path-id', pathId, '--provisioned-product-name', name, '--provision-token', 'cli-flow-launch',
        '--provisioning-parameters', `Key=BucketName,Value=${name}-content`);
      assert.equal(launched.RecordDetail.RecordType, 'PROVISION_PRODUCT');
      assert.equal(typeof launched.RecordDetail.CreatedTime, 'number', 'epoch seconds on the wire, shown as is by CLI v1');
      assert.equal((await waitForRecord(cli, launched.RecordDetail.RecordId)).Status, 'SUCCEEDED');
      const ppId: string = launched.RecordDetail.ProvisionedProductId;

      const found = await aws(cli, 'search-provisioned-products', '--access-level-filter', 'Key=User,Value=self', '--filters', `SearchQuery=name:${name}`);
      assert.deepEqual(found.ProvisionedProducts.map((pp: any) => pp.Id), [ppId]);
      assert.equal(found.ProvisionedProducts[0].Status, 'AVAILABLE');

      const updated = await aws(cli, 'update-provisioned-product', '--provisioned-product-id', ppId, '--update-token', 'cli-flow-update',
        '--provisioning-parameters', 'Key=CacheTtlSeconds,Value=60', 'Key=BucketName,UsePreviousValue=true');
      assert.equal(updated.RecordDetail.RecordType, 'UPDATE_PROVISIONED_PRODUCT');
      assert.equal((await waitForRecord(cli, updated.RecordDetail.RecordId)).Status, 'SUCCEEDED');

      const executed = await aws(cli, 'execute-provisioned-product-service-action', '--provisioned-product-id', ppId,
        '--service-action-id', SEED.serviceActions.invalidateCache, '--execute-token', 'cli-flow-action');
      assert.equal((await waitForRecord(cli, executed.RecordDetail.RecordId)).Status, 'SUCCEEDED');

      const terminated = await aws(cli, 'terminate-provisioned-product', '--provisioned-product-id', ppId, '--terminate-token', 'cli-flow-terminate');
      assert.equal(terminated.RecordDetail.RecordType, 'TERMINATE_PROVISIONED_PRODUCT');
      assert.equal((await waitForRecord(cli, terminated.RecordDetail.RecordId)).Status, 'SUCCEEDED');
      const after = await aws(cli, 'search-provisioned-products', '--access-level-filter', 'Key=User,Value=self', '--filters', `SearchQuery=name:${name}`);
      assert.deepEqual(after.ProvisionedProducts ?? [], []);
    });

    it('maps errors to what the AWS CLI reports', async () => {
      await assert.rejects(aws(cli, 'describe-record', '--id', 'rec-doesnotexist0'), /ResourceNotFoundException/);
      await assert.rejects(aws(cli, 'search-provisioned-products', '--page-size', '500'), /InvalidParametersException.*pageSize/);
    });

    it('stops cleanly on SIGTERM and leaves its state file', async () => {
      const code = await cli.stop();
      assert.equal(code, 0);
      const stateFile = join(dir, 'state.json');
      assert.ok(existsSync(stateFile));
      assert.doesNotThrow(() => JSON.parse(readFileSync(stateFile, 'utf8')));
    });
  });
});
