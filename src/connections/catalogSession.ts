// Owns the current connection and its API client. Everything that talks to Service Catalog asks the
// session for `api`, and listens to `onDidChange` to start over when the connection changes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CatalogApi } from '../aws/catalogApi';
import type { ProvisioningService } from '../aws/provisioningService';
import { connectionIdentity, connectionLabel, isRegionCode, type AwsConnection, type Connection, type ConnectionIdentity } from '../core/connection';
import type { CatalogFacts } from '../core/catalog/catalogFacts';
import { classifyError, type Failure } from '../core/errors';
import { STACK_ACCESS_HINT } from '../core/stacks/stackAccess';
import { ConnectionStacks } from './connectionStacks';
import { Disposable } from '../ui/disposable';
import { log } from '../ui/log';
import { notify } from '../ui/notifications';
import { loadAwsModule } from './lazyModules';
import { CatalogCache } from './catalogCache';
import { SandboxHost } from './sandboxHost';
import { CONNECTION_SETTING_KEYS, readSettings, SETTING_KEYS, settingChanged, updateSetting, type Settings } from './settings';

export type SessionState =
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'connecting'; readonly label: string }
  | { readonly kind: 'connected'; readonly connection: Connection; readonly api: CatalogApi }
  | { readonly kind: 'failed'; readonly label: string; readonly failure: Failure };

export class CatalogSession extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<SessionState>());
  readonly onDidChange = this.changed.event;
  private current: SessionState = { kind: 'signedOut' };
  private generation = 0;
  private readonly provisioningServices = new WeakMap<CatalogApi, ProvisioningService>();
  private currentStacks?: { readonly api: CatalogApi; readonly stacks: ConnectionStacks };
  /** The catalog reads per connection (keyed by `provisioning`), shared by the forms, record documents and spec files. */
  readonly catalog = new CatalogCache({ warn: (message) => log().warn(message) });

  constructor(private readonly sandbox: SandboxHost) {
    super();
    this.register(sandbox);
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.reconnectsOn(e)) void this.connectFromSettings();
      }),
    );
  }

  /** A connection setting changed; the sandbox's caller matters only while the sandbox is what is used. */
  private reconnectsOn(e: vscode.ConfigurationChangeEvent): boolean {
    const others = CONNECTION_SETTING_KEYS.filter((key) => key !== SETTING_KEYS.sandboxIdentity);
    return settingChanged(e, ...others) || (settingChanged(e, SETTING_KEYS.sandboxIdentity) && readSettings().backend === 'sandbox');
  }

  get state(): SessionState {
    return this.current;
  }

  get api(): CatalogApi | undefined {
    return this.current.kind === 'connected' ? this.current.api : undefined;
  }

  /** The form calls of the current connection: one instance per connection (it keys the catalog cache). */
  get provisioning(): ProvisioningService | undefined {
    const api = this.api;
    if (!api) return undefined;
    let service = this.provisioningServices.get(api);
    if (!service) this.provisioningServices.set(api, (service = new (loadAwsModule().ProvisioningService)(api.client)));
    return service;
  }

  /** The current connection's catalog, as the spec files' checks and completions read it; undefined unless connected. */
  get catalogFacts(): CatalogFacts | undefined {
    const provisioning = this.provisioning;
    return provisioning && this.catalog.of(provisioning);
  }

  /**
   * The CloudFormation reads of the current connection (one per connection: its access gate is the
   * connection's). The first refusal is told once, as a hint naming the actions needed.
   */
  get stacks(): ConnectionStacks | undefined {
    if (this.current.kind !== 'connected') return undefined;
    const { api, connection } = this.current;
    if (this.currentStacks?.api !== api) {
      this.currentStacks?.stacks.dispose();
      const stacks = new ConnectionStacks(connection);
      stacks.gate.onDenied((message) => {
        log().warn(`CloudFormation refused this connection: ${message}`);
        void notify.warning(STACK_ACCESS_HINT);
      });
      this.currentStacks = { api, stacks };
    }
    return this.currentStacks.stacks;
  }

  /** Which connection is in use (its stable key and its label); undefined unless connected. */
  get identity(): ConnectionIdentity | undefined {
    return this.current.kind === 'connected' ? connectionIdentity(this.current.connection) : undefined;
  }

  get label(): string {
    const s = this.current;
    if (s.kind === 'connected') return connectionLabel(s.connection);
    if (s.kind === 'signedOut') return connectionLabel(undefined);
    return s.label;
  }

  /** Connects as the settings say; `auto` picks AWS only when some credentials are configured. */
  async connectFromSettings(): Promise<SessionState> {
    const settings = readSettings();
    if (settings.backend === 'sandbox') return this.connect('Sandbox', () => this.sandbox.connection(settings.sandboxTimeScale, settings.sandboxIdentity), settings);
    if (settings.backend === 'aws' || (await awsIsConfigured(settings))) {
      return this.connect('AWS', () => resolveAwsConnection(settings), settings);
    }
    return this.setState({ kind: 'signedOut' });
  }

  async useSandbox(): Promise<SessionState> {
    await updateSetting('backend', 'sandbox');
    return this.connectFromSettings();
  }

  async useAws(profile: string | undefined, region: string): Promise<SessionState> {
    await updateSetting('profile', profile ?? '');
    await updateSetting('region', region);
    await updateSetting('backend', 'aws');
    return this.connectFromSettings();
  }

  private async connect(label: string, resolve: () => Promise<Connection>, settings: Settings): Promise<SessionState> {
    const generation = ++this.generation;
    this.setState({ kind: 'connecting', label: `${label}…` });
    try {
      const connection = await resolve();
      const { CatalogApi } = loadAwsModule();
      const api = new CatalogApi(connection, { accessLevel: settings.accessLevel, language: settings.language });
      if (generation !== this.generation) {
        api.dispose();
        return this.current;
      }
      if (connection.kind === 'aws') await this.sandbox.stop();
      return this.setState({ kind: 'connected', connection, api });
    } catch (error) {
      if (generation !== this.generation) return this.current;
      const failure = classifyError(error, settings.profile);
      log().error(`Could not connect (${label}): ${failure.message}`);
      return this.setState({ kind: 'failed', label, failure });
    }
  }

  private setState(next: SessionState): SessionState {
    const previous = this.current;
    if (previous.kind === 'connected' && previous !== next) {
      previous.api.dispose();
      this.currentStacks?.stacks.dispose();
      this.currentStacks = undefined;
    }
    this.current = next;
    this.changed.fire(next);
    return next;
  }

  override dispose(): void {
    if (this.current.kind === 'connected') this.current.api.dispose();
    this.currentStacks?.stacks.dispose();
    super.dispose();
  }
}

