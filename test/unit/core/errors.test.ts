import { strict as assert } from 'node:assert';
import { classifyError, type FailureKind } from '../../../src/core/errors';
import { classifyDescribeFailure } from '../../../src/core/records/describeErrors';
import { callWithToken } from '../../../src/core/retrySameToken';

const named = (name: string, message: string, status?: number) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('classifyError', () => {
  it('explains "No launch paths found" as a portfolio not shared with the caller, keeping the service words', () => {
    const f = classifyError(Object.assign(new Error('No launch paths found for resource: prod-abc123'), { name: 'ResourceNotFoundException' }));
    assert.equal(f.kind, 'not-found');
    assert.match(f.message, /portfolios shared with you/);
    assert.match(f.message, /\(No launch paths found for resource: prod-abc123\)$/);
  });

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

  it('says a credential provider that could not reach its endpoint cannot reach it, not that credentials are missing', () => {
    const refused = classifyError(named('CredentialsProviderError', 'connect ECONNREFUSED 127.0.0.1:4597'), 'sandbox-sso');
    assert.equal(refused.kind, 'network');
    assert.equal(refused.message, 'Cannot reach 127.0.0.1:4597 to get credentials for profile "sandbox-sso" (connect ECONNREFUSED 127.0.0.1:4597).');
    assert.doesNotMatch(refused.message, /No AWS credentials/);

    const wrapped = Object.assign(named('CredentialsProviderError', 'Failed to get role credentials'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND portal.sso.eu-west-1.amazonaws.com'), { code: 'ENOTFOUND' }) });
    assert.equal(classifyError(wrapped, 'x').kind, 'network');
    assert.match(classifyError(wrapped, 'x').message, /^Cannot reach portal\.sso\.eu-west-1\.amazonaws\.com /);
    for (const text of ['connect ETIMEDOUT 169.254.169.254:80', 'socket hang up']) {
      const failure = classifyError(named('CredentialsProviderError', text));
      assert.equal(failure.kind, 'network', text);
      assert.match(failure.message, /^Cannot reach /, text);
    }
    assert.equal(classifyError(named('CredentialsProviderError', 'Could not load credentials from any providers'), 'ci').kind, 'no-credentials');
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

  it('names the IAM action an AccessDenied refused and the policy that grants it, not IAM\'s ARNs', () => {
    const iamText = (action: string) =>
      `User: arn:aws:iam::123456789012:user/sandbox-user is not authorized to perform: servicecatalog:${action} on resource: arn:aws:servicecatalog:us-east-1:123456789012:stack/pp-1\u202e because no identity-based policy allows the servicecatalog:${action} action`;
    const admin = classifyError(named('AccessDeniedException', iamText('UpdateProvisionedProductProperties'), 400));
    assert.equal(admin.kind, 'access-denied');
    assert.equal(admin.action, 'UpdateProvisionedProductProperties');
    assert.match(admin.message, /^Your AWS permissions do not allow servicecatalog:UpdateProvisionedProductProperties\. It is an administrator action \(AWSServiceCatalogAdminFullAccess grants it\); ask your catalog administrator\./);
    assert.doesNotMatch(admin.message, /arn:|\u202e/);
    const readOnly = classifyError(named('AccessDeniedException', iamText('TerminateProvisionedProduct'), 400));
    assert.match(readOnly.message, /AWSServiceCatalogEndUserFullAccess grants it for your own provisioned products, AWSServiceCatalogEndUserReadOnlyAccess does not/);
    // Without an action named, the service's words as before.
    const plain = classifyError(named('AccessDeniedException', 'not authorized', 400));
    assert.deepEqual([plain.message, plain.action], ['Permission denied: not authorized', undefined]);
  });

  it('names the CloudFormation action in CloudFormation\'s AccessDenied (code AccessDenied, HTTP 403)', () => {
    const f = classifyError(named('AccessDenied',
      'User: arn:aws:sts::123456789012:assumed-role/Dev/ana is not authorized to perform: cloudformation:DescribeStackEvents on resource: '
      + 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-pp-abc/1d2e because no identity-based policy allows the cloudformation:DescribeStackEvents action', 403));
    assert.equal(f.kind, 'access-denied');
    assert.equal(f.code, 'AccessDenied');
    assert.equal(f.action, 'DescribeStackEvents');
    assert.match(f.message, /^Your AWS permissions do not allow cloudformation:DescribeStackEvents on this product's stack\. AWSServiceCatalogEndUserFullAccess and AWSServiceCatalogEndUserReadOnlyAccess grant it/);
    assert.doesNotMatch(f.message, /arn:/);
    const denied = classifyError(named('AccessDenied', 'User: x is not authorized to perform: cloudformation:ListStackResources on resource: arn:aws:cloudformation:us-east-1:1:stack/a/b with an explicit deny in a service control policy', 403));
    assert.equal(denied.message, 'An explicit deny in a service control policy refuses cloudformation:ListStackResources; no managed policy can lift it: ask your administrator.');
  });

  it('classifies an AccessDenied by its code, whatever its words say of SSO', () => {
    const f = classifyError(named('AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/SSO-Expired-Contractors/ana is not authorized to perform: '
      + 'servicecatalog:ProvisionProduct on resource: * because no identity-based policy allows the servicecatalog:ProvisionProduct action', 400), 'dev-sso');
    assert.equal(f.kind, 'access-denied');
    assert.equal(f.fix, undefined, 'no `aws sso login`');
    assert.equal(f.action, 'ProvisionProduct');
  });

  describe('a refusal no managed policy lifts', () => {
    // IAM's wordings (IAM User Guide, "Troubleshoot access denied error messages"; the SCP one as in
    // kubernetes-sigs/aws-load-balancer-controller#2322).
    const refused = (tail: string, action = 'ProvisionProduct') => classifyError(named('AccessDeniedException',
      `User: arn:aws:sts::123456789012:assumed-role/Dev/ana is not authorized to perform: servicecatalog:${action} on resource: arn:aws:catalog:us-east-1:123456789012:product/prod-abc ${tail}`, 400));
    const cases: [string, string, string][] = [
      ['with an explicit deny in a service control policy', 'scp-deny', 'An explicit deny in a service control policy refuses servicecatalog:ProvisionProduct'],
      ['with an explicit deny in a resource control policy', 'rcp-deny', 'An explicit deny in a resource control policy refuses servicecatalog:ProvisionProduct'],
      ['with an explicit deny in an identity-based policy', 'identity-deny', 'An explicit deny in an identity-based policy refuses servicecatalog:ProvisionProduct'],
      ['because no permissions boundary allows the servicecatalog:ProvisionProduct action', 'boundary', 'Your permissions boundary does not allow servicecatalog:ProvisionProduct'],
      ['because no session policy allows the servicecatalog:ProvisionProduct action', 'session-policy', 'Your session policy does not allow servicecatalog:ProvisionProduct'],
      ['with an explicit deny', 'explicit-deny', 'An explicit deny refuses servicecatalog:ProvisionProduct'],
    ];
    for (const [tail, restriction, says] of cases) {
      it(`"${tail}"`, () => {
        const f = refused(tail);
        assert.equal(f.kind, 'access-denied');
        assert.equal(f.restriction, restriction);
        assert.equal(f.action, 'ProvisionProduct');
        assert.equal(f.message, `${says}; no managed policy can lift it: ask your administrator.`);
      });
    }

    it('says so without an action, IAM\'s words after ours', () => {
      const f = classifyError(named('AccessDeniedException', 'User: x is not authorized to perform: cloudformation:CreateStack on resource: * with an explicit deny in a service control policy', 400));
      assert.equal(f.restriction, 'scp-deny');
      assert.equal(f.action, undefined);
      assert.match(f.message, /^An explicit deny in a service control policy refuses this request; no managed policy can lift it: ask your administrator\. Permission denied: User: x/);
    });

    it('an implicit deny of an identity-based policy is still the managed policies\' to grant', () => {
      const f = refused('because no identity-based policy allows the servicecatalog:ProvisionProduct action');
      assert.equal(f.restriction, undefined);
      assert.match(f.message, /^Your AWS permissions do not allow servicecatalog:ProvisionProduct\./);
    });
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

describe('throttling, one classifier for every caller', () => {
  const throttlings = [
    named('ThrottlingException', 'Rate exceeded', 400),
    named('TooManyRequestsException', 'Too many requests', 400),
    named('SomethingElse', 'Slow down', 429),
    named('Error', '', 429),
  ];

  it('classifyError: the throttling exceptions and any HTTP 429 are throttled', () => {
    for (const error of throttlings) assert.equal(classifyError(error).kind, 'throttled', `${error.name} ${error.$metadata.httpStatusCode}`);
  });

  it('the record tailer reads its classification off classifyError', () => {
    for (const error of throttlings) assert.equal(classifyDescribeFailure(error), 'throttled', `${error.name} ${error.$metadata.httpStatusCode}`);
    const samples: unknown[] = [
      ...throttlings,
      named('ResourceNotFoundException', 'Record rec-1 not found'),
      named('CredentialsProviderError', 'Could not load credentials from any providers'),
      named('InternalFailure', 'boom', 500),
      named('AccessDeniedException', 'not authorized to perform: servicecatalog:DescribeRecord', 400),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      'odd',
      undefined,
    ];
    const expected: Partial<Record<FailureKind, string>> = { throttled: 'throttled', 'not-found': 'not-found', 'access-denied': 'denied' };
    for (const error of samples) assert.equal(classifyDescribeFailure(error), expected[classifyError(error).kind] ?? 'transient', String((error as Error)?.name ?? error));
  });

  it("the service's exception name decides before its words: a missing record is not a credentials problem", () => {
    const missing = named('ResourceNotFoundException', 'Unable to find record rec-1');
    assert.equal(classifyError(missing).kind, 'not-found');
    assert.equal(classifyDescribeFailure(missing), 'not-found');
  });

  it('a write throttled with HTTP 429 is sent again with its token', async () => {
    let calls = 0;
    const result = await callWithToken('token-1', async (token) => {
      if (++calls === 1) throw named('SomethingElse', 'Slow down', 429);
      return token;
    }, { sleep: async () => undefined });
    assert.deepEqual([result, calls], ['token-1', 2]);
  });
});
