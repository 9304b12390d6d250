/**
 * The tambon side of packages: the signing key (made on first export, unlocked by its passphrase
 * or, in Electron on a real keyring, remembered), the export (seq = the higher of the mark beside
 * the key and the workspace's history, plus one: never repeated, even after a restore), the
 * preview, the export history, key rotation and verification of a package file.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { packageFileName, type ExportRecord, type KeyInfo, type VerifyResult } from '../../../shared/domain/packages';
import { ServiceError, refused } from '../../../shared/domain/result';
import { schemaVersion } from '../../db/client';
import { noteChange } from '../../db/repository';
import { meta, packageExports } from '../../db/schema';
import type { AppContext } from '../context';
import { writeFileAtomic } from '../files';
import { assertWithinSizeCap } from '../ports';
import type { OpenWorkspace } from '../session';
import { runWrite, currentWriter, announceChange } from '../write';
import { buildPackage, sha256, tableCsv } from './build';
import { travellingTables, workspaceCatalog, type TableSpec } from './catalog';
import { derivedCsv, derivedResources, type DerivedResource } from './derived';
import { createKey, keyDir, noKey, publicOf, readKeyFile, readSeqMark, replaceKey, unwrapKey, wrapKey, writeSeqMark, type KeyFile } from './keys';
import { decodePublicKey, ed25519Sign, generateKeyPair, keyIdHex, type RawKeyPair } from './minisign';
import { checkSignature, openPackage, PackageError, readResource, verifyContents } from './read';

/** The tambon of an open workspace. */
export function tambonOf(ws: OpenWorkspace): { code: string; nameTh: string; districtNameTh: string; provinceNameTh: string } {
  const row = ws.sqlite.prepare('select code, name_th as nameTh, district_name_th as districtNameTh, province_name_th as provinceNameTh from tambon where deleted_at is null').get() as
    | { code: string; nameTh: string; districtNameTh: string; provinceNameTh: string }
    | undefined;
  if (!row) throw refused('พื้นที่ทำงานนี้ไม่มีข้อมูลตำบล', 'This workspace has no tambon');
  return row;
}

const rememberedPath = (ctx: AppContext, code: string, keyId: string) => path.join(keyDir(ctx, code), `remembered-${keyId}.bin`);

/** The key as shown, or null when the tambon has none on this PC. */
export async function keyInfo(ctx: AppContext, tambonCode: string): Promise<KeyInfo | null> {
  const file = await readKeyFile(ctx, tambonCode);
  if (!file) return null;
  return {
    tambonCode,
    keyId: file.keyId,
    fingerprint: file.fingerprint,
    publicKey: file.publicKey,
    createdAt: file.createdAt,
    remembered: ctx.secrets.available() && (await ctx.fs.exists(rememberedPath(ctx, tambonCode, file.keyId))),
  };
}

/**
 * The unlocked key pair: from `passphrase`, or from the remembered secret (Electron, real keyring
 * only). With `remember`, a successful passphrase is remembered where that is allowed.
 */
export async function unlockKey(ctx: AppContext, file: KeyFile, passphrase: string | undefined, remember = false): Promise<RawKeyPair> {
  const stored = rememberedPath(ctx, file.tambonCode, file.keyId);
  if (passphrase === undefined) {
    if (ctx.secrets.available() && (await ctx.fs.exists(stored))) {
      const seed = ctx.secrets.unprotect(await ctx.fs.readFile(stored));
      const pub = publicOf(file);
      return { keyId: pub.keyId, publicKey: pub.publicKey, seed };
    }
    throw new ServiceError('VALIDATION', 'กรุณาใส่รหัสผ่านของกุญแจลงนาม', 'Enter the signing key passphrase', 'passphrase');
  }
  const pair = unwrapKey(file, passphrase);
  if (remember && ctx.secrets.available()) await writeFileAtomic(ctx.fs, stored, ctx.secrets.protect(pair.seed));
  return pair;
}

