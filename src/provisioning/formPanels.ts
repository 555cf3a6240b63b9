// Opens the form panels, keeps track of the open ones, and brings them back after a reload
// (WebviewPanelSerializer: the page's saved state says which form it was, the host rebuilds the rest).
// The entry of dist/forms.js, which the extension requires when the first form opens or is restored.
import * as vscode from 'vscode';
import { PlanController } from './planController';
import { ProvisionFormController, restoredRecordId, type ProvisionStart } from './provisionFormController';
import { UpdateFormController } from './updateFormController';
import { ServiceActionController } from './serviceActionController';
import type { ControllerDeps, ParameterMemory } from './controllerDeps';
import type { FormController } from '../ui/webview/formPanel';
import { ConnectionPin } from '../core/webview/connectionPin';
import { FormPanel, webviewOptions } from '../ui/webview/formPanel';
import { VIEW_TYPES } from '../ui/webview/viewTypes';
import type { Logger } from '../ui/webview/messageRouter';
import type { PanelInit, PanelKind, ProductChange, ProvisionedProductRef } from '../core/webview/protocol';
import type { ConnectionIdentity } from '../core/connection';
import { provisionedProductRef } from '../core/products/provisionedProductRef';
import { isPlainObject } from '../core/webview/schema';
import { inert } from '../core/untrustedText';
import { isTerminationEnd } from '../core/statuses';
import type { SentValue } from '../core/parameters';

export type PanelDeps = Omit<ControllerDeps, 'openPlan'>;

/** A record the tracker saw end, as the panels hear it. */
interface FinishedRecord {
  readonly RecordId?: string;
  readonly RecordType?: string;
  readonly Status?: string;
  readonly ProvisionedProductId?: string;
  readonly RecordErrors?: readonly { readonly Code?: string; readonly Description?: string }[];
}

/** What a panel's provisioned product looks like in the tree (the product cache's rows). */
interface ProductFacts {
  readonly LastRecordId?: string;
  readonly Status?: string;
  readonly ProvisioningArtifactId?: string;
  readonly ProvisioningArtifactName?: string;
}

/** The tree's products, as the form panels follow them: by id, and a signal when any changed. */
export interface WatchedProducts {
  get(id: string): { readonly row: ProductFacts } | undefined;
  onDidChange(listener: () => void): { dispose(): void };
}

export class FormPanels implements vscode.Disposable {
  private readonly open = new Set<FormPanel>();
  private readonly opened = new vscode.EventEmitter<FormPanel>();
  readonly onDidOpen = this.opened.event;
  private readonly deps: ControllerDeps;

  constructor(
    private readonly extensionUri: vscode.Uri,
    deps: PanelDeps,
    private readonly logger: Logger,
  ) {
    this.deps = { ...deps, openPlan: (product, planId) => void this.openPlans(product, planId) };
  }

  /** The forms' dependencies, for flows that submit through a form's controller without a page (spec files). */
  get controllerDeps(): ControllerDeps {
    return this.deps;
  }

  get panels(): readonly FormPanel[] {
    return [...this.open];
  }

  /** Each provision tab is told apart: titled after the product it loads, numbered when another has that title. */
  openProvision(start?: string | ProvisionStart): FormPanel {
    const title = distinctTitle(PROVISION_TITLE, this.provisionTitles());
    return this.create('provision', title, (deps, panel) => new ProvisionFormController(deps, start, undefined, (name) => this.titleAfterProduct(panel(), name)));
  }

  private provisionTitles(except?: FormPanel): string[] {
    return this.panels.filter((p) => p.kind === 'provision' && p !== except).map((p) => p.panel.title);
  }

  private titleAfterProduct(panel: FormPanel, productName: string): void {
    if (panel.disposed) return;
    const base = `Provision ${inert(productName, 'line', { maxLength: 60 })}`;
    const others = this.provisionTitles(panel);
    const current = panel.panel.title;
    // Loading the same product again keeps the tab's title, and its number.
    if ((current === base || isNumbered(current, base)) && !others.includes(current)) return;
    panel.panel.title = distinctTitle(base, others);
  }

