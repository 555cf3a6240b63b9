// A failed submission's error can quote what it refused: NoEcho values are masked in the log line and
// in the answer the page gets (and may keep in its state), as FormPanel wires controller and router.
import * as assert from 'node:assert/strict';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { ProvisioningService } from '../../../../src/aws/provisioningService';
import { controllerDeps } from '../../../support/formDeps';
import { ProvisionFormController } from '../../../../src/provisioning/provisionFormController';
import { MessageRouter, type Logger } from '../../../../src/ui/webview/messageRouter';
import type { HostToWebview } from '../../../../src/core/webview/protocol';
import type { Sandbox } from '../../../../src/sandbox/index';
import { SEED } from '../../../../src/sandbox/service/index';
import { sdkClient, startTestSandbox } from '../../../support/sandbox';

const SECRET = 'Qu0tedSecret9';

describe('message router and NoEcho values', () => {
  let sandbox: Sandbox;
  before(async () => (sandbox = await startTestSandbox()));
  after(() => sandbox?.stop());

  it('masks the submission\'s NoEcho values in a failure it logs and answers', async () => {
    const real = new ProvisioningService(sdkClient(sandbox));
    // The service refuses the request and quotes the value, as some resource handlers do.
    const service = Object.assign(Object.create(real) as ProvisioningService, {
      provision: async (): Promise<RecordDetail> => {
        throw Object.assign(new Error(`Parameter MasterPassword value ${SECRET} is not allowed for engine version 9.6`), { name: 'InvalidParametersException' });
      },
    });
    const lines: string[] = [];
    const logger: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
    const deps = controllerDeps(service, { logger });
    const controller = new ProvisionFormController(deps);
    const posted: HostToWebview[] = [];
    // Wired as FormPanel wires them.
    const router = new MessageRouter('Provision', controller.handlers, (m) => posted.push(m), logger, () => undefined, (method, params) => controller.secretsOf?.(method, params) ?? []);
    const artifact = SEED.products.legacyDatabase;
    const target = { productId: artifact.id, provisioningArtifactId: Object.values(artifact.versions)[0], pathId: SEED.portfolios.data.pathId };
    const loaded = await controller.handlers.loadParameters!(target);
    const parameters = Object.fromEntries(loaded.form.fields.map((f) => [f.key, f.defaultValue ?? 'value1']));
    parameters.MasterPassword = SECRET;
    await router.receive({ type: 'request', id: 3, method: 'submit', params: { target, submission: { provisionedProductName: 'legacy-db-x', parameters } } });
    const answer = posted.find((m) => m.type === 'response' && m.id === 3);
    assert.ok(answer && answer.type === 'response' && !answer.ok, JSON.stringify(posted));
    assert.match(answer.error.message, /is not allowed for engine version/);
    assert.ok(!JSON.stringify(answer).includes('Secret9'), JSON.stringify(answer));
    assert.ok(lines.some((l) => l.includes('is not allowed')), lines.join('\n'));
    assert.ok(lines.every((l) => !l.includes('Secret9')), lines.join('\n'));
  });
});
