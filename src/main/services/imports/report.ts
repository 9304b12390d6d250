/**
 * The report of rejected rows, as an xlsx a clerk opens beside the file to fix it: one row per
 * problem with the sheet, the row as the spreadsheet numbers it, the column letter, the value (of
 * a dry run; an import keeps no cell values) and what is wrong, in Thai and English; a first sheet
 * says which file, when and how many.
 */
import { and, asc, eq } from 'drizzle-orm';
import { formatDateBE } from '../../../shared/domain/dates';
import { columnLetter } from '../../../shared/domain/imports/cells';
import { importKindLabels } from '../../../shared/domain/imports/kinds';
import { problemMessage, type RowProblemCode } from '../../../shared/domain/imports/problems';
import { ServiceError } from '../../../shared/domain/result';
import type { ImportOutcome } from '../../../shared/ipc/imports';
import { importProblems, imports } from '../../db/schema';
import type { AppContext } from '../context';
import { requireWorkspace } from '../session';
import { saveMode, writeTablesWorkbook } from '../xlsx';

/** A problem row of the report. */
interface ReportLine {
  sheet: string;
  row: number;
  column: string | null;
  value: string;
  th: string;
  en: string;
}

/** What the report's first sheet says. */
interface ReportFacts {
  file: string;
  kind: ImportOutcome['kind'];
  sha256: string;
  when: string;
  read: number;
  imported: number;
  rejected: number;
  total: number;
}

async function writeReport(ctx: AppContext, target: string, facts: ReportFacts, lines: readonly ReportLine[]): Promise<void> {
  const truncated = facts.total > lines.length;
  await writeTablesWorkbook(ctx, target, saveMode(ctx), [
    {
      name: 'สรุป',
      title: `รายงานการตรวจสอบไฟล์ ${facts.file}`,
      subtitle: `${importKindLabels[facts.kind].th} — ${formatDateBE(facts.when, 'th', true)}`,
      columns: [
        { label: 'รายการ / Item', type: 'text', width: 40 },
        { label: 'ค่า / Value', type: 'text', width: 70 },
      ],
      rows: [
        ['ไฟล์ / File', facts.file],
        ['SHA-256', facts.sha256],
        ['แถวข้อมูลที่อ่าน / Rows read', String(facts.read)],
        ['แถวที่นำเข้าได้ / Rows imported or importable', String(facts.imported)],
        ['แถวที่ไม่ผ่าน / Rows rejected', String(facts.rejected)],
        ['ปัญหาทั้งหมด / Problems', String(facts.total)],
        ...(truncated ? [['หมายเหตุ / Note', `แสดง ${lines.length} รายการแรกจาก ${facts.total} / the first ${lines.length} of ${facts.total}`]] : []),
      ],
    },
    {
      name: 'แถวที่ไม่ผ่าน',
      title: 'แถวที่ไม่ผ่านการตรวจสอบ / Rejected rows',
      subtitle: 'แถวและคอลัมน์ตามที่โปรแกรมตารางคำนวณแสดง (แถว 1 คือแถวแรกของชีต) / Rows and columns as the spreadsheet shows them',
      columns: [
        { label: 'ชีต / Sheet', type: 'text', width: 18 },
        { label: 'แถว / Row', type: 'number', width: 8 },
        { label: 'คอลัมน์ / Column', type: 'text', width: 10 },
        { label: 'ค่าในเซลล์ / Value', type: 'text', width: 22 },
        { label: 'ปัญหา', type: 'text', width: 70 },
        { label: 'Problem', type: 'text', width: 70 },
      ],
      rows: lines.map((l) => [l.sheet, l.row, l.column ?? '', l.value, l.th, l.en]),
    },
  ]);
}

/** Writes the report of a finished dry run or import job (its problems, with the values it saw). */
export async function reportOfJob(ctx: AppContext, jobId: string, target: string): Promise<number> {
  const job = ctx.jobs.get(jobId);
  if (job.kind !== 'import' || job.status !== 'done' || !job.result) {
    throw new ServiceError('NOT_FOUND', 'ไม่พบผลการตรวจสอบไฟล์นี้ (อาจปิดโปรแกรมไปแล้ว) กรุณาตรวจสอบไฟล์อีกครั้ง', 'No finished check of this file (the app may have restarted); check the file again', 'source');
  }
  const r = job.result;
  const lines = r.problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, value: p.value ?? '', th: p.message, en: p.messageEn }));
  await writeReport(ctx, target, { file: r.file, kind: r.kind, sha256: r.sha256, when: job.finishedAt ?? job.startedAt, read: r.rows.read, imported: r.rows.imported, rejected: r.rows.rejected, total: r.problemsTotal }, lines);
  return lines.length;
}

/** Writes the report of an import from the history (no values: the workspace keeps none). */
export async function reportOfImport(ctx: AppContext, importId: string, target: string): Promise<number> {
  const ws = requireWorkspace(ctx);
  const record = ws.db.select().from(imports).where(eq(imports.id, importId)).get();
  if (!record) throw new ServiceError('NOT_FOUND', 'ไม่พบการนำเข้านี้', 'No such import', 'source');
  const problems = ws.db
    .select()
    .from(importProblems)
    .where(and(eq(importProblems.importId, importId)))
    .orderBy(asc(importProblems.seq))
    .all();
  const lines = problems.map((p) => {
    const message = problemMessage(p.code as RowProblemCode);
    return { sheet: p.sheet, row: p.row, column: p.column === null ? null : columnLetter(p.column), value: '', th: message.th, en: message.en };
  });
  await writeReport(
    ctx,
    target,
    { file: record.fileName, kind: record.kind, sha256: record.sha256, when: record.importedAt, read: record.rowsRead, imported: record.rowsImported, rejected: record.rowsRejected, total: lines.length },
    lines,
  );
  return lines.length;
}
