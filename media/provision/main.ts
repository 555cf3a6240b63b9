// The provision and update page: product (search as you type), version, launch path, then the form
// built by the host from DescribeProvisioningParameters. Checks the form with the host's own rules
// before sending; keeps what was typed (never NoEcho values) in the page state so hiding the tab loses nothing.
import { validateProvisioningSubmission } from '../../src/core/parameters';
import type { DisplayItem } from '../../src/core/parameters';
import { additionalUsageInstructions } from '../../src/core/parameters/formModel';
import type {
  FormTarget, LoadedForm, PanelInit, PathChoice, ProductChange, ProductChoice, ProductOptions, ProvisionResultAction, SubmitResult,
} from '../../src/core/webview/protocol';
import { banner, clear, fieldGroup, h, onSubmitShortcut, option, progress, section, shortcutHint } from '../shared/dom';
import { BUSY_PRODUCT_STATUSES, humanizeStatus } from '../../src/core/statuses';
import { productTypeName, provisionedProductTypeName } from '../../src/core/products/productTypes';
import { afterInit, blockedReason, mergedChange, staleFormBanner, stateAfter, type ProductState } from '../shared/productNotice';
import { errorMessage, loadState, onPush, ready, request, RequestFailed, saveState } from '../shared/rpc';
import { renderFormView, type FormView, type SavedValues } from './formView';

/** A provisioning this form started, with the record's errors once the tracker reported its end. */
type FinishedResult = SubmitResult & { readonly errors?: readonly string[] };

interface PageState {
  init?: PanelInit;
  query?: string;
  productId?: string;
  versionId?: string;
  pathId?: string;
  values?: SavedValues;
  result?: FinishedResult;
  /** Update forms: the last change heard of the product since the form was loaded (the banner), and its state. */
  change?: ProductChange;
  product?: ProductState;
}

const app = document.getElementById('app')!;
let state: PageState = loadState<PageState>();
let init: PanelInit;
let loaded: LoadedForm | undefined;
let view: FormView | undefined;
let launchPaths: readonly PathChoice[] = [];
/** Whether the product's type has plans (CloudFormation only): Preview changes is offered only then. */
let plansSupported = false;
let busy = false;
let searchSeq = 0;

const regions = {
  header: h('header', {}),
  notice: h('div', { class: 'notice-region', 'aria-live': 'polite' }),
  product: h('div', { class: 'product-region' }),
  version: h('div', { class: 'version-region' }),
  details: h('div', { class: 'details-region' }),
  form: h('div', { class: 'form-region' }),
  actions: h('div', { class: 'actions', hidden: true }),
  status: h('div', { class: 'status-region', 'aria-live': 'polite' }),
};

function persist(): void {
  if (view) state.values = view.savedValues();
  saveState(state);
}

const isUpdate = () => init.kind === 'update';

/** Which form this is: saved input belongs to the same kind of form on the same provisioned product. */
function formKey(i: PanelInit): string {
  return i.kind === 'update' ? `update/${i.provisionedProduct.id}` : i.kind;
}

function start(next: PanelInit): void {
  if (!state.init || formKey(state.init) !== formKey(next)) state = {};
  init = next;
  state.init = next;
  // The host just read the product: its status is the one in force, a saved banner stays only while it holds.
  if (next.kind === 'update') Object.assign(state, { change: undefined }, afterInit(state, next.provisionedProduct));
  persist();
  app.removeAttribute('aria-busy');
  app.replaceChildren(...Object.values(regions));
  renderHeader();
  renderActions();
  clear(regions.notice);
  if (state.change) showChange(state.change);
  else if (blocked()) regions.notice.replaceChildren(banner('warning', blocked()));
  syncButtons();
  if (next.kind === 'update') {
    if (state.result) showResult(state.result);
    void selectProduct(next.current.productId);
  } else if (next.kind === 'provision') {
    // The host says whether this form already provisioned (a restored panel): then it is a result.
    if (next.finished) return showFinished(next.finished);
    state.result = undefined;
    if (next.start && !state.productId) Object.assign(state, { productId: next.start.productId, versionId: next.start.provisioningArtifactId, pathId: next.start.pathId });
    renderProductPicker();
    const productId = state.productId ?? next.productId;
    if (productId) void selectProduct(productId);
  }
}

