/**
 * The trust registry: which public key may sign which tambon's packages, for which seqs.
 *   enroll  only with the fingerprint typed or scanned from the printed sheet (a mismatch is
 *           refused) and only for a tambon of the area; a second key for a tambon only as a
 *           replacement of a lost one (`replace`), which revokes the old after its last seq here;
 *   rotate  a statement signed by both the old and the new key, applied only once the new key's
 *           fingerprint is confirmed the same way, so a stolen old key alone cannot take a
 *           tambon over;
 *   revoke  no package after a given seq is accepted from the tambon's current key.
 * Every change goes through the write pipeline: audited with the operator and time.
 */
import crypto from 'node:crypto';
import { and, eq, isNull, max } from 'drizzle-orm';
import { z } from 'zod';
import { normalizeFingerprint } from '../../../shared/domain/packages';
import type { RegistryKey } from '../../../shared/domain/datacenter';
import { ServiceError, refused } from '../../../shared/domain/result';
import type { WorkspaceDb } from '../../db/client';
import { dcKeys, dcPackages } from '../../db/datacenter/schema';
import { noteChange, type WriteTx } from '../../db/repository';
import type { AppContext } from '../context';
import { loadGazetteer } from '../reference/reference';
import { requireDatacenterWritable, type OpenDatacenter } from '../session';
import { announceChange, currentWriter, runWrite, type WriteSpec } from '../write';
import { rotationFormat } from '../packages/packages';
import { decodePublicKey, ed25519Verify, fingerprintOf, keyIdHex } from '../packages/minisign';
import { assertInArea } from './store';

/** One write to the open data center through the pipeline (transaction, audit record, change event). */
export async function writeDatacenter<T>(ctx: AppContext, spec: Omit<WriteSpec, 'capability'>, body: (tx: WriteTx, dc: OpenDatacenter) => T): Promise<T> {
  requireDatacenterWritable(ctx);
  const writer = await currentWriter(ctx);
  const dc = requireDatacenterWritable(ctx);
  // The data center's audit_log has the tambon workspace's shape, so the one pipeline writes both.
  const { value, event } = runWrite(dc as unknown as WorkspaceDb, writer, { ...spec, capability: 'datacenter' }, (tx) => body(tx, dc));
  announceChange(ctx, event);
  return value;
}

type KeyRow = typeof dcKeys.$inferSelect;

/** The tambon's current key (not revoked), if any. */
export function currentKey(dc: OpenDatacenter, tambonCode: string): KeyRow | undefined {
  return dc.db.select().from(dcKeys).where(and(eq(dcKeys.tambonCode, tambonCode), isNull(dcKeys.revokedAfterSeq))).get();
}

/** The registry entry of a key id (hex), if enrolled. */
export function keyById(dc: OpenDatacenter, keyId: string): KeyRow | undefined {
  return dc.db.select().from(dcKeys).where(eq(dcKeys.keyId, keyId)).get();
}

/** The registry as the screens list it. */
export function listKeys(ctx: AppContext, dc: OpenDatacenter): RegistryKey[] {
  const gazetteer = loadGazetteer(ctx.resourcesDir);
  const name = (code: string) => {
    try {
      return gazetteer.tambon(code).tambon.nameTh;
    } catch {
      return '';
    }
  };
  return dc.db
    .select()
    .from(dcKeys)
    .orderBy(dcKeys.tambonCode, dcKeys.id)
    .all()
    .map((k) => ({
      id: k.id,
      tambonCode: k.tambonCode,
      tambonNameTh: name(k.tambonCode),
      keyId: k.keyId,
      fingerprint: k.fingerprint,
      validFromSeq: k.validFromSeq,
      revokedAfterSeq: k.revokedAfterSeq,
      enrolledBy: k.enrolledBy as RegistryKey['enrolledBy'],
      enrolledAt: k.enrolledAt,
      operator: k.operator,
      revokedAt: k.revokedAt,
      current: k.revokedAfterSeq === null,
    }));
}

function entryOf(ctx: AppContext, dc: OpenDatacenter, keyId: string): RegistryKey {
  return listKeys(ctx, dc).find((k) => k.keyId === keyId)!;
}

/** Checks a typed fingerprint against a key's; refuses a malformed or different one. */
function confirmFingerprint(typed: string, keyId: Buffer, publicKey: Buffer): void {
  const normalized = normalizeFingerprint(typed);
  if (!normalized) {
    throw refused('ลายนิ้วมือกุญแจต้องเป็นตัวเลขฐานสิบหก 64 หลัก (16 กลุ่ม กลุ่มละ 4 ตัว) ตามใบลงทะเบียน', 'The fingerprint must be 64 hex digits (16 groups of four) as on the enrollment sheet', 'fingerprint');
  }
  if (normalized !== fingerprintOf(keyId, publicKey)) {
    throw refused(
      'ลายนิ้วมือไม่ตรงกับกุญแจนี้ กุญแจไม่ใช่ฉบับเดียวกับในใบลงทะเบียน จึงไม่ลงทะเบียน',
      'The fingerprint does not match this key: it is not the key on the enrollment sheet, so it was not enrolled',
      'fingerprint',
    );
  }
}

