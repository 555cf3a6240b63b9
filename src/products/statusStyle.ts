// Status → ThemeIcon, from the one status table (src/core/statuses), for provisioned products and records.
import * as vscode from 'vscode';
import { ACTIVITY_ICON, iconId, PROBLEM_COLORS, productStatusIcon as productIcon, recordStatusIcon as recordIcon, type StatusIcon } from '../core/statuses';

export function productStatusIcon(status: string | undefined): vscode.ThemeIcon {
  return themeIcon(productIcon(status));
}

export function recordStatusIcon(status: string | undefined): vscode.ThemeIcon {
  return themeIcon(recordIcon(status));
}

/** The icon of a product an operation started from the tree is running on. */
export function activityIcon(): vscode.ThemeIcon {
  return themeIcon(ACTIVITY_ICON);
}

/** The error icon of a tree row that says something failed (e.g. "Could not load"), coloured in every theme. */
export function errorIcon(): vscode.ThemeIcon {
  return new vscode.ThemeIcon('error', new vscode.ThemeColor(PROBLEM_COLORS.error));
}

/**
 * `$(icon)` of a status for text that renders icons (markdown tooltips, quick picks). `animate`: spin
 * where the tree does (picks); tooltips show it still.
 */
export function statusGlyph(icon: StatusIcon, animate: boolean): string {
  return `$(${animate ? iconId(icon) : icon.codicon})`;
}

function themeIcon(icon: StatusIcon): vscode.ThemeIcon {
  return new vscode.ThemeIcon(iconId(icon), new vscode.ThemeColor(icon.color));
}
