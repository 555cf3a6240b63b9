// Service text made inert per surface: what VS Code would render as a link, an icon or markdown is
// shown as words instead, control and bidirectional characters are gone, and the length is bounded.
import { strict as assert } from 'node:assert';
import { DEFAULT_MAX_LENGTH, inert, webUrl } from '../../../src/core/untrustedText';

/** VS Code's rule for links in notification text (src/vs/base/common/linkedText.ts, LINK_REGEX). */
// eslint-disable-next-line no-useless-escape -- verbatim
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** VS Code's icon syntax in labels (src/vs/base/common/iconLabels.ts): `\$(` is shown as text. */
const ICON = /(?<!\\)\$\([a-z0-9-]+?(?:~[a-z0-9-]*?)?\)/gi;

/** `live` occurs in `text` with its first character not escaped by a backslash. */
const unescaped = (text: string, live: string) => new RegExp(`(?<!\\\\)${live.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text);

const ATTACK = 'Resource failed. [View stack events](command:serviceCatalogExplorer.runFix?%5B%22touch%20pwned%22%5D) [site](https://evil.example) [f](file:///etc/passwd "t")';

describe('inert service text', () => {
  it('leaves no notification link, whatever the scheme, and keeps the words', () => {
    const shown = inert(ATTACK, 'notification');
    assert.deepEqual([...shown.matchAll(NOTIFICATION_LINK)], []);
    assert.ok(shown.includes('View stack events') && shown.includes('command:serviceCatalogExplorer.runFix'), shown);
    assert.deepEqual([...inert('[a]\n(command:x)', 'notification').matchAll(NOTIFICATION_LINK)], [], 'not across a line break either');
  });

  it('leaves no icon in labels and input prompts; a notification, which renders none, shows the text as written', () => {
    assert.equal(inert('deploy $(zap) now', 'notification'), 'deploy $(zap) now');
    for (const surface of ['label', 'prompt'] as const) {
      const shown = inert('deploy $(zap) now $(sync~spin)', surface);
      assert.deepEqual([...shown.matchAll(ICON)], [], shown);
      assert.ok(shown.includes('$(zap)'.replace('$(', '\\$(')));
    }
  });

  it('escapes markdown that could link, embed, format or break a table', () => {
    const shown = inert('**bold** [x](command:a) ![i](https://t/p.png) <img src=x onerror=alert(1)> `code` a|b ~~s~~ &amp; $(zap) _em_', 'markdown');
    for (const live of ['**bold**', '[x](', '![i]', '<img', '`code`', 'a|b', '~~s~~', '&amp;', '$(zap)', '_em_']) assert.ok(!unescaped(shown, live), `${live} in ${shown}`);
    assert.equal(inert('UPDATE_PROVISIONED_PRODUCT v1.2-beta (web)', 'markdown'), 'UPDATE_PROVISIONED_PRODUCT v1.2-beta (web)', 'plain text stays readable');
  });

  it('drops control and bidirectional characters and folds lines on every surface', () => {
    for (const surface of ['notification', 'label', 'markdown', 'line'] as const) {
      const shown = inert('ok\u0007\u001b[31mred\u202egnp.exe\r\nnext\u2028line\tend', surface);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(shown, /[\u0000-\u001f\u007f\u202e]/, surface);
      assert.ok(shown.includes('next line end'), `${surface}: ${shown}`);
    }
  });

  it('bounds the length', () => {
    const long = 'x'.repeat(10_000);
    assert.equal([...inert(long, 'line')].length, DEFAULT_MAX_LENGTH);
    assert.ok(inert(long, 'line').endsWith('…'));
    assert.equal(inert(long, 'line', { maxLength: 20 }).length, 20);
    assert.equal(inert(undefined, 'label'), '');
  });

  it('opens only http(s) URLs', () => {
    assert.equal(webUrl('https://shop.example.com/a?b=1'), 'https://shop.example.com/a?b=1');
    for (const bad of ['command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22id%5Cn%22%7D', 'file:///etc/passwd', 'vscode://x', 'javascript:alert(1)', 'https://a.example b', 'http://', undefined]) {
      assert.equal(webUrl(bad), undefined, String(bad));
    }
  });
});

describe('inert service text: invisible characters and block syntax', () => {
  it('drops zero-width, soft hyphen, word joiners, BOM and tag characters', () => {
    const hidden = 'a\u200bb\u200dc\u00add\u2060e\ufefff\u{e0041}\u{e007f}g';
    assert.equal(inert(hidden, 'line'), 'abcdefg');
  });

  it('keeps a markdown text from opening a heading, list, rule or quote where it starts a line', () => {
    for (const start of ['# Heading', '- item', '+ item', '= rule', '1. first', '12) twelve', '> quote']) {
      const shown = inert(start, 'markdown');
      assert.match(shown, /^(\\[#\-+=>]|\d+\\[.)])/, `${start} -> ${shown}`);
    }
  });
});
