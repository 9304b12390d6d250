/**
 * `tambon-plan import` and `tambon-plan imports list | undo`: import a survey file, check it
 * without writing (--dry-run), refuse it whole when any row is rejected (--strict), import a file
 * already imported again (--replace); list imports and undo one as a whole.
 *
 * The import runs in-process, on the command line's own thread (`runJobInline`), not in a worker:
 * a script has no other calls to keep answering, so a worker would only add its start-up. The
 * body, its single transaction and its change events are the app's own.
 */
import { Argument, Option, type Command } from 'commander';
import { ZodError } from 'zod';
import { formatDateBE } from '../../../shared/domain/dates';
import { formatNumber } from '../../../shared/domain/fields';
import { importKindLabels, importKinds, villageTableKinds, type ImportKind, type VillageTableKind } from '../../../shared/domain/imports/kinds';
import type { ImportOutcome, ImportRecordView } from '../../../shared/ipc/imports';
import { validationError } from '../../services/errors';
import { defaultTableName } from '../../services/imports/pipeline';
import { runJobInline } from '../../services/jobs/inline';
import { fields, table } from '../format';
import { jsonText, must, numberArg, Refusal, type CommandModule } from '../runtime';

/** The problems a text report lists before "and N more". */
const textProblems = 50;

const statusText: Record<ImportOutcome['status'], string> = {
  imported: 'นำเข้าแล้ว / imported',
  'dry-run': 'ตรวจสอบแล้ว ไม่ได้บันทึก (--dry-run) / checked, nothing saved (--dry-run)',
  'already-imported': 'ไฟล์นี้นำเข้าไว้แล้ว ไม่มีการเปลี่ยนแปลง (ใช้ --replace เพื่อนำเข้าแทนที่) / already imported, nothing changed (use --replace to replace it)',
  refused: 'ปฏิเสธทั้งไฟล์ ไม่มีการบันทึก / refused, nothing saved',
};

const noteText: Record<string, string> = {
  thaiDigits: 'เลขไทยแปลงเป็นเลขอารบิก / Thai digits converted',
  numberAsText: 'ตัวเลขที่เก็บเป็นข้อความ / numbers stored as text',
  thousandsSeparator: 'ตัวเลขมีจุลภาคคั่นหลักพัน / thousands separators',
  formula: 'สูตร (ใช้ค่าที่คำนวณไว้) / formulas (their cached values)',
  beYearInCeDate: 'ปี พ.ศ. ที่บันทึกในรูปแบบวันที่ ค.ศ. / BE years in CE dates',
};

