// extension.js and the bundles it requires on first use (core/crossBundle.ts) each hold their own copy
// of the modules they share. Module state that must be one for the whole extension (the log channel,
// the notification sinks tests replace) is kept per VS Code API: every copy handed the same `vscode`
// shares it, and a unit test's bundle, with its own stand-in for `vscode`, has its own.
import * as vscode from 'vscode';

const STATES = Symbol.for('serviceCatalogExplorer.sharedState');

/** The state `key` of this VS Code API, made by whichever copy asks first. */
export function sharedState<T>(key: string, make: () => T): T {
  const global = globalThis as unknown as Record<symbol, WeakMap<object, Map<string, unknown>> | undefined>;
  const byApi = (global[STATES] ??= new WeakMap());
  // `window`, not the namespace: a bundle's `import * as vscode` is a copy of the module's keys of its own.
  let states = byApi.get(vscode.window);
  if (!states) byApi.set(vscode.window, (states = new Map<string, unknown>()));
  if (!states.has(key)) states.set(key, make());
  return states.get(key) as T;
}
