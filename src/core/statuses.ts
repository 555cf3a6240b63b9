// Every status fact, in one place, without the SDK or vscode (the extension bundle and the webviews use
// them; the SDK loads lazily): which provisioned-product statuses are busy or settled, which record
// and plan statuses are terminal, and the icon and colour each status is shown with. The tree, the
// tooltips and the picks draw their icons from here (src/products/statusStyle makes them ThemeIcons).

/** Provisioned products an operation is running on: auto-refresh re-reads them until they settle. */
export const BUSY_PRODUCT_STATUSES: ReadonlySet<string> = new Set(['UNDER_CHANGE', 'PLAN_IN_PROGRESS']);

/** Provisioned products nothing runs on: they can be updated, terminated and have their properties changed. */
export const SETTLED_PRODUCT_STATUSES: ReadonlySet<string> = new Set(['AVAILABLE', 'TAINTED', 'ERROR']);

/** Record statuses after which DescribeRecord will not change: the record's operation has ended. */
export const TERMINAL_RECORD_STATUSES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED']);

/** Record statuses of an operation still running: only such a record names what runs on its product now. */
export const UNFINISHED_RECORD_STATUSES: ReadonlySet<string> = new Set(['CREATED', 'IN_PROGRESS', 'IN_PROGRESS_IN_ERROR']);

export function isTerminalRecordStatus(status: string | undefined): boolean {
  return status !== undefined && TERMINAL_RECORD_STATUSES.has(status);
}

/** Whether a record's operation ended well (a terminal status that is not FAILED). */
export function isRecordSucceeded(status: string | undefined): boolean {
  return status === 'SUCCEEDED';
}

/** A record that says its provisioned product is gone: a terminate that succeeded. */
export function isTerminationEnd(record: { readonly RecordType?: string; readonly Status?: string }): boolean {
  return record.RecordType === 'TERMINATE_PROVISIONED_PRODUCT' && isRecordSucceeded(record.Status);
}

/** A provisioned product in its normal state: the tree says no status word for it. */
export function isHealthyProductStatus(status: string | undefined): boolean {
  return status === 'AVAILABLE';
}

/** Plan statuses after which DescribeProvisionedProductPlan will not change by itself. */
export const SETTLED_PLAN_STATUSES: ReadonlySet<string> = new Set(['CREATE_SUCCESS', 'CREATE_FAILED', 'EXECUTE_SUCCESS', 'EXECUTE_FAILED']);

/** Plan statuses whose plan has been (or is being) executed: nothing is left to execute or discard. */
export const EXECUTED_PLAN_STATUSES: ReadonlySet<string> = new Set(['EXECUTE_IN_PROGRESS', 'EXECUTE_SUCCESS']);

/**
 * A codicon and a theme colour id. `spin`: turning where the surface can animate (tree, picks).
 * Every colour here has a value in all four theme kinds, high contrast included (VS Code's registry
 * leaves list.errorForeground and list.warningForeground empty there, so icons lost their colour).
 */
export interface StatusIcon {
  readonly codicon: string;
  readonly color: string;
  readonly spin?: boolean;
}

/** The Problems panel's icon colours (from editorError/editorWarning.foreground), for anything shown as an error or a warning. */
export const PROBLEM_COLORS = { error: 'problemsErrorIcon.foreground', warning: 'problemsWarningIcon.foreground' } as const;

const UNKNOWN_STATUS_ICON: StatusIcon = { codicon: 'question', color: 'disabledForeground' };

const PRODUCT_STATUS_ICONS: Readonly<Record<string, StatusIcon>> = {
  AVAILABLE: { codicon: 'pass-filled', color: 'testing.iconPassed' },
  UNDER_CHANGE: { codicon: 'sync', color: 'charts.blue', spin: true },
  PLAN_IN_PROGRESS: { codicon: 'loading', color: 'charts.purple', spin: true },
  TAINTED: { codicon: 'warning', color: PROBLEM_COLORS.warning },
  ERROR: { codicon: 'error', color: PROBLEM_COLORS.error },
};

const RECORD_STATUS_ICONS: Readonly<Record<string, StatusIcon>> = {
  CREATED: { codicon: 'circle-large-outline', color: 'charts.blue' },
  IN_PROGRESS: { codicon: 'sync', color: 'charts.blue', spin: true },
  IN_PROGRESS_IN_ERROR: { codicon: 'sync', color: PROBLEM_COLORS.warning, spin: true },
  SUCCEEDED: { codicon: 'pass', color: 'testing.iconPassed' },
  FAILED: { codicon: 'error', color: PROBLEM_COLORS.error },
};

/** Every provisioned-product status the service defines (the filter's pick offers each). */
export const PRODUCT_STATUSES: readonly string[] = Object.keys(PRODUCT_STATUS_ICONS);

/** An operation started from the tree, shown on its product until the record arrives ("Updating…"). */
export const ACTIVITY_ICON: StatusIcon = { codicon: 'loading', color: 'charts.blue', spin: true };

export function productStatusIcon(status: string | undefined): StatusIcon {
  return ownEntry(PRODUCT_STATUS_ICONS, status) ?? UNKNOWN_STATUS_ICON;
}

export function recordStatusIcon(status: string | undefined): StatusIcon {
  return ownEntry(RECORD_STATUS_ICONS, status) ?? UNKNOWN_STATUS_ICON;
}

/** The icon id with its `~spin` modifier where it spins (`sync~spin`), as ThemeIcon and `$(…)` take it. */
export function iconId(icon: StatusIcon): string {
  return icon.spin ? `${icon.codicon}~spin` : icon.codicon;
}

// Statuses come from the service: `constructor` must not find Object.prototype's.
function ownEntry(table: Readonly<Record<string, StatusIcon>>, status: string | undefined): StatusIcon | undefined {
  return status !== undefined && Object.hasOwn(table, status) ? table[status] : undefined;
}

/** "UNDER_CHANGE" → "Under change": any of the services' status codes, in words (callers make service text inert). */
export function humanizeStatus(status: string | undefined): string {
  if (!status) return 'Unknown';
  const words = status.toLowerCase().split('_');
  return [words[0].charAt(0).toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' ');
}
