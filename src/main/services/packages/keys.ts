/**
 * The tambon's signing key: one Ed25519 key per tambon on this PC, in the app data folder (never
 * inside the workspace, so never in a workspace backup or a package). One key file format the app
 * and the CLI both read (`tambon-plan-key/1`, JSON): the public key in minisign's format, and the
 * 32-byte secret seed wrapped with scrypt + AES-256-GCM under a passphrase (the public key and
 * tambon code bound in as associated data, so a wrapped secret cannot be moved under another
 * key). Beside it the seq high-water mark (`seq.json`): the workspace keeps its own, and the
 * higher wins, so a restored backup never reuses a seq. Retired keys (after a rotation) are kept
 * under `retired/`. The key backup for a USB stick is the same record, still encrypted, with the
 * seq mark.
 *
 *   <home>/keys/<tambonCode>/signing.key   the current key
 *   <home>/keys/<tambonCode>/seq.json      { seq, packageSha256 } of the last export
 *   <home>/keys/<tambonCode>/retired/<keyId>.key
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { ServiceError, refused } from '../../../shared/domain/result';
import type { AppContext } from '../context';
import { writeFileAtomic } from '../files';
import { decodePublicKey, fingerprintOf, generateKeyPair, keyIdHex, publicKeyLine, publicKeyOfSeed, type RawKeyPair } from './minisign';

/** The key file's format name. */
export const keyFileFormat = 'tambon-plan-key/1';
/** The key backup's format name. */
export const keyBackupFormat = 'tambon-plan-key-backup/1';

/** scrypt's cost: N = 2^17, r = 8, p = 1 (128 MiB, about a third of a second). Stored in the file, so it can grow. */
export const scryptCost = { N: 2 ** 17, r: 8, p: 1 };

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(10_000);

/** The key file. */
export const keyFileSchema = z.object({
  format: z.literal(keyFileFormat),
  tambonCode: z.string().regex(/^\d{6}$/),
  keyId: z.string().regex(/^[0-9A-F]{16}$/),
  /** minisign public key line (base64 of "Ed" ‖ key id ‖ key). */
  publicKey: b64,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string().max(40),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 14).max(2 ** 22), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16), salt: b64 }),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: b64, tag: b64 }),
  /** The encrypted 32-byte seed. */
  secret: b64,
});
/** The key file. */
export type KeyFile = z.infer<typeof keyFileSchema>;

const seqMarkSchema = z.object({ seq: z.number().int().min(0), packageSha256: z.string().nullable() });
/** The seq high-water mark beside the key. */
export type SeqMark = z.infer<typeof seqMarkSchema>;

const backupSchema = z.object({ format: z.literal(keyBackupFormat), key: keyFileSchema, seq: seqMarkSchema, retired: z.array(keyFileSchema).max(100).default([]) });

/** The folder of one tambon's keys. Important: the code comes from the workspace; it must be 6 digits. */
export function keyDir(ctx: AppContext, tambonCode: string): string {
  if (!/^\d{6}$/.test(tambonCode)) throw new ServiceError('INTERNAL', 'รหัสตำบลไม่ถูกต้อง', `Not a tambon code: ${JSON.stringify(tambonCode)}`);
  return path.join(ctx.homeDir, 'keys', tambonCode);
}

const keyPath = (ctx: AppContext, code: string) => path.join(keyDir(ctx, code), 'signing.key');
const seqPath = (ctx: AppContext, code: string) => path.join(keyDir(ctx, code), 'seq.json');

function aad(file: Pick<KeyFile, 'tambonCode' | 'publicKey'>): Buffer {
  return Buffer.from(`${keyFileFormat}\n${file.tambonCode}\n${file.publicKey}`, 'utf8');
}

function deriveKey(passphrase: string, kdf: KeyFile['kdf']): Buffer {
  const maxmem = 128 * kdf.N * kdf.r * kdf.p + 64 * 1024 * 1024;
  return crypto.scryptSync(Buffer.from(passphrase.normalize('NFC'), 'utf8'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem });
}

