// Completions and hovers in spec files, from the pure specCompletions and specHoverAt on the document's
// check. Descriptions come from the catalog admin (untrusted): escaped into untrusted, HTML-free markdown.
import * as vscode from 'vscode';
import { specCompletions, specHoverAt, type CompletionKind, type ParameterHover, type SpecCompletion } from '../core/specs';
import { inert } from '../core/untrustedText';
import type { SpecValidations } from './specValidations';

const ITEM_KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  product: vscode.CompletionItemKind.Module,
  version: vscode.CompletionItemKind.Constant,
  launchPath: vscode.CompletionItemKind.Folder,
  parameter: vscode.CompletionItemKind.Field,
  value: vscode.CompletionItemKind.EnumMember,
  reference: vscode.CompletionItemKind.Variable,
};

export class SpecCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly validations: SpecValidations) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const checked = await this.validations.check(document);
    if (!checked.snapshot) return undefined;
    const offset = document.offsetAt(position);
    const completions = specCompletions(checked.text, offset, checked.validation, checked.snapshot);
    if (!completions) return undefined;
    const range = new vscode.Range(document.positionAt(completions.range.start), document.positionAt(completions.range.end));
    return completions.items.map((item) => completionItemOf(item, range));
  }
}

export function completionItemOf(item: SpecCompletion, range: vscode.Range): vscode.CompletionItem {
  const completion = new vscode.CompletionItem(inert(item.label, 'line'), ITEM_KINDS[item.kind]);
  completion.insertText = item.insertText;
  completion.range = range;
  // The label is shown cut and cleaned; filtering matches what is inserted.
  completion.filterText = item.insertText;
  if (item.detail) completion.detail = inert(item.detail, 'line');
  if (item.documentation) completion.documentation = untrustedMarkdown(inert(item.documentation, 'markdown'));
  if (item.deprecated) completion.tags = [vscode.CompletionItemTag.Deprecated];
  return completion;
}

export class SpecHoverProvider implements vscode.HoverProvider {
  constructor(private readonly validations: SpecValidations) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const checked = await this.validations.check(document);
    const found = specHoverAt(checked.validation, document.offsetAt(position));
    if (!found) return undefined;
    const range = new vscode.Range(document.positionAt(found.range.start), document.positionAt(found.range.end));
    return new vscode.Hover(hoverMarkdown(found.hover), range);
  }
}

/** The parameter's label and type, description, default and constraints; every service text escaped. */
export function hoverMarkdown(hover: ParameterHover): vscode.MarkdownString {
  const lines = [
    `**${inert(hover.label, 'markdown')}** (${inert(hover.type, 'markdown')}${hover.required ? ', required' : ''}${hover.noEcho ? ', NoEcho' : ''})`,
    ...(hover.description ? [inert(hover.description, 'markdown')] : []),
    // A NoEcho parameter's default is a secret: never shown.
    ...(hover.defaultValue !== undefined && !hover.noEcho ? [`Default: ${inert(hover.defaultValue, 'markdown')}`] : []),
    ...hover.constraints.map((c) => `- ${inert(c, 'markdown')}`),
  ];
  return untrustedMarkdown(lines.join('\n\n'));
}

function untrustedMarkdown(text: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(text);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return markdown;
}
