import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/shared/domain/imports/cells';
import { classifyRow, detectHeader, headerAt, twoRowLabels, yearInText, type SheetRow } from '../../src/shared/domain/imports/headers';
import { autoMap, layoutKey, matchHeader } from '../../src/shared/domain/imports/mapping';
import { checkMapping } from '../../src/shared/domain/imports/mappingCheck';

const sheet = (...rows: (readonly Cell[] | null)[]): SheetRow[] =>
  rows.flatMap((cells, i) => (cells === null ? [] : [{ number: i + 1, cells }]));

describe('header detection', () => {
  it('passes over title and blank rows to the header, and finds the year in the title', () => {
    const rows = sheet(
      ['ข้อมูล จปฐ. ปี ๒๕๖๓ ตำบลนาทราย'],
      null,
      ['หมู่ที่', 'บ้านเลขที่', 'ชื่อ-สกุล', 'ตัวชี้วัดที่ 1', 'ตัวชี้วัดที่ 2'],
      [1, '12/3', 'นายสมชาย ใจดี', 'ผ่าน', 'ไม่ผ่าน'],
    );
    const header = detectHeader('bmn', rows)!;
    expect(header).toMatchObject({ firstRow: 3, rows: 1, yearInTitle: 2563 });
    expect(header.mapping.map((m) => m.field)).toEqual(['moo', 'houseNo', 'personal', 'indicator:1', 'indicator:2']);
  });

  it('reads a two-row header: groups over their parts, and cells merged down over both rows', () => {
    const rows = sheet(
      ['หมู่ที่', 'บ้านเลขที่', 'หมวดที่ 1 สุขภาพ', null, 'รายได้ (บาท/ปี)', null],
      [null, null, 'ข้อ 1', 'ข้อ 2', 'อาชีพหลัก', 'อาชีพรอง'],
      [1, '5', 'ผ่าน', 'ผ่าน', 50000, 1000],
    );
    const header = detectHeader('bmn', rows)!;
    expect(header).toMatchObject({ firstRow: 1, rows: 2 });
    expect(header.labels).toEqual(['หมู่ที่', 'บ้านเลขที่', 'หมวดที่ 1 สุขภาพ ข้อ 1', 'หมวดที่ 1 สุขภาพ ข้อ 2', 'รายได้ (บาท/ปี) อาชีพหลัก', 'รายได้ (บาท/ปี) อาชีพรอง']);
    expect(header.mapping.map((m) => m.field)).toEqual(['moo', 'houseNo', 'indicator:1', 'indicator:2', 'income.main', 'income.secondary']);
  });

  it('never reads a one-row header and its first data row as a two-row header', () => {
    const rows = sheet(['หมู่ที่', 'บ้านเลขที่', 'ข้อ 1', 'ข้อ 2'], ['1', '12', 'ผ่าน', 'ไม่ผ่าน'], ['2', '13', 'ผ่าน', 'ผ่าน']);
    expect(detectHeader('bmn', rows)).toMatchObject({ firstRow: 1, rows: 1 });
  });

  it('reads TPMAP headers, one row (indicator7.ALL) or two (indicator7 over ALL and CNT)', () => {
    const one = detectHeader('tpmap', sheet(['village_ID', 'indicator1.ALL', 'indicator1.CNT', 'households'], ['8001080100', 10, 2, 40]))!;
    expect(one.mapping.map((m) => m.field)).toEqual(['villageCode', 'all:1', 'cnt:1', 'households']);
    const two = detectHeader('tpmap', sheet(['village_ID', 'indicator1', null, 'indicator2', null], [null, 'ALL', 'CNT', 'ALL', 'CNT'], ['80010801', 10, 2, 8, 1]))!;
    expect(two).toMatchObject({ rows: 2 });
    expect(two.mapping.map((m) => m.field)).toEqual(['villageCode', 'all:1', 'cnt:1', 'all:2', 'cnt:2']);
  });

  it('answers null for a sheet with no recognisable header, and for an empty one', () => {
    expect(detectHeader('bmn', sheet(['รายงานการประชุม'], ['วาระที่ 1', 'เรื่องแจ้ง'], [1, 2, 3]))).toBeNull();
    expect(detectHeader('bmn', [])).toBeNull();
    expect(detectHeader('accounts', sheet(['หมู่ที่', 'บ้านเลขที่', 'ตัวชี้วัดที่ 1']))).toBeNull();
  });

  it('lets a person choose the header row, and refuses a second row that is not there', () => {
    const rows = sheet(['x', 'y'], ['หมู่ที่', 'ข้อ 1', 'ข้อ 2']);
    expect(headerAt('bmn', rows, 2, 1)!.mapping.map((m) => m.field)).toEqual(['moo', 'indicator:1', 'indicator:2']);
    expect(headerAt('bmn', rows, 2, 2)).toBeNull();
    expect(headerAt('bmn', rows, 9, 1)).toBeNull();
  });

  it('recognises an indicator by its own name', () => {
    const names = [{ no: 17, nameTh: 'คนอายุ 15 – 59 ปี มีอาชีพและรายได้' }];
    expect(matchHeader('bmn', 'คนอายุ 15 – 59 ปี มีอาชีพและรายได้', names)?.field).toBe('indicator:17');
  });
});