  /** One update form per provisioned product: an open one is brought forward with what was typed in it. */
  openUpdate(product: ProvisionedProductRef): FormPanel {
    return this.revealExisting('update', product) ?? this.create('update', `Update ${panelName(product)}`, (deps) => new UpdateFormController(deps, product));
  }

  /** One plans panel per provisioned product: an open one is replaced so it shows `focusPlanId`. */
  openPlans(product: ProvisionedProductRef, focusPlanId?: string): FormPanel {
    const existing = this.panels.find((p) => p.kind === 'plans' && (p.controller as PlanController).productId === product.id);
    const column = existing?.panel.viewColumn;
    existing?.dispose();
    return this.create('plans', `Plans: ${panelName(product)}`, (deps, panel) => new PlanController(deps, product, (m) => panel().post(m), focusPlanId), column);
  }

  openAction(product: ProvisionedProductRef): FormPanel {
    return this.revealExisting('action', product) ?? this.create('action', `Run Action: ${panelName(product)}`, (deps) => new ServiceActionController(deps, product));
  }

  private revealExisting(kind: 'update' | 'action', product: ProvisionedProductRef): FormPanel | undefined {
    const existing = this.panels.find((p) => p.kind === kind && p.productId === product.id);
    existing?.panel.reveal();
    return existing;
  }

  private create(
    kind: PanelKind,
    title: string,
    makeController: (deps: ControllerDeps, panel: () => FormPanel) => FormController,
    column = vscode.ViewColumn.Active,
    restored?: vscode.WebviewPanel,
    restoredConnection?: ConnectionIdentity,
  ): FormPanel {
    const webviewPanel = restored ?? vscode.window.createWebviewPanel(VIEW_TYPES[kind], title, column, webviewOptions(this.extensionUri));
    let formPanel: FormPanel | undefined;
    const pin = new ConnectionPin(restoredConnection ?? this.deps.connectedAs?.());
    const controller = withConnectionKey(makeController(this.pinnedDeps(pin), () => formPanel!), pin);
    formPanel = new FormPanel(kind, webviewPanel, controller, this.extensionUri, this.logger, !!restored);
    this.open.add(formPanel);
    formPanel.onDidDispose(() => this.open.delete(formPanel));
    this.opened.fire(formPanel);
    return formPanel;
  }

  /** Deps whose service refuses to serve once the connection is not the one the form opened on. */
  private pinnedDeps(pin: ConnectionPin): ControllerDeps {
    const current = () => this.deps.connectedAs?.();
    return {
      ...this.deps,
      connectionLabel: () => pin.label ?? this.deps.connectionLabel(),
      service: () => {
        pin.check(current());
        return this.deps.service();
      },
      stacks: () => {
        pin.check(current());
        return this.deps.stacks?.();
      },
    };
  }

  /** Tells the open panels of a provisioned product that an operation on it ended (their page may be old). */
  notifyRecordFinished(record: FinishedRecord): number {
    if (!record.ProvisionedProductId || !record.RecordId) return 0;
    const terminated = isTerminationEnd(record);
    const errors = (record.RecordErrors ?? []).map((e) => inert(e.Description ?? e.Code ?? '', 'line', { maxLength: 500 })).filter(Boolean);
    const change: ProductChange = {
      recordId: record.RecordId, recordType: record.RecordType ?? 'RECORD', status: record.Status ?? 'UNKNOWN',
      ...(terminated ? { gone: true } : {}), ...(errors.length ? { errors } : {}),
    };
    // A provision form that started the record follows it to its end too (its result view).
    const starters = this.panels.filter((p) => p.kind === 'provision' && p.started(record.RecordId!));
    for (const panel of starters) panel.productChanged(change);
    return starters.length + this.notifyProductChanged(record.ProvisionedProductId, change);
  }

