/**
 * The forum's forms as print HTML, read from the very workbook forms.ts fills for Excel, so the
 * PDF and the xlsx never say different things: each worksheet becomes a section on a page of its
 * own, its rows above the header rows (sheet.ts `titleRow`) the Thai title lines, the header rows
 * (the rows Excel repeats, `printTitlesRow`) a `<thead>` that Chromium repeats on every printed
 * page with the same merged cells, the rows below a `<tbody>` whose rows are never split across
 * pages, and the unbordered notes under the table (`noteRow`) lines after it. Money cells
 * (`#,##0`) are right-aligned with thousands separators; bold, size, colour and shading follow the
 * cells. A4 landscape with the page number at the foot, Sarabun inline (see printHtml.ts), so the
 * document prints the same in Electron and in a Chromium on the machine.
 */
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { escapeHtml as escape } from '../../printHtml';

/** Where each merged range starts (its size) and which cells it covers. */
interface Merges {
  spans: Map<string, { rows: number; cols: number }>;
  covered: Set<string>;
}

const key = (r: number, c: number) => `${r}:${c}`;

/** A1-style reference → row and column numbers. */
function decode(ref: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]), c };
}

function mergesOf(ws: Worksheet): Merges {
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const range of ws.model.merges ?? []) {
    const [from, to] = range.split(':') as [string, string];
    const a = decode(from);
    const b = decode(to);
    spans.set(key(a.r, a.c), { rows: b.r - a.r + 1, cols: b.c - a.c + 1 });
    for (let r = a.r; r <= b.r; r += 1) for (let c = a.c; c <= b.c; c += 1) if (r !== a.r || c !== a.c) covered.add(key(r, c));
  }
  return { spans, covered };
}

// Made on first use: the first Intl formatter of a process loads ICU's data (tens of ms), which start-up need not pay.
let moneyFormat: Intl.NumberFormat | null = null;
const money = { format: (v: number) => (moneyFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })).format(v) };

/** A cell's value as printed text, and whether it is a number. */
function cellText(cell: Cell): { text: string; numeric: boolean } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '', numeric: false };
  if (typeof v === 'number') return { text: cell.numFmt === '#,##0' ? money.format(v) : String(v), numeric: true };
  if (typeof v === 'object' && 'result' in v && typeof v.result === 'number') return { text: money.format(v.result), numeric: true };
  if (typeof v === 'object' && 'formula' in v) return { text: '0', numeric: true };
  return { text: typeof v === 'string' ? v : cell.text, numeric: false };
}

