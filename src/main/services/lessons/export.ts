/**
 * The lessons' PDF: one lesson, the lessons of one target, or every lesson, printed from the
 * print document (print.ts) through the print port (Electron's printToPDF in the app, a Chromium on
 * the machine from the command line and the harness), A4 portrait, put in place by the one atomic
 * writer (a file open in a PDF reader keeps its old content and the person is told) and audited;
 * and the same lessons as a Word document (docx.ts).
 */
import path from 'node:path';
import { isNull } from 'drizzle-orm';
import type { Lesson, LessonTarget } from '../../../shared/domain/lessons';
import { refused } from '../../../shared/domain/result';
import { tambon } from '../../db/schema';
import type { AppContext } from '../context';
import { writeFileAtomic } from '../files';
import { putExport, withExtension } from '../forum/exports/output';
import { countPdfPages } from '../forum/exports/pdf';
import { sarabunFontFaces } from '../printHtml';
import { requireWorkspace } from '../session';
import { write } from '../write';
import { getLesson, searchLessonIds } from './lessons';
import { lessonsDocx } from './docx';
import { lessonsHtml, type LessonsDocumentContext } from './print';

/** Which lessons to print: one by id, several in the order given, those of a target, or (none of these) every lesson. */
export interface LessonSelection {
  id?: string | undefined;
  ids?: string[] | undefined;
  target?: LessonTarget | undefined;
}

/** The selected lessons and the heading of their document. */
function selected(ctx: AppContext, selection: LessonSelection): { lessons: Lesson[]; context: LessonsDocumentContext } {
  const ws = requireWorkspace(ctx);
  const ids = selection.id ? [selection.id] : (selection.ids ?? searchLessonIds(ws.sqlite, { target: selection.target }));
  if (ids.length === 0) throw refused('ยังไม่มีบันทึกถอดบทเรียนให้พิมพ์', 'There are no lessons to print', selection.target ? 'target' : undefined);
  const lessons = ids.map((id) => getLesson(ws.db, id));
  const t = ws.db.select().from(tambon).where(isNull(tambon.deletedAt)).get();
  return { lessons, context: { tambonNameTh: t?.nameTh ?? '', districtNameTh: t?.districtNameTh ?? '', provinceNameTh: t?.provinceNameTh ?? '', printedAt: ctx.clock() } };
}

/** The print HTML of the selected lessons and how many there are. */
export function lessonsDocument(ctx: AppContext, selection: LessonSelection): { html: string; count: number } {
  const { lessons, context } = selected(ctx, selection);
  return { html: lessonsHtml(lessons, context, sarabunFontFaces(ctx.resourcesDir)), count: lessons.length };
}

async function audit(ctx: AppContext, detail: Record<string, unknown>): Promise<void> {
  const ws = ctx.session.workspace;
  if (!ws || ws.readonly) return;
  // Exports are recorded with the operator (DESIGN.md section 4); no row changes, so no change event.
  await write(ctx, { capability: 'lessons', action: 'lessons.export' }, (tx) => {
    tx.detail = detail;
  }).catch((error: unknown) => ctx.log.warn(`export not audited: ${(error as Error).message}`));
}

/** Writes the selected lessons as a Word document (.docx) to `target`. */
export async function exportLessonsDocx(ctx: AppContext, selection: LessonSelection, target: string): Promise<{ path: string; bytes: number; lessons: number }> {
  const { lessons, context } = selected(ctx, selection);
  const data = lessonsDocx(lessons, context);
  const file = path.extname(target).toLowerCase() === '.docx' ? target : `${target}.docx`;
  await putExport(ctx, file, 'docx', () => writeFileAtomic(ctx.fs, file, data));
  await audit(ctx, { format: 'docx', file: path.basename(file), lessons: lessons.length });
  return { path: file, bytes: data.byteLength, lessons: lessons.length };
}

/** Prints the selected lessons to `target` (a path already resolved by the caller's path policy). */
export async function exportLessonsPdf(ctx: AppContext, selection: LessonSelection, target: string): Promise<{ path: string; bytes: number; pages: number; lessons: number }> {
  const { html, count } = lessonsDocument(ctx, selection);
  const pdf = await ctx.print.pdf(html, { pageSize: 'A4', landscape: false });
  const file = withExtension(target, 'pdf');
  await putExport(ctx, file, 'pdf', () => writeFileAtomic(ctx.fs, file, pdf));
  const pages = countPdfPages(pdf);
  await audit(ctx, { format: 'pdf', file: path.basename(file), lessons: count, pages });
  return { path: file, bytes: pdf.byteLength, pages, lessons: count };
}
