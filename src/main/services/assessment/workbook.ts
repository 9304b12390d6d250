/**
 * The scores workbook (DESIGN.md section 3): one sheet per round, named by its label; a title and
 * the scale above a header row `หมู่ที่` then one column per criterion number; a row per village
 * (its หมู่ที่) and `ตำบล` in the first column for the tambon, with the scores given so far. Filled
 * offline, it comes back through the import job (kind `assessment`).
 */
import { criteriaOf } from '../../../shared/domain/assessment';
import type { AppContext } from '../context';
import { requireWorkspace } from '../session';
import { saveMode, writeTablesWorkbook, type TableSheet } from '../xlsx';
import { currentFramework } from './framework';
import { liveRounds, roundScores, workspaceUnits } from './rounds';

/** The header of the first column, and the tambon's row label. */
export const workbookHeads = { moo: 'หมู่ที่', tambon: 'ตำบล' } as const;

/** Writes the scores workbook of every live round to `userPath`; answers the path and the sheets. */
export async function exportScoresWorkbook(ctx: AppContext, userPath: string): Promise<{ path: string; sheets: string[] }> {
  const { db } = requireWorkspace(ctx);
  const { framework } = currentFramework(db, ctx.resourcesDir);
  const criteria = criteriaOf(framework);
  const units = workspaceUnits(db);
  const rounds = liveRounds(db);
  const sheets: TableSheet[] = (rounds.length > 0 ? rounds : [{ id: '', label: 'ก่อน' }]).map((round) => {
    const scores = round.id ? roundScores(db, round.id) : new Map<string, Map<string, number>>();
    return {
      name: round.label,
      title: `${framework.name} — รอบ ${round.label}`,
      subtitle: `คะแนน ${framework.scale.min}–${framework.scale.max} ต่อเกณฑ์ (เว้นว่างถ้ายังไม่ได้ประเมิน) · ${framework.components.map((c) => `${c.no}. ${c.name}`).join(' · ')}`,
      columns: [{ label: workbookHeads.moo, type: 'number', width: 10 }, ...criteria.map((k) => ({ label: k.no, type: 'number' as const, width: 8 }))],
      rows: units.map((u) => [u.moo ?? workbookHeads.tambon, ...criteria.map((k) => scores.get(u.key)?.get(k.no) ?? null)]),
    };
  });
  const target = ctx.paths.resolve(userPath);
  await writeTablesWorkbook(ctx, target, saveMode(ctx), sheets);
  return { path: target, sheets: sheets.map((s) => s.name) };
}
