/**
 * Reading the forum's own workbooks back, row by row: the problem–cause–solution table (`pcs`),
 * the integrated project table (`projects`) and the village-plan template (`village-plans`), as
 * the forum exports them (src/main/services/forum/exports/forms.ts) or as a group types them in
 * Excel first. The strategic issue of a row is its issue column, else the sheet's (its name,
 * "ประเด็นที่ 1", or a title row above the header, "ประเด็นยุทธศาสตร์ที่ 1 …"); the village of a
 * template row is its หมู่ที่ column, else the sheet's ("หมู่ 1 บ้านนาทราย", or "หมู่ที่ 1" above the
 * header). Several causes, solutions or villages in a cell are one per line (`splitListCell`).
 * Pure: no I/O.
 */
import { forumLimits, maxBaht, splitListCell, type FundingColumn, type HowMode } from '../forum';
import { howFromTh, villageItemKindTh } from '../forumForms';
import { normalizeThaiDigits } from '../thaiDigits';
import { cellText, cleanText, isBlank, readWhole, type Cell, type CellNote } from './cells';
import { fieldBudgetYear, type ColumnMapping, type FieldKey, type ForumImportKind } from './kinds';
import { normalizeHeader } from './mapping';
import { looksLikeCitizenId, maskCitizenIds } from './personal';
import type { CellIssue, KnownVillage, RowResult } from './records';

/** A live strategic issue of the workspace's framework, as rows are matched to it. */
export interface KnownIssue {
  id: string;
  no: number;
  nameTh: string;
}

/** A problem–cause–solution row. */
export interface PcsRecord {
  kind: 'pcs';
  issueId: string;
  problem: string;
  causes: string[];
  solutions: string[];
  sourceVillageIds: string[];
}

/** A project of the integrated project table. */
export interface ProjectRecord {
  kind: 'projects';
  issueId: string;
  name: string;
  target: string | null;
  duration: string | null;
  villageIds: string[];
  /** พ.ศ. → baht. */
  yearBudgets: Record<string, number>;
  /** One line per source column with an amount (the table names columns, not funders). */
  funding: { column: FundingColumn; amount: number }[];
}

/** An item of a village's plan. */
export interface VillageItemRecord {
  kind: 'village-plans';
  villageId: string;
  itemKind: 'problem' | 'project';
  text: string;
  how: HowMode | null;
  estimatedBudget: number | null;
}

/** A record of one of the forum's workbooks. */
export type ForumRecord = PcsRecord | ProjectRecord | VillageItemRecord;

/** What a sheet says about its rows before they are read: its name and the text of the title rows above its header. */
export interface SheetContext {
  name: string;
  titles: readonly string[];
}

/** What the forum reader needs besides the mapping. */
export interface ForumReaderContext {
  kind: ForumImportKind;
  mapping: readonly ColumnMapping[];
  villages: readonly KnownVillage[];
  issues: readonly KnownIssue[];
  /** The plan's years (พ.ศ.): a project table without yearly columns puts its total in the first one. */
  planYears: readonly number[];
}

/** How an issue is named: "ประเด็นที่ 1", "ประเด็นยุทธศาสตร์ที่ 1 …", "ยุทธศาสตร์ที่ 1". */
const issueNumber = /(?:ประเด็น(?:ยุทธศาสตร์)?|ยุทธศาสตร์|issue)\s*(?:ที่)?\s*(\d{1,2})(?!\d)/i;
/** How a village is named: "หมู่ 1", "หมู่ที่ 1", "ม.1", "moo 1". */
const villageNumber = /(?:หมู่(?:ที่)?|ม\.|moo)\s*(\d{1,2})(?!\d)/i;
/** The placeholder a workbook shows in an empty table: "— ยังไม่มีรายการ —". */
const placeholder = /^[—–-].*[—–-]$/;

/**
 * The issue a text names: a number alone ("1"), "ประเด็นที่ 1", or the issue's name. Answers
 * `said: false` when the text does not look like an issue at all (a sheet called "Sheet1"),
 * and the issue or null when it does.
 */
