// The self-service action page: the actions of the product's version, the chosen action's parameters
// (TARGET ones prefilled and explained), and the run.
import { givenValue } from '../../src/core/parameters/submission';
import type { ActionChoice, ActionForm, PanelInit, ProductChange, SubmitResult } from '../../src/core/webview/protocol';
import {
  banner, domId, FieldErrors, fieldGroup, h, onSubmitShortcut, option, progress, section, shortcutHint, type FieldControl,
} from '../shared/dom';
import { afterInit, blockedReason, mergedChange, staleFormBanner, stateAfter, type ProductState } from '../shared/productNotice';
import { errorMessage, loadState, onPush, ready, request, RequestFailed, saveState } from '../shared/rpc';

interface PageState {
  init?: PanelInit;
  actionId?: string;
  values?: Record<string, string>;
  result?: SubmitResult;
  /** The last change heard of the product since the form was loaded (the banner), and its state. */
  change?: ProductChange;
  product?: ProductState;
}

const app = document.getElementById('app')!;
let state: PageState = loadState<PageState>();
let actions: ActionChoice[] = [];
let form: ActionForm | undefined;
let controls = new Map<string, FieldControl>();
let errors = new FieldErrors();
let busy = false;
const actionSelect = h('vscode-single-select', {});
const actionInfo = h('p', { class: 'field-description' });
const formRegion = h('div', {});
const status = h('div', { class: 'status-region', 'aria-live': 'polite' });
const notice = h('div', { class: 'notice-region', 'aria-live': 'polite' });
const runButton = h('vscode-button', { icon: 'play', onclick: () => void run(), disabled: true }, 'Run action');

function start(init: PanelInit): void {
  if (init.kind !== 'action') return;
  if (state.init?.kind !== 'action' || state.init.provisionedProduct.id !== init.provisionedProduct.id) state = {};
  state.init = init;
  // The host just read the product: its status is the one in force, a saved banner stays only while it holds.
  Object.assign(state, { change: undefined }, afterInit(state, init.provisionedProduct));
  saveState(state);
  const p = init.provisionedProduct;
  app.removeAttribute('aria-busy');
  actionSelect.onchange = () => void chooseAction(String(actionSelect.value));
  app.replaceChildren(
    h('header', {}, h('h1', {}, `Run an action on ${p.name}`), h('p', { class: 'subtle' }, [p.productName, p.provisioningArtifactName, p.status, init.connection].filter(Boolean).join(' · '))),
    notice,
    section('Action', fieldGroup({ id: 'action-choice', label: 'Self-service action', required: true, control: actionSelect, extra: [actionInfo] }).group),
    formRegion,
    h('div', { class: 'actions' }, runButton, shortcutHint('runs the action')),
    status,
  );
  if (state.result) showResult(state.result);
  if (state.change) showChange(state.change);
  else if (blocked()) notice.replaceChildren(banner('warning', blocked()));
  void loadActions();
}

const blocked = () => blockedReason('canRunAction', 'Running an action', state.product ?? {});

function syncRunButton(): void {
  runButton.disabled = busy || !form || !!blocked();
}

function showChange(change: ProductChange): void {
  notice.replaceChildren(staleFormBanner(change, () => void reload(), blocked()));
  syncRunButton();
}

/** Rebuilds the form from the service: the product's version (so its actions) and their parameters. */
async function reload(): Promise<void> {
  notice.replaceChildren(progress('Reloading…'));
  try {
    const next = await request('reload', {});
    state = {};
    start(next);
  } catch (error) {
    notice.replaceChildren(banner('error', `Could not reload: ${errorMessage(error)}`));
  }
}

