// Right-click actions on provisioned products: terminate (one or many), change launch role or owner,
// show outputs, open in the AWS console. Every write gets one idempotency token per product per user
// action and is followed to its end by the record tracker.
import * as vscode from 'vscode';
import type { RecordOutput } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../aws/catalogApi';
import { classifyError } from '../core/errors';
import { newIdempotencyToken, validateRoleArn } from '../core/parameters/validators';
import type { RecordTracking } from '../records/recordTracker';
import type { ActionProgress } from '../records/actionProgress';
import type { CatalogSession } from '../connections/catalogSession';
import { readSettings } from '../connections/settings';
import { productCapabilities, type ProductCapability } from '../core/products/capabilities';
import { ProductNode } from './nodes';
import { notify } from '../ui/notifications';
import type { UserInput } from '../ui/userInput';
import { log } from '../ui/log';
import { OUTPUTS_NOT_CURRENT, outputSourceNote, RECORD_OUTPUTS_EXPLANATION } from '../core/products/outputSource';
import { inert, webUrl } from '../core/untrustedText';
import { registerCommand, type CommandContext, type CommandServices } from '../ui/commandErrors';
import { COMMANDS } from '../ui/commandIds';
import {
  consoleUrl, describeTerminateOptions, otherAccountError, ownerChangeConfirmation, multiActionSummary, propertyChangeDeniedMessage, TERMINATE, TERMINATE_WITH_OPTIONS,
  terminateConfirmation, typedConfirmationError, validateOwnerArn, type ActionOutcome, type TerminateOptionsChoice,
} from '../core/products/productActionRules';
import { callWithToken } from '../core/retrySameToken';

export interface ProductActionDeps extends CommandServices {
  readonly session: CatalogSession;
  readonly input: UserInput;
  readonly tracker: () => RecordTracking;
}

type Property = 'LAUNCH_ROLE' | 'OWNER';

export function registerProductActions(deps: ProductActionDeps): vscode.Disposable[] {
  return [
    registerCommand(COMMANDS.terminate, (context, node?: ProductNode, selected?: unknown[]) => terminate(context, deps, node, selected), deps),
    registerCommand(COMMANDS.changeLaunchRole, (context, node?: ProductNode, selected?: unknown[]) => changeProperty(context, deps, 'LAUNCH_ROLE', node, selected), deps),
    registerCommand(COMMANDS.changeOwner, (context, node?: ProductNode, selected?: unknown[]) => changeProperty(context, deps, 'OWNER', node, selected), deps),
    registerCommand(COMMANDS.showOutputs, (context, node?: ProductNode) => showOutputs(context, deps, node), deps),
    registerCommand(COMMANDS.openInConsole, (context, node?: ProductNode) => openInConsole(context, node), deps),
  ];
}

/** The products a command acts on: the selection when the clicked item is part of it, else the clicked item, else the user's pick. */
async function targetsOf(context: CommandContext, deps: ProductActionDeps, capability: ProductCapability, node?: ProductNode, selected?: unknown[]): Promise<ProductNode[]> {
  const clicked = node instanceof ProductNode ? node : undefined;
  const selection = (selected ?? []).filter((n): n is ProductNode => n instanceof ProductNode);
  const picked = clicked ? (selection.includes(clicked) ? selection : [clicked]) : await context.pickProvisionedProducts(capability);
  const chosen = withoutGone(deps, picked);
  const able = chosen.filter((n) => productCapabilities(n.row).includes(capability));
  if (!able.length) throw new Error(`The selected provisioned product${chosen.length > 1 ? 's are' : ' is'} busy or cannot do this in ${chosen.length > 1 ? 'their' : 'its'} status.`);
  const busy = able.filter((n) => deps.tracker().isBusy(n.row.Id!));
  if (busy.length === able.length) throw new Error(`An operation is still running on ${names(busy)}; wait for it to finish.`);
  if (busy.length) void notify.warning(`Skipping ${names(busy)}: an operation is still running.`);
  return able.filter((n) => !busy.includes(n));
}

/**
 * The view's selection can outlive its products (those just terminated stay selected): they are
 * left out, said once, and an action on nothing but them is refused.
 */
