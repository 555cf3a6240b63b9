import * as assert from 'node:assert/strict';
import { SearchProductsCommand } from '@aws-sdk/client-service-catalog';
import { SANDBOX_COLLEAGUE } from '../../../src/sandbox/identities';
import type { Sandbox } from '../../../src/sandbox/index';
import { caught, fakeService, rawRequest, requestHeaders, sdkClient, sendRaw, startTestSandbox } from '../../support/sandbox';

describe('sandbox wire: SigV4', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startTestSandbox({ service: fakeService() });
  });
  after(() => sandbox.stop());

  it('accepts a request the SDK signed with a known key', async () => {
    const out = await sdkClient(sandbox).send(new SearchProductsCommand({}));
    assert.equal(out.ProductViewSummaries?.[0].Id, 'prodview-fake');
  });

  it('accepts the second known user', async () => {
    const client = sdkClient(sandbox, { credentials: SANDBOX_COLLEAGUE });
    const out = await client.send(new SearchProductsCommand({}));
    assert.equal(out.$metadata.httpStatusCode, 200);
  });

  it('answers UnrecognizedClientException (400) for an unknown access key', async () => {
    const client = sdkClient(sandbox, { credentials: { accessKeyId: 'AKIANOBODYKNOWSTHIS1', secretAccessKey: 'x' } });
    const err = await caught(() => client.send(new SearchProductsCommand({})));
    assert.equal(err.name, 'UnrecognizedClientException');
    assert.equal(err.message, 'The security token included in the request is invalid.');
    assert.equal(err.$metadata.httpStatusCode, 400);
  });

  it('answers InvalidSignatureException (403) for a wrong secret', async () => {
    const client = sdkClient(sandbox, { credentials: { accessKeyId: sandbox.credentials.accessKeyId, secretAccessKey: 'wrong' } });
    const err = await caught(() => client.send(new SearchProductsCommand({})));
    assert.equal(err.name, 'InvalidSignatureException');
    assert.match(err.message, /^The request signature we calculated does not match the signature you provided/);
    assert.equal(err.$metadata.httpStatusCode, 403);
  });

  it('rejects a body changed after signing', async () => {
    const headers = await requestHeaders(sandbox, { target: 'SearchProducts', body: '{}' });
    assert.equal((await sendRaw(sandbox, headers, '{}')).status, 200);
    const tampered = await sendRaw(sandbox, headers, '{"PageSize":5}');
    assert.equal(tampered.status, 403);
    assert.equal(tampered.headers.get('x-amzn-errortype'), 'InvalidSignatureException');
  });

  it('rejects a signed header changed after signing', async () => {
    const headers = await requestHeaders(sandbox, { target: 'SearchProducts' });
    const res = await sendRaw(sandbox, { ...headers, 'x-amz-target': 'AWS242ServiceCatalogService.DescribeRecord' }, '{}');
    assert.equal(res.json().__type, 'InvalidSignatureException');
  });

  it('answers MissingAuthenticationTokenException (400) when there is no Authorization header', async () => {
    const res = await rawRequest(sandbox, { target: 'SearchProducts', sign: false });
    assert.equal(res.status, 400);
    assert.equal(res.json().__type, 'MissingAuthenticationTokenException');
    assert.equal(res.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
  });

  it('answers "Signature expired" when the client clock is more than 15 minutes behind', async () => {
    const client = sdkClient(sandbox, { systemClockOffset: -20 * 60 * 1000 });
    const err = await caught(() => client.send(new SearchProductsCommand({})));
    assert.equal(err.name, 'InvalidSignatureException');
    assert.match(err.message, /^Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });

  it('lets the SDK correct its clock from the response Date header and retry', async () => {
    const client = sdkClient(sandbox, { systemClockOffset: -20 * 60 * 1000, maxAttempts: 2 });
    const out = await client.send(new SearchProductsCommand({}));
    assert.equal(out.$metadata.attempts, 2);
  });

  it('tolerates a client clock 10 minutes off', async () => {
    const res = await rawRequest(sandbox, { target: 'SearchProducts', signingDate: new Date(Date.now() - 10 * 60 * 1000) });
    assert.equal(res.status, 200);
  });

  it('answers "Signature not yet current" when the client clock is more than 15 minutes ahead', async () => {
    const res = await rawRequest(sandbox, { target: 'SearchProducts', signingDate: new Date(Date.now() + 20 * 60 * 1000) });
    assert.equal(res.json().__type, 'InvalidSignatureException');
    assert.match(res.json().message, /^Signature not yet current/);
  });
});
