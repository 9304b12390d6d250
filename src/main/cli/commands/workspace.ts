/** `tambon-plan init` and `tambon-plan info`: create a tambon workspace, and describe one. */
import { Option } from 'commander';
import { normalizeThaiDigits } from '../../../shared/domain/thaiDigits';
import { officeTypes, type OfficeType, type WorkspaceSummary } from '../../../shared/domain/workspace';
import { fields } from '../format';
import { must, Refusal, type CommandModule } from '../runtime';

const officeTypeLabels: Record<OfficeType, string> = {
  sao: 'อบต. / subdistrict administrative organisation',
  'tambon-municipality': 'เทศบาลตำบล / subdistrict municipality',
};

/** The name an office gets when none is given: องค์การบริหารส่วนตำบล… or เทศบาลตำบล… + the tambon's name. */
export function defaultOfficeName(type: OfficeType, tambonNameTh: string): string {
  return `${type === 'sao' ? 'องค์การบริหารส่วนตำบล' : 'เทศบาลตำบล'}${tambonNameTh}`;
}

/** A workspace summary as readable lines. */
export function formatSummary(s: WorkspaceSummary): string {
  const t = s.tambon;
  return fields([
    ['ไฟล์ / File', s.readonly ? `${s.path} (อ่านอย่างเดียว / read-only)` : s.path],
    ['ตำบล / Tambon', `${t.nameTh} (${t.nameEn}) ${t.code} — อ.${t.districtNameTh} จ.${t.provinceNameTh}`],
    ['หน่วยงาน / Office', `${s.office.name} (${officeTypeLabels[s.office.type]})`],
    ['กรอบยุทธศาสตร์ / Framework', `${s.framework.id} — ${s.framework.nameTh} (${s.framework.issues.length} ประเด็น / issues)`],
    ['หมู่บ้าน / Villages', String(s.counts.villages)],
    ['รุ่นข้อมูล / Schema version', String(s.schemaVersion)],
  ]);
}

/** Registers `init` and `info`. */
export const workspaceCommands: CommandModule = (program, runtime) => {
  runtime.optionsOf({
    tambonCode: '--tambon',
    code: '--tambon',
    officeType: '--office-type',
    officeName: '--office-name',
    'framework.presetId': '--framework',
  });

  program
    .command('init')
    .description('สร้างพื้นที่ทำงานของตำบล / create a tambon workspace')
    .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงานที่จะสร้าง / the workspace file to create')
    .requiredOption('--tambon <code>', 'รหัสตำบล 6 หลัก / 6-digit tambon code')
    .option('--framework <id>', "กรอบยุทธศาสตร์ / framework preset (default: the province's, else the first)")
    .addOption(new Option('--office-type <type>', 'ประเภทหน่วยงาน / office type').choices(officeTypes).default('sao'))
    .option('--office-name <name>', 'ชื่อหน่วยงาน / office name (default: from the type and the tambon)')
    .option('--json', 'ผลแบบ JSON / machine-readable output')
    .action(async (opts: { workspace: string; tambon: string; framework?: string; officeType: OfficeType; officeName?: string; json?: boolean }) => {
      await runtime.run(Boolean(opts.json), async (ctx) => {
        const tambonCode = normalizeThaiDigits(opts.tambon.trim());
        if (!/^\d{6}$/.test(tambonCode)) {
          throw new Refusal({
            code: 'VALIDATION',
            messageTh: `รหัสตำบลต้องเป็นตัวเลข 6 หลัก (ได้รับ "${opts.tambon}")`,
            messageEn: `The tambon code must be 6 digits (got "${opts.tambon}")`,
            field: 'tambonCode',
          });
        }
        const area = await must(ctx, 'gazetteer.tambon', { code: tambonCode });
        let presetId = opts.framework;
        if (presetId === undefined) {
          const presets = await must(ctx, 'frameworks.presets', {});
          presetId = (presets.find((f) => f.provinceCode === area.province.code) ?? presets[0])?.id;
          if (!presetId) throw new Refusal({ code: 'NOT_FOUND', messageTh: 'ไม่มีกรอบยุทธศาสตร์ให้เลือก', messageEn: 'No framework preset is installed' });
        }
        const summary = await must(ctx, 'workspace.create', {
          path: runtime.resolvePath(opts.workspace),
          tambonCode,
          officeType: opts.officeType,
          officeName: opts.officeName ?? defaultOfficeName(opts.officeType, area.tambon.nameTh),
          framework: { presetId },
        });
        return { json: summary, text: `สร้างพื้นที่ทำงานแล้ว / Workspace created\n${formatSummary(summary)}` };
      });
    });

  program
    .command('info')
    .description('ข้อมูลพื้นที่ทำงาน / show a workspace: tambon, office, framework, counts, schema version')
    .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงาน / the workspace file')
    .option('--json', 'ผลแบบ JSON / machine-readable output')
    .action(async (opts: { workspace: string; json?: boolean }) => {
      await runtime.run(Boolean(opts.json), async (ctx) => {
        const summary = await runtime.openWorkspace(ctx, opts.workspace, 'read');
        return { json: summary, text: formatSummary(summary) };
      });
    });
};
