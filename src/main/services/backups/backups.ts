/**
 * Automatic backups of the open workspace with SQLite's online backup: on open and at most
 * hourly while edited, pruned by the retention policy (the last 10, one a day for a week, one
 * a week for a month). Kept in the app data folder, one folder per workspace id; the folder
 * remembers which file it belongs to, so a copy made in a file manager gets its own.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { backupsToKeep } from '../../../shared/domain/backupRetention';
import { ServiceError, refused } from '../../../shared/domain/result';
import type { BackupInfo } from '../../../shared/domain/workspace';
import { inspectWorkspaceFile } from '../../db/client';
import { newId } from '../../db/repository';
import type { AppContext, OpenWorkspace } from '../context';
import { fsyncPath, isSameFile, writeViaTemp } from '../files';
import { requireWorkspace } from '../workspace/workspace';

/** The smallest gap between two automatic backups taken because of edits. */
export const editBackupIntervalMs = 60 * 60 * 1000;

const namePattern = /^(\d{8}T\d{9}Z)-([a-z-]+)\.tpbak$/;
const ownerFile = 'workspace.json';

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

/** A fresh, unused backup file name for `reason` at (or just after) `when`. */
function backupName(dir: string, reason: string, when: Date): { file: string; at: Date } {
  let at = when;
  // Two backups in the same millisecond would share a name.
  while (fs.existsSync(path.join(dir, `${stamp(at)}-${reason}.tpbak`))) at = new Date(at.getTime() + 1);
  return { file: `${stamp(at)}-${reason}.tpbak`, at };
}

/**
 * The workspace id a writable file's backups are kept under, made sure to be its own: a file
 * without an id, or a copy of another workspace file that still exists elsewhere (same id,
 * another file), gets a new id first, so its backups never mix with the original's. A moved
 * file keeps its id and its backups. Works on the raw connection, so it can run before
 * migrations (the pre-upgrade backup) as well as after opening.
 */
export function claimWorkspaceId(ctx: AppContext, file: string, sqlite: OpenWorkspace['sqlite']): string {
  const row = sqlite.prepare("select value from meta where key = 'workspaceId'").get() as { value: string } | undefined;
  let id = row?.value ?? '';
  const ownerOf = (candidate: string) => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(backupDir(ctx, candidate), ownerFile), 'utf8')) as { path?: string }).path;
    } catch {
      return undefined;
    }
  };
  const owner = id ? ownerOf(id) : undefined;
  const isCopy = owner !== undefined && fs.existsSync(owner) && !isSameFile(owner, file);
  if (!id || isCopy) {
    id = newId();
    sqlite.prepare("insert into meta (key, value) values ('workspaceId', ?) on conflict (key) do update set value = excluded.value").run(id);
  }
  if (ownerOf(id) !== file) {
    try {
      fs.mkdirSync(backupDir(ctx, id), { recursive: true });
      fs.writeFileSync(path.join(backupDir(ctx, id), ownerFile), `${JSON.stringify({ path: file })}\n`);
    } catch (error) {
      // The backups will fail too and say so; opening the workspace must not.
      console.warn(`backup folder not writable: ${(error as Error).message}`);
    }
  }
  return id;
}

