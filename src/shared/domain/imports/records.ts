/**
 * From a mapped data row to a record of its kind, or the row's problems: the village (by code
 * or หมู่ที่, rows of other tambons passed over), the household's identity (house code, else
 * village and house number — never a citizen id), answers, counts, amounts, dates and
 * categories. A row with any problem is rejected as a whole. The reader remembers what it has
 * seen, so a household or a village twice in a file is caught. Pure: no I/O, fuzzed.
 */
import { normalizeThaiDigits } from '../thaiDigits';
import { classifyCategory, normalizeCategoryText, readDirection, type Direction } from './accountCategories';
import {
  cellText,
  cleanText,
  isBlank,
  readAmount,
  readAnswer,
  readDate,
  readNumber,
  readWhole,
  type Answer,
  type Cell,
  type CellNote,
  type Reading,
  type YearRange,
} from './cells';
import { createAssessmentRowReader, type AssessmentRecord } from './assessmentRecords';
import { createForumRowReader, type ForumRecord, type KnownIssue, type SheetContext } from './forumRecords';
import { createRegisterRowReader, type RegisterRecord } from './registerRecords';
import { fieldIndicator, isForumKind, isRegisterKind, type AccountCategory, type ColumnMapping, type FieldKey, type ImportKind, type IncomePart, type Nrd2cGrade } from './kinds';
import { looksLikeCitizenId, maskCitizenIds } from './personal';
import type { RowProblemCode } from './problems';

/** A live village of the workspace, as rows are matched to it. */
export interface KnownVillage {
  id: string;
  moo: number;
  code: string | null;
  /** The village's name (the forum's workbooks name villages "ม.1 บ้านนาทราย"). */
  name?: string;
}

/** A จปฐ. household's record. */
export interface BmnRecord {
  kind: 'bmn';
  villageId: string;
  /** The household's identity in the workspace: `id:<house code>`, `house:<moo>/<house no>`, or null (a generated id is given). */
  householdKey: string | null;
  houseCode: string | null;
  houseNo: string | null;
  members: number | null;
  /**
   * Answers as stored: character `no - 1` is indicator `no`'s — `P` pass, `F` fail, `N` not
   * applicable, `-` not in the file (see `encodeAnswers`).
   */
  answers: string;
  /** The four income parts of indicator 22, baht a year; null where the file has no such column or a blank cell. */
  income: Record<IncomePart, number | null>;
}

/** A TPMAP-style village aggregate. */
export interface TpmapRecord {
  kind: 'tpmap';
  villageId: string;
  households: number | null;
  /** Per indicator: in scope (ALL) and failing (CNT). */
  counts: Map<number, { inScope: number; failing: number }>;
}

/** A village row of a village table (กชช.2ค, the leaders' survey…). */
export interface VillageTableRecord {
  kind: 'nrd2c';
  villageId: string;
  grade: Nrd2cGrade | null;
  values: { column: number; label: string; number: number | null; text: string | null }[];
}

/** A household-account line. */
export interface AccountRecord {
  kind: 'accounts';
  villageId: string;
  householdKey: string;
  /** ISO day, Christian Era. */
  date: string;
  category: AccountCategory;
  amount: number;
}

/** A record of any kind. */
export type ImportRecord = BmnRecord | TpmapRecord | VillageTableRecord | AccountRecord | ForumRecord | AssessmentRecord | RegisterRecord;

/** A problem of a row before its sheet and row are known. */
export interface CellIssue {
  column: number | null;
  code: RowProblemCode;
  value?: string;
}

/** What reading one row gave. */
export type RowResult =
  | { outcome: 'record'; record: ImportRecord; notes: CellNote[] }
  | { outcome: 'rejected'; problems: CellIssue[] }
  /** A row of a village of another tambon (a district-wide file): passed over, counted. */
  | { outcome: 'otherTambon' }
  /** A ledger line whose category the person chose to leave out. */
  | { outcome: 'ignored' };

