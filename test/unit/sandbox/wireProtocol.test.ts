import * as assert from 'node:assert/strict';
import {
  CreatePortfolioCommand,
  DescribeProductCommand,
  DescribeRecordCommand,
  InvalidParametersException,
  ProvisionProductCommand,
  ResourceNotFoundException,
  SearchProductsCommand,
  SearchProvisionedProductsCommand,
} from '@aws-sdk/client-service-catalog';
import type { Sandbox } from '../../../src/sandbox/index';
import { caught, fakeService, rawRequest, sdkClient, startTestSandbox } from '../../support/sandbox';

describe('sandbox wire: protocol', () => {
  let sandbox: Sandbox;
  const logged: string[] = [];
  before(async () => {
    sandbox = await startTestSandbox({ service: fakeService(), log: (m) => logged.push(m) });
  });
  after(() => sandbox.stop());

  it('answers JSON 1.1 with a request id, timestamps as epoch seconds', async () => {
    const res = await rawRequest(sandbox, { target: 'DescribeRecord', body: '{"Id":"rec-1"}' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.match(res.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
    const detail = res.json().RecordDetail;
    assert.equal(detail.CreatedTime, 1_700_000_000.25);
    assert.equal(typeof detail.UpdatedTime, 'number');
  });

  it('lets the SDK parse those timestamps into Dates', async () => {
    const out = await sdkClient(sandbox).send(new DescribeRecordCommand({ Id: 'rec-1' }));
    assert.ok(out.RecordDetail?.CreatedTime instanceof Date);
    assert.equal(out.RecordDetail?.CreatedTime?.getTime(), 1_700_000_000_250);
  });

  it('sends errors as __type + message with the x-amzn-errortype header', async () => {
    const res = await rawRequest(sandbox, { target: 'DescribeProduct', body: '{"Id":"prod-nope"}' });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
    assert.equal(res.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.deepEqual(res.json(), { __type: 'ResourceNotFoundException', message: 'Product prod-nope not found' });
  });

  it('maps service errors to the modelled SDK exception class', async () => {
    const err = await caught(() => sdkClient(sandbox).send(new DescribeProductCommand({ Id: 'prod-nope' })));
    assert.ok(err instanceof ResourceNotFoundException);
    assert.equal(err.message, 'Product prod-nope not found');
  });

  it('answers UnknownOperationException for an unknown X-Amz-Target', async () => {
    const res = await rawRequest(sandbox, { target: 'NoSuchOperation' });
    assert.equal(res.status, 400);
    assert.equal(res.json().__type, 'UnknownOperationException');
    const missing = await rawRequest(sandbox, {});
    assert.equal(missing.json().__type, 'UnknownOperationException');
  });

  it('answers UnknownOperationException for real operations the sandbox does not serve', async () => {
    const err = await caught(() => sdkClient(sandbox).send(new CreatePortfolioCommand({ DisplayName: 'x', ProviderName: 'y', IdempotencyToken: 't1' })));
    assert.equal(err.name, 'UnknownOperationException');
    assert.equal(err.$metadata.httpStatusCode, 400);
  });

  it('answers SerializationException for a body that is not JSON', async () => {
    const res = await rawRequest(sandbox, { target: 'SearchProducts', body: '{"PageSize": ' });
    assert.equal(res.status, 400);
    assert.equal(res.json().__type, 'SerializationException');
    const notObject = await rawRequest(sandbox, { target: 'SearchProducts', body: '[1]' });
    assert.equal(notObject.json().__type, 'SerializationException');
  });

  it('answers SerializationException for another content type', async () => {
    const res = await rawRequest(sandbox, { target: 'SearchProducts', headers: { 'content-type': 'application/json' } });
    assert.equal(res.json().__type, 'SerializationException');
  });

  it('answers InternalFailure (500) for an unexpected exception and logs it', async () => {
    const err = await caught(() => sdkClient(sandbox).send(new DescribeProductCommand({ Id: 'prod-crash' })));
    assert.equal(err.name, 'InternalFailure');
    assert.equal(err.$metadata.httpStatusCode, 500);
    assert.ok(logged.some((m) => m.includes('fake handler crashed')));
  });

  it('answers InternalFailure naming each violation when a response breaks the model', async () => {
    const res = await rawRequest(sandbox, { target: 'DescribeProduct', body: '{"Id":"prod-broken"}' });
    assert.equal(res.status, 500);
    const { __type, message } = res.json();
    assert.equal(__type, 'InternalFailure');
    assert.match(message, /'productViewSummary\.type'.*enum value set/);
    assert.match(message, /'productViewSummary\.colour'.*not in the model/);
    assert.match(message, /'provisioningArtifacts\.1\.member\.createdTime'.*epoch seconds/);
    assert.ok(logged.some((m) => m.includes('does not match the model')));
  });

  it('passes off-model responses through when validateResponses is off', async () => {
    sandbox.setKnobs({ validateResponses: false });
    try {
      const res = await rawRequest(sandbox, { target: 'DescribeProduct', body: '{"Id":"prod-broken"}' });
      assert.equal(res.status, 200);
      assert.equal(res.json().ProductViewSummary.Type, 'SPACESHIP');
    } finally {
      sandbox.setKnobs({ validateResponses: true });
    }
  });

  describe('model validation through the SDK', () => {
    const send = (command: any) => caught(() => sdkClient(sandbox).send(command));

    it('missing required member → the validation error of an operation without InvalidParametersException', async () => {
      const err = await send(new DescribeRecordCommand({} as any));
      assert.equal(err.name, 'ValidationException'); // DescribeRecord lists only ResourceNotFoundException
      assert.equal(err.message, "1 validation error detected: Value null at 'id' failed to satisfy constraint: Member must not be null");
    });

    it('pattern → InvalidParametersException', async () => {
      const err = await send(new ProvisionProductCommand({ ProvisionedProductName: '-bad name', ProvisionToken: 'tok1', ProductId: 'prod-x' }));
      assert.ok(err instanceof InvalidParametersException, err.name);
      assert.match(err.message, /Value '-bad name' at 'provisionedProductName' failed to satisfy constraint: Member must satisfy regular expression pattern: \[a-zA-Z0-9\]/);
    });

    it('length → InvalidParametersException', async () => {
      const err = await send(new ProvisionProductCommand({ ProvisionedProductName: 'a'.repeat(129), ProvisionToken: 'tok1' }));
      assert.ok(err instanceof InvalidParametersException, err.name);
      assert.match(err.message, /at 'provisionedProductName' failed to satisfy constraint: Member must have length less than or equal to 128/);
    });

    it('enum → InvalidParametersException', async () => {
      const err = await send(new SearchProductsCommand({ SortOrder: 'SIDEWAYS' as any }));
      assert.ok(err instanceof InvalidParametersException, err.name);
      assert.match(err.message, /Value 'SIDEWAYS' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: \[ASCENDING, DESCENDING\]/);
    });

    it('range → InvalidParametersException', async () => {
      const err = await send(new SearchProvisionedProductsCommand({ PageSize: 500 }));
      assert.ok(err instanceof InvalidParametersException, err.name);
      assert.match(err.message, /Value 500 at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 100/);
    });

    it('counts every violation', async () => {
      const err = await send(new ProvisionProductCommand({ ProvisionedProductName: '', ProvisionToken: undefined, PathId: 'path/x' }));
      // The SDK fills in ProvisionToken; the empty name breaks length and pattern, the path id its pattern.
      assert.match(err.message, /^3 validation errors detected: /);
    });

    it('ignores unknown members as AWS does', async () => {
      const res = await rawRequest(sandbox, { target: 'SearchProducts', body: '{"NotAMember":1}' });
      assert.equal(res.status, 200);
    });

    it('wrong type → InvalidParametersException', async () => {
      const res = await rawRequest(sandbox, { target: 'SearchProducts', body: '{"PageSize":"ten"}' });
      assert.equal(res.json().__type, 'InvalidParametersException');
      assert.match(res.json().message, /at 'pageSize' failed to satisfy constraint: Member must be an integer/);
    });
  });
});
