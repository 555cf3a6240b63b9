// A form stays on the connection it opened on, told apart by its key, never by its label: opened, or
// restored after a reload from what its page kept (the key rides in the page's PanelInit).
import { fakeVscode } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { connectionIdentity, type Connection, type ConnectionIdentity } from '../../../src/core/connection';
import type { HostToWebview, PanelInit } from '../../../src/core/webview/protocol';
import { CatalogCache } from '../../../src/connections/catalogCache';
import type { FormService } from '../../../src/provisioning/controllerDeps';
import { FormPanels, type PanelDeps } from '../../../src/provisioning/formPanels';
import { registerPanelSerializers } from '../../../src/provisioning/formCommands';
import type { FormPanel } from '../../../src/ui/webview/formPanel';
import { SEED } from '../../../src/sandbox/service/index';
import { controllerDeps, useSandboxService } from '../../support/formDeps';

const sandboxOn = (port: number): Connection => ({ kind: 'sandbox', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId: 'AKIASANDBOX', secretAccessKey: 's' });
const SANDBOX = connectionIdentity(sandboxOn(40001));
const SANDBOX_RESTARTED = connectionIdentity(sandboxOn(40002));
const DEFAULT_CHAIN = connectionIdentity({ kind: 'aws', region: 'us-east-1' });
const DEFAULT_PROFILE = connectionIdentity({ kind: 'aws', profile: 'default', region: 'us-east-1' });

const disposable = { dispose() {} };
const logger = { info() {}, warn() {}, error() {} };

interface Page {
  readonly panel: vscode.WebviewPanel;
  readonly posted: HostToWebview[];
}

function fakePage(title = 'Provision Product'): Page {
  const posted: HostToWebview[] = [];
  const webview = {
    options: {}, html: '', cspSource: 'vscode-resource:',
    asWebviewUri: (uri: unknown) => uri,
    onDidReceiveMessage: () => disposable,
    postMessage: async (message: HostToWebview) => (posted.push(message), true),
  };
  const panel = { title, viewColumn: 1, webview, onDidDispose: () => disposable, reveal() {}, dispose() {} };
  return { panel: panel as unknown as vscode.WebviewPanel, posted };
}

