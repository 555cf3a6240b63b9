import { strict as assert } from 'node:assert';
import { classifyError } from '../../../src/core/errors';

const named = (name: string, message: string, status?: number) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('classifyError', () => {
  it('offers `aws sso login` for the chosen profile when the SSO token expired', () => {
    const f = classifyError(named('CredentialsProviderError', 'The SSO session associated with this profile has expired or is otherwise invalid.'), 'dev-sso');
    assert.equal(f.kind, 'sso-expired');
    assert.equal(f.fix, 'sso-login');
  });

  it('does not offer SSO login for an expired static or assume-role token', () => {
    const f = classifyError(named('ExpiredTokenException', 'The security token included in the request is expired'), 'admin');
    assert.equal(f.kind, 'invalid-credentials');
    assert.equal(f.fix, undefined);
    assert.match(f.message, /expired \(profile "admin"\)/);
  });

  it('says which profile has no credentials', () => {
    const f = classifyError(named('CredentialsProviderError', 'Could not load credentials from any providers'), 'ci');
    assert.equal(f.kind, 'no-credentials');
    assert.match(f.message, /profile "ci"/);
    assert.equal(f.fix, undefined);
  });

  it('keeps the service words for modelled exceptions', () => {
    const f = classifyError(named('ResourceNotFoundException', 'Provisioned product pp-123 not found\nat stack'));
    assert.deepEqual([f.kind, f.message, f.code], ['not-found', 'Provisioned product pp-123 not found', 'ResourceNotFoundException']);
    assert.equal(classifyError(named('InvalidStateException', 'x')).kind, 'invalid-state');
    assert.equal(classifyError(named('DuplicateResourceException', 'x')).kind, 'invalid-input');
    assert.equal(classifyError(named('ThrottlingException', 'Rate exceeded')).kind, 'throttled');
  });

  it('explains permission and signature failures', () => {
    assert.equal(classifyError(named('AccessDeniedException', 'not authorized', 400)).kind, 'access-denied');
    assert.equal(classifyError(named('SomethingElse', 'no', 403)).kind, 'access-denied');
    assert.equal(classifyError(named('UnrecognizedClientException', 'The security token included in the request is invalid.')).kind, 'invalid-credentials');
  });

  it('recognises an unreachable endpoint', () => {
    const e = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    const f = classifyError(e);
    assert.equal(f.kind, 'network');
    assert.match(f.message, /Cannot reach/);
  });

  it('never throws on odd values', () => {
    assert.equal(classifyError(undefined).kind, 'unknown');
    assert.equal(classifyError('boom').message, 'boom');
  });
});
