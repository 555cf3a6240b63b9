// The one stale-form banner: every form of a provisioned product (update, plans, self-service action)
// says the same when an operation on it ended or the tree saw it change, with a Reload button that
// rebuilds the form from the service; and the one check of what the product's state still allows.
import type { ProductChange } from '../../src/core/webview/protocol';
import { banner, h } from './dom';

export { afterInit, blockedReason, mergedChange, stateAfter, type ProductState } from '../../src/core/webview/productState';

const words = (text: string) => text.toLowerCase().replace(/_/g, ' ');

/** "update provisioned product succeeded (record rec-…); status AVAILABLE; version v1.1". */
function whatChanged(change: ProductChange): string {
  const record = change.recordType
    ? `${words(change.recordType)}${change.status ? ` ${words(change.status)}` : ''}${change.recordId ? ` (record ${change.recordId})` : ''}`
    : change.recordId ? `last record ${change.recordId}` : '';
  const version = change.version ? `version ${change.version.name ?? change.version.id}` : '';
  const status = change.gone ? 'it no longer exists' : change.productStatus ? `status ${change.productStatus}` : '';
  return [record, status, version].filter(Boolean).join('; ');
}

/** What the user did, by the record's type: "update", "plan execution", "action", "provisioning". */
export function operationName(recordType: string | undefined): string {
  const names: Record<string, string> = {
    PROVISION_PRODUCT: 'provisioning', UPDATE_PROVISIONED_PRODUCT: 'update', TERMINATE_PROVISIONED_PRODUCT: 'termination',
    EXECUTE_PROVISIONED_PRODUCT_PLAN: 'plan execution', EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION: 'action',
  };
  return (recordType && names[recordType]) || 'operation';
}

/** The outcome of the operation this form started: "Your update succeeded (record rec-…)." or failed with the record's errors. */
function ownOutcome(change: ProductChange, onReload: () => void, blocked?: string): HTMLElement {
  const what = `Your ${operationName(change.recordType)}`;
  const record = change.recordId ? ` (record ${change.recordId})` : '';
  const ended = change.status === 'SUCCEEDED' ? 'succeeded' : change.status ? words(change.status) : undefined;
  const failed = !!change.status && change.status !== 'SUCCEEDED';
  const reload = h('vscode-button', { class: 'reload', icon: 'refresh', secondary: true, onclick: onReload }, 'Reload');
  return banner(
    failed ? 'error' : 'info',
    h('strong', { class: 'own-outcome' }, ended ? `${what} ${ended}${record}.` : `${what}${record} is under way${change.productStatus ? `; status ${change.productStatus}` : ''}.`),
    failed && change.errors?.length ? h('ul', { class: 'record-errors' }, ...change.errors.map((e) => h('li', {}, e))) : undefined,
    ended ? ' Reload to edit the product as it is now.' : '',
    blocked ? h('p', { class: 'blocked-reason' }, blocked) : undefined,
    h('div', { class: 'banner-actions' }, reload),
  );
}

/** The banner; `blocked` says which action the product's state stops, if any. */
export function staleFormBanner(change: ProductChange, onReload: () => void, blocked?: string): HTMLElement {
  if (change.startedHere) return ownOutcome(change, onReload, blocked);
  const failed = change.status === 'FAILED' || change.gone || !!blocked;
  const reload = h('vscode-button', { class: 'reload', icon: 'refresh', secondary: true, onclick: onReload }, 'Reload');
  return banner(
    failed ? 'warning' : 'info',
    h('strong', {}, 'This provisioned product changed since the form was loaded'),
    `: ${whatChanged(change) || 'see the Service Catalog output'}. What the form shows may be out of date. `,
    blocked ? h('p', { class: 'blocked-reason' }, blocked) : undefined,
    h('div', { class: 'banner-actions' }, reload),
  );
}
