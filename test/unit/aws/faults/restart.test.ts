// The sandbox stops mid-operation and comes back from its state file; meanwhile the window "reloads"
// (a new RecordTailer over the same TailStore). The new tailer resumes the record and reports its final
// status exactly once; the old one reports nothing, and a later resume reports nothing again.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import type { CatalogApi } from '../../../../src/aws/catalogApi';
import { ProvisioningService } from '../../../../src/aws/provisioningService';
import { fixedPollPolicy, MemoryTailStore, RecordTailer } from '../../../../src/core/records/index';
import type { Sandbox } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { startTestSandbox } from '../../../support/sandbox';
import { extensionApi, sleep } from '../../../support/faults';

const P = SEED.products.devInstance;

function tailerFor(api: CatalogApi, store: MemoryTailStore, finals: RecordDetail[]): RecordTailer {
  const tailer = new RecordTailer({
    describeRecord: async (id) => {
      const { detail, outputs } = await api.describeRecord(id);
      return { RecordDetail: detail, RecordOutputs: outputs };
    },
    store, pollPolicy: fixedPollPolicy(100), errorRetryBaseMs: 50, errorRetryMaxMs: 200,
  });
  tailer.onFinal((_id, detail) => finals.push(detail));
  return tailer;
}

describe('faults: sandbox restarted mid-operation', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'sce-restart-'));
  const stateFile = join(dir, 'state.json');
  let sandbox: Sandbox | undefined;
  after(async () => {
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a resumed tailer reports the final status once', async () => {
    // 60x: the provisioning takes ~1.5-2 s of real time, long enough to stop the sandbox in the middle.
    sandbox = await startTestSandbox({ stateFile, timeScale: 60 });
    const port = sandbox.port;
    const api = extensionApi(sandbox);
    const store = new MemoryTailStore();
    const oldFinals: RecordDetail[] = [];
    const newFinals: RecordDetail[] = [];
    const first = tailerFor(api, store, oldFinals);
    try {
      const record = await new ProvisioningService(api.client).provision({
        ProductId: P.id, ProvisioningArtifactId: P.versions.v11, ProvisionedProductName: 'restart-box', ProvisionToken: 'restart-provision',
        ProvisioningParameters: [{ Key: 'InstanceType', Value: 't3.micro' }],
      });
      const recordId = record.RecordId!;
      const inProgress = new Promise<void>((resolve) => first.onChange((_id, d) => d.Status === 'IN_PROGRESS' && resolve()));
      first.tail(recordId, { startedAtMs: Date.now() }, record);
      await inProgress;

      await sandbox.stop();
      sandbox = undefined;
      await sleep(300); // the first tailer meets refused connections and keeps the record
      first.dispose(); // the window reloads while the sandbox is down
      assert.equal(oldFinals.length, 0);
      assert.ok(store.load().some((e) => e.recordId === recordId && e.finalReportedAtMs === undefined), 'the record is still persisted as followed');

      const second = tailerFor(api, store, newFinals);
      await second.resume();
      await sleep(200);
      sandbox = await startTestSandbox({ stateFile, timeScale: 60, port });
      const final = await second.handleFor(recordId)!.final;
      await sleep(300); // any second report would arrive within a few polls
      second.dispose();
      assert.equal(final.Status, 'SUCCEEDED');
      assert.deepEqual(newFinals.map((d) => [d.RecordId, d.Status]), [[recordId, 'SUCCEEDED']]);

      const third = tailerFor(api, store, newFinals);
      await third.resume();
      await sleep(300);
      assert.equal(third.activeRecordIds.length, 0, 'nothing left to follow');
      third.dispose();
      assert.equal(newFinals.length, 1, 'reported exactly once across reloads');
      assert.equal(oldFinals.length, 0);
    } finally {
      first.dispose();
      api.dispose();
    }
  });
});
