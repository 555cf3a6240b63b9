// AllowedPattern is written by whoever wrote the product's template, so it is matched with RE2 (re2js:
// time linear in the value, whatever the pattern), never with JavaScript's backtracking RegExp. The
// form (webview), the extension host and the sandbox all match through here.
//
// CloudFormation reads the pattern as a Java regex that must match the whole value. RE2's syntax is
// Java's without backreferences, lookaround, possessive quantifiers and a few escapes (\Z, \h, \R,
// \p{Alpha}…): RE2 refuses those, and we refuse the Java feature RE2 would misread (a "[" or "&&"
// inside a class: union and intersection in Java, literal characters in RE2). A refused pattern is
// not checked here. Left as they are: RE2's "." also matches \r and its \s lacks \x0B, which values
// typed into a form hardly hold.

// Required on first use, not imported: loading re2js takes ~18 ms, and this module is in the
// extension's activation bundle. The host's bundles take it from dist/re2.js (scripts/build.mjs);
// the webview's bundle holds it.
declare const require: (id: 're2js') => typeof import('re2js');
let re2js: typeof import('re2js') | undefined;
const loadRe2js = () => (re2js ??= require('re2js'));

/** Whether a whole value matches the pattern. */
export type AllowedPatternTest = (value: string) => boolean;

/** Patterns compile once: compiling costs the pattern's size (see tooCostlyToCompile). */
const compiled = new Map<string, AllowedPatternTest | undefined>();
const MAX_COMPILED = 100;

/** The whole-value test for `pattern`, or undefined when it cannot be checked here (the service checks it). */
export function compileAllowedPattern(pattern: string): AllowedPatternTest | undefined {
  if (compiled.has(pattern)) return compiled.get(pattern);
  const test = compileWithRe2(pattern);
  if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  compiled.set(pattern, test);
  return test;
}

/** How a form describes the pattern: checked as the user types, or by the service on submit. */
export function allowedPatternHint(pattern: string): string {
  return compileAllowedPattern(pattern) ? `pattern ${pattern}` : `pattern ${pattern} is checked by the service when you submit`;
}

/**
 * RE2 matches in time linear in the value, but compiling costs the size of the pattern with its
 * counted repeats written out (`a{1000}` is a thousand states; RE2 refuses nesting beyond 1000): 600
 * of them took 5 s. Patterns past these bounds are left to the service; real ones are far below.
 */
const MAX_PATTERN_LENGTH = 1024;
const MAX_COUNTED_REPEATS = 2000;

function tooCostlyToCompile(pattern: string): boolean {
  if (pattern.length > MAX_PATTERN_LENGTH) return true;
  let repeats = 0;
  for (const [, min, comma, max] of pattern.matchAll(/\{(\d+)(,?)(\d*)\}/g)) repeats += Number(comma && max ? max : min);
  return repeats > MAX_COUNTED_REPEATS;
}

function compileWithRe2(pattern: string): AllowedPatternTest | undefined {
  if (tooCostlyToCompile(pattern)) return undefined;
  const re2Pattern = javaToRe2Syntax(pattern);
  if (re2Pattern === undefined) return undefined;
  const { RE2JS } = loadRe2js();
  try {
    const regex = RE2JS.compile(re2Pattern);
    return (value) => regex.testExact(value);
  } catch {
    return undefined;
  }
}

const JAVA_UNICODE_ESCAPE = /^\\u([0-9a-fA-F]{4})$/;
const SURROGATE = /^d[89a-f]/i;

/** The pattern in RE2's syntax; undefined for a "[" or "&&" inside a class, which RE2 would read differently. */
function javaToRe2Syntax(pattern: string): string | undefined {
  let out = '';
  let classBody = -1; // index of the open class's first character; -1 outside a class
  for (let i = 0; i < pattern.length; ) {
    const [java, re2] = tokenAt(pattern, i);
    if (classBody < 0) {
      if (java === '[') classBody = pattern[i + 1] === '^' ? i + 2 : i + 1;
    } else if (java === '[' || pattern.startsWith('&&', i)) {
      return undefined;
    } else if (java === ']' && i > classBody) {
      classBody = -1; // a "]" first in a class is a literal in both syntaxes
    }
    out += re2;
    i += java.length;
  }
  return out;
}

/** The token at `i` (quoted text, an escape or one character) as written, and in RE2's syntax. */
function tokenAt(pattern: string, i: number): [java: string, re2: string] {
  if (pattern.startsWith('\\Q', i)) {
    // Quoted text is literal up to \E (or the end) in both syntaxes.
    const end = pattern.indexOf('\\E', i + 2);
    const quoted = pattern.slice(i, end < 0 ? pattern.length : end + 2);
    return [quoted, quoted];
  }
  if (pattern[i] !== '\\') return [pattern[i], pattern[i]];
  // Java's \uhhhh is RE2's \x{hhhh}; a surrogate half is left as it is, for RE2 to refuse.
  const unicode = JAVA_UNICODE_ESCAPE.exec(pattern.slice(i, i + 6));
  if (unicode && !SURROGATE.test(unicode[1])) return [unicode[0], `\\x{${unicode[1]}}`];
  const escape = pattern.slice(i, i + 2);
  return [escape, escape];
}
