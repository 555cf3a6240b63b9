// The plans page of a provisioned product: pick a plan, watch it until it is ready, read its resource
// changes (action, logical id, type, replacement, scope and details) and its parameters against the
// stack's values in use, then execute or discard it. Service text arrives inert and is set as DOM text only.
import type {
  ChangeDetailRow, PanelInit, PlanParameterRow, PlanRow, PlanView, ProductChange, ResourceChangeRow, SubmitResult, VersionRef,
} from '../../src/core/webview/protocol';
import { banner, clear, fieldGroup, h, option, progress, section } from '../shared/dom';
import { afterInit, blockedReason, mergedChange, staleFormBanner, stateAfter, type ProductState } from '../shared/productNotice';
import { errorMessage, loadState, onPush, ready, request, saveState } from '../shared/rpc';

interface PageState {
  init?: PanelInit;
  planId?: string;
  result?: SubmitResult;
  /** The last change heard of the product since the page was loaded (the banner), and its state. */
  change?: ProductChange;
  product?: ProductState;
}

const app = document.getElementById('app')!;
let state: PageState = loadState<PageState>();
let busy = false;
const header = h('header', {});
const list = h('div', {});
const detail = h('div', { class: 'plan-detail' });
const status = h('div', { class: 'status-region', 'aria-live': 'polite' });
const notice = h('div', { class: 'notice-region', 'aria-live': 'polite' });
let shown: PlanView | undefined;
const planSelect = h('vscode-single-select', {});
const executeButton = h('vscode-button', { icon: 'play', onclick: () => void execute() }, 'Execute plan');
const discardButton = h('vscode-button', { secondary: true, icon: 'trash', onclick: () => void discard() }, 'Discard plan');
const refreshButton = h('vscode-button', { secondary: true, icon: 'refresh', onclick: () => void loadPlans() }, 'Refresh');

function start(init: PanelInit): void {
  if (init.kind !== 'plans') return;
  if (state.init?.kind !== 'plans' || state.init.provisionedProduct.id !== init.provisionedProduct.id) state = {};
  state.init = init;
  if (init.focusPlanId) state.planId = init.focusPlanId;
  // The host just read the product: its status is the one in force, a saved banner stays only while it holds.
  Object.assign(state, { change: undefined }, afterInit(state, init.provisionedProduct));
  saveState(state);
  app.removeAttribute('aria-busy');
  header.replaceChildren(h('h1', {}, `Plans of ${init.provisionedProduct.name}`), h('p', { class: 'subtle' }, init.connection));
  planSelect.onchange = () => void showPlan(String(planSelect.value));
  list.replaceChildren(section('Plans', fieldGroup({ id: 'plan-choice', label: 'Plan', control: planSelect }).group, h('div', { class: 'actions' }, refreshButton)));
  app.replaceChildren(header, notice, list, detail, status);
  clear(notice);
  if (state.result) status.replaceChildren(executionBanner(state.result));
  if (state.change) notice.replaceChildren(staleFormBanner(state.change, () => void reload(), blocked()));
  else if (blocked()) notice.replaceChildren(banner('warning', blocked()));
  void loadPlans();
}

/** Why no plan can be executed in the product's state now (the host refuses it too), if it cannot. */
const blocked = () => blockedReason('canPlan', 'Executing a plan', state.product ?? {});

/** Rebuilds the page from the service: the product, its plans and the shown plan. */
async function reload(): Promise<void> {
  notice.replaceChildren(progress('Reloading…'));
  try {
    const next = await request('reload', {});
    const planId = state.planId;
    state = { planId };
    start(next);
  } catch (error) {
    notice.replaceChildren(banner('error', `Could not reload: ${errorMessage(error)}`));
  }
}

async function loadPlans(): Promise<void> {
  detail.replaceChildren(progress('Loading plans…'));
  try {
    const plans = await request('listPlans', {});
    fillPlans(plans);
    if (!plans.length) return detail.replaceChildren(banner('info', 'This provisioned product has no plans. Create one with “Preview changes” on its update form.'));
    const planId = plans.some((p) => p.planId === state.planId) ? state.planId! : plans[0].planId;
    planSelect.value = planId;
    await showPlan(planId);
  } catch (error) {
    detail.replaceChildren(banner('error', `Could not list the plans: ${errorMessage(error)}`));
  }
}

