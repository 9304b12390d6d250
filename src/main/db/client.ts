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

/** A drizzle handle over the workspace schema, plus the raw better-sqlite3 connection. */
export interface WorkspaceDb {
  db: BetterSQLite3Database<typeof schema>;
  sqlite: Database.Database;
  file: string;
  readonly: boolean;
}

/** `PRAGMA application_id` of a TambonPlan tambon workspace ('TPLN'). */
export const workspaceApplicationId = 0x54504c4e;

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
export function inspectWorkspaceFile(file: string, migrationsDir: string): { pendingMigrations: number } {
  const header = Buffer.alloc(100);
  let read = 0;
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
  const judged = judgeWorkspace(name, header.readUInt32BE(68), header.readUInt32BE(60), migrationsDir);
  // Important: in WAL mode the live header may sit in the -wal (a newer app still has the file
  // open, or crashed). A read-only connection sees it and, unlike a writable one, does not
  // checkpoint the WAL into the file when it closes; the -wal exists already, so no new file appears.
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) {
    const probe = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return judgeWorkspace(
        name,
        probe.pragma('application_id', { simple: true }) as number,
        probe.pragma('user_version', { simple: true }) as number,
        migrationsDir,
      );
    } finally {
      probe.close();
    }
  }
  return judged;
}

/** Refuses another application's database or a newer schema; answers how many migrations are pending. */
function judgeWorkspace(name: string, applicationId: number, written: number, migrationsDir: string): { pendingMigrations: number } {
  if (applicationId !== workspaceApplicationId) {
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

/** Applies the connection pragmas every workspace connection needs. */
function applyPragmas(sqlite: Database.Database, readonly: boolean): void {
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  if (!readonly) sqlite.pragma('synchronous = NORMAL');
}

/**
 * Opens an existing workspace (after {@link inspectWorkspaceFile}) or creates a new one when
 * `create` is set; migrations are applied at open unless `readonly`.
 */
export function openDatabase(
  file: string,
  options: {
    migrationsDir: string;
    create?: boolean;
    readonly?: boolean;
    /** Runs before pending migrations are applied to an existing file (the pre-upgrade backup). */
    beforeMigrate?: (sqlite: Database.Database) => void;
  },
): WorkspaceDb {
  const readonly = options.readonly ?? false;
  let pendingMigrations = Infinity;
  if (!options.create) {
    ({ pendingMigrations } = inspectWorkspaceFile(file, options.migrationsDir));
    if (readonly && pendingMigrations > 0) {
      throw refused(
        'พื้นที่ทำงานนี้ต้องปรับรุ่นข้อมูล แต่ไฟล์เป็นแบบอ่านอย่างเดียว กรุณาคัดลอกไปไว้ที่ที่เขียนได้ก่อน',
        'This workspace needs a schema upgrade but is read-only; copy it somewhere writable first',
        'path',
      );
    }
  }
  const sqlite = new Database(file, { readonly, fileMustExist: !options.create });
  try {
    if (readonly) {
      // The first read opens the WAL index (and fails here, not later, on read-only media);
      // a read-only connection sees the live header without ever checkpointing.
      judgeWorkspace(
        path.basename(file),
        sqlite.pragma('application_id', { simple: true }) as number,
        sqlite.pragma('user_version', { simple: true }) as number,
        options.migrationsDir,
      );
    }
    applyPragmas(sqlite, readonly);
    if (options.create) sqlite.pragma(`application_id = ${workspaceApplicationId}`);
    const db = drizzle(sqlite, { schema });
    // The header's schema version says whether anything is pending; skipping migrate() then saves ~20 ms per open.
    if (!readonly && pendingMigrations > 0) {
      if (!options.create) options.beforeMigrate?.(sqlite);
      migrate(db, { migrationsFolder: options.migrationsDir });
      // The schema version, readable from the file header without opening it (see inspectWorkspaceFile).
      const version = schemaVersion(options.migrationsDir);
      if (sqlite.pragma('user_version', { simple: true }) !== version) sqlite.pragma(`user_version = ${version}`);
    }
    return { db, sqlite, file, readonly };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
