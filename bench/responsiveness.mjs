// Responsiveness benchmark (`npm run bench:responsiveness`, which builds first). See bench/README.md.
//
// Starts the browser harness (dist/harness.cjs) on a fresh workspace of 99 villages and, over its
// loopback HTTP bridge as the page uses it, measures how fast `villages.list` is answered
//   (a) idle, and
//   (b) while the self-test job writes 200,000 rows in one transaction (in its worker thread);
// then, for the job itself, its time against
//   (c) bare: a fresh node process inserting the same rows with better-sqlite3 in one transaction.
// Target: p95 of (b) ≤ 100 ms. `BENCH_STRICT=1` makes a missed target exit 1.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rows = Number(process.env.BENCH_ROWS ?? 200_000);
const idleCalls = Number(process.env.BENCH_IDLE_CALLS ?? 300);
const targetP95 = 100;
const { work, call, stop } = await startHarness(root, 'tambon-resp-', 'bench:responsiveness');

async function timed(channel, input) {
  const start = performance.now();
  await call(channel, input);
  return performance.now() - start;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;

try {
  await call('prefs.set', { operatorName: 'bench' });
  await call('workspace.create', { path: 'bench.tambon', tambonCode: '800108', officeType: 'sao', officeName: 'อบต.นาทราย', framework: { presetId: 'nst-coop-phase2' } });
  for (let moo = 1; moo <= 99; moo += 1) await call('villages.add', { moo, name: `บ้านทดสอบ ${moo}`, households: 100 + moo, population: 400 + moo });

  // (a) idle
  for (let i = 0; i < 20; i += 1) await timed('villages.list', {});
  const idle = [];
  for (let i = 0; i < idleCalls; i += 1) idle.push(await timed('villages.list', {}));

  // (b) while the job writes
  const { jobId } = await call('jobs.start', { kind: 'selfTest', input: { rows, steps: 200 } });
  const during = [];
  let state = await call('jobs.get', { jobId });
  while (state.status === 'running') {
    during.push(await timed('villages.list', {}));
    if (during.length % 10 === 0) state = await call('jobs.get', { jobId });
  }
  if (state.status !== 'done') throw new Error(`the job ended ${state.status}: ${state.error?.messageEn ?? ''}`);
  const jobMs = state.result.ms;

  // (c) bare: the same inserts in one transaction, in a fresh process, no services.
  const bareFile = path.join(work, 'bare.sqlite');
  const bare = spawnSync(
    process.execPath,
    [
      '-e',
      `const D = require(${JSON.stringify(path.join(root, 'node_modules', 'better-sqlite3'))});
       const d = new D(${JSON.stringify(bareFile)}); d.pragma('journal_mode = WAL'); d.pragma('synchronous = NORMAL');
       d.exec('create table t (seq integer primary key, job_id text not null, payload text not null)');
       const s = d.prepare('insert into t values (?, ?, ?)'); const t0 = performance.now();
       d.transaction(() => { for (let i = 1; i <= ${rows}; i += 1) s.run(i, 'bare', 'self-test row ' + i); })();
       process.stdout.write(String(performance.now() - t0)); d.close();`,
    ],
    { encoding: 'utf8' },
  );
  if (bare.status !== 0) throw new Error(bare.stderr);
  const bareMs = Number(bare.stdout);

  const p95 = percentile(during, 95);
  console.log(`rows written by the job: ${rows.toLocaleString('en-US')}; villages: 99; ${os.cpus().length} CPUs; load average ${os.loadavg()[0].toFixed(2)}`);
  console.table({
    'villages.list idle': { calls: idle.length, p50: fmt(percentile(idle, 50)), p95: fmt(percentile(idle, 95)), max: fmt(Math.max(...idle)) },
    'villages.list during the job': {
      calls: during.length,
      p50: fmt(percentile(during, 50)),
      p95: fmt(p95),
      max: fmt(Math.max(...during)),
    },
  });
  console.log(`during/idle p95: ${(p95 / percentile(idle, 95)).toFixed(2)}×`);
  console.log(`job ${fmt(jobMs)} vs bare inserts ${fmt(bareMs)}: ${(jobMs / bareMs).toFixed(2)}× the bare limit`);
  const met = p95 <= targetP95;
  console.log(`target p95 ≤ ${targetP95} ms while a job writes: ${met ? 'met' : 'MISSED'}`);
  if (!met && process.env.BENCH_STRICT === '1') process.exitCode = 1;
} finally {
  await stop('SIGTERM');
}