describe('rows below the header', () => {
  const header = { labels: ['หมู่ที่', 'บ้านเลขที่', 'ข้อ 1'] };
  it('are blank, totals, the header repeated, or data', () => {
    expect(classifyRow([null, '  ', null], header)).toBe('blank');
    expect(classifyRow(['รวมทั้งสิ้น', null, 25], header)).toBe('totals');
    expect(classifyRow([null, 'Total', 25], header)).toBe('totals');
    expect(classifyRow(['หมู่ที่', 'บ้านเลขที่', 'ข้อ 1'], header)).toBe('repeatedHeader');
    expect(classifyRow([1, 'รวม', 'ผ่าน'], header)).toBe('data');
    expect(classifyRow(['รวมใจ', '5', 'ผ่าน'], header)).toBe('data');
    expect(classifyRow(['รวม 3 หมู่บ้าน', null, 25], header)).toBe('totals');
  });
});

describe('mapping', () => {
  it('maps Thai and English names, each field to one column, and marks personal data', () => {
    const mapping = autoMap('accounts', ['วันที่', 'House No.', 'หมู่', 'รายการ', 'รายรับ', 'รายจ่าย', 'ชื่อผู้บันทึก', 'จำนวนเงิน', 'วันที่']);
    expect(mapping.map((m) => m.field)).toEqual(['date', 'houseNo', 'moo', 'description', 'amount.income', 'amount.expense', 'personal', 'amount', 'ignore']);
  });

  it('makes unknown columns of a village table its own columns', () => {
    const mapping = autoMap('nrd2c', ['หมู่ที่', 'ระดับหมู่บ้าน', 'ถนนลูกรัง (กม.)', '']);
    expect(mapping).toEqual([
      { column: 1, field: 'moo' },
      { column: 2, field: 'grade' },
      { column: 3, field: 'custom', label: 'ถนนลูกรัง (กม.)' },
      { column: 4, field: 'ignore' },
    ]);
  });

  it('does not take หมู่บ้าน (a village name) or ม.ค. (a month) for หมู่ที่', () => {
    expect(matchHeader('bmn', 'หมู่บ้าน')?.field).not.toBe('moo');
    expect(matchHeader('accounts', 'ม.ค.')?.field).not.toBe('moo');
    expect(matchHeader('bmn', 'หมู่บ้านที่')?.field).toBe('moo');
  });

  it('keys a layout by its normalised headers', () => {
    expect(layoutKey('bmn', [' หมู่ที่ ', 'ข้อ ๑'])).toBe(layoutKey('bmn', ['หมู่ที่', 'ข้อ 1']));
    expect(layoutKey('bmn', ['หมู่ที่'])).not.toBe(layoutKey('tpmap', ['หมู่ที่']));
  });

  it('is checked before any row is read', () => {
    expect(checkMapping('bmn', [{ column: 1, field: 'houseNo' }]).map((i) => i.th)).toEqual([
      'ยังไม่ได้เลือกคอลัมน์หมู่ที่หรือรหัสหมู่บ้าน',
      'ยังไม่ได้เลือกคอลัมน์ผลของตัวชี้วัดใดเลย',
    ]);
    const twice = checkMapping('bmn', [
      { column: 1, field: 'moo' },
      { column: 2, field: 'indicator:1' },
      { column: 3, field: 'indicator:1' },
      { column: 4, field: 'indicator:40' },
    ], [1, 2], 'จปฐ. 2560–2564');
    expect(twice.map((i) => i.th)).toEqual([
      '"ตัวชี้วัดที่ 1" ถูกเลือกให้ทั้งคอลัมน์ B และ C เลือกได้คอลัมน์เดียว',
      'คอลัมน์ D: ตัวชี้วัดที่ 40 ไม่มีในชุดตัวชี้วัด จปฐ. 2560–2564',
    ]);
    expect(checkMapping('tpmap', [{ column: 1, field: 'villageCode' }, { column: 2, field: 'all:3' }]).map((i) => i.en)).toEqual(['Indicator 3 has an ALL column but no CNT']);
    expect(checkMapping('bmn', [{ column: 1, field: 'moo' }, { column: 2, field: 'date' }, { column: 3, field: 'indicator:1' }])[0]!.th).toContain('คอลัมน์ B');
  });
});

describe('years in titles', () => {
  it('are found after ปี or พ.ศ., in Thai digits too', () => {
    expect(yearInText('ข้อมูล จปฐ. ปี 2566')).toBe(2566);
    expect(yearInText('พ.ศ. ๒๕๖๔')).toBe(2564);
    expect(yearInText('รายงาน 2565 ตำบล')).toBe(2565);
    expect(yearInText('หมู่ที่ 12')).toBeNull();
  });

  it('two-row labels keep a merged-down cell and fill a group across its parts', () => {
    expect(twoRowLabels(['ก', 'ข', ''], ['', 'ข1', 'ข2'])).toEqual({ labels: ['ก', 'ข ข1', 'ข ข2'], parts: [[], ['ข1'], ['ข2']] });
  });
});
