/**
 * `tambon-plan export --workspace W (xlsx|pdf) --form (pcs|projects|p02|register|village-plans) --out F`:
 * the forum's forms from the command line (and `xlsx --form registers`, the registers of people and
 * organisations, which the registers capability writes), as a workbook or printed to PDF (a Chromium or Edge on
 * the machine, or `CHROMIUM_PATH`; none found: exit 1 saying so), through the same services as the
 * app. What the readiness check finds is printed on stderr once the file is written (it does not
 * stop the export; a refusal stays one line); `--json` prints the result with the findings.
 *
 * Still to come (after the import wizard is merged):
 * `import --workspace W (pcs|projects|village-plans) --file F [--dry-run] [--json]`.
 */
import { Option, type Command } from 'commander';
import { exportForms, type ExportForm } from '../../../shared/ipc/forum';
import { exportCommand, must, UsageError, type CommandModule } from '../runtime';
import { tambonReportForms } from './reports';

const formLabels: Record<ExportForm, string> = {
  pcs: 'ตารางปัญหา สาเหตุ แนวทางแก้ไข / problem–cause–solution tables',
  projects: 'บัญชีโครงการตามประเด็น (แบบชัยนาท) / integrated project table',
  p02: 'แบบ ผ.02 แผนพัฒนาท้องถิ่น / local development plan form ผ.02',
  register: 'ทะเบียนผู้เข้าร่วมเวที / participant register',
  'village-plans': 'แบบฟอร์มแผนชุมชนหมู่บ้าน / village-plan template',
};

/** The registers' workbook: not a forum form (`register` is the forum's participant register), an xlsx only. */
const registersForm = { name: 'registers', label: 'ทะเบียนบุคคลและองค์กร / registers of people and organisations' } as const;

/** The two formats of a form: the workbook and its print. */
const formats = {
  xlsx: {
    description: 'ส่งออกแบบฟอร์มเป็นไฟล์ Excel / export a form as an Excel workbook',
    channel: 'forum.export.xlsx',
    size: (r: { sheets: string[]; rows: number }) => ({ th: `${r.sheets.length} แผ่นงาน, ${r.rows} แถว`, en: `${r.sheets.length} sheets, ${r.rows} rows` }),
  },
  pdf: {
    description:
      'ส่งออกแบบฟอร์มเป็น PDF (A4 แนวนอน พิมพ์ด้วย Chromium หรือ Edge ในเครื่อง หรือที่ CHROMIUM_PATH) / export a form as a PDF (A4 landscape, printed by the Chromium or Edge on this machine, or CHROMIUM_PATH)',
    channel: 'forum.export.pdf',
    size: (r: { pages?: number; rows: number }) => ({ th: `${r.pages ?? 0} หน้า, ${r.rows} แถว`, en: `${r.pages ?? 0} pages, ${r.rows} rows` }),
  },
} as const;

/** Registers `export … xlsx` and `export … pdf`. */
export const forumCommands: CommandModule = (program, runtime) => {
  runtime.optionsOf({ form: '--form' });
  for (const format of ['xlsx', 'pdf'] as const) {
    const spec = formats[format];
    exportCommand(program)
      .command(format)
      .description(spec.description)
      .addOption(
        new Option(
          '--form <form>',
          `แบบฟอร์ม / the form: ${[
            ...exportForms.map((f) => `${f} (${formLabels[f]})`),
            ...(format === 'xlsx' ? [`${registersForm.name} (${registersForm.label})`] : []),
            ...Object.entries(tambonReportForms).map(([f, r]) => `${f} (${r.label})`),
          ].join('; ')}`,
        )
          .choices([...exportForms, ...(format === 'xlsx' ? [registersForm.name] : []), ...Object.keys(tambonReportForms)])
          .makeOptionMandatory(),
      )
      .requiredOption('--out <file>', 'ไฟล์ที่จะเขียน (มีอยู่แล้วจะถูกแทนที่) / the file to write (replaced if it exists)')
      .action(async (_opts: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<{ workspace: string; json?: boolean; form: ExportForm | typeof registersForm.name; out: string }>();
        runtime.optionsOf({ path: '--out' });
        const report = tambonReportForms[opts.form];
        if (report) {
          // The lessons' and progress reports' forms (cli/commands/reports.ts): no readiness check, theirs is not the plan.
          await runtime.run(Boolean(opts.json), async (ctx) => {
            const run = report.formats[format];
            if (!run) throw new UsageError(`แบบ ${opts.form} ส่งออกเป็น ${format} ไม่ได้ / the ${opts.form} form has no ${format} output`);
            await runtime.openWorkspace(ctx, opts.workspace, 'read');
            const r = await run(ctx, runtime.resolvePath(opts.out));
            const file = String(r.json.path);
            return { json: { ...r.json, file, form: opts.form, format }, text: `ส่งออก ${report.label.split(' / ')[0]} ไปที่ ${file} แล้ว (${r.th}) / Exported ${opts.form} to ${file} (${r.en})` };
          });
          return;
        }
        await runtime.run(Boolean(opts.json), async (ctx) => {
          await runtime.openWorkspace(ctx, opts.workspace, 'read');
          if (opts.form === registersForm.name) {
            const result = await must(ctx, 'registers.export.xlsx', { path: runtime.resolvePath(opts.out) });
            const text = `ส่งออก ${registersForm.label.split(' / ')[0]} ไปที่ ${result.path} แล้ว (${result.sheets.length} แผ่นงาน, ${result.rows} แถว) / Exported registers to ${result.path} (${result.sheets.length} sheets, ${result.rows} rows)`;
            return { json: { ...result, form: opts.form, format }, text };
          }
          const readiness = await must(ctx, 'forum.readiness', {});
          // The path as typed, resolved against the working folder (the CLI's path policy takes any path).
          const result = await must(ctx, spec.channel, { form: opts.form, path: runtime.resolvePath(opts.out) });
          // After the file is written, so a refusal (no Chromium, a locked file) stays one line.
          if (!opts.json) {
            for (const item of readiness.items.filter((i) => i.severity === 'missing')) {
              runtime.io.stderr.write(`ยังไม่ครบ / missing: ${item.messageTh} / ${item.messageEn}\n`);
            }
          }
          const size = spec.size(result);
          const text = `ส่งออก ${formLabels[opts.form].split(' / ')[0]} ไปที่ ${result.path} แล้ว (${size.th}) / Exported ${opts.form} to ${result.path} (${size.en})`;
          return { json: { ...result, form: opts.form, format, readiness }, text };
        });
      });
  }
};
