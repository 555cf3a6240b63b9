// Settings are read in one place: every key is in SETTING_KEYS, which matches what package.json
// declares, readSettings reads them all, and no other code spells `serviceCatalogExplorer.<key>` or
// asks the configuration itself.
import { fakeVscode } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONNECTION_SETTING_KEYS, readSettings, SECTION, SETTING_KEYS, settingChanged } from '../../../src/connections/settings';

const ROOT = process.cwd();
const declared = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties as Record<string, unknown>);

describe('settings: one list of keys, read in one place', () => {
  it("SETTING_KEYS are exactly package.json's settings", () => {
    assert.deepEqual(Object.values(SETTING_KEYS).map((k) => `${SECTION}.${k}`).sort(), [...declared].sort());
  });

  it('readSettings reads every key, from the extension section, and only those', () => {
    const workspace = fakeVscode.workspace;
    const original = workspace.getConfiguration;
    const read: string[] = [];
    const sections: unknown[] = [];
    workspace.getConfiguration = ((section?: string) => {
      sections.push(section);
      return { get: (key: string, fallback?: unknown) => (read.push(key), key === SETTING_KEYS.confirmTerminateByTyping ? true : fallback), update: async () => undefined };
    });
    try {
      const settings = readSettings();
      assert.equal(settings.confirmTerminateByTyping, true);
      assert.equal(settings.sandboxTimeScale, 5);
    } finally {
      workspace.getConfiguration = original;
    }
    assert.deepEqual(sections, [SECTION]);
    assert.deepEqual([...new Set(read)].sort(), Object.values(SETTING_KEYS).sort());
  });

  it('sandbox.identity: the end user by default and for any value outside the enum; a change reconnects', () => {
    const workspace = fakeVscode.workspace;
    const original = workspace.getConfiguration;
    const withIdentity = (value: unknown) => {
      workspace.getConfiguration = (() => ({ get: (key: string, fallback?: unknown) => (key === SETTING_KEYS.sandboxIdentity ? value : fallback), update: async () => undefined }));
      return readSettings().sandboxIdentity;
    };
    try {
      assert.deepEqual([undefined, 'admin', 'readOnly', 'other', 'endUser', 'root', 7].map(withIdentity), ['endUser', 'admin', 'readOnly', 'other', 'endUser', 'endUser', 'endUser']);
    } finally {
      workspace.getConfiguration = original;
    }
    assert.ok(CONNECTION_SETTING_KEYS.includes(SETTING_KEYS.sandboxIdentity));
  });

  it('settingChanged asks about the full key; a group covers the keys under it', () => {
    const changed = (...affected: string[]) => ({ affectsConfiguration: (section: string) => affected.some((a) => a === section || a.startsWith(`${section}.`)) });
    assert.ok(settingChanged(changed('serviceCatalogExplorer.region'), ...CONNECTION_SETTING_KEYS));
    assert.ok(!settingChanged(changed('serviceCatalogExplorer.groupBy'), ...CONNECTION_SETTING_KEYS));
    assert.ok(settingChanged(changed('serviceCatalogExplorer.autoRefresh.intervalSeconds'), 'autoRefresh'));
    assert.ok(!settingChanged(changed('serviceCatalogExplorer.sandbox.timeScale'), 'autoRefresh'));
  });

  it('no other source file reads the configuration or spells a setting key', () => {
    const sources = readdirSync(join(ROOT, 'src'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    const offenders = sources
      .filter((file) => file !== join('connections', 'settings.ts'))
      .filter((file) => {
        const text = readFileSync(join(ROOT, 'src', file), 'utf8');
        return /getConfiguration\(|affectsConfiguration\(|\$\{SECTION\}\./.test(text) || declared.some((key) => text.includes(`'${key}'`) || text.includes(`\`${key}\``));
      });
    assert.deepEqual(offenders, []);
  });
});
