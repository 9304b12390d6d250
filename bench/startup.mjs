// Startup benchmark (`npm run bench:startup`, which builds first). See bench/README.md.
//
// Prepares a tambon workspace with 99 villages (the built CLI for `init`, the bundled probe for
// the villages), then measures, each in fresh processes, the median of:
//   (a) bare     node + better-sqlite3: open the file and select the villages (the floor)
//   (b) services node + the bundled services: createContext, dispatch('workspace.open'),
//                dispatch('villages.list') — time from process start to the answer
//   (b') direct  the same services called directly, without the on-open backup and the
//                recent-list write, to show their share
//   (c) fcp      the browser harness's first contentful paint in Debian's Chromium
// and prints them against the target: services ready in under 300 ms.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zodEnglishOnly } from '../scripts/zodEnglishOnly.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const fcpRuns = Number(process.env.BENCH_FCP_RUNS ?? 5);
const targetMs = 300;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const villageCount = 99;

const cli = path.join(root, 'dist', 'cli.cjs');
const harness = path.join(root, 'dist', 'harness.cjs');
for (const file of [cli, harness]) {
  if (!fs.existsSync(file)) {
    console.error(`${path.relative(root, file)} is missing: run npm run build (npm run bench:startup does)`);
    process.exit(2);
  }
}

