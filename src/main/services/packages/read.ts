/**
 * Reading a package, verifying before parsing: the zip's structure and limits first (zip.ts),
 * then the minisign signature over manifest.json (only the signature file's fixed format is read
 * before it: no JSON from the package is parsed until the signature holds), then the manifest,
 * the hash of datapackage.json against the manifest before it is parsed, every data file's size
 * and hash against datapackage.json before it is parsed, no entry that datapackage.json does not
 * list, and the row counts. Every refusal is a {@link PackageError} with a stable code and a
 * message in Thai and English.
 */
import { z } from 'zod';
import { CsvError, readCsv, type CsvCell } from '../../../shared/domain/csv';
import { formatMajor, manifestSchema, packageFormatMajor, parseTrustedComment, type Manifest } from '../../../shared/domain/packages';
import { packageEntries, sha256 } from './build';
import { keyIdHex, parseMinisign, verifyMinisign, type ParsedSignature } from './minisign';
import { readZip, ZipError, defaultZipLimits, type ZipEntry, type ZipLimits } from './zip';

/** Why a package was refused. */
export type PackageRefusalCode =
  | 'empty'
  | 'not-package'
  | 'truncated'
  | 'zip-unsafe-name'
  | 'zip-link'
  | 'zip-bomb'
  | 'zip-duplicate'
  | 'zip-unsupported'
  | 'zip-corrupt'
  | 'missing-entry'
  | 'unlisted-entry'
  | 'unsigned'
  | 'unknown-key'
  | 'bad-signature'
  | 'bad-manifest'
  | 'newer-format'
  | 'comment-mismatch'
  | 'datapackage-hash'
  | 'bad-datapackage'
  | 'resource-mismatch'
  | 'bad-csv'
  | 'row-count'
  | 'tambon-mismatch'
  | 'outside-area'
  | 'revoked'
  | 'not-yet-valid'
  | 'conflict';

/** A refused package: a stable code, the message in Thai and English, and what it claims to be (when readable). */
export class PackageError extends Error {
  readonly code: PackageRefusalCode;
  readonly messageTh: string;
  constructor(code: PackageRefusalCode, th: string, en: string) {
    super(en);
    this.name = 'PackageError';
    this.code = code;
    this.messageTh = th;
  }
}

const fail = (code: PackageRefusalCode, th: string, en: string) => new PackageError(code, th, en);

function fromZipError(error: ZipError): PackageError {
  const entry = error.entry ? ` (${error.entry})` : '';
  switch (error.reason) {
    case 'not-zip':
      return fail('not-package', 'ไฟล์นี้ไม่ใช่ชุดข้อมูล TambonPlan (.tpkg)', 'This file is not a TambonPlan package (.tpkg)');
    case 'truncated':
      return fail('truncated', 'ไฟล์ชุดข้อมูลไม่ครบ (อาจคัดลอกหรือดาวน์โหลดมาไม่หมด)', 'The package file is truncated (it may not have been copied or downloaded completely)');
    case 'unsafe-name':
      return fail('zip-unsafe-name', `ชุดข้อมูลมีรายการที่ชื่อไม่ปลอดภัย${entry} จึงไม่รับ`, `The package has an entry with an unsafe name${entry}; refused`);
    case 'link':
      return fail('zip-link', `ชุดข้อมูลมีลิงก์สัญลักษณ์${entry} จึงไม่รับ`, `The package has a symbolic link entry${entry}; refused`);
    case 'too-large':
    case 'ratio':
    case 'too-many-entries':
      return fail('zip-bomb', 'ชุดข้อมูลขยายใหญ่เกินขีดจำกัด (ขนาด จำนวนรายการ หรืออัตราการบีบอัด) จึงไม่รับ', 'The package exceeds the limits on size, entry count or compression ratio; refused');
    case 'duplicate-name':
      return fail('zip-duplicate', `ชุดข้อมูลมีรายการชื่อซ้ำ${entry} จึงไม่รับ`, `The package has two entries with the same name${entry}; refused`);
    case 'unsupported':
      return fail('zip-unsupported', 'ชุดข้อมูลใช้รูปแบบ zip ที่ไม่รองรับ', `The package uses an unsupported zip feature: ${error.message}`);
    default:
      return fail('zip-corrupt', 'ไฟล์ชุดข้อมูลเสียหาย', `The package file is damaged: ${error.message}${entry}`);
  }
}

