import * as vscode from 'vscode';
import { isSandboxCaller, languageFromLocale, type AccessLevel, type CatalogLanguage, type SandboxCaller } from '../core/connection';

export const SECTION = 'serviceCatalogExplorer';

/**
 * Every setting's key under SECTION, as package.json declares it (a unit test holds the two together):
 * code reads settings through readSettings and asks about changes with settingChanged, never by
 * spelling `serviceCatalogExplorer.<key>` again.
 */
export const SETTING_KEYS = {
  backend: 'backend',
  profile: 'profile',
  region: 'region',
  accessLevel: 'accessLevel',
  language: 'language',
  autoRefreshEnabled: 'autoRefresh.enabled',
  autoRefreshIntervalSeconds: 'autoRefresh.intervalSeconds',
  groupBy: 'groupBy',
  sandboxTimeScale: 'sandbox.timeScale',
  sandboxIdentity: 'sandbox.identity',
  confirmTerminateByTyping: 'confirmTerminateByTyping',
} as const;

export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

/** The settings that decide where calls go and what they ask for: a change reconnects. */
export const CONNECTION_SETTING_KEYS: readonly SettingKey[] = [
  SETTING_KEYS.backend, SETTING_KEYS.profile, SETTING_KEYS.region, SETTING_KEYS.accessLevel, SETTING_KEYS.language, SETTING_KEYS.sandboxIdentity,
];

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
  /** Which sandbox caller the embedded sandbox connection signs as. */
  readonly sandboxIdentity: SandboxCaller;
  readonly confirmTerminateByTyping: boolean;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const k = SETTING_KEYS;
  const language = c.get<string>(k.language) || languageFromLocale(vscode.env.language);
  return {
    backend: resolveBackend(c.get<Backend>(k.backend, 'auto')),
    profile: c.get<string>(k.profile) || undefined,
    region: c.get<string>(k.region) || undefined,
    accessLevel: c.get<AccessLevel>(k.accessLevel, 'User'),
    language: language as CatalogLanguage,
    autoRefresh: c.get<boolean>(k.autoRefreshEnabled, true),
    autoRefreshIntervalMs: Math.max(1, c.get<number>(k.autoRefreshIntervalSeconds, 5)) * 1000,
    groupBy: c.get<GroupBy>(k.groupBy, 'none'),
    sandboxTimeScale: c.get<number>(k.sandboxTimeScale, 5),
    sandboxIdentity: sandboxCaller(c.get<unknown>(k.sandboxIdentity)),
    confirmTerminateByTyping: c.get<boolean>(k.confirmTerminateByTyping, false),
  };
}

export async function updateSetting(key: SettingKey, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * Changes a setting where its current value comes from: a workspace's value would otherwise keep
 * winning over the user's.
 */
export async function updateEffectiveSetting(key: SettingKey, value: unknown): Promise<void> {
  const configuration = vscode.workspace.getConfiguration(SECTION);
  const fromWorkspace = configuration.inspect(key)?.workspaceValue !== undefined;
  await configuration.update(key, value, fromWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}

/**
 * Whether a configuration change touches any of `keys` (a key also covers the settings under it:
 * 'autoRefresh' covers autoRefresh.enabled and autoRefresh.intervalSeconds).
 */
export function settingChanged(event: vscode.ConfigurationChangeEvent, ...keys: readonly (SettingKey | SettingGroup)[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
}

type GroupOf<K> = K extends `${infer Group}.${string}` ? Group : never;
/** The first part of the dotted keys ('autoRefresh', 'sandbox'), naming all the settings under it. */
export type SettingGroup = GroupOf<SettingKey>;

/** A value outside the enum (a hand-edited settings file) is the default end user, never a guess. */
function sandboxCaller(configured: unknown): SandboxCaller {
  return isSandboxCaller(configured) ? configured : 'endUser';
}

/** SCE_DEFAULT_BACKEND lets the start script and tests choose when the user has not. */
function resolveBackend(configured: Backend): Backend {
  const fromEnv = process.env.SCE_DEFAULT_BACKEND;
  if (configured === 'auto' && (fromEnv === 'aws' || fromEnv === 'sandbox')) return fromEnv;
  return configured;
}