/** A version by its name where the service gave one, its id otherwise. */
function versionName(version: VersionRef): string {
  return version.name ?? version.id;
}

function planLabel(p: PlanRow): string {
  return p.provisioningArtifactId ? `${p.name} · ${versionName({ id: p.provisioningArtifactId, name: p.versionName })}` : p.name;
}

function fillPlans(plans: readonly PlanRow[]): void {
  planSelect.replaceChildren(...plans.map((p) => option(p.planId, planLabel(p), p.planId === state.planId)));
}

async function showPlan(planId: string): Promise<void> {
  if (!planId) return;
  state.planId = planId;
  saveState(state);
  shown = undefined; // nothing is offered for a plan until its status is read
  syncButtons();
  detail.replaceChildren(progress('Reading the plan…'));
  try {
    renderPlan(await request('describePlan', { planId }));
  } catch (error) {
    detail.replaceChildren(banner('error', `Could not read the plan: ${errorMessage(error)}`));
  }
}

/** The replacement mark: a codicon, a theme colour and the words, so it never rests on colour alone. */
function replacementCell(c: ResourceChangeRow): HTMLElement {
  if (c.replaces === 'no') return h('span', { class: 'subtle' }, c.replacement === 'FALSE' ? 'no' : c.replacement);
  const yes = c.replaces === 'yes';
  return h(
    'span', { class: yes ? 'replacement-true' : 'replacement-conditional' },
    h('span', { class: `codicon codicon-${yes ? 'warning' : 'question'}`, 'aria-hidden': 'true' }), ` ${yes ? 'replaces' : 'may replace'}`,
  );
}

/** "PROPERTIES BucketName · recreation NEVER · STATIC · caused by Environment": each part only as the service says it. */
function detailLine(d: ChangeDetailRow): HTMLElement {
  const parts: (Node | string)[] = [h('code', {}, d.name ? `${d.attribute} ${d.name}` : d.attribute)];
  if (d.requiresRecreation) parts.push(' · requires recreation: ', h('strong', { class: d.requiresRecreation === 'ALWAYS' ? 'replacement-true' : '' }, d.requiresRecreation));
  if (d.evaluation) parts.push(` · evaluation: ${d.evaluation}`);
  if (d.causingEntity) parts.push(' · caused by ', h('code', {}, d.causingEntity));
  return h('li', {}, ...parts);
}

function changeDetails(c: ResourceChangeRow): HTMLElement | string {
  const scope = c.scope.length ? h('div', { class: 'subtle' }, `Scope: ${c.scope.join(', ')}`) : '';
  if (!c.details.length) return scope || h('span', { class: 'subtle' }, 'none');
  return h('div', {}, scope, h('ul', { class: 'change-details' }, ...c.details.map(detailLine)));
}

function changesTable(plan: PlanView): HTMLElement {
  if (!plan.changes.length) return h('p', { class: 'subtle' }, plan.settled ? 'No resource changes.' : 'Resource changes appear when the plan is ready.');
  const headerCells = ['Action', 'Logical ID', 'Resource type', 'Replacement', 'Scope and details'].map((t) => h('vscode-table-header-cell', {}, t));
  const rows = plan.changes.map((c) =>
    h(
      'vscode-table-row',
      { class: c.replaces === 'yes' ? 'change-replaces' : c.replaces === 'maybe' ? 'change-may-replace' : '' },
      h('vscode-table-cell', {}, h('span', { class: `change change-${c.action.toLowerCase()}` }, c.action)),
      h('vscode-table-cell', {}, h('code', {}, c.logicalId), c.physicalId ? h('span', { class: 'subtle' }, ` ${c.physicalId}`) : ''),
      h('vscode-table-cell', {}, c.resourceType),
      h('vscode-table-cell', {}, replacementCell(c)),
      h('vscode-table-cell', {}, changeDetails(c)),
    ),
  );
  return h(
    'vscode-table',
    { zebra: true, 'bordered-columns': true, resizable: true, columns: ['10%', '22%', '20%', '13%', '35%'], class: 'changes', 'aria-label': 'Resource changes' },
    h('vscode-table-header', { slot: 'header' }, ...headerCells),
    h('vscode-table-body', { slot: 'body' }, ...rows),
  );
}

