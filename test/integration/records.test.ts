// Record tracking, lookup, history and the right-click actions, in a real extension host against the
// embedded sandbox. Each test provisions its own products so it does not disturb the seeded ones.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ProvisionProductCommand, SearchProvisionedProductsCommand, UpdateProvisionedProductPropertiesCommand, type RecordDetail } from '@aws-sdk/client-service-catalog';
import type { ExtensionApi } from '../../src/extension';
import { SEED } from '../../src/sandbox/service/seedCatalog';
import type { ProductNode } from '../../src/products/nodes';
import type { PickOrTypeOptions, UserInput } from '../../src/ui/userInput';
import { connectedToSandbox, rootItems, setSetting, waitFor } from './helpers';
import { connectionLabel, type SandboxCaller } from '../../src/core/connection';
import { propertyChangeDeniedMessage } from '../../src/core/products/productActionRules';
import { SANDBOX_READER } from '../../src/sandbox/identities';

const RECORD_TIMEOUT_MS = 90_000;

/** VS Code's own rule for links in notification text (src/vs/base/common/linkedText.ts, LINK_REGEX). */
// eslint-disable-next-line no-useless-escape -- verbatim
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^\)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const linksIn = (text: string) => [...text.matchAll(NOTIFICATION_LINK)].map((m) => m[0]);
const P = SEED.products;

/** Answers prompts from a script and remembers what was asked. */
class ScriptedInput implements UserInput {
  readonly asked: { kind: string; text: string; items?: readonly vscode.QuickPickItem[] }[] = [];
  constructor(private readonly answers: {
    confirm?: string[]; text?: string[];
    pickOne?: ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem)[];
    pickMany?: ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem[])[];
    /** Answers for a pick that also takes typed text: an item, or `{ typed }`. */
    pickOrType?: ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | { typed: string })[];
  }) {
    if (!answers.pickOrType) this.pickOrType = undefined; // prompts then use their pick-then-input fallback
  }

  pickOrType?: UserInput['pickOrType'] = async <T extends vscode.QuickPickItem>(items: readonly T[], options: PickOrTypeOptions) => {
    this.asked.push({ kind: 'pickOrType', text: `${options.title ?? ''} | ${options.typedLabel('x')}`, items });
    return this.next(this.answers.pickOrType, 'pickOrType')(items) as T | { typed: string };
  };

  async pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T> {
    this.asked.push({ kind: 'pickOne', text: options.title ?? '', items });
    return this.next(this.answers.pickOne, 'pickOne')(items) as T;
  }
  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[]> {
    this.asked.push({ kind: 'pickMany', text: options.title ?? '', items });
    return this.next(this.answers.pickMany, 'pickMany')(items) as T[];
  }
  async inputText(options: vscode.InputBoxOptions): Promise<string> {
    this.asked.push({ kind: 'inputText', text: `${options.title} | ${options.prompt} | ${options.value ?? ''}` });
    return this.next(this.answers.text, 'inputText');
  }
  async confirm(message: string, detail: string, ...buttons: string[]): Promise<string> {
    this.asked.push({ kind: 'confirm', text: `${message}\n${detail}\n[${buttons.join('|')}]` });
    return this.next(this.answers.confirm, 'confirm');
  }
  private next<T>(queue: T[] | undefined, kind: string): T {
    const answer = queue?.shift();
    if (answer === undefined) throw new Error(`unexpected ${kind} prompt`);
    return answer;
  }
}

async function provisionWebsite(api: ExtensionApi, name: string): Promise<RecordDetail> {
  const out = await api.session.api!.client.send(
    new ProvisionProductCommand({
      ProductId: P.staticWebsite.id,
      ProvisioningArtifactId: P.staticWebsite.versions.v11,
      PathId: SEED.portfolios.platform.pathId,
      ProvisionedProductName: name,
      ProvisioningParameters: [{ Key: 'BucketName', Value: `${name}-content` }],
      ProvisionToken: `tok-${name}`,
    }),
  );
  return out.RecordDetail!;
}

/** Starts analytics-cluster v0.2, whose cluster fails to create; the failure quotes `clusterName`. */
async function provisionFailingCluster(api: ExtensionApi, name: string, clusterName = name): Promise<RecordDetail> {
  const out = await api.session.api!.client.send(
    new ProvisionProductCommand({
      ProductId: P.analyticsCluster.id,
      ProvisioningArtifactId: P.analyticsCluster.versions.v02,
      PathId: SEED.portfolios.data.pathId,
      ProvisionedProductName: name,
      ProvisioningParameters: [{ Key: 'ClusterName', Value: clusterName }],
      ProvisionToken: `tok-${name}`,
    }),
  );
  return out.RecordDetail!;
}

/** Provisions a website through the tracker and waits until it is AVAILABLE in the tree. */
async function availableWebsite(api: ExtensionApi, name: string): Promise<ProductNode> {
  const record = await provisionWebsite(api, name);
  const handle = await api.records.track(record);
  await handle.final;
  return waitFor(`${name} AVAILABLE in the tree`, async () => {
    await api.tree.refresh();
    const node = api.tree.findProduct(name);
    return node?.row.Status === 'AVAILABLE' ? node : undefined;
  }, RECORD_TIMEOUT_MS);
}

/** The open record document of a record (its text, read by the content provider). */
const recordDocument = (recordId: string) =>
  vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'servicecatalog-record' && d.getText().includes(`# Record ${recordId}`));
/** Whether the active tab is VS Code's markdown preview (the record rendered, not its source). */
const renderedTabShown = () => {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputWebview && input.viewType.includes('markdown.preview');
};
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;
const finalLinesOf = (api: ExtensionApi, recordId: string) =>
  api.recordLog.linesAbout(recordId).filter((l) => !l.startsWith('earlier, ') && / · (\S+ → )?(SUCCEEDED|FAILED)( · launch role \S+)?$/.test(l));

