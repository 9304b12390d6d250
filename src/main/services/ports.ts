/**
 * Ports to the operating system. The real implementations are here (Node); Electron supplies
 * its dialogs; tests and the browser harness supply fakes. The fs port can inject faults so
 * failure paths are testable as root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { refused } from '../../shared/domain/result';
import type { PickedPath } from '../../shared/ipc/contract';

/** The file operations services use for files other than the SQLite workspace itself. */
export interface FsPort {
  readFile(file: string): Promise<Buffer>;
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  stat(file: string): Promise<{ size: number; mtimeMs: number }>;
  copyFile(from: string, to: string): Promise<void>;
}

/** The real file system. */
export const nodeFs: FsPort = {
  readFile: (file) => fs.promises.readFile(file),
  writeFile: (file, data) => fs.promises.writeFile(file, data),
  rename: (from, to) => fs.promises.rename(from, to),
  unlink: (file) => fs.promises.unlink(file),
  mkdir: async (dir) => {
    await fs.promises.mkdir(dir, { recursive: true });
  },
  readdir: (dir) => fs.promises.readdir(dir),
  stat: (file) => fs.promises.stat(file),
  copyFile: (from, to) => fs.promises.copyFile(from, to),
};

/**
 * Wraps an fs port so the named operation fails with `code` (ENOSPC, EACCES, EBUSY…) when
 * `when(file)` says so. For tests of failure paths.
 */
export function faultyFs(base: FsPort, fault: { op: keyof FsPort; code: string; when?: (file: string) => boolean }): FsPort {
  const wrapped = { ...base };
  const original = base[fault.op] as (...args: unknown[]) => Promise<unknown>;
  (wrapped as Record<string, unknown>)[fault.op] = async (...args: unknown[]) => {
    const file = String(args[fault.op === 'rename' || fault.op === 'copyFile' ? 1 : 0]);
    if (!fault.when || fault.when(file)) {
      throw Object.assign(new Error(`${fault.code}: injected fault on ${fault.op} ${file}`), { code: fault.code });
    }
    return original(...args);
  };
  return wrapped;
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it, so a failure
 * (full disk, locked target) keeps the old file intact.
 */
export async function writeFileAtomic(fsPort: FsPort, file: string, data: string | Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  await fsPort.mkdir(path.dirname(file));
  try {
    await fsPort.writeFile(tmp, data);
    await fsPort.rename(tmp, file);
  } catch (error) {
    await fsPort.unlink(tmp).catch(() => undefined);
    throw error;
  }
}

/** File dialogs: native ones in Electron; in the harness, the page asks for a path itself. */
export interface DialogPort {
  pickWorkspace(mode: 'open' | 'save', suggestedName?: string): Promise<PickedPath>;
}

/**
 * Where paths given by the renderer may point: in Electron only paths a native dialog returned
 * or the recent list holds (src/main/electron/pathPolicy.ts); in the harness only paths under
 * one folder chosen at start; in the CLI, any path typed on the command line.
 */
export interface PathPolicy {
  resolve(userPath: string): string;
}

/** The largest input file (survey workbook, package) read by default: 200 MiB. */
export const defaultInputSizeCap = 200 * 1024 * 1024;

/**
 * Refuses an input file larger than `cap` before anything parses it, so a huge or sparse file
 * cannot exhaust memory. Returns the size.
 */
export async function assertWithinSizeCap(fsPort: FsPort, file: string, cap = defaultInputSizeCap): Promise<number> {
  const { size } = await fsPort.stat(file);
  if (size > cap) {
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw refused(
      `ไฟล์ ${path.basename(file)} ใหญ่เกินไป (${mib(size)} MiB เกินขีดจำกัด ${mib(cap)} MiB)`,
      `The file ${path.basename(file)} is too large (${mib(size)} MiB, over the ${mib(cap)} MiB limit)`,
      'file',
    );
  }
  return size;
}