  /** Tells the open update, plans and action panels of a provisioned product what changed; returns how many heard. */
  notifyProductChanged(provisionedProductId: string, change: ProductChange): number {
    const panels = this.panels.filter((p) => p.kind !== 'provision' && p.productId === provisionedProductId);
    for (const panel of panels) panel.productChanged(change);
    return panels.length;
  }

  /**
   * The tree's view of the products: when a listing, refresh or auto-refresh shows that the product of
   * an open panel has another last record, status or version than when the panel last heard, the
   * panel is told, whoever made the change (another window, the console, a colleague).
   */
  watchProducts(products: WatchedProducts): vscode.Disposable {
    const seen = new Map<FormPanel, ProductFacts>();
    const facts = (panel: FormPanel) => (panel.productId ? products.get(panel.productId)?.row : undefined);
    const same = (a: ProductFacts, b: ProductFacts) => a.LastRecordId === b.LastRecordId && a.Status === b.Status && a.ProvisioningArtifactId === b.ProvisioningArtifactId;
    const look = (panel: FormPanel) => {
      const row = facts(panel);
      if (!row || panel.kind === 'provision') return;
      const before = seen.get(panel);
      seen.set(panel, { ...row });
      if (!before || same(before, row)) return;
      // The view caught up with what the page was loaded with (or told): no change since the form was loaded.
      if (before.LastRecordId === row.LastRecordId && panel.shows(row.Status, row.ProvisioningArtifactId)) return;
      panel.productChanged({
        ...(row.LastRecordId ? { recordId: row.LastRecordId } : {}),
        ...(row.Status ? { productStatus: row.Status } : {}),
        ...(row.ProvisioningArtifactId ? { version: { id: row.ProvisioningArtifactId, ...(row.ProvisioningArtifactName ? { name: row.ProvisioningArtifactName } : {}) } } : {}),
      });
    };
    const opened = this.onDidOpen((panel) => {
      look(panel);
      panel.onDidDispose(() => seen.delete(panel));
    });
    for (const panel of this.panels) look(panel);
    const changed = products.onDidChange(() => {
      for (const panel of this.panels) look(panel);
    });
    return { dispose: () => (opened.dispose(), changed.dispose(), seen.clear()) };
  }

  /** Rebuilds a panel VS Code kept over a reload from its page's state (the serializers' entry, registerPanelSerializers; tests drive it). */
  restore(kind: PanelKind, panel: vscode.WebviewPanel, state: unknown): void {
    const init = isPlainObject(state) && isPlainObject(state.init) ? state.init : undefined;
    const product = init && isPlainObject(init.provisionedProduct) ? refFrom(init.provisionedProduct) : undefined;
    const productId = init && typeof init.productId === 'string' ? init.productId : undefined;
    if (kind !== 'provision' && !product) {
      panel.dispose(); // nothing to rebuild it from
      return;
    }
    const make: Record<PanelKind, (deps: ControllerDeps, p: () => FormPanel) => FormController> = {
      provision: (deps, p) => new ProvisionFormController(deps, productId, restoredRecordId(state), (name) => this.titleAfterProduct(p(), name)),
      update: (deps) => new UpdateFormController(deps, product!),
      plans: (deps, p) => new PlanController(deps, product!, (m) => p().post(m)),
      action: (deps) => new ServiceActionController(deps, product!),
    };
    this.create(kind, panel.title, make[kind], undefined, panel, init && restoredConnection(init));
  }

  dispose(): void {
    for (const panel of this.panels) panel.dispose();
    this.opened.dispose();
  }
}

/**
 * A restored form stays on the connection it was pinned to, even if the session reconnects elsewhere:
 * the key its page kept says which (the label only names it). A page that kept no key (opened signed
 * out) is not pinned yet.
 */
