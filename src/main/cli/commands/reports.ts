/**
 * The lessons' and the progress reports' forms on the shared `export` command (registered by
 * forum.ts, which lists these beside its own forms) and on `province … export` (datacenter.ts):
 *
 *   tambon-plan export --workspace W (xlsx|pdf) --form progress --out F   the tambon's progress report
 *   tambon-plan export --workspace W pdf --form lessons --out F           every lesson learned, one a page
 *   tambon-plan province --db P (xlsx|pdf) … export --form progress       the clusters' progress report
 */
import type { AppContext } from '../../services/context';
import { must } from '../runtime';

/** What an export of one of these forms answers, for `--json` and the line printed. */
export interface FormExport {
  json: Record<string, unknown>;
  th: string;
  en: string;
}

/** The tambon forms these capabilities add, by format. */
export const tambonReportForms: Record<string, { label: string; formats: Partial<Record<'xlsx' | 'pdf', (ctx: AppContext, path: string) => Promise<FormExport>>> }> = {
  progress: {
    label: 'รายงานความก้าวหน้า / progress report',
    formats: {
      xlsx: async (ctx, path) => {
        const r = await must(ctx, 'reports.exportXlsx', { path });
        return { json: { ...r }, th: `${r.sheets.length} แผ่นงาน, ${r.rows} แถว`, en: `${r.sheets.length} sheets, ${r.rows} rows` };
      },
      pdf: async (ctx, path) => {
        const r = await must(ctx, 'reports.exportPdf', { path });
        return { json: { ...r }, th: `${r.pages ?? 0} หน้า, ${r.rows} แถว`, en: `${r.pages ?? 0} pages, ${r.rows} rows` };
      },
    },
  },
  lessons: {
    label: 'บันทึกถอดบทเรียน (PDF เท่านั้น) / lessons learned (PDF only)',
    formats: {
      pdf: async (ctx, path) => {
        const r = await must(ctx, 'lessons.exportPdf', { path });
        return { json: { ...r, file: r.path }, th: `${r.lessons} เรื่อง, ${r.pages} หน้า`, en: `${r.lessons} lessons, ${r.pages} pages` };
      },
    },
  },
};

/** `province … export (xlsx|pdf) --form progress`: every cluster's progress. */
export async function exportClusterProgress(ctx: AppContext, format: 'xlsx' | 'pdf', path: string, view: 'latest' | 'accepted'): Promise<FormExport> {
  const r = await must(ctx, format === 'xlsx' ? 'reports.clusters.exportXlsx' : 'reports.clusters.exportPdf', { path, view, scope: 'all' });
  return { json: { ...r, file: r.path }, th: `${r.sheets.length} แผ่นงาน, ${r.rows} แถว`, en: `${r.sheets.length} sheets, ${r.rows} rows` };
}