describe('form panels and their connection', () => {
  let current: ConnectionIdentity | undefined;
  let served: number;
  let pages: Page[];
  let serializers: Map<string, { deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> }>;
  const window = fakeVscode.window as Record<string, unknown>;
  const saved = { createWebviewPanel: window.createWebviewPanel, registerWebviewPanelSerializer: window.registerWebviewPanelSerializer };

  beforeEach(() => {
    current = SANDBOX;
    served = 0;
    pages = [];
    serializers = new Map();
    window.createWebviewPanel = () => {
      const page = fakePage();
      pages.push(page);
      return page.panel;
    };
    window.registerWebviewPanelSerializer = (viewType: string, serializer: never) => (serializers.set(viewType, serializer), disposable);
  });
  afterEach(() => Object.assign(window, saved));

  const panels = () => {
    const service = { searchProducts: async () => (served++, []) } as unknown as FormService;
    const deps: PanelDeps = {
      service: () => service,
      catalog: new CatalogCache(),
      connectionLabel: () => current?.label ?? 'Not connected',
      connectedAs: () => current,
      trackRecord: () => undefined,
      refreshTree: () => undefined,
      logger,
      memory: { recall: () => undefined, remember: () => undefined },
      confirm: async () => true,
    };
    return new FormPanels({ fsPath: '/ext', toString: () => '/ext' } as unknown as vscode.Uri, deps, logger);
  };

  /** Says ready, then searches (a query of its own: the catalog cache would answer a repeated one): the init the page got and whether the search was served. */
  let searches = 0;
  async function use(formPanel: { receive(raw: unknown): Promise<void> }, posted: HostToWebview[]): Promise<{ init?: PanelInit; error?: string }> {
    await formPanel.receive({ type: 'ready' });
    await new Promise((resolve) => setImmediate(resolve));
    await formPanel.receive({ type: 'request', id: 1, method: 'searchProducts', params: { query: `search ${++searches}` } });
    const init = posted.find((m): m is Extract<HostToWebview, { type: 'init' }> => m.type === 'init')?.init;
    const response = posted.find((m): m is Extract<HostToWebview, { type: 'response' }> => m.type === 'response' && m.id === 1);
    posted.length = 0;
    return { init, error: response && !response.ok ? response.error.message : undefined };
  }

  it("puts the connection's key in the page's init, serves on it (its sandbox restarted included), refuses elsewhere", async () => {
    const form = panels().openProvision();
    const { posted } = pages[0];
    const first = await use(form, posted);
    assert.deepEqual([first.init?.connection, first.init?.connectionKey, first.error], ['Sandbox', SANDBOX.key, undefined]);
    current = SANDBOX_RESTARTED;
    assert.equal((await use(form, posted)).error, undefined);
    current = DEFAULT_CHAIN;
    assert.match((await use(form, posted)).error ?? '', /opened on Sandbox, but the connection is now default · us-east-1\. Nothing was sent\./);
    assert.equal(served, 2);
  });

  async function restore(state: unknown): Promise<{ form: { receive(raw: unknown): Promise<void> }; posted: HostToWebview[] }> {
    const set = panels();
    registerPanelSerializers(() => set);
    const page = fakePage();
    await serializers.get('serviceCatalogExplorer.provisionForm')!.deserializeWebviewPanel(page.panel, state);
    const [restored] = set.panels;
    assert.ok(restored, 'the panel was restored');
    return { form: restored, posted: page.posted };
  }

  it('a restored form stays on the key its page kept, not on the label it shows', async () => {
    current = DEFAULT_CHAIN; // the label the page shows, other credentials
    const restored = await restore({ init: { kind: 'provision', connection: DEFAULT_PROFILE.label, connectionKey: DEFAULT_PROFILE.key } });
    const { init, error } = await use(restored.form, restored.posted);
    assert.equal(init?.connectionKey, DEFAULT_PROFILE.key);
    assert.match(error ?? '', /opened on default · us-east-1, but the connection is now another default · us-east-1 \(other credentials\)\. Nothing was sent\./);
    current = DEFAULT_PROFILE;
    assert.equal((await use(restored.form, restored.posted)).error, undefined, 'on its own connection it serves');
    assert.equal(served, 1);
  });

  it('a restored page that kept no key (opened signed out) is pinned to the connection in use, whatever its label says', async () => {
    current = SANDBOX;
    const restored = await restore({ init: { kind: 'provision', connection: 'Not connected' } });
    const { init, error } = await use(restored.form, restored.posted);
    assert.deepEqual([init?.connectionKey, error], [SANDBOX.key, undefined]);
    current = DEFAULT_CHAIN;
    assert.match((await use(restored.form, restored.posted)).error ?? '', /Nothing was sent/);
  });
});

