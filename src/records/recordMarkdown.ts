// The read-only record document (Look Up Record, Record History): everything DescribeRecord says about a
// record, as markdown. Pure, so the layout is unit-tested.
import type { RecordDetail, RecordOutput } from '@aws-sdk/client-service-catalog';
import { isTerminalStatus } from '../catalog/records/record-tailer';
import { formatLineTime, productLabel } from './recordLines';
import { formatTime } from '../util/localTime';
import { redactSecrets } from './redaction';

export interface RecordNames {
  readonly productName?: string;
  readonly versionName?: string;
  readonly provisionedProductName?: string;
}

export function recordMarkdown(detail: RecordDetail, outputs: readonly RecordOutput[], names: RecordNames = {}, secrets?: readonly string[]): string {
  const running = !isTerminalStatus(detail.Status);
  const lines = [
    `# Record ${detail.RecordId ?? '?'}`,
    '',
    running ? `**${detail.Status ?? 'UNKNOWN'}**: still running. Use **Tail** (editor title) to follow it in the Service Catalog output.` : `**${detail.Status}**`,
    '',
    '| Field | Value |',
    '|---|---|',
    ...tableRows([
      ['Status', detail.Status],
      ['Type', detail.RecordType],
      ['Provisioned product', productLabel(detail, names.provisionedProductName)],
      ['Provisioned product type', detail.ProvisionedProductType],
      ['Created', detail.CreatedTime ? bothTimes(detail.CreatedTime) : undefined],
      ['Updated', detail.UpdatedTime ? bothTimes(detail.UpdatedTime) : undefined],
      ['Product', withName(detail.ProductId, names.productName)],
      ['Version', withName(detail.ProvisioningArtifactId, names.versionName)],
      ['Launch path', detail.PathId],
      ['Launch role', detail.LaunchRoleArn || 'none'],
    ]),
    '',
    '## Errors',
    '',
    ...listOr((detail.RecordErrors ?? []).map((e) => `- \`${e.Code ?? '(no code)'}\`: ${e.Description ?? ''}`), 'None.'),
    '',
    '## Outputs',
    '',
    ...(outputs.length
      ? ['| Key | Value | Description |', '|---|---|---|', ...outputs.map((o) => `| ${cell(o.OutputKey)} | ${cell(o.OutputValue)} | ${cell(o.Description)} |`)]
      : [running ? 'Not yet: outputs appear when the record succeeds.' : 'None.']),
    '',
    '## Tags',
    '',
    ...listOr((detail.RecordTags ?? []).map((t) => `- \`${t.Key}\` = \`${t.Value}\``), 'None.'),
    '',
  ];
  return redactSecrets(lines.join('\n'), secrets);
}

function tableRows(rows: [string, string | undefined][]): string[] {
  return rows.filter(([, value]) => value).map(([field, value]) => `| ${field} | ${cell(value)} |`);
}

function withName(id: string | undefined, name: string | undefined): string | undefined {
  if (!id) return name;
  return name ? `${name} (${id})` : id;
}

/** UTC as in the output channel's lines (to compare with them), then the reader's local time. */
function bothTimes(date: Date): string {
  return `${formatLineTime(date)} (${formatTime(date)} local)`;
}

function listOr(items: string[], empty: string): string[] {
  return items.length ? items : [empty];
}

/** Table cells must not break the table. */
function cell(value: string | undefined): string {
  return (value ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
