/**
 * จปฐ. figures travel without household rows (DESIGN.md §5, personal data): a tambon imports a
 * household จปฐ. workbook (and TPMAP counts for a village without household answers), exports a
 * default package, and the package carries `bmn_village_results` — the village figures the
 * tambon's own จปฐ. page shows — and no household row or key. The province imports it, and its
 * dashboard shows the indicators failing in that tambon; a second export with nothing changed is
 * all "unchanged" at the province.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/shared/domain/csv';
import type { AppContext } from '../../src/main/services/context';
import { closingContexts, createNaSai, ok } from '../support/context';
import { createProvince, finished, importJob, keyOf } from '../support/datacenter';
import { passphrase, zipEntries } from '../support/packages';
import { makeHouseholds, writeBmnWorkbook, writeCsv } from '../support/surveyFiles';

const context = closingContexts();

/** Runs an import through the job (its worker), as the app does, and expects it imported. */
async function importSurvey(ctx: ReturnType<typeof context>, input: { path: string; kind: 'bmn' | 'tpmap'; year: number }): Promise<void> {
  const { jobId } = await ok(ctx, 'jobs.start', { kind: 'import', input });
  const end = await finished(ctx, jobId);
  expect(end.status).toBe('done');
  expect((end.result as { status: string }).status).toBe('imported');
}

const text = (data: Uint8Array | undefined) => Buffer.from(data!).toString('utf8');

/** The rows of a package's CSV entry, column name → cell. */
function csvRows(data: Uint8Array | undefined): Record<string, string | null>[] {
  const [header, ...rows] = readCsv(text(data));
  return rows.map((r) => Object.fromEntries(header!.map((name, i) => [name!, r[i] ?? null])));
}

const live = (ctx: AppContext, sql: string) => ctx.session.workspace!.sqlite.prepare(sql).pluck().all() as string[];