/** An ARGB colour ('FF1D5C8C') as CSS. */
const css = (argb: string | undefined) => (argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2)}` : null);

/**
 * TH SarabunPSK (the workbooks' font) draws smaller than Sarabun at the same size: 14pt of it
 * reads like Sarabun at about 10pt.
 */
const sarabunPt = (thSarabunPt: number, scale: number) => Math.round(thSarabunPt * 0.72 * scale * 10) / 10;

function hasBorder(cell: Cell): boolean {
  return Boolean(cell.border?.top ?? cell.border?.left);
}

/** The attributes of one table cell. */
function cellAttrs(cell: Cell, numeric: boolean, scale: number, span: { rows: number; cols: number } | undefined, header: boolean): string {
  const classes: string[] = [];
  const style: string[] = [];
  if (numeric) classes.push('num');
  if (!hasBorder(cell)) classes.push('nb');
  if (cell.font?.bold && !header) classes.push('b');
  if (cell.font?.size && cell.font.size !== 14) style.push(`font-size:${sarabunPt(cell.font.size, scale)}pt`);
  const color = css(cell.font?.color?.argb);
  if (color && color !== '#000000') style.push(`color:${color}`);
  const fill = cell.fill?.type === 'pattern' ? css(cell.fill.fgColor?.argb) : null;
  if (fill && !header) style.push(`background:${fill}`);
  // Numbers are right-aligned (td.num) unless the form centres them (an order number).
  const align = cell.alignment?.horizontal;
  if (!header && (align === 'center' || (!numeric && align === 'right'))) style.push(`text-align:${align}`);
  return [
    classes.length ? ` class="${classes.join(' ')}"` : '',
    span && span.rows > 1 ? ` rowspan="${span.rows}"` : '',
    span && span.cols > 1 ? ` colspan="${span.cols}"` : '',
    style.length ? ` style="${style.join(';')}"` : '',
  ].join('');
}

/** One row's cells as `<td>`/`<th>`; merged-over cells left out. */
function rowCells(ws: Worksheet, r: number, width: number, merges: Merges, scale: number, header: boolean): { html: string; empty: boolean } {
  const tag = header ? 'th' : 'td';
  let html = '';
  let empty = true;
  for (let c = 1; c <= width; c += 1) {
    if (merges.covered.has(key(r, c))) continue;
    const cell = ws.getCell(r, c);
    const { text, numeric } = cellText(cell);
    if (text) empty = false;
    html += `<${tag}${cellAttrs(cell, numeric, scale, merges.spans.get(key(r, c)), header)}>${wholePlaceNames(escape(text))}</${tag}>`;
  }
  return { html, empty };
}

/**
 * A place's name after its area word (ตำบล, อำเภอ, จังหวัด, เทศบาล…) kept on one line, with the line
 * allowed to break before it: Chromium's Thai word breaker does not know most place names and, in
 * a narrow column, split "องค์การบริหารส่วนตำบลนาทราย" as "…ตำบลนาท / ราย". Names longer than 24
 * letters are left to the breaker, so a long run of text cannot overflow its cell.
 */
export function wholePlaceNames(html: string): string {
  return html.replace(/(ตำบล|อำเภอ|จังหวัด|เทศบาล(?:ตำบล|เมือง|นคร)?)([\u0E00-\u0E7F]{2,24})(?=[^\u0E00-\u0E7F]|$)/gu, '$1<wbr><span class="pn">$2</span>');
}

/** A line outside the table (a title or a note): its merged cell's text, size, weight and alignment. */
function line(ws: Worksheet, r: number, scale: number, kind: 'title' | 'note'): string {
  const cell = ws.getCell(r, 1);
  const { text } = cellText(cell);
  if (!text) return `<div class="gap"></div>`;
  const style = [`font-size:${sarabunPt(cell.font?.size ?? 14, scale)}pt`, `font-weight:${cell.font?.bold ? 700 : 400}`];
  // Title rows say how they align (sheet.ts `titleRow`); notes, like the guide's lines, read from the left.
  if (kind === 'title') style.push(`text-align:${cell.alignment?.horizontal === 'center' ? 'center' : 'left'}`);
  const color = css(cell.font?.color?.argb);
  if (color && color !== '#000000') style.push(`color:${color}`);
  return `<p class="${kind}" style="${style.join(';')}">${escape(text)}</p>`;
}

/** The header rows Excel repeats on every page ("5:7"), when they are a bordered table header. */
function headerOf(ws: Worksheet): { first: number; last: number } | null {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(ws.pageSetup.printTitlesRow ?? '');
  if (!m) return null;
  const first = Number(m[1]);
  // A sheet without a table (the village-plan guide) names its title row; that is no header.
  return hasBorder(ws.getCell(first, 1)) ? { first, last: Number(m[2]) } : null;
}

/** One worksheet as a section: title lines, the table, the notes under it. */
function sheetHtml(ws: Worksheet): string {
  const widths = (ws.columns ?? []).map((c) => c.width ?? 10);
  const width = Math.max(widths.length, 1);
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  // Wide tables (ผ.02 with five plan years) print a little smaller, so the amounts fit on one line.
  const scale = Math.min(1, Math.max(0.8, 200 / total));
  const merges = mergesOf(ws);
  const header = headerOf(ws);
  const last = ws.rowCount;
  const titles: string[] = [];
  const head: string[] = [];
  const body: string[] = [];
  const notes: string[] = [];
  const tableStart = header?.first ?? last + 1;
  for (let r = 1; r < tableStart; r += 1) titles.push(line(ws, r, scale, 'title'));
  if (header) {
    for (let r = header.first; r <= header.last; r += 1) head.push(`<tr>${rowCells(ws, r, width, merges, scale, true).html}</tr>`);
    // The rows under the table that carry no border are notes (sheet.ts `noteRow`), printed after it.
    let end = last;
    while (end > header.last && !hasBorder(ws.getCell(end, 1))) end -= 1;
    for (let r = header.last + 1; r <= end; r += 1) {
      const { html, empty } = rowCells(ws, r, width, merges, scale, false);
      // A row the form makes taller (room to sign) is at least as tall on paper.
      const height = ws.getRow(r).height;
      const attrs = `${empty ? ' class="blank"' : ''}${height ? ` style="height:${height}pt"` : ''}`;
      body.push(`<tr${attrs}>${html}</tr>`);
    }
    for (let r = end + 1; r <= last; r += 1) notes.push(line(ws, r, scale, 'note'));
  }
  const cols = widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
  const table = header
    ? `<table style="font-size:${sarabunPt(14, scale)}pt"><colgroup>${cols}</colgroup><thead>${head.join('')}</thead><tbody>${body.join('')}</tbody></table>`
    : '';
  return `<section class="sheet"><div class="titles">${titles.join('')}</div>${table}${notes.length ? `<div class="notes">${notes.join('')}</div>` : ''}</section>`;
}

/** Print HTML of a filled workbook: every worksheet in order, each from a new page. */
export function workbookHtml(wb: Workbook, options: { title: string; fontFaces: string }): string {
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${escape(options.title)}</title><style>
${options.fontFaces}
@page{size:A4 landscape;margin:11mm 10mm 13mm;@bottom-center{content:"หน้า " counter(page) " จาก " counter(pages);font-family:'Sarabun',sans-serif;font-size:9pt}}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:'Sarabun',sans-serif;color:#000;margin:0;line-height:1.35}
/* Important: Thai marks stacked over a vowel (ที่, รั่) rise above the line box; a sheet's first line
   at the very top of a page would paint them at the foot of the page before. The padding keeps them in. */
.sheet{padding-top:1.5mm}
.sheet+.sheet{break-before:page}
.titles p{margin:0 0 0.8mm;line-height:1.5}
.gap{height:2.5mm}
table{width:100%;border-collapse:collapse;table-layout:fixed}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
th,td{border:0.25mm solid #000;padding:0.7mm 1.4mm;vertical-align:top;white-space:pre-line;overflow-wrap:break-word;text-align:left}
th{background:#E7F0F7;vertical-align:middle;text-align:center;font-weight:700}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.nb{border:none}
.pn{white-space:nowrap}
td.b{font-weight:700}
tr.blank td{height:7mm}
.notes{margin-top:2mm}
.notes p{margin:0 0 1mm;white-space:pre-line}
</style></head><body>
${wb.worksheets.map(sheetHtml).join('\n')}
</body></html>`;
}