async function loadActions(): Promise<void> {
  formRegion.replaceChildren(progress('Loading the actions of this version…'));
  try {
    actions = await request('listActions', {});
    if (!actions.length) return formRegion.replaceChildren(banner('info', 'No self-service actions are associated with this product version.'));
    const chosen = actions.some((a) => a.id === state.actionId) ? state.actionId! : actions[0].id;
    actionSelect.replaceChildren(...actions.map((a) => option(a.id, a.name, a.id === chosen)));
    await chooseAction(chosen);
  } catch (error) {
    formRegion.replaceChildren(banner('error', `Could not list the actions: ${errorMessage(error)}`));
  }
}

async function chooseAction(actionId: string): Promise<void> {
  if (state.actionId !== actionId) Object.assign(state, { actionId, values: undefined });
  saveState(state);
  const action = actions.find((a) => a.id === actionId);
  actionInfo.textContent = [action?.description, action?.definitionType].filter(Boolean).join(' · ');
  runButton.disabled = true;
  form = undefined; // nothing runs (Ctrl+Enter included) until this action's parameters are shown
  formRegion.replaceChildren(progress('Loading the action’s parameters…'));
  try {
    const described = await request('describeAction', { actionId });
    if (state.actionId !== actionId) return;
    form = described;
    renderParameters(described);
  } catch (error) {
    formRegion.replaceChildren(banner('error', `Could not read the action’s parameters: ${errorMessage(error)}`));
  }
}

function renderParameters(f: ActionForm): void {
  errors = new FieldErrors();
  controls = new Map();
  const groups = f.parameters.map((p) => {
    const control = h('vscode-textfield', { value: givenValue(state.values, p.name) ?? p.defaultValues.join(','), autocomplete: 'off' }) as FieldControl;
    control.addEventListener('input', () => {
      state.values = Object.fromEntries([...controls].map(([name, c]) => [name, valueOf(c)]));
      saveState(state);
    });
    controls.set(p.name, control);
    const { group, error } = fieldGroup({ id: domId('action-param', p.name), label: p.name, required: true, control, description: [p.type, p.explanation].filter(Boolean).join(' — ') });
    errors.register(`parameters.${p.name}`, error, control);
    return group;
  });
  formRegion.replaceChildren(section('Parameters', ...(groups.length ? groups : [h('p', { class: 'subtle' }, 'This action takes no parameters.')])));
  syncRunButton();
}

const valueOf = (control: FieldControl) => String((control as unknown as { value: string }).value ?? '');

async function run(): Promise<void> {
  if (busy || !form || blocked()) return;
  const parameters = Object.fromEntries([...controls].map(([name, c]) => [name, valueOf(c)]));
  const missing = Object.fromEntries(Object.entries(parameters).filter(([, v]) => !v.trim()).map(([k]) => [`parameters.${k}`, `${k} needs a value.`]));
  if (errors.showAll(missing).length || Object.keys(missing).length) return;
  busy = true;
  runButton.disabled = true;
  status.replaceChildren(progress('Starting the action…'));
  try {
    showResult(await request('runAction', { actionId: form.actionId, parameters }));
  } catch (error) {
    if (error instanceof RequestFailed && error.payload.fieldErrors) errors.showAll(error.payload.fieldErrors);
    status.replaceChildren(banner('error', h('strong', {}, 'The action did not start; your input is kept. '), errorMessage(error)));
  } finally {
    busy = false;
    syncRunButton();
  }
}

function showResult(result: SubmitResult): void {
  state.result = result;
  saveState(state);
  status.replaceChildren(
    banner('success', h('strong', {}, 'Action started: '), 'record ', h('code', { class: 'record-id' }, result.recordId), '. It is followed in the “Service Catalog” output.'),
  );
}

onSubmitShortcut(() => void run());

onPush((message) => {
  if (message.type === 'init') start(message.init);
  else if (message.type === 'failed') app.replaceChildren(banner('error', message.error.message));
  else if (message.type === 'productChanged') {
    state.change = mergedChange(state.change, message.change);
    state.product = stateAfter(state.product ?? {}, message.change);
    saveState(state);
    showChange(state.change);
  }
});
ready();
