import { strict as assert } from 'node:assert';
import type { RecordDetail, RecordOutput } from '@aws-sdk/client-service-catalog';
import { actionSummary, activityText, finalLines, formatLineTime, recordOutcome, resultSummary, statusLine } from '../../../../src/core/records/recordLines';
import { RecordLog } from '../../../../src/records/recordLog';
import { redactSecrets } from '../../../../src/core/records/secretMasking';

const ROLE = 'arn:aws:iam::123456789012:role/SCLaunchRole';
const UPDATED = new Date('2025-03-04T05:06:07.890Z');

function record(overrides: Partial<RecordDetail> = {}): RecordDetail {
  return {
    RecordId: 'rec-abc123',
    RecordType: 'PROVISION_PRODUCT',
    ProvisionedProductId: 'pp-xyz',
    ProvisionedProductName: 'web-app',
    Status: 'IN_PROGRESS',
    LaunchRoleArn: ROLE,
    UpdatedTime: UPDATED,
    ...overrides,
  };
}

describe('record output lines', () => {
  it('writes record id, type, provisioned product, status and launch role on one line, without a time of its own', () => {
    const line = statusLine(record(), 'CREATED');
    assert.equal(line.text, `rec-abc123 · PROVISION_PRODUCT · web-app (pp-xyz) · CREATED → IN_PROGRESS · launch role ${ROLE}`);
    assert.equal(line.level, 'info');
  });

  it('leaves the launch role out where it is no news', () => {
    assert.equal(statusLine(record(), 'CREATED', { withLaunchRole: false }).text, 'rec-abc123 · PROVISION_PRODUCT · web-app (pp-xyz) · CREATED → IN_PROGRESS');
    assert.ok(finalLines(record({ Status: 'SUCCEEDED' }), [], 'IN_PROGRESS', { withLaunchRole: false })[0].text.endsWith('IN_PROGRESS → SUCCEEDED'));
  });

  it('sums up an action on several products in one sentence, a part per product', () => {
    const ok = recordOutcome(record({ Status: 'SUCCEEDED', RecordId: 'rec-1' }), 'a');
    const failed = recordOutcome(record({ Status: 'FAILED', RecordId: 'rec-2', RecordErrors: [{ Code: 'X', Description: 'no' }] }), 'b');
    assert.equal(ok, 'a succeeded (record rec-1)');
    assert.equal(failed, 'b failed (record rec-2): X: no');
    assert.equal(actionSummary('Terminating 2 provisioned products', [{ text: ok, failed: false }, { text: failed, failed: true }], 3_000),
      'Terminating 2 provisioned products: 1 of 2 succeeded in 3 s. a succeeded (record rec-1); b failed (record rec-2): X: no.');
    assert.match(actionSummary('T', [{ text: ok, failed: false }]), /^T: all 1 succeeded\. /);
  });

  it('says "none" when the record has no launch role, and uses a known product name when the record has none', () => {
    const line = statusLine(record({ LaunchRoleArn: undefined, ProvisionedProductName: undefined }), undefined, { productName: 'from-tree' });
    assert.match(line.text, /· from-tree \(pp-xyz\) · IN_PROGRESS · launch role none$/);
  });

  it('marks IN_PROGRESS_IN_ERROR as a warning and FAILED as an error', () => {
    assert.equal(statusLine(record({ Status: 'IN_PROGRESS_IN_ERROR' }), 'IN_PROGRESS').level, 'warn');
    assert.equal(statusLine(record({ Status: 'FAILED' }), 'IN_PROGRESS').level, 'error');
  });

  it('writes every RecordError (code and description) of a failed record', () => {
    const failed = record({
      Status: 'FAILED',
      RecordErrors: [
        { Code: 'CREATE_FAILED', Description: 'Bucket name already exists' },
        { Code: 'ROLLBACK_COMPLETE', Description: 'Stack rolled back' },
      ],
    });
    const lines = finalLines(failed, [], 'IN_PROGRESS');
    assert.equal(lines.length, 3);
    assert.match(lines[0].text, /IN_PROGRESS → FAILED · launch role arn:aws:iam::123456789012:role\/SCLaunchRole$/);
    assert.equal(lines[1].text, '  rec-abc123 error CREATE_FAILED: Bucket name already exists');
    assert.equal(lines[2].text, '  rec-abc123 error ROLLBACK_COMPLETE: Stack rolled back');
    assert.ok(lines.every((l) => l.level === 'error'));
  });

  it('writes every RecordOutput of a succeeded record, and says when there are none', () => {
    const outputs: RecordOutput[] = Array.from({ length: 25 }, (_, i) => ({ OutputKey: `Key${i}`, OutputValue: `value-${i}`, Description: i === 0 ? 'the first' : undefined }));
    const lines = finalLines(record({ Status: 'SUCCEEDED' }), outputs, 'IN_PROGRESS');
    assert.equal(lines.length, 26, 'status line + 25 outputs (more than one DescribeRecord page)');
    assert.equal(lines[1].text, '  rec-abc123 output Key0 = value-0 (the first)');
    assert.equal(lines[25].text, '  rec-abc123 output Key24 = value-24');
    assert.match(finalLines(record({ Status: 'SUCCEEDED' }), [], undefined)[1].text, /has no outputs/);
  });

  it('never writes a NoEcho value, wherever it appears', () => {
    const secret = 'S3cr3t-Passw0rd';
    const failed = record({ Status: 'FAILED', RecordErrors: [{ Code: 'InvalidParameter', Description: `Value ${secret} does not match pattern` }] });
    const outputs = [{ OutputKey: 'ConnectionString', OutputValue: `postgres://admin:${secret}@db.example.com/app` }];
    const all = [
      ...finalLines(failed, [], 'IN_PROGRESS', { secrets: [secret] }),
      ...finalLines(record({ Status: 'SUCCEEDED' }), outputs, 'IN_PROGRESS', { secrets: [secret] }),
      statusLine(record({ ProvisionedProductName: `x-${secret}` }), undefined, { secrets: [secret] }),
    ].map((l) => l.text);
    for (const text of all) assert.ok(!text.includes(secret), text);
    assert.ok(all.some((t) => t.includes('postgres://admin:****@db.example.com/app')));
    assert.ok(!resultSummary(failed, 'web-app', 1000, [secret]).includes(secret));
  });

  it('masks short secrets only as whole words, so ids stay readable', () => {
    assert.equal(redactSecrets('pw is ab1 and rec-ab12', ['ab1']), 'pw is **** and rec-ab12');
    assert.equal(redactSecrets('nothing to hide', undefined), 'nothing to hide');
  });

  it('keeps an in-memory copy of what it wrote, at the right level', () => {
    const written: string[] = [];
    const sink = { info: (m: string) => written.push(`info ${m}`), warn: (m: string) => written.push(`warn ${m}`), error: (m: string) => written.push(`error ${m}`) };
    const log = new RecordLog(sink, 3);
    log.write(finalLines(record({ Status: 'FAILED', RecordErrors: [{ Code: 'X', Description: 'y' }] }), [], 'IN_PROGRESS'));
    log.write([statusLine(record({ RecordId: 'rec-other' }), undefined), statusLine(record({ RecordId: 'rec-third' }), undefined)]);
    assert.equal(written.length, 4);
    assert.match(written[0], /^error /);
    assert.equal(log.lines.length, 3, 'bounded');
    assert.deepEqual(log.linesAbout('rec-other').length, 1);
  });

  it('keeps the lines of a running record for a reload, re-prints them marked as earlier, and forgets them at the end', () => {
    const values = new Map<string, unknown>();
    const memento = { get: <T>(key: string) => values.get(key) as T | undefined, update: async (key: string, value: unknown) => void values.set(key, JSON.parse(JSON.stringify(value))) };
    const written: string[] = [];
    const sink = { info: (m: string) => written.push(m), warn: (m: string) => written.push(m), error: (m: string) => written.push(m) };
    new RecordLog(sink, 100, memento).write([statusLine(record(), 'CREATED')], 'rec-abc123');
    const afterReload = new RecordLog(sink, 100, memento);
    afterReload.replay('rec-abc123');
    assert.match(written[1], /^earlier, \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ · rec-abc123 · PROVISION_PRODUCT · .* CREATED → IN_PROGRESS · launch role /);
    afterReload.forget('rec-abc123');
    afterReload.replay('rec-abc123');
    assert.equal(written.length, 2, 'nothing kept once the record ended');
  });

  it('formats times in UTC to the second, and names activities and results', () => {
    assert.equal(formatLineTime(new Date('2025-01-02T03:04:05.999Z')), '2025-01-02T03:04:05Z');
    assert.equal(activityText('TERMINATE_PROVISIONED_PRODUCT'), 'Terminating…');
    assert.equal(resultSummary(record({ Status: 'SUCCEEDED', RecordType: 'TERMINATE_PROVISIONED_PRODUCT' }), 'web-app', 65_000), 'Terminating web-app succeeded in 1 min 5 s (record rec-abc123).');
    assert.equal(
      resultSummary(record({ Status: 'FAILED', RecordErrors: [{ Code: 'E1', Description: 'broke' }] }), 'web-app', 2_000),
      'Provisioning web-app failed in 2 s (record rec-abc123): E1: broke',
    );
  });
});

