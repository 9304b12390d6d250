/**
 * The tambon workspace file: create, open, summarise, save as, close. One SQLite file per tambon.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, isNull } from 'drizzle-orm';
import { ServiceError, refused } from '../../../shared/domain/result';
import type { Framework, WorkspaceSummary } from '../../../shared/domain/workspace';
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { answeringBusyTimeoutMs, migrateDatabase, openDatabase, schemaVersion } from '../../db/client';
import { insertRow, newId } from '../../db/repository';
import { frameworks, meta, offices, strategicIssues, tambon, villages } from '../../db/schema';
import { backupBeforeUpgrade, claimWorkspaceId, isWorkspaceId } from '../backups/backups';
import type { AppContext } from '../context';
import { writeAtomic } from '../files';
import { loadFrameworkPresets, loadGazetteer } from '../reference/reference';
import type { OpenWorkspace } from '../session';
import { runWrite, type Writer } from '../write';

type CreateInput = ChannelParsed<'workspace.create'>;

function resolveFramework(ctx: AppContext, choice: CreateInput['framework']): Framework {
  if ('presetId' in choice) {
    const preset = loadFrameworkPresets(ctx.resourcesDir).find((f) => f.id === choice.presetId);
    if (!preset) {
      throw new ServiceError('NOT_FOUND', `ไม่พบกรอบยุทธศาสตร์ ${choice.presetId}`, `No framework preset ${choice.presetId}`, 'framework.presetId');
    }
    return preset;
  }
  return {
    id: `custom-${newId()}`,
    nameTh: choice.custom.nameTh,
    provinceCode: null,
    issues: choice.custom.issues.map((nameTh, i) => ({ no: i + 1, nameTh })),
  };
}

/**
 * Creates a workspace file. It is built under a temporary name and moved into place only when
 * complete (never over an existing file), so a failure leaves nothing behind.
 */
export async function createWorkspaceFile(ctx: AppContext, input: CreateInput, writer: Writer): Promise<string> {
  const file = ctx.paths.resolve(input.path);
  const area = loadGazetteer(ctx.resourcesDir).tambon(input.tambonCode);
  const framework = resolveFramework(ctx, input.framework);
  await writeAtomic(ctx.fs, file, { mode: 'create', log: ctx.log }, (tmp) => {
    const ws = openDatabase(tmp, { migrationsDir: ctx.migrationsDir, create: true });
    try {
      runWrite(ws, writer, { capability: 'workspace', action: 'workspace.create' }, (tx) => {
        tx.db
          .insert(meta)
          .values([
            { key: 'workspaceId', value: newId() },
            { key: 'kind', value: 'tambon' },
            { key: 'createdAt', value: writer.now.toISOString() },
            { key: 'createdByApp', value: ctx.appVersion },
          ])
          .run();
        insertRow(tx, tambon, {
          code: area.tambon.code,
          nameTh: area.tambon.nameTh,
          nameEn: area.tambon.nameEn,
          districtCode: area.district.code,
          districtNameTh: area.district.nameTh,
          provinceCode: area.province.code,
          provinceNameTh: area.province.nameTh,
        });
        insertRow(tx, offices, { type: input.officeType, name: input.officeName, isHost: true });
        const fw = insertRow(tx, frameworks, { frameworkId: framework.id, nameTh: framework.nameTh, provinceCode: framework.provinceCode });
        for (const issue of framework.issues) insertRow(tx, strategicIssues, { frameworkRowId: fw.id, no: issue.no, nameTh: issue.nameTh });
        tx.detail = { tambonCode: area.tambon.code, framework: framework.id };
      });
      ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      ws.sqlite.close();
    }
  });
  return file;
}

