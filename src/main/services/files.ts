/**
 * Putting whole files in place safely, the one way the services do it: a temporary name in the
 * target's own folder, written completely, flushed (fsync), moved into place, and the folder
 * flushed too, so a failure at any step (a full disk, a locked target, a crash) leaves the old
 * state exactly as it was. Every step goes through the fs port, where tests inject faults.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ServiceError } from '../../shared/domain/result';
import type { Logger } from './errors';
import type { FsPort } from './ports';

/** SQLite's companion files of a database file. */
export const sidecarSuffixes = ['-wal', '-shm', '-journal'] as const;

/**
 * Removes a database's companion files. Important: call it only when no connection has the
 * database open; a stale `-wal` beside a new file would be replayed into it.
 */
export async function removeSidecars(port: FsPort, file: string): Promise<void> {
  for (const suffix of sidecarSuffixes) await port.remove(`${file}${suffix}`);
}

/** Whether two paths name the same file (links, case-insensitive disks and other spellings included). */
export function isSameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a, { bigint: true });
    const sb = fs.statSync(b, { bigint: true });
    if (sa.ino !== 0n && sb.ino !== 0n) return sa.dev === sb.dev && sa.ino === sb.ino;
    const ra = fs.realpathSync.native(a);
    const rb = fs.realpathSync.native(b);
    return process.platform === 'linux' ? ra === rb : ra.toLowerCase() === rb.toLowerCase();
  } catch {
    return false;
  }
}

function alreadyExists(target: string): ServiceError {
  const name = path.basename(target);
  return new ServiceError('CONFLICT', `มีไฟล์ชื่อนี้อยู่แล้ว: ${name} กรุณาเลือกชื่ออื่น`, `A file with this name already exists: ${name}`, 'path');
}

/** The prefix and suffix of every temporary name {@link writeAtomic} uses, so leftovers can be found. */
export const tempPattern = /^\..+\.[0-9a-f-]{36}\.tmp(-wal|-shm|-journal)?$/;

/** The longest file name (in bytes of UTF-8) the disks an office uses take: NTFS, ext4 and FAT alike. */
const maxNameBytes = 255;

/** The start of `name`, at most `bytes` bytes of UTF-8, never cutting a character. */
function headOf(name: string, bytes: number): string {
  let head = '';
  for (const char of name) {
    if (Buffer.byteLength(head + char) > bytes) break;
    head += char;
  }
  return head;
}

/**
 * A temporary name beside `target`. Only the start of the target's name is in it, so a long
 * name that the disk takes is not refused only because its temporary name is longer still.
 */
function tempName(target: string): string {
  return path.join(path.dirname(target), `.${headOf(path.basename(target), 60)}.${crypto.randomUUID()}.tmp`);
}

function nameTooLong(): ServiceError {
  return new ServiceError(
    'VALIDATION',
    `ชื่อไฟล์ยาวเกินกว่าที่ดิสก์รับได้ (ไม่เกิน ${maxNameBytes} ไบต์ หรือราว 85 ตัวอักษรภาษาไทย) กรุณาตั้งชื่อให้สั้นลง`,
    `The file name is longer than disks allow (${maxNameBytes} bytes, about 85 Thai characters); use a shorter name`,
    'path',
  );
}

/** Moves `tmp` to `target` without ever replacing an existing file (a hard link where the disk allows it). */
async function placeNew(port: FsPort, tmp: string, target: string, log: Logger): Promise<void> {
  if (await port.exists(target)) throw alreadyExists(target);
  // A database deleted by hand can leave its -wal behind; it must not be replayed into the new file.
  await removeSidecars(port, target);
  try {
    await port.link(tmp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || (await port.exists(target))) throw alreadyExists(target);
    // Disks without hard links (FAT-formatted USB sticks): checked above, now rename.
    await port.rename(tmp, target);
    return;
  }
  try {
    await port.remove(tmp);
  } catch (error) {
    // The target is in place; a temporary name an antivirus still holds is only clutter.
    log.warn(`could not remove ${tmp}: ${(error as Error).message}`);
  }
}

/** How {@link writeAtomic} puts the file in place. */
export interface AtomicOptions {
  /** `create` refuses an existing target (CONFLICT); `replace` swaps it (a database must be closed first). */
  mode: 'create' | 'replace';
  /** Where a leftover temporary name is reported. */
  log?: Logger;
}

/**
 * Writes `target` through a temporary file beside it: `produce(tmp)` writes the whole file
 * (SQLite's backup, a copy, or {@link writeFileAtomic} / {@link writeStreamAtomic}), then it is
 * flushed, moved into place and the folder flushed. On any failure the temporary file and its
 * SQLite companions are removed and the target is untouched.
 */
export async function writeAtomic(
  port: FsPort,
  target: string,
  options: AtomicOptions,
  produce: (tmp: string) => void | Promise<void>,
): Promise<void> {
  const log = options.log ?? console;
  if (Buffer.byteLength(path.basename(target)) > maxNameBytes) throw nameTooLong();
  if (options.mode === 'create' && (await port.exists(target))) throw alreadyExists(target);
  await port.mkdir(path.dirname(target));
  const tmp = tempName(target);
  try {
    await produce(tmp);
    await removeSidecars(port, tmp);
    await port.fsync(tmp);
    if (options.mode === 'create') await placeNew(port, tmp, target, log);
    else {
      await removeSidecars(port, target);
      await port.rename(tmp, target);
    }
    await port.fsync(path.dirname(target));
  } catch (error) {
    await port.remove(tmp).catch(() => undefined);
    await removeSidecars(port, tmp).catch(() => undefined);
    throw error;
  }
}

/** Writes `data` to `target` atomically (see {@link writeAtomic}); replaces by default. */
export function writeFileAtomic(port: FsPort, target: string, data: string | Uint8Array, mode: AtomicOptions['mode'] = 'replace'): Promise<void> {
  return writeAtomic(port, target, { mode }, (tmp) => port.writeFile(tmp, data));
}

/**
 * Writes `target` atomically from a stream: `write(stream)` writes everything and resolves;
 * the stream is then ended and waited for. For exceljs workbooks, zip archives and PDFs.
 */
export function writeStreamAtomic(
  port: FsPort,
  target: string,
  mode: AtomicOptions['mode'],
  write: (stream: Writable) => Promise<void>,
): Promise<void> {
  return writeAtomic(port, target, { mode }, async (tmp) => {
    const stream = port.createWriteStream(tmp);
    try {
      await write(stream);
      if (!stream.writableEnded) stream.end();
      await finished(stream);
    } catch (error) {
      stream.destroy();
      throw error;
    }
  });
}

/**
 * Removes what interrupted writes left in `dir` (a crash or a power cut between the temporary
 * file and its rename): temporary names of {@link writeAtomic} and their SQLite companions
 * older than `olderThanMs`, so a write still under way in another process is left alone.
 */
export async function removeLeftovers(port: FsPort, dir: string, now: number, olderThanMs = 15 * 60 * 1000): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await port.readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!tempPattern.test(name)) continue;
    const file = path.join(dir, name);
    const stat = await port.stat(file).catch(() => null);
    if (!stat || now - stat.mtimeMs < olderThanMs) continue;
    await port.remove(file).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}
