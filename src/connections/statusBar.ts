import * as vscode from 'vscode';
import type { Failure } from '../core/errors';
import { Disposable } from '../ui/disposable';
import type { CatalogSession, SessionState } from './catalogSession';
import { inert } from '../core/untrustedText';
import { COMMANDS } from '../ui/commandIds';

/** Shows `profile · region` (or Sandbox) and switches connection on click; warns when calls fail. */
export class ConnectionStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem('serviceCatalogExplorer.connection', vscode.StatusBarAlignment.Left, 50));
  private callFailure?: Failure;

  constructor(private readonly session: CatalogSession) {
    super();
    this.item.name = 'Service Catalog Connection';
    this.item.command = COMMANDS.switchConnection;
    this.register(
      session.onDidChange((state) => {
        this.callFailure = undefined; // it was the previous connection's
        this.render(state);
      }),
    );
    this.render(session.state);
    this.item.show();
  }

  /** The last listing's failure (e.g. expired credentials on a connection that was made), or none. */
  showCallFailure(failure: Failure | undefined): void {
    this.callFailure = failure;
    this.render(this.session.state);
  }

  private render(state: SessionState): void {
    const failure = state.kind === 'failed' ? state.failure : state.kind === 'connected' ? this.callFailure : undefined;
    const icon = state.kind === 'connecting' ? '$(sync~spin)' : failure ? '$(warning)' : '$(cloud)';
    // The label holds the profile name, which a workspace's settings can set.
    const label = inert(this.session.label, 'label');
    this.item.text = `${icon} ${label}`;
    this.item.tooltip = failure
      ? `Service Catalog (${label}): ${inert(failure.message, 'line')}\nClick to switch connection.`
      : `Service Catalog connection: ${label}\nClick to switch.`;
    this.item.backgroundColor = failure ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }
}
