/**
 * Reading the self-assessment scores workbook back, row by row: each sheet is a round (named by
 * its label), the first column `หมู่ที่` names the village — or `ตำบล` the tambon as a whole —
 * and each criterion column holds a score within the framework's scale (Thai digits and numbers
 * stored as text read as meant; a blank cell is not scored yet). A row with any problem is
 * rejected whole; a row with no score at all is passed over (the exported template lists every
 * village). Pure: no I/O.
 */
import { normalizeThaiDigits } from '../thaiDigits';
import { cellText, isBlank, readNumber, type Cell, type CellNote } from './cells';
import { fieldCriterion, type ColumnMapping } from './kinds';
import type { CellIssue, KnownVillage, RowResult } from './records';

/** One unit's scores in the round of its sheet. */
export interface AssessmentRecord {
  kind: 'assessment';
  /** Null for the tambon as a whole. */
  villageId: string | null;
  scores: { criterionNo: string; score: number }[];
}

/** What the reader needs: the mapping, the villages and the framework's scale. */
export interface AssessmentReaderContext {
  mapping: readonly ColumnMapping[];
  villages: readonly KnownVillage[];
  scale: { min: number; max: number };
}

/** The words that name the tambon in the first column. */
const tambonWords = /^(ตำบล|ทั้งตำบล|ระดับตำบล|tambon)$/i;

/** A reader of the scores workbook's rows (see the module comment). */
export function createAssessmentRowReader(context: AssessmentReaderContext) {
  const mooColumn = context.mapping.find((m) => m.field === 'moo')?.column ?? null;
  const criteria = context.mapping.flatMap((m) => {
    const no = fieldCriterion(m.field);
    return no === null ? [] : [{ column: m.column, no }];
  });
  let seen = new Set<string>();
  return {
    /** A new sheet is a new round: its units may come again. */
    startSheet(): void {
      seen = new Set();
    },
    read(cells: readonly Cell[]): RowResult {
      const problems: CellIssue[] = [];
      const notes: CellNote[] = [];
      let villageId: string | null = null;
      const unitCell = mooColumn === null ? null : (cells[mooColumn - 1] ?? null);
      const unitText = normalizeThaiDigits(cellText(unitCell));
      if (mooColumn === null || isBlank(unitCell)) problems.push({ column: mooColumn, code: 'missingVillage' });
      else if (!tambonWords.test(unitText.replace(/\s+/g, ''))) {
        const m = /^(?:หมู่(?:ที่)?|ม\.)?\s*(\d{1,2})$/.exec(unitText);
        if (!m || Number(m[1]) < 1) problems.push({ column: mooColumn, code: 'badMoo', value: unitText });
        else {
          const village = context.villages.find((v) => v.moo === Number(m[1]));
          if (!village) problems.push({ column: mooColumn, code: 'unknownVillage', value: `หมู่ที่ ${m[1]}` });
          else villageId = village.id;
        }
        if (unitText !== cellText(unitCell)) notes.push('thaiDigits');
      }
      const unitKey = problems.length === 0 ? (villageId ?? 'tambon') : null;
      if (unitKey !== null && seen.has(unitKey)) problems.push({ column: mooColumn, code: 'duplicateUnit', value: unitText });
      const scores: { criterionNo: string; score: number }[] = [];
      for (const c of criteria) {
        const cell = cells[c.column - 1] ?? null;
        const r = readNumber(cell);
        if (!r.ok) {
          problems.push({ column: c.column, code: r.problem, value: cellText(cell) });
          continue;
        }
        if (r.value === null) continue;
        if (r.value < context.scale.min || r.value > context.scale.max) {
          problems.push({ column: c.column, code: 'scoreOutOfScale', value: cellText(cell) });
          continue;
        }
        notes.push(...r.notes);
        scores.push({ criterionNo: c.no, score: r.value });
      }
      if (problems.length > 0) return { outcome: 'rejected', problems };
      if (scores.length === 0) return { outcome: 'ignored' };
      seen.add(unitKey!);
      return { outcome: 'record', record: { kind: 'assessment', villageId, scores }, notes };
    },
  };
}
