// Province benchmark (`npm run bench:province`, which builds first). See bench/README.md.
//
// 170 tambon packages of the heaviest kind (households included), then, each phase in a fresh
// process: the export of one package; at the province a dry run of all 170, the apply of all
// 170, a re-import of the same 170 (all no-ops) and the peak memory; and the same rows inserted
// into a bare better-sqlite3 table, for the throughput ratio. Targets (issue 13): export one
// package ≤ 1 s; verify + dry run + apply of all 170 ≤ 60 s and ≥ 1/3 of bare insert throughput;
// re-import ≤ 3 s; peak memory ≤ 500 MB. BENCH_PACKAGES overrides 170; BENCH_STRICT=1 exits 1 on a miss.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.env.BENCH_PACKAGES ?? 170);
const probe = path.join(root, 'dist', 'bench', 'provinceProbe.cjs');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
await build({
  entryPoints: [path.join(root, 'bench', 'provinceProbe.ts')],
  outfile: probe,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['better-sqlite3', 'electron', 'playwright-core'],
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-province-bench-'));
function run(args) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [probe, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`probe ${args.join(' ')} failed (${result.status})`);
  return { ...JSON.parse(result.stdout.trim().split('\n').at(-1)), wallMs: Date.now() - started };
}

console.log(`work folder: ${work}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const gen = run(['generate', work, String(count)]);
console.log(`generated ${gen.packages} packages, ${gen.rowsPerPackage.toLocaleString('en')} rows each, median ${(gen.bytes.median / 1024).toFixed(0)} KiB (${(gen.bytes.total / 1024 / 1024).toFixed(1)} MiB in all), in ${(gen.wallMs / 1000).toFixed(1)} s`);
const imp = run(['import', work]);
const bare = run(['bare', work]);
const loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(' ');

const verifyApply = imp.dryRunMs + imp.applyMs;
const importRate = imp.rows / (imp.applyMs / 1000);
const bareRate = bare.rows / (bare.bareMs / 1000);
const checks = [
  ['export one package (key unlocked by passphrase, scrypt)', gen.exportMs.unlockedMedian, 1000, 'ms'],
  ['export one package (key already unlocked)', gen.exportMs.inMemoryMedian, 1000, 'ms'],
  [`dry run + apply of ${count}`, verifyApply, 60_000, 'ms'],
  [`re-import of ${count} (no-ops)`, imp.reimportMs, 3000, 'ms'],
  ['peak memory of the import process', imp.maxRssMb, 500, 'MB'],
];
console.log('');
console.log('| measure | value | target | ratio to target |');
console.log('|---|---|---|---|');
for (const [name, value, target, unit] of checks) console.log(`| ${name} | ${value.toFixed(unit === 'MB' ? 0 : 0)} ${unit} | ≤ ${target} ${unit} | ${(value / target).toFixed(2)} |`);
console.log(`| apply throughput vs bare better-sqlite3 inserts | ${Math.round(importRate).toLocaleString('en')} vs ${Math.round(bareRate).toLocaleString('en')} rows/s | ≥ 0.33 | ${(importRate / bareRate).toFixed(2)} |`);
console.log('');
console.log(`dry run ${imp.dryRunMs.toFixed(0)} ms, apply ${imp.applyMs.toFixed(0)} ms (${imp.rows.toLocaleString('en')} rows), bare inserts ${bare.bareMs.toFixed(0)} ms (${bare.rows.toLocaleString('en')} rows)`);
// CPU time moves less than the wall clock on a shared machine: the same ratio by CPU, for comparison.
console.log(`CPU time: apply ${imp.applyCpuMs.toFixed(0)} ms, bare inserts ${bare.bareCpuMs.toFixed(0)} ms — ratio by CPU ${(bare.bareCpuMs / imp.applyCpuMs).toFixed(2)}`);
console.log(`then the status of all ${count} tambons ${imp.statusMs.toFixed(0)} ms, the dashboards ${imp.dashboardMs.toFixed(0)} ms`);
console.log(`outcomes: dry run ${JSON.stringify(imp.statuses.dryRun)}, apply ${JSON.stringify(imp.statuses.apply)}, re-import ${JSON.stringify(imp.statuses.reimport)}`);
console.log(`province workspace ${(imp.provinceBytes / 1024 / 1024).toFixed(1)} MiB; load average after: ${loadAfter}`);
const missed = checks.filter(([, value, target]) => value > target).length + (importRate / bareRate < 1 / 3 ? 1 : 0);
console.log(missed ? `${missed} target(s) missed` : 'every target met');
if (missed && process.env.BENCH_STRICT === '1') process.exitCode = 1;
fs.rmSync(work, { recursive: true, force: true });
