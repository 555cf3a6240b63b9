// SDK shapes → the small, plain view models the webviews render (protocol.ts).
import type {
  ExecutionParameter, LaunchPathSummary, ProductViewSummary, ProvisioningArtifact, RecordDetail,
} from '@aws-sdk/client-service-catalog';
import type { PlanWithChanges } from '../aws/provisioningService';
import { EXECUTED_PLAN_STATUSES, SETTLED_PLAN_STATUSES } from '../core/statuses';
import { inert } from '../core/untrustedText';
import type {
  ActionParameterView, PathChoice, PlanView, ProductChoice, SubmitResult, VersionChoice, VersionRef,
} from '../core/webview/protocol';
import { planCurrentValuesNote, planParameterRows, resourceChangeRow, type StackValuesForPlan } from '../core/plans/planView';

/** The longest name, owner, description or distributor the service accepts (CreateProduct). */
const PRODUCT_TEXT_MAX = 8191;

/**
 * A product in the picker; its name, owner, description and distributor are the catalog admin's text
 * (untrusted). The page sets them as DOM text only (media/shared/dom `h`, never HTML), where no syntax
 * is live: they go as the service wrote them, whole, without the control, bidirectional and invisible
 * characters that would make a line read differently from what it is.
 */
export function productChoice(p: ProductViewSummary): ProductChoice {
  const shown = (text: string | undefined) => (text ? inert(text, 'line', { maxLength: PRODUCT_TEXT_MAX }) || undefined : undefined);
  const [owner, description, distributor] = [shown(p.Owner), shown(p.ShortDescription), shown(p.Distributor)];
  return {
    productId: p.ProductId ?? '',
    name: shown(p.Name) ?? p.ProductId ?? '?',
    ...(owner ? { owner } : {}),
    ...(description ? { description } : {}),
    ...(distributor ? { distributor } : {}),
    ...(p.Type ? { type: p.Type } : {}),
  };
}

/** A version as the picker shows it: a version without a name (real catalogs have them) shows its id. */
export function versionChoice(a: ProvisioningArtifact, currentId?: string): VersionChoice {
  const name = a.Name ? inert(a.Name, 'line') : '';
  const description = a.Description ? inert(a.Description, 'line', { maxLength: PRODUCT_TEXT_MAX }) : '';
  return {
    id: a.Id ?? '',
    name: name || a.Id || '?',
    ...(description ? { description } : {}),
    deprecated: a.Guidance === 'DEPRECATED',
    ...(currentId && a.Id === currentId ? { current: true } : {}),
  };
}

/** Newest first: the order users pick from. */
export function newestFirst(versions: readonly ProvisioningArtifact[]): ProvisioningArtifact[] {
  return [...versions].sort((a, b) => (b.CreatedTime?.getTime() ?? 0) - (a.CreatedTime?.getTime() ?? 0));
}

/** The newest version not marked deprecated; the newest of all when every one is. */
export function defaultVersionId(newestFirstVersions: readonly ProvisioningArtifact[]): string | undefined {
  return (newestFirstVersions.find((a) => a.Guidance !== 'DEPRECATED') ?? newestFirstVersions[0])?.Id;
}

export function pathChoice(p: LaunchPathSummary): PathChoice {
  return {
    id: p.Id ?? '',
    name: p.Name ?? p.Id ?? '?',
    constraints: (p.ConstraintSummaries ?? []).map((c) => [c.Type, c.Description].filter(Boolean).join(': ')),
  };
}

/** The versions a plan view names: the plan's, and the one its provisioned product runs now. */
export interface PlanVersions {
  readonly version?: VersionRef;
  readonly currentVersion?: VersionRef;
}

/** What a plan view compares its parameters with: the stack's values, or why they are not known. */
export interface PlanContext extends PlanVersions {
  readonly current?: StackValuesForPlan;
}

export function planView({ details, resourceChanges }: PlanWithChanges, versions: PlanContext = {}): PlanView {
  const status = details.Status ?? 'UNKNOWN';
  return {
    planId: details.PlanId ?? '',
    name: details.PlanName ?? details.PlanId ?? '?',
    status,
    ...(details.StatusMessage ? { statusMessage: details.StatusMessage } : {}),
    ...(details.ProvisionProductName ? { provisionedProductName: details.ProvisionProductName } : {}),
    settled: SETTLED_PLAN_STATUSES.has(status),
    executable: status === 'CREATE_SUCCESS',
    discardable: !EXECUTED_PLAN_STATUSES.has(status),
    changes: resourceChanges.map(resourceChangeRow),
    ...(versions.version ? { version: versions.version } : {}),
    ...(versions.currentVersion ? { currentVersion: versions.currentVersion } : {}),
    parameters: planParameterRows(details.ProvisioningParameters ?? [], resourceChanges, versions.current),
    ...(versions.current && 'cause' in versions.current ? { currentValuesNote: planCurrentValuesNote(versions.current.cause) } : {}),
  };
}

export function submitResult(record: RecordDetail): SubmitResult {
  return {
    recordId: record.RecordId ?? '',
    ...(record.RecordType ? { recordType: record.RecordType } : {}),
    ...(record.Status ? { status: record.Status } : {}),
    ...(record.ProvisionedProductId ? { provisionedProductId: record.ProvisionedProductId } : {}),
    ...(record.ProvisionedProductName ? { provisionedProductName: record.ProvisionedProductName } : {}),
  };
}

const TARGET_EXPLANATION =
  'Filled in by Service Catalog from this provisioned product (the resource the action runs on). Keep it unless the action\'s owner told you otherwise.';

export function actionParameterView(p: ExecutionParameter): ActionParameterView {
  const type = p.Type ?? 'TEXT_VALUE';
  return {
    name: p.Name ?? '?',
    type,
    defaultValues: [...(p.DefaultValues ?? [])],
    ...(type === 'TARGET' ? { explanation: TARGET_EXPLANATION } : {}),
  };
}
