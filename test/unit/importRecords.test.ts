import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/shared/domain/imports/cells';
import type { ColumnMapping } from '../../src/shared/domain/imports/kinds';
import { problemMessage, problemPlace } from '../../src/shared/domain/imports/problems';
import { createRowReader, type ReaderContext } from '../../src/shared/domain/imports/records';
import { classifyCategory, readDirection } from '../../src/shared/domain/imports/accountCategories';

const villages = [
  { id: 'v1', moo: 1, code: '80010801' },
  { id: 'v2', moo: 2, code: '80010802' },
];
const map = (...fields: (string | [string, string])[]): ColumnMapping[] =>
  fields.map((f, i) => (Array.isArray(f) ? { column: i + 1, field: f[0] as never, label: f[1] } : { column: i + 1, field: f as never }));
const reader = (kind: ReaderContext['kind'], mapping: ColumnMapping[], extra: Partial<ReaderContext> = {}) =>
  createRowReader({ kind, tambonCode: '800108', villages, mapping, year: 2563, dateRange: { minBE: 2500, maxBE: 2570 }, ...extra });
const read = (r: ReturnType<typeof reader>, ...cells: Cell[]) => r.read(cells);

describe('a จปฐ. row', () => {
  const mapping = map('moo', 'houseNo', 'householdId', 'personal', 'members', 'indicator:1', 'indicator:2', 'income.main');

  it('becomes a household record keyed by its house code, leaving the name column unread', () => {
    const result = read(reader('bmn', mapping), 1, '12/3', '80010800012', 'นายสมชาย ใจดี', '๔', 'ผ่าน', '0', '120,000');
    expect(result).toMatchObject({
      outcome: 'record',
      record: { kind: 'bmn', villageId: 'v1', householdKey: 'id:80010800012', houseNo: '12/3', members: 4, income: { main: 120000, secondary: null }, answers: 'PF' },
    });
    expect(JSON.stringify(result)).not.toContain('สมชาย');
  });

  it('without a house code is keyed by its village and house number', () => {
    const result = read(reader('bmn', mapping), 2, '7', null, null, 3, 'ผ่าน', 'ผ่าน', null);
    expect(result).toMatchObject({ outcome: 'record', record: { householdKey: 'house:2/7', houseCode: null } });
  });

  it('refuses a citizen id as its household id, and never repeats the id', () => {
    const result = read(reader('bmn', mapping), 1, '12', '1101700230708', null, 3, 'ผ่าน', 'ผ่าน', null);
    expect(result).toEqual({ outcome: 'rejected', problems: [{ column: 3, code: 'citizenIdAsHouseholdId' }] });
  });

  it('names every bad cell of the row: answer, members, number', () => {
    const result = read(reader('bmn', mapping), 1, '12', null, null, 0, 'ผ่านบ้าง', '1', 'หนึ่งแสน');
    expect(result.outcome === 'rejected' && result.problems.map((p) => [p.column, p.code, p.value])).toEqual([
      [5, 'badMembers', '0'],
      [6, 'notAnAnswer', 'ผ่านบ้าง'],
      [8, 'notANumber', 'หนึ่งแสน'],
    ]);
  });

  it('rejects an unknown village, a missing one and a household seen before in the file or the workspace', () => {
    const r = reader('bmn', mapping, { existingHouseholds: new Set(['id:999']) });
    expect(read(r, 7, '1', null, null, 1, 'ผ่าน', 'ผ่าน', null)).toMatchObject({ outcome: 'rejected', problems: [{ column: 1, code: 'unknownVillage', value: 'หมู่ที่ 7' }] });
    expect(read(r, null, '1', null, null, 1, 'ผ่าน', 'ผ่าน', null)).toMatchObject({ outcome: 'rejected', problems: [{ code: 'missingVillage' }] });
    expect(read(r, 1, '1', 'A1', null, 1, 'ผ่าน', 'ผ่าน', null).outcome).toBe('record');
    expect(read(r, 1, '2', 'A1', null, 1, 'ผ่าน', 'ผ่าน', null)).toMatchObject({ outcome: 'rejected', problems: [{ code: 'duplicateHousehold' }] });
    expect(read(r, 1, '3', '999', null, 1, 'ผ่าน', 'ผ่าน', null)).toMatchObject({ outcome: 'rejected', problems: [{ code: 'householdAlreadyImported' }] });
  });

  it('passes over a village of another tambon (a district-wide file), and checks code against หมู่ที่', () => {
    const byCode = map('villageCode', 'moo', 'houseNo', 'indicator:1');
    expect(read(reader('bmn', byCode), '8001090100', 1, '1', 'ผ่าน')).toEqual({ outcome: 'otherTambon' });
    expect(read(reader('bmn', byCode), '8001080200', 2, '1', 'ผ่าน')).toMatchObject({ outcome: 'record', record: { villageId: 'v2' } });
    expect(read(reader('bmn', byCode), '80010802', 1, '1', 'ผ่าน')).toMatchObject({ outcome: 'rejected', problems: [{ code: 'villageMismatch' }] });
    expect(read(reader('bmn', byCode), '800108', null, '1', 'ผ่าน')).toMatchObject({ outcome: 'rejected', problems: [{ code: 'badVillageCode' }] });
  });

  it('takes the survey year from the first row that has one, and rejects rows of another year', () => {
    const r = reader('bmn', map('moo', 'year', 'indicator:1'), { year: null });
    expect(read(r, 1, 2563, 'ผ่าน').outcome).toBe('record');
    expect(r.year()).toBe(2563);
    expect(read(r, 1, '2019', 'ผ่าน')).toMatchObject({ outcome: 'rejected', problems: [{ code: 'yearMismatch' }] });
  });
});

