/**
 * Signed data packages (DESIGN.md section 5): the format's name and version, the manifest, the
 * fingerprint as a person reads it, and what a verification answers. Pure: the hashing and
 * signing live in main (services/packages).
 */
import { z } from 'zod';

/** The package format, versioned apart from the database schema. */
export const packageFormat = 'tambon-pkg/1';
/** The major version of {@link packageFormat} this build reads; a newer major is refused with "update the app". */
export const packageFormatMajor = 1;

/** The major version of a format string `tambon-pkg/N[.M]`, or null when it is not one. */
export function formatMajor(format: unknown): number | null {
  const m = typeof format === 'string' ? /^tambon-pkg\/(\d{1,4})(?:\.\d{1,4})?$/.exec(format) : null;
  return m ? Number(m[1]) : null;
}

/** A lower-case SHA-256 in hex. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** How one table travelled: its class and row count. */
export const manifestTableSchema = z.object({
  travel: z.enum(['aggregate', 'household']),
  rows: z.number().int().min(0),
});

/** manifest.json: what the signature covers (through the hash of datapackage.json). */
export const manifestSchema = z.object({
  format: z.string().max(40),
  packageId: z.string().min(1).max(100),
  tambonCode: z.string().regex(/^\d{6}$/),
  /** Monotonic per tambon from 1; 0 in an unsigned preview. */
  seq: z.number().int().min(0).max(1_000_000_000),
  /** SHA-256 of the previous package file of this tambon; null for the first. */
  previousSha256: sha256Hex.nullable(),
  schemaVersion: z.number().int().min(0),
  appVersion: z.string().max(100),
  /** Information only: validity is decided by seq and hashes, never by clocks. */
  createdAt: z.string().max(40),
  /** minisign's key id (16 upper-case hex digits). */
  keyId: z.string().regex(/^[0-9A-F]{16}$/),
  /** Whether household rows (pseudonymous) travel in this package. */
  households: z.boolean(),
  tables: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,62}$/), manifestTableSchema),
  datapackageSha256: sha256Hex,
});
/** manifest.json of a package. */
export type Manifest = z.infer<typeof manifestSchema>;

/** A package's file name: `<tambonCode>-<seq>.tpkg`. */
export function packageFileName(tambonCode: string, seq: number): string {
  return `${tambonCode}-${seq}.tpkg`;
}

/** The trusted comment of a package's signature: it carries the tambon code and the seq. */
export function trustedCommentOf(m: Pick<Manifest, 'format' | 'tambonCode' | 'seq' | 'packageId'>): string {
  return `${m.format} tambon:${m.tambonCode} seq:${m.seq} package:${m.packageId}`;
}

/** The tambon code and seq a trusted comment carries, or null. */
export function parseTrustedComment(text: string): { tambonCode: string; seq: number } | null {
  const m = /(?:^|\s)tambon:(\d{6})\s+seq:(\d{1,9})(?:\s|$)/.exec(text);
  return m ? { tambonCode: m[1]!, seq: Number(m[2]) } : null;
}

/** A fingerprint (64 hex digits) in groups of four a person can read over the phone. */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

/** A fingerprint as typed or scanned: spaces, dashes and case ignored; Thai digits read as digits. Null when not 64 hex digits. */
export function normalizeFingerprint(typed: string): string | null {
  const text = typed
    .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/[\s\-–—:]/g, '')
    .toLowerCase();
  return /^[0-9a-f]{64}$/.test(text) ? text : null;
}

/** What `verify` answers (DESIGN.md section 6). */
export const verifyResultSchema = z.object({
  ok: z.boolean(),
  tambonCode: z.string().nullable(),
  seq: z.number().nullable(),
  keyId: z.string().nullable(),
  packageSha256: z.string().nullable(),
  reason: z.string().nullable(),
  reasonTh: z.string().nullable(),
});
/** What `verify` answers. */
export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** The signing key as the office and the province see it. */
export const keyInfoSchema = z.object({
  tambonCode: z.string(),
  keyId: z.string(),
  /** 64 hex digits. */
  fingerprint: z.string(),
  /** The minisign public key line (base64). */
  publicKey: z.string(),
  createdAt: z.string(),
  /** Whether this machine remembers the unlocked key (Electron's safeStorage, never on a plain-text backend). */
  remembered: z.boolean(),
});
/** The signing key as shown. */
export type KeyInfo = z.infer<typeof keyInfoSchema>;

/** One exported package, as the export history shows it. */
export const exportRecordSchema = z.object({
  id: z.number(),
  seq: z.number(),
  packageId: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  households: z.boolean(),
  keyId: z.string(),
  file: z.string(),
  createdAt: z.string(),
  operator: z.string().nullable(),
  rows: z.record(z.string(), z.number()),
});
/** One exported package. */
export type ExportRecord = z.infer<typeof exportRecordSchema>;

/** The least length of a key passphrase. */
export const minPassphraseLength = 8;

/** A passphrase typed for the signing key. */
export const passphraseField = z
  .string()
  .min(minPassphraseLength, { error: `รหัสผ่านกุญแจต้องยาวอย่างน้อย ${minPassphraseLength} ตัวอักษร / The key passphrase must be at least ${minPassphraseLength} characters` })
  .max(1024);
