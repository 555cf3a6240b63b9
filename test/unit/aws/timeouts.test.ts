// A call the endpoint does not answer ends in an error the user can read, after the request timeout,
// instead of leaving the tree loading forever.
import * as assert from 'node:assert/strict';
import { CatalogApi } from '../../../src/aws/catalogApi';
import { StackApi } from '../../../src/aws/cloudformation/stackApi';
import { classifyError } from '../../../src/core/errors';
import type { Sandbox } from '../../../src/sandbox/index';
import { startTestSandbox } from '../../support/sandbox';

describe('request timeouts', function () {
  this.timeout(20_000);
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startTestSandbox({ latencyMs: 5_000 });
  });
  after(() => sandbox.stop());

  it('fails a call that gets no answer within the request timeout, in plain words', async () => {
    const api = new CatalogApi(
      { kind: 'sandbox', endpoint: sandbox.endpoint, region: sandbox.region, ...sandbox.credentials },
      { accessLevel: 'User', language: 'en', maxAttempts: 1, requestTimeoutMs: 300 },
    );
    const started = Date.now();
    const error = await api.listProvisionedProducts().then(() => undefined, (e: unknown) => e);
    const elapsed = Date.now() - started;
    api.dispose();
    assert.ok(error, 'the call fails');
    assert.ok(elapsed < 2_000, `it gave up after ${elapsed} ms, not after the 5 s the endpoint takes`);
    const failure = classifyError(error);
    assert.equal(failure.kind, 'network', `${failure.kind}: ${failure.message}`);
    assert.match(failure.message, /Cannot reach the Service Catalog endpoint/);
  });

  it('names CloudFormation\'s endpoint when a stack read gets no answer', async () => {
    const stacks = new StackApi(
      { kind: 'sandbox', endpoint: sandbox.endpoint, region: sandbox.region, ...sandbox.credentials },
      { maxAttempts: 1, requestTimeoutMs: 300 },
    );
    const error = await stacks.describeStack('SC-123456789012-pp-sbxorders0001').then(() => undefined, (e: unknown) => e);
    stacks.client.destroy();
    const failure = classifyError(error);
    assert.equal(failure.kind, 'network', `${failure.kind}: ${failure.message}`);
    assert.match(failure.message, /^Cannot reach the CloudFormation endpoint \(/);
  });
});
