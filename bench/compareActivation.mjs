// Activation of several production builds side by side: `node bench/compareActivation.mjs <dist> <dist>…`
// (each a dist/ built with `scripts/build.mjs --production`, e.g. in a `git worktree` of an older commit).
// The builds alternate run by run, in each scenario, with the same out/bench-run/activation.js, so load
// on the machine falls on all of them alike. BENCH_ACTIVATION_RUNS sets the runs per build and scenario (15).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildBench } from './build.mjs';
import { activationRun, median, SCENARIOS } from './lib/activationRun.mjs';

const root = new URL('..', import.meta.url).pathname;
const dists = process.argv.slice(2);
const runs = Number(process.env.BENCH_ACTIVATION_RUNS ?? 15);
if (!dists.length) throw new Error('usage: node bench/compareActivation.mjs <dist dir>…');

await buildBench();
const activationJs = join(root, 'out/bench-run/activation.js');
const results = {};
for (const scenario of SCENARIOS) {
  const byDist = Object.fromEntries(dists.map((d) => [d, []]));
  for (let i = 0; i < runs; i++) for (const d of dists) byDist[d].push(activationRun(activationJs, d, scenario));
  results[scenario] = byDist;
}
const round = (x) => Math.round(x * 10) / 10;
const bundles = (d) => readdirSync(d).filter((f) => f.endsWith('.js') && f !== 'sandbox-cli.js').map((f) => `${f} ${Math.round(statSync(join(d, f)).size / 1024)} KB`).join(', ');
console.log('| Build | Bundles | Scenario | total median (fastest) | require median | activate median | lazy bundles required by activation | records.js by first idle / once connected |');
console.log('|---|---|---|---|---|---|---|---|');
for (const d of dists) {
  for (const scenario of SCENARIOS) {
    const rs = results[scenario][d];
    const pick = (key) => round(median(rs.map((r) => r[key])));
    const loaded = [['cloudformation.js', 'cloudFormation'], ['forms.js', 'forms'], ['stacks.js', 'stacks'], ['specs.js', 'specs']]
      .filter(([, key]) => rs.some((r) => r[`${key}LoadedByFirstIdle`] || r[`${key}LoadedAfterSettle`])).map(([file]) => file);
    const records = `${rs.some((r) => r.recordsLoadedByFirstIdle)} / ${rs.some((r) => r.recordsLoadedAfterSettle)}`;
    console.log(`| ${d} | ${bundles(d)} | ${scenario} | ${pick('totalMs')} ms (${round(Math.min(...rs.map((r) => r.totalMs)))}) | ${pick('requireMs')} ms | ${pick('activateMs')} ms | ${loaded.join(', ') || 'none'} | ${records} |`);
  }
}
// Paired: in how many rounds the first build was faster than each other.
for (const scenario of SCENARIOS) {
  const [first, ...others] = dists;
  for (const other of others) {
    const a = results[scenario][first], b = results[scenario][other];
    const faster = a.filter((r, i) => r.totalMs < b[i].totalMs).length;
    console.log(`${scenario}: ${first} faster than ${other} in ${faster} of ${a.length} rounds`);
  }
}
