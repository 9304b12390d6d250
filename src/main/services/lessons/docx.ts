/**
 * The lessons as a Word document (.docx, Office Open XML), for offices that keep their records in
 * Word: the same content and order as the print document (print.ts) — heading, a table of the
 * record's facts, then each long field under its heading, one paragraph per line, one lesson per
 * page — in TH SarabunPSK 16 pt, the government documents' font (Word and LibreOffice substitute
 * where it is missing), A4 with the margins of the paper form.
 *
 * Written by hand rather than with a library: a document of paragraphs and one table is four small
 * XML parts in a zip, and the zip writer the packages use (packages/zip.ts) is already here, so no
 * dependency is needed for it. The XML is escaped once, in {@link xml}; Thai text needs nothing
 * else (the `cs` font and size are set so Word shapes complex script with the Thai font).
 */
import { formatDateBE } from '../../../shared/domain/dates';
import { lessonLabels, type Lesson } from '../../../shared/domain/lessons';
import { writeZip } from '../packages/zip';
import type { LessonsDocumentContext } from './print';

/** `text` safe in XML text and attribute values; characters XML 1.0 forbids are dropped. */
function xml(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing the control characters XML 1.0 cannot carry is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

const font = 'TH SarabunPSK';
/** Half-points: 32 = 16 pt. */
const size = { body: 32, heading: 40, sub: 34, small: 26 };

function run(text: string, options: { bold?: boolean; size?: number } = {}): string {
  const sz = options.size ?? size.body;
  const bold = options.bold ? '<w:b/><w:bCs/>' : '';
  return `<w:r><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}"/>${bold}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/></w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r>`;
}

function paragraph(text: string, options: { bold?: boolean; size?: number; indent?: boolean; keepNext?: boolean; pageBreakBefore?: boolean; align?: 'right' } = {}): string {
  const props = [
    options.pageBreakBefore ? '<w:pageBreakBefore/>' : '',
    options.keepNext ? '<w:keepNext/>' : '',
    '<w:spacing w:after="60"/>',
    options.indent ? '<w:ind w:firstLine="720"/>' : '',
    options.align ? `<w:jc w:val="${options.align}"/>` : '',
  ].join('');
  return `<w:p><w:pPr>${props}</w:pPr>${run(text, options)}</w:p>`;
}

function factsTable(rows: [string, string][]): string {
  const border = '<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>';
  const cell = (text: string, width: number, head: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${head ? '<w:shd w:val="clear" w:color="auto" w:fill="E7F0F7"/>' : ''}</w:tcPr><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>${run(text, { bold: head })}</w:p></w:tc>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${border}</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="2900"/><w:gridCol w:w="6100"/></w:tblGrid>${rows
    .map(([k, v]) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cell(k, 2900, true)}${cell(v, 6100, false)}</w:tr>`)
    .join('')}</w:tbl>`;
}

function lessonBody(lesson: Lesson, context: LessonsDocumentContext, first: boolean): string {
  const parts = [
    paragraph(`แบบบันทึกการถอดบทเรียน · ต.${context.tambonNameTh} อ.${context.districtNameTh} จ.${context.provinceNameTh}`, { size: size.small, pageBreakBefore: !first }),
    paragraph(lesson.title, { bold: true, size: size.heading, keepNext: true }),
    factsTable([
      [lessonLabels.heldOn.th, lesson.heldOn ? formatDateBE(`${lesson.heldOn}T12:00:00`) : '-'],
      [lessonLabels.place.th, lesson.place ?? '-'],
      [lessonLabels.recorder.th, lesson.recorder ?? '-'],
      [lessonLabels.target.th, lesson.targetLabel ?? '-'],
      [lessonLabels.keywords.th, lesson.keywords.length ? lesson.keywords.join(', ') : '-'],
    ]),
  ];
  for (const [label, text] of [
    [lessonLabels.story.th, lesson.story],
    [lessonLabels.knowledgeAssets.th, lesson.knowledgeAssets],
    [lessonLabels.coreCompetency.th, lesson.coreCompetency],
    [lessonLabels.strategy.th, lesson.strategy],
    [lessonLabels.relatedRules.th, lesson.relatedRules],
  ] as const) {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    parts.push(paragraph(label, { bold: true, size: size.sub, keepNext: true }));
    for (const line of lines) parts.push(paragraph(line, { indent: true }));
  }
  parts.push(paragraph(`พิมพ์เมื่อ ${formatDateBE(context.printedAt, 'th', true)}`, { size: size.small, align: 'right' }));
  return parts.join('');
}

/** The .docx file of `lessons` (at least one), each from a new page. */
export function lessonsDocx(lessons: readonly Lesson[], context: LessonsDocumentContext): Buffer {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  // A4 (11906 × 16838 twentieths of a point), margins 2.5 cm left, 2 cm elsewhere.
  const section = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${ns}><w:body>${lessons.map((l, i) => lessonBody(l, context, i === 0)).join('')}${section}</w:body></w:document>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${ns}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}" w:eastAsia="${font}"/><w:sz w:val="${size.body}"/><w:szCs w:val="${size.body}"/><w:lang w:val="th-TH" w:bidi="th-TH"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`;
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const documentRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes, 'utf8') },
    { name: '_rels/.rels', data: Buffer.from(rels, 'utf8') },
    { name: 'word/document.xml', data: Buffer.from(document, 'utf8') },
    { name: 'word/_rels/document.xml.rels', data: Buffer.from(documentRels, 'utf8') },
    { name: 'word/styles.xml', data: Buffer.from(styles, 'utf8') },
  ]);
}
