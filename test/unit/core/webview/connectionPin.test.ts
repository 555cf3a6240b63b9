import * as assert from 'node:assert/strict';
import { ConnectionPin } from '../../../../src/core/webview/connectionPin';
import { RequestError } from '../../../../src/ui/webview/messageRouter';

describe('a form pinned to its connection', () => {
  it('serves while the connection is the one it opened on', () => {
    const pin = new ConnectionPin('Sandbox');
    assert.doesNotThrow(() => pin.check('Sandbox'));
  });

  it('refuses, naming both connections, once the user switched elsewhere', () => {
    const pin = new ConnectionPin('Sandbox');
    assert.throws(() => pin.check('prod · eu-west-1'), (error: unknown) => {
      assert.ok(error instanceof RequestError);
      assert.match(error.message, /opened on Sandbox, but the connection is now prod · eu-west-1\. Nothing was sent\./);
      return true;
    });
    assert.doesNotThrow(() => pin.check('Sandbox'), 'switching back makes it usable again');
  });

  it('leaves "not connected" to the service call', () => {
    assert.doesNotThrow(() => new ConnectionPin('Sandbox').check(undefined));
  });

  it('a form opened signed out takes the first connection it is used with, and keeps it', () => {
    const pin = new ConnectionPin(undefined);
    pin.check('dev · us-east-1');
    assert.equal(pin.label, 'dev · us-east-1');
    assert.throws(() => pin.check('Sandbox'), RequestError);
  });
});
