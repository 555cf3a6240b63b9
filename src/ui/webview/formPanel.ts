// One webview panel of a form: options (scripts on, resources only from dist/ and media/), the CSP
// shell, and the message path webview → MessageRouter → controller → response. Tests drive `receive`,
// the same entry the webview's messages take.
import * as vscode from 'vscode';
import { type Handlers, type Logger, MessageRouter, errorPayload } from './messageRouter';
import type { HostToWebview, Method, PanelInit, PanelKind, ParamsOf, ProductChange, ResponseMessage } from '../../core/webview/protocol';
import { newNonce, renderShell } from './webviewHtml';

/** A panel's brain: how it introduces itself after `ready`, and which requests it answers. */
export interface FormController {
  init(): Promise<PanelInit>;
  /** The provisioned product the panel is about, if any (one update or action panel per product). */
  readonly productId?: string;
  readonly handlers: Handlers;
  /** NoEcho values a request carries, masked in what a failure of it logs and answers. */
  secretsOf?(method: Method, params: unknown): readonly string[];
  /** Forgets what it read from the service, before `init` is asked again (the stale-form banner's Reload). */
  reload?(): void;
  /** Whether this form started the record (a restored form knows its record from the service). */
  startedRecord?(recordId: string): boolean;
  /** Hears that its provisioned product changed (before the page is told). */
  productChanged?(change: ProductChange): void;
  dispose?(): void;
}

/** Which bundled script (dist/media/<name>/main.js) each kind of panel runs. */
const SCRIPTS: Readonly<Record<PanelKind, string>> = { provision: 'provision', update: 'provision', plans: 'plan', action: 'action' };

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class FormPanel {
  private readonly router: MessageRouter;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly posted = new vscode.EventEmitter<HostToWebview>();
  /** Every message the host posted to the page (tests wait on responses and pushes here). */
  readonly onDidPost = this.posted.event;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.closed.event;
  private testRequestId = -1;
  /** The records the host answered this page's requests with (id → type, where said): operations started from this form. */
  private readonly startedRecords = new Map<string, string | undefined>();
  private isDisposed = false;
  private markInitialized!: (message: HostToWebview) => void;
  /** Resolves with the first `init` (or `failed`) the page was sent, i.e. once its script loaded and said `ready`. */
  readonly initialized = new Promise<HostToWebview>((resolve) => (this.markInitialized = resolve));

  /** Whether the page was introduced (its init was sent): until then it has nothing a change could be news to. */
  private introduced = false;
  /** Its product's status and version as the page was introduced to them (init) or told since. */
  private pageShown?: { readonly status?: string; readonly version?: string };

  get productId(): string | undefined {
    return this.controller.productId;
  }

  /** Whether the page shows its product in this status and version: a view that says so tells it nothing new. */
  shows(status: string | undefined, version: string | undefined): boolean {
    return !!this.pageShown && this.pageShown.status === status && this.pageShown.version === version;
  }

  constructor(
    readonly kind: PanelKind,
    readonly panel: vscode.WebviewPanel,
    readonly controller: FormController,
    extensionUri: vscode.Uri,
    private readonly logger: Logger,
    restored = false,
  ) {
    // Restored panels come with the options of their last session: set ours (resource roots) again.
    if (restored) panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity.svg');
    panel.webview.html = this.html(extensionUri);
    // Every panel reloads the same way: the controller forgets, then introduces the panel again from the service.
    const handlers: Handlers = { ...controller.handlers, reload: () => this.reloaded() };
    this.router = new MessageRouter(panel.title, handlers, (m) => this.post(m), logger, () => void this.sendInit(), (method, params) => controller.secretsOf?.(method, params) ?? []);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get disposed(): boolean {
    return this.isDisposed;
  }

  private html(extensionUri: vscode.Uri): string {
    const asUri = (...segments: string[]) => this.panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
    return renderShell({
      title: this.panel.title,
      cspSource: this.panel.webview.cspSource,
      nonce: newNonce(),
      scriptUri: asUri('dist', 'media', SCRIPTS[this.kind], 'main.js'),
      styleUris: [asUri('media', 'forms.css')],
      codiconsUri: asUri('dist', 'codicons', 'codicon.css'),
    });
  }

  /** The webview's messages enter here (and tests' simulated ones). */
  receive(raw: unknown): Promise<void> {
    return this.router.receive(raw);
  }

  private async reloaded(): Promise<PanelInit> {
    this.controller.reload?.();
    return this.controller.init();
  }

  /** Whether the record was started from this form. */
  started(recordId: string): boolean {
    return this.startedRecords.has(recordId) || !!this.controller.startedRecord?.(recordId);
  }

  /** Tells the controller, then the page, that the panel's provisioned product changed (marked when this form started the record). */
  productChanged(heard: ProductChange): void {
    if (this.isDisposed) return;
    const recordType = heard.recordType ?? (heard.recordId ? this.startedRecords.get(heard.recordId) : undefined);
    const change = heard.recordId && this.started(heard.recordId) ? { ...heard, ...(recordType ? { recordType } : {}), startedHere: true } : heard;
    this.controller.productChanged?.(change);
    // A page not introduced yet learns its product's status and version from the init it is about to
    // get, read from the service: told before it, a change of those would stay on the page as news the
    // init already holds. The outcome of a record (its status) is in no init: always told.
    if (this.introduced || change.status) this.post({ type: 'productChanged', change });
  }

  private async sendInit(): Promise<void> {
    try {
      this.post({ type: 'init', init: await this.controller.init() });
    } catch (error) {
      const payload = errorPayload(error);
      this.logger.error(`${this.panel.title}: could not open: ${payload.message}`);
      this.post({ type: 'failed', error: payload });
    }
  }

  post(message: HostToWebview): void {
    if (this.isDisposed) return;
    if (message.type === 'init' || message.type === 'failed') this.markInitialized(message);
    this.notePageShown(message);
    const result = message.type === 'response' && message.ok && typeof message.result === 'object' && message.result
      ? (message.result as { recordId?: unknown; recordType?: unknown }) : undefined;
    if (typeof result?.recordId === 'string' && result.recordId) {
      this.startedRecords.set(result.recordId, typeof result.recordType === 'string' ? result.recordType : undefined);
    }
    this.posted.fire(message);
    void this.panel.webview.postMessage(message);
  }

  private notePageShown(message: HostToWebview): void {
    if (message.type === 'init') this.introduced = true;
    if (message.type === 'init' && 'provisionedProduct' in message.init) {
      const product = message.init.provisionedProduct;
      this.pageShown = { status: product.status, version: product.provisioningArtifactId };
    } else if (message.type === 'productChanged' && this.pageShown) {
      const { productStatus, version } = message.change;
      this.pageShown = { status: productStatus ?? this.pageShown.status, version: version?.id ?? this.pageShown.version };
    }
  }

  /** Sends a request through the same validation and dispatch as the webview's own (integration tests). */
  request<M extends Method>(method: M, params: ParamsOf<M>): Promise<ResponseMessage> {
    const id = this.testRequestId--;
    const answered = new Promise<ResponseMessage>((resolve) => {
      const sub = this.onDidPost((m) => {
        if (m.type === 'response' && m.id === id) {
          sub.dispose();
          resolve(m);
        }
      });
    });
    void this.receive({ type: 'request', id, method, params });
    return answered;
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.router.dispose();
    this.controller.dispose?.();
    this.closed.fire();
    for (const d of this.disposables) d.dispose();
    this.posted.dispose();
    this.closed.dispose();
    this.panel.dispose();
  }
}
