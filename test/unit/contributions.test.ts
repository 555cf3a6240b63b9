// package.json and the code agree, both ways, from the code's own constants: the commands the
// extension registers (by activating it) are the ones package.json contributes, every command a menu,
// key binding or welcome link names exists, and every `viewItem` test in a `when` clause matches
// whole tokens of a contextValue the tree can produce, while every token the tree produces is read by
// some when clause (or is listed below as kept on purpose).
import { fakeVscode, registeredCommands } from '../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProvisionedProductStatus } from '@aws-sdk/client-service-catalog';
import type * as vscode from 'vscode';
import { activate } from '../../src/extension';
import { productContextValue } from '../../src/core/products/capabilities';
import { ITEM_CONTEXT } from '../../src/products/nodes';
import { COMMANDS, INTERNAL_COMMANDS } from '../../src/ui/commandIds';

interface MenuEntry { readonly command?: string; readonly submenu?: string; readonly when?: string }
interface Manifest {
  readonly contributes: {
    readonly commands: readonly { readonly command: string; readonly title: string; readonly enablement?: string }[];
    readonly menus?: Readonly<Record<string, readonly MenuEntry[]>>;
    readonly keybindings?: readonly { readonly command: string; readonly when?: string }[];
    readonly viewsWelcome?: readonly { readonly view: string; readonly contents: string; readonly when?: string }[];
  };
}

const ROOT = process.cwd();
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const { contributes } = manifest;
const registry: readonly string[] = Object.values(COMMANDS);
const internal: readonly string[] = INTERNAL_COMMANDS;

/**
 * contextValue tokens no when clause reads, kept on purpose. Each must still be produced and unread
 * (the test fails when an entry goes stale).
 */
const KEPT_TOKENS: readonly { readonly token: RegExp; readonly why: string }[] = [
  { token: /^status-/, why: "a product's status: test/integration/tree.test.ts reads it from the contextValue" },
  { token: /^type-/, why: "a product's type: test/integration/tree.test.ts reads it from the contextValue" },
  {
    token: new RegExp(`^(${[...new Set(Object.values(ITEM_CONTEXT).map((v) => v.split(';')[0]))].join('|')})$`),
    why: "an item's kind (the first token of ITEM_CONTEXT): what a menu for that kind would match",
  },
];

// ---- What the code produces ---------------------------------------------------------------------

/** Every contextValue the tree can give an item: each product status and type, and every ITEM_CONTEXT value. */
function producedContextValues(): string[] {
  const statuses = [...Object.values(ProvisionedProductStatus), undefined];
  const types = ['CFN_STACK', 'CFN_STACKSET', 'TERRAFORM_OPEN_SOURCE', undefined];
  const products = statuses.flatMap((Status) => types.flatMap((Type) => [productContextValue({ Status, Type, Arn: 'arn:x' }), productContextValue({ Status, Type })]));
  return [...new Set([...products, ...Object.values(ITEM_CONTEXT)])];
}

/** The commands the extension registers when it activates (into the fake's command map). */
function registeredByActivation(): string[] {
  registeredCommands.clear();
  const memento = () => {
    const values = new Map<string, unknown>();
    return { get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback), update: async (key: string, value: unknown) => void values.set(key, value), keys: () => [...values.keys()], setKeysForSync() {} };
  };
  const uri = fakeVscode.Uri.parse('file:///tmp/service-catalog-explorer-test');
  const context = { subscriptions: [] as { dispose(): unknown }[], workspaceState: memento(), globalState: memento(), globalStorageUri: uri, extensionUri: uri, extensionPath: ROOT };
  try {
    activate(context as unknown as vscode.ExtensionContext);
  } finally {
    for (const d of context.subscriptions) d.dispose();
  }
  return [...registeredCommands.keys()];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.startsWith(join('sandbox', 'model')))
    .map((f) => join(dir, f));
}

// ---- when clauses -------------------------------------------------------------------------------

interface ViewItemTest {
  readonly where: string;
  readonly text: string;
  /** One test per alternative of a regular expression (`/a|b/` is two), or the value of `==`. */
  readonly alternatives: readonly { readonly text: string; readonly matches: (contextValue: string) => RegExpMatchArray[] }[];
}