interface Sampled {
  readonly progress: { title: string; messages: string[]; ended: boolean }[];
  readonly shown: { level: string; message: string }[];
  dispose(): void;
}

/**
 * Calls `sample` on every progress message and end, notification and tree change (what the user sees
 * change), keeping the progress notifications and notifications; dispose puts the sinks back.
 */
function sampleEveryChange(api: ExtensionApi, sample: (when: string) => void): Sampled {
  const progress: Sampled['progress'] = [];
  const shown: Sampled['shown'] = [];
  api.setProgressSink((title) => {
    const entry = { title, messages: [] as string[], ended: false };
    progress.push(entry);
    return {
      report: (message) => {
        entry.messages.push(message);
        sample('progress');
      },
      end: () => {
        entry.ended = true;
        sample('progress end');
      },
    };
  });
  api.setNotificationSink(async (level, message) => {
    shown.push({ level, message });
    sample('notification');
    return undefined;
  });
  const watching = api.tree.onDidChangeTreeData(() => sample('tree change'));
  return {
    progress,
    shown,
    dispose: () => {
      watching.dispose();
      api.setProgressSink(undefined);
      api.setNotificationSink(undefined);
    },
  };
}

/** Lists and auto-refreshes until `done` (or the record timeout), racing the tailer as the view's own refreshes do. */
async function refreshUntil(api: ExtensionApi, done: () => boolean): Promise<void> {
  const deadline = Date.now() + RECORD_TIMEOUT_MS;
  while (!done() && Date.now() < deadline) {
    await Promise.all([api.tree.refresh(), api.autoRefresher.tick()]);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Connects as another sandbox caller (the sandbox.identity setting) at an access level, and waits for
 * the reconnection and its first list. `endUser` at User is where every test starts and ends.
 */
async function connectAs(api: ExtensionApi, caller: SandboxCaller, accessLevel: 'User' | 'Account' = 'User'): Promise<void> {
  const previous = api.session.api;
  const changedIdentity = await changeSetting('sandbox.identity', caller === 'endUser' ? undefined : caller);
  const changedLevel = await changeSetting('accessLevel', accessLevel === 'User' ? undefined : accessLevel);
  const label = connectionLabel({ kind: 'sandbox', endpoint: '', region: '', accessKeyId: '', secretAccessKey: '', caller });
  await waitFor(`connected as ${label}`, () => {
    const state = api.session.state;
    const reconnected = !(changedIdentity || changedLevel) || api.session.api !== previous;
    return reconnected && state.kind === 'connected' && state.connection.kind === 'sandbox' && (state.connection.caller ?? 'endUser') === caller && api.session.label === label;
  });
  await waitFor('the tree to load', () => ['ready', 'empty', 'error'].includes(api.tree.viewState));
}

/** Sets a user setting unless it already has that value; whether it changed (a connection setting reconnects). */
async function changeSetting(key: string, value: unknown): Promise<boolean> {
  if (vscode.workspace.getConfiguration('serviceCatalogExplorer').inspect(key)?.globalValue === value) return false;
  await setSetting(key, value);
  return true;
}

/** The product, as the tree of the current connection lists it. */
async function listed(api: ExtensionApi, name: string): Promise<ProductNode> {
  return waitFor(`${name} in the tree`, async () => {
    await api.tree.refresh();
    return api.tree.findProduct(name);
  });
}

describe('records', () => {
  afterEach(async () => {
    const api = await connectedToSandbox();
    api.setUserInput(undefined);
    await setSetting('confirmTerminateByTyping', undefined);
    await connectAs(api, 'endUser');
  });

  it('follows a provisioning record to SUCCEEDED: status lines (the launch role on the first), outputs, item activity, refresh', async () => {
    const api = await connectedToSandbox();
    const name = unique('rec-ok');
    const record = await provisionWebsite(api, name);
    const handle = await api.records.track(record);
    // Its document, opened while it runs, says the output follows it (it does), not to tail it.
    await vscode.commands.executeCommand('serviceCatalogExplorer.openRecord', record.RecordId);
    const hint = (await waitFor('the record document', () => recordDocument(record.RecordId!))).getText();
    assert.match(hint, /still running\. Followed in the Service Catalog output/);
    assert.ok(!hint.includes('Tail Record'), hint);
    await api.tree.refresh();
    await waitFor('the item to show its activity', () => api.tree.findProduct(name)?.activity === 'Provisioning…');
    assert.ok(api.records.isBusy(record.ProvisionedProductId!));
    const final = await handle.final;
    assert.equal(final.Status, 'SUCCEEDED');

    const lines = api.recordLog.linesAbout(record.RecordId!);
    const role = SEED.launchRoles.platform;
    assert.ok(lines.some((l) => l.includes(`${record.RecordId} · PROVISION_PRODUCT · ${name} (${record.ProvisionedProductId}) · CREATED · launch role ${role}`)), lines.join('\n'));
    assert.ok(lines.some((l) => l.endsWith(' → IN_PROGRESS')), `the IN_PROGRESS change, without the launch role again: ${lines.join('\n')}`);
    assert.equal(lines.filter((l) => l.includes(' · launch role ')).length, 1, 'the launch role once: it did not change');
    assert.equal(finalLinesOf(api, record.RecordId!).length, 1);
    // One timestamp: the log channel's own; the line starts with the record id.
    assert.match(finalLinesOf(api, record.RecordId!)[0], new RegExp(`^${record.RecordId} · .* → SUCCEEDED$`));
    assert.ok(lines.some((l) => l.includes(`output WebsiteURL = https://${name}.sandbox-sites.example.com`)), 'outputs');
    assert.ok(lines.some((l) => l.includes(`output BucketName = ${name}-content`)));
    await waitFor('activity cleared and the tree refreshed', () => {
      const node = api.tree.findProduct(name);
      return node && node.activity === undefined && node.row.Status === 'AVAILABLE';
    });
    assert.equal(api.records.isBusy(record.ProvisionedProductId!), false);
  });

  it('shows every RecordError of a failing product; a command link in it cannot act in the notification', async () => {
    const api = await connectedToSandbox();
    const name = unique('rec-fail');
    // The failing resource's message quotes the cluster name it was given, as CloudFormation's do: text
    // the product's author (or whoever typed the value) wrote, with a link that would run a command.
    const clusterName = `${name} [View stack events](command:serviceCatalogExplorer.runFix?%5B%22touch%20pwned%22%5D) $(alert) \u202eevil`;
    const shown: { level: string; message: string; actions: readonly string[] }[] = [];
    api.setNotificationSink(async (level, message, actions) => {
      shown.push({ level, message, actions });
      return undefined;
    });
    try {
      const started = await provisionFailingCluster(api, name, clusterName);
      const handle = await api.records.track(started);
      const final = await handle.final;
      assert.equal(final.Status, 'FAILED');
      assert.ok(final.RecordErrors?.[0].Description?.includes('(command:serviceCatalogExplorer.runFix'), 'the service really sent the link');
      const recordId = started.RecordId!;
      const lines = api.recordLog.linesAbout(recordId);
      assert.match(finalLinesOf(api, recordId)[0], / → FAILED$/);
      assert.ok(lines[0].endsWith(`· launch role ${SEED.launchRoles.dataTeam}`), lines[0]);
      assert.ok(lines.some((l) => l.includes(`${recordId} error CREATE_FAILED: The following resource(s) failed to create: [Cluster].`)), lines.join('\n'));
      assert.ok(!lines.some((l) => l.includes(' output ')), 'no outputs on failure');

      const failure = await waitFor('the failure notification', () => shown.find((n) => n.level === 'error' && n.message.includes(recordId)));
      assert.ok(failure.message.includes('View stack events'), `the error is still shown in words: ${failure.message}`);
      assert.deepEqual(linksIn(failure.message), [], `no link VS Code would render: ${failure.message}`);
      assert.doesNotMatch(failure.message, /\\\$\(/, 'no escape shown: a notification renders no icon');
      assert.ok(!failure.message.includes('\u202e'), 'no bidirectional override');
    } finally {
      api.setNotificationSink(undefined);
    }
  });

  it('shows the failing stack events under the record, the first failure marked and named in the notification', async () => {
    const api = await connectedToSandbox();
    const name = unique('rec-events');
    const shown: { level: string; message: string }[] = [];
    api.setNotificationSink(async (level, message) => {
      shown.push({ level, message });
      return undefined;
    });
    try {
      const started = await provisionFailingCluster(api, name);
      const handle = await api.records.track(started);
      assert.equal((await handle.final).Status, 'FAILED');
      const recordId = started.RecordId!;
      const lines = api.recordLog.linesAbout(recordId);
      const eventLines = lines.filter((l) => l.includes(`${recordId} stack event `));
      const clusterFailed = eventLines.find((l) => / · Cluster · \S+ · CREATE_FAILED/.test(l));
      assert.ok(clusterFailed?.endsWith('✗ first failure'), lines.join('\n'));
      assert.ok(lines.indexOf(clusterFailed!) < lines.indexOf(finalLinesOf(api, recordId)[0]), 'events come before the final lines');
      const failure = await waitFor('the failure notification', () => shown.find((n) => n.level === 'error' && n.message.includes(recordId)));
      assert.match(failure.message, /First failed resource: Cluster \(/);
    } finally {
      api.setNotificationSink(undefined);
    }
  });

  it('runs only named fixes, with the profile read from the settings, never through a shell, and only with a CLI that has them', async () => {
    const api = await connectedToSandbox();
    // A fake AWS CLI first on PATH, so the test does not depend on which CLI this machine has.
    const cliDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sce-fake-aws-'));
    const fakeCli = path.join(cliDir, 'aws');
    const fakeVersion = (major: number) => fs.writeFileSync(fakeCli, `#!/bin/sh\necho "aws-cli/${major}.15.30 Python/3.11.8 Linux/6.1 source/x86_64"\n`, { mode: 0o755 });
    const pathBefore = process.env.PATH;
    process.env.PATH = `${cliDir}${path.delimiter}${pathBefore ?? ''}`;
    const before = vscode.window.terminals.length;
    // A string that once went to a terminal as it was.
    await vscode.commands.executeCommand('serviceCatalogExplorer.runFix', 'touch pwned');
    assert.equal(vscode.window.terminals.length, before, 'no terminal for a free-form command');
    const config = vscode.workspace.getConfiguration('serviceCatalogExplorer');
    const profileBefore = config.inspect<string>('profile')?.globalValue;
    const shown: string[] = [];
    api.setNotificationSink(async (_level, message) => {
      shown.push(message);
      return undefined;
    });
    try {
      await config.update('profile', 'SSO expired; touch pwned #', vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('serviceCatalogExplorer.runFix', 'sso-login');
      assert.equal(vscode.window.terminals.length, before, 'no terminal for a profile name outside the config grammar');
      await waitFor('the refusal', () => shown.find((m) => /not a profile name/.test(m)));

      await config.update('profile', 'dev-sso', vscode.ConfigurationTarget.Global);
      fakeVersion(1);
      await vscode.commands.executeCommand('serviceCatalogExplorer.runFix', 'sso-login');
      await waitFor('the refusal of a v1 CLI', () => shown.find((m) => /needs the AWS CLI v2/.test(m)));
      assert.equal(vscode.window.terminals.length, before, 'nothing runs with a CLI that has no "sso login"');

      fakeVersion(2);
      await vscode.commands.executeCommand('serviceCatalogExplorer.runFix', 'sso-login');
      const terminal = await waitFor('the sign-in terminal', () => vscode.window.terminals.find((t) => t.name === 'AWS CLI'));
      const options = terminal.creationOptions as vscode.TerminalOptions;
      assert.deepEqual(options.shellArgs, ['sso', 'login', '--profile', 'dev-sso'], 'the CLI itself, its arguments one by one');
      assert.equal(options.shellPath, fakeCli, 'the first aws on PATH');
      for (const folder of vscode.workspace.workspaceFolders ?? []) assert.ok(!fakeCli.startsWith(folder.uri.fsPath), 'never from the workspace');
      assert.equal(options.cwd, os.homedir());
      terminal.dispose();
    } finally {
      api.setNotificationSink(undefined);
      process.env.PATH = pathBefore;
      fs.rmSync(cliDir, { recursive: true, force: true });
      await config.update('profile', profileBefore, vscode.ConfigurationTarget.Global);
    }
  });

  it('terminates several products from the context menu: one confirmation, typed count, options, a record each', async () => {
    const api = await connectedToSandbox();
    const [a, b] = await Promise.all([availableWebsite(api, unique('term-a')), availableWebsite(api, unique('term-b'))]);
    const input = new ScriptedInput({
      confirm: ['Terminate with Options…'],
      pickMany: [(items) => items.filter((i) => i.label === 'Retain physical resources')],
      text: ['terminate 2'],
    });
    api.setUserInput(input);
    const outcomes = await vscode.commands.executeCommand<{ name: string; failure?: string }[]>('serviceCatalogExplorer.terminate', a, [a, b]);
    assert.deepEqual(outcomes.map((o) => o.failure), [undefined, undefined]);
    const confirmation = input.asked.find((q) => q.kind === 'confirm')!.text;
    assert.match(confirmation, /^Terminate 2 provisioned products\?/);
    assert.ok(confirmation.includes(`• ${a.row.Name}`) && confirmation.includes(`• ${b.row.Name}`));
    assert.equal(input.asked.filter((q) => q.kind === 'confirm').length, 1, 'one confirmation for both');

    for (const node of [a, b]) {
      const id = node.row.Id!;
      const terminated = () => api.recordLog.lines.filter((l) => l.includes(`TERMINATE_PROVISIONED_PRODUCT · ${node.row.Name} (${id})`) && / → SUCCEEDED/.test(l));
      await waitFor(`the termination of ${node.row.Name} to be reported`, () => terminated().length > 0, RECORD_TIMEOUT_MS);
      await waitFor(`${node.row.Name} to leave the tree`, () => !api.tree.findProduct(id));
      assert.equal(terminated().length, 1, `one final report for ${node.row.Name}`);
    }

    // The view's selection can outlive them: run on it again, nothing is asked or sent, and it says why.
    const shown: string[] = [];
    api.setNotificationSink(async (_level, message) => (shown.push(message), undefined));
    try {
      api.setUserInput(new ScriptedInput({}));
      await vscode.commands.executeCommand('serviceCatalogExplorer.terminate', a, [a, b]);
      const refusal = await waitFor('the refusal', () => shown.find((m) => m.includes(`"${a.row.Name}", "${b.row.Name}" are no longer in the list`)));
      assert.match(refusal, /nothing was done/);
    } finally {
      api.setNotificationSink(undefined);
    }
  });

  it('terminating two products makes one progress notification and one at the end; tree, output and notification agree at every moment', async () => {
    const api = await connectedToSandbox();
    const nodes = await Promise.all([availableWebsite(api, unique('one-a')), availableWebsite(api, unique('one-b'))]);
    const disagreements: string[] = [];
    const ended = (name: string, id: string) =>
      api.recordLog.lines.some((l) => l.includes(`TERMINATE_PROVISIONED_PRODUCT · ${name} (${id})`) && / → SUCCEEDED/.test(l));
    // Sampled on every tree change, progress message and notification: they must tell one story.
    const sample = (when: string) => {
      const current = progress[0];
      const message = current?.messages.at(-1) ?? '';
      for (const node of nodes) {
        const { Id: id, Name: name } = node.row;
        const inTree = api.tree.findProduct(id!);
        const written = ended(name!, id!);
        if (!inTree && !written) disagreements.push(`${when}: ${name} left the tree before the output wrote its end`);
        if (!inTree && current && !current.ended && !message.includes(`${name}: Succeeded`)) disagreements.push(`${when}: ${name} left the tree while the notification said "${message}"`);
        if (inTree && written) disagreements.push(`${when}: ${name} still in the tree after the output wrote its end`);
        if (inTree && message.includes(`${name}: In progress`) && inTree.row.Status !== 'UNDER_CHANGE') disagreements.push(`${when}: the notification said IN_PROGRESS, the tree ${inTree.row.Status}`);
      }
    };
    const sampled = sampleEveryChange(api, sample);
    const { progress, shown } = sampled;
    try {
      api.setUserInput(new ScriptedInput({ confirm: ['Terminate'], text: ['terminate 2'] }));
      await vscode.commands.executeCommand('serviceCatalogExplorer.terminate', nodes[0], nodes);
      await refreshUntil(api, () => nodes.every((n) => ended(n.row.Name!, n.row.Id!)));
      await new Promise((r) => setTimeout(r, 1_500)); // what the end brings, and nothing more
      assert.deepEqual(disagreements, []);
      assert.equal(shown.length, 1, `one notification at the end: ${shown.map((n) => n.message).join(' | ')}`);
      assert.match(shown[0].message, /^Terminating 2 provisioned products: all 2 succeeded/);
      for (const node of nodes) assert.ok(shown[0].message.includes(`${node.row.Name} succeeded (record rec-`), shown[0].message);
      assert.equal(progress.length, 1, `one progress notification: ${progress.map((p) => p.title).join(' | ')}`);
      assert.equal(progress[0].title, 'Terminating 2 provisioned products');
      assert.ok(progress[0].ended, 'the progress notification ended');
      assert.ok(progress[0].messages.some((m) => m.includes(`${nodes[0].row.Name}: `) && m.includes(`${nodes[1].row.Name}: `)), progress[0].messages.join('\n'));
      for (const node of nodes) assert.equal(api.tree.findProduct(node.row.Id!), undefined, `${node.row.Name} left the tree`);
    } finally {
      sampled.dispose();
    }
  });

  it('a failing record shows ERROR in the tree only as its output and notification end, even when refreshes see it first', async () => {
    const api = await connectedToSandbox();
    const name = unique('agree-fail');
    const disagreements: string[] = [];
    let recordId = '';
    const sample = (when: string) => {
      const status = api.tree.findProduct(name)?.row.Status;
      const written = finalLinesOf(api, recordId).length > 0;
      if ((status === 'ERROR' || status === 'TAINTED') && !written) disagreements.push(`${when}: the tree shows ${status} before the output wrote the end`);
      if ((status === 'ERROR' || status === 'TAINTED') && written && !progressEnded()) disagreements.push(`${when}: the tree shows ${status} while the progress notification still runs`);
      if (written && status === 'UNDER_CHANGE') disagreements.push(`${when}: the output wrote the end, the tree still shows UNDER_CHANGE`);
    };
    const sampled = sampleEveryChange(api, sample);
    const progressEnded = () => sampled.progress.length > 0 && sampled.progress.every((p) => p.ended);
    try {
      const started = await provisionFailingCluster(api, name);
      recordId = started.RecordId!;
      const handle = await api.records.track(started);
      let final: RecordDetail | undefined;
      void handle.final.then((d) => (final = d));
      await refreshUntil(api, () => finalLinesOf(api, recordId).length > 0);
      await new Promise((r) => setTimeout(r, 1_000));
      assert.deepEqual(disagreements, []);
      assert.equal(final?.Status, 'FAILED');
      const shown = sampled.shown.map((n) => n.message);
      assert.ok(shown.some((m) => m.includes(recordId) && / failed /.test(m)), shown.join(' | '));
      assert.ok(progressEnded(), 'the progress notification ended');
      await waitFor('the tree to show the failure', () => api.tree.findProduct(name)?.row.Status === 'ERROR');
    } finally {
      sampled.dispose();
    }
  });

  it('changes the launch role as the admin: validated input, tooltip, and the next record runs with it', async () => {
    const api = await connectedToSandbox();
    const mine = await availableWebsite(api, unique('role'));
    await connectAs(api, 'admin', 'Account');
    const node = await listed(api, mine.row.Name!);
    const newRole = SEED.launchRoles.restricted;
    api.setUserInput(new ScriptedInput({ text: ['not-an-arn'] }));
    await vscode.commands.executeCommand('serviceCatalogExplorer.changeLaunchRole', node);
    const launchRole = async () => (await api.session.api!.describeProvisionedProduct(node.row.Id!)).LaunchRoleArn;
    assert.equal(await launchRole(), SEED.launchRoles.platform, 'an invalid ARN changes nothing');

    const input = new ScriptedInput({ text: [newRole] });
    api.setUserInput(input);
    await vscode.commands.executeCommand('serviceCatalogExplorer.changeLaunchRole', node, [node]);
    assert.ok(input.asked[0].text.endsWith(`| ${SEED.launchRoles.platform}`), 'prefilled with the current role');
    const tooltip = (api.tree.getTreeItem(api.tree.findProduct(node.row.Id!)!).tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes(newRole), tooltip);
    assert.equal(await launchRole(), newRole);
    await waitFor('the property record to succeed', () =>
      api.recordLog.lines.some((l) => l.includes(`UPDATE_PROVISIONED_PRODUCT_PROPERTIES · ${node.row.Name}`) && / SUCCEEDED( · launch role \S+)?$/.test(l)), RECORD_TIMEOUT_MS);
    await waitFor('the product to settle', async () => {
      await api.tree.refresh();
      return api.tree.findProduct(node.row.Id!)?.row.Status === 'AVAILABLE' && !api.records.isBusy(node.row.Id!);
    });

    api.setUserInput(new ScriptedInput({ confirm: ['Terminate'] }));
    await vscode.commands.executeCommand('serviceCatalogExplorer.terminate', api.tree.findProduct(node.row.Id!));
    const terminateLines = () => api.recordLog.lines.filter((l) => l.includes(`TERMINATE_PROVISIONED_PRODUCT · ${node.row.Name}`));
    await waitFor('the termination to be reported', () => terminateLines().some((l) => / → SUCCEEDED$/.test(l)), RECORD_TIMEOUT_MS);
    assert.ok(terminateLines()[0].endsWith(`· launch role ${newRole}`), `the new launch role on the record's first line: ${terminateLines().join('\n')}`);
  });

  it('says "unchanged" and sends nothing when the launch role or owner entered is the one the service reports (admin)', async () => {
    const api = await connectedToSandbox();
    const mine = await availableWebsite(api, unique('same'));
    await connectAs(api, 'admin', 'Account');
    const node = await listed(api, mine.row.Name!);
    const shown: { level: string; message: string }[] = [];
    api.setNotificationSink(async (level, message) => (shown.push({ level, message }), undefined));
    const sent = () => api.session.api!.calls.byOperation.UpdateProvisionedProductProperties ?? 0;
    const before = sent();
    try {
      // Enter on the box as it opens: pre-filled with the current role.
      const role = new ScriptedInput({ text: [SEED.launchRoles.platform] });
      api.setUserInput(role);
      await vscode.commands.executeCommand('serviceCatalogExplorer.changeLaunchRole', node);
      assert.ok(role.asked[0].text.endsWith(`| ${SEED.launchRoles.platform}`), 'prefilled with the current role');
      assert.equal(sent(), before, 'no UpdateProvisionedProductProperties');
      assert.ok(shown.some((n) => n.message === `Launch role of "${node.row.Name}" unchanged: it is already ${SEED.launchRoles.platform}. Nothing was sent.`), JSON.stringify(shown));

      const owner = new ScriptedInput({ text: [SEED.callers.user], confirm: [] });
      api.setUserInput(owner);
      await vscode.commands.executeCommand('serviceCatalogExplorer.changeOwner', node);
      assert.equal(owner.asked.filter((a) => a.kind === 'confirm').length, 0, 'no transfer to confirm');
      assert.equal(sent(), before, 'no UpdateProvisionedProductProperties');
      assert.ok(shown.some((n) => n.message === `Owner of "${node.row.Name}" unchanged: it is already ${SEED.callers.user}. Nothing was sent.`), JSON.stringify(shown));
      assert.equal(api.records.isBusy(node.row.Id!), false, 'no record followed');
    } finally {
      api.setNotificationSink(undefined);
    }
  });

  it('changes the owner as the admin, only within the account, after saying what the transfer does', async () => {
    const api = await connectedToSandbox();
    const mine = await availableWebsite(api, unique('owner'));
    await connectAs(api, 'admin', 'Account');
    assert.match(api.statusBar.item.text, /Sandbox \(admin\)$/);
    const node = await listed(api, mine.row.Name!);
    // Read at the Account level: after a transfer the product is no longer the caller's own.
    const owner = async () => (await api.session.api!.client.send(new SearchProvisionedProductsCommand({
      AccessLevelFilter: { Key: 'Account', Value: 'self' }, Filters: { SearchQuery: [`id:${node.row.Id}`] },
    }))).ProvisionedProducts?.[0]?.UserArn;
    api.setUserInput(new ScriptedInput({ text: ['arn:aws:iam::999999999999:user/mallory'] }));
    await vscode.commands.executeCommand('serviceCatalogExplorer.changeOwner', node);
    assert.equal(await owner(), SEED.callers.user, 'an owner in another account changes nothing');

    const declined = new ScriptedInput({ text: [SEED.callers.colleague], confirm: [] });
    api.setUserInput(declined);
    await vscode.commands.executeCommand('serviceCatalogExplorer.changeOwner', node);
    assert.match(declined.asked.find((a) => a.kind === 'confirm')!.text, /^Transfer ".+" to arn:aws:iam::\d{12}:user\/sandbox-colleague\?/);
    assert.equal(await owner(), SEED.callers.user, 'no confirmation, no transfer');

    api.setUserInput(new ScriptedInput({ text: [SEED.callers.colleague], confirm: ['Change Owner'] }));
    await vscode.commands.executeCommand('serviceCatalogExplorer.changeOwner', node);
    assert.equal(await owner(), SEED.callers.colleague);
  });

  it('asks to type the name when the setting says so, and a wrong name terminates nothing', async () => {
    const api = await connectedToSandbox();
    await setSetting('confirmTerminateByTyping', true);
    const node = api.tree.productNodes.find((n) => n.row.Status === 'AVAILABLE')!;
    const input = new ScriptedInput({ confirm: ['Terminate'], text: ['wrong-name'] });
    api.setUserInput(input);
    const calls = api.session.api!.calls.byOperation.TerminateProvisionedProduct ?? 0;
    await vscode.commands.executeCommand('serviceCatalogExplorer.terminate', node);
    assert.match(input.asked[1].text, new RegExp(`Type "${node.row.Name}" to confirm`));
    assert.equal(api.session.api!.calls.byOperation.TerminateProvisionedProduct ?? 0, calls, 'nothing sent');
  });

  it('looks up a record by id, from the recent records, and reveals a pasted product', async () => {
    const api = await connectedToSandbox();
    const product = api.tree.findProduct(SEED.provisionedProducts.ordersService.id)!;
    const [latest] = await api.session.api!.listRecordsOfProvisionedProduct(product.row.Id!, 1);

    assert.equal(await vscode.commands.executeCommand('serviceCatalogExplorer.lookUpRecord', latest.RecordId), 'record');
    const document = await waitFor('the record document', () => recordDocument(latest.RecordId!));
    const text = document.getText();
    for (const part of [`| Status | ${latest.Status} |`, `| Type | ${latest.RecordType} |`, `| Launch role | ${latest.LaunchRoleArn} |`, `${product.row.Name} (${product.row.Id})`, '## Outputs', '## Tags']) {
      assert.ok(text.includes(part), `${part} in\n${text}`);
    }
    // Names, read with DescribeProduct, beside the ids.
    assert.match(text, new RegExp(`\\| Product \\| ${product.row.ProductName} \\(${latest.ProductId}\\) \\|`), text);
    assert.match(text, new RegExp(`\\| Version \\| [^|(]+ \\(${latest.ProvisioningArtifactId}\\) \\|`), text);
    assert.match(text, new RegExp(`\\| Launch path \\| [^|(]+ \\(${latest.PathId}\\) \\|`), text);
    assert.equal(document.languageId, 'markdown');
    await waitFor('the record shown rendered (markdown preview), not as raw markdown', () => renderedTabShown());

    const input = new ScriptedInput({ pickOne: [(items) => items.find((i) => i.detail === latest.RecordId)!] });
    api.setUserInput(input);
    assert.equal(await vscode.commands.executeCommand('serviceCatalogExplorer.lookUpRecord'), 'record');
    const offered = input.asked[0].items!.filter((i) => i.detail);
    assert.ok(offered.length > 1, 'recent records offered');
    const recent = await api.session.api!.listRecentRecords(60);
    const created = new Map(recent.map((r) => [r.RecordId, r.CreatedTime!.getTime()]));
    const times = offered.map((i) => created.get(i.detail)!);
    assert.deepEqual([...times].sort((a, b) => b - a), times, 'newest first');
    assert.ok(offered.every((i) => !/_/.test(i.label)), `readable types: ${offered[0].label}`);

    // Pasted into the pick's filter box, an id is looked up at once, without a second prompt.
    const pasted = new ScriptedInput({ pickOrType: [() => ({ typed: latest.RecordId! })] });
    api.setUserInput(pasted);
    assert.equal(await vscode.commands.executeCommand('serviceCatalogExplorer.lookUpRecord'), 'record');
    assert.deepEqual(pasted.asked.map((a) => a.kind), ['pickOrType']);
    // An id the service does not know is said in words (the command wrapper shows it); no document opens for it.
    assert.equal(await vscode.commands.executeCommand('serviceCatalogExplorer.lookUpRecord', 'rec-doesnotexist1'), undefined);
    assert.ok(!recordDocument('rec-doesnotexist1'));

    assert.equal(await vscode.commands.executeCommand('serviceCatalogExplorer.lookUpRecord', product.row.Arn), 'product');
    await waitFor('the product selected in the tree', () => api.treeView.selection.includes(product));
  });

  it('shows the whole record history of a product, newest first, each openable', async () => {
    const api = await connectedToSandbox();
    const product = api.tree.findProduct(SEED.provisionedProducts.billingDb.id)!;
    const all = await api.session.api!.listRecordsOfProvisionedProduct(product.row.Id!);
    const input = new ScriptedInput({ pickOne: [(items) => items[items.length - 1]] });
    api.setUserInput(input);
    const opened = await vscode.commands.executeCommand('serviceCatalogExplorer.showRecordHistory', product);
    const items = input.asked[0].items!;
    assert.equal(items.length, all.length);
    assert.equal(opened, items[items.length - 1].detail, 'the oldest record opened');
    await waitFor('its document', () => recordDocument(String(opened)));
    await waitFor('shown rendered', () => renderedTabShown());
  });

  it('resumes after a restart mid-operation and reports the final status exactly once', async () => {
    const api = await connectedToSandbox();
    const name = unique('resume');
    const record = await provisionWebsite(api, name);
    await api.records.track(record);
    const recordId = record.RecordId!;
    await waitFor('IN_PROGRESS to be reported', () => api.recordLog.linesAbout(recordId).some((l) => l.endsWith(' → IN_PROGRESS')), RECORD_TIMEOUT_MS);

    const resumed = await api.restartRecordTracking();
    assert.ok(resumed.activeRecordIds.includes(recordId), 'the new tracker follows the stored record');
    // The new window's output starts empty: the record's history so far comes first, marked as earlier.
    const earlier = api.recordLog.linesAbout(recordId).filter((l) => l.startsWith('earlier, '));
    assert.match(earlier[0] ?? '', new RegExp(`^earlier, \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ · ${recordId} · PROVISION_PRODUCT · .* · launch role `), earlier.join('\n'));
    assert.ok(earlier.some((l) => l.endsWith(' → IN_PROGRESS')), earlier.join('\n'));
    const finished = new Promise<RecordDetail>((resolve) => resumed.onDidFinish((d) => d.RecordId === recordId && resolve(d)));
    assert.equal((await finished).Status, 'SUCCEEDED');
    assert.equal(finalLinesOf(api, recordId).length, 1);

    const again = await api.restartRecordTracking();
    assert.ok(!again.activeRecordIds.includes(recordId), 'a reported record is not tailed again');
    await new Promise((r) => setTimeout(r, 2_000));
    assert.equal(finalLinesOf(api, recordId).length, 1, 'still reported once');
  });

  it('shows outputs, and says why the console cannot open in sandbox mode', async () => {
    const api = await connectedToSandbox();
    const product = api.tree.findProduct(SEED.provisionedProducts.webMarketingSite.id) ?? api.tree.productNodes.find((n) => n.row.Status === 'AVAILABLE')!;
    const input = new ScriptedInput({ pickOne: [(items) => items.find((i) => !String(i.description).startsWith('http'))!] });
    api.setUserInput(input);
    const key = await vscode.commands.executeCommand('serviceCatalogExplorer.showOutputs', product);
    assert.ok(key, 'an output was picked');
    assert.ok(input.asked[0].items!.length > 0);
    assert.equal(await vscode.commands.executeCommand('serviceCatalogExplorer.openInConsole', product), undefined, 'nothing opened in sandbox mode');
  });
});

describe('permissions: each sandbox caller is refused what its managed policy does not grant, in plain words', () => {
  let shown: { level: string; message: string }[] = [];
  beforeEach(async () => {
    const api = await connectedToSandbox();
    shown = [];
    api.setNotificationSink(async (level, message) => (shown.push({ level, message }), undefined));
  });
  afterEach(async () => {
    const api = await connectedToSandbox();
    api.setNotificationSink(undefined);
    api.setUserInput(undefined);
    await connectAs(api, 'endUser');
  });

  const sentSince = (api: ExtensionApi, before: Record<string, number>) =>
    Object.fromEntries(Object.entries(api.session.api!.calls.byOperation).map(([op, n]) => [op, n - (before[op] ?? 0)]).filter(([, n]) => n !== 0));

  it('the tree as the end user at the access level Account explains the refusal, and switching to User lists the products', async () => {
    const api = await connectedToSandbox();
    await connectAs(api, 'endUser', 'Account');
    await waitFor('the listing to be refused', () => api.tree.viewState === 'error');
    const [explanation, offer] = await rootItems(api);
    assert.equal(explanation.item.label, 'Your permissions only show your own provisioned products');
    assert.match(String(explanation.item.description), /access level Account was refused.*AWSServiceCatalogEndUserFullAccess.*userLevel = self/);
    assert.equal(offer.item.label, 'Show only my provisioned products (access level User)');
    assert.equal(offer.item.command?.command, 'serviceCatalogExplorer.useUserAccessLevel');

    await vscode.commands.executeCommand(offer.item.command.command);
    assert.equal(vscode.workspace.getConfiguration('serviceCatalogExplorer').get('accessLevel'), 'User');
    await waitFor('the products at the access level User', () => api.tree.viewState === 'ready' && api.tree.productNodes.length > 0);
    assert.ok(api.tree.productNodes.every((n) => n.row.UserArn === undefined || n.row.UserArn === SEED.callers.user), 'only the caller\'s own');
  });

  it('Change Owner and Change Launch Role as the end user: the plain sentence, and nothing sent after the refusal', async () => {
    const api = await connectedToSandbox();
    const node = await availableWebsite(api, unique('deny'));
    const name = node.row.Name!;
    for (const [command, answers, words] of [
      ['serviceCatalogExplorer.changeOwner', { text: [SEED.callers.colleague], confirm: ['Change Owner'] }, propertyChangeDeniedMessage('owner', name)],
      ['serviceCatalogExplorer.changeLaunchRole', { text: [SEED.launchRoles.restricted] }, propertyChangeDeniedMessage('launch role', name)],
    ] as const) {
      shown = [];
      const before = { ...api.session.api!.calls.byOperation };
      api.setUserInput(new ScriptedInput({ text: [...answers.text], confirm: 'confirm' in answers ? [...answers.confirm] : [] }));
      await vscode.commands.executeCommand(command, api.tree.findProduct(name));
      assert.deepEqual(shown.map((n) => [n.level, n.message]), [['error', words]], command);
      const sent = sentSince(api, before);
      assert.equal(sent.UpdateProvisionedProductProperties, 1, `${command}: one call, not retried`);
      assert.equal(sent.DescribeRecord, undefined, `${command}: no record followed`);
      assert.equal(api.records.isBusy(node.row.Id!), false);
    }
    const detail = await api.session.api!.describeProvisionedProduct(node.row.Id!);
    assert.equal(detail.LaunchRoleArn, SEED.launchRoles.platform, 'nothing changed');
  });

  it('the read-only user\'s Terminate is refused in plain words, and the product stays', async () => {
    const api = await connectedToSandbox();
    const node = await availableWebsite(api, unique('reader'));
    const name = node.row.Name!;
    // Only the admin can hand a product to the reader, who cannot provision.
    await connectAs(api, 'admin', 'Account');
    await api.session.api!.client.send(new UpdateProvisionedProductPropertiesCommand({
      ProvisionedProductId: node.row.Id!, ProvisionedProductProperties: { OWNER: SANDBOX_READER.arn }, IdempotencyToken: `owner-${name}`,
    }));
    await waitFor('the reader to own it', async () => {
      await api.tree.refresh();
      const row = api.tree.findProduct(name)?.row;
      return row?.UserArn === SANDBOX_READER.arn && row.Status === 'AVAILABLE';
    }, RECORD_TIMEOUT_MS);

    await connectAs(api, 'readOnly');
    assert.match(api.statusBar.item.text, /Sandbox \(read-only\)$/);
    const owned = await listed(api, name);
    shown = [];
    const before = { ...api.session.api!.calls.byOperation };
    api.setUserInput(new ScriptedInput({ confirm: ['Terminate'] }));
    await vscode.commands.executeCommand('serviceCatalogExplorer.terminate', owned);
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.equal(shown[0].message, 'Your AWS permissions do not allow servicecatalog:TerminateProvisionedProduct. AWSServiceCatalogEndUserFullAccess grants it for your own provisioned products, AWSServiceCatalogEndUserReadOnlyAccess does not; ask your administrator for it.');
    assert.equal(sentSince(api, before).TerminateProvisionedProduct, 1, 'one call, not retried');
    assert.equal((await api.session.api!.describeProvisionedProduct(owned.row.Id!)).Status, 'AVAILABLE');
  });

  it('a record the caller may not read (another user\'s) ends its tracking with the reason, said once', async () => {
    const api = await connectedToSandbox();
    // The admin finds a record of the colleague's product; the end user had been following it (a
    // record followed before its product changed owner).
    await connectAs(api, 'admin', 'Account');
    const theirs = SEED.provisionedProducts.webDocsSite;
    const [record] = await api.session.api!.listRecordsOfProvisionedProduct(theirs.id, 1);
    assert.ok(record?.RecordId, 'the colleague\'s product has a record');
    await connectAs(api, 'endUser');
    shown = [];
    const before = api.session.api!.calls.byOperation.DescribeRecord ?? 0;
    const handle = await api.records.track({ ...record, Status: 'IN_PROGRESS' }, { productName: theirs.name, expectedDurationMs: 1 });
    await assert.rejects(handle.final, /servicecatalog:DescribeRecord/);
    await waitFor('the notification', () => shown.length > 0);
    await new Promise((r) => setTimeout(r, 2_000));
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.match(shown[0].message, new RegExp(`^Stopped following .* ${theirs.name} \\(record ${record.RecordId}\\): Your AWS permissions do not allow servicecatalog:DescribeRecord here\\..* Its outcome is not known here\\.$`));
    const lines = api.recordLog.linesAbout(record.RecordId).filter((l) => l.includes('no longer followed'));
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.equal((api.session.api!.calls.byOperation.DescribeRecord ?? 0) - before, 1, 'asked once, never again');
    assert.ok(!api.records.activeRecordIds.includes(record.RecordId));
  });
});
