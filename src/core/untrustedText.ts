// The one place that makes text from the service inert before it is shown. Outputs, names, status
// messages, record errors, parameter descriptions and patterns are written by whoever authored the
// product, not by the user: shown as they are, `[label](command:…)` becomes a link that runs a command
// in a notification, `$(icon)` renders in a label, markdown renders in a tooltip or document, and
// control or bidirectional characters rewrite what a line appears to say. Pure: no vscode import.

/** Where the text is shown; each surface has its own live syntax. */
export type Surface =
  /**
   * showInformation/Warning/ErrorMessage and progress notifications: `[label](command:…|https:…|file:…)`
   * is a link there. Their text renders no `$(name)` (text nodes and links only), so an escape would
   * show as a backslash.
   */
  | 'notification'
  /** Input boxes' prompts and validation messages: links and `$(name)` icons both render there. */
  | 'prompt'
  /** Quick pick items and the status bar: `$(name)` is an icon there. */
  | 'label'
  /** MarkdownString (tooltips) and markdown documents: all markdown and HTML syntax. */
  | 'markdown'
  /**
   * One line of the output channel or the log, and tree item labels and descriptions (the tree renders
   * no `$(name)`, so an escape would show as a backslash): only line breaks and control characters matter.
   */
  | 'line';

/** Longest text shown by default; a template can return kilobytes in a single status message. */
export const DEFAULT_MAX_LENGTH = 500;

// C0 and C1 controls (tab and line breaks are handled separately), DEL, the bidirectional
// embedding/override/isolate characters that can make shown text read differently from what it is,
// and the invisible ones that can hide text (zero-width, soft hyphen, word joiners, BOM, tag characters).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]/gu;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
// What can start live markdown in the middle of a line (service text is never put at a line's start):
// emphasis, code spans, links and images (they need brackets), autolinks and HTML, table cells,
// strikethrough, entities, theme icons. Kept short so a document read as source stays readable.
// An underscore inside a word (UPDATE_PROVISIONED_PRODUCT) cannot start emphasis and stays as it is.
const MARKDOWN_SPECIAL = /[\\`*[\]<>|~&$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

// Where the text starts a line (a blockquote, a list item) these would open a heading, a list, a rule
// or a quote.
const BLOCK_START = /^(\s*)(?:([#>+=-])|(\d+)([.)]))/;

export interface InertOptions {
  /** Characters kept before an ellipsis (default DEFAULT_MAX_LENGTH). */
  readonly maxLength?: number;
}

/**
 * `text` as it may be shown on `surface`: no control characters, one line, no live syntax of that
 * surface, at most `maxLength` characters. Undefined and null become ''.
 */
export function inert(text: unknown, surface: Surface, options: InertOptions = {}): string {
  const max = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const plain = truncate(oneLine(String(text ?? '')), max);
  switch (surface) {
    case 'line': return plain;
    case 'label': return escapeIcons(plain);
    case 'notification': return breakLinks(plain);
    case 'prompt': return breakLinks(escapeIcons(plain));
    case 'markdown': return plain.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`).replace(BLOCK_START, escapeBlockStart);
  }
}

/**
 * A markdown code span of service text: nothing inside one renders as markdown, so only a backtick
 * (which would end it) and a table's `|` need care. `label` where `$(icon)`s render even inside it (a
 * MarkdownString with theme icons), `line` in a document.
 */
export function inertCodeSpan(text: unknown, surface: 'label' | 'line', options: InertOptions = {}): string {
  return `\`${inert(text, surface, options).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/** `\#`, `\-`…; a list number keeps its digits and escapes its `.` or `)`. */
function escapeBlockStart(_match: string, space: string, marker?: string, digits?: string, delimiter?: string): string {
  return marker ? `${space}\\${marker}` : `${space}${digits}\\${delimiter}`;
}

function oneLine(text: string): string {
  return text.replace(CONTROL, '').replace(LINE_BREAKS, ' ').replace(/\t/g, ' ');
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, Math.max(0, max - 1)).join('')}…` : text;
}

/** `$(name)` renders an icon in labels and notifications; `\$(` shows it as text. */
function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/**
 * A notification turns `[label](target)` into a link (VS Code's LinkedText). Without `](` next to each
 * other nothing parses as one, and the text still reads the same.
 */
function breakLinks(text: string): string {
  return text.replace(/\]\s*\(/g, '] (');
}

/**
 * The http(s) URL a service value is, for opening on click; undefined for anything else (`command:`,
 * `file:`, `vscode:` and other schemes act inside the editor, and a value with spaces is not one URL).
 */
export function webUrl(text: string | undefined): string | undefined {
  if (!text || !/^https?:\/\/[^\s<>"]+$/i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : undefined;
  } catch {
    return undefined;
  }
}