function renderHeader(): void {
  if (init.kind === 'update') {
    const p = init.provisionedProduct;
    const status = heardStatus() ?? p.status;
    regions.header.replaceChildren(
      h('h1', {}, `Update ${p.name}`),
      // The status the form last heard (the host's read, then every change it was told of), not the one at open.
      h('p', { class: 'subtle product-facts' }, [p.productName, p.provisioningArtifactName, status && humanizeStatus(status), p.type && provisionedProductTypeName(p.type), init.connection].filter(Boolean).join(' · ')),
    );
  } else {
    regions.header.replaceChildren(h('h1', {}, 'Provision a product'), h('p', { class: 'subtle' }, init.connection));
  }
}

/** The status last heard, except a busy one whose record the form heard end (old news until the service says more). */
function heardStatus(): string | undefined {
  const status = state.product?.status;
  const over = !!state.change?.status && !state.change.productStatus && !!status && BUSY_PRODUCT_STATUSES.has(status);
  return over ? '' : status;
}

/** Update forms: why Update and Preview cannot be sent in the product's state now, if they cannot. */
const blocked = () => (isUpdate() ? blockedReason('canUpdate', 'Update', state.product ?? {}) : undefined);

function showChange(change: ProductChange): void {
  regions.notice.replaceChildren(staleFormBanner(change, () => void reload(), blocked()));
  syncButtons();
}

/** Rebuilds the form from the service: the version and path in use, the parameters, the launch role. */
async function reload(): Promise<void> {
  regions.notice.replaceChildren(progress('Reloading…'));
  try {
    const next = await request('reload', {});
    state = {};
    view = undefined;
    loaded = undefined;
    start(next);
  } catch (error) {
    regions.notice.replaceChildren(banner('error', `Could not reload: ${errorMessage(error)}`));
  }
}

function renderProductPicker(): void {
  const search = h('vscode-textfield', { type: 'search', value: state.query ?? '', placeholder: 'Name, owner or description', autocomplete: 'off' });
  search.append(h('vscode-icon', { slot: 'content-before', name: 'search', title: 'search' }));
  const results = h('vscode-single-select', {});
  const info = h('p', { class: 'subtle', 'aria-live': 'polite' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void runSearch(String(search.value), results, info, true), 250);
  });
  results.addEventListener('change', () => {
    const productId = String(results.value);
    about.replaceChildren(...productAbout(shownProducts.find((p) => p.productId === productId)));
    if (productId && productId !== state.productId) void selectProduct(productId);
  });
  regions.product.replaceChildren(
    section(
      'Product',
      fieldGroup({ id: 'product-search', label: 'Search products', control: search }).group,
      fieldGroup({ id: 'product-choice', label: 'Product', required: true, control: results, extra: [info, about] }).group,
    ),
  );
  void runSearch(state.query ?? '', results, info, false);
}

/** The products the picker lists now. */
let shownProducts: readonly ProductChoice[] = [];
const about = h('div', { class: 'product-about', id: 'product-about' });

/** What the catalog says of a product: its description, then who owns and distributes it. */
function productAbout(p: ProductChoice | undefined): HTMLElement[] {
  if (!p) return [];
  const facts = [p.owner && `Owner: ${p.owner}`, p.distributor && `Distributor: ${p.distributor}`, p.type && productTypeName(p.type)].filter(Boolean);
  return [...(p.description ? [h('p', {}, p.description)] : []), ...(facts.length ? [h('p', { class: 'subtle' }, facts.join(' · '))] : [])];
}

/**
 * Lists the products matching `query`. When what the user typed narrows the catalog to one product,
 * that product is chosen (as a search box that finds one thing should); an empty or restored query never
 * chooses for the user.
 */
async function runSearch(query: string, results: HTMLElement, info: HTMLElement, typed: boolean): Promise<void> {
  const mine = ++searchSeq;
  state.query = query;
  persist();
  info.textContent = 'Searching…';
  try {
    const products = await request('searchProducts', { query });
    if (mine !== searchSeq) return; // a newer search is under way
    const only = typed && query.trim() && products.length === 1 ? products[0] : undefined;
    if (only && only.productId !== state.productId) void selectProduct(only.productId);
    fillProducts(results, products);
    info.textContent = only ? `1 product matches: ${only.name} is chosen.` : products.length ? `${products.length} product${products.length === 1 ? '' : 's'}` : 'No products match.';
  } catch (error) {
    if (mine === searchSeq) info.textContent = `Search failed: ${errorMessage(error)}`;
  }
}

