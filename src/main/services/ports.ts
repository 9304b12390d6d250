/**
 * Ports to the operating system. The real implementations are here (Node); Electron supplies
 * its dialogs; tests and the browser harness supply fakes. The fs port can inject faults so
 * failure paths are testable as root.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { refused } from '../../shared/domain/result';
import type { Writable } from 'node:stream';
import type { Display, WindowView } from '../../shared/ipc/app';
import type { PickedPath } from '../../shared/ipc/contract';

/**
 * Every file write the services make goes through this port (SQLite's own writes to a database
 * excepted): the real one is {@link nodeFs}; tests wrap it with {@link faultyFs} to make one
 * operation fail (a full disk, a locked target, an antivirus holding a file).
 */
export interface FsPort {
  readFile(file: string): Promise<Buffer>;
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  /** A stream to write a file with (exceljs, zip and PDF output). */
  createWriteStream(file: string): Writable;
  /** Flushes a file, or a folder's entries where the platform allows it, to the disk. */
  fsync(target: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** A hard link: puts a file under a second name, failing with EEXIST when the name is taken. */
  link(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  /** Removes a file; a missing one is not an error. */
  remove(file: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
  /** A new private folder in the system's temporary folder, its name starting with `prefix`. */
  makeTempDir(prefix: string): Promise<string>;
  /** Removes a folder and all it holds; a missing one is not an error. */
  removeDir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  stat(file: string): Promise<{ size: number; mtimeMs: number }>;
  exists(file: string): Promise<boolean>;
}

/** What {@link syncToDisk} needs of the file system: opening a handle that can be flushed. */
export interface SyncOpener {
  open(target: string, flags: 'r' | 'r+'): Promise<{ sync(): Promise<void>; close(): Promise<void> }>;
  isDirectory(target: string): Promise<boolean>;
}

/**
 * Flushes a file, or a folder's entries, to the disk. Important: a file is opened for writing
 * (`r+`): on Windows FlushFileBuffers needs write access, and a read-only handle fails with
 * EPERM. A folder is opened read-only and a failure is ignored: Windows cannot open folders this
 * way at all (NTFS journals the rename itself).
 */
export async function syncToDisk(fsys: SyncOpener, target: string): Promise<void> {
  if (await fsys.isDirectory(target)) {
    const dir = await fsys.open(target, 'r').catch(() => null);
    if (!dir) return;
    try {
      await dir.sync().catch(() => undefined);
    } finally {
      await dir.close();
    }
    return;
  }
  const file = await fsys.open(target, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

const nodeSyncOpener: SyncOpener = {
  open: (target, flags) => fs.promises.open(target, flags),
  isDirectory: async (target) => (await fs.promises.stat(target)).isDirectory(),
};

/** The real file system. */
export const nodeFs: FsPort = {
  readFile: (file) => fs.promises.readFile(file),
  writeFile: (file, data) => fs.promises.writeFile(file, data),
  createWriteStream: (file) => fs.createWriteStream(file, { flags: 'wx' }),
  fsync: (target) => syncToDisk(nodeSyncOpener, target),
  rename: (from, to) => fs.promises.rename(from, to),
  link: (from, to) => fs.promises.link(from, to),
  copyFile: (from, to) => fs.promises.copyFile(from, to),
  remove: (file) => fs.promises.rm(file, { force: true }),
  mkdir: async (dir) => {
    await fs.promises.mkdir(dir, { recursive: true });
  },
  makeTempDir: (prefix) => fs.promises.mkdtemp(path.join(os.tmpdir(), prefix)),
  removeDir: (dir) => fs.promises.rm(dir, { recursive: true, force: true }),
  readdir: (dir) => fs.promises.readdir(dir),
  stat: (file) => fs.promises.stat(file),
  exists: async (file) => {
    try {
      await fs.promises.lstat(file);
      return true;
    } catch {
      return false;
    }
  },
};

/** The argument of each operation that names the file a fault is about (the target of a rename, link or copy). */
const faultArgument: Partial<Record<keyof FsPort, number>> = { rename: 1, link: 1, copyFile: 1 };

/**
 * Wraps an fs port so the named operation fails with `code` (ENOSPC, EACCES, EBUSY…) when
 * `when(file)` says so, `times` times at most (every time when not given). For tests of failure paths.
 */
export function faultyFs(
  base: FsPort,
  fault: { op: keyof FsPort; code: string; when?: (file: string) => boolean; times?: number },
): FsPort {
  const wrapped = { ...base };
  const original = (base[fault.op] as (...args: unknown[]) => unknown).bind(base);
  let left = fault.times ?? Infinity;
  (wrapped as Record<string, unknown>)[fault.op] = (...args: unknown[]) => {
    const file = String(args[faultArgument[fault.op] ?? 0]);
    if (left > 0 && (!fault.when || fault.when(file))) {
      left -= 1;
      const error = Object.assign(new Error(`${fault.code}: injected fault on ${fault.op} ${file}`), { code: fault.code });
      if (fault.op === 'createWriteStream') throw error;
      return Promise.reject(error);
    }
    return original(...args);
  };
  return wrapped;
}

/** The kinds of file an export is saved as. */
export type ExportFormat = 'xlsx' | 'pdf';

/** File dialogs: native ones in Electron; in the harness, the page asks for a path itself. */
export interface DialogPort {
  pickWorkspace(mode: 'open' | 'save', suggestedName?: string): Promise<PickedPath>;
  /** Where to save an export (a workbook, a PDF), starting from `suggestedName`; replacing a file asks first. */
  pickExport(suggestedName: string, format: ExportFormat): Promise<PickedPath>;
}

/**
 * More windows of the app (the forum's projector view) and the displays they can go to: Electron's
 * windows and screens in the app; none in the harness, where the page opens a tab itself, or the CLI.
 */
export interface WindowPort {
  displays(): Display[];
  /** Opens a window showing `view`, on the display `displayId` when given (else the best one). */
  open(view: WindowView, displayId?: number): 'opened' | 'open-in-page';
}

/** No windows of its own: the harness (the page opens them) and the CLI. */
export const inPageWindows: WindowPort = { displays: () => [], open: () => 'open-in-page' };

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