function withoutGone(deps: ProductActionDeps, nodes: ProductNode[]): ProductNode[] {
  const { known, gone } = deps.products.stillKnown(nodes);
  if (!gone.length) return known;
  const noLonger = `${names(gone)} ${gone.length > 1 ? 'are' : 'is'} no longer in the list (terminated or gone)`;
  if (!known.length) throw new Error(`${noLonger}; nothing was done. Select the products again.`);
  void notify.warning(`Skipping ${noLonger}.`);
  return known;
}

/** The title of an action's one progress notification: the product, or how many. */
function actionTitle(verb: string, targets: readonly ProductNode[]): string {
  return targets.length === 1 ? `${verb} ${targets[0].row.Name ?? targets[0].row.Id}` : `${verb} ${targets.length} provisioned products`;
}

function names(nodes: readonly ProductNode[]): string {
  return nodes.map((n) => `"${n.row.Name ?? n.row.Id}"`).join(', ');
}

// ---- Terminate ----------------------------------------------------------------------------------

/** Returns the outcome per product (for tests); throws the service's error when a single product fails. */
async function terminate(context: CommandContext, deps: ProductActionDeps, node?: ProductNode, selected?: unknown[]): Promise<ActionOutcome[]> {
  const api = context.requireApi();
  const targets = await targetsOf(context, deps, 'canTerminate', node, selected);
  const options = await confirmTerminate(deps.input, targets.map((t) => t.row.Name ?? t.row.Id!));
  const action = deps.tracker().beginAction(actionTitle('Terminating', targets));
  const outcomes: ActionOutcome[] = [];
  for (const target of targets) outcomes.push(await terminateOne(deps, api, target, options, action));
  reportOutcomes('Termination', targets.length, outcomes, action);
  return outcomes;
}

async function confirmTerminate(input: UserInput, productNames: string[]): Promise<TerminateOptionsChoice> {
  const byTyping = readSettings().confirmTerminateByTyping;
  const confirmation = terminateConfirmation(productNames, byTyping);
  const choice = await input.confirm(confirmation.message, confirmation.detail, TERMINATE, TERMINATE_WITH_OPTIONS);
  const options = choice === TERMINATE_WITH_OPTIONS ? await pickTerminateOptions(input) : { ignoreErrors: false, retainPhysicalResources: false };
  const expected = confirmation.typeToConfirm;
  if (expected) {
    const typed = await input.inputText({
      title: confirmation.message,
      prompt: `Type "${expected}" to confirm termination${describeTerminateOptions(options)}.`,
      placeHolder: expected,
      validateInput: (value) => typedConfirmationError(value, expected),
    });
    const error = typedConfirmationError(typed, expected);
    if (error) throw new Error(`Not terminated. ${error}`);
  }
  return options;
}

async function pickTerminateOptions(input: UserInput): Promise<TerminateOptionsChoice> {
  const items = [
    { label: 'Ignore errors', description: 'IgnoreErrors', detail: 'Remove the provisioned product even if deleting its resources fails.', key: 'ignoreErrors' as const },
    { label: 'Retain physical resources', description: 'RetainPhysicalResources', detail: 'Keep the resources (e.g. the stack\'s resources); only the provisioned product is removed.', key: 'retainPhysicalResources' as const },
  ];
  const picked = await input.pickMany(items, { title: 'Termination options (pick none for a plain termination)' });
  return { ignoreErrors: picked.some((p) => p.key === 'ignoreErrors'), retainPhysicalResources: picked.some((p) => p.key === 'retainPhysicalResources') };
}

async function terminateOne(deps: ProductActionDeps, api: CatalogApi, target: ProductNode, options: TerminateOptionsChoice, action: ActionProgress): Promise<ActionOutcome> {
  const name = target.row.Name ?? target.row.Id!;
  const token = newIdempotencyToken();
  try {
    const record = await callWithToken(token, (t) => api.terminateProvisionedProduct(target.row.Id!, { ...options, token: t }));
    log().info(`Terminate ${name} (${target.row.Id})${describeTerminateOptions(options)}: record ${record.RecordId}`);
    await deps.tracker().track(record, { productName: name, action });
    return { name };
  } catch (error) {
    const failed = failedOutcome(name, 'Terminate', error);
    action.notStarted(name, failed.failure!);
    return failed;
  }
}

function failedOutcome(name: string, action: string, error: unknown, plainWords?: string): ActionOutcome & { error: unknown } {
  const failure = classifyError(error);
  const message = plainWords ?? failure.message;
  log().error(`${action} ${name} failed: ${failure.code ? `${failure.code}: ` : ''}${message}`);
  return { name, failure: message, error: plainWords ? new Error(plainWords) : error };
}

