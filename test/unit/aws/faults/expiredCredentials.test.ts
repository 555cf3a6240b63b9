// Credentials that expire mid-session: the provider the SDK asks on every call starts throwing the
// SDK's own SSO-expiry error. The user gets a clear message with the fix, and nothing retries in a storm.
import * as assert from 'node:assert/strict';
import { classifyError } from '../../../../src/core/errors';
import { fixedPollPolicy, RecordTailer } from '../../../../src/core/records/index';
import { VirtualClock } from '../../../support/virtualClock';
import type { Sandbox } from '../../../../src/sandbox/index';
import { startTestSandbox } from '../../../support/sandbox';
import { extensionApi } from '../../../support/faults';

/** The message @aws-sdk/credential-provider-sso throws when the cached SSO token has expired. */
const SSO_EXPIRED_MESSAGE =
  'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.';

function expiredError(): Error {
  const error = new Error(SSO_EXPIRED_MESSAGE);
  error.name = 'CredentialsProviderError';
  return error;
}

describe('faults: credentials expire mid-session', function () {
  this.timeout(30_000);
  let sandbox: Sandbox | undefined;
  after(() => sandbox?.stop());

  it('surfaces one clear error with the fix, and neither the SDK nor the tailer retries in a storm', async () => {
    sandbox = await startTestSandbox();
    const api = extensionApi(sandbox);
    let expired = false;
    let providerCalls = 0;
    // The SDK reads `config.credentials` on every request (identityProviderConfigProvider), so swapping it
    // in is what a real provider whose token runs out looks like to the client.
    (api.client.config as { credentials: unknown }).credentials = async () => {
      providerCalls++;
      if (expired) throw expiredError();
      return { ...sandbox!.credentials, expiration: new Date(Date.now() + 60_000) };
    };
    try {
      const before = await api.listProvisionedProducts();
      assert.ok(before.length > 0);

      expired = true;
      providerCalls = 0;
      sandbox.resetStats();
      const error = await api.listProvisionedProducts().then(() => undefined, (e: unknown) => e);
      assert.ok(error, 'the call fails');
      assert.equal(providerCalls, 1, 'the SDK does not retry a credentials failure');
      assert.equal(sandbox.stats().calls, 0, 'no request is sent without credentials');

      const failure = classifyError(error, 'dev');
      assert.equal(failure.kind, 'sso-expired');
      assert.equal(failure.fix, 'sso-login');
      assert.match(failure.message, /expired/i);

      // A record being followed when the session expires: the tailer backs off instead of hammering.
      const clock = new VirtualClock(0);
      const tailer = new RecordTailer({
        describeRecord: async (id) => {
          const { detail, outputs } = await api.describeRecord(id);
          return { RecordDetail: detail, RecordOutputs: outputs };
        },
        clock, random: () => 0.5, pollPolicy: fixedPollPolicy(1_000),
      });
      providerCalls = 0;
      tailer.tail('rec-anything', { startedAtMs: 0 });
      await clock.advanceBy(10 * 60_000);
      tailer.dispose();
      // A fixed 1-second poll would make 600 attempts in 10 minutes; back-off (2 s doubling to 60 s) makes ~14.
      assert.ok(providerCalls >= 5 && providerCalls <= 20, `${providerCalls} attempts in 10 minutes`);
      assert.equal(sandbox.stats().calls, 0);
    } finally {
      api.dispose();
    }
  });

  it('tells to refresh an expired session token the service rejects, without a misleading SSO login', () => {
    const error = Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException', $metadata: { httpStatusCode: 403 } });
    const failure = classifyError(error, 'dev');
    assert.match(failure.message, /credentials have expired \(profile "dev"\): refresh them/);
    assert.equal(failure.fix, undefined, 'aws sso login only fixes SSO sessions');
  });
});