describe('จปฐ. household figures in a default package', () => {
  it('travel as village results equal to the evidence page, with no household row or key, and reach the province dashboard', async () => {
    const ctx = context();
    await ok(ctx, 'prefs.set', { operatorName: 'ผู้บันทึก' });
    await createNaSai(ctx);
    for (const moo of [1, 2, 3]) await ok(ctx, 'villages.add', { moo, name: `บ้าน ${moo}` });
    // Household answers for หมู่ 1 and 2; TPMAP counts for หมู่ 3, and for หมู่ 1 (its household answers win).
    const households = makeHouseholds(40, [1, 2]);
    await importSurvey(ctx, { path: await writeBmnWorkbook(path.join(ctx.dir, 'bmn.xlsx'), { households, year: 2563, title: true, personal: true }), kind: 'bmn', year: 2563 });
    const tpmap = writeCsv(path.join(ctx.dir, 'tpmap.csv'), [
      ['village_ID', 'indicator17.ALL', 'indicator17.CNT', 'indicator22.ALL', 'indicator22.CNT', 'households'],
      ['8001080100', 500, 400, 500, 400, 500],
      ['8001080300', 60, 9, 60, 0, 60],
    ]);
    await importSurvey(ctx, { path: tpmap, kind: 'tpmap', year: 2563 });
    const evidence = await ok(ctx, 'evidence.bmn', {});
    expect(evidence.year).toBe(2563);
    expect(evidence.villages.map((v) => [v.village.moo, v.source, v.households])).toEqual([
      [1, 'households', 20],
      [2, 'households', 20],
      [3, 'aggregates', 60],
    ]);
    const setSize = evidence.set!.indicators.length;

    const outcome = await ok(ctx, 'packages.export', { folder: path.join(ctx.dir, 'out'), passphrase });
    expect(outcome.households).toBe(false);
    expect(outcome.tables.bmn_households).toBeUndefined();
    expect(outcome.tables.bmn_village_results).toEqual({ travel: 'aggregate', rows: 3 * setSize });
    const entries = zipEntries(outcome.file);
    expect(Object.keys(entries)).not.toContain('data/bmn_households.csv');
    const datapackage = JSON.parse(text(entries['datapackage.json'])) as { resources: { name: string; schema: { primaryKey: string[]; fields: { name: string; type: string }[] } }[] };
    const resource = datapackage.resources.find((r) => r.name === 'bmn_village_results')!;
    expect(resource.schema.primaryKey).toEqual(['id']);
    expect(resource.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:string',
      'rev:integer',
      'updated_at:string',
      'deleted_at:string',
      'village_id:string',
      'survey_year:integer',
      'set_id:string',
      'indicator_no:integer',
      'households:integer',
      'in_scope:integer',
      'failing:integer',
      'source:string',
    ]);

    // Every village × indicator, exactly as the evidence page counts it.
    const results = csvRows(entries['data/bmn_village_results.csv']);
    expect(results).toHaveLength(3 * setSize);
    for (const village of evidence.villages) {
      for (const stat of village.indicators) {
        const row = results.find((r) => r.village_id === village.village.id && r.indicator_no === String(stat.no));
        expect(row, `หมู่ ${village.village.moo} indicator ${stat.no}`).toMatchObject({
          survey_year: '2563',
          set_id: evidence.set!.id,
          households: String(village.households),
          in_scope: String(stat.inScope),
          failing: String(stat.failing),
          source: village.source,
          rev: '1',
          deleted_at: null,
        });
        expect(row!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
    }
    // Indicator 17 fails in every 5th household: counted from the answers in หมู่ 1 (not its TPMAP 400).
    expect(results.find((r) => r.village_id === evidence.villages[0]!.village.id && r.indicator_no === '17')).toMatchObject({ in_scope: '20', failing: '4', source: 'households' });

    // No household row, house code or household key anywhere in the package.
    const keys = live(ctx, 'select household_key from bmn_households');
    const houseCodes = live(ctx, 'select house_code from bmn_households where house_code is not null');
    expect(keys).toHaveLength(40);
    expect(houseCodes).toHaveLength(40);
    const found = Object.entries(entries).flatMap(([name, data]) => [...keys, ...houseCodes].filter((k) => Buffer.from(data).includes(Buffer.from(k, 'utf8'))).map((k) => `${name}: ${k}`));
    expect(found).toEqual([]);

    // The same figures the next time: the resource's bytes do not change when nothing did.
    const again = await ok(ctx, 'packages.export', { folder: path.join(ctx.dir, 'out'), passphrase });
    expect(again.seq).toBe(2);
    expect(text(zipEntries(again.file)['data/bmn_village_results.csv'])).toBe(text(entries['data/bmn_village_results.csv']));

    // The province: enrolled, imported through the job, the dashboard shows the tambon's failing indicators.
    const key = await keyOf(ctx, '800108');
    const p = context();
    await createProvince(p);
    await ok(p, 'datacenter.enroll', { tambonCode: '800108', publicKey: key.text, fingerprint: key.fingerprint });
    const [first] = await importJob(p, [outcome.file]);
    expect(first).toMatchObject({ status: 'applied', tambonCode: '800108', seq: 1, warnings: [] });
    expect(first!.tables.bmn_village_results).toEqual({ new: 3 * setSize, changed: 0, unchanged: 0, deleted: 0, rejected: 0 });
    expect(first!.tables.bmn_households).toBeUndefined();
    const dashboard = await ok(p, 'datacenter.dashboard', { view: 'latest' });
    const failing = evidence.tambon.indicators.filter((i) => i.failing > 0);
    expect(failing.map((i) => i.no)).toEqual(expect.arrayContaining([17, 22]));
    expect(dashboard.bmn.map((i) => i.indicatorNo).sort((a, b) => a - b)).toEqual(failing.map((i) => i.no));
    for (const stat of failing) {
      expect(dashboard.bmn.find((i) => i.indicatorNo === stat.no)).toEqual({ indicatorNo: stat.no, tambonsFailing: 1, inScope: stat.inScope, failing: stat.failing });
    }
    // The second package: every figure unchanged (ids and content the same; `updated_at` does not decide).
    const [second] = await importJob(p, [again.file]);
    expect(second).toMatchObject({ status: 'applied', seq: 2 });
    expect(second!.tables.bmn_village_results).toEqual({ new: 0, changed: 0, unchanged: 3 * setSize, deleted: 0, rejected: 0 });
    // Four key unlocks (scrypt) and two import jobs: the whole path, as datacenter.test.ts allows it.
  }, 120_000);
});