/**
 * When records are followed, the action's notification says how it ended. Otherwise, one product: its
 * failure goes to the command's error wrapper; several: one summary.
 */
function reportOutcomes(verb: string, count: number, outcomes: ActionOutcome[], action: ActionProgress): void {
  if (action.close()) return;
  if (count === 1) {
    const failed = outcomes[0] as ActionOutcome & { error?: unknown };
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the action's own error, as it was thrown
    if (failed.failure) throw failed.error ?? new Error(failed.failure);
    return;
  }
  const summary = multiActionSummary(verb, outcomes);
  const shown = summary.failed
    ? notify.warning(summary.text, 'Show Output')
    : notify.info(summary.text, 'Show Output');
  void shown.then((choice) => choice && log().show(true));
}

// ---- Launch role and owner ----------------------------------------------------------------------

async function changeProperty(context: CommandContext, deps: ProductActionDeps, property: Property, node?: ProductNode, selected?: unknown[]): Promise<ActionOutcome[]> {
  const api = context.requireApi();
  const targets = await targetsOf(context, deps, 'canChangeProperties', node, selected);
  const label = property === 'LAUNCH_ROLE' ? 'launch role' : 'owner';
  const validateFormat = property === 'LAUNCH_ROLE' ? validateRoleArn : validateOwnerArn;
  const validate = (value: string) => validateFormat(value.trim()) ?? otherAccountError(value.trim(), targets.map((t) => t.row.Arn));
  const current = targets.length === 1 ? await currentValue(api, targets[0], property) : undefined;
  const value = (
    await deps.input.inputText({
      title: `Change ${label} of ${targets.length === 1 ? `"${targets[0].row.Name}"` : `${targets.length} provisioned products`}`,
      prompt: property === 'LAUNCH_ROLE' ? 'IAM role ARN that Service Catalog assumes for this product\'s operations' : 'IAM user, IAM role or STS assumed-role ARN of the new owner',
      value: current,
      validateInput: validate,
    })
  ).trim();
  const invalid = validate(value);
  if (invalid) throw new Error(invalid);
  const changing = await withoutUnchanged(api, targets, property, value);
  if (!changing.length) return [];
  if (property === 'OWNER') {
    const confirmation = ownerChangeConfirmation(changing.map((t) => t.row.Name ?? t.row.Id!), value, readSettings().accessLevel);
    await deps.input.confirm(confirmation.message, confirmation.detail, 'Change Owner');
  }
  const action = deps.tracker().beginAction(actionTitle(`Changing the ${label} of`, changing));
  const outcomes: ActionOutcome[] = [];
  for (const target of changing) outcomes.push(await changePropertyOf(deps, api, target, property, value, action));
  reportOutcomes(`Changing the ${label}`, changing.length, outcomes, action);
  return outcomes;
}

async function currentValue(api: CatalogApi, node: ProductNode, property: Property): Promise<string | undefined> {
  if (property === 'OWNER') return node.row.UserArn;
  if (node.row.detailLoaded) return node.row.LaunchRoleArn;
  return (await api.describeProvisionedProduct(node.row.Id!).catch(() => undefined))?.LaunchRoleArn;
}

/** What the service says the property is now (undefined when it cannot be read: the change is then sent). */
async function serviceValue(api: CatalogApi, node: ProductNode, property: Property): Promise<string | undefined> {
  const id = node.row.Id!;
  if (property === 'LAUNCH_ROLE') return (await api.describeProvisionedProduct(id).catch(() => undefined))?.LaunchRoleArn;
  const [listed] = await api.listProvisionedProducts({ query: `id:${id}` }).catch(() => []);
  return listed?.Id === id ? listed.UserArn : undefined;
}

/** The targets whose property the service reports as something else; of the others the user is told "unchanged", nothing is sent. */
async function withoutUnchanged(api: CatalogApi, targets: readonly ProductNode[], property: Property, value: string): Promise<ProductNode[]> {
  const current = await Promise.all(targets.map((t) => serviceValue(api, t, property)));
  const unchanged = targets.filter((_, i) => current[i] === value);
  if (!unchanged.length) return [...targets];
  const label = property === 'LAUNCH_ROLE' ? 'Launch role' : 'Owner';
  const names = unchanged.map((t) => `"${t.row.Name ?? t.row.Id}"`).join(', ');
  void notify.info(`${label} of ${names} unchanged: it is already ${value}. Nothing was sent.`);
  return targets.filter((t) => !unchanged.includes(t));
}