/** Every `viewItem =~ /…/` and `viewItem == …` (or `!=`) in the manifest's when clauses. */
function viewItemTests(): ViewItemTest[] {
  const clauses: { where: string; when: string }[] = [];
  for (const [menu, entries] of Object.entries(contributes.menus ?? {})) {
    entries.forEach((e, i) => e.when && clauses.push({ where: `menus.${menu}[${i}] (${e.command ?? e.submenu})`, when: e.when }));
  }
  (contributes.keybindings ?? []).forEach((k, i) => k.when && clauses.push({ where: `keybindings[${i}] (${k.command})`, when: k.when }));
  (contributes.viewsWelcome ?? []).forEach((w, i) => w.when && clauses.push({ where: `viewsWelcome[${i}]`, when: w.when }));
  contributes.commands.forEach((c) => c.enablement && clauses.push({ where: `enablement of ${c.command}`, when: c.enablement }));

  const tests: ViewItemTest[] = [];
  for (const { where, when } of clauses) {
    for (const m of when.matchAll(/viewItem\s*=~\s*\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\[])+)\/([a-z]*)/g)) {
      const [text, source, flags] = m;
      tests.push({
        where, text,
        alternatives: topLevelAlternatives(source).map((alternative) => {
          const re = new RegExp(alternative, `${flags.replace('g', '')}g`);
          return { text: `/${alternative}/`, matches: (value: string) => [...value.matchAll(re)].filter((x) => x[0].length > 0) };
        }),
      });
    }
    for (const m of when.matchAll(/viewItem\s*(?:==|!=)\s*([^\s&|)]+)/g)) {
      const value = m[1].replace(/^'(.*)'$/, '$1');
      tests.push({ where, text: m[0], alternatives: [{ text: value, matches: (cv: string) => (cv === value ? [Object.assign([cv], { index: 0 }) as RegExpMatchArray] : []) }] });
    }
  }
  return tests;
}

/** `a|(b|c)|d` → `a`, `(b|c)`, `d`. */
function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, source.slice(start)];
}

/** Whether a match starts and ends at token boundaries (`;`-separated), so /output/ cannot match "outputs". */
function coversWholeTokens(value: string, match: RegExpMatchArray): boolean {
  const start = match.index!;
  const end = start + match[0].length;
  const startsAtToken = start === 0 || value[start - 1] === ';';
  const endsAtToken = end === value.length || value[end] === ';' || value[end - 1] === ';';
  return startsAtToken && endsAtToken;
}

// ---- The checks ---------------------------------------------------------------------------------