/** An import's outcome as readable lines. */
export function formatOutcome(o: ImportOutcome): string {
  const skipped = o.rows.skipped;
  const lines = [
    fields([
      ['ไฟล์ / File', o.file],
      ['ชนิด / Kind', `${o.kind} — ${importKindLabels[o.kind].th}`],
      ['SHA-256', o.sha256],
      ['ผล / Status', statusText[o.status]],
      ...(o.year !== null ? ([['ปีที่สำรวจ / Survey year', String(o.year)]] as [string, string][]) : []),
      ...(o.setId ? ([['ชุดตัวชี้วัด / Indicator set', o.setId]] as [string, string][]) : []),
      ...(o.encoding && o.encoding !== 'utf-8' ? ([['การเข้ารหัส / Encoding', `${o.encoding} (แปลงแล้ว / converted)`]] as [string, string][]) : []),
      [
        'แถว / Rows',
        `อ่าน ${formatNumber(o.rows.read)} · นำเข้า${o.dryRun ? 'ได้' : ''} ${formatNumber(o.rows.imported)} · ไม่ผ่าน ${formatNumber(o.rows.rejected)} / read ${formatNumber(o.rows.read)}, imported ${formatNumber(o.rows.imported)}, rejected ${formatNumber(o.rows.rejected)}`,
      ],
      ...(skipped.blank + skipped.totals + skipped.repeatedHeader + skipped.otherTambon + skipped.ignored > 0
        ? ([
            [
              'ข้าม / Skipped',
              `แถวว่าง ${skipped.blank} · แถวรวม ${skipped.totals} · หัวตารางซ้ำ ${skipped.repeatedHeader} · หมู่บ้านตำบลอื่น ${skipped.otherTambon} · หมวดที่ไม่นำเข้า ${skipped.ignored}`,
            ],
          ] as [string, string][])
        : []),
    ]),
  ];
  if (o.refusal) lines.push('', `เหตุผล / Reason: ${o.refusal.th} / ${o.refusal.en}`);
  const notes = Object.entries(o.notes).filter(([, n]) => n > 0);
  if (notes.length) lines.push('', 'แปลงค่าแล้ว / Converted:', ...notes.map(([k, n]) => `  ${noteText[k] ?? k}: ${formatNumber(n)}`));
  if (o.problems.length) {
    lines.push(
      '',
      table(
        [{ header: ['ชีต', 'Sheet'] }, { header: ['แถว', 'Row'], align: 'right' }, { header: ['คอลัมน์', 'Col'] }, { header: ['ปัญหา', 'Problem'] }],
        o.problems.slice(0, textProblems).map((p) => [p.sheet, String(p.row), p.column ?? '', p.message]),
      ),
    );
    if (o.problemsTotal > textProblems) lines.push(`… และอีก ${formatNumber(o.problemsTotal - textProblems)} รายการ (ใช้ --json เพื่อดูทั้งหมด) / and ${formatNumber(o.problemsTotal - textProblems)} more (--json lists them all)`);
  }
  if (o.unknownCategories.length) {
    lines.push('', 'หมวดที่ไม่รู้จัก / Unknown categories:', ...o.unknownCategories.slice(0, 20).map((c) => `  ${c.text} (${c.count})`));
  }
  return lines.join('\n');
}

/** The history as an aligned table. */
export function formatImports(list: readonly ImportRecordView[]): string {
  if (list.length === 0) return 'ยังไม่มีการนำเข้า / No imports yet';
  return table(
    [
      { header: ['รหัส', 'Id'] },
      { header: ['ชนิด', 'Kind'] },
      { header: ['ไฟล์', 'File'] },
      { header: ['ปี', 'Year'], align: 'right' },
      { header: ['นำเข้า', 'Imported'], align: 'right' },
      { header: ['ไม่ผ่าน', 'Rejected'], align: 'right' },
      { header: ['สถานะ', 'Status'] },
      { header: ['เมื่อ', 'When'] },
      { header: ['ผู้บันทึก', 'Operator'] },
    ],
    list.map((i) => [
      i.id,
      i.kind,
      i.fileName,
      i.surveyYear === null ? '' : String(i.surveyYear),
      formatNumber(i.rows.imported),
      formatNumber(i.rows.rejected),
      { active: 'ใช้อยู่ / active', undone: 'ยกเลิกแล้ว / undone', replaced: 'ถูกแทนที่ / replaced' }[i.status],
      formatDateBE(i.importedAt, 'th', true),
      i.operator ?? '',
    ]),
  );
}

