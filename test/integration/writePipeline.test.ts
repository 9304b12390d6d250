/**
 * The one write pipeline: every change is one transaction with its audit record, then a change
 * event naming the capability, the tables and the row ids; a failed write leaves nothing (no
 * row, no audit, no event). And a scan of the code: only the repository writes travelling tables.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/main/db/schema';
import { closingContexts, createNaSai, fails, ok } from '../support/context';

const context = closingContexts();
const changes = (ctx: ReturnType<typeof context>) => ctx.events.filter((e) => e.event === 'data.changed').map((e) => e.payload);

describe('the write pipeline', () => {
  it('announces each committed write with its capability, action, tables and row ids, and audits it with the operator', async () => {
    const ctx = context();
    await ok(ctx, 'prefs.set', { operatorName: 'นางสาวสมใจ ใจดี' });
    await createNaSai(ctx);
    ctx.events.length = 0;
    const village = await ok(ctx, 'villages.add', { moo: 1, name: 'บ้านนาทราย', headman: 'นายสมชาย ใจดี' });
    const [added] = changes(ctx) as { capability: string; action: string; tables: Record<string, string[]> }[];
    expect(added).toMatchObject({ capability: 'villages', action: 'village.add' });
    expect(added!.tables.villages).toEqual([village.id]);
    expect(added!.tables.village_contacts).toHaveLength(1);
    const audit = ctx.session.workspace!.sqlite.prepare("select operator, action, detail from audit_log where action = 'village.add'").get() as {
      operator: string;
      action: string;
      detail: string;
    };
    expect(audit.operator).toBe('นางสาวสมใจ ใจดี');
    expect(JSON.parse(audit.detail)).toMatchObject({ moo: 1, changes: { villages: [village.id] } });

    ctx.events.length = 0;
    await ok(ctx, 'villages.delete', { id: village.id });
    expect(changes(ctx)).toEqual([
      { capability: 'villages', action: 'village.delete', tables: { villages: [village.id], village_contacts: [expect.any(String)] } },
    ]);
  });

  it('leaves no row, no audit record and no event behind a refused write', async () => {
    const ctx = context();
    await createNaSai(ctx);
    await ok(ctx, 'villages.add', { moo: 1, name: 'หนึ่ง' });
    const audits = () => ctx.session.workspace!.sqlite.prepare('select count(*) from audit_log').pluck().get();
    const before = audits();
    ctx.events.length = 0;
    expect((await fails(ctx, 'villages.add', { moo: 1, name: 'ซ้ำ' })).code).toBe('CONFLICT');
    expect(audits()).toBe(before);
    expect(changes(ctx)).toEqual([]);
    expect(await ok(ctx, 'villages.list')).toHaveLength(1);
  });
});

/**
 * Where a source file writes a table: drizzle's insert/update/delete on a table named directly
 * (`db.insert(villages)`), or SQL text. A table reached another way (`schema.villages`, a
 * variable) is not seen: the scan keeps the codebase to the direct form, which review checks.
 */
function writesIn(file: string): { table: string; line: number }[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: { table: string; line: number }[] = [];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  // drizzle: db.insert(villages), tx.db.update(villageContacts), .delete(selfTestRows)
  for (const m of text.matchAll(/\.(?:insert|update|delete)\(\s*([A-Za-z_][\w]*)\s*\)/g)) found.push({ table: m[1]!, line: lineOf(m.index) });
  // SQL: insert into villages, update villages set, delete from villages, replace into…
  for (const m of text.matchAll(/\b(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|delete\s+from|update)\s+[`"']?([a-z_]+)[`"']?(?=\s|\(|$)/gi)) {
    found.push({ table: m[1]!, line: lineOf(m.index) });
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('who writes travelling tables', () => {
  const root = path.resolve(__dirname, '../..');
  // A table is named in code by its drizzle export (villageContacts) or by its SQL name (village_contacts).
  const travelling = new Set<string>();
  for (const [sqlName, table] of Object.entries(schema.tables)) {
    if (schema.travelClass[sqlName as keyof typeof schema.travelClass] === 'local') continue;
    travelling.add(sqlName);
    const exportName = Object.entries(schema).find(([, value]) => value === table)?.[0];
    if (exportName) travelling.add(exportName);
    expect(getTableConfig(table).name).toBe(sqlName);
  }

  it('the scan finds the writes it looks for', () => {
    const repository = writesIn(path.join(root, 'src/main/db/repository.ts'));
    expect(repository.map((w) => w.table)).toEqual(expect.arrayContaining(['table']));
    expect(writesIn(path.join(root, 'src/main/services/jobs/selfTest.ts')).map((w) => w.table)).toEqual(
      expect.arrayContaining(['selfTestRows', 'self_test_rows']),
    );
    expect([...travelling]).toEqual(expect.arrayContaining(['villages', 'strategicIssues', 'strategic_issues']));
    expect(travelling.has('auditLog') || travelling.has('villageContacts')).toBe(false);
  });

  it('only the repository (db/repository.ts) writes a table whose rows travel', () => {
    const offenders = sourceFiles(path.join(root, 'src'))
      .filter((file) => !file.endsWith(path.join('db', 'repository.ts')))
      .flatMap((file) => writesIn(file).map((w) => ({ ...w, file: path.relative(root, file) })))
      .filter((w) => travelling.has(w.table));
    expect(offenders).toEqual([]);
  });
});

describe('changes outside the workspace', () => {
  it('a change of the preferences is announced, so every window shows the new language', async () => {
    const ctx = context();
    ctx.events.length = 0;
    await ok(ctx, 'prefs.set', { language: 'en' });
    expect(changes(ctx)).toEqual([{ capability: 'preferences', action: 'preferences.change', tables: {} }]);
  });
});
