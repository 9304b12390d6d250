/**
 * `tambon-plan export --workspace W xlsx --form (pcs|projects|p02|register|village-plans) --out F`:
 * the forum's workbooks from the command line, through the same service as the app. What the
 * readiness check finds is printed on stderr first (the export still goes ahead); `--json` prints
 * the export's result with the findings.
 *
 * Still to come (after the print port and the import wizard are merged): `export … pdf --form F`
 * and `import --workspace W (pcs|projects|village-plans) --file F [--dry-run] [--json]`.
 */
import { Option, type Command } from 'commander';
import { exportForms, type ExportForm } from '../../../shared/ipc/forum';
import { exportCommand, must, type CommandModule } from '../runtime';

const formLabels: Record<ExportForm, string> = {
  pcs: 'ตารางปัญหา สาเหตุ แนวทางแก้ไข / problem–cause–solution tables',
  projects: 'บัญชีโครงการตามประเด็น (แบบชัยนาท) / integrated project table',
  p02: 'แบบ ผ.02 แผนพัฒนาท้องถิ่น / local development plan form ผ.02',
  register: 'ทะเบียนผู้เข้าร่วมเวที / participant register',
  'village-plans': 'แบบฟอร์มแผนชุมชนหมู่บ้าน / village-plan template',
};

/** Registers `export … xlsx`. */
export const forumCommands: CommandModule = (program, runtime) => {
  runtime.optionsOf({ form: '--form' });
  exportCommand(program)
    .command('xlsx')
    .description('ส่งออกแบบฟอร์มเป็นไฟล์ Excel / export a form as an Excel workbook')
    .addOption(new Option('--form <form>', `แบบฟอร์ม / the form: ${exportForms.map((f) => `${f} (${formLabels[f]})`).join('; ')}`).choices(exportForms).makeOptionMandatory())
    .requiredOption('--out <file>', 'ไฟล์ที่จะเขียน (มีอยู่แล้วจะถูกแทนที่) / the file to write (replaced if it exists)')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ workspace: string; json?: boolean; form: ExportForm; out: string }>();
      runtime.optionsOf({ path: '--out' });
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'read');
        const readiness = await must(ctx, 'forum.readiness', {});
        if (!opts.json) {
          for (const item of readiness.items.filter((i) => i.severity === 'missing')) {
            runtime.io.stderr.write(`ยังไม่ครบ / missing: ${item.messageTh} / ${item.messageEn}\n`);
          }
        }
        // The path as typed, resolved against the working folder (the CLI's path policy takes any path).
        const result = await must(ctx, 'forum.export.xlsx', { form: opts.form, path: runtime.resolvePath(opts.out) });
        const text = `ส่งออก ${formLabels[opts.form].split(' / ')[0]} ไปที่ ${result.path} แล้ว (${result.sheets.length} แผ่นงาน, ${result.rows} แถว) / Exported ${opts.form} to ${result.path} (${result.sheets.length} sheets, ${result.rows} rows)`;
        return { json: { ...result, form: opts.form, readiness }, text };
      });
    });
};