/** Registers `import` and `imports`. */
export const importsCommands: CommandModule = (program, runtime) => {
  runtime.optionsOf({ year: '--year', file: '--file', sheets: '--sheet', 'table.name': '--table', id: 'ID' });

  program
    .command('import')
    .description('นำเข้าข้อมูลสำรวจ / import survey data (จปฐ., TPMAP, กชช.2ค, household accounts)')
    .addArgument(new Argument('<kind>', 'ชนิดข้อมูล / kind of data').choices(importKinds))
    .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงาน / the workspace file')
    .requiredOption('--file <path>', 'ไฟล์ที่จะนำเข้า (.xlsx หรือ .csv) / the file to import')
    .option('--year <BE>', 'ปีที่สำรวจ พ.ศ. / survey year (Buddhist Era)', numberArg)
    .option('--sheet <name...>', 'ชีตที่จะนำเข้า / sheets to import (default: the first with a header)')
    .option('--table <name>', 'ชื่อตารางหมู่บ้าน (nrd2c) / the village table name (nrd2c)')
    .addOption(new Option('--table-kind <kind>', 'ชนิดตารางหมู่บ้าน / village table kind').choices(villageTableKinds).default('nrd2c'))
    .option('--dry-run', 'ตรวจสอบอย่างเดียว ไม่บันทึก / check only, save nothing')
    .option('--strict', 'ปฏิเสธทั้งไฟล์ถ้ามีแถวที่ไม่ผ่าน / refuse the whole file when any row is rejected')
    .option('--replace', 'นำเข้าไฟล์ที่เคยนำเข้าแล้วแทนที่ของเดิม / import a file already imported again, replacing it')
    .option('--json', 'ผลแบบ JSON / machine-readable output')
    .action(
      async (
        kind: ImportKind,
        opts: {
          workspace: string;
          file: string;
          year?: number;
          sheet?: string[];
          table?: string;
          tableKind: VillageTableKind;
          dryRun?: boolean;
          strict?: boolean;
          replace?: boolean;
          json?: boolean;
        },
      ) => {
        const json = Boolean(opts.json);
        await runtime.run(json, async (ctx) => {
          await runtime.openWorkspace(ctx, opts.workspace, opts.dryRun ? 'read' : 'change');
          let outcome: ImportOutcome;
          try {
            outcome = await runJobInline(ctx, 'import', {
              path: runtime.resolvePath(opts.file),
              kind,
              year: opts.year ?? null,
              ...(opts.sheet ? { sheets: opts.sheet } : {}),
              ...(kind === 'nrd2c' && (opts.table || opts.tableKind !== 'nrd2c') ? { table: { kind: opts.tableKind, name: opts.table ?? defaultTableName[opts.tableKind] } } : {}),
              dryRun: Boolean(opts.dryRun),
              strict: Boolean(opts.strict),
              replace: Boolean(opts.replace),
              // A script gets every problem.
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
            // The shape on stdout for a script, the reason on stderr, exit 1.
            if (json) runtime.io.stdout.write(`${jsonText(outcome)}\n`);
            else runtime.io.stdout.write(`${formatOutcome(outcome)}\n`);
            throw new Refusal({ code: 'REFUSED', messageTh: outcome.refusal?.th ?? 'ปฏิเสธทั้งไฟล์', messageEn: outcome.refusal?.en ?? 'The file was refused' });
          }
          return { json: outcome, text: formatOutcome(outcome) };
        });
      },
    );

  const importsCommand = program
    .command('imports')
    .description('ประวัติการนำเข้า / the imports made, and undoing one')
    .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงาน / the workspace file')
    .option('--json', 'ผลแบบ JSON / machine-readable output');
  type Opts = { workspace: string; json?: boolean };

  importsCommand
    .command('list')
    .description('รายการนำเข้าทั้งหมด / list the imports, newest first')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'read');
        const list = await must(ctx, 'imports.list', {});
        return { json: list, text: formatImports(list) };
      });
    });

  importsCommand
    .command('undo')
    .description('ยกเลิกการนำเข้าทั้งครั้ง / undo an import as a whole')
    .argument('<id>', 'รหัสการนำเข้า (จาก imports list) / the import id (from imports list)')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'change');
        const undone = await must(ctx, 'imports.undo', { id });
        return {
          json: undone,
          text: `ยกเลิกการนำเข้า ${undone.fileName} แล้ว (${formatNumber(undone.rows.imported)} แถว) / Undid the import of ${undone.fileName} (${formatNumber(undone.rows.imported)} rows)`,
        };
      });
    });
};