describe('package.json and the code', () => {
  describe('commands', () => {
    const contributed = contributes.commands.map((c) => c.command);
    let registered: string[] = [];
    before(() => {
      registered = registeredByActivation();
    });

    it('registers exactly the commands of the registry (src/ui/commandIds.ts) when it activates', () => {
      assert.ok(registered.length > 20, `${registered.length} commands registered`);
      assert.deepEqual(registered.filter((id) => !registry.includes(id)), [], 'registered but not in COMMANDS');
      assert.deepEqual(registry.filter((id) => !registered.includes(id)), [], 'in COMMANDS but never registered');
      assert.equal(new Set(registered).size, registered.length, 'a command registered twice');
    });

    it('contributes every registered command, but for the deliberately internal ones', () => {
      assert.deepEqual(contributed.filter((id) => !registered.includes(id)), [], 'contributed but not registered (a menu entry or palette item that does nothing)');
      assert.deepEqual(registered.filter((id) => !contributed.includes(id) && !internal.includes(id)), [], 'registered but neither contributed nor listed in INTERNAL_COMMANDS');
      assert.deepEqual(internal.filter((id) => contributed.includes(id)), [], 'listed as internal but contributed');
      assert.equal(new Set(contributed).size, contributed.length, 'a command contributed twice');
    });

    it('names only contributed commands in menus, key bindings and welcome links', () => {
      const referenced: { id: string; where: string }[] = [];
      for (const [menu, entries] of Object.entries(contributes.menus ?? {})) {
        entries.forEach((e, i) => e.command && referenced.push({ id: e.command, where: `menus.${menu}[${i}]` }));
      }
      (contributes.keybindings ?? []).forEach((k, i) => referenced.push({ id: k.command, where: `keybindings[${i}]` }));
      (contributes.viewsWelcome ?? []).forEach((w, i) => {
        for (const m of w.contents.matchAll(/\(command:([^)?\s]+)/g)) referenced.push({ id: m[1], where: `viewsWelcome[${i}]` });
      });
      assert.ok(referenced.length > 20, `${referenced.length} references`);
      assert.deepEqual(referenced.filter((r) => !contributed.includes(r.id)).map((r) => `${r.id} in ${r.where}`), []);
    });

    it('refers to commands through COMMANDS, not by string, everywhere in src', () => {
      const literal = new RegExp(`['"\`:](${registry.map((id) => id.replace(/\./g, '\\.')).join('|')})(?![\\w.])`, 'g');
      const literals = sourceFiles('src')
        .filter((file) => file !== join('src', 'ui', 'commandIds.ts'))
        .flatMap((file) => readFileSync(join(ROOT, file), 'utf8').split('\n').map((line, i) => ({ file, line, n: i + 1 })))
        // A storage key (FILTER_KEY = 'serviceCatalogExplorer.filter') may spell like a command.
        .filter(({ line }) => !/\b[A-Z_]+_KEY\s*=/.test(line))
        .flatMap(({ file, line, n }) => [...line.matchAll(literal)].map((m) => `${m[1]} at ${file}:${n}`));
      assert.deepEqual(literals, []);
    });
  });

  describe('contextValue tokens and when clauses', () => {
    const produced = producedContextValues();
    const tests = viewItemTests();

    it('finds the when clauses that test viewItem', () => {
      assert.ok(tests.length > 10, `${tests.length} viewItem tests`);
    });

    it('matches, with every alternative of every viewItem test, whole tokens of some contextValue the tree produces', () => {
      const unmatched = tests.flatMap((t) => t.alternatives.filter((a) => !produced.some((cv) => a.matches(cv).length)).map((a) => `${a.text} of ${t.text} in ${t.where}`));
      assert.deepEqual(unmatched, [], 'matches no contextValue the code can produce');
      const partial = tests.flatMap((t) => t.alternatives.flatMap((a) =>
        produced.filter((cv) => a.matches(cv).some((m) => !coversWholeTokens(cv, m))).map((cv) => `${a.text} of ${t.text} in ${t.where} matches part of a token of "${cv}"`)));
      assert.deepEqual(partial, []);
    });

    it('reads every token the tree produces in some when clause, but for those kept on purpose', () => {
      const matchesAny = (cv: string) => tests.map((t) => t.alternatives.map((a) => a.matches(cv).length > 0).join()).join();
      const unread = new Set<string>();
      for (const cv of produced) {
        const tokens = cv.split(';');
        for (const token of tokens) {
          const without = tokens.filter((t) => t !== token).join(';');
          if (matchesAny(without) === matchesAny(cv)) unread.add(token);
        }
      }
      const kept = (token: string) => KEPT_TOKENS.some((k) => k.token.test(token));
      assert.deepEqual([...unread].filter((t) => !kept(t)), [], 'produced but no when clause reads it: drop it, or keep it in KEPT_TOKENS with the reason');
      const stale = KEPT_TOKENS.filter((k) => ![...unread].some((t) => k.token.test(t))).map((k) => `${k.token} (${k.why})`);
      assert.deepEqual(stale, [], 'kept on purpose but no longer produced, or now read by a when clause');
    });

    it('sets contextValue only from productContextValue or ITEM_CONTEXT', () => {
      const loose = sourceFiles('src').flatMap((file) =>
        [...readFileSync(join(ROOT, file), 'utf8').matchAll(/\bcontextValue\s*=(?!=)\s*([^\n]+)/g)]
          .filter((m) => !/^(productContextValue\(|ITEM_CONTEXT\.|this\.\w+ \? ITEM_CONTEXT\.\w+ : ITEM_CONTEXT\.)/.test(m[1]))
          .map((m) => `${file}: ${m[0]}`));
      assert.deepEqual(loose, []);
    });
  });
});
