import { describe, expect, it } from 'vitest';
import { formatDateBE, fromBuddhistYear, thaiFiscalYear, toBuddhistYear } from '../../src/shared/domain/dates';
import { normalizeThaiDigits } from '../../src/shared/domain/thaiDigits';

describe('Buddhist Era dates', () => {
  it('adds 543 to the Common Era year and back', () => {
    expect(toBuddhistYear(2026)).toBe(2569);
    expect(fromBuddhistYear(2569)).toBe(2026);
  });

  it('formats a date in Thai and English with the BE year', () => {
    const date = new Date(2026, 10, 23, 9, 5);
    expect(formatDateBE(date, 'th')).toBe('23 พ.ย. 2569');
    expect(formatDateBE(date, 'th', true)).toBe('23 พ.ย. 2569 09:05');
    expect(formatDateBE(date, 'en')).toBe('23 Nov 2569 BE');
    expect(formatDateBE('not a date')).toBe('');
  });

  it('starts the Thai fiscal year in October', () => {
    expect(thaiFiscalYear(new Date(2026, 8, 30))).toBe(2569);
    expect(thaiFiscalYear(new Date(2026, 9, 1))).toBe(2570);
  });

  it('reads Thai digits', () => {
    expect(normalizeThaiDigits('หมู่ ๑๒')).toBe('หมู่ 12');
    expect(Number(normalizeThaiDigits('๙๙'))).toBe(99);
  });
});
