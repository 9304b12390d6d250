/**
 * The zip container of a package, written and read here over node:zlib, so the reader can refuse
 * a hostile archive before it inflates a byte. Writer: stored or deflated entries, no extra
 * fields, no data descriptors, fixed timestamps. Reader (strict): one end-of-central-directory
 * record at the very end, no zip64, no multi-disk, no encryption, only store and deflate; every
 * local header agrees with its central entry; entries neither overlap nor leave gaps; names
 * relative, without `..`, backslashes, drive letters or control characters, and never twice;
 * no symbolic links or folders; limits on entry count, sizes and compression ratio, the declared
 * size enforced while inflating (`maxOutputLength`) and the CRC checked.
 */
import zlib from 'node:zlib';

/** One file to put in a zip. */
export interface ZipInput {
  name: string;
  data: Buffer;
  /** Deflate (default) or store. */
  store?: boolean;
  /** Test hook: the raw external attributes (a symlink's mode in the high 16 bits). */
  externalAttributes?: number;
}

/** The limits a reader enforces (see {@link defaultZipLimits}). */
export interface ZipLimits {
  maxEntries: number;
  /** The most one entry may inflate to. */
  maxEntryBytes: number;
  /** The most all entries together may inflate to. */
  maxTotalBytes: number;
  /** The most an entry may inflate per compressed byte (a zip bomb inflates 1,000× and more). */
  maxRatio: number;
}

/** Limits for a tambon package: 64 entries besides the data files' count, 512 MiB inflated in all. */
export const defaultZipLimits: ZipLimits = {
  maxEntries: 256,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
};

/** Why an archive was refused, with a stable code the messages are chosen by. */
export class ZipError extends Error {
  readonly reason: ZipRefusal;
  readonly entry: string | undefined;
  constructor(reason: ZipRefusal, detail: string, entry?: string) {
    super(detail);
    this.name = 'ZipError';
    this.reason = reason;
    this.entry = entry;
  }
}

/** The kinds of refusal. */
export type ZipRefusal =
  | 'not-zip'
  | 'truncated'
  | 'unsupported'
  | 'too-many-entries'
  | 'too-large'
  | 'ratio'
  | 'unsafe-name'
  | 'duplicate-name'
  | 'link'
  | 'corrupt';

/** The DOS date and time of 1980-01-01 00:00, the earliest a zip can say: packages carry no file times. */
const dosTime = 0;
const dosDate = (0 << 9) | (1 << 5) | 1;