/** "Version: v2.0 (the product runs v1.1)": both as the service names them, and only what it says. */
function versionLine(plan: PlanView): HTMLElement | undefined {
  if (!plan.version) return undefined;
  const current = plan.currentVersion;
  const comparison = !current ? '' : current.id === plan.version.id ? ' (the version the product runs now)' : ` (the product runs ${versionName(current)} now)`;
  return h('p', { class: 'plan-version' }, 'Version: ', h('strong', {}, versionName(plan.version)), comparison);
}

function planValueCell(p: PlanParameterRow): HTMLElement {
  if (p.usePreviousValue) return h('span', { class: 'subtle' }, 'keeps the value in use');
  if (p.valueMasked) return h('span', { class: 'subtle' }, '•••• (not shown)');
  return h('code', {}, p.value ?? '');
}

function currentValueCell(p: PlanParameterRow): HTMLElement {
  if (p.currentMasked) return h('span', { class: 'subtle' }, '•••• (not shown)');
  if (p.currentValue !== undefined) return h('code', {}, p.currentValue);
  return h('span', { class: 'subtle' }, 'not set');
}

const CHANGE_WORDS = { yes: 'changes', no: 'unchanged', unknown: 'cannot tell' } as const;

/**
 * The plan's parameters: the value it sets (or "keeps the value in use") next to the value the stack
 * runs with, whether it changes, and the resource changes the service attributes to it. Where the
 * stack could not be read, one sentence says why and only the plan's values are shown.
 */
function parametersTable(plan: PlanView): HTMLElement {
  const parameters = plan.parameters ?? [];
  if (!parameters.length) return h('p', { class: 'subtle' }, 'The plan sets no parameters: every one keeps its value.');
  const withCurrent = !plan.currentValuesNote;
  const titles = withCurrent ? ['Parameter', 'In this plan', 'In use now', 'Change', 'Resource changes it causes'] : ['Parameter', 'In this plan', 'Resource changes it causes'];
  const rows = parameters.map((p) =>
    h(
      'vscode-table-row',
      { class: [p.causes.length ? 'parameter-causes-changes' : '', p.changes === 'yes' ? 'parameter-changes' : ''].filter(Boolean).join(' ') },
      h('vscode-table-cell', {}, h('code', {}, p.key)),
      h('vscode-table-cell', {}, planValueCell(p)),
      withCurrent ? h('vscode-table-cell', {}, currentValueCell(p)) : undefined,
      withCurrent ? h('vscode-table-cell', {}, p.changes === 'yes' ? h('strong', {}, CHANGE_WORDS.yes) : h('span', { class: 'subtle' }, CHANGE_WORDS[p.changes ?? 'unknown'])) : undefined,
      h('vscode-table-cell', {}, p.causes.length ? p.causes.join(', ') : h('span', { class: 'subtle' }, 'none named')),
    ),
  );
  const table = h(
    'vscode-table',
    { zebra: true, 'bordered-columns': true, columns: withCurrent ? ['20%', '22%', '22%', '12%', '24%'] : ['30%', '35%', '35%'], class: 'plan-parameters', 'aria-label': 'Plan parameters' },
    h('vscode-table-header', { slot: 'header' }, ...titles.map((t) => h('vscode-table-header-cell', {}, t))),
    h('vscode-table-body', { slot: 'body' }, ...rows),
  );
  return h('div', {}, plan.currentValuesNote ? h('p', { class: 'current-values-note subtle' }, plan.currentValuesNote) : undefined, table);
}

function syncButtons(): void {
  executeButton.disabled = busy || !shown?.executable || !!blocked();
  discardButton.disabled = busy || !shown?.discardable;
  executeButton.hidden = !!shown && !shown.executable && !shown.discardable;
  discardButton.hidden = !!shown && !shown.discardable;
}