function restoredConnection(init: Record<string, unknown>): ConnectionIdentity | undefined {
  const { connectionKey: key, connection: label } = init;
  if (typeof key !== 'string' || !key || key.length > 2000) return undefined;
  return { key, label: typeof label === 'string' ? inert(label, 'line', { maxLength: 200 }) : 'the connection it was opened on' };
}

/** The page keeps its init (PanelInit) in its state: with the pin's key in it, a reload keeps the pin. */
function withConnectionKey(controller: FormController, pin: ConnectionPin): FormController {
  const init = controller.init.bind(controller);
  controller.init = async (): Promise<PanelInit> => {
    const panelInit = await init();
    return pin.key ? { ...panelInit, connectionKey: pin.key } : panelInit;
  };
  return controller;
}

function refFrom(value: Record<string, unknown>): ProvisionedProductRef | undefined {
  const id = value.id;
  const name = value.name;
  if (typeof id !== 'string' || typeof name !== 'string' || id.length > 100 || name.length > 128) return undefined;
  return provisionedProductRef({ Id: id, Name: name });
}

/** What this editor last sent (non-NoEcho values, each dated) per provisioned product, in the extension's global state. */
export class MementoParameterMemory implements ParameterMemory {
  private static readonly KEY = 'serviceCatalogExplorer.lastSentParameters';
  /** Undated values of earlier versions: nothing can say when they were sent, so they are dropped. */
  private static readonly UNDATED_KEY = 'serviceCatalogExplorer.lastParameters';
  private static readonly MAX_PRODUCTS = 200;

  constructor(private readonly memento: vscode.Memento) {
    if (memento.get(MementoParameterMemory.UNDATED_KEY) !== undefined) void memento.update(MementoParameterMemory.UNDATED_KEY, undefined);
  }

  recall(provisionedProductId: string): Readonly<Record<string, SentValue>> | undefined {
    const all = this.all();
    return Object.hasOwn(all, provisionedProductId) ? sentValues(all[provisionedProductId]) : undefined;
  }

  remember(provisionedProductId: string, values: Readonly<Record<string, SentValue>>): void {
    const all = { ...this.all() };
    delete all[provisionedProductId];
    all[provisionedProductId] = { ...values };
    const ids = Object.keys(all);
    for (const old of ids.slice(0, Math.max(0, ids.length - MementoParameterMemory.MAX_PRODUCTS))) delete all[old];
    void this.memento.update(MementoParameterMemory.KEY, all);
  }

  private all(): Record<string, Record<string, SentValue>> {
    return this.memento.get<Record<string, Record<string, SentValue>>>(MementoParameterMemory.KEY, {});
  }
}

/** Only well-formed entries of the stored state (another version of the extension may have written it). */
function sentValues(stored: unknown): Record<string, SentValue> {
  if (!isPlainObject(stored)) return {};
  const entries = Object.entries(stored).filter(
    (e): e is [string, SentValue] => isPlainObject(e[1]) && typeof e[1].value === 'string' && typeof e[1].sentAt === 'string' && !Number.isNaN(Date.parse(e[1].sentAt)),
  );
  return Object.fromEntries(entries.map(([key, { value, sentAt }]) => [key, { value, sentAt }]));
}

/** A panel's title holds the product's name, as plain text of a sensible length. */
const PROVISION_TITLE = 'Provision Product';

/** `base`, or `base (2)`, `base (3)`… : the first that no title in `taken` is. */
function distinctTitle(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base} (${n})`)) n++;
  return `${base} (${n})`;
}

/** Whether `title` is `base` numbered by distinctTitle. */
function isNumbered(title: string, base: string): boolean {
  return title.startsWith(`${base} (`) && /^\(\d+\)$/.test(title.slice(base.length + 1));
}

function panelName(product: ProvisionedProductRef): string {
  return inert(product.name, 'line', { maxLength: 60 });
}

// The spec files apply through the forms' controllers, from this bundle.
export { ProvisionFormController } from './provisionFormController';
export { UpdateFormController } from './updateFormController';
