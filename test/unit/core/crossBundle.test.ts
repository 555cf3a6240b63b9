import * as assert from 'node:assert/strict';
import '../../support/fakeVscode'; // first: the user input module requires 'vscode'
import Module from 'node:module';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { StackAccessDeniedError } from '../../../src/core/stacks/stackAccess';
import type { StackReader } from '../../../src/core/stacks/types';
import { RequestError } from '../../../src/core/webview/requestError';
import { readStackValues } from '../../../src/provisioning/stackValuesReader';
import { errorPayload } from '../../../src/ui/webview/messageRouter';
import { UserCancelledError } from '../../../src/ui/userInput';

const root = join(__dirname, '../../../..');

/** A second copy of a module, bundled on its own: what dist/forms.js holds of the modules it shares with extension.js. */
function otherBundlesCopy<T>(file: string): T {
  const [bundle] = buildSync({ entryPoints: [file], absWorkingDir: root, bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], write: false }).outputFiles;
  const copy = new Module(join(root, file)) as Module & { _compile(code: string, filename: string): void };
  copy._compile(bundle.text, join(root, file));
  return copy.exports as T;
}

describe('errors that cross bundles', () => {
  const other = {
    ...otherBundlesCopy<typeof import('../../../src/core/webview/requestError')>('src/core/webview/requestError.ts'),
    ...otherBundlesCopy<typeof import('../../../src/core/stacks/stackAccess')>('src/core/stacks/stackAccess.ts'),
    ...otherBundlesCopy<typeof import('../../../src/ui/userInput')>('src/ui/userInput.ts'),
  };

  it('another bundle\'s RequestError is one: the page gets its message, field errors and code', () => {
    assert.notEqual(other.RequestError, RequestError, 'a real second copy of the class');
    const refused = new other.RequestError('Not connected.', { Name: 'Required' }, 'NotConnected');
    assert.ok(refused instanceof RequestError);
    assert.deepEqual(errorPayload(refused), { message: 'Not connected.', fieldErrors: { Name: 'Required' }, code: 'NotConnected' });
  });

  it('another bundle\'s StackAccessDeniedError makes a form say "denied", and logs nothing', async () => {
    const warnings: string[] = [];
    const stacks = { describeStack: () => Promise.reject(new other.StackAccessDeniedError('User is not authorized')) } as unknown as StackReader;
    const logger = { info: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined };
    const read = await readStackValues({ stacks: () => stacks, logger }, { kind: 'stack', stackId: 'arn:aws:cloudformation:us-east-1:111111111111:stack/SC-1/x' }, 'CLOUD_FORMATION_TEMPLATE', 'web');
    assert.deepEqual([read, warnings], [{ cause: 'denied' }, []]);
  });

  it('another bundle\'s UserCancelledError is one: the command wrapper stays silent on a cancel in the spec bundle', () => {
    assert.notEqual(other.UserCancelledError, UserCancelledError, 'a real second copy of the class');
    assert.ok(new other.UserCancelledError() instanceof UserCancelledError);
    assert.ok(new UserCancelledError() instanceof other.UserCancelledError);
    assert.ok(!(Object.assign(new Error('x'), { name: 'UserCancelledError' }) instanceof UserCancelledError));
  });

  it('an error that only bears the name (a service error code) is neither', () => {
    const named = (name: string) => Object.assign(new Error('from the service'), { name, code: 'Forged' });
    assert.ok(!(named('RequestError') instanceof RequestError));
    assert.ok(!(named('StackAccessDeniedError') instanceof StackAccessDeniedError));
    assert.ok(!(new Error('plain') instanceof RequestError) && !((undefined as unknown) instanceof RequestError));
    assert.deepEqual(errorPayload(named('RequestError')).message, 'from the service');
  });
});