describe('record output lines with hostile service text', () => {
  const failed: RecordDetail = { RecordId: 'rec-7', RecordType: 'PROVISION_PRODUCT', Status: 'FAILED', ProvisionedProductName: 'db', ProvisionedProductId: 'pp-7' };

  it('masks a NoEcho value holding a tab or a line break before folding the line', () => {
    const secrets = ['hunter2\tpass', 'first\nsecond-part'];
    const detail = { ...failed, RecordErrors: [{ Code: 'CREATE_FAILED', Description: 'bad value hunter2\tpass and first\nsecond-part' }] };
    const texts = [...finalLines(detail, [], 'IN_PROGRESS', { secrets }).map((l) => l.text), resultSummary(detail, 'db', 1000, secrets)];
    for (const text of texts) {
      for (const leak of ['hunter2', 'pass', 'second-part']) assert.ok(!text.includes(leak), `${leak} in ${text}`);
      assert.doesNotMatch(text, /[\r\n\t]/);
    }
  });

  it('masks a NoEcho value that a long text would cut in two', () => {
    const secret = 'SECRETVALUE42';
    const description = `${'x'.repeat(3995)}${secret} and more`;
    const [, line] = finalLines({ ...failed, RecordErrors: [{ Code: 'E', Description: description }] }, [], undefined, { secrets: [secret] });
    assert.ok(!line.text.includes('SECRET'), line.text.slice(-40));
  });

  it('writes a forged line break in an output as part of one line', () => {
    const ok = { ...failed, Status: 'SUCCEEDED' as const };
    const lines = finalLines(ok, [{ OutputKey: 'Url', OutputValue: 'https://x\n2026-01-01T00:00:00Z · rec-0 · FAILED' }], undefined);
    assert.equal(lines.length, 2);
    assert.doesNotMatch(lines[1].text, /\n/);
  });
});
