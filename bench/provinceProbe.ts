/**
 * The province bench's probe (bundled by bench/province.mjs). Three modes, each in its own process
 * so the import's peak memory is its own:
 *   generate DIR N   N tambon workspaces of the heaviest kind (12 villages, 3,000 households,
 *                    5 issues × 20 problems, 60 projects, 2,000 ledger lines, จปฐ. aggregates)
 *                    → N signed packages in DIR/packages, their public keys in DIR/keys.json;
 *                    and the export of one package timed (with the key unlocked by its passphrase,
 *                    and without: the key pair in memory);
 *   import DIR       a province workspace, the N keys enrolled, then timed: a dry run of all
 *                    packages, the apply of all, and a re-import (all no-ops); peak RSS;
 *   bare DIR         the same rows inserted into a bare better-sqlite3 table (prepared
 *                    statements, one transaction per package): the floor of the ratio.
 * The plan and household tables are the stand-ins of test/support/planTables.ts (the forum and
 * evidence tables are not on this branch), created in each fixture workspace and added to the
 * catalogue the export and the import use.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { importMany, expandPaths, type Importer } from '../src/main/services/datacenter/importer';
import { createContext } from '../src/main/services/context';
import { dispatch } from '../src/main/rpc/dispatch';
import type { WorkspaceDb } from '../src/main/db/client';
import { loadGazetteer } from '../src/main/services/reference/reference';
import { buildPackage, tableCsv } from '../src/main/services/packages/build';
import { travellingTables } from '../src/main/services/packages/catalog';
import { derivedCsv, derivedResources } from '../src/main/services/packages/derived';
import { exportPackage } from '../src/main/services/packages/packages';
import { encodePublicKey, fingerprintOf, generateKeyPair } from '../src/main/services/packages/minisign';
import { readZip } from '../src/main/services/packages/zip';
import { runWrite } from '../src/main/services/write';
import { createPlanTables, fillPlan, heavyPlan, planCatalog } from '../test/support/planTables';

const [mode, dir, countText] = process.argv.slice(2);
const resourcesDir = path.resolve(__dirname, '../../resources');
const passphrase = 'bench-passphrase-42';

function context(home: string) {
  return createContext({ resourcesDir, transport: 'cli', appVersion: 'bench', homeDir: home, log: { warn: () => undefined, error: (m, e) => console.error(m, e) } });
}

async function must(ctx: ReturnType<typeof context>, channel: string, input: unknown) {
  const result = await dispatch(ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.messageEn}`);
  return result.value as never;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function generate(): Promise<void> {
  const count = Number(countText ?? 170);
  const tambons = loadGazetteer(resourcesDir)
    .districtsOf('80')
    .flatMap((d) => loadGazetteer(resourcesDir).tambonsOf(d.code))
    .slice(0, count);
  fs.mkdirSync(path.join(dir!, 'packages'), { recursive: true });
  const catalog = planCatalog();
  const keys: { tambonCode: string; publicKey: string; fingerprint: string }[] = [];
  const ctx = context(path.join(dir!, 'home'));
  const exportTimes: { unlocked: number[]; inMemory: number[] } = { unlocked: [], inMemory: [] };
  for (const [i, t] of tambons.entries()) {
    await must(ctx, 'workspace.create', { path: path.join(dir!, 'ws', `${t.code}.tambon`), tambonCode: t.code, officeType: 'sao', officeName: `อบต.${t.nameTh}`, framework: { presetId: 'nst-coop-phase2' } });
    const ws = ctx.session.workspace!;
    createPlanTables(ws.sqlite);
    ws.sqlite.transaction(() => fillPlan(ws.sqlite, heavyPlan, i + 1))();
    const key = generateKeyPair();
    const salt = Buffer.alloc(32, i);
    const started = performance.now();
    const tables = [
      ...travellingTables(catalog, true).map((spec) => ({ spec, ...tableCsv(ws.sqlite, spec, salt) })),
      // The derived resources, as the real export adds them (the จปฐ. village results).
      ...derivedResources.map((resource) => ({ spec: resource.spec, ...derivedCsv(resource, { resourcesDir, now: new Date().toISOString() }, ws) })),
    ];
    const built = buildPackage(
      { packageId: `bench-${t.code}`, tambonCode: t.code, seq: 1, previousSha256: null, schemaVersion: 3, appVersion: 'bench', createdAt: new Date().toISOString(), households: true },
      tables,
      key,
    );
    fs.writeFileSync(path.join(dir!, 'packages', `${t.code}-1.tpkg`), built.zip);
    if (i < 5) exportTimes.inMemory.push(performance.now() - started);
    keys.push({ tambonCode: t.code, publicKey: encodePublicKey(key.keyId, key.publicKey), fingerprint: fingerprintOf(key.keyId, key.publicKey) });
    if (i === 0) {
      // The real export, end to end: key made and unlocked with its passphrase (scrypt), seq, files, history.
      await must(ctx, 'packages.createKey', { passphrase });
      for (let run = 0; run < 5; run += 1) {
        const s = performance.now();
        await exportPackage(ctx, ws, { outDir: path.join(dir!, 'exports'), passphrase, households: true, catalog });
        exportTimes.unlocked.push(performance.now() - s);
      }
    }
    await must(ctx, 'workspace.close', {});
    if ((i + 1) % 20 === 0) process.stderr.write(`  generated ${i + 1}/${tambons.length}\n`);
  }
  fs.writeFileSync(path.join(dir!, 'keys.json'), JSON.stringify(keys));
  const sizes = fs.readdirSync(path.join(dir!, 'packages')).map((f) => fs.statSync(path.join(dir!, 'packages', f)).size);
  const rows = readZip(fs.readFileSync(path.join(dir!, 'packages', fs.readdirSync(path.join(dir!, 'packages'))[0]!)))
    .filter((e) => e.name === 'manifest.json')
    .map((e) => JSON.parse(e.read().toString('utf8')) as { tables: Record<string, { rows: number }> })[0]!;
  console.log(
    JSON.stringify({
      packages: tambons.length,
      bytes: { median: median(sizes), total: sizes.reduce((a, b) => a + b, 0) },
      rowsPerPackage: Object.values(rows.tables).reduce((a, t) => a + t.rows, 0),
      exportMs: { unlockedMedian: median(exportTimes.unlocked), inMemoryMedian: median(exportTimes.inMemory) },
    }),
  );
}

async function importAll(): Promise<void> {
  const ctx = context(path.join(dir!, 'home-province'));
  await must(ctx, 'datacenter.create', { path: path.join(dir!, 'province.tpdc'), areaCode: '80' });
  const keys = JSON.parse(fs.readFileSync(path.join(dir!, 'keys.json'), 'utf8')) as { tambonCode: string; publicKey: string; fingerprint: string }[];
  for (const k of keys) await must(ctx, 'datacenter.enroll', { tambonCode: k.tambonCode, publicKey: k.publicKey, fingerprint: k.fingerprint });
  const dc = ctx.session.datacenter!;
  const im: Importer = {
    sqlite: dc.sqlite,
    area: dc.area,
    filesDir: dc.filesDir,
    fs: ctx.fs,
    catalog: planCatalog(),
    write: (spec, body) => runWrite(dc as unknown as WorkspaceDb, { operator: 'bench', now: new Date() }, spec, body).value,
  };
  const files = await expandPaths(ctx.fs, [path.join(dir!, 'packages')]);
  const time = async (dryRun: boolean) => {
    const s = performance.now();
    const cpu = process.cpuUsage();
    const outcomes = await importMany(im, files, dryRun);
    return { ms: performance.now() - s, cpuMs: cpuMs(process.cpuUsage(cpu)), outcomes };
  };
  const dry = await time(true);
  const apply = await time(false);
  const again = await time(false);
  // What a person waits for next: the status and the dashboards of all 170, read from the history.
  const readStarted = performance.now();
  await must(ctx, 'datacenter.status', { view: 'latest' });
  const statusMs = performance.now() - readStarted;
  await must(ctx, 'datacenter.dashboard', { view: 'latest' });
  const dashboardMs = performance.now() - readStarted - statusMs;
  const statuses = (o: { status: string }[]) => Object.fromEntries([...new Set(o.map((x) => x.status))].map((s) => [s, o.filter((x) => x.status === s).length]));
  const rows = apply.outcomes.reduce((n, o) => n + Object.values(o.tables).reduce((m, d) => m + d.new + d.changed + d.unchanged, 0), 0);
  const bytes = fs.statSync(path.join(dir!, 'province.tpdc')).size;
  await must(ctx, 'workspace.close', {});
  console.log(
    JSON.stringify({
      dryRunMs: dry.ms,
      applyMs: apply.ms,
      applyCpuMs: apply.cpuMs,
      reimportMs: again.ms,
      statusMs,
      dashboardMs,
      rows,
      statuses: { dryRun: statuses(dry.outcomes), apply: statuses(apply.outcomes), reimport: statuses(again.outcomes) },
      provinceBytes: bytes,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

function bare(): void {
  // The same rows (from the same packages' CSVs, read beforehand) into one plain table, one transaction
  // per package: no verification, no hashing, no diff, no history — the floor.
  const files = fs.readdirSync(path.join(dir!, 'packages')).map((f) => path.join(dir!, 'packages', f));
  const perPackage = files.map((f) =>
    readZip(fs.readFileSync(f))
      .filter((e) => e.name.startsWith('data/'))
      .flatMap((e) => {
        const lines = e.read().toString('utf8').split('\r\n').filter(Boolean).slice(1);
        return lines.map((line) => [e.name, line.slice(0, 36), line] as const);
      }),
  );
  const file = path.join(dir!, 'bare.sqlite');
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table rows (tambon text, table_name text, row_id text, content_hash text, content text, primary key (tambon, table_name, row_id))');
  const insert = db.prepare('insert into rows values (?, ?, ?, ?, ?)');
  const started = performance.now();
  const cpu = process.cpuUsage();
  let rows = 0;
  perPackage.forEach((list, i) => {
    db.transaction(() => {
      for (const [table, id, content] of list) {
        insert.run(String(i), table, id, '', content);
        rows += 1;
      }
    })();
  });
  const ms = performance.now() - started;
  const bareCpuMs = cpuMs(process.cpuUsage(cpu));
  db.close();
  console.log(JSON.stringify({ bareMs: ms, bareCpuMs, rows }));
}

/** User and system CPU time of this process, in ms. */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

async function main(): Promise<void> {
  if (mode === 'generate') await generate();
  else if (mode === 'import') await importAll();
  else if (mode === 'bare') bare();
  else {
    console.error('usage: provinceProbe (generate DIR N | import DIR | bare DIR)');
    process.exitCode = 2;
  }
}

void main();