export function issueFromText(text: string, issues: readonly KnownIssue[]): { said: boolean; issue: KnownIssue | null } {
  const t = normalizeThaiDigits(cleanText(text));
  if (t === '') return { said: false, issue: null };
  const bare = /^(\d{1,2})$/.exec(t);
  const numbered = bare ?? issueNumber.exec(t);
  if (numbered) return { said: true, issue: issues.find((i) => i.no === Number(numbered[1])) ?? null };
  const key = normalizeHeader(t);
  const byName = issues.find((i) => normalizeHeader(i.nameTh) === key) ?? issues.find((i) => normalizeHeader(i.nameTh).length >= 4 && key.includes(normalizeHeader(i.nameTh)));
  return { said: byName !== undefined, issue: byName ?? null };
}

/** The village a line names: "ม.1 บ้านนาทราย", "หมู่ที่ 1", "1", or the village's name. */
export function villageFromText(text: string, villages: readonly KnownVillage[]): KnownVillage | null {
  const t = normalizeThaiDigits(cleanText(text));
  const numbered = /^(\d{1,2})$/.exec(t) ?? villageNumber.exec(t);
  if (numbered) return villages.find((v) => v.moo === Number(numbered[1])) ?? null;
  // "บ้านนาทราย", "นาทราย": the word บ้าน before a village's name is written or left out.
  const bare = (name: string) => normalizeHeader(name).replace(/^บ้าน/, '');
  return villages.find((v) => v.name !== undefined && bare(v.name) === bare(t)) ?? null;
}

/** What the template's kind column may say. */
function itemKindFrom(text: string): 'problem' | 'project' | null {
  const t = normalizeHeader(text);
  if (t === normalizeHeader(villageItemKindTh.problem) || ['ปัญหา', 'ความต้องการ', 'problem', 'need', 'problem/need'].includes(t)) return 'problem';
  if (t === normalizeHeader(villageItemKindTh.project) || ['โครงการ', 'แนวคิด', 'project', 'projectidea'].includes(t)) return 'project';
  return null;
}

/** How-modes as English too (a sheet typed by someone using the app in English). */
function howFrom(text: string): HowMode | null {
  const t = cleanText(text);
  const mode = howFromTh(t);
  if (mode) return mode;
  const en = t.toLowerCase();
  return en === 'self' || en === 'joint' || en === 'support' ? en : null;
}

