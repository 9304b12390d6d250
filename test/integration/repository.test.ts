import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/client';
import { bulkInserter, insertRow, restoreRow, tombstoneRow, tombstoneWhere, updateRow, type WriteTx } from '../../src/main/db/repository';
import { offices, strategicIssues } from '../../src/main/db/schema';
import { resourcesDir, tempDir } from '../support/context';

describe('repository helper', () => {
  it('writes UUIDv7 ids, bumps rev on every change, tombstones deletes and notes every row it wrote', () => {
    const ws = openDatabase(path.join(tempDir(), 'r.tambon'), { migrationsDir: path.join(resourcesDir, 'migrations'), create: true });
    const tx = (now: Date): WriteTx => ({ db: ws.db, sqlite: ws.sqlite, now, operator: 'ทดสอบ', changes: new Map(), detail: {} });
    try {
      const first = tx(new Date('2026-11-23T01:00:00Z'));
      const a = insertRow(first, offices, { type: 'sao', name: 'ก', isHost: true });
      const b = insertRow(first, offices, { type: 'sao', name: 'ข', isHost: false });
      expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(a.id < b.id).toBe(true); // time-ordered
      expect(a).toMatchObject({ rev: 1, updatedAt: first.now.toISOString(), deletedAt: null });
      expect([...first.changes.get('offices')!]).toEqual([a.id, b.id]);
      const second = tx(new Date('2026-11-23T02:00:00Z'));
      expect(updateRow(second, offices, a.id, { name: 'ค' })).toMatchObject({ name: 'ค', rev: 2, updatedAt: second.now.toISOString() });
      expect(tombstoneRow(second, offices, a.id)).toMatchObject({ rev: 3, deletedAt: second.now.toISOString() });
      expect(updateRow(second, offices, a.id, { name: 'ง' })).toBeUndefined(); // a tombstone is not edited
      expect(tombstoneRow(second, offices, a.id)).toBeUndefined();
      expect(restoreRow(second, offices, a.id)).toMatchObject({ rev: 4, deletedAt: null, name: 'ค' });
      expect(ws.db.select().from(offices).where(eq(offices.id, a.id)).all()).toHaveLength(1);
      expect([...second.changes.get('offices')!]).toEqual([a.id]);
    } finally {
      ws.sqlite.close();
    }
  });

  it('bulk path: one statement for many rows, still UUIDv7 ids, rev 1, updatedAt, no tombstone; notes the table, not each id', () => {
    const ws = openDatabase(path.join(tempDir(), 'b.tambon'), { migrationsDir: path.join(resourcesDir, 'migrations'), create: true });
    const tx = (now: Date): WriteTx => ({ db: ws.db, sqlite: ws.sqlite, now, operator: null, changes: new Map(), detail: {} });
    try {
      const first = tx(new Date('2026-11-23T01:00:00Z'));
      const fw = ws.sqlite.prepare("insert into frameworks (id, updated_at, framework_id, name_th) values ('f', 'x', 'f', 'f')");
      fw.run();
      const bulk = bulkInserter(first, strategicIssues, ['frameworkRowId', 'no', 'nameTh']);
      const ids = Array.from({ length: 1000 }, (_, i) => bulk.insert({ frameworkRowId: 'f', no: i + 1, nameTh: `ประเด็น ${i + 1}` }));
      expect(bulk.count).toBe(1000);
      expect(new Set(ids).size).toBe(1000);
      expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7/.test(id))).toBe(true);
      expect(ws.sqlite.prepare('select distinct rev, updated_at, deleted_at from strategic_issues').all()).toEqual([{ rev: 1, updated_at: first.now.toISOString(), deleted_at: null }]);
      expect([...first.changes.entries()]).toEqual([['strategic_issues', new Set()]]);
      expect(() => bulk.insert({ frameworkRowId: 'f', no: 1, nameTh: { not: 'bindable' } as never })).toThrow(/cannot take object/);
      const second = tx(new Date('2026-11-23T02:00:00Z'));
      expect(tombstoneWhere(second, strategicIssues, eq(strategicIssues.frameworkRowId, 'f'))).toBe(1000);
      expect(tombstoneWhere(second, strategicIssues, eq(strategicIssues.frameworkRowId, 'f'))).toBe(0);
      expect(ws.sqlite.prepare('select distinct rev, deleted_at from strategic_issues').all()).toEqual([{ rev: 2, deleted_at: second.now.toISOString() }]);
    } finally {
      ws.sqlite.close();
    }
  });
});
