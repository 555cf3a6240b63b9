// Runs the local sandbox catalog inside the extension host, on a free loopback port. Its state is kept
// in the extension's global storage so provisioned products and records survive a window reload.
import * as vscode from 'vscode';
import type { SandboxCaller, SandboxConnection } from '../core/connection';
import { log } from '../ui/log';
import { loadSandboxModule } from './lazyModules';

type SandboxModule = typeof import('../sandbox/index');
type RunningSandbox = Awaited<ReturnType<SandboxModule['startSandbox']>>;
type StartSandbox = SandboxModule['startSandbox'];

export class SandboxHost implements vscode.Disposable {
  private starting?: Promise<RunningSandbox>;
  private started?: RunningSandbox;

  /** `startSandbox`: the sandbox bundle's, loaded on first use (tests pass it in). */
  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly startSandbox: StartSandbox = (options) => loadSandboxModule().startSandbox(options),
  ) {}

  /**
   * `timeScale`: the setting's; a SANDBOX_TIME_SCALE variable wins over it (read by the sandbox's knobs
   * only). `caller`: whose keys the connection signs with (one sandbox serves them all).
   */
  async connection(timeScale: number, caller: SandboxCaller = 'endUser'): Promise<SandboxConnection> {
    const starting = (this.starting ??= this.start(timeScale));
    const sandbox = await starting.catch((error) => {
      if (this.starting === starting) this.starting = undefined;
      throw error;
    });
    if (this.starting === starting) this.started = sandbox;
    const credentials = sandbox.credentialsOf(caller);
    return {
      kind: 'sandbox',
      endpoint: sandbox.endpoint,
      region: sandbox.region,
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      caller,
    };
  }

  /**
   * A start was asked for and neither failed nor was stopped since: true already while the sandbox is
   * still starting, not only once it listens. False means a connection to it needs a new start.
   */
  get hasStarted(): boolean {
    return this.starting !== undefined;
  }

  /**
   * How much faster than real time the sandbox a connection talks to runs (1 for AWS): the knob the
   * running sandbox actually took, so durations read from its history can be scaled back.
   */
  timeScaleOf(connection: { readonly kind: string }): number {
    return connection.kind === 'sandbox' ? (this.started?.knobs.timeScale ?? 1) : 1;
  }

  /** Changes the running sandbox's live knobs (fault injection: throttling, dropped connections); tests use it. */
  setKnobs(partial: Parameters<RunningSandbox['setKnobs']>[0]): void {
    if (!this.started) throw new Error('The sandbox is not running.');
    this.started.setKnobs(partial);
  }

  /** The running sandbox's call counters (by operation, throttled, dropped); tests read them to see what was sent. */
  stats(): ReturnType<RunningSandbox['stats']> {
    if (!this.started) throw new Error('The sandbox is not running.');
    return this.started.stats();
  }

  private async start(timeScale: number): Promise<RunningSandbox> {
    await vscode.workspace.fs.createDirectory(this.storageUri);
    // Settings are defaults: the sandbox's own SANDBOX_* variables (tests and benchmarks set them for
    // the extension host) win over them, parsed by the sandbox's knob table alone.
    const defaults = { timeScale, stateFile: vscode.Uri.joinPath(this.storageUri, 'sandbox-state.json').fsPath };
    const sandbox = await this.startSandbox({ defaults });
    log().info(`Sandbox catalog listening at ${sandbox.endpoint} (state: ${sandbox.knobs.stateFile || 'none'})`);
    return sandbox;
  }

  async stop(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    this.started = undefined;
    if (starting) await (await starting).stop();
  }

  dispose(): void {
    void this.stop();
  }
}
