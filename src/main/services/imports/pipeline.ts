/**
 * The import job's body: one pass over the file, then one write.
 *   hash (SHA-256: the same file imported before is a no-op unless replacing) → what the file is
 *   → for each sheet: find the header in its first rows, map the columns (as asked, else as
 *   remembered for the layout, else automatically), settle the survey year and the indicator
 *   set, check the mapping → read every row (blank, totals and repeated-header rows passed over;
 *   a row with any problem rejected whole) → strict / dry run / write.
 * The write is one transaction through the write pipeline, rows in bulk (one prepared statement
 * per table); a cancel between chunks rolls it back, so nothing is half-imported.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { setForYear, type IndicatorSet } from '../../../shared/domain/evidence/indicatorSets';
import { accountCategoryLabels, isForumKind, isRegisterKind, type AccountCategory, type ColumnMapping, type ImportKind } from '../../../shared/domain/imports/kinds';
import { emptyProjectValues, pcsValues, planYears, projectValues, villageItemValues } from '../../../shared/domain/forum';
import { villageItemKindTh } from '../../../shared/domain/forumForms';
import { leaderRoles, organisationKinds, welfareTiers } from '../../../shared/domain/registers';
import type { KnownIssue } from '../../../shared/domain/imports/forumRecords';
import { cellText, columnLetter, type CellNote } from '../../../shared/domain/imports/cells';
import { classifyRow, detectHeader, headerAt, type HeaderGuess, type SheetRow } from '../../../shared/domain/imports/headers';
import { checkMapping } from '../../../shared/domain/imports/mappingCheck';
import { layoutKey } from '../../../shared/domain/imports/mapping';
import { normalizeThaiDigits } from '../../../shared/domain/thaiDigits';
import { formatNumber } from '../../../shared/domain/fields';
import { problemMessage, type RowProblem } from '../../../shared/domain/imports/problems';
import { createRowReader, type ImportRecord, type KnownVillage, type RowReader } from '../../../shared/domain/imports/records';
import { refused } from '../../../shared/domain/result';
import type { ImportOutcome } from '../../../shared/ipc/imports';
import type { z } from 'zod';
import type { importJob, importJobInputSchema } from '../../../shared/ipc/imports';
import { bulkInserter, insertRow, newId, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import {
  assessmentScores,
  bmnHouseholds,
  bmnVillageIndicators,
  bmnVillageSurveys,
  householdAccountLines,
  importLayouts,
  importProblems,
  imports,
  tambon,
  villageTableRows,
  villageTables,
  villageTableValues,
  villageLeaders,
  villages,
} from '../../db/schema';
import type { WorkspaceDb } from '../../db/client';
import type { WriteSpec } from '../write';
import { loadSets } from '../evidence/sets';
import { criteriaOf, type Framework } from '../../../shared/domain/assessment';
import { currentFramework } from '../assessment/framework';
import { addRound, liveRounds, scoreRow } from '../assessment/rounds';
import { addPcsRow } from '../forum/pcs';
import { addProject } from '../forum/projects';
import { liveIssues } from '../forum/readiness';
import { planSettings } from '../forum/settings';
import { addVillageItem } from '../forum/villagePlans';
import { writeRegisterRecords } from '../registers/importWrite';
import { readRows, sha256File, sniffFile, type ReadStats } from './source';
import { endImport, findActiveImport } from './store';

type Input = z.output<typeof importJobInputSchema>;
type Db = WorkspaceDb['db'];

/**
 * What the import's body needs of its job: the job runner's `JobControl<'import'>` (in the
 * worker, or on the command line's thread) is one. Declared here, not imported from the jobs
 * capability, so the two capabilities do not depend on each other in a circle.
 */
export interface ImportJob {
  ws: WorkspaceDb;
  resourcesDir: string;
  throwIfCancelled(): void;
  progress(done: number, total: number, detail: z.output<typeof importJob.progress>): void;
  write<T>(spec: WriteSpec, body: (tx: WriteTx) => T): T;
}

/** How often (in rows) progress is reported and a cancel looked for. */
const checkEvery = 250;

/** The default name of a village table of each kind. */
export const defaultTableName = { nrd2c: 'กชช.2ค', leaders: 'สำรวจปัญหาและความต้องการของผู้นำ', other: 'ข้อมูลประเด็นสำคัญ' } as const;

/** The key of a layout in `import_layouts`: the SHA-256 of its kind and normalised headers. */
export function layoutHash(kind: ImportKind, labels: readonly string[]): string {
  return crypto.createHash('sha256').update(layoutKey(kind, labels)).digest('hex');
}

/** The mapping and category map remembered for a layout, if any. */
export function rememberedLayout(db: Db, kind: ImportKind, labels: readonly string[]): { mapping: ColumnMapping[]; categoryMap: CategoryMap } | null {
  const row = db.select().from(importLayouts).where(eq(importLayouts.key, layoutHash(kind, labels))).get();
  if (!row || row.kind !== kind) return null;
  return { mapping: JSON.parse(row.mapping) as ColumnMapping[], categoryMap: JSON.parse(row.categoryMap) as CategoryMap };
}

