import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/client';
import { insertRow, restoreRow, tombstoneRow, updateRow } from '../../src/main/db/repository';
import { offices } from '../../src/main/db/schema';
import { resourcesDir, tempDir } from '../support/context';

describe('repository helper', () => {
  it('writes UUIDv7 ids, bumps rev on every change and tombstones deletes', () => {
    const ws = openDatabase(path.join(tempDir(), 'r.tambon'), { migrationsDir: path.join(resourcesDir, 'migrations'), create: true });
    try {
      const t0 = new Date('2026-11-23T01:00:00Z');
      const a = insertRow(ws.db, offices, { type: 'sao', name: 'ก', isHost: true }, t0);
      const b = insertRow(ws.db, offices, { type: 'sao', name: 'ข', isHost: false }, t0);
      expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(a.id < b.id).toBe(true); // time-ordered
      expect(a).toMatchObject({ rev: 1, updatedAt: t0.toISOString(), deletedAt: null });
      const t1 = new Date('2026-11-23T02:00:00Z');
      expect(updateRow(ws.db, offices, a.id, { name: 'ค' }, t1)).toMatchObject({ name: 'ค', rev: 2, updatedAt: t1.toISOString() });
      expect(tombstoneRow(ws.db, offices, a.id, t1)).toMatchObject({ rev: 3, deletedAt: t1.toISOString() });
      expect(updateRow(ws.db, offices, a.id, { name: 'ง' }, t1)).toBeUndefined(); // a tombstone is not edited
      expect(tombstoneRow(ws.db, offices, a.id, t1)).toBeUndefined();
      expect(restoreRow(ws.db, offices, a.id, t1)).toMatchObject({ rev: 4, deletedAt: null, name: 'ค' });
      expect(ws.db.select().from(offices).where(eq(offices.id, a.id)).all()).toHaveLength(1);
    } finally {
      ws.sqlite.close();
    }
  });
});
