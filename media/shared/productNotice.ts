// The one stale-form banner: every form of a provisioned product (update, plans, self-service action)
// says the same when an operation on it ended or the tree saw it change, with a Reload button that
// rebuilds the form from the service; and the one check of what the product's state still allows.
import { productCapabilities, type ProductCapability } from '../../src/core/products/capabilities';
import type { ProductChange } from '../../src/core/webview/protocol';
import { banner, h } from './dom';

/** What a page knows of its product's state: the status last heard, and whether it is gone. */
export interface ProductState {
  readonly status?: string;
  readonly gone?: boolean;
}

/** The state after a change: a change that says nothing of the status keeps the one known. */
export function stateAfter(state: ProductState, change: ProductChange): ProductState {
  return { status: change.productStatus ?? state.status, gone: !!(state.gone || change.gone) };
}

/** Why the page's action (e.g. "Update") cannot be sent in this state, or undefined when it can. */
export function blockedReason(capability: ProductCapability, action: string, state: ProductState): string | undefined {
  if (state.gone) return `${action} is unavailable: this provisioned product no longer exists.`;
  if (state.status && !productCapabilities({ Status: state.status }).includes(capability)) {
    return `${action} is unavailable while the provisioned product is ${state.status}; Reload once the operation on it has ended.`;
  }
  return undefined;
}

/**
 * What the banner says after `next`: about the same record, both sources together (the record's type
 * and outcome from the tracker, the product's status and version from the tree); otherwise `next`.
 */
export function mergedChange(previous: ProductChange | undefined, next: ProductChange): ProductChange {
  if (!previous || !next.recordId || previous.recordId !== next.recordId) return next;
  const { productStatus, ...merged } = { ...previous, ...next };
  // A record that ended says nothing of the product's status: the status heard while it ran is over.
  const statusOver = !!next.status && !next.productStatus;
  return statusOver || !productStatus ? merged : { ...merged, productStatus };
}

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
