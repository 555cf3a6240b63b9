// Shared helpers for the integration suites that run inside the extension host.
import * as vscode from 'vscode';
import { ProvisionProductCommand, type ProvisionProductCommandInput } from '@aws-sdk/client-service-catalog';
import type { ExtensionApi } from '../../src/extension';
import type { TreeNode } from '../../src/products/nodes';
import { UserCancelledError } from '../../src/ui/userInput';

export const EXTENSION_ID = 'service-catalog-explorer.service-catalog-explorer';

export async function extensionApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  return ext.activate();
}

/** Polls until `check` returns a truthy value (bounded), for state that settles asynchronously. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 20_000, everyMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

/** Connects to the embedded sandbox and waits for the first full list. */
export async function connectedToSandbox(): Promise<ExtensionApi> {
  const api = await extensionApi();
  if (api.session.state.kind !== 'connected' || api.session.state.connection.kind !== 'sandbox') {
    await api.session.useSandbox();
  }
  await waitFor('the tree to load', () => api.tree.viewState === 'ready' || api.tree.viewState === 'empty');
  return api;
}

export async function rootItems(api: ExtensionApi): Promise<{ node: TreeNode; item: vscode.TreeItem }[]> {
  const nodes = await api.tree.getChildren();
  return nodes.map((node) => ({ node, item: api.tree.getTreeItem(node) }));
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('serviceCatalogExplorer').update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * Answers every modal confirmation with `answer` (a button, or Cancel when undefined), keeping the
 * questions asked; any other prompt fails the test. Undo with `api.setUserInput(undefined)`.
 */
export function answerConfirmations(api: ExtensionApi, answer: (buttons: readonly string[]) => string | undefined): string[] {
  const asked: string[] = [];
  const unexpected = (): never => { throw new Error('unexpected prompt'); };
  api.setUserInput({
    pickOne: async () => unexpected(),
    pickMany: async () => unexpected(),
    inputText: async () => unexpected(),
    confirm: async (message, _detail, ...buttons) => {
      asked.push(message);
      const chosen = answer(buttons);
      if (chosen === undefined) throw new UserCancelledError();
      return chosen;
    },
  });
  return asked;
}

/** Until the product is AVAILABLE in the tree (so the tree, forms and spec files see it) and no record of it is followed. */
export async function settled(api: ExtensionApi, id: string, timeoutMs = 90_000): Promise<void> {
  await waitFor(`${id} to settle`, async () => {
    await api.tree.refresh();
    return api.tree.findProduct(id)?.row.Status === 'AVAILABLE' && !api.records.isBusy(id);
  }, timeoutMs, 500);
}

/** A provisioned product of the test's own, provisioned outside the extension's forms and followed until it settles; its id. */
export async function provisionedDirectly(api: ExtensionApi, input: ProvisionProductCommandInput): Promise<string> {
  const out = await api.session.api!.client.send(new ProvisionProductCommand(input));
  await api.records.track(out.RecordDetail!);
  const id = out.RecordDetail!.ProvisionedProductId!;
  await settled(api, id);
  return id;
}

/** Closes every editor and waits for the form panels among them to be gone. */
export async function closeAll(api: ExtensionApi): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('the editors and form panels to close', () => api.forms.panels.length === 0);
}
