// A failure's message is the service's (or a template author's) text: the notification VS Code is
// given holds no link it would render, through the one error wrapper around every command.
import { shownNotifications, registeredCommands } from '../../support/fakeVscode';
import { strict as assert } from 'node:assert';
import { registerCommand, type CommandServices } from '../../../src/ui/commandErrors';
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
