/**
 * `tambon-plan province --db FILE …`: the data center (a province, or a district for the อำเภอ
 * forum) from the command line, for the province's batch jobs. `import` exits 0 when every
 * package ended applied, dry-run, already imported or stale, and 1 when any was refused or
 * quarantined; `--json` prints the shapes of DESIGN.md section 6.
 */
import { Option, type Command } from 'commander';
import { batchSucceeded, datacenterForms, type ImportOutcome, type Status } from '../../../shared/domain/datacenter';
import { formatNumber } from '../../../shared/domain/fields';
import { openDatacenter } from '../../services/datacenter/store';
import { fields, table } from '../format';
import { must, numberArg, Refusal, type CliRuntime, type CommandModule } from '../runtime';
import { exportClusterProgress } from './reports';

const statusLabel: Record<ImportOutcome['status'], string> = {
  applied: 'นำเข้าแล้ว / applied',
  'dry-run': 'ทดลอง / dry run',
  'already-imported': 'เคยนำเข้าแล้ว / already imported',
  stale: 'เก่ากว่า / stale',
  conflict: 'ขัดแย้ง (กักไว้) / conflict (quarantined)',
  refused: 'ไม่รับ / refused',
};

/** A batch's outcomes as readable lines. */
export function formatImport(outcomes: readonly ImportOutcome[]): string {
  const lines = outcomes.map((o) => {
    const diff = Object.entries(o.tables)
      .map(([t, d]) => `${t} +${d.new} ~${d.changed} -${d.deleted}${d.rejected ? ` !${d.rejected}` : ''}`)
      .join(', ');
    const missing = o.missingSeqs.length ? ` ขาดลำดับ / missing seqs: ${o.missingSeqs.join(', ')}` : '';
    const reason = o.reason && o.status !== 'applied' && o.status !== 'dry-run' ? `\n    ${o.reasonTh ?? ''} / ${o.reason}` : '';
    return `${o.file}: ${statusLabel[o.status]}${o.tambonCode ? ` ตำบล ${o.tambonCode}` : ''}${o.seq !== null ? ` ลำดับ ${o.seq}` : ''}${missing}${diff ? `\n    ${diff}` : ''}${reason}`;
  });
  return lines.length ? lines.join('\n') : 'ไม่มีชุดข้อมูล / No packages';
}

/** `province status` as a table. */
export function formatStatus(s: Status): string {
  const rows = s.tambons.map((t) => [
    t.code,
    t.nameTh,
    t.districtNameTh,
    t.enrolled ? 'ใช่' : '-',
    t.seq === null ? '-' : String(t.seq),
    t.accepted ? 'ใช่' : '-',
    t.missingSeqs.join(','),
  ]);
  const received = s.tambons.filter((t) => t.seq !== null).length;
  return `${table(
    [
      { header: ['รหัส', 'Code'] },
      { header: ['ตำบล', 'Tambon'] },
      { header: ['อำเภอ', 'District'] },
      { header: ['กุญแจ', 'Key'] },
      { header: ['ลำดับ', 'Seq'], align: 'right' },
      { header: ['รับรอง', 'Accepted'] },
      { header: ['ลำดับที่ขาด', 'Missing'] },
    ],
    rows,
  )}\n\nได้รับแล้ว ${formatNumber(received)} จาก ${formatNumber(s.tambons.length)} ตำบล / ${received} of ${s.tambons.length} tambons reporting`;
}

