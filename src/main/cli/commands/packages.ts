/**
 * `tambon-plan key`, `tambon-plan export … package` and `tambon-plan verify`: the tambon side of
 * signed packages. The key's passphrase comes from `TAMBON_PLAN_PASSPHRASE` or a prompt on a
 * terminal (a new one for `rotate` from `TAMBON_PLAN_NEW_PASSPHRASE`); with neither, exit 2.
 */
import type { Command } from 'commander';
import { formatNumber } from '../../../shared/domain/fields';
import { formatFingerprint, type KeyInfo, type VerifyResult } from '../../../shared/domain/packages';
import type { ExportOutcome } from '../../../shared/ipc/packages';
import { fields, table } from '../format';
import { commandGroup, must, type CommandModule } from '../runtime';

const passphraseVariable = 'TAMBON_PLAN_PASSPHRASE';
const newPassphraseVariable = 'TAMBON_PLAN_NEW_PASSPHRASE';

/** A key as readable lines. */
export function formatKey(key: KeyInfo): string {
  return fields([
    ['ตำบล / Tambon', key.tambonCode],
    ['รหัสกุญแจ / Key id', key.keyId],
    ['ลายนิ้วมือ / Fingerprint', formatFingerprint(key.fingerprint)],
    ['กุญแจสาธารณะ / Public key', key.publicKey],
    ['สร้างเมื่อ / Created', key.createdAt],
  ]);
}

/** An export's outcome as readable lines. */
export function formatExport(o: ExportOutcome): string {
  const rows = Object.entries(o.tables).map(([name, t]) => [name, t.travel === 'household' ? 'ครัวเรือน / household' : 'สรุป / aggregate', formatNumber(t.rows)]);
  const head = o.preview
    ? `ชุดตัวอย่าง (ไม่ลงนาม ไม่ใช้ลำดับ) / Preview (unsigned, no seq used): ${o.file}`
    : `ส่งออกชุดข้อมูลลำดับที่ ${o.seq} แล้ว / Exported package seq ${o.seq}: ${o.file}`;
  return [
    head,
    fields([
      ['SHA-256', o.sha256],
      ['ขนาด / Bytes', formatNumber(o.bytes)],
      ['รหัสกุญแจ / Key id', o.keyId ?? '-'],
      ['ข้อมูลรายครัวเรือน / Households', o.households ? 'รวม / included' : 'ไม่รวม / not included'],
    ]),
    table([{ header: ['ตาราง', 'Table'] }, { header: ['ประเภท', 'Travel'] }, { header: ['แถว', 'Rows'], align: 'right' }], rows),
    `ไม่ส่งออก (เก็บในสำนักงาน) / Kept in the office: ${o.local.join(', ')}`,
  ].join('\n\n');
}

/** What `verify --json` prints (DESIGN.md section 6). */
function verifyJson(r: VerifyResult) {
  return { ok: r.ok, tambonCode: r.tambonCode, seq: r.seq, keyId: r.keyId, packageSha256: r.packageSha256, reason: r.reason, reasonTh: r.reasonTh };
}

