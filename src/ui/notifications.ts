// Every notification the extension shows goes through here, and here its text is made inert: a
// notification turns `[label](command:…)` into a link that runs a command, and our messages carry
// names, status messages and record errors written by product authors. One choke point means no
// caller can forget. The sink is replaceable so integration tests see exactly what VS Code is given.
import * as vscode from 'vscode';
import { inert } from '../core/untrustedText';
import { sharedState } from './sharedState';

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

/** Tests replace the sink; undefined restores VS Code's notifications. */
export function setNotificationSink(replacement: NotificationSink | undefined): void {
  sinks().notification = replacement ?? vscodeSink;
}

function show(level: NotificationLevel, message: string, actions: readonly string[]): Thenable<string | undefined> {
  return sinks().notification(level, notificationText(message), actions);
}

export const notify = {
  info: (message: string, ...actions: string[]) => show('info', message, actions),
  warning: (message: string, ...actions: string[]) => show('warning', message, actions),
  error: (message: string, ...actions: string[]) => show('error', message, actions),
};

/** A progress notification: one per user action, its message rewritten as the operation goes on. */
export interface ProgressNotification {
  /** The message under the title; built by the caller from inert parts (it may carry our own command link). */
  report(message: string): void;
  end(): void;
}

export interface ProgressOptions {
  /** Given: the notification has a Cancel button, which calls it (the caller still calls end()). */
  readonly onCancel?: () => void;
}

/** Where progress notifications go; the title has been made inert. */
export type ProgressSink = (title: string, options?: ProgressOptions) => ProgressNotification;

const vscodeProgressSink: ProgressSink = (title, options) => {
  let finish!: () => void;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  let shown: vscode.Progress<{ message?: string }> | undefined;
  let last: string | undefined;
  const onCancel = options?.onCancel;
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: !!onCancel }, (progress, cancellation) => {
    shown = progress;
    if (onCancel) cancellation.onCancellationRequested(onCancel);
    if (last !== undefined) progress.report({ message: last });
    return ended;
  });
  return {
    report: (message) => {
      last = message;
      shown?.report({ message });
    },
    end: () => finish(),
  };
};

/** Tests replace the progress sink; undefined restores VS Code's progress notifications. */
export function setProgressSink(replacement: ProgressSink | undefined): void {
  sinks().progress = replacement ?? vscodeProgressSink;
}

/** Starts a progress notification. */
export function showProgress(title: string, options?: ProgressOptions): ProgressNotification {
  return sinks().progress(notificationText(title), options);
}

/** Where notifications go, one pair for every bundle: a sink a test sets must see a lazily required bundle's notifications too. */
function sinks(): { notification: NotificationSink; progress: ProgressSink } {
  return sharedState('notificationSinks', () => ({ notification: vscodeSink, progress: vscodeProgressSink }));
}

/** Text as a notification may show it; a progress notification's title is a notification too. */
export function notificationText(text: string): string {
  return inert(text, 'notification', { maxLength: MAX_MESSAGE_LENGTH });
}