describe('a TPMAP row', () => {
  it('holds ALL and CNT per indicator; CNT may not exceed ALL; a village only once', () => {
    const r = reader('tpmap', map('villageCode', 'all:1', 'cnt:1', 'households'));
    expect(read(r, '8001080100', 40, 5, 50)).toMatchObject({ outcome: 'record', record: { villageId: 'v1', households: 50 } });
    expect(read(r, '8001080200', 4, 5, 50)).toMatchObject({ outcome: 'rejected', problems: [{ code: 'cntOverAll' }] });
    expect(read(r, '80010801', 40, 5, 50)).toMatchObject({ outcome: 'rejected', problems: [{ code: 'duplicateVillage' }] });
  });
});

describe('a village-table row', () => {
  it('keeps numbers as numbers, text as text, the grade as 1–3, and refuses a citizen id', () => {
    const r = reader('nrd2c', map('moo', 'grade', ['custom', 'ถนน (กม.)'], ['custom', 'ปัญหา']));
    const result = read(r, 1, 'อันดับ ๒', '๑,๒๐๐.๕', 'น้ำท่วม\r\nหน้าฝน');
    expect(result).toMatchObject({
      outcome: 'record',
      record: { grade: 2, values: [{ column: 3, label: 'ถนน (กม.)', number: 1200.5, text: null }, { column: 4, label: 'ปัญหา', number: null, text: 'น้ำท่วม\nหน้าฝน' }] },
    });
    expect(read(r, 2, 'ปานกลาง', 1, 'ติดต่อ 1101700230708')).toMatchObject({ outcome: 'rejected', problems: [{ column: 4, code: 'citizenIdInText' }] });
    expect(read(reader('nrd2c', map('moo', 'grade')), 2, '4')).toMatchObject({ outcome: 'rejected', problems: [{ code: 'badGrade' }] });
  });
});

describe('a ledger line', () => {
  const mapping = map('moo', 'houseNo', 'date', 'description', 'amount.income', 'amount.expense');
  it('takes its direction from the amount column and its category from the description', () => {
    const r = reader('accounts', mapping);
    expect(read(r, 1, '5', '15/03/2563', 'ขายยางพารา', '3,500', null)).toMatchObject({ outcome: 'record', record: { date: '2020-03-15', category: 'income.main', amount: 3500 } });
    expect(read(r, 1, '5', 43_905, 'ซื้อปุ๋ย', null, 800)).toMatchObject({ outcome: 'record', record: { date: '2020-03-15', category: 'expense.production' } });
    expect(read(r, 1, '5', '16/03/2563', 'ค่าหวย', null, 100)).toMatchObject({ outcome: 'record', record: { category: 'expense.unnecessary' } });
  });

  it('asks about a category no rule places, and follows the person’s choice', () => {
    const r = reader('accounts', mapping);
    expect(read(r, 1, '5', '15/03/2563', 'งานบวชหลานชาย', null, 500)).toMatchObject({ outcome: 'rejected', problems: [{ column: 4, code: 'unknownCategory' }] });
    expect([...r.unknownCategories().values()]).toEqual([{ text: 'งานบวชหลานชาย', count: 1 }]);
    const chosen = reader('accounts', mapping, { categoryMap: { งานบวชหลานชาย: 'expense.necessary', โอนเงิน: 'ignore' } });
    expect(read(chosen, 1, '5', '15/03/2563', 'งานบวช หลานชาย', null, 500)).toMatchObject({ outcome: 'record', record: { category: 'expense.necessary' } });
    expect(read(chosen, 1, '5', '15/03/2563', 'โอนเงิน', null, 500)).toEqual({ outcome: 'ignored' });
  });

  it('rejects a line with both amounts, none, or no date', () => {
    const r = reader('accounts', mapping);
    expect(read(r, 1, '5', '15/03/2563', 'ขายข้าว', 100, 200)).toMatchObject({ outcome: 'rejected', problems: [{ code: 'bothAmounts' }] });
    expect(read(r, 1, '5', '15/03/2563', 'ขายข้าว', null, null)).toMatchObject({ outcome: 'rejected', problems: [{ code: 'missingAmount' }] });
    expect(read(r, 1, '5', null, 'ขายข้าว', 100, null)).toMatchObject({ outcome: 'rejected', problems: [{ code: 'missingDate' }] });
  });

  it('reads types and categories the ledgers write', () => {
    expect(readDirection('รายจ่าย')).toBe('expense');
    expect(readDirection('เงินออม')).toBe('saving');
    expect(classifyCategory('ค่าจ้างแรงงานเกี่ยวข้าว', 'expense')).toBe('expense.production');
    expect(classifyCategory('เบี้ยยังชีพผู้สูงอายุ', 'income')).toBe('income.other');
    expect(classifyCategory('ผ่อนรถ', null)).toBe('expense.debtRepayment');
    expect(classifyCategory('ข้าวสาร', 'expense')).toBe('expense.necessary');
    expect(classifyCategory('ขายข้าว', 'expense')).toBeNull();
  });
});

describe('problems', () => {
  it('say where (sheet, row, column letter) and what, masking a citizen id in the value', () => {
    expect(problemPlace({ sheet: 'จปฐ', row: 12, column: 11 })).toEqual({ th: 'ชีต "จปฐ" แถว 12 คอลัมน์ K', en: 'sheet "จปฐ", row 12, column K' });
    expect(problemMessage('notANumber', 'เลข 1101700230708').th).toBe('ค่า "เลข x-xxxx-xxxxx-xx-x" ไม่ใช่ตัวเลข');
  });
});
