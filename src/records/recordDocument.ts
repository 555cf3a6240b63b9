// Read-only markdown documents of records (`servicecatalog-record:/<record id>.md`), read fresh with
// DescribeRecord (all output pages), shown rendered in VS Code's markdown preview (its strict security:
// no scripts; the service's text is made inert for markdown anyway), with names instead of bare ids.
import * as vscode from 'vscode';
import type { RecordDetail, RecordStatus } from '@aws-sdk/client-service-catalog';
import type { FullRecord } from '../aws/catalogApi';
import { classifyError } from '../core/errors';
import { isTerminalRecordStatus } from '../core/statuses';
import type { CatalogSession } from '../connections/catalogSession';
import type { KnownProducts } from '../products/productCache';
import { Disposable } from '../ui/disposable';
import { recordMarkdown, type RecordNames } from '../core/records/recordMarkdown';
import { inert } from '../core/untrustedText';
import { COMMANDS } from '../ui/commandIds';

export const RECORD_SCHEME = 'servicecatalog-record';

/** Record ids are 1–100 characters of letters, digits, "_" and "-" (the model's Id shape). */
export const RECORD_ID_PATTERN = /^[a-zA-Z0-9_-]{1,100}$/;

export function recordUri(recordId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RECORD_SCHEME, path: `/${recordId}.md` });
}

export function recordIdOf(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== RECORD_SCHEME) return undefined;
  return uri.path.replace(/^\//, '').replace(/\.md$/, '') || undefined;
}

export interface RecordDocumentDeps {
  readonly session: CatalogSession;
  readonly products: KnownProducts;
  /** NoEcho values known for a record (those of operations this window started). */
  readonly secretsOf?: (recordId: string) => readonly string[] | undefined;
  /** Whether the record tracker follows the record in the output channel now. */
  readonly isFollowed?: (recordId: string) => boolean;
}

export class RecordDocumentProvider extends Disposable implements vscode.TextDocumentContentProvider, vscode.CodeLensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private readonly lensesChanged = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  /** Last status shown per record, for the code lens. */
  private readonly statuses = new Map<string, RecordStatus | undefined>();
  /** A read made by `open`, used once by the content provider. */
  private readonly prefetched = new Map<string, FullRecord>();
  /** The record whose document was shown last: Tail Record's target from the rendered view. */
  private lastShown?: string;

  constructor(private readonly deps: RecordDocumentDeps) {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, this));
    this.register(vscode.languages.registerCodeLensProvider({ scheme: RECORD_SCHEME }, this));
  }

  /**
   * Opens (or re-reads and shows) the document of a record. The record is read first, so a record
   * the service does not know (or any failed read) rejects here and no document opens; the content
   * provider then uses that read instead of making the same call again.
   */
  async open(recordId: string): Promise<void> {
    const api = this.deps.session.api;
    if (api && RECORD_ID_PATTERN.test(recordId)) this.prefetched.set(recordId, await api.describeRecord(recordId));
    const uri = recordUri(recordId);
    const alreadyOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    if (alreadyOpen) this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    this.lastShown = recordId;
    this.syncRunningContext();
    // Rendered: tables and emphasis, not pipes and asterisks. Where the preview is missing, the text.
    const rendered = await vscode.commands.executeCommand('markdown.showPreview', uri).then(() => true, () => false);
    if (!rendered) await vscode.window.showTextDocument(document, { preview: true });
  }

  /** Offers Tail Record in the rendered view's title while the record shown last runs. */
  private syncRunningContext(): void {
    void vscode.commands.executeCommand('setContext', 'serviceCatalogExplorer.shownRecordRunning', this.lastShownRunning !== undefined);
  }

  /** The record whose document was shown last, if it is still running (to tail it from its rendered view). */
  get lastShownRunning(): string | undefined {
    return this.lastShown && this.isRunning(this.lastShown) ? this.lastShown : undefined;
  }

  /** Re-reads an open record document, e.g. when its record changed status. */
  refresh(recordId: string): void {
    this.prefetched.delete(recordId); // a refresh wants a new read
    const uri = recordUri(recordId);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const recordId = recordIdOf(uri) ?? '';
    // The id comes from the URI, which anything can open.
    const heading = `# Record ${inert(recordId, 'markdown', { maxLength: 100 })}`;
    const api = this.deps.session.api;
    if (!api) return `${heading}\n\nNot connected to Service Catalog.\n`;
    if (!RECORD_ID_PATTERN.test(recordId)) return `${heading}\n\nNot a record id.\n`;
    try {
      const prefetched = this.prefetched.get(recordId);
      this.prefetched.delete(recordId);
      const { detail, outputs } = prefetched ?? (await api.describeRecord(recordId));
      this.statuses.set(recordId, detail.Status);
      this.lensesChanged.fire();
      this.syncRunningContext();
      return recordMarkdown(detail, outputs, await this.namesOf(detail), this.deps.secretsOf?.(recordId), this.isFollowed(recordId));
    } catch (error) {
      this.statuses.delete(recordId);
      return `${heading}\n\nCould not read the record: ${inert(classifyError(error).message, 'markdown')}\n`;
    }
  }

  /**
   * Names for the record's ids: DescribeProduct (the product, its versions, its launch paths: calls an
   * end user may make), else the tree's row where it is the same product and version; an id stays
   * where neither can say (e.g. a version no longer active).
   */
  private async namesOf(detail: RecordDetail): Promise<RecordNames> {
    const row = detail.ProvisionedProductId ? this.deps.products.find(detail.ProvisionedProductId)?.row : undefined;
    const sameProduct = row?.ProductId === detail.ProductId;
    const provisioning = this.deps.session.provisioning;
    const facts = detail.ProductId && provisioning ? await this.deps.session.catalog.of(provisioning).productFacts(detail.ProductId) : undefined;
    const versionName = detail.ProvisioningArtifactId ? facts?.versions.get(detail.ProvisioningArtifactId) : undefined;
    return {
      provisionedProductName: row?.Name,
      productName: facts?.name ?? (sameProduct ? row?.ProductName : undefined),
      versionName: versionName ?? (sameProduct && row?.ProvisioningArtifactId === detail.ProvisioningArtifactId ? row?.ProvisioningArtifactName : undefined),
      launchPathName: detail.PathId ? facts?.launchPaths.get(detail.PathId) : undefined,
    };
  }

  /** Whether the record was still running when its document was last read. */
  isRunning(recordId: string): boolean {
    return this.statuses.has(recordId) && !isTerminalRecordStatus(this.statuses.get(recordId));
  }

  private isFollowed(recordId: string): boolean {
    return !!this.deps.isFollowed?.(recordId);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const recordId = recordIdOf(document.uri);
    if (!recordId || !this.isRunning(recordId)) return [];
    // A record the output already follows is shown there, not tailed a second time.
    const command = this.isFollowed(recordId)
      ? { title: '$(output) Followed in the Service Catalog output', command: COMMANDS.showRecordLog, arguments: [] }
      : { title: '$(eye) Tail this record in the output', command: COMMANDS.tailRecord, arguments: [recordId] };
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), command)];
  }
}
