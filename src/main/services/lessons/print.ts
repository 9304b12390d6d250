/**
 * The print document of lessons learned: one lesson, or every lesson of a target, as an A4
 * portrait document laid out like the paper form offices keep (แบบบันทึกการถอดบทเรียน): the
 * heading, a table of the record's facts (date, place, recorder, what it is attached to,
 * keywords), then the story, the knowledge assets, the core competency, the strategy and the
 * related rules under their headings, one lesson per page. Sarabun inline (printHtml.ts), so it
 * prints the same in Electron and in a Chromium on the machine; a Word user opens the PDF or
 * copies from it.
 */
import { formatDateBE } from '../../../shared/domain/dates';
import { lessonLabels, type Lesson } from '../../../shared/domain/lessons';
import { escapeHtml as escape } from '../printHtml';

/** Where the document comes from, for its heading. */
export interface LessonsDocumentContext {
  tambonNameTh: string;
  districtNameTh: string;
  provinceNameTh: string;
  /** When it was printed (shown at the foot of each lesson). */
  printedAt: Date;
}

/** A long field under its heading: each line a paragraph of its own, indented as Thai documents are. */
function section(label: string, text: string): string {
  if (text.trim() === '') return '';
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<p class="body">${escape(line)}</p>`);
  return `<h3>${escape(label)}</h3>${paragraphs.join('')}`;
}

function lessonHtml(lesson: Lesson, context: LessonsDocumentContext): string {
  const facts: [string, string][] = [
    [lessonLabels.heldOn.th, lesson.heldOn ? formatDateBE(`${lesson.heldOn}T12:00:00`) : '-'],
    [lessonLabels.place.th, lesson.place ?? '-'],
    [lessonLabels.recorder.th, lesson.recorder ?? '-'],
    [lessonLabels.target.th, lesson.targetLabel ?? '-'],
    [lessonLabels.keywords.th, lesson.keywords.length ? lesson.keywords.join(', ') : '-'],
  ];
  return `<section class="lesson">
<p class="kicker">แบบบันทึกการถอดบทเรียน · ต.${escape(context.tambonNameTh)} อ.${escape(context.districtNameTh)} จ.${escape(context.provinceNameTh)}</p>
<h2>${escape(lesson.title)}</h2>
<table class="facts">${facts.map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v)}</td></tr>`).join('')}</table>
${section(lessonLabels.story.th, lesson.story)}
${section(lessonLabels.knowledgeAssets.th, lesson.knowledgeAssets)}
${section(lessonLabels.coreCompetency.th, lesson.coreCompetency)}
${section(lessonLabels.strategy.th, lesson.strategy)}
${section(lessonLabels.relatedRules.th, lesson.relatedRules)}
<p class="printed">พิมพ์เมื่อ ${escape(formatDateBE(context.printedAt, 'th', true))}</p>
</section>`;
}

/** The print HTML of `lessons` (at least one), each from a new page. */
export function lessonsHtml(lessons: readonly Lesson[], context: LessonsDocumentContext, fontFaces: string): string {
  const title = lessons.length === 1 ? lessons[0]!.title : `บันทึกการถอดบทเรียน ${lessons.length} เรื่อง`;
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
${fontFaces}
@page{size:A4 portrait;margin:20mm 20mm 18mm 25mm;@bottom-center{content:"หน้า " counter(page) " จาก " counter(pages);font-family:'Sarabun',sans-serif;font-size:9pt}}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:'Sarabun',sans-serif;color:#000;margin:0;font-size:12pt;line-height:1.55}
/* Important: the padding keeps Thai marks stacked over a vowel inside the page at its top (see forum/exports/html.ts). */
.lesson{padding-top:1.5mm}
.lesson+.lesson{break-before:page}
.kicker{margin:0;font-size:10pt;color:#333}
h2{font-size:17pt;margin:1mm 0 4mm;line-height:1.4}
h3{font-size:13pt;margin:5mm 0 1mm;break-after:avoid}
table.facts{border-collapse:collapse;width:100%;margin-bottom:2mm}
table.facts th,table.facts td{border:0.25mm solid #000;padding:1mm 2mm;text-align:left;vertical-align:top;overflow-wrap:break-word}
table.facts th{width:32%;background:#E7F0F7;font-weight:700}
p.body{margin:0 0 1mm;text-indent:10mm;overflow-wrap:break-word;orphans:2;widows:2}
.printed{margin-top:6mm;font-size:9pt;color:#555;text-align:right}
</style></head><body>
${lessons.map((lesson) => lessonHtml(lesson, context)).join('\n')}
</body></html>`;
}