/** A package opened: its zip checked, its signature file parsed, nothing else read yet. */
export interface OpenedPackage {
  sha256: string;
  bytes: number;
  entries: Map<string, ZipEntry>;
  signature: ParsedSignature | null;
  /** The tambon and seq the trusted comment claims (not verified yet: for messages only). */
  claimed: { tambonCode: string; seq: number } | null;
}

const maxSmallEntry = 8 * 1024 * 1024;

function readSmall(entry: ZipEntry): Buffer {
  if (entry.size > maxSmallEntry) throw fail('zip-bomb', 'ไฟล์กำกับชุดข้อมูลใหญ่เกินไป', `${entry.name} is too large`);
  try {
    return entry.read();
  } catch (error) {
    if (error instanceof ZipError) throw fromZipError(error);
    throw error;
  }
}

/** Opens `data` as a package: the zip's structure and limits, the required entries, the signature file's format. */
export function openPackage(data: Buffer, limits: ZipLimits = defaultZipLimits): OpenedPackage {
  if (data.length === 0) throw fail('empty', 'ไฟล์ว่างเปล่า ไม่มีข้อมูล', 'The file is empty');
  let list: ZipEntry[];
  try {
    list = readZip(data, limits);
  } catch (error) {
    if (error instanceof ZipError) throw fromZipError(error);
    throw error;
  }
  const entries = new Map(list.map((e) => [e.name, e]));
  for (const name of [packageEntries.manifest, packageEntries.datapackage]) {
    if (!entries.has(name)) throw fail('missing-entry', `ชุดข้อมูลไม่มี ${name}`, `The package has no ${name}`);
  }
  const sigEntry = entries.get(packageEntries.signature);
  let signature: ParsedSignature | null = null;
  if (sigEntry) {
    if (sigEntry.size > 4096) throw fail('bad-signature', 'ลายเซ็นของชุดข้อมูลผิดรูปแบบ', 'The package signature is malformed');
    signature = parseMinisign(readSmall(sigEntry).toString('utf8'));
    if (!signature) throw fail('bad-signature', 'ลายเซ็นของชุดข้อมูลผิดรูปแบบ', 'The package signature is malformed');
  }
  return { sha256: sha256(data), bytes: data.length, entries, signature, claimed: signature ? parseTrustedComment(signature.trustedComment) : null };
}

/** Checks the signature over manifest.json with a public key; throws `bad-signature`. */
export function checkSignature(opened: OpenedPackage, keyId: Buffer, publicKey: Buffer): void {
  if (!opened.signature) throw fail('unsigned', 'ชุดข้อมูลนี้ไม่มีลายเซ็น (อาจเป็นชุดตัวอย่าง)', 'The package is not signed (it may be a preview)');
  const manifest = readSmall(opened.entries.get(packageEntries.manifest)!);
  if (!verifyMinisign(opened.signature, manifest, keyId, publicKey)) {
    throw fail('bad-signature', 'ลายเซ็นไม่ถูกต้อง: manifest.json ถูกแก้ไขหลังลงนาม หรือไม่ได้ลงนามด้วยกุญแจนี้', 'The signature does not verify: manifest.json was changed after signing, or not signed with this key');
  }
}

const fieldSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
  type: z.enum(['string', 'integer', 'number', 'boolean']),
});
const resourceSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
  path: z.string().max(200),
  bytes: z.number().int().min(0),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  schema: z.object({ fields: z.array(fieldSchema).min(1).max(500), primaryKey: z.array(z.string()).max(10) }),
});
const datapackageSchema = z.object({ resources: z.array(resourceSchema).max(200) });