/** Wraps a key pair under `passphrase` into a key file record. */
export function wrapKey(pair: RawKeyPair, tambonCode: string, passphrase: string, createdAt: string, cost = scryptCost): KeyFile {
  const base = {
    format: keyFileFormat,
    tambonCode,
    keyId: keyIdHex(pair.keyId),
    publicKey: publicKeyLine(pair.keyId, pair.publicKey),
    fingerprint: fingerprintOf(pair.keyId, pair.publicKey),
    createdAt,
  } as const;
  const kdf = { name: 'scrypt' as const, ...cost, salt: crypto.randomBytes(16).toString('base64') };
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', deriveKey(passphrase, kdf), iv);
  cipher.setAAD(aad(base));
  const secret = Buffer.concat([cipher.update(pair.seed), cipher.final()]);
  return { ...base, kdf, cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') }, secret: secret.toString('base64') };
}

const wrongPassphrase = () =>
  refused('รหัสผ่านกุญแจไม่ถูกต้อง (หรือไฟล์กุญแจเสียหาย)', 'Wrong key passphrase (or the key file is damaged)', 'passphrase');

/** The key pair of a key file, unwrapped with `passphrase`; refused when it is wrong. */
export function unwrapKey(file: KeyFile, passphrase: string): RawKeyPair {
  const decoded = decodePublicKey(file.publicKey);
  if (!decoded || keyIdHex(decoded.keyId) !== file.keyId) throw wrongPassphrase();
  let seed: Buffer;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', deriveKey(passphrase, file.kdf), Buffer.from(file.cipher.iv, 'base64'));
    decipher.setAAD(aad(file));
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    seed = Buffer.concat([decipher.update(Buffer.from(file.secret, 'base64')), decipher.final()]);
  } catch {
    throw wrongPassphrase();
  }
  if (seed.length !== 32 || !publicKeyOfSeed(seed).equals(decoded.publicKey)) throw wrongPassphrase();
  return { keyId: decoded.keyId, publicKey: decoded.publicKey, seed };
}

/** The parsed public key of a key file. */
export function publicOf(file: KeyFile): { keyId: Buffer; publicKey: Buffer } {
  const decoded = decodePublicKey(file.publicKey);
  if (!decoded) throw refused('ไฟล์กุญแจเสียหาย', 'The key file is damaged');
  return decoded;
}

async function readJson<T>(ctx: AppContext, file: string, schema: z.ZodType<T>): Promise<T | null> {
  if (!(await ctx.fs.exists(file))) return null;
  const parsed = schema.safeParse(JSON.parse((await ctx.fs.readFile(file)).toString('utf8')));
  if (!parsed.success) throw refused(`ไฟล์กุญแจเสียหาย: ${file}`, `The key file is damaged: ${file}`);
  return parsed.data;
}

/** The tambon's current key file, or null when none was made yet. */
export function readKeyFile(ctx: AppContext, tambonCode: string): Promise<KeyFile | null> {
  return readJson(ctx, keyPath(ctx, tambonCode), keyFileSchema);
}

/** The seq high-water mark beside the key (0 when none). */
export async function readSeqMark(ctx: AppContext, tambonCode: string): Promise<SeqMark> {
  return (await readJson(ctx, seqPath(ctx, tambonCode), seqMarkSchema)) ?? { seq: 0, packageSha256: null };
}

