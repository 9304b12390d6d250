/**
 * Putting whole files in place safely: every workspace file the app writes (a new workspace,
 * a save-as copy, a backup, a restore) is built under a temporary name beside its target and
 * moved into place only when complete, so a failure leaves the old state exactly as it was.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../../shared/domain/result';

/** SQLite's companion files of a database file. */
const sidecarSuffixes = ['-wal', '-shm', '-journal'];

/**
 * Removes a database's companion files. Important: call it only when no connection has the
 * database open; a stale `-wal` beside a new file would be replayed into it.
 */
export function removeSidecars(file: string): void {
  for (const suffix of sidecarSuffixes) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Flushes a file (or, where the platform allows, a folder's entries) to the disk. */
export function fsyncPath(target: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Folders cannot be opened for sync on Windows; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
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

/** Moves `tmp` to `target` without ever replacing an existing file (a hard link where the disk allows it). */
function placeNew(tmp: string, target: string): void {
  if (fs.existsSync(target)) throw alreadyExists(target);
  // A database deleted by hand can leave its -wal behind; it must not be replayed into the new file.
  removeSidecars(target);
  let linked = false;
  try {
    fs.linkSync(tmp, target);
    linked = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || fs.existsSync(target)) throw alreadyExists(target);
    // Disks without hard links (FAT-formatted USB sticks): checked above, now rename.
    fs.renameSync(tmp, target);
  }
  if (!linked) return;
  try {
    fs.rmSync(tmp, { force: true });
  } catch (error) {
    // The target is in place; a temporary name an antivirus still holds is only clutter.
    console.warn(`could not remove ${tmp}: ${(error as Error).message}`);
  }
}

/**
 * Writes `target` through a temporary file: `write(tmp)` builds it, then it is flushed and
 * moved into place — `create` refuses an existing target (CONFLICT), `replace` swaps it (the
 * caller has closed it). On any failure the temporary file and its companions are removed and
 * the target is untouched.
 */
export async function writeViaTemp(
  target: string,
  mode: 'create' | 'replace',
  write: (tmp: string) => void | Promise<void>,
): Promise<void> {
  if (mode === 'create' && fs.existsSync(target)) throw alreadyExists(target);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomUUID()}.tmp`);
  try {
    await write(tmp);
    removeSidecars(tmp);
    fsyncPath(tmp);
    if (mode === 'create') placeNew(tmp, target);
    else {
      removeSidecars(target);
      fs.renameSync(tmp, target);
    }
    fsyncPath(path.dirname(target));
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    removeSidecars(tmp);
    throw error;
  }
}