/** A column read from a package: its name and type in the package's Table Schema. */
export type PackageField = z.infer<typeof fieldSchema>;

/** A data file of a package, hash-checked, not parsed yet. */
export interface PackageResource {
  name: string;
  fields: PackageField[];
  primaryKey: string[];
  entry: ZipEntry;
  /** The entry's bytes, inflated once to check the hash and kept for the parse. */
  data: Buffer;
}

/** A package whose signature (when checked), manifest and every hash hold. */
export interface VerifiedPackage {
  opened: OpenedPackage;
  manifest: Manifest;
  resources: PackageResource[];
}

/**
 * Reads the manifest and datapackage.json and checks every hash and size, after the caller has
 * checked the signature (or knowingly not: `verify` without a key). Throws {@link PackageError}.
 */
export function verifyContents(opened: OpenedPackage): VerifiedPackage {
  const manifestBytes = readSmall(opened.entries.get(packageEntries.manifest)!);
  let raw: unknown;
  try {
    raw = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw fail('bad-manifest', 'manifest.json อ่านไม่ได้', 'manifest.json cannot be read');
  }
  const major = formatMajor((raw as { format?: unknown } | null)?.format);
  if (major === null) throw fail('bad-manifest', 'ไม่รู้จักรูปแบบชุดข้อมูลนี้', 'Unknown package format');
  if (major > packageFormatMajor) {
    throw fail('newer-format', 'ชุดข้อมูลนี้ใช้รูปแบบที่ใหม่กว่าโปรแกรมนี้ กรุณาปรับรุ่นโปรแกรม (update the app)', 'The package uses a newer format than this program reads; update the app');
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw fail('bad-manifest', 'manifest.json ไม่ครบหรือผิดรูปแบบ', `manifest.json is incomplete or malformed: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  const manifest = parsed.data;
  if (opened.signature) {
    const claimed = parseTrustedComment(opened.signature.trustedComment);
    if (!claimed || claimed.tambonCode !== manifest.tambonCode || claimed.seq !== manifest.seq || keyIdHex(opened.signature.keyId) !== manifest.keyId) {
      throw fail('comment-mismatch', 'ข้อความที่ลงนาม (รหัสตำบล ลำดับ และรหัสกุญแจ) ไม่ตรงกับ manifest.json', 'The signed comment (tambon code and seq) or the key id does not match manifest.json');
    }
  }
  const dpEntry = opened.entries.get(packageEntries.datapackage)!;
  const dpBytes = readSmall(dpEntry);
  if (sha256(dpBytes) !== manifest.datapackageSha256) {
    throw fail('datapackage-hash', 'datapackage.json ไม่ตรงกับค่าแฮชใน manifest.json (ถูกแก้ไข)', 'datapackage.json does not match its hash in manifest.json (it was changed)');
  }
  let dp: z.infer<typeof datapackageSchema>;
  try {
    dp = datapackageSchema.parse(JSON.parse(dpBytes.toString('utf8')));
  } catch {
    throw fail('bad-datapackage', 'datapackage.json ผิดรูปแบบ', 'datapackage.json is malformed');
  }
  const listed = new Set<string>([packageEntries.manifest, packageEntries.signature, packageEntries.datapackage]);
  const listedResources: Omit<PackageResource, 'data'>[] = [];
  const names = new Set<string>();
  for (const resource of dp.resources) {
    if (resource.path !== `data/${resource.name}.csv` || names.has(resource.name)) {
      throw fail('bad-datapackage', `datapackage.json ระบุแฟ้ม ${resource.name} ไม่ถูกต้อง`, `datapackage.json lists ${resource.name} wrongly`);
    }
    names.add(resource.name);
    listed.add(resource.path);
    const entry = opened.entries.get(resource.path);
    if (!entry) throw fail('resource-mismatch', `ชุดข้อมูลไม่มีแฟ้ม ${resource.path}`, `The package has no ${resource.path}`);
    if (entry.size !== resource.bytes) throw fail('resource-mismatch', `ขนาดของ ${resource.path} ไม่ตรงกับที่ระบุ (ถูกแก้ไข)`, `The size of ${resource.path} differs from datapackage.json (it was changed)`);
    if (!manifest.tables[resource.name]) throw fail('resource-mismatch', `manifest.json ไม่ได้ระบุตาราง ${resource.name}`, `manifest.json does not list the table ${resource.name}`);
    listedResources.push({ name: resource.name, fields: resource.schema.fields, primaryKey: resource.schema.primaryKey, entry });
  }
  for (const name of opened.entries.keys()) {
    if (!listed.has(name)) throw fail('unlisted-entry', `ชุดข้อมูลมีแฟ้ม ${name} ที่ datapackage.json ไม่ได้ระบุ จึงไม่รับ`, `The package holds ${name}, which datapackage.json does not list; refused`);
  }
  for (const table of Object.keys(manifest.tables)) {
    if (!names.has(table)) throw fail('resource-mismatch', `ชุดข้อมูลไม่มีแฟ้มของตาราง ${table}`, `The package has no data file for the table ${table}`);
  }
  // Sizes above; now every hash, before anything is parsed.
  const hashes = new Map(dp.resources.map((r) => [r.name, r.hash.slice('sha256:'.length)]));
  const resources: PackageResource[] = [];
  for (const resource of listedResources) {
    let data: Buffer;
    try {
      data = resource.entry.read();
    } catch (error) {
      if (error instanceof ZipError) throw fromZipError(error);
      throw error;
    }
    if (sha256(data) !== hashes.get(resource.name)) {
      throw fail('resource-mismatch', `แฟ้ม ${resource.entry.name} ไม่ตรงกับค่าแฮช (ถูกแก้ไขหลังส่งออก)`, `${resource.entry.name} does not match its hash (it was changed after export)`);
    }
    resources.push({ ...resource, data });
  }
  return { opened, manifest, resources };
}

/** A parsed value of a cell, by its Table Schema type. */
export type CellValue = string | number | boolean | null;

/** Parses a cell of `type`; undefined when it is not one. */
export function parseCell(type: PackageField['type'], cell: CsvCell): CellValue | undefined {
  if (cell === null) return null;
  switch (type) {
    case 'string':
      return cell;
    case 'integer':
      return /^-?\d{1,16}$/.test(cell) && Number.isSafeInteger(Number(cell)) ? Number(cell) : undefined;
    case 'number': {
      const n = Number(cell);
      return cell.trim() !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return cell === 'true' ? true : cell === 'false' ? false : undefined;
  }
}

/** The records of a verified resource's CSV (header checked against its schema, row count against the manifest). */
export function readResource(pkg: VerifiedPackage, resource: PackageResource): CsvCell[][] {
  let records: CsvCell[][];
  try {
    records = readCsv(resource.data.toString('utf8'), resource.fields.length);
  } catch (error) {
    if (error instanceof CsvError) throw fail('bad-csv', `อ่านแฟ้ม ${resource.entry.name} ไม่ได้: ${error.message}`, `${resource.entry.name} cannot be read: ${error.message}`);
    throw error;
  }
  const header = records.shift();
  if (!header || header.join(',') !== resource.fields.map((f) => f.name).join(',')) {
    throw fail('bad-csv', `หัวตารางของ ${resource.entry.name} ไม่ตรงกับ datapackage.json`, `The header of ${resource.entry.name} differs from datapackage.json`);
  }
  if (records.length !== pkg.manifest.tables[resource.name]!.rows) {
    throw fail('row-count', `จำนวนแถวของ ${resource.name} ไม่ตรงกับ manifest.json`, `The row count of ${resource.name} differs from manifest.json`);
  }
  return records;
}