/** Forgets a remembered key on this PC. */
export async function forgetKey(ctx: AppContext, tambonCode: string): Promise<void> {
  const file = await readKeyFile(ctx, tambonCode);
  if (file) await ctx.fs.remove(rememberedPath(ctx, tambonCode, file.keyId));
}

/** The last export the workspace records (its own seq mark). */
function lastExport(ws: OpenWorkspace): { seq: number; sha256: string } | null {
  return ws.db.select({ seq: packageExports.seq, sha256: packageExports.sha256 }).from(packageExports).orderBy(desc(packageExports.seq)).limit(1).get() ?? null;
}

/** The workspace's household salt, made (and kept in `meta`, which never travels) on first use. */
async function householdSalt(ctx: AppContext, ws: OpenWorkspace): Promise<Buffer> {
  const existing = ws.db.select().from(meta).where(eq(meta.key, 'householdSalt')).get();
  if (existing) return Buffer.from(existing.value, 'hex');
  const salt = crypto.randomBytes(32);
  const writer = await currentWriter(ctx);
  const { event } = runWrite(ws, writer, { capability: 'packages', action: 'packages.salt' }, (tx) => {
    tx.db.insert(meta).values({ key: 'householdSalt', value: salt.toString('hex') }).run();
  });
  announceChange(ctx, event);
  return salt;
}

/** What an export answers. */
export interface ExportOutcome {
  file: string;
  seq: number;
  sha256: string;
  bytes: number;
  preview: boolean;
  households: boolean;
  keyId: string | null;
  tables: Record<string, { travel: 'aggregate' | 'household'; rows: number }>;
  /** Tables that stayed in the office (their names only). */
  local: string[];
  keyCreated: boolean;
}

/** How an export is asked for. */
export interface ExportOptions {
  outDir: string;
  preview?: boolean;
  households?: boolean;
  passphrase?: string;
  /** Remember the unlocked key on this PC (Electron on a real keyring only). */
  remember?: boolean;
  /** The tables to consider (the workspace's registry by default; tests and the bench add theirs). */
  catalog?: TableSpec[];
  /** The derived resources to compute (packages/derived.ts; all of them by default). */
  derived?: readonly DerivedResource[];
}

/**
 * Exports a package of the open workspace to `outDir`: signed, with the next seq; or with
 * `preview`, unsigned, seq 0, nothing recorded. The seq is taken (the mark beside the key
 * raised) before the file is written, so a failure leaves a gap, never a repeat.
 */