/** What the reader needs to know about the workspace and the import. */
export interface ReaderContext {
  kind: ImportKind;
  tambonCode: string;
  villages: readonly KnownVillage[];
  mapping: readonly ColumnMapping[];
  /** The import's survey year (พ.ศ.); rows with another year in a year column are rejected. Null: taken from the first row that has one. */
  year: number | null;
  /** Dates outside these years are rejected. */
  dateRange: YearRange;
  /** A category text (normalised, see `normalizeCategoryText`) → its category, as the person mapped it; `ignore` drops such lines. */
  categoryMap?: Readonly<Record<string, AccountCategory | 'ignore'>>;
  /**
   * Household keys already in the workspace for the import's year from other imports (bmn).
   * Asked only once a row has been read, so the year may come from the file's first row.
   */
  existingHouseholds?: { has(key: string): boolean };
  /** Village ids that already have this data from other imports (tpmap: the year's aggregates; nrd2c: the table). */
  existingVillages?: { has(villageId: string): boolean };
  /** The live strategic issues (the forum's workbooks). */
  issues?: readonly KnownIssue[];
  /** The plan's years, พ.ศ. (the project table). */
  planYears?: readonly number[];
  /** The assessment framework's scale (the scores workbook). */
  scale?: { min: number; max: number };
  /** Live leaders per village id already in the workspace (the leaders' register). */
  leadersPerVillage?: ReadonlyMap<string, number>;
}

/** The most characters a text cell of a village table keeps. */
export const maxCellText = 2000;

/** A row reader over one import. */
export interface RowReader {
  read(cells: readonly Cell[]): RowResult;
  /** The survey year the rows have said, when the import had none. */
  year(): number | null;
  /** Category texts no rule placed, with how many lines each (accounts). */
  unknownCategories(): Map<string, { text: string; count: number }>;
  /** A new sheet's rows come next: its name and title rows may say their issue or village (the forum's workbooks). */
  startSheet(sheet: SheetContext): void;
}

const value = (cell: Cell) => maskCitizenIds(cellText(cell));

/** The letter of each answer in the stored form. */
const answerLetter: Record<Answer, string> = { pass: 'P', fail: 'F', na: 'N' };

/** The household key of a house code and a house number (see {@link BmnRecord.householdKey}). */
export function householdKeyOf(houseCode: string | null, moo: number, houseNo: string | null): string | null {
  if (houseCode) return `id:${houseCode}`;
  if (houseNo) return `house:${moo}/${houseNo}`;
  return null;
}

