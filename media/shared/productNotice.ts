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

/** The banner; `blocked` says which action the product's state stops, if any. */
export function staleFormBanner(change: ProductChange, onReload: () => void, blocked?: string): HTMLElement {
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
