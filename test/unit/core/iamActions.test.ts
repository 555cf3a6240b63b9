// The IAM action table is the one source: every Service Catalog call the code sends is in it, every
// action in it is sent somewhere, the model knows each, and README's Permissions table says exactly
// what the table says.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FAILURE_NOTIFICATION_LENGTH } from '../../../src/core/errors';
import { evaluate } from '../../../src/sandbox/iam/evaluate';
import { MANAGED_POLICIES } from '../../../src/sandbox/iam/managedPolicies';
import { levelContext } from '../../../src/sandbox/iam/serviceCatalog';
import {
  ADMIN_POLICY, END_USER_POLICY, READ_ONLY_POLICY, type Grant, type IamService, type ManagedPolicyName,
  IAM_ACTIONS, iamActionName, PERMISSIONS_TABLE_HEADER, deniedActionOf, isAccessLevelDenial, iamActionEntry, isAdministratorAction, permissionDeniedMessage, permissionsTableRows,
} from '../../../src/core/iamActions';

const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** `new XCommand(` calls in the extension's code (the sandbox serves calls, it sends none), by the SDK package X is imported from. */
function sentCommands(): { readonly file: string; readonly operation: string; readonly from: string }[] {
  const files = sourceFiles(join(ROOT, 'src')).filter((f) => !relative(ROOT, f).startsWith(join('src', 'sandbox')));
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const importedFrom = new Map<string, string>();
    for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/[^']+)'/g)) {
      for (const name of m[1].split(',').map((n) => n.trim().replace(/^type\s+/, ''))) if (name) importedFrom.set(name, m[2]);
    }
    return [...text.matchAll(/new\s+(\w+)Command\s*\(/g)].map((m) => ({
      file: relative(ROOT, file), operation: m[1], from: importedFrom.get(`${m[1]}Command`) ?? '(not imported from an SDK package)',
    }));
  });
}

/** Calls authorised by the SSO access token, not by IAM (see the table's header comment). */
const SSO_BEARER_CALLS: Readonly<Record<string, readonly string[]>> = {
  '@aws-sdk/client-sso-oidc': ['RegisterClient', 'StartDeviceAuthorization', 'CreateToken'],
  '@aws-sdk/client-sso': ['ListAccounts', 'ListAccountRoles'],
};

/** The SDK package each service's commands are imported from. */
const SDK_PACKAGES: Readonly<Record<IamService, string>> = {
  servicecatalog: '@aws-sdk/client-service-catalog',
  cloudformation: '@aws-sdk/client-cloudformation',
};

