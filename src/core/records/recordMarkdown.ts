// The read-only record document (Look Up Record, Record History): everything DescribeRecord says about a
// record, as markdown. Pure, so the layout is unit-tested.
import type { RecordDetail, RecordOutput } from '@aws-sdk/client-service-catalog';
import { isTerminalRecordStatus } from '../statuses';
import { formatLineTime, productLabel } from './recordLines';
import { formatTime } from '../localTime';
import { redactSecrets } from './secretMasking';
import { inert, inertCodeSpan } from '../untrustedText';

/** A record's outputs can be long (a policy document, a connection string); the document keeps more than a notification. */
const DOCUMENT_VALUE_LENGTH = 4000;

const FOLLOWED_HINT = 'Followed in the Service Catalog output (**Service Catalog: Show Record Output**); this document is read again when its status changes.';
const TAIL_HINT = 'Run **Service Catalog: Tail Record** to follow it in the Service Catalog output.';

export interface RecordNames {
  readonly productName?: string;
  readonly versionName?: string;
  readonly provisionedProductName?: string;
  readonly launchPathName?: string;
}

/**
 * `followed`: the record tracker already follows the record in the Service Catalog output (and this
 * document is read again as its status changes), so the hint says so instead of asking for Tail Record.
 */
export function recordMarkdown(detail: RecordDetail, outputs: readonly RecordOutput[], names: RecordNames = {}, secrets?: readonly string[], followed = false): string {
  const running = !isTerminalRecordStatus(detail.Status);
  // Every value is service text: NoEcho values are masked in it first (escaping would change what
  // they look like), then it is made inert.
  const shown = (value: string | undefined) => inert(redactSecrets(value ?? '', secrets), 'markdown', { maxLength: DOCUMENT_VALUE_LENGTH });
  const code = (value: string | undefined) => inertCodeSpan(redactSecrets(value ?? '', secrets), 'line', { maxLength: DOCUMENT_VALUE_LENGTH });
  const lines = [
    `# Record ${shown(detail.RecordId ?? '?')}`,
    '',
    running ? `**${shown(detail.Status ?? 'UNKNOWN')}**: still running. ${followed ? FOLLOWED_HINT : TAIL_HINT}` : `**${shown(detail.Status)}**`,
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
      ['Launch path', withName(detail.PathId, names.launchPathName)],
      ['Launch role', detail.LaunchRoleArn || 'none'],
    ], shown),
    '',
    '## Errors',
    '',
    ...listOr((detail.RecordErrors ?? []).map((e) => `- ${code(e.Code ?? '(no code)')}: ${shown(e.Description)}`), 'None.'),
    '',
    '## Outputs',
    '',
    ...(outputs.length
      ? ['| Key | Value | Description |', '|---|---|---|', ...outputs.map((o) => `| ${shown(o.OutputKey)} | ${shown(o.OutputValue)} | ${shown(o.Description)} |`)]
      : [running ? 'Not yet: outputs appear when the record succeeds.' : 'None.']),
    '',
    '## Tags',
    '',
    ...listOr((detail.RecordTags ?? []).map((t) => `- ${code(t.Key)} = ${code(t.Value)}`), 'None.'),
    '',
  ];
  return lines.join('\n');
}

function tableRows(rows: [string, string | undefined][], shown: (value: string) => string): string[] {
  return rows.filter(([, value]) => value).map(([field, value]) => `| ${field} | ${shown(value!)} |`);
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
