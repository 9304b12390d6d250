/**
 * Automatic backups of the open workspace with SQLite's online backup: on open and at most
 * hourly while edited, pruned by the retention policy (shared/domain/backupRetention.ts). Kept
 * in the app data folder, one folder per workspace id; the folder remembers which file it
 * belongs to, so a copy made in a file manager gets its own. Beside each backup, a small JSON
 * note says how many villages it holds and how far the audit log had got, so the list can tell
 * backups apart ("3 changes since").
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { backupsToKeep } from '../../../shared/domain/backupRetention';
import { ServiceError, refused } from '../../../shared/domain/result';
import { backupReasons, type BackupInfo, type BackupReason } from '../../../shared/domain/workspace';
import { holdsFileAlone, inspectWorkspaceFile } from '../../db/client';
import { newId } from '../../db/repository';
import type { AppContext } from '../context';
import { isSameFile, removeLeftovers, writeAtomic, writeFileAtomic } from '../files';
import { holdLease, refuseWhileLeased, requireWorkspace, type Lease, type OpenStore, type OpenWorkspace } from '../session';

/** The smallest gap between two automatic backups taken because of edits. */
export const editBackupIntervalMs = 60 * 60 * 1000;

const namePattern = new RegExp(`^(\\d{8}T\\d{9}Z)-(${backupReasons.join('|')})\\.tpbak$`);
const ownerFile = 'workspace.json';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What a backup's note records (see the module comment): the live villages, and the last audit
 * entry (its number and instant), by which "changes since" is counted.
 */
interface BackupNote {
  villages: number | null;
  auditSeq: number | null;
  auditAt: string | null;
}

/** Whether `id` has the form of a workspace id (a UUID), so it may name a folder. */
export function isWorkspaceId(id: string): boolean {
  return uuidPattern.test(id);
}

/**
 * The folder that holds the backups of one workspace. Important: the id comes from the file,
 * which anyone may have written: it must be a UUID, and the folder must lie inside the app data
 * folder's `backups`, or nothing is built from it.
 */
export function backupDir(ctx: AppContext, workspaceId: string): string {
  const root = path.join(ctx.homeDir, 'backups');
  const dir = path.join(root, workspaceId);
  if (!isWorkspaceId(workspaceId) || path.dirname(dir) !== root) {
    throw new ServiceError('INTERNAL', 'รหัสพื้นที่ทำงานไม่ถูกต้อง', `Not a workspace id: ${JSON.stringify(workspaceId)}`);
  }
  return dir;
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
function backupName(dir: string, reason: BackupReason, when: Date): { file: string; at: Date } {
  let at = when;
  // Two backups in the same millisecond would share a name.
  while (fs.existsSync(path.join(dir, `${stamp(at)}-${reason}.tpbak`))) at = new Date(at.getTime() + 1);
  return { file: `${stamp(at)}-${reason}.tpbak`, at };
}

const noteOf = (file: string) => file.replace(/\.tpbak$/, '.json');

/** The file a workspace id's backups belong to, as recorded, or undefined. */
function ownerOf(ctx: AppContext, workspaceId: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(backupDir(ctx, workspaceId), ownerFile), 'utf8')) as { path?: string }).path;
  } catch {
    return undefined;
  }
}

/**
 * The workspace id a writable file's backups are kept under, made sure to be its own: a file
 * without an id, with something else in its place, or a copy of another workspace file that
 * still exists elsewhere (same id, another file) gets a new id first, so its backups never mix
 * with the original's. A moved file keeps its id and its backups. Works on the raw connection,
 * so it runs before migrations (the pre-upgrade backup) as well as after.
 */
export async function claimWorkspaceId(ctx: AppContext, file: string, sqlite: OpenWorkspace['sqlite']): Promise<string> {
  const row = sqlite.prepare("select value from meta where key = 'workspaceId'").get() as { value: string } | undefined;
  let id = row?.value ?? '';
  const owner = isWorkspaceId(id) ? ownerOf(ctx, id) : undefined;
  const isCopy = owner !== undefined && fs.existsSync(owner) && !isSameFile(owner, file);
  if (!isWorkspaceId(id) || isCopy) {
    id = newId();
    sqlite.prepare("insert into meta (key, value) values ('workspaceId', ?) on conflict (key) do update set value = excluded.value").run(id);
  }
  if (ownerOf(ctx, id) !== file) {
    try {
      await writeFileAtomic(ctx.fs, path.join(backupDir(ctx, id), ownerFile), `${JSON.stringify({ path: file })}\n`);
    } catch (error) {
      // The backups will fail too and say so; opening the workspace must not.
      ctx.log.warn(`backup folder not writable: ${(error as Error).message}`);
    }
  }
  return id;
}

