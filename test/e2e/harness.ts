// E2E harness: a real VS Code (the pinned VS Code server from tools/vscode-server, Node extension
// host) with this repo as the extension under development, its web workbench in headless Chromium
// driven by playwright-core. Run the e2e files with scripts/runE2e.mjs.
//
//   describe('my feature', () => {
//     const wb = useWorkbench();            // per describe: one server + browser
//     it('shows the tree', async () => {
//       await wb.page.click('.activitybar [aria-label^="Service Catalog"]');
//       await wb.screenshot('tree');         // -> test-results/tree.png
//     });
//   });
//
// Each test gets a fresh browser context and page with the workbench loaded ("[Extension Development
// Host]" in the title) unless `pagePer: 'suite'`. A failing test leaves test-results/<test title>.png
// and .log (browser console). Server and browser are stopped in `after`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Repo root: this file runs as out/test/e2e/<file>.js. */
export const repoRoot = process.env.SCE_REPO_ROOT ?? path.resolve(__dirname, '../../..');
export const testResultsDir = path.join(repoRoot, 'test-results');

export interface WorkbenchOptions {
  /** Folder to open (default: a fresh empty folder). */
  workspace?: string;
  /** Extra environment for the server and therefore the extension host (e.g. SCE_* / SANDBOX_*). */
  env?: Record<string, string>;
  /** Extension under development (default: $SCE_EXTENSION_PATH or the repo root). */
  extensionDevelopmentPath?: string;
  /** 'test' (default): fresh browser context + workbench per test; 'suite': one for the whole describe. */
  pagePer?: 'test' | 'suite';
  /** Time allowed for the workbench to appear (default 60 s). */
  loadTimeoutMs?: number;
}

export interface Workbench {
  /** The page showing the workbench (valid inside tests and beforeEach/afterEach hooks). */
  readonly page: Page;
  /** The folder opened in the workbench. */
  readonly workspace: string;
  /** Server origin (http://127.0.0.1:<port>) and its log file. */
  readonly server: { origin: string; port: number; logFile: string };
  /** Browser console messages of the current page ("type: text"). */
  readonly console: string[];
  /** Saves test-results/<name>.png; returns its path. */
  screenshot(name: string): Promise<string | undefined>;
  /** Closes the current page and loads a fresh workbench (new context). */
  reload(): Promise<Page>;
  /** Runs a command through the command palette (F1, type `label`, Enter). */
  runCommand(label: string): Promise<void>;
  /** Clicks the activity bar entry whose label starts with `title` and waits for its side bar. */
  openViewContainer(title: string): Promise<void>;
}

/** The part of scripts/lib/vscodeServer.mjs the harness uses (loaded at run time, not bundled). */
interface Lib {
  makeRunDir(prefix?: string): string;
  startWorkbenchServer(o: { runDir: string; env?: Record<string, string> }): Promise<{ origin: string; port: number; logFile: string; stop(): Promise<void> }>;
  launchBrowser(): Promise<Browser>;
  workbenchUrl(o: { origin: string; folder?: string; extensionDevelopmentPath?: string }): string;
  waitForWorkbench(page: Page, timeoutMs?: number): Promise<void>;
  screenshot(page: Page, name: string): Promise<string | undefined>;
  withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T>;
}

function loadLib(): Promise<Lib> {
  return import(pathToFileURL(path.join(repoRoot, 'scripts/lib/vscodeServer.mjs')).href) as Promise<Lib>;
}

/** Runs the item labelled `label` of the open context menu (highlighted, then Enter, as a keyboard user would). */
export async function pickMenuItem(page: Page, label: string): Promise<void> {
  const item = page.locator('.context-view .action-item', { has: page.locator('.action-label', { hasText: label }) }).first();
  await item.waitFor({ timeout: 15_000 });
  await item.hover();
  await page.locator('.context-view .action-item.focused').first().waitFor({ timeout: 5_000 });
  await page.keyboard.press('Enter');
  await item.waitFor({ state: 'detached', timeout: 15_000 });
}

/** The visual lines of the output in the panel that Monaco has rendered, with where each is drawn. */
function renderedOutputLines(page: Page): Promise<{ top: number; text: string }[]> {
  return page.locator('.part.panel .monaco-editor .view-line').evaluateAll((els) =>
    els.map((e) => ({ top: parseFloat((e as unknown as { style: { top: string } }).style.top) || 0, text: (e.textContent ?? '').replace(/\u00a0/g, ' ') })),
  );
}

const inDrawnOrder = (lines: Iterable<{ top: number; text: string }>) => [...lines].sort((a, b) => a.top - b.top).map((l) => l.text).join('');

/**
 * The text of the output shown in the panel, as far as it is in view: Monaco renders only the visual
 * lines in view (a long line wraps into several, each its own element; spaces as non-breaking ones),
 * and reuses their elements as it scrolls, so they are put in order by where they are drawn.
 */
