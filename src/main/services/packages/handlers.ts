/** The packages capability's handlers (the tambon side). */
import { formatFingerprint } from '../../../shared/domain/packages';
import type { packagesSlice } from '../../../shared/ipc/packages';
import type { AppContext } from '../context';
import { writeFileAtomic } from '../files';
import type { HandlersOf } from '../handlerTypes';
import { requireWorkspace, requireWritable } from '../session';
import { summarizeWorkspace } from '../workspace/workspace';
import { createKey, keyBackupText, noKey, restoreKeyBackup } from './keys';
import { decodePublicKey, encodePublicKey } from './minisign';
import { exportHistory, exportPackage, forgetKey, keyInfo, rotateKey, tambonOf, verifyPackageFile } from './packages';
import { enrollmentSheetHtml, qrSvg } from './sheet';
import { assertWithinSizeCap } from '../ports';

async function requireKey(ctx: AppContext) {
  const code = tambonOf(requireWorkspace(ctx)).code;
  const info = await keyInfo(ctx, code);
  if (!info) throw noKey();
  return info;
}

/** The public key file's text of a key. */
function publicKeyFile(publicKey: string, tambonCode: string): string {
  const decoded = decodePublicKey(publicKey)!;
  return encodePublicKey(decoded.keyId, decoded.publicKey, `TambonPlan ${tambonCode} public key`);
}

/** The packages capability's handlers. */
export const packagesHandlers = {
  'packages.key': async (ctx) => keyInfo(ctx, tambonOf(requireWorkspace(ctx)).code),
  'packages.createKey': async (ctx, { passphrase }) => {
    const code = tambonOf(requireWritable(ctx)).code;
    await createKey(ctx, code, passphrase);
    ctx.emit('data.changed', { capability: 'packages', action: 'packages.key.create', tables: {} });
    return (await keyInfo(ctx, code))!;
  },
  'packages.enrollment': async (ctx) => {
    const code = tambonOf(requireWorkspace(ctx)).code;
    const key = await keyInfo(ctx, code);
    if (!key) return null;
    return { key, fingerprintGroups: formatFingerprint(key.fingerprint).split(' '), qrSvg: qrSvg(key.publicKey, 40), publicKeyFile: publicKeyFile(key.publicKey, code) };
  },
  'packages.saveSheet': async (ctx, { path: target }) => {
    const ws = requireWorkspace(ctx);
    const summary = summarizeWorkspace(ctx, ws);
    const key = await requireKey(ctx);
    const html = enrollmentSheetHtml(ctx.resourcesDir, {
      tambonCode: summary.tambon.code,
      tambonNameTh: summary.tambon.nameTh,
      districtNameTh: summary.tambon.districtNameTh,
      provinceNameTh: summary.tambon.provinceNameTh,
      officeName: summary.office.name,
      keyId: key.keyId,
      fingerprint: key.fingerprint,
      publicKey: key.publicKey,
      createdAt: key.createdAt,
      printedAt: ctx.clock().toISOString(),
    });
    const file = ctx.paths.resolve(target);
    await writeFileAtomic(ctx.fs, file, await ctx.print.pdf(html, { pageSize: 'A4' }));
    return { file };
  },
  'packages.exportPublicKey': async (ctx, { path: target }) => {
    const key = await requireKey(ctx);
    const file = ctx.paths.resolve(target);
    await writeFileAtomic(ctx.fs, file, publicKeyFile(key.publicKey, key.tambonCode));
    return { file };
  },
  'packages.backupKey': async (ctx, { path: target }) => {
    const code = tambonOf(requireWorkspace(ctx)).code;
    const file = ctx.paths.resolve(target);
    await writeFileAtomic(ctx.fs, file, await keyBackupText(ctx, code));
    return { file };
  },
  'packages.restoreKey': async (ctx, { path: source, passphrase }) => {
    const code = tambonOf(requireWritable(ctx)).code;
    const file = ctx.paths.resolve(source);
    await assertWithinSizeCap(ctx.fs, file, 1024 * 1024);
    await restoreKeyBackup(ctx, (await ctx.fs.readFile(file)).toString('utf8'), passphrase, code);
    ctx.emit('data.changed', { capability: 'packages', action: 'packages.key.restore', tables: {} });
    return (await keyInfo(ctx, code))!;
  },
  'packages.forgetKey': async (ctx) => {
    await forgetKey(ctx, tambonOf(requireWorkspace(ctx)).code);
    ctx.emit('data.changed', { capability: 'packages', action: 'packages.key.forget', tables: {} });
    return null;
  },
  'packages.rotateKey': async (ctx, { oldPassphrase, newPassphrase, path: target }) =>
    rotateKey(ctx, requireWritable(ctx), oldPassphrase, newPassphrase, ctx.paths.resolve(target)),
  'packages.export': async (ctx, input) => {
    const ws = input.preview ? requireWorkspace(ctx) : requireWritable(ctx);
    return exportPackage(ctx, ws, {
      outDir: ctx.paths.resolve(input.folder),
      preview: input.preview,
      households: input.households,
      passphrase: input.passphrase,
      remember: input.remember,
    });
  },
  'packages.history': (ctx) => exportHistory(requireWorkspace(ctx)),
  'packages.verify': async (ctx, { path: file, publicKey }) => verifyPackageFile(ctx, ctx.paths.resolve(file), publicKey),
} satisfies HandlersOf<typeof packagesSlice.channels>;