/** The backups of the open workspace, newest first. */
export function listBackups(ctx: AppContext, ws: OpenWorkspace = requireWorkspace(ctx)): BackupInfo[] {
  // A read-only workspace may be a copy still carrying the original's id: show none rather than the original's.
  const dir = backupDir(ctx, ws.workspaceId);
  if (ws.readonly || !ws.workspaceId || !fs.existsSync(dir)) return [];
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
 * Takes a backup now (`reason`: open, hourly, manual, before-restore) and, unless told not to,
 * prunes old ones. Written to a temporary name first, so a failed backup (full disk) leaves no
 * partial file. One backup of a workspace runs at a time.
 */
export async function createBackup(
  ctx: AppContext,
  reason: string,
  ws: OpenWorkspace = requireWorkspace(ctx),
  options: { prune?: boolean } = {},
): Promise<BackupInfo> {
  if (ws.readonly || !ws.workspaceId) {
    throw refused('พื้นที่ทำงานที่เปิดแบบอ่านอย่างเดียวไม่มีการสำรองข้อมูล (ไม่มีการแก้ไขให้สำรอง)', 'A workspace open read-only is not backed up (it cannot change)');
  }
  // Important: loop, and claim the slot with no await in between, so two waiters never run at once.
  while (ws.backupInFlight) await ws.backupInFlight.catch(() => undefined);
  const run = (async () => {
    const dir = backupDir(ctx, ws.workspaceId);
    fs.mkdirSync(dir, { recursive: true });
    const { file, at } = backupName(dir, reason, ctx.clock());
    await writeViaTemp(path.join(dir, file), 'create', async (tmp) => {
      await ws.sqlite.backup(tmp);
    });
    ws.lastBackupAt = at.getTime();
    if (options.prune !== false) pruneBackups(ctx, ws, at);
    return { file, createdAt: at.toISOString(), bytes: fs.statSync(path.join(dir, file)).size, reason };
  })();
  ws.backupInFlight = run;
  try {
    return await run;
  } finally {
    if (ws.backupInFlight === run) ws.backupInFlight = null;
  }
}

/**
 * A synchronous backup with `VACUUM INTO`, for the moment before pending migrations change an
 * existing file (openDatabase's `beforeMigrate`), so an upgrade can always be undone.
 */
export function backupBeforeUpgrade(ctx: AppContext, workspaceFile: string, sqlite: OpenWorkspace['sqlite']): void {
  const dir = backupDir(ctx, claimWorkspaceId(ctx, workspaceFile, sqlite));
  fs.mkdirSync(dir, { recursive: true });
  const { file } = backupName(dir, 'before-upgrade', ctx.clock());
  const tmp = path.join(dir, `.${file}.tmp`);
  try {
    sqlite.prepare('VACUUM INTO ?').run(tmp);
    fsyncPath(tmp);
    fs.renameSync(tmp, path.join(dir, file));
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** Deletes the backups the retention policy does not keep. */
export function pruneBackups(ctx: AppContext, ws: OpenWorkspace, now: Date): void {
  const all = listBackups(ctx, ws);
  const keep = new Set(backupsToKeep(all.map((b) => new Date(b.createdAt)), now).map((d) => d.toISOString()));
  for (const b of all) {
    if (!keep.has(b.createdAt)) fs.rmSync(path.join(backupDir(ctx, ws.workspaceId), b.file), { force: true });
  }
}

/** Whether two files have the same bytes. */
function sameContent(a: string, b: string): boolean {
  if (fs.statSync(a).size !== fs.statSync(b).size) return false;
  const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
  return hash(a) === hash(b);
}

/**
 * The on-open backup. A copy identical to the newest backup is dropped (reopening an unchanged
 * workspace); with `atMostHourly` none is taken while the newest is under an hour old, so a
 * script's many short edits do not rotate the useful backups out.
 */
export async function backupOnOpen(ctx: AppContext, ws: OpenWorkspace, options: { atMostHourly?: boolean } = {}): Promise<void> {
  if (ws.readonly) return;
  const newest = listBackups(ctx, ws)[0];
  if (newest) ws.lastBackupAt = new Date(newest.createdAt).getTime();
  if (newest && options.atMostHourly && ctx.clock().getTime() - ws.lastBackupAt < editBackupIntervalMs) return;
  const taken = await createBackup(ctx, 'open', ws, { prune: false });
  const dir = backupDir(ctx, ws.workspaceId);
  if (newest && sameContent(path.join(dir, taken.file), path.join(dir, newest.file))) {
    fs.rmSync(path.join(dir, taken.file), { force: true });
    ws.lastBackupAt = new Date(newest.createdAt).getTime();
  }
  pruneBackups(ctx, ws, ctx.clock());
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
 * Replaces the open workspace's file with a backup. The chosen backup is copied (and flushed)
 * first; then the current state is backed up (reason `before-restore`), so a restore can itself
 * be undone from the list; changes are refused while it runs. On failure the file is as it was.
 */
export async function restoreBackupFile(ctx: AppContext, file: string): Promise<string> {
  const ws = requireWorkspace(ctx);
  if (ws.readonly) throw refused('พื้นที่ทำงานเปิดแบบอ่านอย่างเดียว จึงกู้คืนไม่ได้', 'The workspace is read-only; it cannot be restored over');
  const source = backupPath(ctx, ws, file);
  ws.busy = 'กู้คืนข้อมูล';
  try {
    await writeViaTemp(ws.file, 'replace', async (tmp) => {
      // Copied before the before-restore backup, whose pruning may remove the chosen file.
      fs.copyFileSync(source, tmp);
      await createBackup(ctx, 'before-restore', ws);
      // The file is swapped only now, with the connection closed; nothing was lost before this.
      ctx.session.workspace = null;
      ws.sqlite.close();
    });
  } finally {
    ws.busy = null;
  }
  return ws.file;
}
