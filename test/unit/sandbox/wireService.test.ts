// The wire layer around the real service layer: callers reach handlers, the state file restores.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeProvisionedProductCommand,
  ProvisionProductCommand,
  ResourceNotFoundException,
  SearchProvisionedProductsCommand,
} from '@aws-sdk/client-service-catalog';
import { SANDBOX_COLLEAGUE } from '../../../src/sandbox/identities';
import type { Sandbox } from '../../../src/sandbox/index';
import { caught, launchableProduct, sdkClient, startTestSandbox } from '../../support/sandbox';

describe('sandbox wire: callers', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startTestSandbox();
  });
  after(() => sandbox.stop());

  it('each access key is its own user: AccessLevelFilter User differs, the account holds both', async () => {
    const names = async (client: ReturnType<typeof sdkClient>, level: 'User' | 'Account') => {
      const out = await client.send(new SearchProvisionedProductsCommand({ AccessLevelFilter: { Key: level, Value: 'self' }, PageSize: 100 }));
      return (out.ProvisionedProducts ?? []).map((pp) => pp.Name).sort();
    };
    const me = sdkClient(sandbox);
    const colleague = sdkClient(sandbox, { credentials: SANDBOX_COLLEAGUE });
    const mine = await names(me, 'User');
    const theirs = await names(colleague, 'User');
    assert.ok(mine.length > 0 && theirs.length > 0);
    assert.deepEqual(mine.filter((n) => theirs.includes(n)), [], 'no product is owned by both');
    // Only an administrator may look at the whole account (the end-user policy grants User level only).
    const account = await names(sdkClient(sandbox, { persona: 'admin' }), 'Account');
    assert.deepEqual([...mine, ...theirs].filter((n) => !account.includes(n)), []);
  });
});

describe('sandbox state file (real service)', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-restart-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a provisioned product survives a restart', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startTestSandbox({ stateFile });
    let ppId: string;
    try {
      const client = sdkClient(first);
      const product = await launchableProduct(client);
      const out = await client.send(new ProvisionProductCommand({ ...product, ProvisionedProductName: 'survivor', ProvisionToken: 'restart-1' }));
      ppId = out.RecordDetail!.ProvisionedProductId!;
    } finally {
      await first.stop();
    }

    const second = await startTestSandbox({ stateFile });
    try {
      const out = await sdkClient(second).send(new DescribeProvisionedProductCommand({ Id: ppId }));
      assert.equal(out.ProvisionedProductDetail?.Name, 'survivor');
    } finally {
      await second.stop();
    }

    const fresh = await startTestSandbox();
    try {
      const err = await caught(() => sdkClient(fresh).send(new DescribeProvisionedProductCommand({ Id: ppId })));
      assert.ok(err instanceof ResourceNotFoundException, 'without the state file the product does not exist');
    } finally {
      await fresh.stop();
    }
  });
});
