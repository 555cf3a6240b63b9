// The embedded sandbox's host: the timeScale setting is a default that SANDBOX_TIME_SCALE overrides
// (parsed by the sandbox's knob table only), the scale reported for durations is the one the sandbox
// runs at, and `hasStarted` says a start was asked for (already true while starting).
import { fakeVscode } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { SandboxHost } from '../../../src/connections/sandboxHost';
import { startSandbox, type SandboxOptions } from '../../../src/sandbox/index';
import { fakeService } from '../../support/sandbox';
import { SANDBOX_ADMIN, SANDBOX_READER, SANDBOX_USER } from '../../../src/sandbox/identities';

type Start = ConstructorParameters<typeof SandboxHost>[1] & {};

describe('the embedded sandbox host', () => {
  let dir: string;
  const workspace = fakeVscode.workspace as Record<string, unknown>;
  const originalJoinPath = fakeVscode.Uri.joinPath;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sce-host-'));
    workspace.fs = { createDirectory: async () => undefined };
    fakeVscode.Uri.joinPath = (base: unknown, ...parts: string[]) => {
      const fsPath = join((base as { fsPath: string }).fsPath, ...parts);
      return { fsPath, toString: () => fsPath };
    };
  });
  after(() => {
    delete workspace.fs;
    fakeVscode.Uri.joinPath = originalJoinPath;
    rmSync(dir, { recursive: true, force: true });
  });

  const storage = () => ({ fsPath: dir }) as vscode.Uri;
  /** The real startSandbox with a fake service, as if the extension host's environment were `env`. */
  const startWith = (env: NodeJS.ProcessEnv, seen: Partial<SandboxOptions>[] = []): Start => (options) => {
    seen.push(options ?? {});
    return startSandbox({ ...options, env, service: fakeService() });
  };
  const aws = { kind: 'aws' } as const;

  it('the setting is the default: the sandbox runs at it, and durations are scaled by it', async () => {
    const seen: Partial<SandboxOptions>[] = [];
    const host = new SandboxHost(storage(), startWith({}, seen));
    try {
      const connection = await host.connection(5);
      assert.equal(host.timeScaleOf(connection), 5);
      assert.equal(host.timeScaleOf(aws), 1);
      assert.deepEqual(seen.map((o) => [o.timeScale, o.defaults?.timeScale, o.defaults?.stateFile]), [[undefined, 5, join(dir, 'sandbox-state.json')]]);
    } finally {
      await host.stop();
    }
  });

  it('SANDBOX_TIME_SCALE wins over the setting, and is what durations are scaled by', async () => {
    const host = new SandboxHost(storage(), startWith({ SANDBOX_TIME_SCALE: '600' }));
    try {
      assert.equal(host.timeScaleOf(await host.connection(5)), 600);
    } finally {
      await host.stop();
    }
  });

  it('signs as the caller asked for: the end user by default, the admin\'s keys for admin, from one sandbox', async () => {
    const seen: Partial<SandboxOptions>[] = [];
    const host = new SandboxHost(storage(), startWith({}, seen));
    try {
      const endUser = await host.connection(5);
      const admin = await host.connection(5, 'admin');
      const reader = await host.connection(5, 'readOnly');
      assert.deepEqual([endUser.caller, endUser.accessKeyId], ['endUser', SANDBOX_USER.accessKeyId]);
      assert.deepEqual([admin.caller, admin.accessKeyId, admin.secretAccessKey], ['admin', SANDBOX_ADMIN.accessKeyId, SANDBOX_ADMIN.secretAccessKey]);
      assert.equal(reader.accessKeyId, SANDBOX_READER.accessKeyId);
      assert.equal(admin.endpoint, endUser.endpoint);
      assert.equal(seen.length, 1, 'one sandbox serves every caller');
    } finally {
      await host.stop();
    }
  });

  it('hasStarted: true from the moment a start is asked for, false after stop or a failed start', async () => {
    const host = new SandboxHost(storage(), startWith({}));
    assert.equal(host.hasStarted, false);
    const connecting = host.connection(5);
    assert.equal(host.hasStarted, true, 'already while starting');
    const connection = await connecting;
    assert.equal(host.hasStarted, true);
    await host.stop();
    assert.equal(host.hasStarted, false, 'stopped: a connection to it needs a new start');
    assert.equal(host.timeScaleOf(connection), 1, 'no sandbox runs');

    const failing = new SandboxHost(storage(), startWith({ SANDBOX_TIME_SCALE: 'fast' }));
    await assert.rejects(failing.connection(5), /timeScale: expected a number/);
    assert.equal(failing.hasStarted, false, 'a failed start is not a start');
  });
});