// The probe is built here rather than by the app's build, so no bench code ends up in dist/ of a release.
const probe = path.join(root, 'dist', 'bench', 'startupProbe.cjs');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
await build({
  entryPoints: [path.join(root, 'bench', 'startupProbe.ts')],
  outfile: probe,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // As the app's own bundles are built (scripts/build-node.mjs): exceljs from its vendor bundle, loaded lazily; zod's English messages only.
  external: ['better-sqlite3', 'electron', 'playwright-core'],
  supported: { 'dynamic-import': false },
  plugins: [zodEnglishOnly, { name: 'vendor-exceljs', setup: (b) => b.onResolve({ filter: /^exceljs$/ }, () => ({ path: '../vendor/exceljs.cjs', external: true })) }],
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-bench-'));
const home = path.join(work, 'home');
const env = { ...process.env, TAMBON_PLAN_HOME: home };
const workspace = path.join(work, 'bench.tambon');

function run(args, options = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);

// --- prepare -----------------------------------------------------------------------------------
run([cli, 'init', '--workspace', workspace, '--tambon', '800108', '--json']);
run([probe, 'prepare', workspace, String(villageCount)]);
const listed = JSON.parse(run([cli, 'villages', '--workspace', workspace, 'list', '--json']));
if (listed.length !== villageCount) throw new Error(`expected ${villageCount} villages, found ${listed.length}`);
console.log(`workspace: ${workspace} (${villageCount} villages, ${fs.statSync(workspace).size} bytes)`);

// --- (a) bare better-sqlite3 -------------------------------------------------------------------
const bareScript = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { readonly: true, fileMustExist: true });
const rows = db.prepare('select * from villages where deleted_at is null order by moo').all();
db.close();
process.stdout.write(JSON.stringify({ readyMs: performance.now(), villages: rows.length }) + '\\n');
`;

function measure(label, args) {
  run(args); // warm-up: file cache, compile cache
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const out = JSON.parse(run(args).trim().split('\n').at(-1));
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (out.villages !== villageCount) throw new Error(`${label}: expected ${villageCount} villages, got ${out.villages}`);
    samples.push({ ...out, wallMs });
  }
  const pick = (key) => (samples[0][key] === undefined ? undefined : median(samples.map((s) => s[key])));
  return {
    label,
    readyMs: pick('readyMs'),
    entryMs: pick('entryMs'),
    loadedMs: pick('loadedMs'),
    openMs: pick('openMs'),
    backupMs: pick('backupMs'),
    wallMs: pick('wallMs'),
    min: Math.min(...samples.map((s) => s.readyMs)),
    max: Math.max(...samples.map((s) => s.readyMs)),
  };
}

const bare = measure('bare', ['-e', bareScript, workspace]);
const services = measure('services', [probe, 'dispatch', workspace]);
const direct = measure('direct', [probe, 'direct', workspace]);

// --- (c) first contentful paint in the browser harness -------------------------------------------
async function firstContentfulPaint() {
  if (!fs.existsSync(chromiumPath)) return { skipped: `no Chromium at ${chromiumPath}` };
  const { chromium } = await import('playwright-core');
  const harnessRoot = path.join(work, 'harness-root');
  const started = process.hrtime.bigint();
  const server = spawn(process.execPath, [harness, '--root', harnessRoot], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) resolve(line.trim());
    });
    server.on('exit', (code) => reject(new Error(`harness exited (${code}): ${stderr}`)));
    setTimeout(() => reject(new Error('harness did not print its URL within 15 s')), 15_000);
  });
  const harnessReadyMs = Number(process.hrtime.bigint() - started) / 1e6;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const load = async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return await page.evaluate(
          () =>
            new Promise((resolve, reject) => {
              const done = (entry) => resolve(entry.startTime);
              const [entry] = performance.getEntriesByName('first-contentful-paint');
              if (entry) return done(entry);
              new PerformanceObserver((list) => {
                const fcp = list.getEntriesByName('first-contentful-paint')[0];
                if (fcp) done(fcp);
              }).observe({ type: 'paint', buffered: true });
              setTimeout(() => reject(new Error('no first-contentful-paint within 10 s')), 10_000);
            }),
        );
      } finally {
        await context.close();
      }
    };
    await load(); // warm-up: first load of the bundle, font files
    const samples = [];
    for (let i = 0; i < fcpRuns; i++) samples.push(await load());
    return { fcpMs: median(samples), min: Math.min(...samples), max: Math.max(...samples), harnessReadyMs };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

let fcp;
try {
  fcp = await firstContentfulPaint();
} catch (error) {
  fcp = { skipped: error.message };
}

// --- report -------------------------------------------------------------------------------------
const rows = [
  ['(a) bare better-sqlite3 open + select', bare],
  ['(b) services: dispatch open + villages.list', services],
  ["(b') services called directly, no on-open backup", direct],
];
console.log(`\nnode ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, load average ${os.loadavg()[0].toFixed(2)}; medians of ${runs} fresh processes (ms since process start)\n`);
const header = ['measure', 'ready', 'min–max', 'entry', 'modules loaded', 'workspace open', 'wall (spawn→exit)'];
const table = [
  header,
  ...rows.map(([name, r]) => [name, ms(r.readyMs), `${r.min.toFixed(0)}–${r.max.toFixed(0)}`, ms(r.entryMs), ms(r.loadedMs), ms(r.openMs), ms(r.wallMs)]),
];
if (fcp.fcpMs !== undefined) {
  table.push([`(c) harness first contentful paint (${fcpRuns} loads)`, ms(fcp.fcpMs), `${fcp.min.toFixed(0)}–${fcp.max.toFixed(0)}`, '', '', '', '']);
} else {
  table.push(['(c) harness first contentful paint', `skipped: ${fcp.skipped}`, '', '', '', '', '']);
}
const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const [i, r] of table.entries()) {
  console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
const ratio = services.readyMs / bare.readyMs;
console.log(`\nservices / bare: ${ratio.toFixed(2)}× (${ms(services.readyMs - bare.readyMs)} above the bare floor)`);
console.log(`on-open backup (timed as a second backup in the same process): ${ms(services.backupMs)}; open with backup + recent list − direct open: ${ms(services.openMs - services.loadedMs - (direct.openMs - direct.loadedMs))}`);
if (fcp.harnessReadyMs !== undefined) console.log(`harness process printed its URL after ${ms(fcp.harnessReadyMs)} (spawn → URL line)`);
const verdict = services.readyMs < targetMs ? 'MET' : 'MISSED';
console.log(`target "services ready in under ${targetMs} ms": ${verdict} (${ms(services.readyMs)})`);

fs.rmSync(work, { recursive: true, force: true });
if (process.env.BENCH_STRICT && verdict !== 'MET') process.exitCode = 1;