/** Each product by name and description (what tells products apart); owner, distributor and type under the list. */
function fillProducts(results: HTMLElement, products: readonly ProductChoice[]): void {
  const selected = state.productId;
  shownProducts = products;
  results.replaceChildren(option('', 'Choose a product…', !products.some((p) => p.productId === selected)));
  for (const p of products) {
    const label = p.description ? `${p.name} — ${p.description}` : p.name;
    const more = [p.owner && `Owner: ${p.owner}`, p.distributor && `Distributor: ${p.distributor}`, p.type && productTypeName(p.type)].filter(Boolean).join(' · ');
    results.append(option(p.productId, label, p.productId === selected, more));
  }
  about.replaceChildren(...productAbout(products.find((p) => p.productId === selected)));
}

/** What the user typed that is not about one product: the name, free tags and notification ARNs. */
function productIndependentValues({ name, tags, notificationArns }: SavedValues = {}): SavedValues {
  return { name, tags, notificationArns };
}

/** Parameter values and TagOption choices belong to the product they were given for. */
function switchProduct(productId: string): void {
  persist();
  view = undefined;
  loaded = undefined;
  Object.assign(state, { productId, versionId: undefined, pathId: undefined, values: productIndependentValues(state.values) });
}

async function selectProduct(productId: string): Promise<void> {
  if (state.productId !== productId) switchProduct(productId);
  persist();
  clear(regions.form);
  clear(regions.details);
  regions.actions.hidden = true;
  regions.version.replaceChildren(progress('Loading versions and launch paths…'));
  try {
    const options = await request('loadProduct', { productId });
    if (state.productId !== productId) return;
    renderVersionAndPath(options);
  } catch (error) {
    regions.version.replaceChildren(banner('error', `Could not load the product: ${errorMessage(error)}`));
  }
}

function versionLabel(v: ProductOptions['versions'][number]): string {
  return `${v.name}${v.current ? ' (current)' : ''}${v.deprecated ? ' — deprecated' : ''}${v.inactive ? ' — no longer offered' : ''}`;
}

/** What the version's field says under it: the version's description, or why an inactive version is listed. */
function versionDescription(v: ProductOptions['versions'][number] | undefined): string {
  if (v?.inactive) return 'The product no longer offers this version; an update can stay on it but cannot return to it once changed.';
  return v?.description ?? '';
}

/** The role name of a path's LAUNCH constraint ("…:role/SCLaunchRole-Platform"): what tells two paths apart. */
function launchRoleName(path: PathChoice): string | undefined {
  const launch = path.constraints.find((c) => c.startsWith('LAUNCH'));
  return launch?.match(/:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)/)?.[1];
}

/** An update form's path line names no role: its update runs as the product's own role (see launchRoles). */
function launchPathLabel(path: PathChoice): string {
  const role = isUpdate() ? undefined : launchRoleName(path);
  return role ? `${path.name} · launch role ${role}` : path.name;
}

function launchPathGroup(paths: readonly PathChoice[]): HTMLElement {
  const select = h('vscode-single-select', {});
  if (!state.pathId) select.append(option('', 'Choose a launch path…', true));
  for (const p of paths) select.append(option(p.id, launchPathLabel(p), p.id === state.pathId, p.constraints.join(' · ')));
  select.addEventListener('change', () => {
    state.pathId = String(select.value) || undefined;
    void loadParameters();
  });
  const description = 'This product is shared through more than one portfolio; each may apply other constraints (launch role, tags, notifications).';
  return fieldGroup({ id: 'launch-path', label: 'Launch path', required: true, control: select, description }).group;
}

