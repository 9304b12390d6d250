/**
 * Opening a workspace file: checks that it is one (without touching a file that is not),
 * sets the pragmas (WAL, foreign keys), and applies the committed drizzle migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { refused, ServiceError } from '../../shared/domain/result';
import * as schema from './schema';

/** A drizzle handle over a store's schema, plus the raw better-sqlite3 connection. */
export interface StoreDb<S extends Record<string, unknown>> {
  db: BetterSQLite3Database<S>;
  sqlite: Database.Database;
  file: string;
  readonly: boolean;
}

/** A drizzle handle over the workspace schema, plus the raw better-sqlite3 connection. */
export type WorkspaceDb = StoreDb<typeof schema>;

/** `PRAGMA application_id` of a TambonPlan tambon workspace ('TPLN'). */
export const workspaceApplicationId = 0x54504c4e;

/**
 * The kinds of SQLite file the app writes, by `application_id`: the tambon workspace, and the
 * data center workspace of a province or a district ('TPDC', its own schema and migrations in
 * db/datacenter). Opening one kind as the other is refused with a message naming what it is.
 */
export const storeKinds = {
  tambon: { applicationId: workspaceApplicationId, th: 'พื้นที่ทำงานของตำบล', en: 'a tambon workspace' },
  datacenter: { applicationId: 0x54504443, th: 'พื้นที่ทำงานศูนย์ข้อมูล (จังหวัด/อำเภอ)', en: 'a data center workspace (province or district)' },
} as const;
/** One of {@link storeKinds}. */
export type StoreKind = keyof typeof storeKinds;

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** The migrations this build knows, from `resources/migrations/meta/_journal.json`. */
export function knownMigrations(migrationsDir: string): { tag: string; when: number }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries;
}

/** The schema version this build writes: the number of migrations it knows. */
export function schemaVersion(migrationsDir: string): number {
  return knownMigrations(migrationsDir).length;
}

/**
 * Refuses, with a message a person can act on, a file that is not a TambonPlan workspace or
 * that a newer version of the app wrote. Reads only the 100-byte SQLite header (magic,
 * `application_id`, `user_version` = schema version): it never opens the file with SQLite,
 * which would leave `-wal`/`-shm` files beside it.
 */
export function inspectWorkspaceFile(file: string, migrationsDir: string, kind: StoreKind = 'tambon'): { pendingMigrations: number } {
  const { applicationId, version } = readStoreHeader(file);
  return judgeWorkspace(path.basename(file), applicationId, version, migrationsDir, kind);
}

/**
 * The kind of a TambonPlan file (by its header's application id, the -wal's committed copy
 * first), or null when it is none of the app's. Throws NOT_FOUND or REFUSED when unreadable.
 */
export function storeKindOf(file: string): StoreKind | null {
  const { applicationId } = readStoreHeader(file);
  return (Object.keys(storeKinds) as StoreKind[]).find((k) => storeKinds[k].applicationId === applicationId) ?? null;
}

/** The application id and schema version of a SQLite file's header, never opening it with SQLite. */
function readStoreHeader(file: string): { applicationId: number; version: number } {
  const header = Buffer.alloc(100);
  let read: number;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      read = fs.readSync(fd, header, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ServiceError('NOT_FOUND', `ไม่พบไฟล์: ${file}`, `File not found: ${file}`, 'path');
    }
    throw refused(`เปิดไฟล์ไม่ได้: ${file}`, `Cannot read the file: ${file}`, 'path');
  }
  const name = path.basename(file);
  if (read < 100 || !header.subarray(0, 16).equals(sqliteHeader)) {
    throw refused(`ไฟล์นี้ไม่ใช่ไฟล์พื้นที่ทำงาน TambonPlan: ${name}`, `This file is not a TambonPlan workspace: ${name}`, 'path');
  }
  // Important: in WAL mode the live header may sit in the -wal (a newer app still has the file
  // open, or crashed). It is read from the -wal's last committed copy of page 1, not through
  // SQLite, which would leave a -shm beside a file it was only asked to look at.
  const live = fs.existsSync(`${file}-wal`) ? committedHeaderInWal(`${file}-wal`) : null;
  const current = live ?? header;
  return { applicationId: current.readUInt32BE(68), version: current.readUInt32BE(60) };
}

