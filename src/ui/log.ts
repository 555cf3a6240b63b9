import * as vscode from 'vscode';
import { inert } from '../core/untrustedText';
import { sharedState } from './sharedState';

/** The log's methods the extension writes with; `show` reveals the channel. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  show(preserveFocus?: boolean): void;
}

/** Long enough for a whole service error or policy document; a line break in one cannot forge a line. */
const MAX_LINE_LENGTH = 10_000;

/**
 * The one "Service Catalog" log channel (records, errors, diagnostics). Every line is made inert on
 * its way in: log lines quote service text, and a line break or control character in it would forge
 * lines of ours.
 */
export function log(): Log {
  // Shared: a lazily required bundle writing with its own copy of this module would open a second channel.
  return sharedState('log', newLog);
}

function newLog(): Log {
  const channel = vscode.window.createOutputChannel('Service Catalog', { log: true });
  const line = (message: string) => inert(message, 'line', { maxLength: MAX_LINE_LENGTH });
  return {
    info: (message) => channel.info(line(message)),
    warn: (message) => channel.warn(line(message)),
    error: (message) => channel.error(line(message)),
    show: (preserveFocus) => channel.show(preserveFocus),
  };
}
