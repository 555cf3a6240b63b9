// Spec file diagnostics: how long an open spec file of 50 provisioned products takes to check once the
// catalog is cached, as the extension checks it after each pause in typing: the whole check
// (SpecValidations.checkText: parse, the snapshot from the connection's catalog cache, validateSpec)
// and the problems turned into diagnostics (diagnosticOf), and apart from it the pure path alone
// (parseSpec + validateSpec against the snapshot). The catalog is the sandbox's, read once through the
// extension's own clients and cache before the timed runs.
import { performance } from 'node:perf_hooks';
import { CatalogApi } from '../src/aws/catalogApi';
import { ProvisioningService } from '../src/aws/provisioningService';
import { CatalogCache } from '../src/connections/catalogCache';
import type { SandboxConnection } from '../src/core/connection';
import { parseSpec, validateSpec } from '../src/core/specs';
import { SpecCatalog } from '../src/specs/specCatalog';
import { diagnosticOf } from '../src/specs/specDiagnostics';
import { SpecValidations } from '../src/specs/specValidations';
import type * as vscode from 'vscode';
import { startBenchSandbox } from './lib/sandbox';
import { median, percentile, progress, round, runBench, writeResult } from './lib/stats';

const PRODUCTS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_MS = 50;

/** The README's two products, alternately, each name its own; every fifth carries a mistake (a diagnostic: a misspelt product or parameter key). */
function specText(): string {
  const entries = Array.from({ length: PRODUCTS }, (_, i) => {
    const n = String(i).padStart(2, '0');
    const wrong = i % 5 === 4;
    return i % 2 === 0
      ? `  - name: site-${n}\n    product: ${wrong ? 'Static Websit' : 'Static Website'}\n    version: v2.0\n    parameters:\n      BucketName: site-${n}.example.com\n`
        + '      Environment: prod\n      CacheTtlSeconds: 600\n    tags:\n      CostCenter: cc-2002\n      Environment: prod\n'
      : `  - name: service-${n}\n    product: Container Service\n    version: v3\n    launchPath: Platform Engineering\n    parameters:\n      ServiceName: service-${n}\n`
        + `      ${wrong ? 'DesiredCnt' : 'DesiredCount'}: 4\n      DbPassword: \${env:DB_PASSWORD}\n    tags:\n      CostCenter: cc-2002\n      Environment: prod\n`;
  });
  return `provisionedProducts:\n${entries.join('')}`;
}

/** The document diagnosticOf reads: offsets to positions, by the line starts as VS Code keeps them. */
function documentOf(text: string): vscode.TextDocument {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const positionAt = (offset: number) => {
    let low = 0, high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
  };
  return { positionAt } as unknown as vscode.TextDocument;
}

async function main(): Promise<void> {
  const sandbox = await startBenchSandbox({ latencyMs: 0, timeScale: 1 });
  try {
    const { accessKeyId, secretAccessKey } = sandbox.credentialsOf('endUser');
    const connection: SandboxConnection = { kind: 'sandbox', endpoint: sandbox.endpoint, region: sandbox.region, accessKeyId, secretAccessKey };
    const facts = new CatalogCache().of(new ProvisioningService(new CatalogApi(connection, { accessLevel: 'User', language: 'en' }).client));
    const validations = new SpecValidations(new SpecCatalog({ catalogFacts: () => facts, onDidChangeCatalog: () => ({ dispose() {} }) }));
    const text = specText();
    const document = documentOf(text);
    // The first check reads the catalog (the cache keeps it): not timed.
    const first = await validations.checkText(text);
    if (first.unavailable || !first.snapshot) throw new Error(`no catalog: ${first.unavailable}`);
    const problems = first.validation.problems.length;
    if (first.validation.products.some((p) => !p.form && p.target)) throw new Error('a version\'s parameters were not read');
    progress(`${PRODUCTS} products, ${text.split('\n').length} lines, ${problems} problems`);
    const check: number[] = [];
    const pure: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const checked = await validations.checkText(text);
      const diagnostics = checked.validation.problems.map((p) => diagnosticOf(document, p));
      const t1 = performance.now();
      const validation = validateSpec(parseSpec(text), first.snapshot);
      validation.problems.map((p) => diagnosticOf(document, p));
      const t2 = performance.now();
      if (diagnostics.length !== problems || validation.problems.length !== problems) throw new Error('the problems changed between runs');
      check.push(t1 - t0);
      pure.push(t2 - t1);
    }
    const figures = (xs: number[]) => ({ medianMs: round(median(xs), 2), p95Ms: round(percentile(xs, 0.95), 2), maxMs: round(Math.max(...xs), 2) });
    writeResult({ products: PRODUCTS, lines: text.split('\n').length, problems, runs: RUNS, check: figures(check), pure: figures(pure), targetMs: TARGET_MS });
  } finally {
    await sandbox.stop();
  }
}

runBench(main);