function renderVersionAndPath(options: ProductOptions): void {
  const versionId = options.versions.some((v) => v.id === state.versionId) ? state.versionId : options.preselectedVersionId;
  const versions = h('vscode-single-select', {});
  for (const v of options.versions) versions.append(option(v.id, versionLabel(v), v.id === versionId));
  const describeVersion = () => versionDescription(options.versions.find((v) => v.id === versions.value));
  const versionGroup = fieldGroup({ id: 'version', label: 'Version', required: true, control: versions, description: describeVersion() || ' ' });
  versions.addEventListener('change', () => {
    state.versionId = String(versions.value);
    versionGroup.group.querySelector('.field-description')!.textContent = describeVersion();
    void loadParameters();
  });
  state.versionId = versionId;
  const parts: HTMLElement[] = [versionGroup.group];
  launchPaths = options.paths;
  plansSupported = options.plansSupported;
  renderActions();
  state.pathId = launchPaths.some((p) => p.id === state.pathId) ? state.pathId : options.preselectedPathId;
  if (launchPaths.length > 1) parts.push(launchPathGroup(launchPaths));
  else if (launchPaths.length === 1) parts.push(h('p', { class: 'subtle' }, `Launch path: ${launchPathLabel(launchPaths[0])}`));
  regions.version.replaceChildren(section(isUpdate() ? `Version of ${options.productName}` : `${options.productName}: version and launch path`, ...parts));
  void loadParameters();
}

/** With several launch paths the service needs one named; until then there is nothing to ask it. */
const awaitingLaunchPath = () => launchPaths.length > 1 && !state.pathId;

async function loadParameters(): Promise<void> {
  persist();
  if (!state.productId || !state.versionId) return;
  loaded = undefined;
  view = undefined;
  regions.actions.hidden = true;
  clear(regions.details);
  if (awaitingLaunchPath()) return void regions.form.replaceChildren(h('p', { class: 'subtle' }, 'Choose a launch path to see its parameters.'));
  const target: FormTarget = { productId: state.productId, provisioningArtifactId: state.versionId, ...(state.pathId ? { pathId: state.pathId } : {}) };
  regions.form.replaceChildren(progress('Loading parameters…'));
  try {
    const result = await request('loadParameters', target);
    if (!isCurrent(result.target)) return;
    renderForm(result);
  } catch (error) {
    if (isCurrent(target)) regions.form.replaceChildren(banner('error', `Could not load the parameters: ${errorMessage(error)}`));
  }
}

/** A slower answer for an earlier choice must not replace the form of the current one. */
function isCurrent(target: FormTarget): boolean {
  return target.productId === state.productId && target.provisioningArtifactId === state.versionId && (target.pathId ?? undefined) === state.pathId;
}

function displayList(title: string, items: readonly DisplayItem[]): HTMLElement | undefined {
  if (!items.length) return undefined;
  return h('div', {}, h('h3', {}, title), h('ul', {}, ...items.map((i) => h('li', {}, h('code', {}, i.type), ' ', i.value))));
}

function renderForm(result: LoadedForm): void {
  loaded = result;
  const form = result.form;
  const details = [...launchRoles(form.launchRoleArn), displayList('Constraints', form.constraintSummaries), displayList('Usage instructions', additionalUsageInstructions(form))].filter(Boolean) as HTMLElement[];
  regions.details.replaceChildren(...(details.length ? [h('details', { class: 'about', open: true }, h('summary', {}, 'About this launch'), ...details)] : []));
  view = renderFormView(form, state.values ?? {}, result.diff, persist, init.kind === 'update' ? init.listedTags : undefined);
  // Why the values in use are not shown (each parameter keeps its own): one sentence the host wrote.
  const note = result.currentValuesNote ? banner('info', result.currentValuesNote) : undefined;
  note?.classList.add('current-values-note');
  regions.form.replaceChildren(...(note ? [note] : []), view.element);
  regions.actions.hidden = false;
  persist();
}

function roleLine(label: string, arn: string): HTMLElement {
  return h('p', {}, h('span', { class: 'codicon codicon-shield', 'aria-hidden': 'true' }), ` ${label}: `, h('code', {}, arn));
}

/**
 * An update runs as the provisioned product's own launch role (Change Launch Role sets it); the path's
 * LAUNCH constraint is what a new launch would use, and is labelled as such when it differs.
 */