/** SQLite's WAL checksum over `data` (32-bit words, in the byte order the WAL's magic says), continuing from `s`. */
function walChecksum(data: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const a = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const b = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + a + s1) >>> 0;
    s1 = (s1 + b + s0) >>> 0;
  }
  return [s0, s1];
}

/**
 * The first 100 bytes of the newest committed copy of page 1 in a WAL file, or null when the WAL
 * holds none (empty, reset, or a torn write). Follows SQLite's file format: a 32-byte header
 * (magic, page size, salts, checksum), then frames of a 24-byte header and one page; a frame
 * counts only when its salts match the header's and the running checksum holds, and a page-1
 * copy only once a commit frame follows it.
 */
export function committedHeaderInWal(walFile: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(walFile, 'r');
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(32);
    if (fs.readSync(fd, header, 0, 32, 0) < 32) return null;
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return null;
    const bigEndian = magic === 0x377f0683;
    const pageSize = header.readUInt32BE(8) === 1 ? 65536 : header.readUInt32BE(8);
    if (pageSize < 512 || pageSize > 65536) return null;
    let sum = walChecksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28)) return null;
    const frame = Buffer.alloc(24 + pageSize);
    let pending: Buffer | null = null;
    let committed: Buffer | null = null;
    for (let offset = 32; fs.readSync(fd, frame, 0, frame.length, offset) === frame.length; offset += frame.length) {
      if (frame.readUInt32BE(8) !== header.readUInt32BE(16) || frame.readUInt32BE(12) !== header.readUInt32BE(20)) break;
      sum = walChecksum(frame.subarray(0, 8), bigEndian, sum);
      sum = walChecksum(frame.subarray(24), bigEndian, sum);
      if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20)) break;
      if (frame.readUInt32BE(0) === 1) pending = Buffer.from(frame.subarray(24, 124));
      if (frame.readUInt32BE(4) !== 0 && pending) committed = pending;
    }
    return committed;
  } finally {
    fs.closeSync(fd);
  }
}

/** Refuses another application's database or a newer schema; answers how many migrations are pending. */
function judgeWorkspace(name: string, applicationId: number, written: number, migrationsDir: string, kind: StoreKind): { pendingMigrations: number } {
  const other = (Object.keys(storeKinds) as StoreKind[]).find((k) => k !== kind && storeKinds[k].applicationId === applicationId);
  if (other) {
    throw refused(
      `ไฟล์นี้เป็น${storeKinds[other].th} ไม่ใช่${storeKinds[kind].th}: ${name}`,
      `This file is ${storeKinds[other].en}, not ${storeKinds[kind].en}: ${name}`,
      'path',
    );
  }
  if (applicationId !== storeKinds[kind].applicationId) {
    throw refused(
      `ไฟล์นี้เป็นฐานข้อมูลของโปรแกรมอื่น ไม่ใช่พื้นที่ทำงาน TambonPlan: ${name}`,
      `This database belongs to another application, not TambonPlan: ${name}`,
      'path',
    );
  }
  const known = schemaVersion(migrationsDir);
  if (written > known) {
    throw refused(
      'พื้นที่ทำงานนี้สร้างด้วย TambonPlan รุ่นที่ใหม่กว่า กรุณาปรับรุ่นโปรแกรมก่อนเปิด',
      'This workspace was written by a newer version of TambonPlan; update the app to open it',
      'path',
    );
  }
  return { pendingMigrations: known - written };
}

/**
 * How long a connection waits for another (the CLI, the app's job worker) to finish writing before
 * it says "in use". better-sqlite3 waits on the calling thread, so the app's main thread, which
 * answers every call, waits at most {@link answeringBusyTimeoutMs}.
 */
export const busyTimeoutMs = 5000;
/** The wait of the thread that answers the app's calls: short waits succeed, a long one is told. */
export const answeringBusyTimeoutMs = 1000;

/** Applies the connection pragmas every workspace connection needs. */
function applyPragmas(sqlite: Database.Database, readonly: boolean): void {
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  if (!readonly) sqlite.pragma('synchronous = NORMAL');
}

