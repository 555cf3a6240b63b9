import { strict as assert } from 'node:assert';
import {
  chooseSessionName, nextPoll, pollIntervalSeconds, profileNameProblem, ssoSessionNameFor, startUrlProblem, suggestedProfileName, tokenCacheRecord,
} from '../../../src/core/ssoSignIn';

describe('IAM Identity Center sign-in rules', () => {
  it('takes an https start URL only', () => {
    assert.equal(startUrlProblem('https://my-company.awsapps.com/start'), undefined);
    assert.equal(startUrlProblem(' https://d-1234567890.awsapps.com/start/ '), undefined);
    assert.match(startUrlProblem('http://my-company.awsapps.com/start')!, /https/);
    assert.match(startUrlProblem('my-company')!, /start URL/);
    assert.match(startUrlProblem('https://u:p@x.awsapps.com/start')!, /user name/);
    assert.match(startUrlProblem('https://x.awsapps.com/start#/')!, /"#"/);
  });

  it('polls as RFC 8628 says: pending waits, slow_down adds 5 s, expired and denied stop', () => {
    assert.deepEqual(nextPoll('AuthorizationPendingException', 1), { kind: 'wait', intervalSeconds: 1 });
    assert.deepEqual(nextPoll('SlowDownException', 1), { kind: 'wait', intervalSeconds: 6 });
    assert.deepEqual(nextPoll('ExpiredTokenException', 1), { kind: 'stop', reason: 'expired' });
    assert.deepEqual(nextPoll('AccessDeniedException', 1), { kind: 'stop', reason: 'denied' });
    assert.deepEqual(nextPoll('InvalidClientException', 1), { kind: 'stop', reason: 'failed' });
    assert.equal(pollIntervalSeconds(undefined), 5);
    assert.equal(pollIntervalSeconds(1), 1);
  });

  it('writes the token cache with the CLI v2 field names and ISO UTC times', () => {
    const record = tokenCacheRecord({
      startUrl: 'https://x.awsapps.com/start', region: 'eu-west-1',
      registration: { clientId: 'cid', clientSecret: 'secret', clientSecretExpiresAt: 1_800_000_000 },
      token: { accessToken: 'aoaTOKEN', expiresIn: 28800, refreshToken: 'aorREFRESH' },
      now: Date.UTC(2026, 11, 1, 22, 0, 0, 500),
    });
    assert.deepEqual(record, {
      startUrl: 'https://x.awsapps.com/start', region: 'eu-west-1', accessToken: 'aoaTOKEN', expiresAt: '2026-12-02T06:00:00Z',
      clientId: 'cid', clientSecret: 'secret', registrationExpiresAt: '2027-01-15T08:00:00Z', refreshToken: 'aorREFRESH',
    });
  });

  it('names sessions and profiles so they fit the config grammar, and never takes over another session', () => {
    assert.equal(ssoSessionNameFor('https://my-company.awsapps.com/start'), 'my-company');
    assert.equal(suggestedProfileName('ServiceCatalogEndUser', '123456789012'), 'ServiceCatalogEndUser-123456789012');
    assert.equal(profileNameProblem('ServiceCatalogEndUser-123456789012'), undefined);
    assert.ok(profileNameProblem('a b'));
    const sessions: Record<string, Record<string, string>> = {
      corp: { sso_start_url: 'https://other.awsapps.com/start', sso_region: 'us-east-1' },
      'corp-2': { sso_start_url: 'https://corp.awsapps.com/start', sso_region: 'us-east-1' },
    };
    assert.equal(chooseSessionName('corp', (n) => sessions[n], 'https://corp.awsapps.com/start', 'us-east-1'), 'corp-2', 'the one for this start URL is shared');
    assert.equal(chooseSessionName('corp', (n) => sessions[n], 'https://corp.awsapps.com/start', 'eu-west-1'), 'corp-3');
    assert.equal(chooseSessionName('new', (n) => sessions[n], 'https://corp.awsapps.com/start', 'us-east-1'), 'new');
  });
});
