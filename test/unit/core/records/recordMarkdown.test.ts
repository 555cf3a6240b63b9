import { strict as assert } from 'node:assert';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { recordMarkdown } from '../../../../src/core/records/recordMarkdown';
import { expectedDurationMs } from '../../../../src/core/records/recordTiming';

/** The reader's local time, as the document should give it next to UTC. */
const localTime = (date: Date) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);

const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));

describe('record document text', () => {
  const detail: RecordDetail = {
    RecordId: 'rec-1', RecordType: 'UPDATE_PROVISIONED_PRODUCT', Status: 'FAILED', ProvisionedProductId: 'pp-1', ProvisionedProductName: 'web',
    ProductId: 'prod-1', ProvisioningArtifactId: 'pa-2', PathId: 'lpv2-1', LaunchRoleArn: 'arn:aws:iam::123456789012:role/Launch',
    CreatedTime: at(0), UpdatedTime: at(30), RecordErrors: [{ Code: 'UPDATE_FAILED', Description: 'Rolled back' }],
    RecordTags: [{ Key: 'team', Value: 'web' }],
  };

  it('shows status, type, times, product and version, path, launch role, errors, outputs and tags', () => {
    const text = recordMarkdown(detail, [{ OutputKey: 'Url', OutputValue: 'https://x|y', Description: 'site' }], { productName: 'Web App', versionName: 'v2' });
    for (const part of [
      '# Record rec-1', '| Status | FAILED |', '| Type | UPDATE_PROVISIONED_PRODUCT |', '| Provisioned product | web (pp-1) |',
      `| Created | 2025-01-01T00:00:00Z (${localTime(at(0))} local) |`, `| Updated | 2025-01-01T00:00:30Z (${localTime(at(30))} local) |`, '| Product | Web App (prod-1) |', '| Version | v2 (pa-2) |',
      '| Launch path | lpv2-1 |', '| Launch role | arn:aws:iam::123456789012:role/Launch |', '- `UPDATE_FAILED`: Rolled back',
      '| Url | https://x\\|y | site |', '- `team` = `web`',
    ]) assert.ok(text.includes(part), `missing ${part}\n${text}`);
    assert.doesNotMatch(text, /still running/);
    assert.ok(recordMarkdown(detail, [], { launchPathName: 'Platform portfolio' }).includes('| Launch path | Platform portfolio (lpv2-1) |'), 'the launch path by name');
  });

  it('says when a record is still running and masks NoEcho values', () => {
    const text = recordMarkdown({ ...detail, Status: 'IN_PROGRESS', RecordErrors: [], ProvisionedProductName: 'pw-hunter22' }, [], {}, ['hunter22']);
    assert.match(text, /still running/);
    assert.ok(!text.includes('hunter22'));
  });

  it('says where a running record is followed: the output already following it, or Tail Record when nothing does', () => {
    const running = { ...detail, Status: 'IN_PROGRESS' as const, RecordErrors: [] };
    const followed = recordMarkdown(running, [], {}, undefined, true);
    assert.match(followed, /still running\. Followed in the Service Catalog output/);
    assert.ok(!followed.includes('Tail Record'), 'no call to follow what is followed');
    assert.match(recordMarkdown(running, [], {}, undefined, false), /still running\. Run \*\*Service Catalog: Tail Record\*\*/);
    assert.ok(!recordMarkdown({ ...running, Status: 'SUCCEEDED' }, [], {}, undefined, true).includes('Followed'), 'a finished record is followed no more');
  });
});

describe('expected record duration from history', () => {
  const rec = (type: string, status: RecordDetail['Status'], seconds: number): RecordDetail => ({ RecordType: type, Status: status, CreatedTime: at(0), UpdatedTime: at(seconds) });

  it('is the median duration of finished records of the same type', () => {
    const history = [rec('TERMINATE_PROVISIONED_PRODUCT', 'SUCCEEDED', 10), rec('TERMINATE_PROVISIONED_PRODUCT', 'FAILED', 40), rec('TERMINATE_PROVISIONED_PRODUCT', 'SUCCEEDED', 20),
      rec('PROVISION_PRODUCT', 'SUCCEEDED', 300), rec('TERMINATE_PROVISIONED_PRODUCT', 'IN_PROGRESS', 1)];
    assert.equal(expectedDurationMs(history, 'TERMINATE_PROVISIONED_PRODUCT'), 20_000);
    assert.equal(expectedDurationMs(history.slice(0, 1).concat(history[2]), 'TERMINATE_PROVISIONED_PRODUCT'), 15_000);
    assert.equal(expectedDurationMs(history, 'UPDATE_PROVISIONED_PRODUCT'), undefined);
  });
});

describe('record document with hostile service text', () => {
  const base: RecordDetail = { RecordId: 'rec-9', RecordType: 'PROVISION_PRODUCT', Status: 'FAILED', ProvisionedProductId: 'pp-9', ProvisionedProductName: 'db' };

  it('masks NoEcho values with | or a line break before escaping them', () => {
    const secrets = ['Pa|ss-w0rd!', 'line1\nline2-secret'];
    const text = recordMarkdown(
      { ...base, RecordErrors: [{ Code: 'CREATE_FAILED', Description: 'Password Pa|ss-w0rd! refused; other line1\nline2-secret too' }] },
      [{ OutputKey: 'Conn', OutputValue: 'postgres://admin:Pa|ss-w0rd!@db:5432', Description: 'has line1\nline2-secret' }],
      {}, secrets,
    );
    for (const leak of ['Pa|ss', 'Pa\\|ss', 'ss-w0rd', 'line2-secret']) assert.ok(!text.includes(leak), `${leak} leaked:\n${text}`);
    assert.ok(text.includes('postgres://admin:\\*\\*\\*\\*@db:5432'), text);
  });

  it('renders no link, image, HTML or extra table cell from the service', () => {
    const text = recordMarkdown(
      { ...base, RecordErrors: [{ Code: 'X`y', Description: 'see [docs](command:workbench.action.terminal.sendSequence?%7B%7D) <img src=x onerror=alert(1)>' }] },
      [{ OutputKey: 'K|ey', OutputValue: '![p](https://evil.example/p.png)', Description: 'a\n# heading' }],
    );
    // Every bracket and angle bracket from the service is escaped, so none opens a link, image or tag.
    assert.doesNotMatch(text, /(?<!\\)\[docs|(?<!\\)\]\(command:|(?<!\\)<img|!(?<!\\)\[p/);
    assert.ok(text.includes('| K\\|ey |'), text);
    assert.doesNotMatch(text, /\n# heading/);
  });
});