/** Raises the seq high-water mark (never lowers it). */
export async function writeSeqMark(ctx: AppContext, tambonCode: string, mark: SeqMark): Promise<void> {
  const current = await readSeqMark(ctx, tambonCode);
  if (mark.seq < current.seq) return;
  await writeFileAtomic(ctx.fs, seqPath(ctx, tambonCode), `${JSON.stringify(mark, null, 2)}\n`);
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Makes the tambon's key (refused when one exists) and answers its file. */
export async function createKey(ctx: AppContext, tambonCode: string, passphrase: string): Promise<KeyFile> {
  if (await readKeyFile(ctx, tambonCode)) {
    throw new ServiceError('CONFLICT', 'ตำบลนี้มีกุญแจลงนามอยู่แล้วในเครื่องนี้', 'This tambon already has a signing key on this PC');
  }
  const file = wrapKey(generateKeyPair(), tambonCode, passphrase, ctx.clock().toISOString());
  await writeFileAtomic(ctx.fs, keyPath(ctx, tambonCode), json(file), 'create');
  return file;
}

/** Replaces the current key by `next`, keeping the old one under `retired/`. */
export async function replaceKey(ctx: AppContext, tambonCode: string, old: KeyFile, next: KeyFile): Promise<void> {
  await writeFileAtomic(ctx.fs, path.join(keyDir(ctx, tambonCode), 'retired', `${old.keyId}.key`), json(old));
  await writeFileAtomic(ctx.fs, keyPath(ctx, tambonCode), json(next));
}

/** The encrypted key backup (key, seq mark, retired keys) for a USB stick. */
export async function keyBackupText(ctx: AppContext, tambonCode: string): Promise<string> {
  const key = await readKeyFile(ctx, tambonCode);
  if (!key) throw noKey();
  const retiredDir = path.join(keyDir(ctx, tambonCode), 'retired');
  const retired: KeyFile[] = [];
  if (await ctx.fs.exists(retiredDir)) {
    for (const name of (await ctx.fs.readdir(retiredDir)).filter((n) => n.endsWith('.key')).sort()) {
      const parsed = await readJson(ctx, path.join(retiredDir, name), keyFileSchema);
      if (parsed) retired.push(parsed);
    }
  }
  return json({ format: keyBackupFormat, key, seq: await readSeqMark(ctx, tambonCode), retired });
}

/**
 * Restores a key backup onto this PC: the passphrase must unlock it; the seq mark only rises.
 * Refused when another key is already current for the tambon (rotate or remove it first).
 */
export async function restoreKeyBackup(ctx: AppContext, text: string, passphrase: string, tambonCode: string): Promise<KeyFile> {
  let parsed: z.infer<typeof backupSchema>;
  try {
    parsed = backupSchema.parse(JSON.parse(text));
  } catch {
    throw refused('ไฟล์นี้ไม่ใช่ไฟล์สำรองกุญแจของ TambonPlan', 'This file is not a TambonPlan key backup', 'file');
  }
  if (parsed.key.tambonCode !== tambonCode) {
    throw refused(`ไฟล์สำรองนี้เป็นกุญแจของตำบล ${parsed.key.tambonCode} ไม่ใช่ ${tambonCode}`, `This backup holds the key of tambon ${parsed.key.tambonCode}, not ${tambonCode}`, 'file');
  }
  unwrapKey(parsed.key, passphrase);
  const current = await readKeyFile(ctx, tambonCode);
  if (current && current.keyId !== parsed.key.keyId) {
    throw new ServiceError('CONFLICT', 'เครื่องนี้มีกุญแจอื่นของตำบลนี้อยู่แล้ว', 'This PC already has another key for this tambon');
  }
  for (const old of parsed.retired) await writeFileAtomic(ctx.fs, path.join(keyDir(ctx, tambonCode), 'retired', `${old.keyId}.key`), json(old));
  if (!current) await writeFileAtomic(ctx.fs, keyPath(ctx, tambonCode), json(parsed.key), 'create');
  await writeSeqMark(ctx, tambonCode, parsed.seq);
  return parsed.key;
}

/** The refusal when a tambon has no key yet. */
export function noKey(): ServiceError {
  return new ServiceError(
    'NOT_FOUND',
    'ตำบลนี้ยังไม่มีกุญแจลงนามในเครื่องนี้ (สร้างได้ตอนส่งออกชุดข้อมูลครั้งแรก หรือกู้จากไฟล์สำรองกุญแจ)',
    'This tambon has no signing key on this PC yet (one is made at the first export, or restored from a key backup)',
  );
}
