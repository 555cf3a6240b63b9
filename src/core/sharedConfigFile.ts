// Edits the shared AWS config file as text, so what the user wrote stays: comments, order, blank lines
// and every section we do not touch. Sections are read as the SDK's own ini parser reads them
// (@smithy/core/config parseIni): `[profile <name>]`, `[sso-session <name>]`, `[default]`; a `#` or `;`
// at the start of a line or after a space starts a comment; an indented line after `key =` belongs to
// that key's sub-section.

export interface ConfigSection {
  /** `profile` or `sso-session`. */
  readonly type: 'profile' | 'sso-session';
  readonly name: string;
}

interface SectionSpan {
  /** Index of the `[…]` line. */
  readonly header: number;
  /** Index after the section's last line (the next header, or the end). */
  readonly end: number;
}

/** Names as the SDK's parser accepts them after `profile ` / `sso-session ` (its prefixKeyRegex). */
const SECTION_NAME = /^[\w\-@+.%:/]+$/;

export function isSectionName(name: string): boolean {
  return SECTION_NAME.test(name) && name !== '__proto__';
}

function stripComment(line: string): string {
  return line.split(/(?:^|\s)[;#]/)[0].trim();
}

function sectionOf(line: string): ConfigSection | undefined {
  const text = stripComment(line);
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  const inside = text.slice(1, -1).trim();
  if (inside === 'default') return { type: 'profile', name: 'default' };
  const m = /^(profile|sso-session)\s+(["'])?([\w\-@+.%:/]+)\2$/.exec(inside);
  return m ? { type: m[1] as ConfigSection['type'], name: m[3] } : undefined;
}

function isHeader(line: string): boolean {
  const text = stripComment(line);
  return text.startsWith('[') && text.endsWith(']');
}

function spansOf(lines: readonly string[], wanted: ConfigSection): SectionSpan[] {
  const spans: SectionSpan[] = [];
  for (let i = 0; i < lines.length; i++) {
    const section = sectionOf(lines[i]);
    if (!section || section.type !== wanted.type || section.name !== wanted.name) continue;
    let end = i + 1;
    while (end < lines.length && !isHeader(lines[end])) end++;
    spans.push({ header: i, end });
  }
  return spans;
}

/** The section's keys as the SDK would read them (a later duplicate section's keys win, as there). */
export function readSection(text: string, section: ConfigSection): Record<string, string> | undefined {
  const lines = text.split(/\r?\n/);
  const spans = spansOf(lines, section);
  if (!spans.length) return undefined;
  const values = Object.create(null) as Record<string, string>;
  for (const span of spans) {
    for (const line of lines.slice(span.header + 1, span.end)) {
      const entry = stripComment(line);
      const eq = entry.indexOf('=');
      if (eq <= 0 || line.trimStart() !== line) continue; // sub-section lines are not top-level keys
      const value = entry.slice(eq + 1).trim();
      if (value) values[entry.slice(0, eq).trim()] = value;
    }
  }
  return values;
}

export function hasSection(text: string, section: ConfigSection): boolean {
  return spansOf(text.split(/\r?\n/), section).length > 0;
}

/** A value we write must read back the same: one line, no comment marker, no leading/trailing space. */
function checkValue(key: string, value: string): void {
  if (!/^[\w.-]+$/.test(key)) throw new Error(`Not a config key: ${JSON.stringify(key)}`);
  if (value !== value.trim() || !value || /[\r\n]/.test(value) || /[;#]/.test(value)) {
    throw new Error(`The value of ${key} cannot be written to the config file as is.`);
  }
}

/**
 * `text` with `section` holding exactly `entries`. An existing section (every copy of it) keeps its
 * comment lines and loses its other lines (a mix of old and new keys would make another profile);
 * a new one is appended at the end. Nothing else changes; the line ending of the file is kept.
 */
export function setSection(text: string, section: ConfigSection, entries: Readonly<Record<string, string>>): string {
  if (!isSectionName(section.name)) throw new Error(`Not a section name: ${JSON.stringify(section.name.slice(0, 60))}`);
  for (const [key, value] of Object.entries(entries)) checkValue(key, value);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  const body = Object.entries(entries).map(([key, value]) => `${key} = ${value}`);
  const spans = spansOf(lines, section);
  if (!spans.length) {
    while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
    const gap = lines.length ? [''] : [];
    return [...lines, ...gap, headerLine(section), ...body, ''].join(eol);
  }
  const out: string[] = [];
  let next = 0;
  spans.forEach((span, index) => {
    out.push(...lines.slice(next, span.header + 1));
    const kept = lines.slice(span.header + 1, span.end).filter((line) => line.trim() === '' || /^\s*[;#]/.test(line));
    // The first copy gets the keys; later copies keep only their comments (they would override).
    if (index === 0) out.push(...body);
    out.push(...kept);
    next = span.end;
  });
  out.push(...lines.slice(next));
  return out.join(eol);
}

function headerLine(section: ConfigSection): string {
  return section.type === 'profile' && section.name === 'default' ? '[default]' : `[${section.type} ${section.name}]`;
}
