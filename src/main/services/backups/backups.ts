/**
 * Automatic backups of the open workspace with SQLite's online backup: on open and at most
 * hourly while edited, pruned by the retention policy (the last 10, one a day for a week, one
 * a week for a month). Kept in the app data folder, one folder per workspace id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupsToKeep } from '../../../shared/domain/backupRetention';
import { ServiceError, refused } from '../../../shared/domain/result';
import type { BackupInfo } from '../../../shared/domain/workspace';
import { inspectWorkspaceFile } from '../../db/client';
import type { AppContext, OpenWorkspace } from '../context';
import { requireWorkspace } from '../workspace/workspace';

/** The smallest gap between two automatic backups taken because of edits. */
export const editBackupIntervalMs = 60 * 60 * 1000;

const namePattern = /^(\d{8}T\d{9}Z)-([a-z-]+)\.tpbak$/;

/** The folder that holds the backups of one workspace. */
export function backupDir(ctx: AppContext, workspaceId: string): string {
  return path.join(ctx.homeDir, 'backups', workspaceId);
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(text: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text);
  if (!m) return new Date(NaN);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!));
}

/** The backups of the open workspace, newest first. */
export function listBackups(ctx: AppContext, ws: OpenWorkspace = requireWorkspace(ctx)): BackupInfo[] {
  const dir = backupDir(ctx, ws.workspaceId);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((file) => {
      const m = namePattern.exec(file);
      if (!m) return [];
      return [{ file, createdAt: parseStamp(m[1]!).toISOString(), bytes: fs.statSync(path.join(dir, file)).size, reason: m[2]! }];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Takes a backup now (`reason`: open, hourly, manual, before-restore) and prunes old ones.
 * Written to a temporary name first, so a failed backup (full disk) leaves no partial file.
 */
export async function createBackup(ctx: AppContext, reason: string, ws: OpenWorkspace = requireWorkspace(ctx)): Promise<BackupInfo> {
  if (ws.backupInFlight) await ws.backupInFlight.catch(() => undefined);
  const run = (async () => {
    const dir = backupDir(ctx, ws.workspaceId);
    fs.mkdirSync(dir, { recursive: true });
    let now = ctx.clock();
    // Two backups in the same millisecond would share a name.
    while (fs.existsSync(path.join(dir, `${stamp(now)}-${reason}.tpbak`))) now = new Date(now.getTime() + 1);
    const file = `${stamp(now)}-${reason}.tpbak`;
    const tmp = path.join(dir, `.${file}.tmp`);
    try {
      await ws.sqlite.backup(tmp);
      fs.renameSync(tmp, path.join(dir, file));
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw error;
    }
    ws.lastBackupAt = now.getTime();
    pruneBackups(ctx, ws, now);
    return { file, createdAt: now.toISOString(), bytes: fs.statSync(path.join(dir, file)).size, reason };
  })();
  ws.backupInFlight = run;
  try {
    return await run;
  } finally {
    if (ws.backupInFlight === run) ws.backupInFlight = null;
  }
}

/** Deletes the backups the retention policy does not keep. */
export function pruneBackups(ctx: AppContext, ws: OpenWorkspace, now: Date): void {
  const all = listBackups(ctx, ws);
  const dates = all.map((b) => new Date(b.createdAt));
  const keep = new Set(backupsToKeep(dates, now).map((d) => d.toISOString()));
  for (const b of all) {
    if (!keep.has(b.createdAt)) fs.rmSync(path.join(backupDir(ctx, ws.workspaceId), b.file), { force: true });
  }
}

/**
 * Called after every change: takes an automatic backup when the last one is more than an hour
 * old. Runs in the background; a failure is logged, never thrown at the person typing.
 */
export function noteEdit(ctx: AppContext): void {
  const ws = ctx.session.workspace;
  if (!ws || ws.readonly || ws.backupInFlight) return;
  if (ctx.clock().getTime() - ws.lastBackupAt < editBackupIntervalMs) return;
  createBackup(ctx, 'hourly', ws).catch((error: unknown) => {
    console.warn(`automatic backup failed: ${(error as Error).message}`);
  });
}

/** Resolves a backup's file name (a bare name from {@link listBackups}) inside the workspace's backup folder. */
export function backupPath(ctx: AppContext, ws: OpenWorkspace, file: string): string {
  if (!namePattern.test(file)) {
    throw new ServiceError('VALIDATION', 'ชื่อไฟล์สำรองไม่ถูกต้อง', 'Not a backup file name', 'file');
  }
  const full = path.join(backupDir(ctx, ws.workspaceId), file);
  if (!fs.existsSync(full)) throw new ServiceError('NOT_FOUND', `ไม่พบไฟล์สำรอง ${file}`, `No backup ${file}`, 'file');
  inspectWorkspaceFile(full, ctx.migrationsDir);
  return full;
}

/**
 * Replaces the open workspace's file with a backup. The current state is backed up first
 * (reason `before-restore`), so a restore can itself be undone from the list.
 */
export async function restoreBackupFile(ctx: AppContext, file: string): Promise<string> {
  const ws = requireWorkspace(ctx);
  if (ws.readonly) throw refused('พื้นที่ทำงานเปิดแบบอ่านอย่างเดียว จึงกู้คืนไม่ได้', 'The workspace is read-only; it cannot be restored over');
  const source = backupPath(ctx, ws, file);
  await createBackup(ctx, 'before-restore', ws);
  const target = ws.file;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.restoring`);
  fs.copyFileSync(source, tmp);
  ctx.session.workspace = null;
  ws.sqlite.close();
  for (const side of [`${target}-wal`, `${target}-shm`]) fs.rmSync(side, { force: true });
  fs.renameSync(tmp, target);
  return target;
}