/** The last seq applied here from a key (0 when none). */
function lastAppliedSeq(dc: OpenDatacenter, keyId: string): number {
  return dc.db.select({ s: max(dcPackages.seq) }).from(dcPackages).where(and(eq(dcPackages.keyId, keyId), eq(dcPackages.status, 'applied'))).get()?.s ?? 0;
}

/** Enrolls a tambon's public key (see the module comment). */
export async function enrollKey(
  ctx: AppContext,
  input: { tambonCode: string; publicKeyText: string; fingerprint: string; replace: boolean },
): Promise<RegistryKey> {
  const pub = decodePublicKey(input.publicKeyText);
  if (!pub) throw refused('ไฟล์นี้ไม่ใช่กุญแจสาธารณะรูปแบบ minisign', 'This is not a minisign public key', 'publicKey');
  confirmFingerprint(input.fingerprint, pub.keyId, pub.publicKey);
  const keyId = keyIdHex(pub.keyId);
  return writeDatacenter(ctx, { action: 'registry.enroll' }, (tx, dc) => {
    assertInArea(dc, input.tambonCode);
    const existing = keyById(dc, keyId);
    if (existing) {
      throw new ServiceError('CONFLICT', `กุญแจนี้ลงทะเบียนไว้แล้ว (ตำบล ${existing.tambonCode})`, `This key is already enrolled (tambon ${existing.tambonCode})`, 'publicKey');
    }
    const current = currentKey(dc, input.tambonCode);
    let validFromSeq = 1;
    if (current) {
      if (!input.replace) {
        throw new ServiceError(
          'CONFLICT',
          `ตำบล ${input.tambonCode} มีกุญแจที่ใช้อยู่แล้ว (${current.keyId}) หากกุญแจเดิมหาย ให้ลงทะเบียนแทนที่ (--replace)`,
          `Tambon ${input.tambonCode} already has a current key (${current.keyId}); to replace a lost key, enroll with replace (--replace)`,
          'tambonCode',
        );
      }
      const last = lastAppliedSeq(dc, current.keyId);
      dc.db
        .update(dcKeys)
        .set({ revokedAfterSeq: Math.max(last, current.validFromSeq - 1), revokedAt: tx.now.toISOString() })
        .where(eq(dcKeys.id, current.id))
        .run();
      validFromSeq = Math.max(last, current.validFromSeq - 1) + 1;
    }
    dc.db
      .insert(dcKeys)
      .values({
        tambonCode: input.tambonCode,
        keyId,
        publicKey: decodePublicKeyLine(pub.keyId, pub.publicKey),
        fingerprint: fingerprintOf(pub.keyId, pub.publicKey),
        validFromSeq,
        enrolledBy: current ? 'replace' : 'enroll',
        enrolledAt: tx.now.toISOString(),
        operator: tx.operator,
      })
      .run();
    noteChange(tx, 'dc_keys');
    tx.detail = { tambonCode: input.tambonCode, keyId, replaced: current?.keyId ?? null, validFromSeq };
    return keyId;
  }).then((id) => entryOf(ctx, ctx.session.datacenter!, id));
}

function decodePublicKeyLine(keyId: Buffer, publicKey: Buffer): string {
  return Buffer.concat([Buffer.from('Ed'), keyId, publicKey]).toString('base64');
}

const statementSchema = z.object({
  tambonCode: z.string().regex(/^\d{6}$/),
  oldKeyId: z.string(),
  oldPublicKey: z.string(),
  newKeyId: z.string(),
  newPublicKey: z.string(),
  newFingerprint: z.string(),
  fromSeq: z.number().int().min(1),
  createdAt: z.string(),
});
const docSchema = z.object({ format: z.literal(rotationFormat), statement: z.string().max(10_000), oldSignature: z.string().max(200), newSignature: z.string().max(200) });

