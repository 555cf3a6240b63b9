import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The one "Service Catalog" log channel (records, errors, diagnostics). */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Service Catalog', { log: true });
  return channel;
}
