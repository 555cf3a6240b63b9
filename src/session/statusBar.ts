import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { CatalogSession, SessionState } from './catalogSession';

/** Shows `profile · region` (or Sandbox) and switches connection on click. */
export class ConnectionStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem('serviceCatalogExplorer.connection', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly session: CatalogSession) {
    super();
    this.item.name = 'Service Catalog Connection';
    this.item.command = 'serviceCatalogExplorer.switchConnection';
    this.register(session.onDidChange((state) => this.render(state)));
    this.render(session.state);
    this.item.show();
  }

  private render(state: SessionState): void {
    const icon = state.kind === 'connecting' ? '$(sync~spin)' : state.kind === 'failed' ? '$(warning)' : '$(cloud)';
    this.item.text = `${icon} ${this.session.label}`;
    this.item.tooltip =
      state.kind === 'failed'
        ? `Service Catalog: ${state.failure.message}\nClick to switch connection.`
        : `Service Catalog connection: ${this.session.label}\nClick to switch.`;
    this.item.backgroundColor = state.kind === 'failed' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }
}