describe('the IAM action table', () => {
  const sent = sentCommands();
  const iamSent = sent.filter((c) => Object.values(SDK_PACKAGES).includes(c.from));
  const serviceOf = (from: string) => Object.entries(SDK_PACKAGES).find(([, p]) => p === from)?.[0];

  it('holds every Service Catalog and CloudFormation command the code sends, under its service', () => {
    assert.ok(iamSent.filter((c) => c.from === SDK_PACKAGES.servicecatalog).length > 10, 'the scan found the calls');
    assert.ok(iamSent.filter((c) => c.from === SDK_PACKAGES.cloudformation).length >= 3, 'the scan found the CloudFormation calls');
    const missing = iamSent.filter((c) => iamActionEntry(c.operation)?.service !== serviceOf(c.from)).map((c) => `${c.operation} (${c.file})`);
    assert.deepEqual(missing, [], 'add these to src/core/iamActions.ts');
  });

  it('holds only actions the code sends', () => {
    const sentNames = new Set(iamSent.map((c) => `${serviceOf(c.from)}:${c.operation}`));
    assert.deepEqual(IAM_ACTIONS.map((e) => `${e.service}:${e.action}`).filter((a) => !sentNames.has(a)), []);
    assert.equal(new Set(IAM_ACTIONS.map((e) => e.action)).size, IAM_ACTIONS.length, 'each operation once, whatever its service');
  });

  it('knows every other command the code sends as an SSO call no IAM policy authorises', () => {
    const others = sent.filter((c) => !Object.values(SDK_PACKAGES).includes(c.from));
    const unknown = others.filter((c) => !SSO_BEARER_CALLS[c.from]?.includes(c.operation)).map((c) => `${c.operation} from ${c.from} (${c.file})`);
    assert.deepEqual(unknown, []);
  });

  it('names operations of each service\'s SDK client', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = (service: IamService) => require(SDK_PACKAGES[service]) as Record<string, unknown>;
    assert.deepEqual(IAM_ACTIONS.filter((e) => typeof sdk(e.service)[`${e.action}Command`] !== 'function').map((e) => e.action), []);
  });

  it('names Service Catalog operations the sandbox\'s model knows', () => {
    const model = JSON.parse(readFileSync(join(ROOT, 'src/sandbox/model/servicecatalog.json'), 'utf8')) as { operations: Record<string, unknown> };
    // ListStackInstancesForProvisionedProduct joins the trimmed model with the sandbox's handler for it.
    const pending = model.operations.ListStackInstancesForProvisionedProduct ? [] : ['ListStackInstancesForProvisionedProduct'];
    const catalog = IAM_ACTIONS.filter((e) => e.service === 'servicecatalog' && !pending.includes(e.action));
    assert.deepEqual(catalog.map((e) => e.action).filter((a) => !(a in model.operations)), []);
  });

  it('says what the managed policies grant, as AWS publishes them', () => {
    const grants = (a: string) => { const e = iamActionEntry(a)!; return [e.endUser, e.readOnly]; };
    for (const a of ['GetProvisionedProductOutputs', 'UpdateProvisionedProductProperties']) assert.deepEqual(grants(a), ['none', 'none'], a);
    assert.deepEqual(grants('ProvisionProduct'), ['all', 'none']);
    assert.deepEqual(grants('SearchProducts'), ['all', 'all']);
    assert.deepEqual(grants('TerminateProvisionedProduct'), ['own', 'none']);
    assert.deepEqual(grants('DescribeRecord'), ['own', 'own']);
    assert.deepEqual(grants('ListStackInstancesForProvisionedProduct'), ['own', 'own']);
    for (const a of ['DescribeStacks', 'DescribeStackEvents', 'ListStackResources']) assert.deepEqual(grants(a), ['scStacks', 'scStacks'], a);
    assert.ok(IAM_ACTIONS.every((e) => e.admin === (e.service === 'cloudformation' ? 'scStacks' : 'all')));
    // The read-only policy grants nothing the full end-user policy does not.
    const rank = { none: 0, own: 1, scStacks: 1, all: 2 } as const;
    assert.deepEqual(IAM_ACTIONS.filter((e) => rank[e.readOnly] > rank[e.endUser]).map((e) => e.action), []);
  });

  it('agrees with the policy documents the sandbox evaluates', () => {
    const resource = 'arn:aws:servicecatalog:us-east-1:123456789012:stack/x/pp-1';
    const scStack = 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-pp-abcd1234efgh5/3f1c2a40-cf11-11f0-9d9b-0a1b2c3d4e5f';
    const otherStack = 'arn:aws:cloudformation:us-east-1:123456789012:stack/orders-db/3f1c2a40-cf11-11f0-9d9b-0a1b2c3d4e5f';
    const catalogGrant = (policy: ManagedPolicyName, action: string): Grant => {
      const decide = (level: 'user' | 'account') => evaluate(MANAGED_POLICIES[policy], { action: `servicecatalog:${action}`, resource, context: levelContext(level) });
      if (decide('account') === 'allow') return 'all';
      return decide('user') === 'allow' ? 'own' : 'none';
    };
    const stackGrant = (policy: ManagedPolicyName, action: string): Grant => {
      const decide = (stack: string) => evaluate(MANAGED_POLICIES[policy], { action: `cloudformation:${action}`, resource: stack, context: {} });
      if (decide(otherStack) === 'allow') return 'all';
      return decide(scStack) === 'allow' ? 'scStacks' : 'none';
    };
    const grant = (policy: ManagedPolicyName, action: string): Grant =>
      (iamActionEntry(action)?.service === 'cloudformation' ? stackGrant : catalogGrant)(policy, action);
    const table = IAM_ACTIONS.map((e) => [e.action, e.endUser, e.readOnly, e.admin]);
    const documents = IAM_ACTIONS.map((e) => [e.action, grant(END_USER_POLICY, e.action), grant(READ_ONLY_POLICY, e.action), grant(ADMIN_POLICY, e.action)]);
    assert.deepEqual(table, documents);
  });

  it('is what README\'s Permissions table says, row for row', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Permissions'), readme.indexOf('\n## ', readme.indexOf('### Permissions')));
    const tableLines = section.split('\n').filter((l) => l.startsWith('|'));
    const expected = [...PERMISSIONS_TABLE_HEADER, ...permissionsTableRows()];
    assert.deepEqual(tableLines, expected, `README's Permissions table should read:\n${expected.join('\n')}`);
  });
});