/** Registers `province`. */
export const datacenterCommands: CommandModule = (program, runtime: CliRuntime) => {
  runtime.optionsOf({ areaCode: '--province', tambonCode: '--tambon', fingerprint: '--fingerprint', afterSeq: '--after-seq', publicKey: '--pubkey' });
  const province = program
    .command('province')
    .description('ศูนย์ข้อมูลจังหวัด/อำเภอ / the provincial (or district) data center')
    .requiredOption('--db <file>', 'ไฟล์พื้นที่ทำงานศูนย์ข้อมูล / the data center workspace file')
    .option('--json', 'ผลแบบ JSON / machine-readable output');
  type Opts = { db: string; json?: boolean };
  const open = (ctx: Parameters<Parameters<CliRuntime['run']>[1]>[0], file: string, purpose: 'read' | 'change') =>
    openDatacenter(ctx, runtime.resolvePath(file), { backup: purpose === 'read' ? 'none' : 'hourly', remember: false });

  province
    .command('init')
    .description('สร้างพื้นที่ทำงานศูนย์ข้อมูล / create a data center workspace')
    .requiredOption('--province <code>', 'รหัสจังหวัด 2 หลัก หรือรหัสอำเภอ 4 หลัก / 2-digit province or 4-digit district code')
    .action(async (o: { province: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        const s = await must(ctx, 'datacenter.create', { path: runtime.resolvePath(opts.db), areaCode: o.province });
        return {
          json: s,
          text: `สร้างศูนย์ข้อมูลแล้ว / Data center created\n${fields([
            ['ไฟล์ / File', s.path],
            ['พื้นที่ / Area', `${s.area.kind === 'district' ? 'อ.' : 'จ.'}${s.area.nameTh} (${s.area.code})`],
            ['ตำบลในพื้นที่ / Tambons', String(s.counts.tambonsInArea)],
          ])}`,
        };
      });
    });

  province
    .command('enroll')
    .description('ลงทะเบียนกุญแจของตำบล (ต้องพิมพ์ลายนิ้วมือจากใบลงทะเบียน) / enroll a tambon key (with the fingerprint from its sheet)')
    .requiredOption('--pubkey <path>', 'กุญแจสาธารณะ (minisign) / the public key file')
    .requiredOption('--tambon <code>', 'รหัสตำบล 6 หลัก / 6-digit tambon code')
    .requiredOption('--fingerprint <f>', 'ลายนิ้วมือจากใบลงทะเบียน / the fingerprint from the enrollment sheet')
    .option('--replace', 'แทนกุญแจที่หาย / replace a lost key')
    .action(async (o: { pubkey: string; tambon: string; fingerprint: string; replace?: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await open(ctx, opts.db, 'change');
        const k = await must(ctx, 'datacenter.enroll', { path: runtime.resolvePath(o.pubkey), tambonCode: o.tambon, fingerprint: o.fingerprint, replace: Boolean(o.replace) });
        return { json: k, text: `ลงทะเบียนแล้ว / Enrolled: ตำบล ${k.tambonCode} กุญแจ ${k.keyId} ตั้งแต่ลำดับ / from seq ${k.validFromSeq}` };
      });
    });

  province
    .command('rotate')
    .description('รับการเปลี่ยนกุญแจ (ต้องยืนยันลายนิ้วมือกุญแจใหม่) / apply a key rotation (confirming the new fingerprint)')
    .requiredOption('--statement <path>', 'ใบแจ้งเปลี่ยนกุญแจ / the rotation statement')
    .requiredOption('--fingerprint <f>', 'ลายนิ้วมือของกุญแจใหม่จากใบลงทะเบียน / the new key fingerprint from its sheet')
    .action(async (o: { statement: string; fingerprint: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await open(ctx, opts.db, 'change');
        const k = await must(ctx, 'datacenter.rotate', { path: runtime.resolvePath(o.statement), fingerprint: o.fingerprint });
        return { json: k, text: `เปลี่ยนกุญแจแล้ว / Rotated: ตำบล ${k.tambonCode} กุญแจใหม่ ${k.keyId} ตั้งแต่ลำดับ / from seq ${k.validFromSeq}` };
      });
    });

  province
    .command('revoke')
    .description('เพิกถอนกุญแจของตำบลหลังลำดับที่กำหนด / revoke a tambon key after a seq')
    .requiredOption('--tambon <code>', 'รหัสตำบล / tambon code')
    .requiredOption('--after-seq <n>', 'ไม่รับชุดหลังลำดับนี้ / refuse packages after this seq', numberArg)
    .action(async (o: { tambon: string; afterSeq: number }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await open(ctx, opts.db, 'change');
        const k = await must(ctx, 'datacenter.revoke', { tambonCode: o.tambon, afterSeq: o.afterSeq });
        return { json: k, text: `เพิกถอนแล้ว / Revoked: ตำบล ${k.tambonCode} กุญแจ ${k.keyId} หลังลำดับ / after seq ${k.revokedAfterSeq ?? ''}` };
      });
    });

  province
    .command('import')
    .description('นำเข้าชุดข้อมูล (ไฟล์หรือโฟลเดอร์) / import packages (files or folders)')
    .argument('<packages...>', 'ไฟล์ .tpkg หรือโฟลเดอร์ / .tpkg files or folders')
    .option('--dry-run', 'ตรวจและแสดงความต่างโดยไม่บันทึก / verify and diff, write nothing')
    .action(async (packages: string[], o: { dryRun?: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await open(ctx, opts.db, o.dryRun ? 'read' : 'change');
        const started = await ctx.jobs.start(ctx, {
          kind: 'datacenterImport',
          input: { paths: packages.map((p) => runtime.resolvePath(p)), staged: [], dryRun: Boolean(o.dryRun) },
        });
        const state = await started.finished;
        if (state.status !== 'done' || !state.result) {
          throw new Refusal(state.error ?? { code: 'INTERNAL', messageTh: 'การนำเข้าไม่สำเร็จ', messageEn: 'The import did not finish' });
        }
        const outcomes = (state.result as { packages: ImportOutcome[] }).packages;
        return { json: { packages: outcomes }, text: formatImport(outcomes), exitCode: batchSucceeded(outcomes) ? 0 : 1 };
      });
    });

  province
    .command('status')
    .description('สถานะรายตำบล / status per tambon')
    .addOption(new Option('--view <view>', 'ชุดล่าสุด หรือเฉพาะที่รับรอง / latest or accepted only').choices(['latest', 'accepted']).default('latest'))
    .action(async (o: { view: 'latest' | 'accepted' }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await open(ctx, opts.db, 'read');
        const s = await must(ctx, 'datacenter.status', { view: o.view });
        return { json: s, text: formatStatus(s) };
      });
    });

  province
    .command('accept')
    .description('รับรองชุดข้อมูลของตำบล (ผูกกับค่าแฮช) / accept a tambon package (bound to its hash)')
    .requiredOption('--tambon <code>', 'รหัสตำบล / tambon code')
    .option('--sha256 <hash>', 'ชุดที่รับรอง (ค่าเริ่มต้น: ชุดล่าสุด) / the package (default: the latest)')
    .action(async (o: { tambon: string; sha256?: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await open(ctx, opts.db, 'change');
        const a = await must(ctx, 'datacenter.accept', { tambonCode: o.tambon, ...(o.sha256 ? { sha256: o.sha256 } : {}) });
        return { json: a, text: `รับรองแล้ว / Accepted: ตำบล ${a.tambonCode} ลำดับ ${a.seq} (${a.sha256})` };
      });
    });

  province
    .command('export')
    .description('ส่งออกตารางรวม / export a consolidated workbook')
    .argument('<format>', 'xlsx (pdf: --form progress only)')
    .addOption(new Option('--form <form>', 'แบบ / form (progress: ความก้าวหน้ารายกลุ่มตำบล / cluster progress)').choices([...datacenterForms, 'progress']).makeOptionMandatory())
    .requiredOption('--out <path>', 'ไฟล์ที่จะเขียน / the file to write')
    .addOption(new Option('--view <view>', 'ชุดล่าสุด หรือเฉพาะที่รับรอง / latest or accepted only').choices(['latest', 'accepted']).default('latest'))
    .action(async (format: string, o: { form: (typeof datacenterForms)[number] | 'progress'; out: string; view: 'latest' | 'accepted' }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Opts>();
      if (format !== 'xlsx' && !(format === 'pdf' && o.form === 'progress')) {
        runtime.io.stderr.write('error: รองรับ xlsx (และ pdf สำหรับ --form progress) / only xlsx is supported (and pdf for --form progress)\n');
        runtime.exitCode = 2;
        return;
      }
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await open(ctx, opts.db, 'read');
        if (o.form === 'progress') {
          const r = await exportClusterProgress(ctx, format, runtime.resolvePath(o.out), o.view);
          return { json: r.json, text: `เขียนแล้ว / Written: ${String(r.json.file)} (${r.th} / ${r.en})` };
        }
        const r = await must(ctx, 'datacenter.exportXlsx', { form: o.form, path: runtime.resolvePath(o.out), view: o.view });
        return { json: r, text: `เขียนแล้ว / Written: ${r.file} (${r.rows} แถว / rows)` };
      });
    });
};