/** A value read from an open database, or null where it cannot be (a table an older schema lacks). */
function readValue<T>(sqlite: OpenWorkspace['sqlite'], sql: string, ...params: unknown[]): T | null {
  try {
    return (sqlite.prepare(sql).pluck().get(...params) as T | undefined) ?? null;
  } catch {
    return null;
  }
}

/** The village count and the last audit entry of an open database, for a backup's note. */
function noteNow(sqlite: OpenWorkspace['sqlite']): BackupNote {
  const auditSeq = readValue<number>(sqlite, 'select max(seq) from audit_log');
  return {
    villages: readValue<number>(sqlite, 'select count(*) from villages where deleted_at is null'),
    auditSeq,
    auditAt: auditSeq === null ? null : readValue<string>(sqlite, 'select at from audit_log where seq = ?', auditSeq),
  };
}

function readNote(file: string): BackupNote {
  try {
    const note = JSON.parse(fs.readFileSync(noteOf(file), 'utf8')) as Partial<BackupNote>;
    return {
      villages: typeof note.villages === 'number' ? note.villages : null,
      auditSeq: typeof note.auditSeq === 'number' ? note.auditSeq : null,
      auditAt: typeof note.auditAt === 'string' ? note.auditAt : null,
    };
  } catch {
    return { villages: null, auditSeq: null, auditAt: null };
  }
}

/**
 * How many changes the open workspace has had since a backup: counted by the audit log, when the
 * backup's last entry is in it unchanged (the same number at the same instant). After a restore
 * to an older state the numbers start again from that state's, and a backup of the abandoned
 * later state shares no history with the file: then the count is unknown (null), never a
 * misleading "none".
 */
function changesSince(ws: OpenStore, note: BackupNote, currentSeq: number | null): number | null {
  if (note.auditSeq === null || note.auditAt === null || currentSeq === null || note.auditSeq > currentSeq) return null;
  const sameEntry = readValue<string>(ws.sqlite, 'select at from audit_log where seq = ?', note.auditSeq) === note.auditAt;
  return sameEntry ? currentSeq - note.auditSeq : null;
}