describe('AccessDenied in plain words', () => {
  const iam = (action: string) =>
    `User: arn:aws:iam::123456789012:user/sandbox-user is not authorized to perform: servicecatalog:${action} on resource: arn:aws:catalog:us-east-1:123456789012:stack/x because no identity-based policy allows the servicecatalog:${action} action`;

  it('reads the CloudFormation action IAM names in CloudFormation\'s AccessDenied, under its own service only', () => {
    const refused = 'User: arn:aws:sts::123456789012:assumed-role/Dev/alex is not authorized to perform: cloudformation:ListStackResources '
      + 'on resource: arn:aws:cloudformation:us-east-1:123456789012:stack/orders-db/3f1c2a40 because no identity-based policy allows the cloudformation:ListStackResources action';
    assert.equal(deniedActionOf(refused), 'ListStackResources');
    assert.equal(iamActionName('ListStackResources'), 'cloudformation:ListStackResources');
    assert.equal(deniedActionOf('not authorized to perform: servicecatalog:DescribeStacks on resource: *'), undefined, 'not a Service Catalog action');
    assert.equal(deniedActionOf('not authorized to perform: cloudformation:DescribeRecord on resource: *'), undefined, 'not a CloudFormation action');
    assert.equal(
      permissionDeniedMessage('DescribeStackEvents'),
      'Your AWS permissions do not allow cloudformation:DescribeStackEvents on this product\'s stack. AWSServiceCatalogEndUserFullAccess and '
      + 'AWSServiceCatalogEndUserReadOnlyAccess grant it on Service Catalog\'s stacks (stack/SC-*); ask your administrator for one of them.',
    );
  });

  it('reads the action IAM names, and only its letters', () => {
    assert.equal(deniedActionOf(iam('DescribeRecord')), 'DescribeRecord');
    assert.equal(deniedActionOf('not authorized to perform: servicecatalog:TerminateProvisionedProduct<script>'), 'TerminateProvisionedProduct');
    assert.equal(deniedActionOf('Access denied'), undefined);
    assert.equal(deniedActionOf(undefined), undefined);
  });

  it('reads only IAM\'s `perform: servicecatalog:<action>`, and only an action the extension calls', () => {
    // A resource ARN is no action.
    assert.equal(deniedActionOf('Access denied on resource arn:aws:servicecatalog:us-east-1:123456789012:stack/pp-1'), undefined);
    // IAM refused another service's action; the message only mentions a Service Catalog one.
    assert.equal(deniedActionOf(
      'User: arn:aws:sts::123456789012:assumed-role/Launch/x is not authorized to perform: cloudformation:CreateStack on resource: * '
      + '(while servicecatalog:ProvisionProduct ran)',
    ), undefined);
    assert.equal(deniedActionOf('not authorized to perform: servicecatalog:Terminate<script>'), undefined, 'not an action of the table');
    assert.equal(deniedActionOf('not authorized to perform: servicecatalog:CreatePortfolio on resource: *'), undefined);
  });

  it('calls an action neither end-user policy grants an administrator action', () => {
    assert.ok(isAdministratorAction('UpdateProvisionedProductProperties'));
    assert.ok(!isAdministratorAction('TerminateProvisionedProduct'));
    assert.equal(
      permissionDeniedMessage('UpdateProvisionedProductProperties'),
      'Your AWS permissions do not allow servicecatalog:UpdateProvisionedProductProperties. It is an administrator action (AWSServiceCatalogAdminFullAccess grants it); ask your catalog administrator. It also needs iam:PassRole on the new launch role.',
    );
  });

  it('tells a read-only user which policy has the write', () => {
    assert.equal(
      permissionDeniedMessage('TerminateProvisionedProduct'),
      'Your AWS permissions do not allow servicecatalog:TerminateProvisionedProduct. AWSServiceCatalogEndUserFullAccess grants it for your own provisioned products, AWSServiceCatalogEndUserReadOnlyAccess does not; ask your administrator for it.',
    );
  });

  it('says an own-products-only read is refused for others\' products and wider access levels', () => {
    assert.equal(
      permissionDeniedMessage('DescribeRecord'),
      'Your AWS permissions do not allow servicecatalog:DescribeRecord here. The end-user policies grant it only for your own provisioned products and records, at the access level User; AWSServiceCatalogAdminFullAccess grants it for all.',
    );
    for (const e of IAM_ACTIONS) assert.ok(permissionDeniedMessage(e.action).length <= FAILURE_NOTIFICATION_LENGTH, `${e.action}: short enough for a notification`);
    assert.match(permissionDeniedMessage('NotInTheTable'), /^Your AWS permissions do not allow servicecatalog:NotInTheTable\. Ask your administrator/);
  });
});

describe('the access-level panel', () => {
  it('is for the end-user policies\' refusal of a listing at Role or Account, not for a policy no managed policy lifts', () => {
    const listing = { kind: 'access-denied', action: 'SearchProvisionedProducts' };
    assert.ok(isAccessLevelDenial(listing, 'Account'));
    assert.ok(!isAccessLevelDenial(listing, 'User'));
    assert.ok(!isAccessLevelDenial({ ...listing, restriction: 'scp-deny' }, 'Account'), 'User would be refused as well');
    assert.ok(!isAccessLevelDenial({ ...listing, restriction: 'boundary' }, 'Role'));
  });
});
