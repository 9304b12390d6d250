/**
 * The data center workspace is its own kind of SQLite file: its own application id, schema version
 * and migrations (resources/migrations-datacenter), checked against its drizzle schema as the
 * tambon workspace's are; and each kind refuses to be opened as the other, naming what it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, storeKindOf, storeKinds } from '../../src/main/db/client';
import { datacenterMigrationsDir, openDatacenterDatabase } from '../../src/main/db/datacenter/client';
import * as schema from '../../src/main/db/datacenter/schema';
import { rowsOf } from '../../src/main/services/datacenter/status';
import { ok, resourcesDir, tempDir, testContext } from '../support/context';

const migrationsDir = datacenterMigrationsDir(resourcesDir);

describe('the data center schema', () => {
  it('migrates a fresh file to exactly the schema of db/datacenter/schema.ts, under its own application id', () => {
    const file = path.join(tempDir(), 'fresh.tpdc');
    openDatacenterDatabase(file, { migrationsDir, create: true }).sqlite.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(storeKinds.datacenter.applicationId);
      expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion(migrationsDir));
      const actual = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name").all() as { name: string }[]).map((t) => t.name);
      expect(actual).toEqual(Object.keys(schema.datacenterTables).sort());
      for (const table of Object.values(schema.datacenterTables)) {
        const config = getTableConfig(table);
        const columns = db.prepare(`pragma table_info(${config.name})`).all() as { name: string; notnull: number; pk: number; type: string }[];
        expect(columns.map((c) => c.name).sort(), config.name).toEqual(config.columns.map((c) => c.name).sort());
        const pkColumns = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
        expect(columns.filter((c) => c.pk > 0).map((c) => c.name).sort(), `${config.name} primary key`).toEqual([...pkColumns].sort());
        for (const column of config.columns) {
          const a = columns.find((c) => c.name === column.name)!;
          expect(a.type.toLowerCase(), `${config.name}.${column.name}`).toBe(column.getSQLType().toLowerCase());
          expect(a.notnull === 1 || a.pk > 0, `${config.name}.${column.name} not null`).toBe(column.notNull || pkColumns.includes(column.name));
        }
        const indexes = (db.prepare(`pragma index_list(${config.name})`).all() as { name: string; origin: string; unique: number }[])
          .filter((i) => i.origin === 'c')
          .map((i) => ({ name: i.name, unique: i.unique === 1 }))
          .sort((x, y) => x.name.localeCompare(y.name));
        expect(indexes, `${config.name} indexes`).toEqual(config.indexes.map((i) => ({ name: i.config.name, unique: i.config.unique })).sort((x, y) => x.name.localeCompare(y.name)));
      }
      // The history is its primary key's b-tree (see the schema's comment).
      for (const name of ['dc_row_history']) expect(db.prepare('select sql from sqlite_master where name = ?').pluck().get(name), name).toMatch(/WITHOUT ROWID/);
    } finally {
      db.close();
    }
  });

  it('is up to date: the schema has no change a new migration would need', async () => {
    const { generateSQLiteDrizzleJson, generateSQLiteMigration } = await import('drizzle-kit/api');
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number }[] };
    const last = journal.entries.at(-1)!;
    const snapshot: unknown = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8'));
    const current: unknown = await generateSQLiteDrizzleJson(schema);
    expect(await generateSQLiteMigration(snapshot, current), 'run `npm run db:generate` and commit the migration').toEqual([]);
  });

  it('each kind refuses to be opened as the other, saying what the file is', () => {
    const dir = tempDir();
    const dc = path.join(dir, 'p.tpdc');
    const tambon = path.join(dir, 't.tambon');
    openDatacenterDatabase(dc, { migrationsDir, create: true }).sqlite.close();
    openDatabase(tambon, { migrationsDir: path.join(resourcesDir, 'migrations'), create: true }).sqlite.close();
    expect(storeKindOf(dc)).toBe('datacenter');
    expect(storeKindOf(tambon)).toBe('tambon');
    expect(() => openDatabase(dc, { migrationsDir: path.join(resourcesDir, 'migrations') })).toThrow(/data center workspace/);
    expect(() => openDatacenterDatabase(tambon, { migrationsDir })).toThrow(/tambon workspace/);
  });
});

describe('revisions written before column sets', () => {
  /** A copy of the data center's migrations up to `tag` (its journal cut there). */
  function migrationsUpTo(tag: string): string {
    const dir = path.join(tempDir(), 'migrations-datacenter');
    fs.cpSync(migrationsDir, dir, { recursive: true });
    const journalFile = path.join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag) + 1);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    return dir;
  }

  it('are read as before after the upgrade: objects by column name, a changed tombstone left out of an older accepted view', async () => {
    const ctx = testContext();
    const file = path.join(ctx.dir, 'old.tpdc');
    // A data center as the release before column sets left it: content as objects, a hash in every revision.
    const old = openDatacenterDatabase(file, { migrationsDir: migrationsUpTo('0001_clusters'), create: true });
    const sql = old.sqlite;
    const at = '2026-11-01T00:00:00.000Z';
    for (const [key, value] of Object.entries({ workspaceId: '01a2c0de-0000-7000-8000-000000000001', kind: 'datacenter', areaCode: '80', createdAt: at, createdByApp: '0.1.0' })) {
      sql.prepare('insert into meta (key, value) values (?, ?)').run(key, value);
    }
    const village = (moo: number, name: string, deletedAt: string | null) => ({ id: `01a2c0de-0000-7000-8000-00000000010${moo}`, rev: 1, updated_at: at, deleted_at: deletedAt, moo, name });
    // seq 1: two villages; seq 2: หมู่ 2 deleted; seq 3: its tombstone changed (then a change, not a deletion); seq 4: nothing new.
    const revisions: [number, string, ReturnType<typeof village>][] = [
      [1, 'new', village(1, 'บ้านนา', null)],
      [1, 'new', village(2, 'บ้านดอน', null)],
      [2, 'deleted', village(2, 'บ้านดอน', '2026-11-02T00:00:00.000Z')],
      [3, 'changed', village(2, 'บ้านดอนใหม่', '2026-11-02T00:00:00.000Z')],
    ];
    for (const seq of [1, 2, 3, 4]) {
      sql
        .prepare(
          `insert into dc_packages (sha256, tambon_code, seq, package_id, key_id, status, file_name, archive_path, bytes, manifest, created_at, imported_at, operator, missing_seqs, tables, warnings)
           values (?, '800108', ?, ?, 'K', 'applied', ?, ?, 1, '{}', ?, ?, null, '[]', '{}', '[]')`,
        )
        .run(String(seq).repeat(64), seq, `p${seq}`, `800108-${seq}.tpkg`, `archive/${seq}.tpkg`, at, at);
    }
    for (const [seq, op, row] of revisions) {
      const { lastInsertRowid } = sql
        .prepare("insert into dc_row_history (tambon_code, table_name, row_id, seq, package_id, op, content_hash, content) values ('800108', 'villages', ?, ?, ?, ?, 'h', ?)")
        .run(row.id, seq, seq, op, JSON.stringify(row));
      sql
        .prepare(
          `insert into dc_rows (tambon_code, table_name, row_id, content_hash, history_id, seq, deleted) values ('800108', 'villages', ?, 'h', ?, ?, ?)
           on conflict do update set history_id = excluded.history_id, seq = excluded.seq, deleted = excluded.deleted`,
        )
        .run(row.id, lastInsertRowid, seq, row.deleted_at ? 1 : 0);
    }
    sql.close();

    const summary = await ok(ctx, 'datacenter.open', { path: file });
    expect(summary.schemaVersion).toBe(schemaVersion(migrationsDir));
    const dc = ctx.session.datacenter!;
    expect(dc.sqlite.prepare("select name from sqlite_master where name in ('dc_rows', 'dc_accepted_rows')").all()).toEqual([]);
    // Every revision kept, with its hash; the changed tombstone is a deletion now, as every tombstone is.
    expect(dc.sqlite.prepare("select seq, op, content_hash as hash from dc_row_history where row_id like '%102' order by seq").all()).toEqual([
      { seq: 1, op: 'new', hash: 'h' },
      { seq: 2, op: 'deleted', hash: 'h' },
      { seq: 3, op: 'deleted', hash: 'h' },
    ]);
    expect(rowsOf(dc, '800108', 'villages', 'latest', null)).toEqual([village(1, 'บ้านนา', null)]);
    // Packages applied before the live counts were kept are counted from the history.
    expect((await ok(ctx, 'datacenter.status', { view: 'latest' })).tambons.find((t) => t.code === '800108')).toMatchObject({ seq: 4, rows: { villages: 1 } });
    // Accepting seq 3 while seq 4 is the latest rebuilds its rows from the history: the changed tombstone stays out.
    await ok(ctx, 'datacenter.accept', { tambonCode: '800108', sha256: '3'.repeat(64) });
    expect(rowsOf(dc, '800108', 'villages', 'accepted', 3)).toEqual([village(1, 'บ้านนา', null)]);
    await ok(ctx, 'datacenter.accept', { tambonCode: '800108', sha256: '1'.repeat(64) });
    expect(rowsOf(dc, '800108', 'villages', 'accepted', 1)).toEqual([village(1, 'บ้านนา', null), village(2, 'บ้านดอน', null)]);
    expect((await ok(ctx, 'datacenter.status', { view: 'accepted' })).tambons.find((t) => t.code === '800108')).toMatchObject({ seq: 1, rows: { villages: 2 } });
  });
});
