import { describe, expect, it } from 'vitest';
import {
  cellText,
  cleanText,
  columnLetter,
  columnNumber,
  excelSerialDay,
  readAmount,
  readAnswer,
  readDate,
  readNumber,
  readWhole,
} from '../../src/shared/domain/imports/cells';
import { hasCitizenIdCheckDigit, isPersonalHeader, looksLikeCitizenId, maskCitizenIds } from '../../src/shared/domain/imports/personal';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : 'problem');
const range = { minBE: 2500, maxBE: 2570 };

describe('column letters', () => {
  it('are the spreadsheet’s: A, Z, AA, AZ, BA, XFD', () => {
    expect([1, 26, 27, 52, 53, 16_384].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'XFD']);
    for (const n of [1, 2, 26, 27, 700, 702, 703, 16_384]) expect(columnNumber(columnLetter(n))).toBe(n);
    expect(columnNumber('1A')).toBeNaN();
  });
});

describe('numbers', () => {
  it('read Thai digits, numbers stored as text, thousands separators, currency words, parentheses and dashes', () => {
    expect(value(readNumber(1234.5))).toBe(1234.5);
    expect(value(readNumber('๑,๒๓๔'))).toBe(1234);
    expect(value(readNumber(' 12,345.50 บาท'))).toBe(12345.5);
    expect(value(readNumber('1 234 567'))).toBe(1234567);
    expect(value(readNumber('(1,200)'))).toBe(-1200);
    expect(value(readNumber('฿ 99'))).toBe(99);
    expect(value(readNumber('-'))).toBeNull();
    expect(value(readNumber(''))).toBeNull();
    expect(value(readNumber(null))).toBeNull();
    expect(value(readNumber('12,34'))).toBe('problem');
    expect(value(readNumber('สิบ'))).toBe('problem');
    expect(value(readNumber(1e13))).toBe('problem');
  });

  it('say what they converted', () => {
    const r = readNumber('๑,๒๓๔');
    expect(r.ok && r.notes).toEqual(['numberAsText', 'thaiDigits', 'thousandsSeparator']);
    const plain = readNumber(5);
    expect(plain.ok && plain.notes).toEqual([]);
  });

  it('refuse formula errors and formulas without a cached value', () => {
    expect(readNumber({ error: '#N/A' })).toEqual({ ok: false, problem: 'errorValue' });
    expect(readNumber({ formulaWithoutValue: true })).toEqual({ ok: false, problem: 'formulaWithoutValue' });
  });

  it('whole numbers and amounts keep their ranges', () => {
    expect(readWhole('2.5', { min: 0, max: 9 })).toEqual({ ok: false, problem: 'notWhole' });
    expect(readWhole('-1', { min: 0, max: 9 })).toEqual({ ok: false, problem: 'negative' });
    expect(readWhole('10', { min: 0, max: 9 })).toEqual({ ok: false, problem: 'tooLarge' });
    expect(readAmount('-5')).toEqual({ ok: false, problem: 'negative' });
    expect(value(readAmount('5'))).toBe(5);
  });
});

describe('answers', () => {
  it('read ผ่าน / ไม่ผ่าน / ไม่เกี่ยวข้อง, 1 / 0 / blank, ✓ / ✗, Thai digits and booleans', () => {
    const cases: [unknown, string][] = [
      ['ผ่าน', 'pass'],
      [' ไม่ผ่าน ', 'fail'],
      ['ไม่เกี่ยวข้อง', 'na'],
      [1, 'pass'],
      [0, 'fail'],
      ['1', 'pass'],
      ['๐', 'fail'],
      [null, 'na'],
      ['', 'na'],
      ['✓', 'pass'],
      ['✗', 'fail'],
      ['-', 'na'],
      [true, 'pass'],
      [false, 'fail'],
    ];
    for (const [cell, answer] of cases) expect(value(readAnswer(cell as never)), String(cell)).toBe(answer);
  });

  it('refuse anything else', () => {
    for (const cell of [2, 'ผ่านบ้าง', 'yes please', { date: '2020-01-01' }]) expect(readAnswer(cell as never)).toEqual({ ok: false, problem: 'notAnAnswer' });
  });
});

