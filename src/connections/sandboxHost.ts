// Runs the local sandbox catalog inside the extension host, on a free loopback port. Its state is kept
// in the extension's global storage so provisioned products and records survive a window reload.
import * as vscode from 'vscode';
import type { SandboxConnection } from '../core/connection';
import { log } from '../ui/log';
import { loadSandboxModule } from './lazyModules';

type RunningSandbox = Awaited<ReturnType<typeof import('../sandbox/index').startSandbox>>;

export class SandboxHost implements vscode.Disposable {
  private running?: Promise<RunningSandbox>;

  constructor(private readonly storageUri: vscode.Uri) {}

  async connection(timeScale: number): Promise<SandboxConnection> {
    this.running ??= this.start(timeScale);
    const sandbox = await this.running.catch((error) => {
      this.running = undefined;
      throw error;
    });
    return {
      kind: 'sandbox',
      endpoint: sandbox.endpoint,
      region: sandbox.region,
      accessKeyId: sandbox.credentials.accessKeyId,
      secretAccessKey: sandbox.credentials.secretAccessKey,
    };
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  private async start(timeScale: number): Promise<RunningSandbox> {
    await vscode.workspace.fs.createDirectory(this.storageUri);
    const stateFile = process.env.SANDBOX_STATE_FILE ?? vscode.Uri.joinPath(this.storageUri, 'sandbox-state.json').fsPath;
    // Environment knobs (SANDBOX_*) still apply: tests and benchmarks set them for the extension host.
    const sandbox = await loadSandboxModule().startSandbox({ timeScale, stateFile, ...knobOverridesFromEnv() });
    log().info(`Sandbox catalog listening at ${sandbox.endpoint} (state: ${stateFile})`);
    return sandbox;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running) await (await running).stop();
  }

  dispose(): void {
    void this.stop();
  }
}

function knobOverridesFromEnv(): { timeScale?: number } {
  const scale = Number(process.env.SANDBOX_TIME_SCALE);
  return Number.isFinite(scale) && scale > 0 ? { timeScale: scale } : {};
}
