/**
 * Putting whole files in place safely: every workspace file the app writes (a new workspace,
 * a save-as copy, a backup, a restore) is built under a temporary name beside its target and
 * moved into place only when complete, so a failure leaves the old state exactly as it was.
 */
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

function alreadyExists(target: string): ServiceError {
  const name = path.basename(target);
  return new ServiceError('CONFLICT', `มีไฟล์ชื่อนี้อยู่แล้ว: ${name} กรุณาเลือกชื่ออื่น`, `A file with this name already exists: ${name}`, 'path');
}

/** Moves `tmp` to `target` without ever replacing an existing file (a hard link where the disk allows it). */
function placeNew(tmp: string, target: string): void {
  if (fs.existsSync(target)) throw alreadyExists(target);
  // A database deleted by hand can leave its -wal behind; it must not be replayed into the new file.
  removeSidecars(target);
  try {
    fs.linkSync(tmp, target);
    fs.rmSync(tmp, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(target);
    // Disks without hard links (FAT-formatted USB sticks): check, then rename.
    if (fs.existsSync(target)) throw alreadyExists(target);
    fs.renameSync(tmp, target);
  }
}

/**
 * Writes `target` through a temporary file: `write(tmp)` builds it, then it is moved into place —
 * `create` refuses an existing target (CONFLICT), `replace` swaps it (the caller has closed it).
 * On any failure the temporary file and its companions are removed and the target is untouched.
 */
export async function writeViaTemp(
  target: string,
  mode: 'create' | 'replace',
  write: (tmp: string) => void | Promise<void>,
): Promise<void> {
  if (mode === 'create' && fs.existsSync(target)) throw alreadyExists(target);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(tmp);
    removeSidecars(tmp);
    if (mode === 'create') placeNew(tmp, target);
    else {
      removeSidecars(target);
      fs.renameSync(tmp, target);
    }
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    removeSidecars(tmp);
    throw error;
  }
}
