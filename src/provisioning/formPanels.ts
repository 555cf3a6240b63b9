// Opens the form panels, keeps track of the open ones, and brings them back after a reload
// (WebviewPanelSerializer: the page's saved state says which form it was, the host rebuilds the rest).
import * as vscode from 'vscode';
import { PlanController } from './planController';
import { finishedFromState, ProvisionFormController, type ProvisionStart } from './provisionFormController';
import { UpdateFormController } from './updateFormController';
import { ServiceActionController } from './serviceActionController';
import type { ControllerDeps, ParameterMemory } from './controllerDeps';
import type { FormController } from '../ui/webview/formPanel';
import { ConnectionPin } from '../core/webview/connectionPin';
import { FormPanel, VIEW_TYPES, webviewOptions } from '../ui/webview/formPanel';
import type { Logger } from '../ui/webview/messageRouter';
import type { PanelInit, PanelKind, ProvisionedProductRef } from '../core/webview/protocol';
import type { ConnectionIdentity } from '../core/connection';
import { provisionedProductRef } from '../core/products/provisionedProductRef';
import { isPlainObject } from '../core/webview/schema';
import { inert } from '../core/untrustedText';

export type PanelDeps = Omit<ControllerDeps, 'openPlan'>;

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

  get panels(): readonly FormPanel[] {
    return [...this.open];
  }

  openProvision(start?: string | ProvisionStart): FormPanel {
    return this.create('provision', 'Provision Product', (deps) => new ProvisionFormController(deps, start));
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
    };
  }

  /** Tells the open panels of a provisioned product that an operation on it ended (their page may be old). */
  notifyRecordFinished(record: { RecordId?: string; RecordType?: string; Status?: string; ProvisionedProductId?: string }): number {
    if (!record.ProvisionedProductId || !record.RecordId) return 0;
    const change = { recordId: record.RecordId, recordType: record.RecordType ?? 'RECORD', status: record.Status ?? 'UNKNOWN' };
    const panels = this.panels.filter((p) => p.kind !== 'provision' && p.productId === record.ProvisionedProductId);
    for (const panel of panels) panel.post({ type: 'productChanged', change });
    return panels.length;
  }

  /** Serializers for every kind; the page's state carries its PanelInit (never secrets). */
  registerSerializers(): vscode.Disposable[] {
    return (Object.keys(VIEW_TYPES) as PanelKind[]).map((kind) =>
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPES[kind], {
        deserializeWebviewPanel: async (panel, state) => this.restore(kind, panel, state),
      }),
    );
  }

  private restore(kind: PanelKind, panel: vscode.WebviewPanel, state: unknown): void {
    const init = isPlainObject(state) && isPlainObject(state.init) ? state.init : undefined;
    const product = init && isPlainObject(init.provisionedProduct) ? refFrom(init.provisionedProduct) : undefined;
    const productId = init && typeof init.productId === 'string' ? init.productId : undefined;
    if (kind !== 'provision' && !product) {
      panel.dispose(); // nothing to rebuild it from
      return;
    }
    const make: Record<PanelKind, (deps: ControllerDeps, p: () => FormPanel) => FormController> = {
      provision: (deps) => new ProvisionFormController(deps, productId, finishedFromState(state)),
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

/** Last submitted non-NoEcho values per provisioned product, in the extension's global state. */
export class MementoParameterMemory implements ParameterMemory {
  private static readonly KEY = 'serviceCatalogExplorer.lastParameters';
  private static readonly MAX_PRODUCTS = 200;

  constructor(private readonly memento: vscode.Memento) {}

  recall(provisionedProductId: string): Readonly<Record<string, string>> | undefined {
    return this.all()[provisionedProductId];
  }

  remember(provisionedProductId: string, values: Readonly<Record<string, string>>): void {
    const all = { ...this.all() };
    delete all[provisionedProductId];
    all[provisionedProductId] = { ...values };
    const ids = Object.keys(all);
    for (const old of ids.slice(0, Math.max(0, ids.length - MementoParameterMemory.MAX_PRODUCTS))) delete all[old];
    void this.memento.update(MementoParameterMemory.KEY, all);
  }

  private all(): Record<string, Record<string, string>> {
    return this.memento.get<Record<string, Record<string, string>>>(MementoParameterMemory.KEY, {});
  }
}

/** A panel's title holds the product's name, as plain text of a sensible length. */
function panelName(product: ProvisionedProductRef): string {
  return inert(product.name, 'line', { maxLength: 60 });
}