export async function exportPackage(ctx: AppContext, ws: OpenWorkspace, options: ExportOptions): Promise<ExportOutcome> {
  const t = tambonOf(ws);
  const preview = options.preview ?? false;
  const households = options.households ?? false;
  const catalog = options.catalog ?? workspaceCatalog();
  const travelling = travellingTables(catalog, households);
  for (const table of travelling) {
    if (table.travel === 'household' && table.householdColumns.length === 0) {
      throw new ServiceError('INTERNAL', `ตาราง ${table.name} ไม่มีคอลัมน์รหัสครัวเรือน`, `Household table ${table.name} declares no household id column`);
    }
    if (table.primaryKey.join() !== 'id') throw new ServiceError('INTERNAL', `ตาราง ${table.name} ไม่มีรหัสแถว`, `Travelling table ${table.name} has no id primary key`);
  }
  const derived = options.derived ?? derivedResources;
  for (const resource of derived) {
    if (travelling.some((t) => t.name === resource.spec.name)) {
      throw new ServiceError('INTERNAL', `ชื่อ ${resource.spec.name} ซ้ำกับตาราง`, `Derived resource ${resource.spec.name} has the name of a table`);
    }
  }
  let key: RawKeyPair | null = null;
  let keyCreated = false;
  if (!preview) {
    let file = await readKeyFile(ctx, t.code);
    if (!file) {
      if (options.passphrase === undefined) throw new ServiceError('VALIDATION', 'ส่งออกครั้งแรก: กรุณาตั้งรหัสผ่านของกุญแจลงนาม', 'First export: set a passphrase for the signing key', 'passphrase');
      file = await createKey(ctx, t.code, options.passphrase);
      keyCreated = true;
    }
    key = await unlockKey(ctx, file, options.passphrase, options.remember);
  }
  const salt = households && travelling.some((tb) => tb.travel === 'household') ? await householdSalt(ctx, ws) : null;
  const writer = await currentWriter(ctx);
  const mark = preview ? { seq: 0, packageSha256: null } : await readSeqMark(ctx, t.code);
  const own = lastExport(ws);
  const previous = own && own.seq >= mark.seq ? { seq: own.seq, sha256: own.sha256 } : { seq: mark.seq, sha256: mark.packageSha256 };
  const seq = preview ? 0 : previous.seq + 1;
  const csvs = [
    ...travelling.map((spec) => ({ spec, ...tableCsv(ws.sqlite, spec, salt) })),
    ...derived.map((resource) => ({ spec: resource.spec, ...derivedCsv(resource, { resourcesDir: ctx.resourcesDir, now: writer.now.toISOString() }, ws) })),
  ];
  const built = buildPackage(
    {
      packageId: uuidv7(),
      tambonCode: t.code,
      seq,
      previousSha256: preview ? null : previous.sha256,
      schemaVersion: schemaVersion(ctx.migrationsDir),
      appVersion: ctx.appVersion,
      createdAt: writer.now.toISOString(),
      households,
    },
    csvs,
    key,
  );
  const hash = sha256(built.zip);
  const target = path.join(options.outDir, preview ? `${t.code}-preview.tpkg` : packageFileName(t.code, seq));
  if (!preview) await writeSeqMark(ctx, t.code, { seq, packageSha256: hash });
  await writeFileAtomic(ctx.fs, target, built.zip, preview ? 'replace' : 'create');
  const rows = Object.fromEntries(Object.entries(built.manifest.tables).map(([name, v]) => [name, v.rows]));
  if (!preview) {
    const { event } = runWrite(ws, writer, { capability: 'packages', action: 'packages.export' }, (tx) => {
      tx.db
        .insert(packageExports)
        .values({
          seq,
          packageId: built.manifest.packageId,
          sha256: hash,
          bytes: built.zip.length,
          households,
          keyId: built.manifest.keyId,
          file: target,
          createdAt: writer.now.toISOString(),
          operator: writer.operator,
          rows: JSON.stringify(rows),
        })
        .run();
      noteChange(tx, packageExports);
      tx.detail = { seq, sha256: hash, households, file: target };
    });
    announceChange(ctx, event);
  }
  return {
    file: target,
    seq,
    sha256: hash,
    bytes: built.zip.length,
    preview,
    households,
    keyId: key ? keyIdHex(key.keyId) : null,
    tables: built.manifest.tables,
    local: catalog.filter((c) => !travelling.includes(c)).map((c) => c.name),
    keyCreated,
  };
}

/** The workspace's export history, newest first. */
export function exportHistory(ws: OpenWorkspace): ExportRecord[] {
  return ws.db
    .select()
    .from(packageExports)
    .orderBy(desc(packageExports.seq))
    .all()
    .map((r) => ({ ...r, rows: JSON.parse(r.rows) as Record<string, number> }));
}

/** The statement file of a key rotation. */
export const rotationFormat = 'tambon-key-rotation/1';

/**
 * Rotates the tambon's key: a new key under `newPassphrase`, and a statement naming both keys
 * and the seq from which the new one signs, signed by the old and the new key, written to
 * `out`. The old key is kept under `retired/`. The data center applies the statement only once
 * it has confirmed the new key's fingerprint from the printed sheet.
 */