/** Creates a reader for the rows of one import. */
export function createRowReader(context: ReaderContext): RowReader {
  const { kind, mapping } = context;
  if (isForumKind(kind)) {
    const forum = createForumRowReader({ kind, mapping, villages: context.villages, issues: context.issues ?? [], planYears: context.planYears ?? [] });
    return { read: (cells) => forum.read(cells), startSheet: (sheet) => forum.startSheet(sheet), year: () => null, unknownCategories: () => new Map() };
  }
  if (kind === 'assessment') {
    const reader = createAssessmentRowReader({ mapping, villages: context.villages, scale: context.scale ?? { min: 0, max: 100 } });
    return { read: (cells) => reader.read(cells), startSheet: () => reader.startSheet(), year: () => null, unknownCategories: () => new Map() };
  }
  if (isRegisterKind(kind)) {
    const register = createRegisterRowReader({ kind, mapping, villages: context.villages, year: context.year, ...(context.leadersPerVillage ? { leadersPerVillage: context.leadersPerVillage } : {}) });
    return { read: (cells) => register.read(cells), startSheet: () => undefined, year: () => context.year, unknownCategories: () => new Map() };
  }
  const byField = new Map<FieldKey, number>();
  for (const m of mapping) if (m.field !== 'ignore' && m.field !== 'personal' && m.field !== 'custom') byField.set(m.field, m.column);
  const customColumns = mapping.filter((m) => m.field === 'custom');
  const indicatorColumns = mapping.flatMap((m) => {
    const n = fieldIndicator(m.field);
    return n ? [{ ...n, column: m.column }] : [];
  });
  const answerSlots: string[] = Array.from({ length: Math.max(0, ...indicatorColumns.map((c) => c.no)) }, () => '-');
  const villagesByMoo = new Map(context.villages.map((v) => [v.moo, v]));
  const villagesByCode = new Map(context.villages.filter((v) => v.code).map((v) => [v.code!, v]));
  const seenHouseholds = new Set<string>();
  const seenVillages = new Set<string>();
  const unknown = new Map<string, { text: string; count: number }>();
  let year = context.year;

  return {
    year: () => year,
    unknownCategories: () => unknown,
    startSheet: () => undefined,
    read(cells) {
      const problems: CellIssue[] = [];
      const notes: CellNote[] = [];
      const cell = (field: FieldKey): { column: number; cell: Cell } | null => {
        const column = byField.get(field);
        return column === undefined ? null : { column, cell: cells[column - 1] ?? null };
      };
      const take = <T>(column: number, c: Cell, reading: Reading<T>): T | undefined => {
        if (reading.ok) {
          notes.push(...reading.notes);
          return reading.value;
        }
        problems.push({ column, code: reading.problem, value: value(c) });
        return undefined;
      };

      // The survey year of the row, when the file has a year column.
      const yearCell = cell('year');
      if (yearCell && !isBlank(yearCell.cell)) {
        const y = take(yearCell.column, yearCell.cell, readWhole(yearCell.cell, { min: 0, max: 9999 }));
        if (y !== undefined && y !== null) {
          const be = y < 2400 ? y + 543 : y;
          if (be < 2500 || be > 2700) problems.push({ column: yearCell.column, code: 'badYear', value: value(yearCell.cell) });
          else if (year === null) year = be;
          else if (be !== year) problems.push({ column: yearCell.column, code: 'yearMismatch', value: value(yearCell.cell) });
        }
      }

      // The village: by code (8 digits, or TPMAP's 10), by หมู่ที่, or both (which must agree).
      let village: KnownVillage | undefined;
      let moo: number | undefined;
      const codeCell = cell('villageCode');
      const mooCell = cell('moo');
      // Thai digits in the cells read as text here are noted like those of numbers.
      for (const c of [cell('villageCode'), cell('moo'), cell('houseNo'), cell('householdId')]) {
        if (c && typeof c.cell === 'string' && /[๐-๙]/.test(c.cell)) notes.push('thaiDigits');
      }
      if (codeCell && !isBlank(codeCell.cell)) {
        const digits = normalizeThaiDigits(cellText(codeCell.cell)).replace(/[\s-]/g, '');
        if (!/^\d{8}(\d{2})?$/.test(digits)) problems.push({ column: codeCell.column, code: 'badVillageCode', value: value(codeCell.cell) });
        else {
          const code = digits.slice(0, 8);
          if (code.slice(0, 6) !== context.tambonCode) return { outcome: 'otherTambon' };
          moo = Number(code.slice(6));
          village = villagesByCode.get(code) ?? villagesByMoo.get(moo);
          if (!village) problems.push({ column: codeCell.column, code: 'unknownVillage', value: code });
        }
      }
      if (mooCell && !isBlank(mooCell.cell)) {
        const text = normalizeThaiDigits(cellText(mooCell.cell));
        const m = /^(?:หมู่(?:ที่)?|ม\.?|moo|village)?\s*(\d{1,3})$/i.exec(text.replace(/\s+/g, ' ').trim());
        const n = m ? Number(m[1]) : Number.NaN;
        if (!(n >= 1 && n <= 99)) problems.push({ column: mooCell.column, code: 'badMoo', value: value(mooCell.cell) });
        else if (moo !== undefined && moo !== n) problems.push({ column: mooCell.column, code: 'villageMismatch', value: `${moo} / ${n}` });
        else if (!village) {
          moo = n;
          village = villagesByMoo.get(n);
          if (!village && !problems.some((p) => p.code === 'unknownVillage')) problems.push({ column: mooCell.column, code: 'unknownVillage', value: `หมู่ที่ ${n}` });
        }
      }
      if (moo === undefined && !problems.some((p) => p.code === 'badVillageCode' || p.code === 'badMoo')) {
        problems.push({ column: (codeCell ?? mooCell)?.column ?? null, code: 'missingVillage' });
      }

      const finish = (record: ImportRecord | null): RowResult =>
        problems.length > 0 || !record ? { outcome: 'rejected', problems } : { outcome: 'record', record, notes };

      if (kind === 'bmn' || kind === 'accounts') {
        // The household: a house code (never a citizen id), else the house number in its village.
        let houseCode: string | null = null;
        let houseNo: string | null = null;
        const idCell = cell('householdId');
        if (idCell && !isBlank(idCell.cell)) {
          const text = normalizeThaiDigits(cellText(idCell.cell));
          if (looksLikeCitizenId(text)) {
            // Important: the value is a person's id; it goes nowhere, not even into the problem.
            problems.push({ column: idCell.column, code: 'citizenIdAsHouseholdId' });
          } else {
            const id = text.replace(/[\s-]/g, '');
            if (!/^[0-9A-Za-z/.]{1,30}$/.test(id)) problems.push({ column: idCell.column, code: 'badHouseholdId', value: value(idCell.cell) });
            else houseCode = id;
          }
        }
        const noCell = cell('houseNo');
        if (noCell && !isBlank(noCell.cell)) {
          const text = normalizeThaiDigits(cellText(noCell.cell));
          if (looksLikeCitizenId(text)) problems.push({ column: noCell.column, code: 'citizenIdInText' });
          else if (!/\d/.test(text) || text.length > 20) problems.push({ column: noCell.column, code: 'badHouseNo', value: value(noCell.cell) });
          else houseNo = text;
        }
        const householdKey = moo === undefined ? null : householdKeyOf(houseCode, moo, houseNo);
        if (householdKey && !problems.length) {
          const scoped = kind === 'accounts' ? null : householdKey;
          if (scoped && seenHouseholds.has(scoped)) problems.push({ column: (idCell ?? noCell)?.column ?? null, code: 'duplicateHousehold', value: houseCode ?? houseNo ?? '' });
          else if (scoped && context.existingHouseholds?.has(scoped)) {
            problems.push({ column: (idCell ?? noCell)?.column ?? null, code: 'householdAlreadyImported', value: houseCode ?? houseNo ?? '' });
          }
        }

        if (kind === 'bmn') {
          let members: number | null = null;
          const membersCell = cell('members');
          if (membersCell) {
            const r = readWhole(membersCell.cell, { min: 0, max: 1000 });
            if (r.ok && r.value !== null && (r.value < 1 || r.value > 99)) problems.push({ column: membersCell.column, code: 'badMembers', value: value(membersCell.cell) });
            else members = take(membersCell.column, membersCell.cell, r) ?? null;
          }
          // Straight into the stored form: a Map per household is garbage a large file makes 10,000 of.
          const answers = answerSlots.slice();
          for (const { no, column } of indicatorColumns) {
            const c = cells[column - 1] ?? null;
            const answer = take(column, c, readAnswer(c));
            if (answer) answers[no - 1] = answerLetter[answer];
          }
          const income = { main: null, secondary: null, other: null, ownProduce: null } as Record<IncomePart, number | null>;
          for (const part of ['main', 'secondary', 'other', 'ownProduce'] as const) {
            const c = cell(`income.${part}`);
            if (c) income[part] = take(c.column, c.cell, readAmount(c.cell)) ?? null;
          }
          if (householdKey) seenHouseholds.add(householdKey);
          return finish(village ? { kind: 'bmn', villageId: village.id, householdKey, houseCode, houseNo, members, answers: answers.join(''), income } : null);
        }

        // A ledger line: date, amount (one column, or an income and an expense column), category.
        const dateCell = cell('date');
        let date: string | null = null;
        if (dateCell) date = take(dateCell.column, dateCell.cell, readDate(dateCell.cell, context.dateRange)) ?? null;
        let direction: Direction | null = null;
        const directionCell = cell('direction');
        if (directionCell && !isBlank(directionCell.cell)) {
          direction = readDirection(cellText(directionCell.cell));
          if (!direction) problems.push({ column: directionCell.column, code: 'unknownDirection', value: value(directionCell.cell) });
        }
        let amount: number | null = null;
        let amountColumn: number | null = null;
        const single = cell('amount');
        const inCell = cell('amount.income');
        const outCell = cell('amount.expense');
        if (single) {
          amount = take(single.column, single.cell, readAmount(single.cell)) ?? null;
          amountColumn = single.column;
        }
        const incomeAmount = inCell ? (take(inCell.column, inCell.cell, readAmount(inCell.cell)) ?? null) : null;
        const expenseAmount = outCell ? (take(outCell.column, outCell.cell, readAmount(outCell.cell)) ?? null) : null;
        if (incomeAmount && expenseAmount) problems.push({ column: inCell!.column, code: 'bothAmounts' });
        else if (amount === null && incomeAmount) {
          amount = incomeAmount;
          amountColumn = inCell!.column;
          direction ??= 'income';
        } else if (amount === null && expenseAmount) {
          amount = expenseAmount;
          amountColumn = outCell!.column;
          direction ??= 'expense';
        }
        const categoryCell = cell('category') ?? cell('description');
        const categoryText = categoryCell ? cleanText(cellText(categoryCell.cell)) : '';
        let category: AccountCategory | null = null;
        let ignored = false;
        if (categoryText === '') {
          if (direction === 'saving' || direction === 'debt') category = direction;
          else problems.push({ column: categoryCell?.column ?? null, code: 'missingCategory' });
        } else {
          const key = normalizeCategoryText(categoryText);
          const mapped = context.categoryMap?.[key];
          if (mapped === 'ignore') ignored = true;
          else category = mapped ?? classifyCategory(categoryText, direction);
          if (!category && !ignored) {
            const seen = unknown.get(key) ?? { text: maskCitizenIds(categoryText).slice(0, 100), count: 0 };
            seen.count += 1;
            unknown.set(key, seen);
            problems.push({ column: categoryCell!.column, code: 'unknownCategory', value: categoryText });
          }
        }
        if (!date && dateCell && !problems.some((p) => p.column === dateCell.column)) problems.push({ column: dateCell.column, code: 'missingDate' });
        if (amount === null && !problems.some((p) => p.column === amountColumn || p.code === 'bothAmounts')) {
          problems.push({ column: (single ?? inCell ?? outCell)?.column ?? null, code: 'missingAmount' });
        }
        if (!householdKey && moo !== undefined && !problems.some((p) => p.code === 'citizenIdAsHouseholdId' || p.code === 'badHouseNo' || p.code === 'badHouseholdId' || p.code === 'citizenIdInText')) {
          problems.push({ column: (idCell ?? noCell)?.column ?? null, code: 'missingHousehold' });
        }
        if (ignored) return { outcome: 'ignored' };
        return finish(village && householdKey && date && category && amount !== null ? { kind: 'accounts', villageId: village.id, householdKey, date, category, amount } : null);
      }

      if (kind === 'tpmap') {
        let households: number | null = null;
        const hh = cell('households');
        if (hh) households = take(hh.column, hh.cell, readWhole(hh.cell, { min: 0, max: 1_000_000 })) ?? null;
        const counts = new Map<number, { inScope: number; failing: number }>();
        const byNo = new Map<number, { all?: number; cnt?: number; allColumn?: number; cntColumn?: number }>();
        for (const { part, no, column } of indicatorColumns) {
          const c = cells[column - 1] ?? null;
          const n = take(column, c, readWhole(c, { min: 0, max: 10_000_000 }));
          const entry = byNo.get(no) ?? {};
          if (part === 'all') Object.assign(entry, { all: n ?? undefined, allColumn: column });
          else Object.assign(entry, { cnt: n ?? undefined, cntColumn: column });
          byNo.set(no, entry);
        }
        for (const [no, e] of byNo) {
          if (e.all === undefined && e.cnt === undefined) continue;
          const inScope = e.all ?? 0;
          const failing = e.cnt ?? 0;
          if (failing > inScope) problems.push({ column: e.cntColumn ?? null, code: 'cntOverAll', value: `${failing} > ${inScope}` });
          else counts.set(no, { inScope, failing });
        }
        if (counts.size === 0 && households === null && problems.length === 0) problems.push({ column: null, code: 'noValues' });
        if (village && !problems.length) {
          if (seenVillages.has(village.id)) problems.push({ column: (codeCell ?? mooCell)?.column ?? null, code: 'duplicateVillage', value: `หมู่ที่ ${village.moo}` });
          else if (context.existingVillages?.has(village.id)) problems.push({ column: (codeCell ?? mooCell)?.column ?? null, code: 'villageAlreadyImported', value: `หมู่ที่ ${village.moo}` });
          seenVillages.add(village.id);
        }
        return finish(village ? { kind: 'tpmap', villageId: village.id, households, counts } : null);
      }

      // A village table: the grade and the user-defined columns, numbers kept as numbers.
      let grade: Nrd2cGrade | null = null;
      const gradeCell = cell('grade');
      if (gradeCell && !isBlank(gradeCell.cell)) {
        const text = normalizeThaiDigits(cellText(gradeCell.cell));
        const m = /^(?:อันดับ|ระดับ|grade|level)?\s*([123])(?:\s*\(.*\))?$/i.exec(text.trim());
        const word = /ล้าหลัง|lagging/i.test(text) ? 1 : /ปานกลาง|intermediate/i.test(text) ? 2 : /ก้าวหน้า|advanced/i.test(text) ? 3 : null;
        const g = m ? Number(m[1]) : word;
        if (g === 1 || g === 2 || g === 3) grade = g;
        else problems.push({ column: gradeCell.column, code: 'badGrade', value: value(gradeCell.cell) });
      }
      const values: VillageTableRecord['values'] = [];
      for (const m of customColumns) {
        const c = cells[m.column - 1] ?? null;
        if (isBlank(c)) continue;
        const label = cleanText(m.label ?? '') || `คอลัมน์ ${m.column}`;
        const n = readNumber(c);
        if (n.ok && n.value !== null) {
          notes.push(...n.notes);
          values.push({ column: m.column, label, number: n.value, text: null });
          continue;
        }
        if (!n.ok && (n.problem === 'errorValue' || n.problem === 'formulaWithoutValue')) {
          problems.push({ column: m.column, code: n.problem, value: value(c) });
          continue;
        }
        const text = typeof c === 'string' ? cleanText(c, true) : cellText(c);
        if (/\d[\d -]{11,20}\d/.test(normalizeThaiDigits(text)) && maskCitizenIds(text) !== normalizeThaiDigits(text)) {
          problems.push({ column: m.column, code: 'citizenIdInText' });
        } else if (text.length > maxCellText) problems.push({ column: m.column, code: 'textTooLong' });
        else values.push({ column: m.column, label, number: null, text });
      }
      if (village && !problems.length) {
        if (seenVillages.has(village.id)) problems.push({ column: (codeCell ?? mooCell)?.column ?? null, code: 'duplicateVillage', value: `หมู่ที่ ${village.moo}` });
        else if (context.existingVillages?.has(village.id)) problems.push({ column: (codeCell ?? mooCell)?.column ?? null, code: 'villageAlreadyImported', value: `หมู่ที่ ${village.moo}` });
        seenVillages.add(village.id);
      }
      if (grade === null && values.length === 0 && problems.length === 0) problems.push({ column: null, code: 'noValues' });
      return finish(village ? { kind: 'nrd2c', villageId: village.id, grade, values } : null);
    },
  };
}