async function changePropertyOf(deps: ProductActionDeps, api: CatalogApi, target: ProductNode, property: Property, value: string, action: ActionProgress): Promise<ActionOutcome> {
  const id = target.row.Id!;
  const name = target.row.Name ?? id;
  const label = property === 'LAUNCH_ROLE' ? 'launch role' : 'owner';
  const token = newIdempotencyToken();
  let recordId: string;
  try {
    recordId = await callWithToken(token, (t) => api.updateProvisionedProductProperty(id, property, value, t));
  } catch (error) {
    const denied = classifyError(error).kind === 'access-denied';
    const failed = failedOutcome(name, `Change ${label} of`, error, denied ? propertyChangeDeniedMessage(label, name) : undefined);
    action.notStarted(name, failed.failure!);
    return failed;
  }
  log().info(`Change ${label} of ${name} (${id}) to ${value}: record ${recordId}`);
  await trackPropertyRecord(deps, recordId, name, action);
  // The new value shows in the tooltip at once; the list refresh after the record confirms it.
  const detail = await api.describeProvisionedProduct(id).catch(() => undefined);
  if (detail) deps.products.applyDetail(detail);
  return { name };
}

/** A new owner's records are no longer readable by the previous owner: then only the record id is logged. */
async function trackPropertyRecord(deps: ProductActionDeps, recordId: string, productName: string, action: ActionProgress): Promise<void> {
  try {
    await deps.tracker().track(recordId, { productName, action });
  } catch (error) {
    log().info(`Record ${recordId} of ${productName} cannot be followed (${classifyError(error).message}); the change took effect.`);
  }
}

// ---- Outputs and console ------------------------------------------------------------------------

/** Picks an output: a URL opens in the browser, anything else is copied. Returns the picked key. */
async function showOutputs(context: CommandContext, deps: ProductActionDeps, node?: ProductNode): Promise<string | undefined> {
  const api = context.requireApi();
  const target = node instanceof ProductNode ? node : await context.pickProvisionedProduct();
  const { outputs, source } = await api.outputsOf(target.row);
  const note = outputSourceNote(source);
  if (!outputs.length) {
    void notify.info(`${target.row.Name} has no outputs${note ? ` (${note})` : ''}.`);
    return undefined;
  }
  const items = outputs.map((output) => ({
    label: `$(${isUrl(output) ? 'link-external' : 'copy'}) ${inert(output.OutputKey, 'label')}`,
    description: inert(output.OutputValue, 'label'),
    detail: output.Description === undefined ? undefined : inert(output.Description, 'label'),
    output,
  }));
  const picked = await deps.input.pickOne(items, { title: `Outputs of ${inert(target.row.Name, 'label')}${note ? ` ${inert(note, 'label')} (${OUTPUTS_NOT_CURRENT})` : ''}: a URL opens, anything else is copied`, ...(note ? { placeHolder: RECORD_OUTPUTS_EXPLANATION } : {}), matchOnDescription: true });
  const value = picked.output.OutputValue ?? '';
  if (isUrl(picked.output)) await vscode.env.openExternal(vscode.Uri.parse(value, true));
  else {
    await vscode.env.clipboard.writeText(value);
    vscode.window.setStatusBarMessage(`Copied ${inert(picked.output.OutputKey, 'label')}`, 3000);
  }
  return picked.output.OutputKey;
}

function isUrl(output: RecordOutput): boolean {
  return webUrl(output.OutputValue) !== undefined;
}

/** Opens the product's console page; in sandbox mode says why it cannot. Returns the URL opened. */
async function openInConsole(context: CommandContext, node?: ProductNode): Promise<string | undefined> {
  const api = context.requireApi();
  if (api.connection.kind === 'sandbox') {
    void notify.info(
      'Open in AWS Console is not available in sandbox mode: sandbox products exist only on this machine. Connect to AWS to open products in the console.',
    );
    return undefined;
  }
  const target = node instanceof ProductNode ? node : await context.pickProvisionedProduct();
  const url = consoleUrl(api.connection.region, target.row.Id!);
  await vscode.env.openExternal(vscode.Uri.parse(url));
  return url;
}
