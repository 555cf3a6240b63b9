// What activation registers of spec files: nothing of the spec bundle is required until a spec file is
// open (before activation or after) or a shim is used; then each call goes to the bundle's features.
import { strict as assert } from 'node:assert';
import { fakeVscode, registeredCommands } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import type * as vscode from 'vscode';
import { registerSpecShims, SPEC_COMMAND_IDS, type SpecShims } from '../../../src/specs/specShims';
import type { SpecFeatures } from '../../../src/specs/specsBundle';
import type { CommandServices } from '../../../src/ui/commandErrors';
import { COMMANDS } from '../../../src/ui/commandIds';

type Provider = Record<string, (...args: unknown[]) => unknown>;
const services = { session: { api: undefined }, products: {}, input: {}, profile: () => undefined } as unknown as CommandServices;
const documentNamed = (fileName: string) => ({ fileName }) as vscode.TextDocument;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('spec file shims', () => {
  const original = { workspace: { ...fakeVscode.workspace }, languages: { ...fakeVscode.languages } };
  let opened: Set<(document: vscode.TextDocument) => void>;
  let providers: Record<'lenses' | 'completions' | 'hovers', Provider>;
  let loads: number;
  let calls: unknown[][];
  let lensesChanged: vscode.EventEmitter<void>;
  let disposed: number;
  let registered: SpecShims;

  function features(): SpecFeatures {
    loads++;
    const record = (name: string) => (...args: unknown[]) => (calls.push([name, ...args]), `${name} answered`);
    return {
      lenses: { provideCodeLenses: record('lenses'), onDidChangeCodeLenses: lensesChanged.event },
      completions: { provideCompletionItems: record('completions') },
      hovers: { provideHover: record('hovers') },
      handlers: Object.fromEntries(SPEC_COMMAND_IDS.map((id) => [id, (_context: unknown, ...args: unknown[]) => record(id)(...args)])),
      saveFormProduct: async (product: unknown) => record('saveFormProduct')(product),
      dispose: () => void disposed++,
    } as unknown as SpecFeatures;
  }

  function register(open: readonly vscode.TextDocument[] = []): void {
    Object.assign(fakeVscode.workspace, {
      textDocuments: open,
      onDidOpenTextDocument: (listener: (document: vscode.TextDocument) => void) => (opened.add(listener), { dispose: () => void opened.delete(listener) }),
    });
    const keep = (name: keyof typeof providers) => (_selector: unknown, provider: Provider) => ((providers[name] = provider), { dispose() {} });
    Object.assign(fakeVscode.languages, { registerCodeLensProvider: keep('lenses'), registerCompletionItemProvider: keep('completions'), registerHoverProvider: keep('hovers') });
    registered = registerSpecShims(features, services);
  }

  beforeEach(() => {
    opened = new Set();
    providers = {} as typeof providers;
    loads = 0;
    calls = [];
    disposed = 0;
    lensesChanged = new fakeVscode.EventEmitter() as unknown as vscode.EventEmitter<void>;
    registeredCommands.clear();
  });
  afterEach(() => {
    registered.disposables.forEach((d) => void d.dispose());
    Object.assign(fakeVscode.workspace, original.workspace);
    Object.assign(fakeVscode.languages, original.languages);
  });

  it('requires the bundle once, when a spec file opens, and nothing for other files', async () => {
    register();
    await nextTurn();
    opened.forEach((listener) => listener(documentNamed('/w/values.yaml')));
    assert.equal(loads, 0);
    opened.forEach((listener) => listener(documentNamed('/w/team.servicecatalog.yml')));
    assert.equal(loads, 1);
    assert.equal(opened.size, 0, 'the watch ends once the bundle is required');
  });

  it('requires the bundle after activation returned when a spec file was already open', async () => {
    register([documentNamed('/w/notes.md'), documentNamed('/w/team.SERVICECATALOG.json')]);
    assert.equal(loads, 0, 'not during activation');
    await nextTurn();
    assert.equal(loads, 1);
  });

  it('hands the commands (with their arguments), lenses, completions and hovers to the bundle, and tells of its lens changes', async () => {
    register();
    const uri = { toString: () => 'file:///w/team.servicecatalog.yaml' };
    assert.equal(await registeredCommands.get(COMMANDS.applySpecProduct)!(uri, 'site'), `${COMMANDS.applySpecProduct} answered`);
    assert.equal(loads, 1);
    const document = documentNamed('/w/team.servicecatalog.yaml');
    assert.equal(providers.lenses.provideCodeLenses(document, 'token'), 'lenses answered');
    assert.equal(providers.completions.provideCompletionItems(document, 'position', 'token', 'context'), 'completions answered');
    assert.equal(providers.hovers.provideHover(document, 'position', 'token'), 'hovers answered');
    assert.deepEqual(calls, [[COMMANDS.applySpecProduct, uri, 'site'], ['lenses', document, 'token'], ['completions', document, 'position', 'token', 'context'], ['hovers', document, 'position', 'token']]);
    let told = 0;
    (providers.lenses.onDidChangeCodeLenses as unknown as vscode.Event<void>)(() => told++);
    lensesChanged.fire();
    assert.equal(told, 1);
    assert.equal(loads, 1, 'one bundle, one set of features');
  });

  it('registers every spec command, Save as Spec File among them, and hands a provision form\'s save to the bundle', async () => {
    register();
    for (const id of SPEC_COMMAND_IDS) assert.ok(registeredCommands.has(id), id);
    assert.ok(SPEC_COMMAND_IDS.includes(COMMANDS.saveAsSpecFile));
    assert.equal(loads, 0, 'registering requires nothing');
    const product = { name: 'site' };
    assert.equal(await registered.saveFormProduct(product as never), 'saveFormProduct answered');
    assert.equal(await registeredCommands.get(COMMANDS.saveAsSpecFile)!({ row: { Id: 'pp-1' } }), `${COMMANDS.saveAsSpecFile} answered`);
    assert.deepEqual(calls, [['saveFormProduct', product], [COMMANDS.saveAsSpecFile, { row: { Id: 'pp-1' } }]]);
    assert.equal(loads, 1);
  });

  it('disposes the features with the shims, and requires nothing for it', () => {
    register();
    registered.disposables.forEach((d) => void d.dispose());
    assert.deepEqual([loads, disposed], [0, 0]);
    register();
    void registeredCommands.get(COMMANDS.previewSpecFile)!();
    registered.disposables.forEach((d) => void d.dispose());
    assert.equal(disposed, 1);
  });
});