/** Ledger category texts (normalised) → the category a person chose, or `ignore`. */
export type CategoryMap = Record<string, AccountCategory | 'ignore'>;

/** The tambon code and live villages of the workspace. */
export function workspaceVillages(db: Db): { tambonCode: string; villages: KnownVillage[] } {
  const t = db.select({ code: tambon.code }).from(tambon).where(isNull(tambon.deletedAt)).get();
  if (!t) throw refused('พื้นที่ทำงานนี้ไม่มีข้อมูลตำบล', 'This workspace has no tambon');
  const list = db.select({ id: villages.id, moo: villages.moo, code: villages.code, name: villages.name }).from(villages).where(isNull(villages.deletedAt)).all();
  return { tambonCode: t.code, villages: list };
}

/** The set a file of `year` is read with: the one asked for, else the one covering the year. */
export function setFor(sets: readonly IndicatorSet[], year: number | null, setId: string | undefined): IndicatorSet | null {
  if (setId) return sets.find((s) => s.id === setId) ?? null;
  if (year !== null) return setForYear(sets, year);
  return null;
}

/** What the job knows of one sheet as it reads. */
interface SheetState {
  name: string;
  buffer: SheetRow[];
  header: HeaderGuess | null;
  /** True once the header is settled and rows go to the reader; false for a sheet passed over. */
  reading: boolean;
  decided: boolean;
  /** Rows the file holds in this sheet (empty rows it does not hold are not counted). */
  rows: number;
  /** The sheet's own reader, when its layout is not the first sheet's (the forum's workbooks). */
  reader?: RowReader;
}

/** A record with where it came from. */
interface Placed {
  record: ImportRecord;
  sheet: string;
  row: number;
}

/** A refusal of the whole file, as the outcome says it (not an error: the job ends `done` with status `refused`). */
class Refusal extends Error {
  constructor(readonly th: string, readonly en: string) {
    super(en);
  }
}