/** Whether this process may write the file and its folder (SQLite needs both in WAL mode). */
function isWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A read-only connection beside a file that has no `-wal` and `-shm` would create them, owned by
 * this user (another user's file on a shared folder), or fail on read-only media. So a read-only
 * open reads the file in place only when both already exist (someone has it open: reading them
 * creates nothing), and otherwise a private copy in the temporary folder, removed at close.
 */
async function openReadonly(ctx: AppContext, file: string): Promise<{ ws: ReturnType<typeof openDatabase>; dispose?: () => void }> {
  if (fs.existsSync(`${file}-wal`) && fs.existsSync(`${file}-shm`)) {
    try {
      return { ws: openDatabase(file, { migrationsDir: ctx.migrationsDir, readonly: true }) };
    } catch (error) {
      if (!String((error as { code?: unknown }).code).startsWith('SQLITE_CANTOPEN')) throw error;
    }
  }
  const dir = await ctx.fs.makeTempDir('tambonplan-readonly-');
  const copy = path.join(dir, path.basename(file));
  const dispose = () => void ctx.fs.removeDir(dir).catch((error: unknown) => ctx.log.warn(`could not remove ${dir}: ${String(error)}`));
  try {
    for (const suffix of ['', '-wal']) if (await ctx.fs.exists(file + suffix)) await ctx.fs.copyFile(file + suffix, copy + suffix);
    return { ws: { ...openDatabase(copy, { migrationsDir: ctx.migrationsDir, readonly: true }), file }, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/**
 * Opens a workspace file; read-only when asked or when the file or folder cannot be written.
 * A file an older version wrote is backed up (`before-upgrade`) before its migrations run.
 * The workspace id read from the file is used only when it has the form of one (a UUID):
 * anything else is treated as a copy and given a new id before backups use it as a folder name.
 */
export async function openWorkspaceFile(ctx: AppContext, file: string, options: { readonly?: boolean } = {}): Promise<OpenWorkspace> {
  const readonly = options.readonly ?? !isWritable(file);
  // The app's thread that answers calls waits less for another writer than a script does.
  const busyTimeoutMs = ctx.transport === 'cli' ? undefined : answeringBusyTimeoutMs;
  const opened = readonly ? await openReadonly(ctx, file) : { ws: openDatabase(file, { migrationsDir: ctx.migrationsDir, migrate: false, busyTimeoutMs }) };
  const ws: OpenWorkspace = { ...opened.ws, workspaceId: '', lastBackupAt: 0, backupInFlight: null, dispose: opened.dispose };
  try {
    if (readonly) {
      const id = ws.db.select().from(meta).where(eq(meta.key, 'workspaceId')).get()?.value ?? '';
      ws.workspaceId = isWorkspaceId(id) ? id : '';
    } else {
      ws.workspaceId = await claimWorkspaceId(ctx, ws.file, ws.sqlite);
      if (opened.ws.pendingMigrations > 0) {
        await backupBeforeUpgrade(ctx, ws);
        migrateDatabase(ws, ctx.migrationsDir);
      }
    }
    return ws;
  } catch (error) {
    ws.sqlite.close();
    ws.dispose?.();
    throw error;
  }
}

/** Closes a workspace's connection (SQLite checkpoints the WAL into the file) and cleans up after it. */
export function closeWorkspaceDb(ws: OpenWorkspace): void {
  ws.sqlite.close();
  ws.dispose?.();
}

/** What the app shows of a workspace. */
export function summarizeWorkspace(ctx: AppContext, ws: OpenWorkspace): WorkspaceSummary {
  const db = ws.db;
  const t = db.select().from(tambon).where(isNull(tambon.deletedAt)).get();
  const office = db.select().from(offices).where(and(isNull(offices.deletedAt), eq(offices.isHost, true))).get();
  const fw = db.select().from(frameworks).where(isNull(frameworks.deletedAt)).get();
  if (!t || !office || !fw) {
    throw refused('พื้นที่ทำงานนี้ข้อมูลไม่ครบ (ไม่มีตำบล หน่วยงาน หรือกรอบยุทธศาสตร์)', 'This workspace is incomplete (no tambon, office or framework)');
  }
  const issues = db
    .select({ no: strategicIssues.no, nameTh: strategicIssues.nameTh })
    .from(strategicIssues)
    .where(and(eq(strategicIssues.frameworkRowId, fw.id), isNull(strategicIssues.deletedAt)))
    .orderBy(strategicIssues.no)
    .all();
  const villageCount = db.select({ n: count() }).from(villages).where(isNull(villages.deletedAt)).get()?.n ?? 0;
  return {
    path: ws.file,
    workspaceId: ws.workspaceId,
    readonly: ws.readonly,
    schemaVersion: schemaVersion(ctx.migrationsDir),
    tambon: {
      code: t.code,
      nameTh: t.nameTh,
      nameEn: t.nameEn,
      districtCode: t.districtCode,
      districtNameTh: t.districtNameTh,
      provinceCode: t.provinceCode,
      provinceNameTh: t.provinceNameTh,
    },
    office: { type: office.type, name: office.name },
    framework: { id: fw.frameworkId, nameTh: fw.nameTh, provinceCode: fw.provinceCode, issues },
    counts: { villages: villageCount },
  };
}

/** A short label for the recent-workspaces list. */
export function workspaceLabel(summary: WorkspaceSummary): string {
  return `ต.${summary.tambon.nameTh} อ.${summary.tambon.districtNameTh} จ.${summary.tambon.provinceNameTh}`;
}

/**
 * Copies the open workspace to `target` (never over an existing file) with SQLite's online
 * backup, gives the copy its own workspace id, and returns the copy's path.
 */
export async function copyWorkspaceTo(ctx: AppContext, ws: OpenWorkspace, target: string): Promise<string> {
  const file = ctx.paths.resolve(target);
  await writeAtomic(ctx.fs, file, { mode: 'create', log: ctx.log }, async (tmp) => {
    await ws.sqlite.backup(tmp);
    const copy = openDatabase(tmp, { migrationsDir: ctx.migrationsDir });
    try {
      // The file's own bookkeeping (a local table), not a row that travels.
      copy.db.update(meta).set({ value: newId() }).where(eq(meta.key, 'workspaceId')).run();
      copy.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      copy.sqlite.close();
    }
  });
  return file;
}