function launchRoles(constraintRole: string | undefined): HTMLElement[] {
  if (init.kind !== 'update') return constraintRole ? [roleLine('Launch role', constraintRole)] : [];
  // As the service decides: on the product's own path the update keeps its launch role; another path's constraint replaces it.
  const samePath = (state.pathId ?? undefined) === (init.current.pathId ?? undefined);
  const runsAs = samePath ? init.launchRoleArn : constraintRole;
  return [
    runsAs
      ? roleLine(samePath ? 'This update runs as the provisioned product\'s launch role' : 'This update runs as the launch role of the chosen path', runsAs)
      : h('p', { class: 'subtle' }, 'This update runs with no launch role (the provisioned product has none): as your own credentials.'),
    ...(constraintRole && constraintRole !== runsAs ? [roleLine('Launch constraint of this path (for new launches)', constraintRole)] : []),
  ];
}

const submitButton = h('vscode-button', { icon: 'rocket', onclick: () => void send('submit') });
const previewButton = h('vscode-button', { secondary: true, icon: 'diff', onclick: () => void send('preview') });
/** Provision forms: the values as a spec file (the host asks where); nothing is sent to AWS. */
const saveSpecButton = h('vscode-button', { secondary: true, icon: 'save', id: 'save-spec', onclick: () => void send('saveSpec') }, 'Save as Spec File');

function renderActions(): void {
  submitButton.textContent = isUpdate() ? 'Update' : 'Provision';
  previewButton.textContent = 'Preview changes';
  regions.actions.replaceChildren(submitButton, ...(plansSupported ? [previewButton] : []), ...(isUpdate() ? [] : [saveSpecButton]), shortcutHint('submits'));
}

function syncButtons(): void {
  submitButton.disabled = busy || !!blocked();
  previewButton.disabled = busy || !!blocked();
  saveSpecButton.disabled = busy;
}

function setBusy(next: boolean, text = ''): void {
  busy = next;
  syncButtons();
  app.setAttribute('aria-busy', String(next));
  if (next) regions.status.replaceChildren(progress(text));
}

function showErrors(errors: Readonly<Record<string, string>>, lead: string): void {
  const unplaced = view!.errors.showAll(errors);
  regions.status.replaceChildren(banner('error', lead, ...(unplaced.length ? [h('ul', {}, ...unplaced.map((m) => h('li', {}, m)))] : [])));
}

/** The outcome sits under the buttons: bring it into view (focus stays where the user is). */
function revealStatus(): void {
  regions.status.scrollIntoView({ block: 'nearest' });
}

const BUSY_TEXT = { submit: 'Sending the request…', preview: 'Creating a plan…', saveSpec: 'Saving the spec file…' } as const;

async function send(kind: 'submit' | 'preview' | 'saveSpec'): Promise<void> {
  if (busy || !loaded || !view || (kind !== 'saveSpec' && blocked())) return;
  const submission = view.collect();
  const check = validateProvisioningSubmission(loaded.form, submission);
  const nothing = kind === 'saveSpec' ? 'nothing was saved' : 'nothing was sent';
  if (!check.valid) return showErrors(check.errors, `Fix the highlighted fields; ${nothing}.`);
  view.errors.clearAll();
  setBusy(true, BUSY_TEXT[kind]);
  try {
    if (kind === 'submit') {
      const result = await request('submit', { target: loaded.target, submission });
      if (isUpdate()) showResult(result);
      else showFinished(result);
    } else if (kind === 'preview') {
      const plan = await request('preview', { target: loaded.target, submission });
      regions.status.replaceChildren(banner('success', `Plan ${plan.planName} created. Its changes open in the plans tab, where you can execute or discard it.`));
    } else {
      const saved = await request('saveSpec', { target: loaded.target, submission });
      const noEcho = loaded.form.fields.some((f) => f.noEcho) ? ' NoEcho values are not in the file: it reads them from environment variables.' : '';
      if ('saved' in saved) regions.status.replaceChildren(banner('success', 'Saved as ', h('code', {}, saved.saved), `: it is open beside this form, and Apply there provisions it.${noEcho}`));
    }
  } catch (error) {
    const lead = kind === 'saveSpec' ? 'The spec file was not saved; your input is kept. ' : 'The request failed; your input is kept. ';
    if (error instanceof RequestFailed && error.payload.fieldErrors) showErrors(error.payload.fieldErrors, error.payload.message);
    else regions.status.replaceChildren(banner('error', h('strong', {}, lead), errorMessage(error)));
    revealStatus();
  } finally {
    setBusy(false);
    if (regions.status.querySelector('.progress')) clear(regions.status);
  }
}

