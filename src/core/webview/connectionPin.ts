// A form belongs to the connection it was opened on: its header names it, and what it sends must go
// there. Switching connection while a form is open must never send that form's request to the other
// account (e.g. a form filled against the sandbox provisioning into AWS). Connections are told apart
// by their key (connectionKey), never by their label. No vscode import: unit-tested.
import type { ConnectionIdentity } from '../connection';
import { RequestError } from './requestError';

export class ConnectionPin {
  /** `pinned`: the connection the form opened on; undefined when it opened signed out. */
  constructor(private pinned: ConnectionIdentity | undefined) {}

  get label(): string | undefined {
    return this.pinned?.label;
  }

  /** What a restored form is pinned to again (kept in the page's state). */
  get key(): string | undefined {
    return this.pinned?.key;
  }

  /**
   * Called before every request with the current connection (undefined when not connected). A form
   * opened signed out takes the first connection it is used with.
   */
  check(current: ConnectionIdentity | undefined): void {
    if (current === undefined) return; // the service call itself says "not connected"
    const pinned = (this.pinned ??= current);
    if (current.key === pinned.key) return;
    // Two connections can share a label (a profile named "default" and the default credential chain).
    const now = current.label === pinned.label ? `another ${current.label} (other credentials)` : current.label;
    throw new RequestError(
      `This form was opened on ${pinned.label}, but the connection is now ${now}. Nothing was sent. ` +
        `Switch back to ${pinned.label}, or close this form and open it again on ${current.label}.`,
    );
  }
}
