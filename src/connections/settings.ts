import * as vscode from 'vscode';
import { languageFromLocale, type AccessLevel, type CatalogLanguage } from '../core/connection';

export const SECTION = 'serviceCatalogExplorer';

export type Backend = 'auto' | 'aws' | 'sandbox';
export type GroupBy = 'none' | 'status' | 'product';

export interface Settings {
  readonly backend: Backend;
  readonly profile?: string;
  readonly region?: string;
  readonly accessLevel: AccessLevel;
  readonly language: CatalogLanguage;
  readonly autoRefresh: boolean;
  readonly autoRefreshIntervalMs: number;
  readonly groupBy: GroupBy;
  readonly sandboxTimeScale: number;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const language = c.get<string>('language') || languageFromLocale(vscode.env.language);
  return {
    backend: resolveBackend(c.get<Backend>('backend', 'auto')),
    profile: c.get<string>('profile') || undefined,
    region: c.get<string>('region') || undefined,
    accessLevel: c.get<AccessLevel>('accessLevel', 'User'),
    language: language as CatalogLanguage,
    autoRefresh: c.get<boolean>('autoRefresh.enabled', true),
    autoRefreshIntervalMs: Math.max(1, c.get<number>('autoRefresh.intervalSeconds', 5)) * 1000,
    groupBy: c.get<GroupBy>('groupBy', 'none'),
    sandboxTimeScale: c.get<number>('sandbox.timeScale', 5),
  };
}

export async function updateSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

/** SCE_DEFAULT_BACKEND lets the start script and tests choose when the user has not. */
function resolveBackend(configured: Backend): Backend {
  const fromEnv = process.env.SCE_DEFAULT_BACKEND;
  if (configured === 'auto' && (fromEnv === 'aws' || fromEnv === 'sandbox')) return fromEnv;
  return configured;
}
