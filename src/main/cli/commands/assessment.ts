/**
 * `tambon-plan assessment --workspace W (framework --file PATH | import --file PATH [--dry-run]
 * [--strict] [--replace] | grades [--round LABEL] | export --out PATH)`: the self-assessment of
 * community potential. `framework` sets the workspace's framework from a JSON file (scores of
 * criteria it lacks are kept and reported); `import` reads the scores workbook back through the
 * import job (kind `assessment`, the import's `--json` shape); `grades` prints DESIGN.md §6's
 * `{"framework","rounds":[{"label","units":[{"moo","percent","grade","components"}]}]}`.
 */
import type { Command } from 'commander';
import { ZodError } from 'zod';
import type { FrameworkView, GradesView } from '../../../shared/ipc/assessment';
import type { ImportOutcome } from '../../../shared/ipc/imports';
import { validationError } from '../../services/errors';
import { runJobInline } from '../../services/jobs/inline';
import { fields, table } from '../format';
import { jsonText, must, Refusal, type CommandModule } from '../runtime';
import { formatOutcome } from './imports';

const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)}%`);

/** The grades as one table per round. */
export function formatGrades(g: GradesView): string {
  if (g.rounds.length === 0) return `ยังไม่มีรอบการประเมิน / No assessment rounds yet (framework ${g.framework})`;
  return g.rounds
    .map((r) =>
      [
        `รอบ / Round: ${r.label}`,
        table(
          [
            { header: ['หน่วย', 'Unit'] },
            { header: ['ร้อยละ', 'Percent'], align: 'right' },
            { header: ['ระดับ', 'Grade'] },
            ...(r.units[0]?.components ?? []).map((c) => ({ header: [`องค์ ${c.no}`, `C${c.no}`] as [string, string], align: 'right' as const })),
          ],
          r.units.map((u) => [
            u.moo === null ? 'ตำบล / tambon' : `หมู่ ${u.moo}`,
            pct(u.percent),
            u.grade ?? (u.percent === null ? 'ยังประเมินไม่ครบ / incomplete' : '—'),
            ...u.components.map((c) => pct(c.percent)),
          ]),
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

function formatFramework(v: FrameworkView & { unscored?: string[] }): string {
  return fields([
    ['กรอบการประเมิน / Framework', `${v.framework.id} — ${v.framework.name}`],
    ['องค์ประกอบ / Components', String(v.framework.components.length)],
    ['เกณฑ์ / Criteria', String(v.framework.components.reduce((n, c) => n + c.criteria.length, 0))],
    ['ระดับ / Grades', v.framework.grades.map((g) => `${g.grade} ≥ ${g.minPercent}%`).join(', ')],
    ...(v.orphaned.length ? ([['คะแนนที่เก็บไว้แต่ไม่นับ / Kept, not counted', `เกณฑ์ข้อ ${v.orphaned.join(', ')} ไม่มีในกรอบนี้ / not in this framework`]] as [string, string][]) : []),
  ]);
}

/** Registers `assessment`. */
export const assessmentCommands: CommandModule = (program, runtime) => {
  const command = program
    .command('assessment')
    .description('ประเมินศักยภาพชุมชน (ชุมชนอินทรีย์อยู่ดีมีสุข) / community self-assessment, grades A/B/C')
    .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงาน / the workspace file')
    .option('--json', 'ผลแบบ JSON / machine-readable output');
  type Opts = { workspace: string; json?: boolean };

  command
    .command('framework')
    .description('ตั้งกรอบการประเมินจากไฟล์ JSON / set the framework from a JSON file')
    .requiredOption('--file <path>', 'ไฟล์กรอบการประเมิน (.json) / the framework file')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts & { file: string }>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'change');
        const view = await must(ctx, 'assessment.setFramework', { path: runtime.resolvePath(opts.file) });
        return { json: { framework: view.framework.id, name: view.framework.name, orphaned: view.orphaned, unscored: view.unscored }, text: formatFramework(view) };
      });
    });

  command
    .command('import')
    .description('นำเข้าไฟล์คะแนน (ชีตละรอบ) / import the scores workbook (a sheet per round)')
    .requiredOption('--file <path>', 'ไฟล์คะแนน (.xlsx) / the scores workbook')
    .option('--dry-run', 'ตรวจสอบอย่างเดียว ไม่บันทึก / check only, save nothing')
    .option('--strict', 'ปฏิเสธทั้งไฟล์ถ้ามีแถวที่ไม่ผ่าน / refuse the whole file when any row is rejected')
    .option('--replace', 'นำเข้าไฟล์ที่เคยนำเข้าแล้วแทนที่ของเดิม / import a file already imported again, replacing it')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts & { file: string; dryRun?: boolean; strict?: boolean; replace?: boolean }>();
      const json = Boolean(opts.json);
      await runtime.run(json, async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, opts.dryRun ? 'read' : 'change');
        let outcome: ImportOutcome;
        try {
          outcome = await runJobInline(ctx, 'import', {
            path: runtime.resolvePath(opts.file),
            kind: 'assessment',
            year: null,
            dryRun: Boolean(opts.dryRun),
            strict: Boolean(opts.strict),
            replace: Boolean(opts.replace),
            problemLimit: 1_000_000,
          });
        } catch (error) {
          if (error instanceof ZodError) {
            const e = validationError(error);
            throw new Refusal({ ...e, field: e.field === 'path' ? 'file' : e.field });
          }
          throw error;
        }
        if (outcome.status === 'refused') {
          runtime.io.stdout.write(`${json ? jsonText(outcome) : formatOutcome(outcome)}\n`);
          throw new Refusal({ code: 'REFUSED', messageTh: outcome.refusal?.th ?? 'ปฏิเสธทั้งไฟล์', messageEn: outcome.refusal?.en ?? 'The file was refused' });
        }
        return { json: outcome, text: formatOutcome(outcome) };
      });
    });

  command
    .command('grades')
    .description('ร้อยละและระดับของทุกหมู่บ้านและตำบลในแต่ละรอบ / percent and grade of every unit per round')
    .option('--round <label>', 'เฉพาะรอบนี้ / only this round')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts & { round?: string }>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'read');
        const grades = await must(ctx, 'assessment.grades', opts.round === undefined ? {} : { round: opts.round });
        return { json: grades, text: formatGrades(grades) };
      });
    });

  command
    .command('export')
    .description('ส่งออกไฟล์คะแนน ชีตละรอบ / export the scores workbook, a sheet per round')
    .requiredOption('--out <path>', 'ไฟล์ที่จะบันทึก (.xlsx) / the workbook to write')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts & { out: string }>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'read');
        const result = await must(ctx, 'assessment.exportWorkbook', { path: runtime.resolvePath(opts.out) });
        return { json: result, text: fields([['ไฟล์ / File', result.path], ['ชีต / Sheets', result.sheets.join(', ')]]) };
      });
    });
};
