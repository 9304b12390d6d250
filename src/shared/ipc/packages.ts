/**
 * The tambon side of signed data packages: the signing key (create, show, back up, restore,
 * rotate, forget on this PC), the enrollment sheet, exporting a package (or a preview), the export
 * history and checking a package file.
 */
import { z } from 'zod';
import { pathField } from '../domain/fields';
import { exportRecordSchema, keyInfoSchema, passphraseField, verifyResultSchema } from '../domain/packages';
import { none } from './common';
import { defineSlice } from './define';

/** What an export answers. */
export const exportOutcomeSchema = z.object({
  file: z.string(),
  seq: z.number(),
  sha256: z.string(),
  bytes: z.number(),
  preview: z.boolean(),
  households: z.boolean(),
  keyId: z.string().nullable(),
  tables: z.record(z.string(), z.object({ travel: z.enum(['aggregate', 'household']), rows: z.number() })),
  local: z.array(z.string()),
  keyCreated: z.boolean(),
});
/** What an export answers. */
export type ExportOutcome = z.infer<typeof exportOutcomeSchema>;

/** The enrollment sheet as the screen shows it. */
export const enrollmentSchema = z.object({
  key: keyInfoSchema,
  fingerprintGroups: z.array(z.string()),
  qrSvg: z.string(),
  publicKeyFile: z.string(),
});

/** The packages capability's calls. */
export const packagesSlice = defineSlice({
  capability: 'packages',
  channels: {
    /** The tambon's signing key on this PC, or null when none was made yet. */
    'packages.key': { input: none, output: keyInfoSchema.nullable(), reads: ['package_exports'] },
    'packages.createKey': { input: z.object({ passphrase: passphraseField }).strict(), output: keyInfoSchema },
    'packages.enrollment': { input: none, output: enrollmentSchema.nullable(), reads: ['package_exports'] },
    /** Saves the enrollment sheet (A4 PDF). */
    'packages.saveSheet': { input: z.object({ path: pathField }).strict(), output: z.object({ file: z.string() }) },
    'packages.exportPublicKey': { input: z.object({ path: pathField }).strict(), output: z.object({ file: z.string() }) },
    /** The encrypted key backup for a USB stick. */
    'packages.backupKey': { input: z.object({ path: pathField }).strict(), output: z.object({ file: z.string() }) },
    'packages.restoreKey': { input: z.object({ path: pathField, passphrase: z.string().min(1).max(1024) }).strict(), output: keyInfoSchema },
    'packages.forgetKey': { input: none, output: z.null() },
    'packages.rotateKey': {
      input: z.object({ oldPassphrase: z.string().min(1).max(1024), newPassphrase: passphraseField, path: pathField }).strict(),
      output: z.object({ statementFile: z.string(), fromSeq: z.number(), old: keyInfoSchema, next: keyInfoSchema }),
    },
    'packages.export': {
      input: z
        .object({
          folder: pathField,
          preview: z.boolean().default(false),
          households: z.boolean().default(false),
          passphrase: z.string().min(1).max(1024).optional(),
          remember: z.boolean().default(false),
        })
        .strict(),
      output: exportOutcomeSchema,
    },
    'packages.history': { input: none, output: z.array(exportRecordSchema), reads: ['package_exports'] },
    'packages.verify': { input: z.object({ path: pathField, publicKey: z.string().max(2000).optional() }).strict(), output: verifyResultSchema },
  },
});