describe('form panels and the tree\'s view of their products', () => {
  const window = fakeVscode.window as Record<string, unknown>;
  const saved = window.createWebviewPanel;
  let pages: Page[];
  beforeEach(() => {
    pages = [];
    window.createWebviewPanel = () => {
      const page = fakePage();
      pages.push(page);
      return page.panel;
    };
  });
  afterEach(() => (window.createWebviewPanel = saved));

  function fakeTree(rows: Record<string, { LastRecordId?: string; Status?: string; ProvisioningArtifactId?: string; ProvisioningArtifactName?: string }>) {
    const listeners = new Set<() => void>();
    return {
      rows,
      get: (id: string) => (Object.hasOwn(rows, id) ? { row: rows[id] } : undefined),
      onDidChange: (listener: () => void) => (listeners.add(listener), { dispose: () => listeners.delete(listener) }),
      changed: () => listeners.forEach((l) => l()),
    };
  }

  const panelSet = () => new FormPanels({ fsPath: '/ext', toString: () => '/ext' } as unknown as vscode.Uri, {
    service: () => ({}) as FormService, catalog: new CatalogCache(), connectionLabel: () => 'Sandbox', trackRecord: () => undefined, refreshTree: () => undefined, logger,
    memory: { recall: () => undefined, remember: () => undefined }, confirm: async () => true,
  }, logger);
  /** What the host sends once the page said ready: its init, the product as read from the service. */
  const introduce = (form: FormPanel, status: string, version?: string) => {
    const provisionedProduct = { id: form.productId!, name: 'p', status, ...(version ? { provisioningArtifactId: version } : {}) };
    form.post({ type: 'init', init: form.kind === 'update'
      ? { kind: 'update', connection: 'Sandbox', provisionedProduct, current: { productId: 'prod-1', provisioningArtifactId: version ?? 'pa-1' } }
      : { kind: form.kind as 'plans' | 'action', connection: 'Sandbox', provisionedProduct } });
    return form;
  };
  const changesOf = (page: Page) => page.posted.filter((m): m is Extract<HostToWebview, { type: 'productChanged' }> => m.type === 'productChanged').map((m) => m.change);

  it('tells the open forms of a product when the tree shows another last record, status or version, and only then', () => {
    const tree = fakeTree({ 'pp-1': { LastRecordId: 'rec-1', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-1', ProvisioningArtifactName: 'v1' }, 'pp-2': { Status: 'AVAILABLE' } });
    const forms = panelSet();
    const watching = forms.watchProducts(tree);
    introduce(forms.openUpdate({ id: 'pp-1', name: 'one' }), 'AVAILABLE', 'pa-1');
    introduce(forms.openAction({ id: 'pp-1', name: 'one' }), 'AVAILABLE', 'pa-1');
    introduce(forms.openUpdate({ id: 'pp-2', name: 'two' }), 'AVAILABLE');
    forms.openProvision();
    tree.changed();
    assert.deepEqual(pages.map(changesOf), [[], [], [], []], 'nothing changed since they opened');

    tree.rows['pp-1'] = { LastRecordId: 'rec-2', Status: 'UNDER_CHANGE', ProvisioningArtifactId: 'pa-1', ProvisioningArtifactName: 'v1' };
    tree.changed();
    tree.rows['pp-1'] = { LastRecordId: 'rec-2', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-2' };
    tree.changed();
    tree.changed();
    const expected = [
      { recordId: 'rec-2', productStatus: 'UNDER_CHANGE', version: { id: 'pa-1', name: 'v1' } },
      { recordId: 'rec-2', productStatus: 'AVAILABLE', version: { id: 'pa-2' } },
    ];
    assert.deepEqual(changesOf(pages[0]), expected, 'the update form');
    assert.deepEqual(changesOf(pages[1]), expected, 'the action form');
    assert.deepEqual([changesOf(pages[2]), changesOf(pages[3])], [[], []], 'another product\'s form, and the provision form, hear nothing');

    watching.dispose();
    tree.rows['pp-1'] = { LastRecordId: 'rec-3', Status: 'AVAILABLE' };
    tree.changed();
    assert.equal(changesOf(pages[0]).length, 2, 'nothing after the watch ends');
  });

  it('tells a page just opened nothing the init it was loaded with already says (the view catching up is no change)', () => {
    const tree = fakeTree({ 'pp-1': { LastRecordId: 'rec-1', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-1' }, 'pp-2': { LastRecordId: 'rec-5', Status: 'PLAN_IN_PROGRESS', ProvisioningArtifactId: 'pa-1' } });
    const forms = panelSet();
    forms.watchProducts(tree);
    // Preview changes: the plans panel opens, the view then sees the plan being made before the page is introduced.
    const plans = forms.openPlans({ id: 'pp-1', name: 'one' });
    tree.changed(); // where the view starts (the fake's events do not fire: the open's own look)
    tree.rows['pp-1'] = { LastRecordId: 'rec-1', Status: 'PLAN_IN_PROGRESS', ProvisioningArtifactId: 'pa-1' };
    tree.changed();
    introduce(plans, 'PLAN_IN_PROGRESS', 'pa-1');
    tree.changed();
    assert.deepEqual(changesOf(pages[0]), [], 'its page was loaded with PLAN_IN_PROGRESS');
    // A view that lagged behind the init (it still said PLAN_IN_PROGRESS) catching up with it.
    introduce(forms.openAction({ id: 'pp-2', name: 'two' }), 'AVAILABLE', 'pa-1');
    tree.changed();
    tree.rows['pp-2'] = { LastRecordId: 'rec-5', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-1' };
    tree.changed();
    assert.deepEqual(changesOf(pages[1]), [], 'its page was loaded with AVAILABLE');
    // What the page does not show yet is told: the plan made, the product AVAILABLE again; another record.
    tree.rows['pp-1'] = { LastRecordId: 'rec-1', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-1' };
    tree.rows['pp-2'] = { LastRecordId: 'rec-6', Status: 'AVAILABLE', ProvisioningArtifactId: 'pa-1' };
    tree.changed();
    assert.deepEqual(changesOf(pages[0]), [{ recordId: 'rec-1', productStatus: 'AVAILABLE', version: { id: 'pa-1' } }]);
    assert.deepEqual(changesOf(pages[1]), [{ recordId: 'rec-6', productStatus: 'AVAILABLE', version: { id: 'pa-1' } }], 'a record of its own, same status: told');
  });

  it('marks a product whose termination succeeded as gone, in every form of it', () => {
    const forms = panelSet();
    forms.openUpdate({ id: 'pp-1', name: 'one' });
    forms.openPlans({ id: 'pp-1', name: 'one' });
    assert.equal(forms.notifyRecordFinished({ RecordId: 'rec-9', RecordType: 'TERMINATE_PROVISIONED_PRODUCT', Status: 'SUCCEEDED', ProvisionedProductId: 'pp-1' }), 2);
    for (const page of pages) assert.deepEqual(changesOf(page), [{ recordId: 'rec-9', recordType: 'TERMINATE_PROVISIONED_PRODUCT', status: 'SUCCEEDED', gone: true }]);
  });
  it('tells a form that started the record its end as its own outcome, with the record errors; others\' records keep the plain change', () => {
    const forms = panelSet();
    const update = forms.openUpdate({ id: 'pp-1', name: 'one' });
    const provision = forms.openProvision();
    update.post({ type: 'response', id: 1, ok: true, result: { recordId: 'rec-upd', recordType: 'UPDATE_PROVISIONED_PRODUCT' } });
    provision.post({ type: 'response', id: 1, ok: true, result: { recordId: 'rec-prov', provisionedProductId: 'pp-2' } });
    forms.notifyRecordFinished({ RecordId: 'rec-upd', RecordType: 'UPDATE_PROVISIONED_PRODUCT', Status: 'SUCCEEDED', ProvisionedProductId: 'pp-1' });
    forms.notifyRecordFinished({ RecordId: 'rec-other', RecordType: 'UPDATE_PROVISIONED_PRODUCT', Status: 'SUCCEEDED', ProvisionedProductId: 'pp-1' });
    const failed = { RecordId: 'rec-prov', RecordType: 'PROVISION_PRODUCT', Status: 'FAILED', ProvisionedProductId: 'pp-2', RecordErrors: [{ Code: 'X', Description: 'Bucket\nexists' }] };
    assert.equal(forms.notifyRecordFinished(failed), 1, 'the provision form that started it hears it');
    assert.deepEqual(changesOf(pages[0]), [
      { recordId: 'rec-upd', recordType: 'UPDATE_PROVISIONED_PRODUCT', status: 'SUCCEEDED', startedHere: true },
      { recordId: 'rec-other', recordType: 'UPDATE_PROVISIONED_PRODUCT', status: 'SUCCEEDED' },
    ]);
    assert.deepEqual(changesOf(pages[1]), [{ recordId: 'rec-prov', recordType: 'PROVISION_PRODUCT', status: 'FAILED', errors: ['Bucket exists'], startedHere: true }]);
  });
});

describe('provision form tabs are told apart', () => {
  const sandboxed = useSandboxService();
  const window = fakeVscode.window as Record<string, unknown>;
  const saved = window.createWebviewPanel;
  beforeEach(() => {
    window.createWebviewPanel = (_viewType: string, title: string) => fakePage(title).panel;
  });
  afterEach(() => (window.createWebviewPanel = saved));

  const forms = () => new FormPanels({ fsPath: '/ext', toString: () => '/ext' } as unknown as vscode.Uri, controllerDeps(sandboxed.service), logger);
  /** The page's loadProduct, as the page sends it once the user picked the product. */
  const loadProduct = (form: { receive(raw: unknown): Promise<void> }, productId: string) =>
    form.receive({ type: 'request', id: 1, method: 'loadProduct', params: { productId } });
  const titles = (set: FormPanels) => set.panels.map((p) => p.panel.title);

  it('titles each tab after the product it loads, numbered when another tab has that title', async () => {
    const set = forms();
    const web = SEED.products.staticWebsite;
    const [first, second, third] = [set.openProvision(), set.openProvision(), set.openProvision(web.id)];
    assert.deepEqual(titles(set), ['Provision Product', 'Provision Product (2)', 'Provision Product (3)'], 'before a product is loaded');
    await loadProduct(first, web.id);
    await loadProduct(second, web.id);
    await loadProduct(third, SEED.products.containerService.id);
    assert.deepEqual(titles(set), [`Provision ${web.name}`, `Provision ${web.name} (2)`, `Provision ${SEED.products.containerService.name}`]);
    await loadProduct(second, web.id);
    assert.equal(second.panel.title, `Provision ${web.name} (2)`, 'loading the same product again keeps the title');
    const another = set.openProvision({ productId: web.id });
    await loadProduct(another, web.id);
    assert.equal(another.panel.title, `Provision ${web.name} (3)`, '"Provision another" of the same product');
  });
});
