import { strict as assert } from 'node:assert';
import {
  chooseSsoSession, nextPoll, registrationScopes, pollIntervalSeconds, profileNameProblem, ssoSessionNameFor, startUrlProblem, suggestedProfileName, tokenCacheRecord,
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
    const name = (base: string, region: string) => chooseSsoSession(base, (n) => sessions[n], 'https://corp.awsapps.com/start', region).name;
    assert.equal(name('corp', 'us-east-1'), 'corp-2', 'the one for this start URL is shared');
    assert.equal(name('corp', 'eu-west-1'), 'corp-3');
    assert.equal(name('new', 'us-east-1'), 'new');
  });

  it('shares an existing sso-session as it is, registering with its own scopes so its cached token is never narrower', () => {
    const url = 'https://corp.awsapps.com/start';
    const sessions: Record<string, Record<string, string>> = {
      corp: { sso_start_url: url, sso_region: 'us-east-1', sso_registration_scopes: 'sso:account:access, codewhisperer:completions,codewhisperer:analysis' },
      legacy: { sso_start_url: url, sso_region: 'us-east-1' },
      q: { sso_start_url: url, sso_region: 'us-east-1', sso_registration_scopes: 'codewhisperer:completions' },
    };
    assert.deepEqual(chooseSsoSession('corp', (n) => sessions[n], url, 'us-east-1'), { name: 'corp', exists: true, scopes: ['sso:account:access', 'codewhisperer:completions', 'codewhisperer:analysis'] });
    assert.deepEqual(chooseSsoSession('legacy', (n) => sessions[n], url, 'us-east-1'), { name: 'legacy', exists: true, scopes: ['sso:account:access'] }, "no scopes: the CLI's default");
    assert.deepEqual(chooseSsoSession('q', (n) => sessions[n], url, 'us-east-1'), { name: 'q-2', exists: false, scopes: ['sso:account:access'] }, 'a session whose token cannot list accounts is left to its owner');
    assert.deepEqual(chooseSsoSession('new', (n) => sessions[n], url, 'us-east-1'), { name: 'new', exists: false, scopes: ['sso:account:access'] });
    assert.deepEqual(registrationScopes(' , '), ['sso:account:access']);
  });
});
