/**
 * Fuzzing the pure parts of an import with fast-check: header detection, row classification,
 * cell readers, the row reader and the CSV parser take any input without throwing, and answer
 * within their contracts. (The integration suite fuzzes whole files through the import.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAmount, readAnswer, readDate, readNumber, type Cell } from '../../src/shared/domain/imports/cells';
import { createCsvParser, detectEncoding, detectSeparator } from '../../src/shared/domain/imports/csv';
import { classifyRow, detectHeader, type SheetRow } from '../../src/shared/domain/imports/headers';
import { importKinds } from '../../src/shared/domain/imports/kinds';
import { autoMap } from '../../src/shared/domain/imports/mapping';
import { createRowReader } from '../../src/shared/domain/imports/records';
import { csvText } from '../support/surveyFiles';

/** Words offices put in cells, so the fuzzer reaches the interesting branches, plus anything at all. */
const words = ['หมู่ที่', 'บ้านเลขที่', 'รหัสบ้าน', 'ข้อ 1', 'ตัวชี้วัดที่ 22', 'indicator3.ALL', 'indicator3.CNT', 'รวม', 'ผ่าน', 'ไม่ผ่าน', '✓', 'ชื่อ-สกุล', 'วันที่', 'รายรับ', 'ระดับ', '๑๒', '1,234', '15/03/2566', 'ปี 2563'];
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...words),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 100_000 }),
  fc.boolean(),
  fc.record({ date: fc.constantFrom('2023-03-15', '2566-01-01', 'garbage') }),
  fc.record({ error: fc.constantFrom('#N/A', '#DIV/0!') }),
  fc.constant({ formulaWithoutValue: true as const }),
);
const grid = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 }).map((rows): SheetRow[] => rows.map((cells, i) => ({ number: i + 1, cells })));

describe('fuzzed', () => {
  it('header detection and row classification never throw, and a header they find is one of the rows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...importKinds), grid, (kind, rows) => {
        const header = detectHeader(kind, rows);
        if (header) {
          expect(rows.some((r) => r.number === header.firstRow)).toBe(true);
          expect(header.mapping.every((m, i) => m.column === i + 1)).toBe(true);
          for (const r of rows) expect(['data', 'blank', 'totals', 'repeatedHeader']).toContain(classifyRow(r.cells, header));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('cell readers are total', () => {
    fc.assert(
      fc.property(cell, (c) => {
        for (const r of [readNumber(c), readAmount(c), readAnswer(c), readDate(c, { minBE: 2500, maxBE: 2570 })]) {
          expect(typeof r.ok).toBe('boolean');
          if (r.ok && typeof r.value === 'number') expect(Number.isFinite(r.value)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the row reader never throws, and a record always names a known village', () => {
    fc.assert(
      fc.property(fc.constantFrom(...importKinds), fc.array(fc.constantFrom(...words, 'x'), { minLength: 1, maxLength: 10 }), fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 20 }), (kind, labels, rows) => {
        const mapping = autoMap(kind, labels);
        const reader = createRowReader({
          kind,
          tambonCode: '800108',
          villages: [{ id: 'v1', moo: 1, code: '80010801' }],
          mapping,
          year: null,
          dateRange: { minBE: 2500, maxBE: 2570 },
        });
        for (const cells of rows) {
          const result = reader.read(cells);
          if (result.outcome === 'record') expect('villageId' in result.record && result.record.villageId).toBe('v1');
          if (result.outcome === 'rejected') expect(result.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('CSV: whatever the fields, written and parsed back they are the same; any text parses', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const parser = createCsvParser(',');
        const text = csvText(rows);
        const records = [...parser.push(text), ...parser.end()];
        expect(records.map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (text, bytes) => {
        const parser = createCsvParser(detectSeparator(text));
        const records = [...parser.push(text), ...parser.end()];
        expect(records.every((r, i) => r.number === i + 1)).toBe(true);
        expect(['utf-8', 'utf-16le', 'utf-16be', 'windows-874']).toContain(detectEncoding(bytes));
      }),
      { numRuns: 500 },
    );
  });
});