/** The import job's body (see the module comment). */
export async function runImport(job: ImportJob, input: Input): Promise<ImportOutcome> {
  const started = Date.now();
  const db = job.ws.db;
  const file = input.path;
  const size = (await fs.promises.stat(file)).size;
  const outcome: ImportOutcome = {
    kind: input.kind,
    file: path.basename(file),
    sha256: '',
    dryRun: input.dryRun,
    status: 'dry-run',
    rows: { read: 0, imported: 0, rejected: 0, skipped: { blank: 0, totals: 0, repeatedHeader: 0, otherTambon: 0, ignored: 0 } },
    problems: [],
    problemsTotal: 0,
    problemCounts: {},
    refusal: null,
    importId: null,
    previousImportId: null,
    year: input.year,
    setId: null,
    sheets: [],
    encoding: null,
    notes: {},
    unknownCategories: [],
    preview: { columns: [], rows: [] },
    ms: 0,
  };
  const finish = () => ({ ...outcome, ms: Date.now() - started });
  const progress = (phase: 'hashing' | 'reading' | 'writing', bytesRead: number) => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    job.progress(bytesRead, size, { phase, rowsRead: outcome.rows.read, rowsPerSecond: Math.round(outcome.rows.read / seconds), bytesRead, totalBytes: size });
  };

  // 1. The file's identity: the same file imported before is a no-op unless replacing.
  outcome.sha256 = await sha256File(file, (bytes) => {
    if (bytes === size || bytes % (8 * 1024 * 1024) < 1024 * 1024) progress('hashing', bytes);
  });
  job.throwIfCancelled();
  if (input.expectSha256 && input.expectSha256 !== outcome.sha256) {
    outcome.status = 'refused';
    outcome.refusal = {
      th: 'ไฟล์ถูกแก้ไขหลังจากตรวจสอบแล้ว กรุณาตรวจสอบไฟล์อีกครั้งก่อนนำเข้า',
      en: 'The file changed after it was checked; check it again before importing',
    };
    return finish();
  }
  const previous = findActiveImport(db, outcome.sha256, input.kind);
  if (previous) {
    outcome.previousImportId = previous.id;
    if (!input.replace) {
      outcome.status = 'already-imported';
      outcome.year = previous.surveyYear;
      return finish();
    }
  }

  // 2. What the file is, and what the workspace knows.
  const format = await sniffFile(file, size);
  outcome.encoding = format.format === 'csv' ? format.encoding : null;
  const { tambonCode, villages: known } = workspaceVillages(db);
  const sets = loadSets(db, job.resourcesDir);
  const namesSet = setFor(sets, input.year, input.setId) ?? sets.at(-1) ?? null;
  const indicatorNames = namesSet?.indicators.map((i) => ({ no: i.no, nameTh: i.nameTh })) ?? [];
  const wanted = input.sheets ? new Set(input.sheets) : null;
  const now = new Date();
  const dateRange = { minBE: 2500, maxBE: now.getFullYear() + 543 + 1 };

  const sheets = new Map<string, SheetState>();
  const seenSheets: string[] = [];
  let chosen: { header: HeaderGuess; mapping: ColumnMapping[]; key: string } | null = null;
  let reader: RowReader | null = null;
  let set: IndicatorSet | null = null;
  /** The assessment framework the scores workbook is read with. */
  let framework: Framework | null = null;
  let categoryMap: CategoryMap = input.categoryMap ?? {};
  const placed: Placed[] = [];
  const stored: RowProblem[] = [];
  const notes: Partial<Record<CellNote, number>> = {};
  const stats: ReadStats = { formulas: 0 };
  let bytesRead = 0;
  let tableName: string | null = null;

  const problem = (p: RowProblem) => {
    outcome.problemsTotal += 1;
    outcome.problemCounts[p.code] = (outcome.problemCounts[p.code] ?? 0) + 1;
    stored.push(p);
  };

  /** Settles a sheet once its first rows are in (or it ended): header, mapping, year, set, reader. */
  const decide = (state: SheetState) => {
    state.decided = true;
    if (wanted && !wanted.has(state.name)) return;
    const header = input.header
      ? headerAt(input.kind, state.buffer, input.header.firstRow, input.header.rows, indicatorNames)
      : detectHeader(input.kind, state.buffer, indicatorNames);
    state.header = header;
    if (!header) {
      if (wanted) {
        throw new Refusal(
          `ไม่พบหัวตารางที่รู้จักในชีต "${state.name}" (เช่น หมู่ที่ บ้านเลขที่ ตัวชี้วัดที่ 1) กรุณาเลือกแถวหัวตารางเอง หรือตรวจว่าเลือกชนิดข้อมูลถูกต้อง`,
          `No recognisable header in sheet "${state.name}" (such as หมู่ที่, บ้านเลขที่, ตัวชี้วัดที่ 1); choose the header row yourself, or check the kind of data`,
        );
      }
      return;
    }
    const key = layoutHash(input.kind, header.labels);
    if (chosen) {
      if (key !== chosen.key && isForumKind(input.kind)) {
        // A group's workbook may lay each issue's sheet out its own way: the sheet gets its own
        // mapping (remembered for its layout, else automatic) and its own reader.
        const mapping = rememberedLayout(db, input.kind, header.labels)?.mapping ?? header.mapping;
        if (checkMapping(input.kind, mapping).length > 0) {
          if (!wanted) return;
          const issues = checkMapping(input.kind, mapping);
          throw new Refusal(issues.map((i) => `ชีต "${state.name}": ${i.th}`).join(' · '), issues.map((i) => `Sheet "${state.name}": ${i.en}`).join(' · '));
        }
        state.reader = forumReader(mapping);
        state.reading = true;
        seenSheets.push(state.name);
        startSheet(state);
        return;
      }
      if (key !== chosen.key) {
        if (!wanted) return;
        throw new Refusal(
          `ชีต "${state.name}" มีหัวตารางต่างจากชีตแรก จึงนำเข้าพร้อมกันไม่ได้ (นำเข้าทีละชีต)`,
          `Sheet "${state.name}" has another header than the first sheet, so they cannot be imported together (import one sheet at a time)`,
        );
      }
      state.reading = true;
      seenSheets.push(state.name);
      startSheet(state);
      return;
    }
    const remembered = input.mapping ? null : rememberedLayout(db, input.kind, header.labels);
    const mapping = input.mapping ?? remembered?.mapping ?? header.mapping;
    if (!input.categoryMap && remembered) categoryMap = remembered.categoryMap;
    chosen = { header, mapping, key };
    state.reading = true;
    seenSheets.push(state.name);

    // The survey year: asked, else a title row's, else the first data row's year column.
    let year = input.year ?? header.yearInTitle;
    const yearColumn = mapping.find((m) => m.field === 'year')?.column;
    if (year === null && yearColumn !== undefined) {
      for (const row of state.buffer) {
        if (row.number < header.firstRow + header.rows) continue;
        const text = normalizeThaiDigits(cellText(row.cells[yearColumn - 1] ?? null));
        const m = /^(\d{4})$/.exec(text);
        if (m) {
          const y = Number(m[1]);
          year = y < 2400 ? y + 543 : y;
          break;
        }
      }
    }
    outcome.year = year;
    if ((input.kind === 'bmn' || input.kind === 'tpmap' || (input.kind === 'nrd2c' && (input.table?.kind ?? 'nrd2c') === 'nrd2c')) && year === null) {
      throw new Refusal(
        'ไม่ทราบปีที่สำรวจ: ไม่มีในหัวเรื่องหรือคอลัมน์ปีของไฟล์ กรุณาระบุปีที่สำรวจ (พ.ศ.)',
        'The survey year is not known: neither a title nor a year column of the file says it; give the survey year (BE)',
      );
    }
    if (input.kind === 'bmn' || input.kind === 'tpmap') {
      set = setFor(sets, year, input.setId);
      if (!set) {
        throw new Refusal(
          input.setId
            ? `ไม่พบชุดตัวชี้วัด ${input.setId}`
            : `ไม่มีชุดตัวชี้วัด จปฐ. สำหรับปี ${year} กรุณาเพิ่มชุดตัวชี้วัดของปีนั้นก่อน (หน้า ข้อมูลหลักฐาน → ชุดตัวชี้วัด)`,
          input.setId ? `No indicator set ${input.setId}` : `No BMN indicator set covers ${year}; add that period's set first (Evidence → Indicator sets)`,
        );
      }
      outcome.setId = set.id;
    }
    if (input.kind === 'assessment') framework = currentFramework(db, job.resourcesDir).framework;
    const issues = checkMapping(input.kind, mapping, set?.indicators.map((i) => i.no) ?? [], set?.nameTh ?? '', framework ? criteriaOf(framework).map((k) => k.no) : []);
    if (issues.length > 0) throw new Refusal(issues.map((i) => i.th).join(' · '), issues.map((i) => i.en).join(' · '));

    // What the workspace has already for this year (or table), from other imports.
    const others = (importId: string) => (previous ? importId !== previous.id : true);
    let existingHouseholds: Set<string> | undefined;
    let existingVillages: Set<string> | undefined;
    if (input.kind === 'bmn') {
      existingHouseholds = new Set(
        db
          .select({ key: bmnHouseholds.householdKey, importId: bmnHouseholds.importId })
          .from(bmnHouseholds)
          .where(and(eq(bmnHouseholds.surveyYear, year!), isNull(bmnHouseholds.deletedAt)))
          .all()
          .filter((r) => others(r.importId))
          .map((r) => r.key),
      );
    } else if (input.kind === 'tpmap') {
      existingVillages = new Set(
        db
          .select({ villageId: bmnVillageSurveys.villageId, importId: bmnVillageSurveys.importId })
          .from(bmnVillageSurveys)
          .where(and(eq(bmnVillageSurveys.surveyYear, year!), isNull(bmnVillageSurveys.deletedAt)))
          .all()
          .filter((r) => others(r.importId))
          .map((r) => r.villageId),
      );
    } else if (input.kind === 'nrd2c') {
      const kind = input.table?.kind ?? 'nrd2c';
      tableName = input.table?.name ?? (kind === 'other' ? state.name : defaultTableName[kind]);
      const tables = db
        .select({ id: villageTables.id, importId: villageTables.importId, year: villageTables.surveyYear })
        .from(villageTables)
        .where(and(eq(villageTables.tableKind, kind), eq(villageTables.name, tableName), isNull(villageTables.deletedAt)))
        .all()
        .filter((t) => t.year === year && others(t.importId));
      existingVillages = new Set(
        tables.flatMap((t) =>
          db
            .select({ villageId: villageTableRows.villageId })
            .from(villageTableRows)
            .where(and(eq(villageTableRows.tableId, t.id), isNull(villageTableRows.deletedAt)))
            .all()
            .map((r) => r.villageId),
        ),
      );
    }
    // The leaders each village has already (those of the import being replaced go with it).
    let leadersPerVillage: Map<string, number> | undefined;
    if (input.kind === 'leaders') {
      leadersPerVillage = new Map();
      for (const r of db.select({ villageId: villageLeaders.villageId, importId: villageLeaders.importId }).from(villageLeaders).where(isNull(villageLeaders.deletedAt)).all()) {
        if (r.importId === null || others(r.importId)) leadersPerVillage.set(r.villageId, (leadersPerVillage.get(r.villageId) ?? 0) + 1);
      }
    }
    reader = createRowReader({
      ...(leadersPerVillage ? { leadersPerVillage } : {}),
      kind: input.kind,
      tambonCode,
      villages: known,
      mapping,
      year,
      dateRange,
      categoryMap,
      ...(existingHouseholds ? { existingHouseholds } : {}),
      ...(existingVillages ? { existingVillages } : {}),
      ...(isForumKind(input.kind) ? { issues: forumIssues(), planYears: planYears(planSettings(db, now).plan) } : {}),
      ...(framework ? { scale: framework.scale } : {}),
    });
    startSheet(state);
  };

  /** A reader of the forum's workbooks for a sheet with its own layout. */
  const forumReader = (mapping: ColumnMapping[]) =>
    createRowReader({ kind: input.kind, tambonCode, villages: known, mapping, year: null, dateRange, issues: forumIssues(), planYears: planYears(planSettings(db, now).plan) });

  /** The issues a forum workbook's rows are matched to, read once. */
  let issues: KnownIssue[] | null = null;
  const forumIssues = () => (issues ??= liveIssues(db));
  /** Tells the reader a sheet's rows come next, with its name and the titles above its header (the forum's workbooks name their issue or village there). */
  const startSheet = (state: SheetState) => {
    const header = state.header!;
    const titles = state.buffer.filter((r) => r.number < header.firstRow).map((r) => r.cells.map(cellText).filter((t) => t !== '').join(' '));
    (state.reader ?? reader!).startSheet({ name: state.name, titles });
  };

  /** Reads one data row (below the header) of a sheet being read. */
  const readRow = (state: SheetState, row: SheetRow) => {
    const header = state.header!;
    if (row.number < header.firstRow + header.rows) return;
    const kind = classifyRow(row.cells, header);
    if (kind !== 'data') {
      outcome.rows.skipped[kind] += 1;
      return;
    }
    outcome.rows.read += 1;
    const result = (state.reader ?? reader!).read(row.cells);
    if (result.outcome === 'otherTambon') outcome.rows.skipped.otherTambon += 1;
    else if (result.outcome === 'ignored') outcome.rows.skipped.ignored += 1;
    else if (result.outcome === 'rejected') {
      outcome.rows.rejected += 1;
      for (const p of result.problems) problem({ sheet: state.name, row: row.number, column: p.column, code: p.code, ...(p.value !== undefined ? { value: p.value } : {}) });
    } else {
      placed.push({ record: result.record, sheet: state.name, row: row.number });
      for (const n of result.notes) notes[n] = (notes[n] ?? 0) + 1;
    }
    if (outcome.rows.read % checkEvery === 0) {
      job.throwIfCancelled();
      progress('reading', bytesRead);
    }
  };

  // 3. One pass over the rows.
  try {
    let current = null as SheetState | null;
    const flush = (state: SheetState) => {
      if (!state.decided) decide(state);
      if (state.reading) for (const row of state.buffer) readRow(state, row);
      state.buffer = [];
    };
    for await (const row of readRows(file, format, { onBytes: (b) => (bytesRead = b), dates: input.kind === 'accounts' }, stats)) {
      if (current?.name !== row.sheet) {
        if (current) flush(current);
        current = { name: row.sheet, buffer: [], header: null, reading: false, decided: false, rows: 0 };
        sheets.set(row.sheet, current);
      }
      if (!row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) current.rows += 1;
      if (!current.decided) {
        current.buffer.push(row);
        if (current.buffer.length >= 40) flush(current);
      } else if (current.reading) readRow(current, row);
    }
    if (current) flush(current);
    job.throwIfCancelled();
    if (!chosen) {
      const nothing = [...sheets.values()].every((s) => s.rows === 0);
      if (wanted && wanted.size > 0 && ![...wanted].some((name) => sheets.has(name))) {
        throw new Refusal(`ไม่พบชีต ${[...wanted].map((n) => `"${n}"`).join(', ')} ในไฟล์`, `The file has no sheet ${[...wanted].map((n) => `"${n}"`).join(', ')}`);
      }
      if (sheets.size === 0 || nothing) {
        throw new Refusal('ไฟล์นี้ไม่มีข้อมูล (ชีตว่างเปล่า)', 'The file has no data (the sheet is empty)');
      }
      throw new Refusal(
        'ไม่พบหัวตารางที่รู้จักในไฟล์ (เช่น หมู่ที่ บ้านเลขที่ ตัวชี้วัดที่ 1) กรุณาตรวจว่าเลือกชนิดข้อมูลถูกต้อง หรือเลือกแถวหัวตารางเอง',
        'No recognisable header in the file (such as หมู่ที่, บ้านเลขที่, ตัวชี้วัดที่ 1); check the kind of data, or choose the header row yourself',
      );
    }
    if (outcome.rows.read === 0) throw new Refusal('ไม่มีแถวข้อมูลใต้หัวตาราง (ชีตว่างเปล่า)', 'There are no data rows under the header (the sheet is empty)');
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    outcome.status = 'refused';
    outcome.refusal = { th: error.th, en: error.en };
    outcome.sheets = seenSheets;
    return finish();
  }

  // 4. The outcome of the read.
  const picked = chosen as { header: HeaderGuess; mapping: ColumnMapping[]; key: string };
  outcome.sheets = seenSheets;
  outcome.rows.imported = placed.length;
  if (stats.formulas > 0) notes.formula = stats.formulas;
  outcome.notes = notes;
  outcome.unknownCategories = [...reader!.unknownCategories().entries()]
    .map(([key, v]) => ({ key, text: v.text, count: v.count }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 100);
  outcome.year ??= reader!.year();
  outcome.problems = stored.slice(0, input.problemLimit).map((p) => {
    const message = problemMessage(p.code, p.value);
    return { sheet: p.sheet, row: p.row, column: p.column === null ? null : columnLetter(p.column), code: p.code, message: message.th, messageEn: message.en, ...(p.value ? { value: p.value } : {}) };
  });
  outcome.preview = previewOf(input.kind, placed.slice(0, input.previewRows), known, issues ?? []);
  if (input.strict && outcome.rows.rejected > 0) {
    outcome.status = 'refused';
    outcome.rows.imported = 0;
    outcome.refusal = {
      th: `ปฏิเสธทั้งไฟล์ (--strict) เพราะมี ${outcome.rows.rejected.toLocaleString('en-US')} แถวที่ไม่ผ่านการตรวจสอบ ไม่มีข้อมูลใดถูกบันทึก`,
      en: `The whole file is refused (--strict): ${outcome.rows.rejected.toLocaleString('en-US')} rows failed the checks; nothing was saved`,
    };
    return finish();
  }
  if (input.dryRun) {
    outcome.status = 'dry-run';
    return finish();
  }

  // 5. One write: the import record, every row in bulk, the problems, the layout; a cancel rolls it all back.
  progress('writing', size);
  const importId = job.write({ capability: 'imports', action: `import.${input.kind}` }, (tx) => {
    const id = insertRow(tx, imports, {
      kind: input.kind,
      fileName: outcome.file,
      sha256: outcome.sha256,
      surveyYear: outcome.year,
      operator: tx.operator,
      importedAt: tx.now.toISOString(),
      rowsRead: outcome.rows.read,
      rowsImported: placed.length,
      rowsRejected: outcome.rows.rejected,
      status: 'active',
      detail: JSON.stringify({ sheets: seenSheets, setId: outcome.setId, tableName, tableKind: input.kind === 'nrd2c' ? (input.table?.kind ?? 'nrd2c') : null, encoding: outcome.encoding, notes }),
    }).id;
    if (previous) endImport(tx, previous.id, { status: 'replaced', replacedBy: id });
    writeRecords(tx, input, { importId: id, year: outcome.year, setId: outcome.setId, tableName, mapping: picked.mapping, placed, resourcesDir: job.resourcesDir }, () => job.throwIfCancelled());
    for (let i = 0; i < stored.length; i += 500) {
      tx.db
        .insert(importProblems)
        .values(stored.slice(i, i + 500).map((p) => ({ importId: id, sheet: p.sheet, row: p.row, column: p.column, code: p.code })))
        .run();
    }
    // The mapping of this layout, remembered for the next file like it.
    const layout = { key: picked.key, kind: input.kind, mapping: JSON.stringify(picked.mapping), categoryMap: JSON.stringify(categoryMap), updatedAt: tx.now.toISOString() };
    tx.db.insert(importLayouts).values(layout).onConflictDoUpdate({ target: importLayouts.key, set: layout }).run();
    tx.detail = { importId: id, kind: input.kind, file: outcome.file, sha256: outcome.sha256, year: outcome.year, rows: { ...outcome.rows, skipped: undefined } };
    return id;
  });
  outcome.importId = importId;
  outcome.status = 'imported';
  return finish();
}

