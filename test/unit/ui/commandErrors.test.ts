// A failure's message is the service's (or a template author's) text: the notification VS Code is
// given holds no link it would render, through the one error wrapper around every command.
import { fakeVscode, shownNotifications, registeredCommands } from '../../support/fakeVscode';
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findAwsCli, knownAwsCli, registerCommand, runAwsCli, type CommandServices } from '../../../src/ui/commandErrors';
import type { CommandId } from '../../../src/ui/commandIds';

/** VS Code's rule for links in notification text (src/vs/base/common/linkedText.ts, LINK_REGEX). */
// eslint-disable-next-line no-useless-escape -- verbatim
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('the command error wrapper', () => {
  it('shows a service error with a command link as words only', async () => {
    shownNotifications.length = 0;
    registerCommand('test.fails' as CommandId, () => {
      throw Object.assign(new Error('Resource failed. [View stack events](command:serviceCatalogExplorer.runFix?%5B%22touch%20pwned%22%5D)'), { name: 'InvalidStateException' });
    }, { profile: () => undefined } as CommandServices);
    await registeredCommands.get('test.fails')!();
    await new Promise((resolve) => setImmediate(resolve));
    const [shown] = shownNotifications;
    assert.equal(shown?.level, 'error');
    assert.ok(shown.message.includes('View stack events'), shown.message);
    assert.deepEqual([...shown.message.matchAll(NOTIFICATION_LINK)].map((m) => m[0]), []);
  });
});

describe('running an AWS CLI task', () => {
  const savedPath = process.env.PATH;
  const terminals: { shellPath?: string; shellArgs?: string[] }[] = [];
  const window = fakeVscode.window as typeof fakeVscode.window & { createTerminal?: unknown };
  before(() => {
    window.createTerminal = (options: { shellPath?: string; shellArgs?: string[] }) => (terminals.push(options), { show() {} });
  });
  after(() => {
    process.env.PATH = savedPath;
    delete window.createTerminal;
  });

  /** A fake `aws` on PATH that prints `versionLine` for --version and records every other call. */
  function fakeCli(versionLine: string): { dir: string; calls: string } {
    const dir = mkdtempSync(join(tmpdir(), 'sce-fake-aws-'));
    const calls = join(dir, 'calls');
    writeFileSync(join(dir, 'aws'), `#!/bin/sh\necho "$@" >> '${calls}'\nif [ "$1" = "--version" ]; then echo '${versionLine}'; fi\n`, { mode: 0o755 });
    process.env.PATH = `${dir}:/usr/bin:/bin`;
    return { dir, calls };
  }

  it('asks the version first and refuses "configure sso" to an AWS CLI v1, running nothing else', async function () {
    if (process.platform === 'win32') this.skip();
    terminals.length = 0;
    const { calls } = fakeCli('aws-cli/1.45.11 Python/3.11.7 Linux/6.18 botocore/1.43.11');
    await assert.rejects(runAwsCli('configure-sso', undefined), /needs the AWS CLI v2; the aws on PATH is version 1\.45\.11/);
    assert.deepEqual(terminals, [], 'no terminal was started');
    assert.equal(readFileSync(calls, 'utf8'), '--version\n');
    assert.equal((await findAwsCli())?.version.major, 1);
  });

  it('runs "configure sso" with an AWS CLI v2, as its own process with an argument vector', async function () {
    if (process.platform === 'win32') this.skip();
    terminals.length = 0;
    const { dir } = fakeCli('aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22');
    await runAwsCli('configure-sso', undefined);
    assert.deepEqual(terminals.map((t) => [t.shellPath, t.shellArgs]), [[join(dir, 'aws'), ['configure', 'sso']]]);
  });

  it('asks the CLI its version once per PATH in a session, and again after a miss', async function () {
    if (process.platform === 'win32') this.skip();
    const first = fakeCli('aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22');
    assert.equal((await knownAwsCli())?.version.version, '2.15.30');
    assert.equal((await knownAwsCli())?.version.version, '2.15.30');
    assert.equal(readFileSync(first.calls, 'utf8'), '--version\n', 'the second connect did not wait for the CLI');

    const second = fakeCli('aws-cli/1.45.11 Python/3.11.7 Linux/6.18 botocore/1.43.11');
    assert.equal((await knownAwsCli())?.version.major, 1, 'a new PATH is looked at afresh');
    assert.equal(readFileSync(second.calls, 'utf8'), '--version\n');

    const empty = mkdtempSync(join(tmpdir(), 'sce-later-cli-'));
    process.env.PATH = empty;
    assert.equal(await knownAwsCli(), undefined);
    writeFileSync(join(empty, 'aws'), "#!/bin/sh\necho 'aws-cli/2.16.0 Python/3.11.8'\n", { mode: 0o755 });
    assert.equal((await knownAwsCli())?.version.version, '2.16.0', 'a CLI installed after a miss is found');
  });

  it('says so when there is no AWS CLI on PATH', async () => {
    process.env.PATH = mkdtempSync(join(tmpdir(), 'sce-empty-path-'));
    assert.equal(await findAwsCli(), undefined);
    await assert.rejects(runAwsCli('configure', undefined), /not on PATH/);
  });
});