/** Applies a rotation statement once the new key's fingerprint is confirmed (see the module comment). */
export async function rotateKeyStatement(ctx: AppContext, text: string, fingerprint: string): Promise<RegistryKey> {
  let doc: z.infer<typeof docSchema>;
  let statement: z.infer<typeof statementSchema>;
  try {
    doc = docSchema.parse(JSON.parse(text));
  } catch {
    throw refused('ไฟล์นี้ไม่ใช่ใบแจ้งเปลี่ยนกุญแจของ TambonPlan', 'This file is not a TambonPlan key rotation statement', 'path');
  }
  const bytes = Buffer.from(doc.statement, 'utf8');
  const oldSig = Buffer.from(doc.oldSignature, 'base64');
  const newSig = Buffer.from(doc.newSignature, 'base64');
  try {
    statement = statementSchema.parse(JSON.parse(doc.statement));
  } catch {
    throw refused('ใบแจ้งเปลี่ยนกุญแจผิดรูปแบบ', 'The rotation statement is malformed', 'path');
  }
  const oldPub = decodePublicKey(statement.oldPublicKey);
  const newPub = decodePublicKey(statement.newPublicKey);
  if (!oldPub || !newPub) throw refused('ใบแจ้งเปลี่ยนกุญแจผิดรูปแบบ', 'The rotation statement is malformed', 'path');
  if (!ed25519Verify(oldPub.publicKey, bytes, oldSig) || !ed25519Verify(newPub.publicKey, bytes, newSig)) {
    throw refused('ลายเซ็นของใบแจ้งเปลี่ยนกุญแจไม่ถูกต้อง (ต้องลงนามทั้งกุญแจเดิมและกุญแจใหม่)', 'The rotation statement is not signed by both the old and the new key', 'path');
  }
  if (!fingerprint.trim()) {
    throw refused(
      'การเปลี่ยนกุญแจต้องยืนยันลายนิ้วมือของกุญแจใหม่จากใบลงทะเบียนที่พิมพ์ก่อน',
      "A rotation needs the new key's fingerprint confirmed from its printed enrollment sheet",
      'fingerprint',
    );
  }
  confirmFingerprint(fingerprint, newPub.keyId, newPub.publicKey);
  const newKeyId = keyIdHex(newPub.keyId);
  await writeDatacenter(ctx, { action: 'registry.rotate' }, (tx, dc) => {
    const current = currentKey(dc, statement.tambonCode);
    if (!current || current.keyId !== keyIdHex(oldPub.keyId) || current.publicKey !== decodePublicKeyLine(oldPub.keyId, oldPub.publicKey)) {
      throw refused(
        `กุญแจเดิมในใบแจ้งไม่ใช่กุญแจที่ใช้อยู่ของตำบล ${statement.tambonCode} ในทะเบียนนี้`,
        `The statement's old key is not tambon ${statement.tambonCode}'s current key in this registry`,
        'path',
      );
    }
    if (keyById(dc, newKeyId)) throw new ServiceError('CONFLICT', 'กุญแจใหม่นี้ลงทะเบียนไว้แล้ว', 'The new key is already enrolled', 'path');
    const last = lastAppliedSeq(dc, current.keyId);
    if (last >= statement.fromSeq) {
      throw refused(
        `รับชุดข้อมูลที่ลงนามด้วยกุญแจเดิมถึงลำดับ ${last} แล้ว แต่ใบแจ้งให้กุญแจใหม่เริ่มที่ลำดับ ${statement.fromSeq}`,
        `Packages up to seq ${last} signed with the old key were already applied, but the statement starts the new key at seq ${statement.fromSeq}`,
        'path',
      );
    }
    dc.db
      .update(dcKeys)
      .set({ revokedAfterSeq: statement.fromSeq - 1, revokedAt: tx.now.toISOString() })
      .where(eq(dcKeys.id, current.id))
      .run();
    dc.db
      .insert(dcKeys)
      .values({
        tambonCode: statement.tambonCode,
        keyId: newKeyId,
        publicKey: decodePublicKeyLine(newPub.keyId, newPub.publicKey),
        fingerprint: fingerprintOf(newPub.keyId, newPub.publicKey),
        validFromSeq: statement.fromSeq,
        enrolledBy: 'rotation',
        enrolledAt: tx.now.toISOString(),
        operator: tx.operator,
      })
      .run();
    noteChange(tx, 'dc_keys');
    tx.detail = { tambonCode: statement.tambonCode, oldKeyId: current.keyId, newKeyId, fromSeq: statement.fromSeq, statementSha256: crypto.createHash('sha256').update(text).digest('hex') };
  });
  return entryOf(ctx, ctx.session.datacenter!, newKeyId);
}

/** Revokes the tambon's current key after `afterSeq`. */
export async function revokeKey(ctx: AppContext, tambonCode: string, afterSeq: number): Promise<RegistryKey> {
  const keyId = await writeDatacenter(ctx, { action: 'registry.revoke' }, (tx, dc) => {
    const current = currentKey(dc, tambonCode);
    if (!current) throw new ServiceError('NOT_FOUND', `ตำบล ${tambonCode} ไม่มีกุญแจที่ใช้อยู่ในทะเบียนนี้`, `Tambon ${tambonCode} has no current key in this registry`, 'tambonCode');
    dc.db
      .update(dcKeys)
      .set({ revokedAfterSeq: afterSeq, revokedAt: tx.now.toISOString() })
      .where(eq(dcKeys.id, current.id))
      .run();
    noteChange(tx, 'dc_keys');
    tx.detail = { tambonCode, keyId: current.keyId, afterSeq };
    return current.keyId;
  });
  return entryOf(ctx, ctx.session.datacenter!, keyId);
}