async function awsIsConfigured(settings: Settings): Promise<boolean> {
  if (settings.profile || process.env.AWS_PROFILE || process.env.AWS_ACCESS_KEY_ID) return true;
  // Only load the SDK bundle to read profiles when there are shared files to read.
  if (!sharedFilesExist()) return false;
  try {
    const profiles = await loadAwsModule().listProfiles();
    return profiles.some((p) => p.name === 'default');
  } catch {
    return false;
  }
}

function sharedFilesExist(): boolean {
  const aws = path.join(os.homedir(), '.aws');
  const config = process.env.AWS_CONFIG_FILE ?? path.join(aws, 'config');
  const credentials = process.env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(aws, 'credentials');
  return fs.existsSync(config) || fs.existsSync(credentials);
}

async function resolveAwsConnection(settings: Settings): Promise<AwsConnection> {
  const profile = settings.profile ?? process.env.AWS_PROFILE;
  let region = settings.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) {
    const profiles = await loadAwsModule().listProfiles().catch(() => []);
    region = profiles.find((p) => p.name === (profile ?? 'default'))?.region;
  }
  // The region becomes part of the endpoint's host name; it comes from settings or ~/.aws/config.
  if (region && !isRegionCode(region)) throw new Error(`"${region.slice(0, 40)}" is not a region code (such as eu-west-1). Fix the region setting or the profile's region.`);
  return { kind: 'aws', profile: settings.profile, region: region ?? 'us-east-1' };
}
