// Status → icon and colour, shared by provisioned products and records.
import * as vscode from 'vscode';

export const BUSY_PRODUCT_STATUSES: ReadonlySet<string> = new Set(['UNDER_CHANGE', 'PLAN_IN_PROGRESS']);
export const TERMINAL_RECORD_STATUSES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED']);

const PRODUCT_ICONS: Record<string, [string, string]> = {
  AVAILABLE: ['pass-filled', 'testing.iconPassed'],
  UNDER_CHANGE: ['sync~spin', 'charts.blue'],
  PLAN_IN_PROGRESS: ['loading~spin', 'charts.purple'],
  TAINTED: ['warning', 'list.warningForeground'],
  ERROR: ['error', 'list.errorForeground'],
};

const RECORD_ICONS: Record<string, [string, string]> = {
  CREATED: ['circle-large-outline', 'charts.blue'],
  IN_PROGRESS: ['sync~spin', 'charts.blue'],
  IN_PROGRESS_IN_ERROR: ['sync~spin', 'list.warningForeground'],
  SUCCEEDED: ['pass', 'testing.iconPassed'],
  FAILED: ['error', 'list.errorForeground'],
};

export function productStatusIcon(status: string | undefined): vscode.ThemeIcon {
  return themeIcon(PRODUCT_ICONS[status ?? ''] ?? ['question', 'disabledForeground']);
}

export function recordStatusIcon(status: string | undefined): vscode.ThemeIcon {
  return themeIcon(RECORD_ICONS[status ?? ''] ?? ['question', 'disabledForeground']);
}

/** The icon's id without the `~spin` modifier, e.g. for tests and the legend. */
export function productStatusIconId(status: string | undefined): string {
  return productStatusIcon(status).id;
}

/** "UNDER_CHANGE" → "Under change". */
export function humanize(status: string | undefined): string {
  if (!status) return 'Unknown';
  const words = status.toLowerCase().split('_');
  return [words[0][0].toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' ');
}

function themeIcon([id, color]: [string, string]): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, new vscode.ThemeColor(color));
}