function showResult(result: SubmitResult): void {
  state.result = result;
  persist();
  regions.status.replaceChildren(
    banner(
      'success', h('strong', {}, `${isUpdate() ? 'Update' : 'Provisioning'} started: `), 'record ', h('code', { class: 'record-id' }, result.recordId),
      ...(result.provisionedProductName ? [' for ', h('strong', {}, result.provisionedProductName)] : []), '. Follow it in the Service Catalog output and the tree.',
    ),
  );
  revealStatus();
}

/**
 * A provision form that started its provisioning becomes its result: nothing left to edit or submit
 * (the host refuses a second submission anyway), and what a user does next is one button away.
 */
function showFinished(result: FinishedResult): void {
  Object.assign(state, { result, values: undefined });
  view = undefined;
  loaded = undefined;
  persist();
  for (const region of [regions.product, regions.version, regions.details, regions.form]) clear(region);
  regions.actions.hidden = true;
  clear(regions.status);
  const outcome = h('p', { class: 'subtle', 'aria-live': 'polite', id: 'result-outcome' });
  const button = (action: ProvisionResultAction, icon: string, label: string, secondary = true) =>
    h('vscode-button', { icon, secondary, 'data-action': action, onclick: () => void resultAction(action, outcome) }, label);
  const recordLine = h('p', {}, 'Record ', h('code', { class: 'record-id' }, result.recordId), ' ', button('copyRecordId', 'copy', 'Copy'));
  regions.form.replaceChildren(
    section(
      provisionHeading(result.status),
      provisionOutcome(result),
      recordLine,
      h('div', { class: 'actions result-actions' },
        button('follow', 'eye', 'Follow', false),
        ...(result.provisionedProductId ? [button('reveal', 'list-tree', 'Reveal in tree')] : []),
        button('provisionAnother', 'add', 'Provision another'),
      ),
      outcome,
    ),
  );
  regions.form.scrollIntoView({ block: 'nearest' });
}

/** The record's end as the service reported it; until then, only that it started. */
function provisionHeading(status: string | undefined): string {
  return status === 'SUCCEEDED' ? 'Provisioning succeeded' : status === 'FAILED' ? 'Provisioning failed' : 'Provisioning started';
}

function provisionOutcome(result: FinishedResult): HTMLElement {
  const forName = result.provisionedProductName ? [' for ', h('strong', {}, result.provisionedProductName)] : [];
  const heading = h('strong', {}, provisionHeading(result.status));
  if (result.status === 'SUCCEEDED') return banner('success', heading, ...forName, '. The provisioned product is available in the tree.');
  if (result.status === 'FAILED') {
    const errors = result.errors?.length ? h('ul', { class: 'record-errors' }, ...result.errors.map((e) => h('li', {}, e))) : undefined;
    return banner('error', heading, ...forName, '. The Service Catalog output has the record\'s history.', errors);
  }
  return banner('info', heading, ...forName, '. Service Catalog is creating it; the tree and the Service Catalog output follow it to its end.');
}

async function resultAction(action: ProvisionResultAction, outcome: HTMLElement): Promise<void> {
  try {
    await request('provisionResult', { action });
    outcome.textContent = action === 'copyRecordId' ? 'Record id copied.' : '';
  } catch (error) {
    outcome.textContent = errorMessage(error);
  }
}

onSubmitShortcut(() => void send('submit'));

onPush((message) => {
  if (message.type === 'init') start(message.init);
  else if (message.type === 'failed') app.replaceChildren(banner('error', h('strong', {}, 'This form could not open. '), message.error.message));
  else if (message.type === 'productChanged' && init?.kind === 'provision') {
    const { change } = message;
    if (state.result && change.startedHere && change.recordId === state.result.recordId && change.status) {
      showFinished({ ...state.result, status: change.status, ...(change.errors ? { errors: change.errors } : {}) });
    }
  } else if (message.type === 'productChanged' && init?.kind === 'update') {
    state.change = mergedChange(state.change, message.change);
    state.product = stateAfter(state.product ?? {}, message.change);
    persist();
    renderHeader();
    showChange(state.change);
  }
});
ready();
