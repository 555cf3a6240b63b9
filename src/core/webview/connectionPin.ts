// A form belongs to the connection it was opened on: its header names it, and what it sends must go
// there. Switching connection while a form is open must never send that form's request to the other
// account (e.g. a form filled against the sandbox provisioning into AWS). No vscode import: unit-tested.
import { RequestError } from '../../ui/webview/messageRouter';

export class ConnectionPin {
  /** `pinned`: the connection's label when the form opened; undefined when it opened signed out. */
  constructor(private pinned: string | undefined) {}

  get label(): string | undefined {
    return this.pinned;
  }

  /**
   * Called before every request with the current connection's label (undefined when not connected).
   * A form opened signed out takes the first connection it is used with.
   */
  check(current: string | undefined): void {
    if (current === undefined) return; // the service call itself says "not connected"
    this.pinned ??= current;
    if (current !== this.pinned) {
      throw new RequestError(
        `This form was opened on ${this.pinned}, but the connection is now ${current}. Nothing was sent. ` +
          `Switch back to ${this.pinned}, or close this form and open it again on ${current}.`,
      );
    }
  }
}
