/**
 * The tambon workspace: create, open, summarise, save as, close. One SQLite file per tambon.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, isNull } from 'drizzle-orm';
import { ServiceError, refused } from '../../../shared/domain/result';
import type { CreateWorkspaceInput, Framework, WorkspaceSummary } from '../../../shared/domain/workspace';
import { createWorkspaceInputSchema } from '../../../shared/domain/workspace';
import { openDatabase, schemaVersion, type WorkspaceDb } from '../../db/client';
import { insertRow, newId } from '../../db/repository';
import { frameworks, meta, offices, strategicIssues, tambon, villages } from '../../db/schema';
import type { AppContext, OpenWorkspace } from '../context';
import { writeViaTemp } from '../files';
import { loadFrameworkPresets, loadGazetteer } from '../reference/reference';
import { recordAudit } from './audit';

/** The open workspace, or NOT_FOUND when none is open. */
export function requireWorkspace(ctx: AppContext): OpenWorkspace {
  const ws = ctx.session.workspace;
  if (!ws) throw new ServiceError('NOT_FOUND', 'ยังไม่ได้เปิดพื้นที่ทำงาน', 'No workspace is open');
  return ws;
}

/** The open workspace for a change: refused when it was opened read-only. */
export function requireWritable(ctx: AppContext): OpenWorkspace {
  const ws = requireWorkspace(ctx);
  if (ws.busy) {
    throw refused(`กำลัง${ws.busy} กรุณารอสักครู่แล้วลองอีกครั้ง`, `Busy (${ws.busy}); try again in a moment`);
  }
  if (ws.readonly) {
    throw refused(
      'พื้นที่ทำงานนี้เปิดแบบอ่านอย่างเดียว จึงบันทึกการแก้ไขไม่ได้ (ไฟล์หรือโฟลเดอร์ไม่อนุญาตให้เขียน)',
      'This workspace is open read-only, so changes cannot be saved (the file or its folder is not writable)',
    );
  }
  return ws;
}

function resolveFramework(ctx: AppContext, choice: CreateWorkspaceInput['framework']): Framework {
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
export async function createWorkspaceFile(ctx: AppContext, rawInput: CreateWorkspaceInput, operator: string | null): Promise<string> {
  const input = createWorkspaceInputSchema.parse(rawInput);
  const file = ctx.paths.resolve(input.path);
  const area = loadGazetteer(ctx.resourcesDir).tambon(input.tambonCode);
  const framework = resolveFramework(ctx, input.framework);
  await writeViaTemp(file, 'create', (tmp) => {
    const ws = openDatabase(tmp, { migrationsDir: ctx.migrationsDir, create: true });
    try {
      const now = ctx.clock();
      const db = ws.db;
      db.transaction(() => {
        db.insert(meta).values([
          { key: 'workspaceId', value: newId() },
          { key: 'kind', value: 'tambon' },
          { key: 'createdAt', value: now.toISOString() },
          { key: 'createdByApp', value: ctx.appVersion },
        ]).run();
        insertRow(db, tambon, {
          code: area.tambon.code,
          nameTh: area.tambon.nameTh,
          nameEn: area.tambon.nameEn,
          districtCode: area.district.code,
          districtNameTh: area.district.nameTh,
          provinceCode: area.province.code,
          provinceNameTh: area.province.nameTh,
        }, now);
        insertRow(db, offices, { type: input.officeType, name: input.officeName, isHost: true }, now);
        const fw = insertRow(db, frameworks, { frameworkId: framework.id, nameTh: framework.nameTh, provinceCode: framework.provinceCode }, now);
        for (const issue of framework.issues) insertRow(db, strategicIssues, { frameworkRowId: fw.id, no: issue.no, nameTh: issue.nameTh }, now);
        recordAudit(ws, { at: now, operator, action: 'workspace.create', detail: { tambonCode: area.tambon.code, framework: framework.id } });
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
 * Opens a workspace file; read-only when asked or when the file or folder cannot be written.
 * On read-only media SQLite cannot make the WAL index beside the file, so a read-only open
 * there reads a private temporary copy instead (removed at close).
 */
export function openWorkspaceFile(
  ctx: AppContext,
  file: string,
  options: { readonly?: boolean; beforeMigrate?: (sqlite: WorkspaceDb['sqlite']) => void } = {},
): OpenWorkspace {
  const readonly = options.readonly ?? !isWritable(file);
  let ws: WorkspaceDb;
  let dispose: (() => void) | undefined;
  try {
    ws = openDatabase(file, { migrationsDir: ctx.migrationsDir, readonly, beforeMigrate: options.beforeMigrate });
  } catch (error) {
    if (!readonly || !String((error as { code?: unknown }).code).startsWith('SQLITE_CANTOPEN')) throw error;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambonplan-readonly-'));
    const copy = path.join(dir, path.basename(file));
    for (const suffix of ['', '-wal']) if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
    dispose = () => fs.rmSync(dir, { recursive: true, force: true });
    try {
      ws = { ...openDatabase(copy, { migrationsDir: ctx.migrationsDir, readonly: true }), file };
    } catch (copyError) {
      dispose();
      throw copyError;
    }
  }
  try {
    const id = ws.db.select().from(meta).where(eq(meta.key, 'workspaceId')).get();
    return { ...ws, workspaceId: id?.value ?? '', lastBackupAt: 0, backupInFlight: null, busy: null, dispose };
  } catch (error) {
    ws.sqlite.close();
    dispose?.();
    throw error;
  }
}

/** Closes the open workspace, if any. */
export function closeWorkspace(ctx: AppContext): void {
  const ws = ctx.session.workspace;
  if (!ws) return;
  ctx.session.workspace = null;
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
export async function copyWorkspaceTo(ctx: AppContext, target: string): Promise<string> {
  const ws = requireWorkspace(ctx);
  const file = ctx.paths.resolve(target);
  await writeViaTemp(file, 'create', async (tmp) => {
    await ws.sqlite.backup(tmp);
    const copy = openDatabase(tmp, { migrationsDir: ctx.migrationsDir });
    try {
      copy.db.update(meta).set({ value: newId() }).where(eq(meta.key, 'workspaceId')).run();
      copy.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      copy.sqlite.close();
    }
  });
  return file;
}