/** The backups of the open workspace, newest first. */
export function listBackups(ctx: AppContext, ws: OpenStore = requireWorkspace(ctx)): BackupInfo[] {
  // A read-only workspace may be a copy still carrying the original's id: show none rather than the original's.
  if (ws.readonly || !isWorkspaceId(ws.workspaceId)) return [];
  const dir = backupDir(ctx, ws.workspaceId);
  if (!fs.existsSync(dir)) return [];
  const current = readValue<number>(ws.sqlite, 'select max(seq) from audit_log');
  return fs
    .readdirSync(dir)
    .flatMap((file) => {
      const m = namePattern.exec(file);
      if (!m) return [];
      const full = path.join(dir, file);
      const note = readNote(full);
      return [
        {
          file,
          createdAt: parseStamp(m[1]!).toISOString(),
          bytes: fs.statSync(full).size,
          reason: m[2] as BackupReason,
          villages: note.villages,
          changesSince: changesSince(ws, note, current),
        },
      ];
    })
    // ISO instants sort by their code units; localeCompare would load ICU's collator on every workspace open.
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** What holds the workspace while a backup is taken. */
const backingUp = { th: 'สำรองข้อมูล', en: 'A backup' };

/**
 * Takes a backup now and, unless told not to, prunes old ones. Written to a temporary name
 * first, so a failed backup (full disk) leaves no partial file. One backup of a workspace runs
 * at a time; it holds the workspace (no close, open or restore) while it runs.
 */
export async function createBackup(
  ctx: AppContext,
  reason: BackupReason,
  ws: OpenStore = requireWorkspace(ctx),
  options: { prune?: boolean } = {},
): Promise<BackupInfo> {
  if (ws.readonly || !isWorkspaceId(ws.workspaceId)) {
    throw refused('พื้นที่ทำงานที่เปิดแบบอ่านอย่างเดียวไม่มีการสำรองข้อมูล (ไม่มีการแก้ไขให้สำรอง)', 'A workspace open read-only is not backed up (it cannot change)');
  }
  // Important: loop, and claim the slot with no await in between, so two waiters never run at once.
  while (ws.backupInFlight) await ws.backupInFlight.catch(() => undefined);
  const { release } = holdLease(ctx, backingUp);
  const run = (async () => {
    const dir = backupDir(ctx, ws.workspaceId);
    await ctx.fs.mkdir(dir);
    const { file, at } = backupName(dir, reason, ctx.clock());
    const note = noteNow(ws.sqlite);
    await writeAtomic(ctx.fs, path.join(dir, file), { mode: 'create', log: ctx.log }, async (tmp) => {
      await ws.sqlite.backup(tmp);
    });
    await writeFileAtomic(ctx.fs, noteOf(path.join(dir, file)), `${JSON.stringify(note)}\n`).catch((error: unknown) => {
      ctx.log.warn(`could not write the backup's note: ${(error as Error).message}`);
    });
    ws.lastBackupAt = at.getTime();
    if (options.prune !== false) await pruneBackups(ctx, ws, at);
    const info: BackupInfo = {
      file,
      createdAt: at.toISOString(),
      bytes: fs.statSync(path.join(dir, file)).size,
      reason,
      villages: note.villages,
      changesSince: 0,
    };
    ctx.emit('data.changed', { capability: 'backups', action: `backup.${reason}`, tables: {} });
    return info;
  })();
  ws.backupInFlight = run;
  try {
    return await run;
  } finally {
    if (ws.backupInFlight === run) ws.backupInFlight = null;
    release();
  }
}

/** The backup taken before pending migrations change an existing file, so an upgrade can be undone. */
export async function backupBeforeUpgrade(ctx: AppContext, ws: OpenStore): Promise<void> {
  await createBackup(ctx, 'before-upgrade', ws, { prune: false });
}

/** Deletes the backups (and their notes) the retention policy does not keep. */
export async function pruneBackups(ctx: AppContext, ws: OpenStore, now: Date): Promise<void> {
  const all = listBackups(ctx, ws).map((b) => ({ ...b, at: new Date(b.createdAt) }));
  const keep = new Set(backupsToKeep(all, now));
  const dir = backupDir(ctx, ws.workspaceId);
  for (const b of all) {
    if (keep.has(b)) continue;
    await ctx.fs.remove(path.join(dir, b.file));
    await ctx.fs.remove(noteOf(path.join(dir, b.file)));
  }
}

/** Whether two files have the same bytes. */
function sameContent(a: string, b: string): boolean {
  if (fs.statSync(a).size !== fs.statSync(b).size) return false;
  const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
  return hash(a) === hash(b);
}

/**
 * The on-open backup. First removes what interrupted backups left in the folder (temporary
 * names, SQLite journals). A copy identical to the newest backup is dropped (reopening an
 * unchanged workspace); with `atMostHourly` none is taken while the newest is under an hour old,
 * so a script's many short edits do not rotate the useful backups out.
 */
export async function backupOnOpen(ctx: AppContext, ws: OpenStore, options: { atMostHourly?: boolean } = {}): Promise<void> {
  if (ws.readonly || !isWorkspaceId(ws.workspaceId)) return;
  const dir = backupDir(ctx, ws.workspaceId);
  await removeLeftovers(ctx.fs, dir, ctx.clock().getTime());
  const newest = listBackups(ctx, ws).find((b) => b.reason !== 'before-upgrade' && b.reason !== 'before-restore');
  if (newest) ws.lastBackupAt = new Date(newest.createdAt).getTime();
  if (newest && options.atMostHourly && ctx.clock().getTime() - ws.lastBackupAt < editBackupIntervalMs) return;
  const taken = await createBackup(ctx, 'open', ws, { prune: false });
  if (newest && sameContent(path.join(dir, taken.file), path.join(dir, newest.file))) {
    await ctx.fs.remove(path.join(dir, taken.file));
    await ctx.fs.remove(noteOf(path.join(dir, taken.file)));
    ws.lastBackupAt = new Date(newest.createdAt).getTime();
  }
  await pruneBackups(ctx, ws, ctx.clock());
}

/**
 * Called after every change: takes an automatic backup when the last one is more than an hour
 * old. Runs in the background; a failure is logged, never thrown at the person typing.
 */
export function noteEdit(ctx: AppContext): void {
  const ws: OpenStore | null = ctx.session.workspace ?? ctx.session.datacenter;
  if (!ws || ws.readonly || ws.backupInFlight) return;
  if (ctx.clock().getTime() - ws.lastBackupAt < editBackupIntervalMs) return;
  createBackup(ctx, 'hourly', ws).catch((error: unknown) => {
    ctx.log.warn(`automatic backup failed: ${(error as Error).message}`);
  });
}

/** Resolves a backup's file name (a bare name from {@link listBackups}) inside the workspace's backup folder. */
export function backupPath(ctx: AppContext, ws: OpenWorkspace, file: string): string {
  if (!namePattern.test(file)) {
    throw new ServiceError('VALIDATION', 'ชื่อไฟล์สำรองไม่ถูกต้อง', 'Not a backup file name', 'file');
  }
  if (!isWorkspaceId(ws.workspaceId)) throw new ServiceError('NOT_FOUND', `ไม่พบไฟล์สำรอง ${file}`, `No backup ${file}`, 'file');
  const full = path.join(backupDir(ctx, ws.workspaceId), file);
  if (!fs.existsSync(full)) throw new ServiceError('NOT_FOUND', `ไม่พบไฟล์สำรอง ${file}`, `No backup ${file}`, 'file');
  inspectWorkspaceFile(full, ctx.migrationsDir);
  return full;
}

/** A restore refused because another program has the workspace file open. */
function heldElsewhere(): ServiceError {
  return new ServiceError(
    'CONFLICT',
    'ไฟล์พื้นที่ทำงานนี้ถูกโปรแกรมอื่นเปิดอยู่ (เช่น คำสั่ง tambon-plan) จึงกู้คืนไม่ได้ กรุณาปิดโปรแกรมนั้นแล้วลองอีกครั้ง',
    'Another program (a tambon-plan command, say) has this workspace file open, so it cannot be restored; close it and try again',
  );
}

/** What a restore is called where a person reads it. */
export const restoring = { th: 'กู้คืนข้อมูล', en: 'A restore' };

/**
 * Replaces the open workspace's file with a backup, under `lease` (which blocks writes and is the
 * caller's to release). Refused at once while another program (a script) has the file open, and
 * while anything else holds the workspace. The chosen backup is copied (and flushed) first; then
 * the current state is backed up (reason `before-restore`), so a restore can itself be undone
 * from the list. On failure the file is as it was.
 */
export async function restoreBackupFile(ctx: AppContext, file: string, lease: Lease): Promise<string> {
  const ws = requireWorkspace(ctx);
  if (ws.readonly) throw refused('พื้นที่ทำงานเปิดแบบอ่านอย่างเดียว จึงกู้คืนไม่ได้', 'The workspace is read-only; it cannot be restored over');
  refuseWhileLeased(ctx, { th: 'กู้คืนข้อมูล', en: 'restored' }, lease);
  const source = backupPath(ctx, ws, file);
  // Checked before any work (a refused attempt takes no backup), and again just before the swap.
  if (!holdsFileAlone(ws.sqlite, { thenBackToWal: true })) throw heldElsewhere();
  await writeAtomic(ctx.fs, ws.file, { mode: 'replace', log: ctx.log }, async (tmp) => {
    // Copied before the before-restore backup, whose pruning may remove the chosen file.
    await ctx.fs.copyFile(source, tmp);
    await createBackup(ctx, 'before-restore', ws);
    if (!holdsFileAlone(ws.sqlite)) throw heldElsewhere();
    // The file is swapped only now, with the connection closed; nothing was lost before this.
    ctx.session.workspace = null;
    ws.sqlite.close();
    ws.dispose?.();
  });
  return ws.file;
}
