import * as vscode from 'vscode';
import { inert } from '../core/untrustedText';

/** The log's methods the extension writes with; `show` reveals the channel. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  show(preserveFocus?: boolean): void;
}

/** Long enough for a whole service error or policy document; a line break in one cannot forge a line. */
const MAX_LINE_LENGTH = 10_000;

let instance: Log | undefined;

/**
 * The one "Service Catalog" log channel (records, errors, diagnostics). Every line is made inert on
 * its way in: log lines quote service text, and a line break or control character in it would forge
 * lines of ours.
 */
export function log(): Log {
  if (instance) return instance;
  const channel = vscode.window.createOutputChannel('Service Catalog', { log: true });
  const line = (message: string) => inert(message, 'line', { maxLength: MAX_LINE_LENGTH });
  instance = {
    info: (message) => channel.info(line(message)),
    warn: (message) => channel.warn(line(message)),
    error: (message) => channel.error(line(message)),
    show: (preserveFocus) => channel.show(preserveFocus),
  };
  return instance;
}