export async function rotateKey(ctx: AppContext, ws: OpenWorkspace, oldPassphrase: string, newPassphrase: string, out: string): Promise<{ old: KeyInfo; next: KeyInfo; statementFile: string; fromSeq: number }> {
  const t = tambonOf(ws);
  const oldFile = await readKeyFile(ctx, t.code);
  if (!oldFile) throw noKey();
  const oldPair = await unlockKey(ctx, oldFile, oldPassphrase);
  const oldInfo = (await keyInfo(ctx, t.code))!;
  const newPair = generateKeyPair();
  const newFile = wrapKey(newPair, t.code, newPassphrase, ctx.clock().toISOString());
  const mark = await readSeqMark(ctx, t.code);
  const fromSeq = Math.max(mark.seq, lastExport(ws)?.seq ?? 0) + 1;
  const statement = JSON.stringify({
    tambonCode: t.code,
    oldKeyId: oldFile.keyId,
    oldPublicKey: oldFile.publicKey,
    newKeyId: newFile.keyId,
    newPublicKey: newFile.publicKey,
    newFingerprint: newFile.fingerprint,
    fromSeq,
    createdAt: ctx.clock().toISOString(),
  });
  const bytes = Buffer.from(statement, 'utf8');
  const doc = {
    format: rotationFormat,
    statement,
    oldSignature: ed25519Sign(oldPair.seed, bytes).toString('base64'),
    newSignature: ed25519Sign(newPair.seed, bytes).toString('base64'),
  };
  const statementFile = path.resolve(out);
  await writeFileAtomic(ctx.fs, statementFile, `${JSON.stringify(doc, null, 2)}\n`, 'create');
  await replaceKey(ctx, t.code, oldFile, newFile);
  await forgetRemembered(ctx, t.code, oldFile.keyId);
  const writer = await currentWriter(ctx);
  const { event } = runWrite(ws, writer, { capability: 'packages', action: 'packages.key.rotate' }, (tx) => {
    tx.detail = { oldKeyId: oldFile.keyId, newKeyId: newFile.keyId, fromSeq };
  });
  announceChange(ctx, event);
  return { old: oldInfo, next: (await keyInfo(ctx, t.code))!, statementFile, fromSeq };
}

async function forgetRemembered(ctx: AppContext, code: string, keyId: string): Promise<void> {
  await ctx.fs.remove(rememberedPath(ctx, code, keyId));
}

/**
 * Verifies a package file: structure, limits, every size and hash, and with `publicKeyText` the
 * signature. Without a key it cannot vouch for the signer: `ok: false`, "signature not checked".
 */
export async function verifyPackageFile(ctx: AppContext, file: string, publicKeyText?: string): Promise<VerifyResult> {
  await assertWithinSizeCap(ctx.fs, file);
  const data = await ctx.fs.readFile(file);
  const result: VerifyResult = { ok: false, tambonCode: null, seq: null, keyId: null, packageSha256: sha256(data), reason: null, reasonTh: null };
  try {
    const opened = openPackage(data);
    result.tambonCode = opened.claimed?.tambonCode ?? null;
    result.seq = opened.claimed?.seq ?? null;
    result.keyId = opened.signature ? keyIdHex(opened.signature.keyId) : null;
    if (publicKeyText !== undefined) {
      const pub = decodePublicKey(publicKeyText);
      if (!pub) throw refused('ไฟล์กุญแจสาธารณะไม่ใช่รูปแบบ minisign', 'The public key is not in minisign format', 'pubkey');
      if (opened.signature && !opened.signature.keyId.equals(pub.keyId)) {
        throw new PackageError('unknown-key', 'ชุดข้อมูลนี้ไม่ได้ลงนามด้วยกุญแจนี้ (รหัสกุญแจไม่ตรงกัน)', 'The package was not signed with this key (the key ids differ)');
      }
      checkSignature(opened, pub.keyId, pub.publicKey);
    }
    const verified = verifyContents(opened);
    for (const resource of verified.resources) readResource(verified, resource);
    result.tambonCode = verified.manifest.tambonCode;
    result.seq = verified.manifest.seq;
    result.keyId = verified.manifest.keyId;
    if (publicKeyText === undefined) {
      result.reason = 'signature not checked';
      result.reasonTh = 'ยังไม่ได้ตรวจลายเซ็น (ไม่ได้ระบุกุญแจสาธารณะ) โครงสร้างและค่าแฮชถูกต้อง';
    } else result.ok = true;
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    result.reason = error.message;
    result.reasonTh = error.messageTh;
  }
  return result;
}
