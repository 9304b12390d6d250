import { describe, expect, it } from 'vitest';
import { createCsvParser, csvCell, detectEncoding, detectSeparator } from '../../src/shared/domain/imports/csv';
import { encodeWindows874 } from '../support/surveyFiles';

describe('CSV', () => {
  it('detects UTF-8 (with or without a BOM), UTF-16 and TIS-620 / Windows-874', () => {
    expect(detectEncoding(Buffer.from('\uFEFFหมู่ที่,1', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('หมู่ที่,1', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe('utf-16le');
    const tis = encodeWindows874('หมู่ที่,บ้านเลขที่\r\n1,12/3\r\n');
    expect(detectEncoding(tis)).toBe('windows-874');
    expect(new TextDecoder('windows-874').decode(tis)).toBe('หมู่ที่,บ้านเลขที่\r\n1,12/3\r\n');
  });

  it('finds the separator', () => {
    expect(detectSeparator('a;b;c\n1;2;3')).toBe(';');
    expect(detectSeparator('a\tb\n1\t2')).toBe('\t');
    expect(detectSeparator('"a,b";c;d\n1;2;3')).toBe(';');
    expect(detectSeparator('a,b,c\n1,2,3')).toBe(',');
  });

  it('parses quoted fields with separators, quotes and line breaks, counting records as rows', () => {
    const parser = createCsvParser(',');
    const records = [...parser.push('หมู่,"บ้าน ""นา"", ทราย","สอง\nบรรทัด"\r\n1,2,3\r'), ...parser.push('\n4,5,6'), ...parser.end()];
    expect(records).toEqual([
      { number: 1, fields: ['หมู่', 'บ้าน "นา", ทราย', 'สอง\nบรรทัด'] },
      { number: 2, fields: ['1', '2', '3'] },
      { number: 3, fields: ['4', '5', '6'] },
    ]);
  });

  it('gives the same records whatever the pieces the text comes in', () => {
    const text = 'a,"b\r\nc",d\r\n"e""f",g\rh,i\n';
    const whole = [...createCsvParser(',').push(text)];
    for (let cut = 0; cut <= text.length; cut += 1) {
      const parser = createCsvParser(',');
      expect([...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut)), ...parser.end()]).toEqual(whole);
    }
  });

  it('turns plain numbers into numbers, and keeps house codes and ids as text', () => {
    expect(csvCell('42')).toBe(42);
    expect(csvCell('-3.5')).toBe(-3.5);
    expect(csvCell('0012')).toBe('0012');
    expect(csvCell('1101700230708')).toBe('1101700230708');
    expect(csvCell('  ')).toBeNull();
    expect(csvCell('1,234')).toBe('1,234');
  });
});
