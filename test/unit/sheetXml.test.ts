import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../src/shared/domain/imports/cells';
import { readRows, type SourceRow } from '../../src/main/services/imports/source';
import { createSheetScanner, type ScannedRow } from '../../src/main/services/imports/sheetXml';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-sheetxml-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every kind of cell a survey file holds, with holes, blank rows, Thai text and characters XML escapes. */
const rows: unknown[][] = [
  ['ข้อมูล จปฐ. ปี 2563 <ตำบล> & "หมู่" \'1\''],
  [],
  ['หมู่ที่', 'บ้านเลขที่', 'รหัสบ้าน', null, 'ตัวชี้วัดที่ 1', 'รายได้'],
  [1, '12/3', '80010800001', null, 'ผ่าน', 60_000.5],
  [2, '๑๒/๔', 80_010_800_002, '', 'ไม่ผ่าน', { formula: 'A5*1000', result: 2000 }],
  [3, { richText: [{ text: 'บ้าน' }, { font: { bold: true }, text: 'เลขที่ 5' }] }, true, false, { error: '#N/A' }, { formula: 'B6&"x"', result: 'ข้อความ' }],
  [null, null, null, null, null, { formula: 'SUM(F4:F6)' }],
  [4, '  ช่องว่าง  ', 'a\tb', -0.25, 1e21, { sharedFormula: 'F5', result: 7 }],
  ['line\nbreak', '', null, null, null, null, null, null, null, null, 'K-column'],
];

async function writeWorkbook(name: string, streamed: boolean, sharedStrings: boolean): Promise<string> {
  const file = path.join(dir, name);
  if (streamed) {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings, useStyles: false });
    const sheet = workbook.addWorksheet('จปฐ');
    for (const row of rows) sheet.addRow(row).commit();
    const second = workbook.addWorksheet('อื่น');
    second.addRow(['x', 1]).commit();
    await workbook.commit();
  } else {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('จปฐ');
    rows.forEach((row, i) => {
      if (row.length) sheet.getRow(i + 1).values = row as ExcelJS.CellValue[];
    });
    sheet.getCell('F5').value = { formula: 'A5*1000', result: 2000 };
    workbook.addWorksheet('อื่น').addRow(['x', 1]);
    await workbook.xlsx.writeFile(file);
  }
  return file;
}

async function collect(file: string, dates: boolean, options: { maxRowsPerSheet?: number; sheets?: Set<string> } = {}) {
  const stats = { formulas: 0 };
  const out: SourceRow[] = [];
  for await (const row of readRows(file, { format: 'xlsx' }, { dates, ...options }, stats)) out.push(row);
  return { rows: out, formulas: stats.formulas };
}

describe('the lean worksheet reader', () => {
  for (const [name, streamed, shared] of [
    ['streamed, shared strings (sheet before the strings)', true, true],
    ['streamed, inline strings', true, false],
    ['written whole', false, true],
  ] as const) {
    it(`reads the same cells as exceljs's own rows: ${name}`, async () => {
      const file = await writeWorkbook(`${name.replace(/\W+/g, '-')}.xlsx`, streamed, shared);
      // Without dates (the lean path) and with them (exceljs's rows): no date cells here, so the same.
      const lean = await collect(file, false);
      const exceljs = await collect(file, true);
      expect(lean.rows.length).toBeGreaterThan(5);
      if (!shared) {
        // exceljs's streaming reader keeps only the last run of an inline rich text; the lean reader joins them all.
        const row6 = exceljs.rows.find((r) => r.sheet === 'จปฐ' && r.number === 6)!;
        expect(row6.cells[1]).toBe('เลขที่ 5');
        row6.cells = row6.cells.map((c, i) => (i === 1 ? 'บ้านเลขที่ 5' : c));
      }
      expect(lean.rows).toEqual(exceljs.rows);
      expect(lean.formulas).toBe(exceljs.formulas);
      expect(lean.formulas).toBe(4);
      const byNumber = new Map(lean.rows.filter((r) => r.sheet === 'จปฐ').map((r) => [r.number, r.cells]));
      expect(byNumber.get(1)).toEqual(['ข้อมูล จปฐ. ปี 2563 <ตำบล> & "หมู่" \'1\'']);
      expect(byNumber.get(6)).toEqual([3, 'บ้านเลขที่ 5', true, false, { error: '#N/A' }, 'ข้อความ']);
      expect(byNumber.get(7)).toEqual([null, null, null, null, null, { formulaWithoutValue: true }]);
      expect(byNumber.get(9)?.[10]).toBe('K-column');
      // A look at the top of each sheet, and a sheet passed over.
      const top = await collect(file, false, { maxRowsPerSheet: 2 });
      expect(top.rows.map((r) => `${r.sheet}:${r.number}`)).toEqual(exceljs.rows.filter((r) => r.sheet === 'จปฐ').slice(0, 2).map((r) => `จปฐ:${r.number}`).concat(['อื่น:1']));
      const other = await collect(file, false, { sheets: new Set(['อื่น']) });
      expect(other.rows).toEqual([{ sheet: 'อื่น', number: 1, cells: ['x', 1] }]);
    });
  }
});

