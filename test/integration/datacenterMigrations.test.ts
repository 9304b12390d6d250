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
import { resourcesDir, tempDir } from '../support/context';

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
      // The current rows are their primary key's b-tree (see the schema's comment).
      for (const name of ['dc_rows', 'dc_accepted_rows']) expect(db.prepare('select sql from sqlite_master where name = ?').pluck().get(name), name).toMatch(/WITHOUT ROWID/);
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
