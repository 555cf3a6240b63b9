// `npm run bench`: bench-only build (vscode aliased to a stand-in), then each benchmark in its own
// process; prints a table and writes bench/results.json. Every figure is measured in this run.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBench } from './build.mjs';
import { activationRun, median, SCENARIOS } from './lib/activationRun.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'out/bench-run');
const ACTIVATION_RUNS = 9;
const kb = (bytes) => Math.round(bytes / 1024);

await buildBench();

function bench(name, extraArgs = []) {
  const file = join(out, 'results', `${name}.json`);
  rmSync(file, { force: true });
  console.error(`▶ ${name}`);
  const res = spawnSync(process.execPath, [...extraArgs, join(out, `${name}.js`)], {
    cwd: root, stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, BENCH_RESULT: file, AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING: '1' },
  });
  const stderr = res.stderr.toString().split('\n').filter((l) => /^\s\s\S|Error|error/.test(l)).join('\n');
  if (stderr) console.error(stderr);
  if (res.status !== 0 || !existsSync(file)) return { error: `exited ${res.status}: ${res.stderr.toString().slice(-600)}` };
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Production build and .vsix in a copy of the repo (so other people's dist/ is left alone), plus activation times. */
function startup() {
  const dir = mkdtempSync(join(tmpdir(), 'sce-package-'));
  try {
    for (const entry of ['package.json', 'README.md', 'LICENSE', '.vscodeignore', 'tsconfig.json', 'scripts', 'src', 'media']) {
      if (existsSync(join(root, entry))) cpSync(join(root, entry), join(dir, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: dir, stdio: 'inherit' });
    const vsix = join(dir, 'bench.vsix');
    execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--baseContentUrl', 'https://example.invalid/', '--baseImagesUrl', 'https://example.invalid/', '-o', vsix], {
      cwd: dir, stdio: ['ignore', 'ignore', 'inherit'],
    });
    const dist = join(dir, 'dist');
    const webviews = existsSync(join(dist, 'media'))
      ? readdirSync(join(dist, 'media'), { recursive: true }).map(String).filter((f) => f.endsWith('.js'))
      : [];
    const sizes = {
      extensionJsKb: kb(statSync(join(dist, 'extension.js')).size),
      awsJsKb: kb(statSync(join(dist, 'aws.js')).size),
      sandboxJsKb: kb(statSync(join(dist, 'sandbox.js')).size),
      ...(existsSync(join(dist, 'cloudformation.js')) ? { cloudFormationJsKb: kb(statSync(join(dist, 'cloudformation.js')).size) } : {}),
      ...(existsSync(join(dist, 'forms.js')) ? { formsJsKb: kb(statSync(join(dist, 'forms.js')).size) } : {}),
      ...(existsSync(join(dist, 'stacks.js')) ? { stacksJsKb: kb(statSync(join(dist, 'stacks.js')).size) } : {}),
      ...(existsSync(join(dist, 'records.js')) ? { recordsJsKb: kb(statSync(join(dist, 'records.js')).size) } : {}),
      ...(existsSync(join(dist, 'specs.js')) ? { specsJsKb: kb(statSync(join(dist, 'specs.js')).size) } : {}),
      webviewsKb: Object.fromEntries(webviews.map((f) => [f, kb(statSync(join(dist, 'media', f)).size)])),
      vsixKb: kb(statSync(vsix).size),
    };
    const activation = {};
    for (const scenario of SCENARIOS) {
      const runs = [];
      for (let i = 0; i < ACTIVATION_RUNS; i++) runs.push(activationRun(join(out, 'activation.js'), dist, scenario));
      const pick = (key) => Math.round(median(runs.map((r) => r[key])) * 10) / 10;
      activation[scenario] = {
        requireMs: pick('requireMs'), activateMs: pick('activateMs'), totalMs: pick('totalMs'), untilIdleMs: pick('untilIdleMs'),
        sdkLoadedByFirstIdle: runs.every((r) => r.sdkLoadedByFirstIdle), runs: runs.map((r) => Math.round(r.totalMs * 10) / 10),
        cloudFormationLoaded: runs.some((r) => r.cloudFormationLoadedByFirstIdle || r.cloudFormationLoadedAfterSettle),
        formsLoaded: runs.some((r) => r.formsLoadedByFirstIdle || r.formsLoadedAfterSettle),
        stacksLoaded: runs.some((r) => r.stacksLoadedByFirstIdle || r.stacksLoadedAfterSettle),
        recordsLoadedByFirstIdle: runs.some((r) => r.recordsLoadedByFirstIdle),
        recordsLoadedOnceConnected: runs.some((r) => r.recordsLoadedAfterSettle),
        specsLoaded: runs.some((r) => r.specsLoadedByFirstIdle || r.specsLoadedAfterSettle),
      };
    }
    return { sizes, activation };
  } catch (error) {
    return { error: String(error) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// BENCH_ONLY=tree,startup (listing, tree, tailing, updateForm, specDiagnostics, startup) re-runs some parts and keeps the other figures of the last results.json.
const only = process.env.BENCH_ONLY?.split(',');
const previous = only && existsSync(join(root, 'bench/results.json')) ? JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) : {};
const want = (name) => !only || only.includes(name);
const results = {
  when: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, node ${process.version}, ${(await import('node:os')).cpus().length} cpus`,
  listing: want('listing') ? bench('listing') : previous.listing,
  tree: want('tree') ? bench('tree', ['--expose-gc']) : previous.tree,
  tailing: want('tailing') ? bench('tailing') : previous.tailing,
  updateForm: want('updateForm') ? bench('updateForm') : previous.updateForm,
  specDiagnostics: want('specDiagnostics') ? bench('specDiagnostics') : previous.specDiagnostics,
  startup: want('startup') ? (console.error('▶ startup'), startup()) : previous.startup,
};
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
printTable(results);

function printTable(r) {
  const rows = [];
  const ok = (pass) => (pass ? 'met' : 'MISSED');
  for (const s of r.listing.sizes ?? []) {
    rows.push([`Listing N=${s.n} (${s.visible} visible, ${s.pages} pages)`, `${s.extension.ms} ms, ${s.extension.apiCalls} calls` + (s.extension.launchRoleSweepCalls ? ` (+${s.extension.launchRoleSweepCalls} launch-role scan after)` : ''),
      `floor ${s.floor.ms} ms → ${s.extensionVsFloor}×; CLI scan ${s.cliScan.ms} ms/${s.cliScan.apiCalls} calls (${s.cliScanVsExtension}× slower); CLI search loop ${s.cliSearchLoop.ms} ms/${s.cliSearchLoop.apiCalls} calls (${s.cliSearchLoopVsExtension}×)`,
      `≤1.15× floor: ${ok(s.extensionVsFloor <= 1.15)}${s.n === 1000 ? `; ≥3× CLI: ${ok(s.cliScanVsExtension >= 3)}` : ''}`]);
  }
  if (r.tree.build) {
    rows.push([`Tree: ${r.tree.products} items`, `${r.tree.build.medianMs} ms, ${r.tree.build.retainedHeapMb} MB retained`,
      `${r.tree.products} items, every tooltip built`, `<100 ms: ${ok(r.tree.build.medianMs < 100)}`]);
    rows.push([`Auto-refresh, ${r.tree.autoRefresh.busy} busy of ${r.tree.products}`, `${r.tree.autoRefresh.medianMs} ms`,
      `calls/tick ${JSON.stringify(r.tree.autoRefresh.apiCallsPerTick)}`, `no re-list: ${ok(!r.tree.autoRefresh.apiCallsPerTick.SearchProvisionedProducts)}`]);
  }
  for (const key of ['adaptive', 'fixed1s', 'adaptiveWithEvents']) {
    const t = r.tailing?.[key];
    if (!t) continue;
    const calls = t.describeStackEventsCalls === undefined
      ? `${t.describeCalls} DescribeRecord`
      : `${t.describeCalls} DescribeRecord + ${t.describeStackEventsCalls} DescribeStackEvents + ${t.describeStacksCalls} DescribeStacks`;
    rows.push([`Tailing ${t.policy} (${t.records} records, ${t.recordMinutes} record-min)`, `status change seen after median ${t.delay.medianMs} ms, p95 ${t.delay.p95Ms} ms`,
      `final: median ${t.finalDelay.medianMs} ms, p95 ${t.finalDelay.p95Ms} ms; ${calls} = ${t.callsPerRecordMinute}/record-min; one record's most in any 60 s: ${t.maxCallsOfOneRecordInAnyMinute}`,
      key === 'adaptive' ? `median ≤2 s: ${ok(t.delay.medianMs <= 2000)}; ≤10 calls/record-min: ${ok(t.callsPerRecordMinute <= 10)}` : key === 'fixed1s' ? 'baseline' : '']);
    const e = t.stackEvents;
    if (e) {
      rows.push([`Stack events (${e.recordsWithStack} records with a stack, ${e.stackRecordMinutes} record-min)`, `event seen after median ${e.delay.medianMs} ms, p95 ${e.delay.p95Ms} ms`,
        `${e.eventsSeen} of ${e.eventsOfTheStacks} events seen (${e.eventsMissed} missed); their records' calls ${e.callsPerStackRecordMinute}/record-min`,
        `median ≤2 s: ${ok(e.delay.medianMs <= 2000)}; ≤12 calls/record-min: ${ok(t.callsPerRecordMinute <= 12 && e.callsPerStackRecordMinute <= 12)}`]);
    }
  }
  const u = r.updateForm;
  if (u?.extension) {
    rows.push([`Update form to interactive (${u.latencyMs} ms latency)`, `${u.extension.ms} ms, ${Object.values(u.extension.calls).reduce((a, b) => a + b, 0)} calls`,
      `floor ${u.floor.ms} ms (same ${u.floor.calls} calls, ${u.floor.roundTripsDeep} round trips deep) → ${u.extensionVsFloor}×`, 'no target (issue 13: against the floor)']);
  } else if (u?.error) rows.push(['Update form', 'error', u.error.slice(0, 200), '']);
  const d = r.specDiagnostics;
  if (d?.check) {
    rows.push([`Spec file diagnostics (${d.products} products, ${d.lines} lines, ${d.problems} problems; catalog cached)`, `check + diagnostics median ${d.check.medianMs} ms, p95 ${d.check.p95Ms} ms`,
      `pure parse + validate + diagnostics: median ${d.pure.medianMs} ms, p95 ${d.pure.p95Ms} ms (${d.runs} runs)`, `<${d.targetMs} ms: ${ok(d.check.p95Ms < d.targetMs)}`]);
  } else if (d?.error) rows.push(['Spec file diagnostics', 'error', d.error.slice(0, 200), '']);
  if (r.startup.sizes) {
    const s = r.startup.sizes;
    rows.push(['Bundles (production)', `extension.js ${s.extensionJsKb} KB`, `aws.js ${s.awsJsKb} KB, sandbox.js ${s.sandboxJsKb} KB${s.cloudFormationJsKb ? `, cloudformation.js ${s.cloudFormationJsKb} KB` : ''}${s.formsJsKb ? `, forms.js ${s.formsJsKb} KB` : ''}${s.stacksJsKb ? `, stacks.js ${s.stacksJsKb} KB` : ''}${s.recordsJsKb ? `, records.js ${s.recordsJsKb} KB` : ''}${s.specsJsKb ? `, specs.js ${s.specsJsKb} KB` : ''}, webviews ${JSON.stringify(s.webviewsKb)}; .vsix ${s.vsixKb} KB`, '']);
    for (const [scenario, a] of Object.entries(r.startup.activation)) {
      rows.push([`Activation (${scenario})`, `${a.totalMs} ms (require ${a.requireMs} + activate ${a.activateMs})`,
        `aws.js (SDK) required by first idle turn: ${a.sdkLoadedByFirstIdle}; cloudformation.js required by activation: ${a.cloudFormationLoaded}; forms.js required by activation: ${a.formsLoaded}; stacks.js: ${a.stacksLoaded}; specs.js: ${a.specsLoaded}${a.recordsLoadedByFirstIdle === undefined ? '' : `; records.js by first idle turn: ${a.recordsLoadedByFirstIdle}, once connected: ${a.recordsLoadedOnceConnected}`}`,
        `<30 ms: ${ok(a.totalMs < 30)}${a.cloudFormationLoaded === undefined ? '' : `; CloudFormation client not loaded: ${ok(!a.cloudFormationLoaded)}`}${a.formsLoaded === undefined ? '' : `; forms and stack rows not loaded: ${ok(!a.formsLoaded && !a.stacksLoaded)}`}${a.specsLoaded === undefined ? '' : `; spec files not loaded: ${ok(!a.specsLoaded)}`}${a.recordsLoadedOnceConnected === undefined || scenario !== 'auto' ? '' : `; record tracker not loaded without a connection: ${ok(!a.recordsLoadedOnceConnected)}`}`]);
    }
  } else rows.push(['Start-up', 'error', r.startup.error, '']);
  for (const [name, v] of Object.entries(r)) if (v && v.error) console.log(`${name}: ${v.error}`);
  console.log(['| Benchmark | Result | Compared with | Target |', '|---|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n'));
}