describe('dates', () => {
  it('read dd/mm/yyyy in BE and CE, two-digit BE years, Thai month names and ISO days', () => {
    expect(value(readDate('15/03/2566', range))).toBe('2023-03-15');
    expect(value(readDate('15/03/2023', range))).toBe('2023-03-15');
    expect(value(readDate('๑๕/๐๓/๖๖', range))).toBe('2023-03-15');
    expect(value(readDate('15 มี.ค. 2566', range))).toBe('2023-03-15');
    expect(value(readDate('1 ตุลาคม 2565', range))).toBe('2022-10-01');
    expect(value(readDate('2566-03-15', range))).toBe('2023-03-15');
    expect(value(readDate('15-3-2566 10:30', range))).toBe('2023-03-15');
  });

  it('read Excel serials, including the days around the phantom 29 February 1900', () => {
    expect(excelSerialDay(1)).toBe('1900-01-01');
    expect(excelSerialDay(59)).toBe('1900-02-28');
    expect(excelSerialDay(61)).toBe('1900-03-01');
    expect(excelSerialDay(44_927)).toBe('2023-01-01');
    expect(value(readDate(45_000, range))).toBe('2023-03-15');
  });

  it('take a BE year typed into a CE date for what it is', () => {
    const r = readDate({ date: '2566-03-15' }, range);
    expect(r).toEqual({ ok: true, value: '2023-03-15', notes: ['beYearInCeDate'] });
  });

  it('refuse days that do not exist and dates outside the years allowed', () => {
    expect(readDate('31/02/2566', range)).toEqual({ ok: false, problem: 'notADate' });
    expect(readDate('15/03/2580', range)).toEqual({ ok: false, problem: 'dateOutOfRange' });
    expect(readDate('15/03/1950', range)).toEqual({ ok: false, problem: 'dateOutOfRange' });
    expect(readDate('เมื่อวาน', range)).toEqual({ ok: false, problem: 'notADate' });
  });

  it('are shown in BE', () => {
    expect(cellText({ date: '2023-03-15' })).toBe('15/03/2566');
  });
});

describe('text', () => {
  it('is cleaned of controls, bidi overrides and invisible characters', () => {
    expect(cleanText(' บ้าน\u200Bนา\u202E\u0007  ทราย ')).toBe('บ้านนา ทราย');
    expect(cleanText('บรรทัด 1\r\nบรรทัด 2', true)).toBe('บรรทัด 1\nบรรทัด 2');
  });
});

describe('personal data', () => {
  it('recognises citizen ids, grouped or not, and masks them', () => {
    expect(hasCitizenIdCheckDigit('1101700230708')).toBe(true);
    expect(hasCitizenIdCheckDigit('1101700230705')).toBe(false);
    expect(looksLikeCitizenId('1-1017-00230-70-8')).toBe(true);
    expect(looksLikeCitizenId('80010800012')).toBe(false);
    expect(maskCitizenIds('id 1101700230708 and 12/3')).toBe('id x-xxxx-xxxxx-xx-x and 12/3');
  });

  it('recognises name and id headers, not village or indicator names', () => {
    for (const h of ['ชื่อ-สกุล', 'ชื่อหัวหน้าครัวเรือน', 'นามสกุล', 'เลขประจำตัวประชาชน', 'Citizen ID', 'First name', 'เบอร์โทรศัพท์']) expect(isPersonalHeader(h), h).toBe(true);
    for (const h of ['ชื่อหมู่บ้าน', 'ตัวชี้วัดที่ 1', 'บ้านเลขที่', 'รหัสบ้าน', 'Village name']) expect(isPersonalHeader(h), h).toBe(false);
  });
});
