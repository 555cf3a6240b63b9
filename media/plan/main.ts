// The plans page of a provisioned product: pick a plan, watch it until it is ready, read its resource
// changes (action, logical id, type, replacement), then execute or discard it.
import type { PanelInit, PlanRow, PlanView, SubmitResult } from '../../src/core/webview/protocol';
import { banner, clear, fieldGroup, h, option, progress, section } from '../shared/dom';
import { errorMessage, loadState, onPush, ready, request, saveState } from '../shared/rpc';

interface PageState {
  init?: PanelInit;
  planId?: string;
  result?: SubmitResult;
}

const app = document.getElementById('app')!;
let state: PageState = loadState<PageState>();
let busy = false;
const header = h('header', {});
const list = h('div', {});
const detail = h('div', { class: 'plan-detail' });
const status = h('div', { class: 'status-region', 'aria-live': 'polite' });
const planSelect = h('vscode-single-select', {});
const executeButton = h('vscode-button', { icon: 'play', onclick: () => void execute() }, 'Execute plan');
const discardButton = h('vscode-button', { secondary: true, icon: 'trash', onclick: () => void discard() }, 'Discard plan');
const refreshButton = h('vscode-button', { secondary: true, icon: 'refresh', onclick: () => void loadPlans() }, 'Refresh');

function start(init: PanelInit): void {
  if (init.kind !== 'plans') return;
  if (state.init?.kind !== 'plans' || state.init.provisionedProduct.id !== init.provisionedProduct.id) state = {};
  state.init = init;
  if (init.focusPlanId) state.planId = init.focusPlanId;
  saveState(state);
  app.removeAttribute('aria-busy');
  header.replaceChildren(h('h1', {}, `Plans of ${init.provisionedProduct.name}`), h('p', { class: 'subtle' }, init.connection));
  planSelect.addEventListener('change', () => void showPlan(String(planSelect.value)));
  list.replaceChildren(section('Plans', fieldGroup({ id: 'plan-choice', label: 'Plan', control: planSelect }).group, h('div', { class: 'actions' }, refreshButton)));
  app.replaceChildren(header, list, detail, status);
  if (state.result) status.replaceChildren(executionBanner(state.result));
  void loadPlans();
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

/** The page knows one version's name, the provisioned product's own; other versions show their id. */
function versionName(artifactId: string): string {
  const product = state.init?.kind === 'plans' ? state.init.provisionedProduct : undefined;
  if (artifactId !== product?.provisioningArtifactId || !product.provisioningArtifactName) return artifactId;
  return `${product.provisioningArtifactName} (current version)`;
}

function planLabel(p: PlanRow): string {
  return p.provisioningArtifactId ? `${p.name} · ${versionName(p.provisioningArtifactId)}` : p.name;
}

function fillPlans(plans: readonly PlanRow[]): void {
  planSelect.replaceChildren(...plans.map((p) => option(p.planId, planLabel(p), p.planId === state.planId)));
}

async function showPlan(planId: string): Promise<void> {
  if (!planId) return;
  state.planId = planId;
  saveState(state);
  detail.replaceChildren(progress('Reading the plan…'));
  try {
    renderPlan(await request('describePlan', { planId }));
  } catch (error) {
    detail.replaceChildren(banner('error', `Could not read the plan: ${errorMessage(error)}`));
  }
}

function changesTable(plan: PlanView): HTMLElement {
  if (!plan.changes.length) return h('p', { class: 'subtle' }, plan.settled ? 'No resource changes.' : 'Resource changes appear when the plan is ready.');
  const headerCells = ['Action', 'Logical ID', 'Resource type', 'Replacement'].map((t) => h('vscode-table-header-cell', {}, t));
  const rows = plan.changes.map((c) =>
    h(
      'vscode-table-row',
      {},
      h('vscode-table-cell', {}, h('span', { class: `change change-${c.action.toLowerCase()}` }, c.action)),
      h('vscode-table-cell', {}, h('code', {}, c.logicalId), c.physicalId ? h('span', { class: 'subtle' }, ` ${c.physicalId}`) : ''),
      h('vscode-table-cell', {}, c.resourceType),
      h('vscode-table-cell', {}, h('span', { class: c.replacement === 'TRUE' ? 'replacement-true' : c.replacement === 'CONDITIONAL' ? 'replacement-conditional' : '' }, c.replacement)),
    ),
  );
  return h(
    'vscode-table',
    { zebra: true, 'bordered-columns': true, resizable: true, columns: ['15%', '35%', '35%', '15%'], class: 'changes', 'aria-label': 'Resource changes' },
    h('vscode-table-header', { slot: 'header' }, ...headerCells),
    h('vscode-table-body', { slot: 'body' }, ...rows),
  );
}

function renderPlan(plan: PlanView): void {
  if (plan.planId !== state.planId) return;
  const waiting = !plan.settled ? progress(`Status ${plan.status}: waiting for the plan…`) : undefined;
  const statusLine = h('p', {}, 'Status: ', h('strong', { class: 'plan-status' }, plan.status), plan.statusMessage ? ` — ${plan.statusMessage}` : '');
  executeButton.disabled = busy || !plan.executable;
  discardButton.disabled = busy;
  const replaced = plan.changes.filter((c) => c.replacement === 'TRUE').length;
  detail.replaceChildren(
    section(
      `Plan ${plan.name}`,
      statusLine,
      waiting,
      replaced ? banner('warning', `${replaced} resource${replaced === 1 ? ' is' : 's are'} replaced: their physical ids change and data on them may be lost.`) : undefined,
      changesTable(plan),
      h('div', { class: 'actions' }, executeButton, discardButton),
    ),
  );
}

function setBusy(next: boolean, text = ''): void {
  busy = next;
  executeButton.disabled = next;
  discardButton.disabled = next;
  refreshButton.disabled = next;
  if (next) status.replaceChildren(progress(text));
  else if (status.querySelector('.progress')) clear(status);
}

async function execute(): Promise<void> {
  if (busy || !state.planId) return;
  setBusy(true, 'Executing the plan…');
  try {
    const result = await request('executePlan', { planId: state.planId });
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
  if (busy || !state.planId) return;
  setBusy(true, 'Deleting the plan…');
  try {
    await request('deletePlan', { planId: state.planId });
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
  else if (message.type === 'productChanged') void loadPlans(); // an executed plan leaves the list, a new one may come
});
ready();