export async function panelOutputText(page: Page): Promise<string> {
  return inDrawnOrder(await renderedOutputLines(page));
}

/**
 * The whole text of the output in the panel: scrolled to its top, then read a page at a time down to
 * its end, where it follows new lines again (a line's place is where it is drawn in the whole text).
 * The wheel scrolls it wherever the keyboard focus is.
 */
export async function wholePanelOutputText(page: Page): Promise<string> {
  const box = await page.locator('.part.panel .monaco-editor').first().boundingBox();
  if (!box) throw new Error('no output in the panel');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // A wheel event scrolls by a bounded amount: up until the first line (drawn at 0) is in view.
  for (let tries = 0; tries < 100; tries++) {
    const tops = (await renderedOutputLines(page)).map((l) => l.top);
    if (!tops.length || Math.min(...tops) <= 0) break;
    await page.mouse.wheel(0, -box.height);
    await page.waitForTimeout(50);
  }
  const seen = new Map<number, string>();
  for (let pages = 0; pages < 100; pages++) {
    await page.waitForTimeout(100);
    const before = seen.size;
    for (const line of await renderedOutputLines(page)) seen.set(line.top, line.text);
    if (pages > 0 && seen.size === before) break;
    await page.mouse.wheel(0, box.height * 0.8);
  }
  return inDrawnOrder([...seen].map(([top, text]) => ({ top, text })));
}

/** Registers mocha hooks on the enclosing describe and returns its workbench handle. */
export function useWorkbench(options: WorkbenchOptions = {}): Workbench {
  const pagePer = options.pagePer ?? 'test';
  let lib: Lib;
  let runDir: string | undefined;
  let server: Awaited<ReturnType<Lib['startWorkbenchServer']>> | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let workspace = '';
  let consoleLines: string[] = [];

  async function openPage(): Promise<Page> {
    await closePage();
    context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    consoleLines = [];
    // Workbench log lines look like "%c INFO color: #33f text"; keep the text.
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text().replace(/^%c\s*(\w+)\s+color: #\w+\s*/, '$1 ')}`));
    page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
    const url = lib.workbenchUrl({
      origin: server!.origin,
      folder: workspace,
      extensionDevelopmentPath: options.extensionDevelopmentPath ?? process.env.SCE_EXTENSION_PATH ?? repoRoot,
    });
    await page.goto(url);
    await lib.waitForWorkbench(page, options.loadTimeoutMs ?? 60_000);
    return page;
  }

  async function closePage(): Promise<void> {
    const ctx = context;
    context = page = undefined;
    await ctx?.close().catch(() => undefined);
  }

  /** On failure: screenshot + browser console next to it. */
  async function recordFailure(title: string): Promise<void> {
    if (!page) return;
    const shot = await lib.screenshot(page, title);
    if (shot) {
      fs.writeFileSync(shot.replace(/\.png$/, '.log'), `${consoleLines.join('\n')}\n`);
      console.log(`      screenshot: ${path.relative(repoRoot, shot)}`);
    }
  }

  before(async function () {
    this.timeout(120_000);
    lib = await loadLib();
    runDir = lib.makeRunDir('sce-e2e-');
    workspace = options.workspace ?? path.join(runDir, 'workspace');
    // The server `npm start` starts (no test driver), so dialogs and links behave as for a user.
    server = await lib.startWorkbenchServer({ runDir, env: options.env });
    browser = await lib.launchBrowser();
    if (pagePer === 'suite') await openPage();
  });

  beforeEach(async function () {
    this.timeout(120_000);
    if (pagePer === 'test') await openPage();
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed') await recordFailure(test.fullTitle());
    if (pagePer === 'test') await closePage();
  });

  after(async function () {
    this.timeout(60_000);
    await closePage();
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (runDir) fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  });

  return {
    get page() {
      if (!page) throw new Error('no workbench page (use wb.page inside a test or hook)');
      return page;
    },
    get workspace() {
      return workspace;
    },
    get server() {
      if (!server) throw new Error('server not started yet');
      return { origin: server.origin, port: Number(new URL(server.origin).port), logFile: server.logFile };
    },
    get console() {
      return consoleLines;
    },
    screenshot: (name) => lib.screenshot(page!, name),
    reload: openPage,
    async runCommand(label) {
      const p = page!;
      await p.keyboard.press('F1');
      const input = p.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(`>${label}`);
      await p.locator('.quick-input-widget .monaco-list-row').first().waitFor();
      await input.press('Enter');
    },
    async openViewContainer(title) {
      const entry = page!.locator(`.activitybar [aria-label^="${title}"]`).first();
      await entry.waitFor({ timeout: 30_000 }); // appears once the extension's contributions are registered
      if ((await entry.getAttribute('aria-expanded')) !== 'true') await entry.click();
      await page!.locator('.part.sidebar').waitFor();
    },
  };
}