/** How a store is opened (see {@link openStore}). */
export interface OpenStoreOptions {
  migrationsDir: string;
  create?: boolean;
  readonly?: boolean;
  migrate?: boolean;
  busyTimeoutMs?: number;
}

/**
 * Opens an existing workspace (after {@link inspectWorkspaceFile}) or creates a new one when
 * `create` is set. Pending migrations are applied at once unless `migrate: false`, for a caller
 * that backs the file up first and then calls {@link migrateDatabase}; a read-only open refuses
 * a file that needs them.
 */
export function openDatabase(file: string, options: OpenStoreOptions): WorkspaceDb & { pendingMigrations: number } {
  return openStore(file, 'tambon', schema, options);
}

/** {@link openDatabase} for a store of `kind` with its drizzle `storeSchema`. */
export function openStore<S extends Record<string, unknown>>(
  file: string,
  kind: StoreKind,
  storeSchema: S,
  options: OpenStoreOptions,
): StoreDb<S> & { pendingMigrations: number } {
  const readonly = options.readonly ?? false;
  let pendingMigrations = schemaVersion(options.migrationsDir);
  if (!options.create) {
    ({ pendingMigrations } = inspectWorkspaceFile(file, options.migrationsDir, kind));
    if (readonly && pendingMigrations > 0) {
      throw refused(
        'พื้นที่ทำงานนี้ต้องปรับรุ่นข้อมูล แต่ไฟล์เป็นแบบอ่านอย่างเดียว กรุณาคัดลอกไปไว้ที่ที่เขียนได้ก่อน',
        'This workspace needs a schema upgrade but is read-only; copy it somewhere writable first',
        'path',
      );
    }
  }
  // The busy timeout is set before the first statement, so even switching to WAL waits for a writer.
  const sqlite = new Database(file, { readonly, fileMustExist: !options.create, timeout: options.busyTimeoutMs ?? busyTimeoutMs });
  try {
    if (readonly) {
      // The first read opens the WAL index (and fails here, not later, on read-only media);
      // a read-only connection sees the live header without ever checkpointing.
      judgeWorkspace(
        path.basename(file),
        sqlite.pragma('application_id', { simple: true }) as number,
        sqlite.pragma('user_version', { simple: true }) as number,
        options.migrationsDir,
        kind,
      );
    }
    applyPragmas(sqlite, readonly);
    if (options.create) sqlite.pragma(`application_id = ${storeKinds[kind].applicationId}`);
    const ws = { db: drizzle(sqlite, { schema: storeSchema }), sqlite, file, readonly, pendingMigrations };
    // The header's schema version says whether anything is pending; skipping migrate() then saves ~20 ms per open.
    if (!readonly && pendingMigrations > 0 && options.migrate !== false) migrateDatabase(ws, options.migrationsDir);
    return ws;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Applies the pending migrations and writes the schema version into the file header. */
export function migrateDatabase(ws: StoreDb<Record<string, unknown>> & { pendingMigrations?: number }, migrationsDir: string): void {
  migrate(ws.db, { migrationsFolder: migrationsDir });
  // The schema version, readable from the file header without opening it (see inspectWorkspaceFile).
  const version = schemaVersion(migrationsDir);
  if (ws.sqlite.pragma('user_version', { simple: true }) !== version) ws.sqlite.pragma(`user_version = ${version}`);
  ws.pendingMigrations = 0;
}

/**
 * Whether this connection alone has its database open. Leaving WAL mode needs every other
 * connection gone (another process, a CLI run), so the probe asks for it without waiting. For a
 * caller about to replace the file (restore): with `thenBackToWal` the connection returns to WAL
 * at once (a check before the work); without, it stays out of WAL, for the moment before the swap.
 */
export function holdsFileAlone(sqlite: Database.Database, options: { thenBackToWal?: boolean } = {}): boolean {
  const previous = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    const alone = sqlite.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
    if (alone && options.thenBackToWal) sqlite.pragma('journal_mode = WAL');
    return alone;
  } catch (error) {
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return false;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}