/** What the bulk write needs besides the records. */
interface WriteFacts {
  importId: string;
  year: number | null;
  setId: string | null;
  tableName: string | null;
  mapping: readonly ColumnMapping[];
  placed: readonly Placed[];
  resourcesDir: string;
}

/** Writes the records in bulk, checking for a cancel every few hundred rows. */
function writeRecords(tx: WriteTx, input: Input, facts: WriteFacts, checkCancel: () => void): void {
  const { importId, placed } = facts;
  if (input.kind === 'bmn') {
    const rows = bulkInserter(tx, bmnHouseholds, [
      'importId',
      'surveyYear',
      'setId',
      'villageId',
      'householdKey',
      'houseCode',
      'houseNo',
      'members',
      'answers',
      'incomeMain',
      'incomeSecondary',
      'incomeOther',
      'incomeOwnProduce',
      'sourceSheet',
      'sourceRow',
    ]);
    placed.forEach(({ record, sheet, row }, i) => {
      if (record.kind !== 'bmn') return;
      rows.insert({
        importId,
        surveyYear: facts.year!,
        setId: facts.setId!,
        villageId: record.villageId,
        householdKey: record.householdKey ?? `gen:${newId()}`,
        houseCode: record.houseCode,
        houseNo: record.houseNo,
        members: record.members,
        answers: record.answers,
        incomeMain: record.income.main,
        incomeSecondary: record.income.secondary,
        incomeOther: record.income.other,
        incomeOwnProduce: record.income.ownProduce,
        sourceSheet: sheet,
        sourceRow: row,
      });
      if (i % 500 === 499) checkCancel();
    });
  } else if (input.kind === 'tpmap') {
    const surveys = bulkInserter(tx, bmnVillageSurveys, ['importId', 'surveyYear', 'setId', 'villageId', 'households']);
    const counts = bulkInserter(tx, bmnVillageIndicators, ['surveyId', 'importId', 'indicatorNo', 'inScope', 'failing']);
    for (const { record } of placed) {
      if (record.kind !== 'tpmap') continue;
      const surveyId = surveys.insert({ importId, surveyYear: facts.year!, setId: facts.setId!, villageId: record.villageId, households: record.households });
      for (const [no, c] of record.counts) counts.insert({ surveyId, importId, indicatorNo: no, inScope: c.inScope, failing: c.failing });
    }
    checkCancel();
  } else if (input.kind === 'nrd2c') {
    // The table's columns, typed by what their values turned out to be.
    const custom = facts.mapping.filter((m) => m.field === 'custom');
    const numeric = new Map(custom.map((m) => [m.column, true]));
    for (const { record } of placed) if (record.kind === 'nrd2c') for (const v of record.values) if (v.number === null) numeric.set(v.column, false);
    const columns = custom.map((m) => ({ column: m.column, label: m.label ?? `คอลัมน์ ${columnLetter(m.column)}`, type: numeric.get(m.column) ? 'number' : 'text' }));
    const table = insertRow(tx, villageTables, { importId, tableKind: input.table?.kind ?? 'nrd2c', name: facts.tableName!, surveyYear: facts.year, columns: JSON.stringify(columns) });
    const rows = bulkInserter(tx, villageTableRows, ['tableId', 'importId', 'villageId', 'grade', 'sourceRow']);
    const values = bulkInserter(tx, villageTableValues, ['rowId', 'importId', 'column', 'label', 'valueNumber', 'valueText']);
    for (const { record, row } of placed) {
      if (record.kind !== 'nrd2c') continue;
      const rowId = rows.insert({ tableId: table.id, importId, villageId: record.villageId, grade: record.grade, sourceRow: row });
      for (const v of record.values) values.insert({ rowId, importId, column: v.column, label: v.label, valueNumber: v.number, valueText: v.text });
    }
    checkCancel();
  } else if (input.kind === 'assessment') {
    // A round per sheet, by its label (made when no live round has it); a score already given for
    // the same unit and criterion is replaced, and comes back when this import is undone.
    const rounds = new Map(liveRounds(tx.db).map((r) => [r.label, r.id]));
    for (const { record, sheet } of placed) {
      if (record.kind !== 'assessment') continue;
      let roundId = rounds.get(sheet);
      if (roundId === undefined) {
        roundId = addRound(tx, facts.resourcesDir, { label: sheet.slice(0, 31), roundDate: null, notes: null }, importId).id;
        rounds.set(sheet, roundId);
      }
      for (const { criterionNo, score } of record.scores) {
        const existing = scoreRow(tx.db, roundId, record.villageId, criterionNo);
        if (existing) {
          updateRow(tx, assessmentScores, existing.id, { replacedByImportId: importId });
          tombstoneRow(tx, assessmentScores, existing.id);
        }
        insertRow(tx, assessmentScores, { roundId, villageId: record.villageId, criterionNo, score, importId, replacedByImportId: null });
      }
    }
  } else if (isRegisterKind(input.kind)) {
    writeRegisterRecords(
      tx,
      importId,
      placed.flatMap(({ record }) => (record.kind === 'leaders' || record.kind === 'learning-centres' || record.kind === 'welfare-funds' || record.kind === 'organisations' ? [record] : [])),
      checkCancel,
    );
    checkCancel();
  } else if (input.kind === 'pcs' || input.kind === 'projects' || input.kind === 'village-plans') {
    // Through the forum's own services, in the file's order (each appended after its issue's or village's rows), each carrying the import's id.
    placed.forEach(({ record }, i) => {
      if (record.kind === 'pcs') {
        const values = pcsValues.parse({ problem: record.problem, causes: record.causes, solutions: record.solutions, sourceVillageIds: record.sourceVillageIds });
        addPcsRow(tx, { issueId: record.issueId, values }, { importId });
      } else if (record.kind === 'projects') {
        const values = projectValues.parse({
          ...emptyProjectValues,
          name: record.name,
          target: record.target,
          duration: record.duration,
          villageIds: record.villageIds,
          yearBudgets: record.yearBudgets,
          funding: record.funding.map((f) => ({ funderId: null, column: f.column, amount: f.amount })),
        });
        addProject(tx, { issueId: record.issueId, values }, { importId });
      } else if (record.kind === 'village-plans') {
        const values = villageItemValues.parse({ text: record.text, how: record.how, estimatedBudget: record.estimatedBudget });
        addVillageItem(tx, { villageId: record.villageId, kind: record.itemKind, values }, { importId });
      }
      if (i % 100 === 99) checkCancel();
    });
    checkCancel();
  } else {
    const lines = bulkInserter(tx, householdAccountLines, ['importId', 'villageId', 'householdKey', 'date', 'category', 'amount', 'sourceRow']);
    placed.forEach(({ record, row }, i) => {
      if (record.kind !== 'accounts') return;
      lines.insert({ importId, villageId: record.villageId, householdKey: record.householdKey, date: record.date, category: record.category, amount: record.amount, sourceRow: row });
      if (i % 500 === 499) checkCancel();
    });
  }
}

