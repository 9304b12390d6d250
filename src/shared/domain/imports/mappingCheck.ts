/**
 * Whether a mapping can be imported at all, before any row is read: the columns a kind cannot
 * do without (a village; the answers of a จปฐ. file; a date and an amount of a ledger), no field
 * twice, every indicator in the set the file is read with.
 */
import { columnLetter } from './cells';
import { fieldAllowed, fieldCriterion, fieldIndicator, fieldLabel, isRegisterKind, type ColumnMapping, type FieldKey, type ImportKind } from './kinds';

/** Why a mapping cannot be imported, in both languages. */
export interface MappingIssue {
  th: string;
  en: string;
  column?: number;
}

/**
 * The issues of `mapping` for `kind`; none means it can be imported. `indicatorNos` are the
 * numbers of the indicator set the rows are read with (`bmn`, `tpmap`), `setName` its name.
 */
export function checkMapping(
  kind: ImportKind,
  mapping: readonly ColumnMapping[],
  indicatorNos: readonly number[] = [],
  setName = '',
  /** The criterion numbers of the assessment framework (`assessment`). */
  criterionNos: readonly string[] = [],
): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const seen = new Map<FieldKey, number>();
  for (const m of mapping) {
    if (!fieldAllowed(kind, m.field)) {
      const label = fieldLabel(m.field);
      issues.push({ th: `คอลัมน์ ${columnLetter(m.column)}: ข้อมูลนี้ไม่มีช่อง "${label.th}"`, en: `Column ${columnLetter(m.column)}: this kind has no "${label.en}" field`, column: m.column });
      continue;
    }
    if (m.field === 'ignore' || m.field === 'personal' || m.field === 'custom') continue;
    const before = seen.get(m.field);
    if (before !== undefined) {
      const label = fieldLabel(m.field);
      issues.push({
        th: `"${label.th}" ถูกเลือกให้ทั้งคอลัมน์ ${columnLetter(before)} และ ${columnLetter(m.column)} เลือกได้คอลัมน์เดียว`,
        en: `"${label.en}" is chosen for both column ${columnLetter(before)} and ${columnLetter(m.column)}; choose one`,
        column: m.column,
      });
    } else seen.set(m.field, m.column);
    const criterion = fieldCriterion(m.field);
    if (criterion !== null && criterionNos.length > 0 && !criterionNos.includes(criterion)) {
      issues.push({
        th: `คอลัมน์ ${columnLetter(m.column)}: ไม่มีเกณฑ์ข้อ ${criterion} ในกรอบการประเมินที่ใช้อยู่ (แก้หัวคอลัมน์ หรือนำเข้ากรอบการประเมินที่มีเกณฑ์ข้อนี้ก่อน)`,
        en: `Column ${columnLetter(m.column)}: the framework in use has no criterion ${criterion} (fix the header, or set a framework that has it first)`,
        column: m.column,
      });
    }
    const numbered = fieldIndicator(m.field);
    if (numbered && indicatorNos.length > 0 && !indicatorNos.includes(numbered.no)) {
      issues.push({
        th: `คอลัมน์ ${columnLetter(m.column)}: ตัวชี้วัดที่ ${numbered.no} ไม่มีในชุดตัวชี้วัด ${setName}`.trim(),
        en: `Column ${columnLetter(m.column)}: indicator ${numbered.no} is not in the indicator set ${setName}`.trim(),
        column: m.column,
      });
    }
  }
  const has = (field: FieldKey) => seen.has(field);
  // The forum's workbooks name their issue or village by the sheet when no column does.
  if (kind === 'pcs' || kind === 'projects' || kind === 'village-plans' || isRegisterKind(kind)) {
    const required = { pcs: 'problem', projects: 'projectName', 'village-plans': 'itemText', leaders: 'personName', 'learning-centres': 'orgName', 'welfare-funds': 'orgName', organisations: 'orgName' } as const;
    if (kind === 'leaders' && !has('villageCode') && !has('moo')) {
      issues.push({ th: 'ยังไม่ได้เลือกคอลัมน์หมู่ที่หรือรหัสหมู่บ้าน', en: 'No column is chosen for the village number or village code' });
    }
    if (kind === 'welfare-funds' && !has('tier')) {
      issues.push({ th: `ยังไม่ได้เลือกคอลัมน์ "${fieldLabel('tier').th}"`, en: `No column is chosen for "${fieldLabel('tier').en}"` });
    }
    if (!has(required[kind])) {
      const label = fieldLabel(required[kind]);
      issues.push({ th: `ยังไม่ได้เลือกคอลัมน์ "${label.th}"`, en: `No column is chosen for "${label.en}"` });
    }
    return issues;
  }
  if (kind === 'assessment') {
    if (!has('moo')) issues.push({ th: 'ยังไม่ได้เลือกคอลัมน์หมู่ที่', en: 'No column is chosen for the village number' });
    if (!mapping.some((m) => fieldCriterion(m.field) !== null)) issues.push({ th: 'ยังไม่ได้เลือกคอลัมน์คะแนนของเกณฑ์ใดเลย', en: 'No criterion column is chosen' });
    return issues;
  }
  if (!has('villageCode') && !has('moo')) {
    issues.push({ th: 'ยังไม่ได้เลือกคอลัมน์หมู่ที่หรือรหัสหมู่บ้าน', en: 'No column is chosen for the village number or village code' });
  }
  if (kind === 'bmn' && ![...seen.keys()].some((f) => f.startsWith('indicator:'))) {
    issues.push({ th: 'ยังไม่ได้เลือกคอลัมน์ผลของตัวชี้วัดใดเลย', en: 'No indicator column is chosen' });
  }
  if (kind === 'tpmap') {
    const nos = new Set([...seen.keys()].flatMap((f) => (fieldIndicator(f) ? [fieldIndicator(f)!.no] : [])));
    if (nos.size === 0 && !has('households')) issues.push({ th: 'ยังไม่ได้เลือกคอลัมน์ ALL / CNT ของตัวชี้วัดใดเลย', en: 'No ALL / CNT indicator column is chosen' });
    for (const no of nos) {
      if (!has(`all:${no}`)) issues.push({ th: `ตัวชี้วัดที่ ${no} มีคอลัมน์ CNT แต่ไม่มี ALL`, en: `Indicator ${no} has a CNT column but no ALL` });
      if (!has(`cnt:${no}`)) issues.push({ th: `ตัวชี้วัดที่ ${no} มีคอลัมน์ ALL แต่ไม่มี CNT`, en: `Indicator ${no} has an ALL column but no CNT` });
    }
  }
  if (kind === 'nrd2c' && !has('grade') && !mapping.some((m) => m.field === 'custom')) {
    issues.push({ th: 'ยังไม่ได้เลือกคอลัมน์ข้อมูลของตาราง', en: 'No table column is chosen' });
  }
  if (kind === 'accounts') {
    if (!has('date')) issues.push({ th: 'ยังไม่ได้เลือกคอลัมน์วันที่', en: 'No date column is chosen' });
    if (!has('amount') && !has('amount.income') && !has('amount.expense')) issues.push({ th: 'ยังไม่ได้เลือกคอลัมน์จำนวนเงิน', en: 'No amount column is chosen' });
    if (!has('category') && !has('description')) issues.push({ th: 'ยังไม่ได้เลือกคอลัมน์หมวดหรือรายการ', en: 'No category or description column is chosen' });
    if (!has('householdId') && !has('houseNo')) issues.push({ th: 'ยังไม่ได้เลือกคอลัมน์รหัสบ้านหรือบ้านเลขที่', en: 'No house code or house number column is chosen' });
  }
  return issues;
}