function renderPlan(plan: PlanView): void {
  if (plan.planId !== state.planId) return;
  shown = plan;
  const waiting = !plan.settled ? progress(`Status ${plan.status}: waiting for the plan…`) : undefined;
  const statusLine = h('p', {}, 'Status: ', h('strong', { class: 'plan-status' }, plan.status), plan.statusMessage ? ` — ${plan.statusMessage}` : '');
  syncButtons();
  const replaced = plan.changes.filter((c) => c.replaces === 'yes').length;
  const mayReplace = plan.changes.filter((c) => c.replaces === 'maybe').length;
  const executed = plan.discardable ? undefined : h('p', { class: 'subtle' }, plan.settled ? 'This plan has been executed.' : 'This plan is being executed.');
  detail.replaceChildren(
    section(
      `Plan ${plan.name}`,
      statusLine,
      versionLine(plan),
      waiting,
      replaced ? banner('warning', `${replaced} resource${replaced === 1 ? ' is' : 's are'} replaced: their physical ids change and data on them may be lost.`) : undefined,
      mayReplace ? banner('warning', `${mayReplace} resource${mayReplace === 1 ? '' : 's'} may be replaced, depending on values CloudFormation knows only when the plan runs.`) : undefined,
      changesTable(plan),
      h('h3', {}, 'Parameters'),
      parametersTable(plan),
      executed,
      h('div', { class: 'actions' }, executeButton, discardButton),
    ),
  );
}

function setBusy(next: boolean, text = ''): void {
  busy = next;
  syncButtons();
  refreshButton.disabled = next;
  if (next) status.replaceChildren(progress(text));
  else if (status.querySelector('.progress')) clear(status);
}

async function execute(): Promise<void> {
  if (busy || !state.planId || !shown?.executable || blocked()) return;
  setBusy(true, 'Executing the plan…');
  try {
    const result = await request('executePlan', { planId: state.planId });
    if ('cancelled' in result) return; // the user said no in the host's confirmation: nothing was sent
    if (shown) shown = { ...shown, executable: false, discardable: false }; // until the pushed status says more
    state.result = result;
    saveState(state);
    status.replaceChildren(executionBanner(result));
  } catch (error) {
    status.replaceChildren(banner('error', `The plan was not executed: ${errorMessage(error)}`));
  } finally {
    setBusy(false);
  }
}

/**
 * No record status reaches this page (only the plan's, pushed while it runs), so the banner names the
 * record and where it is followed instead of a status that would soon be stale.
 */
function executionBanner(result: SubmitResult): HTMLElement {
  return banner(
    'success', h('strong', {}, 'Execution started: '), 'record ', h('code', { class: 'record-id' }, result.recordId),
    '. Follow it in the Service Catalog output; the plan status above changes when it is done.',
  );
}

async function discard(): Promise<void> {
  if (busy || !state.planId || !shown?.discardable) return;
  setBusy(true, 'Deleting the plan…');
  try {
    if ('cancelled' in (await request('deletePlan', { planId: state.planId }))) return;
    status.replaceChildren(banner('info', 'The plan was deleted.'));
    Object.assign(state, { planId: undefined, result: undefined });
    await loadPlans();
  } catch (error) {
    status.replaceChildren(banner('error', `The plan was not deleted: ${errorMessage(error)}`));
  } finally {
    setBusy(false);
  }
}

onPush((message) => {
  if (message.type === 'init') start(message.init);
  else if (message.type === 'plan') renderPlan(message.plan);
  else if (message.type === 'failed') app.replaceChildren(banner('error', message.error.message));
  else if (message.type === 'productChanged') {
    state.change = mergedChange(state.change, message.change);
    state.product = stateAfter(state.product ?? {}, message.change);
    saveState(state);
    notice.replaceChildren(staleFormBanner(state.change, () => void reload(), blocked()));
    syncButtons();
    void loadPlans(); // the shown plan's status (so what it still allows) is read again at once
  }
});
ready();