/** The first records as a table a person checks before importing: column keys, then the rows' cells. */
function previewOf(kind: ImportKind, placed: readonly Placed[], known: readonly KnownVillage[], issues: readonly KnownIssue[] = []): ImportOutcome['preview'] {
  const issueNo = (id: string) => String(issues.find((i) => i.id === id)?.no ?? '');
  const moo = (id: string) => String(known.find((v) => v.id === id)?.moo ?? '');
  const moos = (ids: readonly string[]) => ids.map(moo).join(', ');
  const rows = placed.map(({ record, row, sheet }) => {
    switch (record.kind) {
      case 'bmn': {
        const answers = [...record.answers];
        const income = Object.values(record.income).filter((v): v is number => v !== null);
        return [
          String(row),
          moo(record.villageId),
          record.houseCode ?? '',
          record.houseNo ?? '',
          record.members === null ? '' : String(record.members),
          String(answers.filter((a) => a === 'P').length),
          String(answers.filter((a) => a === 'F').length),
          String(answers.filter((a) => a === 'N').length),
          income.length ? formatNumber(income.reduce((a, b) => a + b, 0)) : '',
        ];
      }
      case 'tpmap': {
        const counts = [...record.counts.values()];
        return [String(row), moo(record.villageId), record.households === null ? '' : String(record.households), String(counts.length), String(counts.reduce((a, c) => a + c.failing, 0))];
      }
      case 'nrd2c':
        return [
          String(row),
          moo(record.villageId),
          record.grade === null ? '' : String(record.grade),
          record.values
            .slice(0, 4)
            .map((v) => `${v.label}: ${v.number ?? v.text ?? ''}`)
            .join(' · '),
        ];
      case 'accounts':
        return [String(row), moo(record.villageId), record.householdKey.replace(/^(id|house):/, ''), cellText({ date: record.date }), accountCategoryLabels[record.category].th, formatNumber(record.amount)];
      case 'pcs':
        return [String(row), issueNo(record.issueId), record.problem, String(record.causes.length), String(record.solutions.length), moos(record.sourceVillageIds)];
      case 'projects': {
        const years = Object.values(record.yearBudgets);
        const total = years.length > 0 ? years.reduce((a, b) => a + b, 0) : record.funding.reduce((a, f) => a + f.amount, 0);
        return [String(row), issueNo(record.issueId), record.name, formatNumber(total), record.funding.map((f) => f.column).join(', '), moos(record.villageIds)];
      }
      case 'village-plans':
        return [String(row), moo(record.villageId), villageItemKindTh[record.itemKind], record.text, record.how ?? '', record.estimatedBudget === null ? '' : formatNumber(record.estimatedBudget)];
      case 'assessment':
        return [String(row), sheet, record.villageId === null ? 'ตำบล' : moo(record.villageId), record.scores.map((x) => `${x.criterionNo}: ${x.score}`).join(' · ')];
      // A register's preview names no person: the role, not the name.
      case 'leaders':
        return [String(row), moo(record.villageId), leaderRoles.labels[record.role].th, record.training === null ? '' : '✓', record.successor === null ? '' : '✓'];
      case 'learning-centres':
        return [String(row), record.villageId ? moo(record.villageId) : '', record.name, record.peopleServed === null ? '' : formatNumber(record.peopleServed)];
      case 'welfare-funds':
        return [String(row), record.villageId ? moo(record.villageId) : '', record.name, welfareTiers.labels[record.tier].th, record.year === null ? '' : String(record.year), record.contributions === null ? '' : formatNumber(record.contributions)];
      case 'organisations':
        return [String(row), record.villageId ? moo(record.villageId) : '', record.name, organisationKinds.labels[record.orgKind].th, record.members === null ? '' : formatNumber(record.members), record.capital === null ? '' : formatNumber(record.capital)];
    }
  });
  const columns = {
    bmn: ['row', 'moo', 'householdId', 'houseNo', 'members', 'pass', 'fail', 'na', 'income'],
    tpmap: ['row', 'moo', 'households', 'indicators', 'failing'],
    nrd2c: ['row', 'moo', 'grade', 'values'],
    accounts: ['row', 'moo', 'household', 'date', 'category', 'amount'],
    pcs: ['row', 'issue', 'problem', 'causes', 'solutions', 'villages'],
    projects: ['row', 'issue', 'project', 'budget', 'sources', 'villages'],
    'village-plans': ['row', 'moo', 'itemKind', 'item', 'how', 'budget'],
    assessment: ['row', 'round', 'moo', 'scores'],
    leaders: ['row', 'moo', 'role', 'trained', 'successor'],
    'learning-centres': ['row', 'moo', 'name', 'peopleServed'],
    'welfare-funds': ['row', 'moo', 'name', 'tier', 'year', 'contributions'],
    organisations: ['row', 'moo', 'name', 'orgKind', 'members', 'capital'],
  }[kind];
  return { columns, rows };
}
