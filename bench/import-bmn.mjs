// Import benchmark (`npm run bench:import-bmn`, which builds first). See bench/README.md.
//
// Generates a จปฐ. workbook of 10,000 households (title rows, หมู่ที่, house number and code,
// members, 31 indicators, the four income parts of indicator 22) in 10 villages, then, each in a
// fresh process (BENCH_RUNS times, default 3; medians):
//   (a) bare    — exceljs's streaming reader, default options, over every row: the floor;
//   (b) inline  — the import through the services on the calling thread (the command line's way):
//                 hash, header, mapping, every row checked, one transaction of bulk inserts;
//   (c) worker  — the same as the app runs it: a job in its worker thread;
//   (d) again   — the same file once more: found by its SHA-256, nothing read, nothing written.
// Targets: (b)/(a) ≤ 2, peak memory ≤ 300 MiB, (d) ≤ 0.2 s. `BENCH_STRICT=1` makes a miss exit 1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const households = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const cli = path.join(root, 'bin', 'tambon-plan.cjs');
if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs')) || !fs.existsSync(path.join(root, 'dist', 'worker.cjs'))) {
  console.error('dist/ is missing: run npm run build (npm run bench:import-bmn does)');
  process.exit(2);
}

// The probe is built here rather than by the app's build, so no bench code ends up in dist/ of a release.
const probe = path.join(root, 'dist', 'bench', 'importProbe.cjs');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
await build({
  entryPoints: [path.join(root, 'bench', 'importProbe.ts')],
  outfile: probe,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['better-sqlite3', 'electron'],
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-bench-import-'));
const env = { ...process.env, TAMBON_PLAN_HOME: path.join(work, 'home') };
const file = path.join(work, `bmn-${households}.xlsx`);

// The file: as an office's export looks, written the way large files are (streamed).
{
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('จปฐ');
  sheet.addRow(['ข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ปี 2563 ตำบลนาทราย']).commit();
  sheet.addRow([]).commit();
  sheet.addRow(['หมู่ที่', 'บ้านเลขที่', 'รหัสบ้าน', 'จำนวนสมาชิก', ...Array.from({ length: 31 }, (_, k) => `ตัวชี้วัดที่ ${k + 1}`), 'อาชีพหลัก', 'อาชีพรอง/เสริม', 'รายได้อื่น', 'ผลผลิตกินเอง']).commit();
  for (let i = 0; i < households; i += 1) {
    const members = 1 + (i % 6);
    const answers = Array.from({ length: 31 }, (_, k) => ((i * 7 + k * 13) % 17 === 0 ? 'ไม่ผ่าน' : k < 2 && i % 3 ? '' : 'ผ่าน'));
    sheet.addRow([1 + (i % 10), `${1 + Math.floor(i / 10)}/${i % 10}`, String(80_010_800_000 + i), members, ...answers, 60_000 * members, 8_000, 5_000, 12_000]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
const size = fs.statSync(file).size;

function run(args, options = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** A fresh workspace of ต.นาทราย with หมู่ที่ 1–10, made through the built command line. */
function workspace(name) {
  const ws = path.join(work, `${name}.tambon`);
  run([cli, 'init', '--workspace', ws, '--tambon', '800108']);
  for (let moo = 1; moo <= 10; moo += 1) run([cli, 'villages', '--workspace', ws, 'add', '--moo', String(moo), '--name', `บ้านทดสอบ ${moo}`]);
  return ws;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const bare = [];
const inline = [];
const worker = [];
for (let i = 0; i < runs; i += 1) {
  bare.push(JSON.parse(run([probe, 'bare', file])));
  inline.push(JSON.parse(run([probe, 'import', workspace(`inline-${i}`), file, 'inline'])));
  worker.push(JSON.parse(run([probe, 'import', workspace(`worker-${i}`), file, 'worker'])));
}
for (const r of [...inline, ...worker]) {
  if (r.status !== 'imported' || r.imported !== households || r.again !== 'already-imported') throw new Error(`unexpected import result: ${JSON.stringify(r)}`);
}
// The no-op from the command line as a person runs it: a whole process.
const cliWs = workspace('cli');
run([cli, 'import', 'bmn', '--workspace', cliWs, '--file', file]);
const cliAgain = [];
for (let i = 0; i < runs; i += 1) {
  const t = performance.now();
  run([cli, 'import', 'bmn', '--workspace', cliWs, '--file', file]);
  cliAgain.push(performance.now() - t);
}

const bareMs = median(bare.map((r) => r.ms));
const inlineMs = median(inline.map((r) => r.ms));
const workerMs = median(worker.map((r) => r.ms));
const againMs = median([...inline, ...worker].map((r) => r.againMs));
const peak = Math.max(...inline.map((r) => r.maxRssMiB), ...worker.map((r) => r.maxRssMiB));
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`import benchmark: ${households.toLocaleString('en-US')} households, ${(size / 1024 / 1024).toFixed(1)} MiB xlsx, ${runs} runs (medians)`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.versions.node}, load average ${load}`);
console.log('');
console.log(`(a) bare exceljs streaming read   ${fmt(bareMs).padStart(9)}   peak ${median(bare.map((r) => r.maxRssMiB))} MiB`);
console.log(`(b) import, inline (CLI)          ${fmt(inlineMs).padStart(9)}   peak ${Math.max(...inline.map((r) => r.maxRssMiB))} MiB   ratio (b)/(a) ${(inlineMs / bareMs).toFixed(2)}×`);
console.log(`(c) import, job in a worker (app) ${fmt(workerMs).padStart(9)}   peak ${Math.max(...worker.map((r) => r.maxRssMiB))} MiB   ratio (c)/(a) ${(workerMs / bareMs).toFixed(2)}×`);
console.log(`(d) the same file again (no-op)   ${fmt(againMs).padStart(9)}   (a whole CLI process: ${fmt(median(cliAgain))})`);
console.log('');
const checks = [
  [`import ≤ 2× the bare read`, inlineMs / bareMs <= 2],
  [`peak memory ≤ 300 MiB (${peak} MiB)`, peak <= 300],
  [`re-import no-op ≤ 0.2 s`, againMs <= 200],
];
for (const [label, passed] of checks) console.log(`${passed ? 'met    ' : 'MISSED '} ${label}`);
fs.rmSync(work, { recursive: true, force: true });
if (process.env.BENCH_STRICT === '1' && checks.some(([, passed]) => !passed)) process.exit(1);
