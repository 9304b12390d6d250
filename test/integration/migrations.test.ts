import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../src/main/db/client';
import * as schema from '../../src/main/db/schema';
import { resourcesDir, tempDir } from '../support/context';

const migrationsDir = path.join(resourcesDir, 'migrations');

describe('migrations', () => {
  it('migrate a fresh database to exactly the schema of schema.ts', () => {
    const file = path.join(tempDir(), 'fresh.tambon');
    const ws = openDatabase(file, { migrationsDir, create: true });
    ws.sqlite.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion(migrationsDir));
      // Full-text indexes (FTS5 virtual tables and their shadow tables) are made by hand in a
      // migration: drizzle cannot declare them, and they never travel.
      const virtual = db.prepare("select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
      expect(virtual).toEqual([schema.lessonsFtsTable]);
      const actualTables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name").all() as { name: string }[])
        .map((t) => t.name)
        .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
      expect(actualTables).toEqual(Object.keys(schema.tables).sort());
      for (const table of Object.values(schema.tables)) {
        const config = getTableConfig(table);
        const columns = db.prepare(`pragma table_info(${config.name})`).all() as { name: string; notnull: number; pk: number; type: string; dflt_value: string | null }[];
        expect(columns.map((c) => c.name).sort(), config.name).toEqual(config.columns.map((c) => c.name).sort());
        for (const column of config.columns) {
          const actual = columns.find((c) => c.name === column.name)!;
          expect(actual.pk > 0, `${config.name}.${column.name} primary key`).toBe(column.primary);
          expect(actual.notnull === 1 || column.primary, `${config.name}.${column.name} not null`).toBe(column.notNull);
          expect(actual.type.toLowerCase(), `${config.name}.${column.name} type`).toBe(column.getSQLType().toLowerCase());
        }
        const indexes = (db.prepare(`pragma index_list(${config.name})`).all() as { name: string; origin: string; unique: number; partial: number }[])
          .filter((i) => i.origin === 'c')
          .map((i) => ({ name: i.name, unique: i.unique === 1, partial: i.partial === 1 }))
          .sort((a, b) => a.name.localeCompare(b.name));
        expect(indexes, `${config.name} indexes`).toEqual(
          config.indexes
            .map((i) => ({ name: i.config.name, unique: i.config.unique, partial: i.config.where !== undefined }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        );
        const foreignKeys = (db.prepare(`pragma foreign_key_list(${config.name})`).all() as { table: string; from: string; to: string }[])
          .map((f) => `${f.from}->${f.table}.${f.to}`)
          .sort();
        expect(foreignKeys, `${config.name} foreign keys`).toEqual(
          config.foreignKeys
            .map((f) => {
              const ref = f.reference();
              return `${ref.columns[0]!.name}->${getTableConfig(ref.foreignTable).name}.${ref.foreignColumns[0]!.name}`;
            })
            .sort(),
        );
        const defaults = Object.fromEntries(columns.map((c) => [c.name, (c as { dflt_value?: string | null }).dflt_value ?? null]));
        for (const column of config.columns) {
          expect(defaults[column.name] !== null, `${config.name}.${column.name} default`).toBe(column.hasDefault && column.default !== undefined);
        }
      }
    } finally {
      db.close();
    }
  });

  it('are up to date: schema.ts has no change that a new migration would need', async () => {
    const { generateSQLiteDrizzleJson, generateSQLiteMigration } = await import('drizzle-kit/api');
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number }[] };
    const last = journal.entries.at(-1)!;
    // `unknown`: drizzle-kit's .d.ts builds its snapshot type from zod 3's types, which resolve to an
    // error type against this project's zod 4; the snapshots pass through untyped.
    const snapshot: unknown = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8'));
    const current: unknown = await generateSQLiteDrizzleJson(schema);
    const statements = await generateSQLiteMigration(snapshot, current);
    expect(statements, 'run `npm run db:generate` and commit the migration').toEqual([]);
  });

  it('turn foreign keys on and run in WAL mode', () => {
    const ws = openDatabase(path.join(tempDir(), 'p.tambon'), { migrationsDir, create: true });
    try {
      expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(() => ws.sqlite.prepare("insert into village_contacts (id, updated_at, village_id) values ('x', 'now', 'no-such-village')").run()).toThrow(/FOREIGN KEY/);
    } finally {
      ws.sqlite.close();
    }
  });
});

describe('row identity and travel class', () => {
  const identity = ['id', 'rev', 'updated_at', 'deleted_at'];

  it('every table declares a travel class', () => {
    expect(Object.keys(schema.travelClass).sort()).toEqual(Object.keys(schema.tables).sort());
  });

  it('every table that may travel has a UUIDv7 id, rev, updatedAt and a deletedAt tombstone', () => {
    for (const [name, table] of Object.entries(schema.tables)) {
      const travel = schema.travelClass[name as keyof typeof schema.travelClass];
      const columns = getTableConfig(table).columns;
      if (travel === 'local' && !columns.some((c) => c.name === 'rev')) continue;
      for (const col of identity) expect(columns.map((c) => c.name), `${name}.${col}`).toContain(col);
      expect(columns.find((c) => c.name === 'id')!.primary, `${name}.id is the primary key`).toBe(true);
      expect(columns.find((c) => c.name === 'deleted_at')!.notNull, `${name}.deleted_at is nullable`).toBe(false);
    }
    // At least the registries that travel are covered.
    expect(Object.entries(schema.travelClass).filter(([, c]) => c === 'aggregate').map(([n]) => n)).toEqual(
      expect.arrayContaining(['tambon', 'offices', 'frameworks', 'strategic_issues', 'villages']),
    );
  });

  it('names of people never sit in a table that travels', () => {
    const personal = /headman|phone|citizen|person_name|first_name|last_name|operator/;
    for (const [name, table] of Object.entries(schema.tables)) {
      if (schema.travelClass[name as keyof typeof schema.travelClass] === 'local') continue;
      for (const column of getTableConfig(table).columns) expect(column.name, `${name}.${column.name}`).not.toMatch(personal);
    }
  });
});
