import * as assert from 'node:assert/strict';
import { connectionIdentity, type ConnectionIdentity } from '../../../../src/core/connection';
import { ConnectionPin } from '../../../../src/core/webview/connectionPin';
import { RequestError } from '../../../../src/core/webview/requestError';

const sandbox = (port = 40001): ConnectionIdentity =>
  connectionIdentity({ kind: 'sandbox', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId: 'AKIASANDBOX', secretAccessKey: 's' });
const aws = (profile: string | undefined, region: string): ConnectionIdentity => connectionIdentity({ kind: 'aws', profile, region });

describe('a form pinned to its connection', () => {
  it('serves while the connection is the one it opened on', () => {
    const pin = new ConnectionPin(sandbox());
    assert.doesNotThrow(() => pin.check(sandbox()));
  });

  it('refuses, naming both connections, once the user switched elsewhere', () => {
    const pin = new ConnectionPin(sandbox());
    assert.throws(() => pin.check(aws('prod', 'eu-west-1')), (error: unknown) => {
      assert.ok(error instanceof RequestError);
      assert.match(error.message, /opened on Sandbox, but the connection is now prod · eu-west-1\. Nothing was sent\./);
      return true;
    });
    assert.doesNotThrow(() => pin.check(sandbox()), 'switching back makes it usable again');
  });

  it('decides by the key, not the label: the default chain is not the profile named "default"', () => {
    const pin = new ConnectionPin(aws(undefined, 'us-east-1'));
    assert.equal(pin.label, aws('default', 'us-east-1').label);
    assert.throws(() => pin.check(aws('default', 'us-east-1')), (error: unknown) => {
      assert.ok(error instanceof RequestError);
      assert.match(error.message, /opened on default · us-east-1, but the connection is now another default · us-east-1 \(other credentials\)\. Nothing was sent\./);
      return true;
    });
  });

  it('the sandbox started again on another port is still the connection the form opened on', () => {
    const pin = new ConnectionPin(sandbox(40001));
    assert.doesNotThrow(() => pin.check(sandbox(40002)));
  });

  it('leaves "not connected" to the service call', () => {
    assert.doesNotThrow(() => new ConnectionPin(sandbox()).check(undefined));
  });

  it('a form opened signed out takes the first connection it is used with, and keeps it', () => {
    const pin = new ConnectionPin(undefined);
    assert.equal(pin.key, undefined);
    pin.check(aws('dev', 'us-east-1'));
    assert.equal(pin.label, 'dev · us-east-1');
    assert.equal(pin.key, aws('dev', 'us-east-1').key);
    assert.throws(() => pin.check(sandbox()), RequestError);
  });
});