/** A zip of `files`, in the order given. */
export function writeZip(files: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const crc = zlib.crc32(file.data);
    const method = file.store ? 0 : 8;
    const body = file.store ? file.data : zlib.deflateRawSync(file.data, { level: 6 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(file.externalAttributes !== undefined ? 0x031e : 20, 4); // made by: Unix when attributes are given
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(file.externalAttributes ?? 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An entry of a read archive: its name, sizes, and its content inflated on demand. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  crc: number;
  method: number;
  /** Inflates (or copies) the entry, enforcing its declared size and CRC. */
  read(): Buffer;
}

/** Whether `name` is a safe relative entry name (see the module comment). */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.length > 255) return false;
  // eslint-disable-next-line no-control-regex -- control characters in a name are what this refuses
  if (/[\u0000-\u001f\u007f\\:*?"<>|]/.test(name)) return false;
  if (name.startsWith('/') || name.endsWith('/')) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && part.trim() === part);
}

/**
 * Reads the central directory of `data` strictly (see the module comment) and answers its
 * entries, nothing inflated yet. Throws {@link ZipError}.
 */
export function readZip(data: Buffer, limits: ZipLimits = defaultZipLimits): ZipEntry[] {
  if (data.length < 22) throw new ZipError(data.length === 0 ? 'not-zip' : 'truncated', 'too short for a zip');
  if (data.readUInt32LE(0) !== 0x04034b50 && data.readUInt32LE(0) !== 0x06054b50) throw new ZipError('not-zip', 'no zip signature at the start');
  // No archive comment: the end record is the last 22 bytes.
  const endAt = data.length - 22;
  if (data.readUInt32LE(endAt) !== 0x06054b50) {
    const found = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    throw new ZipError(found >= 0 ? 'unsupported' : 'truncated', found >= 0 ? 'archive comment or trailing bytes' : 'no end-of-central-directory record');
  }
  const disk = data.readUInt16LE(endAt + 4);
  const cdDisk = data.readUInt16LE(endAt + 6);
  const countHere = data.readUInt16LE(endAt + 8);
  const count = data.readUInt16LE(endAt + 10);
  const cdSize = data.readUInt32LE(endAt + 12);
  const cdOffset = data.readUInt32LE(endAt + 16);
  const commentLength = data.readUInt16LE(endAt + 20);
  if (disk !== 0 || cdDisk !== 0 || countHere !== count) throw new ZipError('unsupported', 'multi-disk archive');
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipError('unsupported', 'zip64');
  if (commentLength !== 0) throw new ZipError('unsupported', 'archive comment');
  if (count > limits.maxEntries) throw new ZipError('too-many-entries', `${count} entries`);
  if (cdOffset + cdSize !== endAt) throw new ZipError('corrupt', 'central directory does not end where the end record starts');
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = cdOffset;
  let expectedLocal = 0;
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > endAt || data.readUInt32LE(at) !== 0x02014b50) throw new ZipError('corrupt', 'bad central directory entry');
    const madeBy = data.readUInt16LE(at + 4);
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const crc = data.readUInt32LE(at + 16);
    const compressedSize = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const entryCommentLength = data.readUInt16LE(at + 32);
    const diskStart = data.readUInt16LE(at + 34);
    const external = data.readUInt32LE(at + 38);
    const localOffset = data.readUInt32LE(at + 42);
    if (at + 46 + nameLength + extraLength + entryCommentLength > endAt) throw new ZipError('corrupt', 'central entry runs past the directory');
    const rawName = data.subarray(at + 46, at + 46 + nameLength);
    const name = rawName.toString('utf8');
    at += 46 + nameLength + extraLength + entryCommentLength;
    if (!Buffer.from(name, 'utf8').equals(rawName)) throw new ZipError('unsafe-name', 'entry name is not UTF-8', name);
    if (diskStart !== 0) throw new ZipError('unsupported', 'multi-disk archive', name);
    if (flags & 0x0001) throw new ZipError('unsupported', 'encrypted entry', name);
    if (flags & 0x0008) throw new ZipError('unsupported', 'data descriptor', name);
    if (method !== 0 && method !== 8) throw new ZipError('unsupported', `compression method ${method}`, name);
    const unixMode = madeBy >> 8 === 3 ? external >>> 16 : 0;
    if ((unixMode & 0o170000) === 0o120000) throw new ZipError('link', 'symbolic link entry', name);
    if ((unixMode & 0o170000) === 0o040000 || external & 0x10 || name.endsWith('/')) throw new ZipError('unsafe-name', 'folder entry', name);
    if (!isSafeEntryName(name)) throw new ZipError('unsafe-name', 'unsafe entry name', name);
    const key = name.normalize('NFC').toLowerCase();
    if (names.has(key)) throw new ZipError('duplicate-name', 'duplicate entry name', name);
    names.add(key);
    if (size > limits.maxEntryBytes) throw new ZipError('too-large', `entry of ${size} bytes`, name);
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipError('too-large', `${total} bytes in all`, name);
    if (method === 0 && compressedSize !== size) throw new ZipError('corrupt', 'stored entry with two sizes', name);
    if (method === 8 && size > 1024 * 1024 && size / Math.max(1, compressedSize) > limits.maxRatio) throw new ZipError('ratio', `ratio ${Math.round(size / Math.max(1, compressedSize))}`, name);
    // The local header must sit exactly where the previous entry ended: no gaps, no overlaps.
    if (localOffset !== expectedLocal) throw new ZipError('corrupt', 'entries overlap or leave gaps', name);
    if (localOffset + 30 > cdOffset || data.readUInt32LE(localOffset) !== 0x04034b50) throw new ZipError('corrupt', 'bad local header', name);
    const localFlags = data.readUInt16LE(localOffset + 6);
    const localMethod = data.readUInt16LE(localOffset + 8);
    const localCrc = data.readUInt32LE(localOffset + 14);
    const localCompressed = data.readUInt32LE(localOffset + 18);
    const localSize = data.readUInt32LE(localOffset + 22);
    const localNameLength = data.readUInt16LE(localOffset + 26);
    const localExtra = data.readUInt16LE(localOffset + 28);
    const localName = data.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    if (localFlags !== flags || localMethod !== method || localCrc !== crc || localCompressed !== compressedSize || localSize !== size || !localName.equals(rawName)) {
      throw new ZipError('corrupt', 'local header disagrees with the central directory', name);
    }
    const start = localOffset + 30 + localNameLength + localExtra;
    const end = start + compressedSize;
    if (end > cdOffset) throw new ZipError('truncated', 'entry data runs past the central directory', name);
    expectedLocal = end;
    const body = data.subarray(start, end);
    entries.push({
      name,
      compressedSize,
      size,
      crc,
      method,
      read() {
        let out: Buffer;
        if (method === 0) out = Buffer.from(body);
        else {
          try {
            out = zlib.inflateRawSync(body, { maxOutputLength: Math.max(1, size) });
          } catch (error) {
            const code = (error as { code?: string }).code;
            throw new ZipError(code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'corrupt', `cannot inflate: ${(error as Error).message}`, name);
          }
        }
        if (out.length !== size) throw new ZipError('corrupt', 'inflated size differs from the declared size', name);
        if (zlib.crc32(out) !== crc) throw new ZipError('corrupt', 'CRC mismatch', name);
        return out;
      },
    });
  }
  if (at !== endAt) throw new ZipError('corrupt', 'central directory size disagrees with its entries');
  if (expectedLocal !== cdOffset) throw new ZipError('corrupt', 'bytes between the last entry and the central directory');
  return entries;
}
