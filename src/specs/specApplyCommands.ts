// The spec file commands: Apply, Preview changes and Diff of one provisioned product (its CodeLens),
// Apply All and Preview All of a whole file. Each checks the file first and sends nothing when it has
// errors; an apply that would change nothing says so and sends nothing.
import * as vscode from 'vscode';
import { diffTexts, describeChanges } from '../core/specs/specDiff';
import { SpecApplier, type ApplyOutcome, type ApplyPlan, type CheckedProduct, type SpecSource } from './specApply';
import type { SpecDiffDocuments } from './specDiffDocuments';
import { catalogIndex, isSpecFileName, parseSpec } from '../core/specs';
import { inert } from '../core/untrustedText';
import type { PlanStarted } from '../core/webview/protocol';
import type { CommandHandler, CommandServices } from '../ui/commandErrors';
import { COMMANDS } from '../ui/commandIds';
import { notify } from '../ui/notifications';
import type { SpecCommandId } from './specShims';

export interface SpecApplyCommandDeps extends CommandServices {
  readonly applier: SpecApplier;
  readonly diffs: SpecDiffDocuments;
}

/** What Apply All did, for its summary (and the tests). */
export interface FileApplyResult {
  readonly outcomes: readonly ApplyOutcome[];
  readonly failures: readonly { readonly name: string; readonly message: string }[];
}

/** The commands' handlers, by id: registered at activation by shims that load this bundle (specShims.ts). */
export function specApplyHandlers(deps: SpecApplyCommandDeps): Record<Exclude<SpecCommandId, typeof COMMANDS.saveAsSpecFile>, CommandHandler> {
  const { applier } = deps;
  return {
    [COMMANDS.applySpecProduct]: async (_c: unknown, uri?: unknown, name?: unknown) => applyProduct(deps, await sourceOf(uri), await nameOf(deps, uri, name)),
    [COMMANDS.previewSpecProduct]: async (_c: unknown, uri?: unknown, name?: unknown) => previewProduct(applier, await sourceOf(uri), await nameOf(deps, uri, name)),
    [COMMANDS.diffSpecProduct]: async (_c: unknown, uri?: unknown, name?: unknown) => diffProduct(deps, await sourceOf(uri), await nameOf(deps, uri, name)),
    [COMMANDS.applySpecFile]: async (_c: unknown, uri?: unknown) => applyFile(deps, await sourceOf(uri)),
    [COMMANDS.previewSpecFile]: async (_c: unknown, uri?: unknown) => previewFile(applier, await sourceOf(uri)),
  };
}

async function applyProduct(deps: SpecApplyCommandDeps, source: SpecSource, name: string): Promise<ApplyOutcome> {
  const plan = await deps.applier.plan(await deps.applier.checkProduct(source, name));
  const shown = inert(name, 'line');
  if (plan.kind === 'update' && !plan.changes.length) {
    void notify.info(`${shown} matches the file; nothing was sent.`);
    return { kind: 'unchanged', name };
  }
  await deps.input.confirm(`${plan.kind === 'provision' ? 'Provision' : 'Update'} ${shown}?`, planLine(plan), 'Apply');
  const outcome = await deps.applier.apply(plan);
  void notify.info(outcomeLine(outcome));
  return outcome;
}

async function previewProduct(applier: SpecApplier, source: SpecSource, name: string): Promise<PlanStarted> {
  const product = await applier.checkProduct(source, name);
  if (!SpecApplier.previewable(product)) throw new Error(`Preview changes (a plan) exists only for CloudFormation products; ${inert(product.target.product.name, 'line')} is not one.`);
  return applier.preview(await applier.plan(product));
}

async function diffProduct(deps: SpecApplyCommandDeps, source: SpecSource, name: string): Promise<{ live: vscode.Uri; file: vscode.Uri }> {
  const product = await deps.applier.checkProduct(source, name);
  const plan = await deps.applier.plan(product);
  if (plan.kind !== 'update') throw new Error(`No provisioned product is named ${inert(name, 'line')} yet: Apply provisions it.`);
  const texts = diffTexts(product.spec, product.target, plan.loaded.form, plan.live, product.snapshot);
  const uris = deps.diffs.put(name, texts.live, texts.file);
  await vscode.commands.executeCommand('vscode.diff', uris.live, uris.file, `${inert(name, 'label')}: live ↔ ${inert(baseName(source.fileName), 'label')}`, { preview: true });
  return uris;
}