/** A row reader over one of the forum's workbooks (see the module comment). */
export function createForumRowReader(context: ForumReaderContext): {
  read(cells: readonly Cell[]): RowResult;
  startSheet(sheet: SheetContext): void;
} {
  const byField = new Map<FieldKey, number>();
  for (const m of context.mapping) if (m.field !== 'ignore' && m.field !== 'personal' && m.field !== 'custom') byField.set(m.field, m.column);
  const yearColumns = context.mapping.flatMap((m) => {
    const year = fieldBudgetYear(m.field);
    return year === null ? [] : [{ year, column: m.column }];
  });
  /** The sheet's issue, or its village: found, said but unknown (with what it said), or not said. */
  let sheetIssue: { issue: KnownIssue | null; said: string | null } = { issue: null, said: null };
  let sheetVillage: { village: KnownVillage | null; said: string | null } = { village: null, said: null };

  return {
    startSheet(sheet) {
      sheetIssue = { issue: null, said: null };
      sheetVillage = { village: null, said: null };
      if (context.kind === 'village-plans') {
        for (const text of [sheet.name, ...sheet.titles]) {
          const m = villageNumber.exec(normalizeThaiDigits(text));
          if (!m) continue;
          sheetVillage = { village: context.villages.find((v) => v.moo === Number(m[1])) ?? null, said: `หมู่ที่ ${Number(m[1])}` };
          break;
        }
        return;
      }
      const fromName = issueFromText(sheet.name, context.issues);
      if (fromName.said) {
        sheetIssue = { issue: fromName.issue, said: sheet.name };
        return;
      }
      for (const title of sheet.titles) {
        const m = issueNumber.exec(normalizeThaiDigits(title));
        if (!m) continue;
        sheetIssue = { issue: context.issues.find((i) => i.no === Number(m[1])) ?? null, said: cleanText(title).slice(0, 60) };
        return;
      }
    },

    read(cells) {
      const problems: CellIssue[] = [];
      const notes: CellNote[] = [];
      const cell = (field: FieldKey): { column: number; cell: Cell } | null => {
        const column = byField.get(field);
        return column === undefined ? null : { column, cell: cells[column - 1] ?? null };
      };
      /** A text cell, multiline kept; checked for a citizen id and its length. */
      const text = (field: FieldKey, max: number): string | null => {
        const c = cell(field);
        if (!c || isBlank(c.cell)) return null;
        const t = typeof c.cell === 'string' ? cleanText(c.cell, true) : cellText(c.cell);
        if (looksLikeCitizenId(t) || maskCitizenIds(t) !== normalizeThaiDigits(t)) {
          problems.push({ column: c.column, code: 'citizenIdInText' });
          return null;
        }
        if (t.length > max) {
          problems.push({ column: c.column, code: 'forumTextTooLong', value: String(max) });
          return null;
        }
        return t;
      };
      /** A list cell: one item per line, numbering removed. */
      const list = (field: FieldKey): string[] => {
        const c = cell(field);
        const t = text(field, forumLimits.line * forumLimits.listItems);
        if (!c || t === null) return [];
        const items = splitListCell(t);
        if (items.length > forumLimits.listItems) problems.push({ column: c.column, code: 'tooManyItems', value: String(forumLimits.listItems) });
        const long = items.find((item) => item.length > forumLimits.line);
        if (long) problems.push({ column: c.column, code: 'forumTextTooLong', value: String(forumLimits.line) });
        return items;
      };
      /** Whole baht (Thai digits and thousands separators read as meant); null for a blank cell. */
      const baht = (c: { column: number; cell: Cell } | null): number | null => {
        if (!c || isBlank(c.cell)) return null;
        const r = readWhole(c.cell, { min: 0, max: maxBaht });
        if (!r.ok) {
          problems.push({ column: c.column, code: r.problem, value: maskCitizenIds(cellText(c.cell)) });
          return null;
        }
        notes.push(...r.notes);
        return r.value;
      };
      /** The villages a cell lists, one per line. */
      const villagesOf = (field: FieldKey): string[] => {
        const c = cell(field);
        const ids: string[] = [];
        for (const line of list(field)) {
          const village = villageFromText(line, context.villages);
          if (village) {
            if (!ids.includes(village.id)) ids.push(village.id);
          } else problems.push({ column: c!.column, code: 'unknownVillage', value: line });
        }
        return ids;
      };
      /** The row's issue: its column, else the sheet's. */
      const issueOf = (): string | null => {
        const c = cell('issue');
        if (c && !isBlank(c.cell)) {
          const found = issueFromText(cellText(c.cell), context.issues);
          if (found.issue) return found.issue.id;
          problems.push({ column: c.column, code: 'unknownIssue', value: cellText(c.cell) });
          return null;
        }
        if (sheetIssue.issue) return sheetIssue.issue.id;
        if (sheetIssue.said !== null) problems.push({ column: c?.column ?? null, code: 'unknownIssue', value: sheetIssue.said });
        else problems.push({ column: c?.column ?? null, code: 'missingIssue' });
        return null;
      };
      const finish = (record: ForumRecord | null): RowResult =>
        problems.length > 0 || !record ? { outcome: 'rejected', problems } : { outcome: 'record', record, notes };

      if (context.kind === 'pcs') {
        const problem = text('problem', forumLimits.problem);
        if (problem !== null && placeholder.test(problem)) return { outcome: 'ignored' };
        const causes = list('causes');
        const solutions = list('solutions');
        const sourceVillageIds = villagesOf('villages');
        // A numbered row of an empty form: nothing to import.
        if (problem === null && causes.length === 0 && solutions.length === 0 && problems.length === 0) return { outcome: 'ignored' };
        if (problem === null && !problems.some((p) => p.column === cell('problem')?.column)) problems.push({ column: cell('problem')?.column ?? null, code: 'missingProblem' });
        const issueId = issueOf();
        return finish(issueId && problem !== null ? { kind: 'pcs', issueId, problem, causes, solutions, sourceVillageIds } : null);
      }

      if (context.kind === 'projects') {
        const name = text('projectName', forumLimits.shortText * 2);
        if (name !== null && placeholder.test(name)) return { outcome: 'ignored' };
        const target = text('target', forumLimits.longText);
        const duration = text('duration', forumLimits.shortText);
        const villageIds = villagesOf('villages');
        const totalCell = cell('budget');
        const total = baht(totalCell);
        const yearBudgets: Record<string, number> = {};
        for (const { year, column } of yearColumns) {
          const amount = baht({ column, cell: cells[column - 1] ?? null });
          if (amount !== null) yearBudgets[String(year)] = amount;
        }
        const funding: ProjectRecord['funding'] = [];
        for (const column of ['local', 'agency', 'province'] as const) {
          const amount = baht(cell(`funding.${column}`));
          if (amount !== null && amount > 0) funding.push({ column, amount });
        }
        const anything = target !== null || duration !== null || villageIds.length > 0 || total !== null || funding.length > 0 || Object.keys(yearBudgets).length > 0;
        // A band, a note or a totals line under the table (its text sits in the order column): nothing to import.
        if (name === null && !anything && problems.length === 0) return { outcome: 'ignored' };
        if (name === null && !problems.some((p) => p.column === cell('projectName')?.column)) problems.push({ column: cell('projectName')?.column ?? null, code: 'missingProjectName' });
        const years = Object.values(yearBudgets);
        if (total !== null && years.length > 0 && years.reduce((a, b) => a + b, 0) !== total) {
          problems.push({ column: totalCell!.column, code: 'budgetTotalMismatch', value: `${total} ≠ ${years.reduce((a, b) => a + b, 0)}` });
        }
        // A table without yearly columns: the total is the first plan year's, unless the sources already say it.
        const fromSources = funding.reduce((a, f) => a + f.amount, 0);
        if (years.length === 0 && total !== null && total > 0 && total !== fromSources && context.planYears.length > 0) yearBudgets[String(context.planYears[0])] = total;
        const issueId = issueOf();
        return finish(issueId && name !== null ? { kind: 'projects', issueId, name, target, duration, villageIds, yearBudgets, funding } : null);
      }

      // The village-plan template.
      const itemText = text('itemText', forumLimits.itemText);
      const kindCell = cell('itemKind');
      const howCell = cell('how');
      let how: HowMode | null = null;
      if (howCell && !isBlank(howCell.cell)) {
        how = howFrom(cellText(howCell.cell));
        if (!how) problems.push({ column: howCell.column, code: 'unknownHow', value: cellText(howCell.cell) });
      }
      const estimatedBudget = baht(cell('estimatedBudget'));
      let itemKind: 'problem' | 'project' | null;
      if (kindCell && !isBlank(kindCell.cell)) {
        itemKind = itemKindFrom(cellText(kindCell.cell));
        if (!itemKind) problems.push({ column: kindCell.column, code: 'unknownItemKind', value: cellText(kindCell.cell) });
      } else itemKind = how !== null || estimatedBudget !== null ? 'project' : 'problem';
      if (itemText === null && how === null && estimatedBudget === null && (!kindCell || isBlank(kindCell.cell)) && problems.length === 0) return { outcome: 'ignored' };
      if (itemText === null && !problems.some((p) => p.column === cell('itemText')?.column)) problems.push({ column: cell('itemText')?.column ?? null, code: 'missingItemText' });
      let village: KnownVillage | null = null;
      const codeCell = cell('villageCode');
      const mooCell = cell('moo');
      const own = [codeCell, mooCell].find((c) => c && !isBlank(c.cell));
      if (own) {
        const t = normalizeThaiDigits(cellText(own.cell)).replace(/[\s-]/g, '');
        village = own === codeCell ? (context.villages.find((v) => v.code === t.slice(0, 8)) ?? null) : villageFromText(cellText(own.cell), context.villages);
        if (!village) problems.push({ column: own.column, code: 'unknownVillage', value: cellText(own.cell) });
      } else if (sheetVillage.village) village = sheetVillage.village;
      else if (sheetVillage.said !== null) problems.push({ column: (mooCell ?? codeCell)?.column ?? null, code: 'unknownVillage', value: sheetVillage.said });
      else problems.push({ column: (mooCell ?? codeCell)?.column ?? null, code: 'missingVillage' });
      return finish(village && itemText !== null && itemKind ? { kind: 'village-plans', villageId: village.id, itemKind, text: itemText, how, estimatedBudget } : null);
    },
  };
}
