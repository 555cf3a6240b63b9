// Every notification the extension shows goes through here, and here its text is made inert: a
// notification turns `[label](command:…)` into a link that runs a command, and our messages carry
// names, status messages and record errors written by product authors. One choke point means no
// caller can forget. The sink is replaceable so integration tests see exactly what VS Code is given.
import * as vscode from 'vscode';
import { inert } from '../core/untrustedText';

export type NotificationLevel = 'info' | 'warning' | 'error';

export type NotificationSink = (level: NotificationLevel, message: string, actions: readonly string[]) => Thenable<string | undefined>;

/** Longer messages are cut here; the full text is in the log. */
const MAX_MESSAGE_LENGTH = 400;

const vscodeSink: NotificationSink = (level, message, actions) => {
  switch (level) {
    case 'info': return vscode.window.showInformationMessage(message, ...actions);
    case 'warning': return vscode.window.showWarningMessage(message, ...actions);
    case 'error': return vscode.window.showErrorMessage(message, ...actions);
  }
};

let sink: NotificationSink = vscodeSink;

/** Tests replace the sink; undefined restores VS Code's notifications. */
export function setNotificationSink(replacement: NotificationSink | undefined): void {
  sink = replacement ?? vscodeSink;
}

function show(level: NotificationLevel, message: string, actions: readonly string[]): Thenable<string | undefined> {
  return sink(level, notificationText(message), actions);
}

export const notify = {
  info: (message: string, ...actions: string[]) => show('info', message, actions),
  warning: (message: string, ...actions: string[]) => show('warning', message, actions),
  error: (message: string, ...actions: string[]) => show('error', message, actions),
};

/** Text as a notification may show it; a progress notification's title is a notification too. */
export function notificationText(text: string): string {
  return inert(text, 'notification', { maxLength: MAX_MESSAGE_LENGTH });
}