/** Registers `key`, `export … package` and `verify`. */
export const packagesCommands: CommandModule = (program, runtime) => {
  runtime.optionsOf({ passphrase: '--passphrase (TAMBON_PLAN_PASSPHRASE)', folder: '--out', publicKey: '--pubkey' });

  const key = program
    .command('key')
    .description('กุญแจลงนามชุดข้อมูลของตำบล / the tambon signing key')
    .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงาน / the workspace file')
    .option('--json', 'ผลแบบ JSON / machine-readable output');
  type KeyOpts = { workspace: string; json?: boolean };

  key
    .command('show')
    .description('แสดงรหัสกุญแจ ลายนิ้วมือ และกุญแจสาธารณะ / show key id, fingerprint, public key')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<KeyOpts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'read');
        const info = await must(ctx, 'packages.key', {});
        if (!info) {
          return {
            json: null,
            text: 'ตำบลนี้ยังไม่มีกุญแจลงนามในเครื่องนี้ (สร้างด้วย key create หรือเมื่อส่งออกครั้งแรก) / No signing key yet (key create, or the first export makes one)',
            exitCode: 1,
          };
        }
        return { json: { keyId: info.keyId, fingerprint: info.fingerprint, publicKey: info.publicKey, tambonCode: info.tambonCode, createdAt: info.createdAt }, text: formatKey(info) };
      });
    });

  key
    .command('create')
    .description('สร้างกุญแจลงนาม / make the signing key')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<KeyOpts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'change');
        const passphrase = await runtime.passphrase(passphraseVariable, 'ตั้งรหัสผ่านกุญแจ / new key passphrase: ', true);
        const info = await must(ctx, 'packages.createKey', { passphrase });
        return { json: info, text: `สร้างกุญแจแล้ว / Key created\n${formatKey(info)}` };
      });
    });

  const fileCommand = (name: string, description: string, channel: 'packages.exportPublicKey' | 'packages.backupKey' | 'packages.saveSheet') =>
    key
      .command(name)
      .description(description)
      .requiredOption('--out <path>', 'ไฟล์ที่จะเขียน / the file to write')
      .action(async (o: { out: string }, cmd: Command) => {
        const opts = cmd.optsWithGlobals<KeyOpts>();
        await runtime.run(Boolean(opts.json), async (ctx) => {
          await runtime.openWorkspace(ctx, opts.workspace, 'read');
          const { file } = await must(ctx, channel, { path: runtime.resolvePath(o.out) });
          return { json: { file }, text: `เขียนแล้ว / Written: ${file}` };
        });
      });
  fileCommand('export-public', 'เขียนกุญแจสาธารณะ (minisign) / write the public key (minisign format)', 'packages.exportPublicKey');
  fileCommand('backup', 'เขียนไฟล์สำรองกุญแจ (เข้ารหัส) สำหรับแฟลชไดรฟ์ / write the encrypted key backup for a USB stick', 'packages.backupKey');
  fileCommand('sheet', 'พิมพ์ใบลงทะเบียนกุญแจ (PDF, A4) / print the enrollment sheet (PDF, A4)', 'packages.saveSheet');

  key
    .command('restore')
    .description('กู้กุญแจจากไฟล์สำรอง / restore the key from its backup')
    .requiredOption('--file <path>', 'ไฟล์สำรองกุญแจ / the key backup')
    .action(async (o: { file: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<KeyOpts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'change');
        const passphrase = await runtime.passphrase(passphraseVariable, 'รหัสผ่านกุญแจ / key passphrase: ');
        const info = await must(ctx, 'packages.restoreKey', { path: runtime.resolvePath(o.file), passphrase });
        return { json: info, text: `กู้กุญแจแล้ว / Key restored\n${formatKey(info)}` };
      });
    });

  key
    .command('rotate')
    .description('เปลี่ยนกุญแจ: กุญแจใหม่และใบแจ้งที่ลงนามทั้งสองกุญแจ / a new key and a statement signed by both keys')
    .requiredOption('--out <statement>', 'ไฟล์ใบแจ้งเปลี่ยนกุญแจ / the statement file to write')
    .action(async (o: { out: string }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<KeyOpts>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, 'change');
        const oldPassphrase = await runtime.passphrase(passphraseVariable, 'รหัสผ่านกุญแจเดิม / current key passphrase: ');
        const newPassphrase = await runtime.passphrase(newPassphraseVariable, 'รหัสผ่านกุญแจใหม่ / new key passphrase: ', true);
        const r = await must(ctx, 'packages.rotateKey', { oldPassphrase, newPassphrase, path: runtime.resolvePath(o.out) });
        return {
          json: { statement: r.statementFile, fromSeq: r.fromSeq, oldKeyId: r.old.keyId, keyId: r.next.keyId, fingerprint: r.next.fingerprint, publicKey: r.next.publicKey },
          text: `เปลี่ยนกุญแจแล้ว ใช้ตั้งแต่ชุดลำดับที่ ${r.fromSeq} / Key rotated from seq ${r.fromSeq}\nใบแจ้ง / Statement: ${r.statementFile}\n${formatKey(r.next)}\nพิมพ์ใบลงทะเบียนของกุญแจใหม่ส่งศูนย์ข้อมูล (key sheet) / Print the new key's enrollment sheet for the data center (key sheet)`,
        };
      });
    });

  const exportGroup = commandGroup(program, 'export', (g) =>
    g
      .description('ส่งออก / export')
      .requiredOption('--workspace <file>', 'ไฟล์พื้นที่ทำงาน / the workspace file')
      .option('--json', 'ผลแบบ JSON / machine-readable output'),
  );
  exportGroup
    .command('package')
    .description('ส่งออกชุดข้อมูลที่ลงนามแล้ว <รหัสตำบล>-<ลำดับ>.tpkg / export a signed package <tambonCode>-<seq>.tpkg')
    .requiredOption('--out <dir>', 'โฟลเดอร์ที่จะเขียน / the folder to write into')
    .option('--preview', 'ชุดตัวอย่าง: ไม่ลงนาม ไม่ใช้ลำดับ / preview: unsigned, no seq used')
    .option('--households', 'รวมข้อมูลรายครัวเรือน (รหัสครัวเรือนแทนด้วยค่าแฮช) / include household rows (ids replaced by a salted hash)')
    .action(async (o: { out: string; preview?: boolean; households?: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ workspace: string; json?: boolean }>();
      await runtime.run(Boolean(opts.json), async (ctx) => {
        await runtime.openWorkspace(ctx, opts.workspace, o.preview ? 'read' : 'change');
        const passphrase = o.preview ? undefined : await runtime.passphrase(passphraseVariable, 'รหัสผ่านกุญแจ / key passphrase: ');
        const outcome = await must(ctx, 'packages.export', {
          folder: runtime.resolvePath(o.out),
          preview: Boolean(o.preview),
          households: Boolean(o.households),
          ...(passphrase !== undefined ? { passphrase } : {}),
        });
        return { json: outcome, text: formatExport(outcome) };
      });
    });

  program
    .command('verify')
    .description('ตรวจชุดข้อมูล: โครงสร้าง ค่าแฮช และลายเซ็น (เมื่อระบุกุญแจ) / check a package: structure, hashes, and the signature with --pubkey')
    .argument('<package>', 'ไฟล์ชุดข้อมูล .tpkg / the package file')
    .option('--pubkey <path>', 'กุญแจสาธารณะของตำบล (minisign) / the tambon public key (minisign)')
    .option('--json', 'ผลแบบ JSON / machine-readable output')
    .action(async (pkg: string, o: { pubkey?: string; json?: boolean }) => {
      await runtime.run(Boolean(o.json), async (ctx) => {
        const publicKey = o.pubkey ? (await ctx.fs.readFile(runtime.resolvePath(o.pubkey))).toString('utf8').slice(0, 2000) : undefined;
        const r = await must(ctx, 'packages.verify', { path: runtime.resolvePath(pkg), ...(publicKey !== undefined ? { publicKey } : {}) });
        const text = r.ok
          ? `ถูกต้อง / OK: ตำบล ${r.tambonCode} ลำดับ ${r.seq} กุญแจ ${r.keyId}\nSHA-256 ${r.packageSha256}`
          : `ไม่ผ่าน / Not verified: ${r.reasonTh ?? ''} / ${r.reason ?? ''}\nตำบล / tambon ${r.tambonCode ?? '-'}, ลำดับ / seq ${r.seq ?? '-'}, SHA-256 ${r.packageSha256 ?? '-'}`;
        return { json: verifyJson(r), text, exitCode: r.ok ? 0 : 1 };
      });
    });
};