/** Scans `xml` pushed in pieces of `size` characters. */
function scan(xml: string, size: number, sharedStrings: unknown[] = []): ScannedRow[] {
  const out: ScannedRow[] = [];
  let formulas = 0;
  const scanner = createSheetScanner({ sharedStrings, onFormula: () => (formulas += 1) }, (row) => out.push(row));
  for (let i = 0; i < xml.length; i += size) scanner.push(xml.slice(i, i + size));
  scanner.end();
  return formulas ? [...out, { number: -1, cells: [formulas] }] : out;
}

describe('the worksheet scanner', () => {
  const xml = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>',
    '<!-- a comment with <c> inside -->',
    '<x:row r="2" spans="1:4"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:r><x:t>ก&amp;</x:t></x:r><x:r><x:t xml:space="preserve"> ข&#x0E04;&#3591;</x:t></x:r><x:rPh><x:t>reading</x:t></x:rPh></x:is></x:c></x:row>',
    "<row r='3'><c r='$B$3' t='str'><v><![CDATA[<raw> & text]]></v></c><c r=\"D3\" t=\"e\"><v>#DIV/0!</v></c><c r=\"E3\" s=\"3\"/></row>",
    '<row r="5"><c t="b"><v>1</v></c><c><v>12.5</v></c><c t="n"><v></v></c><c t="d"><v>2020-03-01T00:00:00</v></c></row>',
    '<row r="6"/>',
    '<row r="7"><c r="A7"><f>B7*2</f><v>4</v></c><c r="B7" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C7"><f t="shared" si="0"/></c></row>',
    '</x:sheetData></x:worksheet>',
  ].join('\n');
  const expected: ScannedRow[] = [
    { number: 2, cells: ['ข้อความ', null, 'ก& ขคง'] },
    { number: 3, cells: [null, '<raw> & text', null, { error: '#DIV/0!' }] },
    { number: 5, cells: [true, 12.5, null, { date: '2020-03-01' }] },
    { number: 6, cells: [] },
    { number: 7, cells: [4, { error: '#DIV/0!' }, { formulaWithoutValue: true }] },
    { number: -1, cells: [3] },
  ];
  const shared = ['ศูนย์', { richText: [{ text: 'ข้อ' }, { text: 'ความ' }] }];

  it('reads shared, inline and rich strings, CDATA, references, errors, booleans, ISO dates and formulas, namespaced or not', () => {
    expect(scan(xml, xml.length, shared)).toEqual(expected);
  });

  it('reads the same whatever the size of the pieces the text comes in (tags, references and CDATA cut anywhere)', () => {
    for (const size of [1, 2, 3, 5, 7, 11, 64, 100]) expect(scan(xml, size, shared), `pieces of ${size}`).toEqual(expected);
  });

  it('numbers rows and columns that carry no reference by their place', () => {
    const cells: Cell[] = ['a', null, 'c'];
    expect(scan('<sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c/><c t="inlineStr"><is><t>c</t></is></c></row><row><c><v>1</v></c></row></sheetData>', 9)).toEqual([
      { number: 1, cells },
      { number: 2, cells: [1] },
    ]);
  });
});