async function applyFile(deps: SpecApplyCommandDeps, source: SpecSource): Promise<FileApplyResult> {
  const file = inert(baseName(source.fileName), 'line');
  const plans = await plansOf(deps.applier, await deps.applier.checkFile(source));
  const toSend = plans.filter(changes);
  const unchanged = plans.filter((p) => !changes(p)).map((p) => ({ kind: 'unchanged', name: p.product.name }) as const);
  if (!toSend.length) {
    void notify.info(`All ${plans.length} provisioned products of ${file} match the file; nothing was sent.`);
    return { outcomes: unchanged, failures: [] };
  }
  const detail = [...toSend.map(planLine), ...(unchanged.length ? [`Unchanged: ${unchanged.map((u) => inert(u.name, 'line')).join(', ')}`] : [])].join('\n');
  await deps.input.confirm(`Apply ${file}: ${count(toSend, 'provision')} to provision, ${count(toSend, 'update')} to update?`, detail, 'Apply All');
  const outcomes: ApplyOutcome[] = [...unchanged];
  const failures: { name: string; message: string }[] = [];
  for (const plan of toSend) {
    try {
      outcomes.push(await deps.applier.apply(plan));
    } catch (error) {
      failures.push({ name: plan.product.name, message: (error as Error).message ?? String(error) });
    }
  }
  const summary = [...outcomes.filter((o) => o.kind === 'started').map(outcomeLine), ...(unchanged.length ? [`${unchanged.length} unchanged.`] : []), ...failures.map((f) => `${inert(f.name, 'line')} failed: ${inert(f.message, 'line', { maxLength: 200 })}`)];
  void (failures.length ? notify.error : notify.info)(`${file}: ${summary.join(' ')}`);
  return { outcomes, failures };
}

async function previewFile(applier: SpecApplier, source: SpecSource): Promise<PlanStarted[]> {
  const file = inert(baseName(source.fileName), 'line');
  const products = await applier.checkFile(source);
  const previewable = products.filter((p) => SpecApplier.previewable(p));
  const plans = (await plansOf(applier, previewable)).filter(changes);
  const started: PlanStarted[] = [];
  for (const plan of plans) started.push(await applier.preview(plan));
  const skipped = products.length - previewable.length;
  void notify.info(`${file}: ${started.length} plan${started.length === 1 ? '' : 's'} created${plans.length < previewable.length ? `, ${previewable.length - plans.length} unchanged` : ''}${skipped ? `, ${skipped} not CloudFormation (no plans)` : ''}.`);
  return started;
}

/** The products' plans, read one after another (each reads the service several times). */
async function plansOf(applier: SpecApplier, products: readonly CheckedProduct[]): Promise<ApplyPlan[]> {
  const plans: ApplyPlan[] = [];
  for (const product of products) plans.push(await applier.plan(product));
  return plans;
}

const changes = (plan: ApplyPlan) => plan.kind === 'provision' || plan.changes.length > 0;
const count = (plans: readonly ApplyPlan[], kind: ApplyPlan['kind']) => plans.filter((p) => p.kind === kind).length;

function planLine(plan: ApplyPlan): string {
  const name = inert(plan.product.name, 'line');
  if (plan.kind === 'provision') return `Provision ${name} (${inert(plan.product.target.product.name, 'line')} ${inert(plan.product.target.version.name ?? plan.product.target.version.id, 'line')})`;
  const versions = catalogIndex(plan.product.snapshot).versions(plan.product.target.product);
  const nameOfVersion = (id: string) => {
    const version = plan.product.target.product.versions.find((v) => v.id === id);
    return version ? versions.nameOf(version) : id;
  };
  return `Update ${name}: ${describeChanges(plan.changes, nameOfVersion)}`;
}

function outcomeLine(outcome: ApplyOutcome): string {
  const name = inert(outcome.name, 'line');
  if (outcome.kind === 'unchanged') return `${name} unchanged.`;
  return `${outcome.operation === 'provision' ? 'Provisioning' : 'Updating'} ${name} started (record ${inert(outcome.result.recordId, 'line')}).`;
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/** The spec file a command acts on: the one given, else the active editor's. */
async function sourceOf(uri: unknown): Promise<SpecSource> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !isSpecFileName(document.fileName)) throw new Error('Open a spec file (*.servicecatalog.yaml, .yml or .json) first.');
  return { text: document.getText(), fileName: document.fileName, lineAt: (offset) => document.positionAt(offset).line + 1 };
}

/** The product a command acts on: the CodeLens's, else the user's pick among the file's. */
async function nameOf(deps: SpecApplyCommandDeps, uri: unknown, name: unknown): Promise<string> {
  if (typeof name === 'string' && name) return name;
  const source = await sourceOf(uri);
  const names = parseSpec(source.text).products.flatMap((p) => (p.name ? [p.name.value] : []));
  if (!names.length) throw new Error('The spec file declares no provisioned product.');
  return (await deps.input.pickOne(names.map((n) => ({ label: inert(n, 'label'), name: n })), { title: 'Which provisioned product of the file?' })).name;
}
