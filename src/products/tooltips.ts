import * as vscode from 'vscode';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { formatTime } from '../core/localTime';
import { inert, inertCodeSpan } from '../core/untrustedText';
import { humanizeStatus, productStatusIcon } from '../core/statuses';
import { statusGlyph } from './statusStyle';
import type { ProductRow } from '../core/products/productRow';
import type { LastOperation } from '../core/products/lastOperations';
import { elapsed, operationWord, splitTags } from '../core/products/productSummary';

/** `operation`: what the product's last record says runs on it, while it is busy. */
export function productTooltip(p: ProductRow, operation?: LastOperation, now = new Date()): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(p.Name)}** — ${statusGlyph(productStatusIcon(p.Status), false)} ${escape(humanizeStatus(p.Status))}\n\n`);
  if (p.StatusMessage) md.appendMarkdown(`> ${escape(p.StatusMessage)}\n\n`);
  const rows: [string, string | undefined][] = [
    ['Operation', operation && operationRow(operation, now)],
    ['Id', code(p.Id)],
    ['ARN', code(p.Arn)],
    ['Type', p.Type && escape(p.Type)],
    ['Product', nameAndId(p.ProductName, p.ProductId)],
    ['Version', nameAndId(p.ProvisioningArtifactName, p.ProvisioningArtifactId)],
    ['Created', p.CreatedTime ? formatTime(p.CreatedTime) : undefined],
    ['Owner', code(p.UserArn)],
    ['Launch role', p.detailLoaded ? code(p.LaunchRoleArn) ?? '_none_' : '_not read_'],
    ['Last record', code(p.LastRecordId)],
    ['Last provisioning record', code(p.LastProvisioningRecordId)],
    ['Last successful provisioning record', code(p.LastSuccessfulProvisioningRecordId)],
    ['Physical id', code(p.PhysicalId)],
  ];
  // Tags before the long ids, so a tooltip cut at the screen's edge still shows them.
  md.appendMarkdown(`${tagsLine(p)}\n\n`);
  md.appendMarkdown(table(rows));
  return md;
}

/** "Updating since 1 Dec 2026, 14:02:11 (3 min) · record `rec-…`". */
function operationRow(operation: LastOperation, now: Date): string {
  const since = operation.createdTime ? ` since ${formatTime(operation.createdTime)} (${elapsed(operation.createdTime, now)})` : '';
  return `${escape(operationWord(operation.recordType))}${since} · record ${code(operation.recordId)}`;
}

/** The user's tags as the last listing gave them; the service's own (`aws:…`) only counted. */
function tagsLine(p: ProductRow): string {
  if (p.tagsOutdated) return 'Tags: _not read since the last operation (expand Tags or refresh)_';
  const { user, system } = splitTags(p.Tags);
  const listed = user.length ? user.map((t) => `${code(t.Key)}=${code(t.Value) ?? '_empty_'}`).join(', ') : '_none_';
  return `Tags: ${listed}${system.length ? ` · ${system.length} AWS tag${system.length === 1 ? '' : 's'} (aws:…)` : ''}`;
}

export function recordTooltip(r: RecordDetail): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(humanizeStatus(r.RecordType))}** — ${escape(humanizeStatus(r.Status))}\n\n`);
  md.appendMarkdown(
    table([
      ['Record', code(r.RecordId)],
      ['Provisioned product', r.ProvisionedProductName ? `${escape(r.ProvisionedProductName)} (${code(r.ProvisionedProductId)})` : code(r.ProvisionedProductId)],
      ['Created', r.CreatedTime ? formatTime(r.CreatedTime) : undefined],
      ['Updated', r.UpdatedTime ? formatTime(r.UpdatedTime) : undefined],
      ['Product', code(r.ProductId)],
      ['Version', code(r.ProvisioningArtifactId)],
      ['Launch path', code(r.PathId)],
      ['Launch role', code(r.LaunchRoleArn) ?? '_none_'],
    ]),
  );
  for (const e of r.RecordErrors ?? []) md.appendMarkdown(`\n\n$(error) ${code(e.Code)} ${escape(e.Description ?? '')}`);
  return md;
}

function table(rows: [string, string | undefined][]): string {
  const present = rows.filter(([, v]) => v !== undefined && v !== '');
  return ['| | |', '|---|---|', ...present.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

/** A code span of service text: markdown stops at its backtick, and icons render even inside it. */
/** "name (id)", or whichever of the two the service gave (old products come without ids). */
function nameAndId(name: string | undefined, id: string | undefined): string | undefined {
  if (name && id) return `${escape(name)} (${code(id)})`;
  return name ? escape(name) : code(id);
}

function code(value: string | undefined): string | undefined {
  return value ? inertCodeSpan(value, 'label') : undefined;
}

function escape(text: string | undefined): string {
  return inert(text, 'markdown');
}
