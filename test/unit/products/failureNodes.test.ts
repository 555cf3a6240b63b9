// A listing refused at the access level Role or Account explains itself and offers the access level
// User; any other failure keeps its own words and Retry.
import { fakeVscode } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import { failureNodes } from '../../../src/products/failureNodes';
import { classifyError } from '../../../src/core/errors';
import { COMMANDS } from '../../../src/ui/commandIds';
import { SETTING_KEYS } from '../../../src/connections/settings';

interface NodeFields { readonly id: string; readonly label: string; readonly detail: string; readonly command?: { readonly command: string } }
const fields = (nodes: unknown[]) => nodes as NodeFields[];

const denied = (action: string) => classifyError(Object.assign(new Error(
  `User: arn:aws:iam::123456789012:user/sandbox-user is not authorized to perform: servicecatalog:${action} on resource: * because no identity-based policy allows the servicecatalog:${action} action`,
), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));

describe('failure nodes', () => {
  const workspace = fakeVscode.workspace;
  const original = workspace.getConfiguration;
  const atLevel = (level: string) => {
    workspace.getConfiguration = (() => ({ get: (key: string, fallback?: unknown) => (key === SETTING_KEYS.accessLevel ? level : fallback), update: async () => undefined }));
  };
  afterEach(() => (workspace.getConfiguration = original));

  it('a listing refused at the access level Account says only your own products show, and offers User', () => {
    atLevel('Account');
    const nodes = fields(failureNodes(denied('SearchProvisionedProducts'), 'Could not list provisioned products'));
    assert.equal(nodes[0].label, 'Your permissions only show your own provisioned products');
    assert.match(nodes[0].detail, /access level Account was refused.*AWSServiceCatalogEndUserFullAccess.*userLevel = self.*Switch the access level to User/);
    assert.deepEqual(nodes.map((n) => n.command?.command), [COMMANDS.useUserAccessLevel, COMMANDS.useUserAccessLevel, COMMANDS.switchConnection]);
    atLevel('Role');
    assert.match(fields(failureNodes(denied('SearchProvisionedProducts'), 'x'))[0].detail, /access level Role was refused/);
  });

  it('at the access level User, or for another action, the failure in its words with Retry', () => {
    atLevel('User');
    const user = fields(failureNodes(denied('SearchProvisionedProducts'), 'Could not list provisioned products'));
    assert.match(user[0].label, /^Could not list provisioned products: Your AWS permissions do not allow servicecatalog:SearchProvisionedProducts/);
    assert.equal(user[0].command?.command, COMMANDS.retry);
    atLevel('Account');
    const other = fields(failureNodes(denied('DescribeRecord'), 'Could not list provisioned products'));
    assert.equal(other[0].command?.command, COMMANDS.retry);
  });
});
