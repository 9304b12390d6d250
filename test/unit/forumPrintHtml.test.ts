/**
 * The print HTML of a filled workbook (what the forum's PDF exports print): a sheet laid out with
 * sheet.ts's helpers reads back as title lines, a thead with the merged header cells, money
 * right-aligned with thousands separators (a SUM as its result), bands and notes, A4 landscape,
 * rows kept whole.
 */
import * as ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { wholePlaceNames, workbookHtml } from '../../src/main/services/forum/exports/html';
import { bandRow, dataRow, finishSheet, gapRow, headerRows, noteRow, startSheet, sumOf, titleRow } from '../../src/main/services/forum/exports/sheet';

function sample(): string {
  const wb = new ExcelJS.Workbook();
  const s = startSheet(wb.addWorksheet('ผ.02'), [6, 30, 14, 14]);
  titleRow(s, 'รายละเอียดโครงการพัฒนา', { size: 18 });
  titleRow(s, 'ประเด็นที่ 1 <ทดสอบ>', { bold: false, align: 'left' });
  gapRow(s);
  const header = headerRows(s, 2, [
    { r: 0, c: 0, rows: 2, text: 'ที่' },
    { r: 0, c: 1, rows: 2, text: 'โครงการ' },
    { r: 0, c: 2, cols: 2, text: 'งบประมาณ' },
    { r: 1, c: 2, text: '2567' },
    { r: 1, c: 3, text: '2568' },
  ]);
  bandRow(s, 'ยุทธศาสตร์ที่ 1');
  const a = dataRow(s, [1, 'ขุดลอกคลอง\nหมู่ที่ 1–2', 1_234_567, '-'], { center: [0, 3] });
  const b = dataRow(s, [2, 'ตลาดนัดชุมชน', 60_000, 5_000]);
  dataRow(s, ['', 'รวม', sumOf(3, [a, b], [1_234_567, 60_000]), 5_000], { bold: true, band: true });
  dataRow(s, [null, '', '', null]);
  noteRow(s, 'หมายเหตุ: จัดลำดับแล้ว 2 โครงการ', { bold: true, color: 'FFB42318' });
  finishSheet(s, header.first, header.last);

  const guide = startSheet(wb.addWorksheet('คำอธิบาย'), [110]);
  titleRow(guide, 'แบบฟอร์มแผนชุมชน', { align: 'left' });
  noteRow(guide, '• กรอกหนึ่งรายการต่อหนึ่งแถว');
  finishSheet(guide, 1, 1);
  return workbookHtml(wb, { title: 'ทดสอบ', fontFaces: '@font-face{font-family:Sarabun}' });
}

describe('the print HTML of a workbook', () => {
  const html = sample();

  it('is A4 landscape in Sarabun, each sheet from a new page, rows kept whole, the header repeated', () => {
    expect(html).toContain('@font-face{font-family:Sarabun}');
    expect(html).toContain('size:A4 landscape');
    expect(html).toContain('.sheet+.sheet{break-before:page}');
    expect(html).toContain('tr{break-inside:avoid');
    expect(html).toContain('thead{display:table-header-group}');
    expect(html.match(/<section class="sheet">/g)).toHaveLength(2);
  });

  it('puts the title rows above the table and the header rows, merged as in Excel, in the thead', () => {
    const [first] = html.split('<section class="sheet">').slice(1) as [string];
    const titles = first.slice(0, first.indexOf('<table'));
    expect(titles).toContain('>รายละเอียดโครงการพัฒนา</p>');
    expect(titles).toContain('text-align:left">ประเด็นที่ 1 &#60;ทดสอบ&#62;</p>');
    const thead = first.slice(first.indexOf('<thead>'), first.indexOf('</thead>'));
    expect(thead.match(/<tr>/g)).toHaveLength(2);
    expect(thead).toContain('<th rowspan="2">ที่</th>');
    expect(thead).toContain('<th colspan="2">งบประมาณ</th>');
    expect(thead).toContain('<th>2568</th>');
    expect(first).toMatch(/<col style="width:9\.38%">/);
  });

  it('prints money right-aligned with thousands separators, a SUM as its value, bands, blank rows and notes', () => {
    const [first] = html.split('<section class="sheet">').slice(1) as [string];
    const tbody = first.slice(first.indexOf('<tbody>'), first.indexOf('</tbody>'));
    expect(tbody).toContain('<td class="num">1,234,567</td>');
    expect(tbody).toContain('<td class="num">1</td>');
    expect(tbody).toContain('<td style="text-align:center">-</td>');
    expect(tbody).toContain('ขุดลอกคลอง\nหมู่ที่ 1–2');
    expect(tbody).toMatch(/<td class="num b"[^>]*>1,294,567<\/td>/);
    expect(tbody).toMatch(/<td class="b" colspan="4" style="background:#F3F4F6">ยุทธศาสตร์ที่ 1<\/td>/);
    expect(tbody).toContain('<tr class="blank">');
    const notes = first.slice(first.indexOf('</table>'));
    expect(notes).toContain('color:#B42318">หมายเหตุ: จัดลำดับแล้ว 2 โครงการ</p>');
  });

  it('prints a sheet without a table header (the guide) as lines only', () => {
    const guide = html.split('<section class="sheet">')[2]!;
    expect(guide).not.toContain('<table');
    expect(guide).toContain('text-align:left">• กรอกหนึ่งรายการต่อหนึ่งแถว</p>');
  });
});

describe('place names in the printed cells', () => {
  it('keeps a place name whole after its area word, with a break allowed before it', () => {
    expect(wholePlaceNames('องค์การบริหารส่วนตำบลนาทราย')).toBe('องค์การบริหารส่วนตำบล<wbr><span class="pn">นาทราย</span>');
    expect(wholePlaceNames('เทศบาลตำบลท่าศาลา อำเภอท่าศาลา')).toBe(
      'เทศบาลตำบล<wbr><span class="pn">ท่าศาลา</span> อำเภอ<wbr><span class="pn">ท่าศาลา</span>',
    );
  });

  it('leaves text without an area word, and runs too long to be a name, to the word breaker', () => {
    expect(wholePlaceNames('ถนนยาว 1,200 เมตร')).toBe('ถนนยาว 1,200 เมตร');
    const long = 'ตำบลที่มีประชาชนอาศัยอยู่หนาแน่นมากที่สุดในภาคใต้ของประเทศ';
    expect(wholePlaceNames(long)).toBe(long);
  });
});
