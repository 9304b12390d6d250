/**
 * The data center workspace file: create one for a province or a district, open it (closing
 * whatever else is open: one file at a time), summarise it. Beside the file, a folder keeps the
 * package files: `<file>-files/archive/<aa>/<sha256>.tpkg` (content-addressed, every package kept)
 * and `<file>-files/quarantine/<sha256>.tpkg` (refused packages, with their reason in the file).
 */
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { tambonInArea, type Area, type DatacenterSummary } from '../../../shared/domain/datacenter';
import { ServiceError, refused } from '../../../shared/domain/result';
import { answeringBusyTimeoutMs, migrateDatabase, schemaVersion, type WorkspaceDb } from '../../db/client';
import { datacenterMigrationsDir, openDatacenterDatabase } from '../../db/datacenter/client';
import { dcPackages, dcQuarantine, meta } from '../../db/datacenter/schema';
import { newId } from '../../db/repository';
import { backupBeforeUpgrade, backupOnOpen, claimWorkspaceId } from '../backups/backups';
import type { AppContext } from '../context';
import { writeAtomic } from '../files';
import { rememberRecent } from '../preferences/preferences';
import { loadGazetteer } from '../reference/reference';
import { holdLease, type OpenDatacenter } from '../session';
import { filesDirOf } from './paths';
import { closeForOpen } from '../workspace/lifecycle';
import { runWrite, currentWriter, type Writer } from '../write';

/** The data center's migrations folder for a context. */
export function dcMigrations(ctx: AppContext): string {
  return datacenterMigrationsDir(ctx.resourcesDir);
}

/** The area of a 2-digit province or 4-digit district code, from the gazetteer. */
export function areaOf(ctx: AppContext, code: string): Area {
  const gazetteer = loadGazetteer(ctx.resourcesDir);
  const province = gazetteer.provinces.find((p) => p.code === code.slice(0, 2));
  const district = code.length === 4 ? gazetteer.districtsOf(code.slice(0, 2)).find((d) => d.code === code) : undefined;
  if (!province || (code.length === 4 && !district)) {
    throw new ServiceError('NOT_FOUND', `ไม่พบรหัสพื้นที่ ${code} ในทะเบียนเขตการปกครอง`, `No province or district with code ${code} in the gazetteer`, 'areaCode');
  }
  const area = district ?? province;
  return { code, kind: district ? 'district' : 'province', nameTh: area.nameTh, nameEn: area.nameEn, provinceNameTh: province.nameTh };
}

/** The tambons of an area, with their districts. */
export function tambonsOfArea(ctx: AppContext, areaCode: string): { code: string; nameTh: string; districtCode: string; districtNameTh: string }[] {
  const gazetteer = loadGazetteer(ctx.resourcesDir);
  const districts = gazetteer.districtsOf(areaCode.slice(0, 2)).filter((d) => d.code.startsWith(areaCode));
  return districts.flatMap((d) => gazetteer.tambonsOf(d.code).map((t) => ({ code: t.code, nameTh: t.nameTh, districtCode: d.code, districtNameTh: d.nameTh })));
}

/** Creates a data center workspace file for `areaCode` (never over an existing file). */
export async function createDatacenterFile(ctx: AppContext, target: string, areaCode: string, writer: Writer): Promise<string> {
  const file = ctx.paths.resolve(target);
  const area = areaOf(ctx, areaCode);
  await writeAtomic(ctx.fs, file, { mode: 'create', log: ctx.log }, (tmp) => {
    const dc = openDatacenterDatabase(tmp, { migrationsDir: dcMigrations(ctx), create: true });
    try {
      // The data center's audit_log has the workspace's shape: the one pipeline writes both.
      runWrite(dc as unknown as WorkspaceDb, writer, { capability: 'datacenter', action: 'datacenter.create' }, (tx) => {
        dc.db
          .insert(meta)
          .values([
            { key: 'workspaceId', value: newId() },
            { key: 'kind', value: 'datacenter' },
            { key: 'areaCode', value: area.code },
            { key: 'createdAt', value: writer.now.toISOString() },
            { key: 'createdByApp', value: ctx.appVersion },
          ])
          .run();
        tx.detail = { areaCode: area.code };
      });
      dc.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      dc.sqlite.close();
    }
  });
  return file;
}

/** Opens a data center workspace as the open file of this process. */
export async function openDatacenter(ctx: AppContext, target: string, options: { backup?: 'on-open' | 'hourly' | 'none'; remember?: boolean } = {}): Promise<DatacenterSummary> {
  const file = ctx.paths.resolve(target);
  closeForOpen(ctx);
  const lease = holdLease(ctx, { th: 'เปิดพื้นที่ทำงาน', en: 'Opening a workspace' });
  try {
    const busyTimeoutMs = ctx.transport === 'cli' ? undefined : answeringBusyTimeoutMs;
    const opened = openDatacenterDatabase(file, { migrationsDir: dcMigrations(ctx), migrate: false, busyTimeoutMs });
    const dc: OpenDatacenter = {
      ...opened,
      workspaceId: '',
      lastBackupAt: 0,
      backupInFlight: null,
      area: { code: '', kind: 'province', nameTh: '', nameEn: '', provinceNameTh: '' },
      filesDir: filesDirOf(file),
    };
    let summary: DatacenterSummary;
    try {
      dc.workspaceId = await claimWorkspaceId(ctx, file, dc.sqlite);
      if (opened.pendingMigrations > 0) {
        await backupBeforeUpgrade(ctx, dc);
        migrateDatabase(dc, dcMigrations(ctx));
      }
      const areaCode = dc.db.select().from(meta).where(eq(meta.key, 'areaCode')).get()?.value;
      if (!areaCode) throw refused('พื้นที่ทำงานศูนย์ข้อมูลนี้ไม่ระบุพื้นที่', 'This data center workspace names no area');
      dc.area = areaOf(ctx, areaCode);
      summary = summarizeDatacenter(ctx, dc);
    } catch (error) {
      dc.sqlite.close();
      throw error;
    }
    closeForOpen(ctx, lease);
    ctx.session.datacenter = dc;
    const { backup = 'on-open', remember = ctx.transport !== 'cli' } = options;
    if (backup !== 'none') {
      await backupOnOpen(ctx, dc, { atMostHourly: backup === 'hourly' }).catch((error: unknown) => ctx.log.warn(`backup on open failed: ${(error as Error).message}`));
    }
    if (remember) await rememberRecent(ctx, file, `ศูนย์ข้อมูล ${dc.area.kind === 'district' ? 'อ.' : 'จ.'}${dc.area.nameTh}`).catch(() => undefined);
    ctx.emit('workspace.changed', { reason: 'opened' });
    return summary;
  } finally {
    lease.release();
  }
}

/** Creates and opens a data center workspace. */
export async function createDatacenter(ctx: AppContext, target: string, areaCode: string): Promise<DatacenterSummary> {
  const file = await createDatacenterFile(ctx, target, areaCode, await currentWriter(ctx));
  return openDatacenter(ctx, file);
}

/** What the app shows of an open data center. */
export function summarizeDatacenter(ctx: AppContext, dc: OpenDatacenter): DatacenterSummary {
  const inArea = tambonsOfArea(ctx, dc.area.code).length;
  const enrolled = (dc.sqlite.prepare('select count(distinct tambon_code) from dc_keys').pluck().get() as number) ?? 0;
  const reporting = (dc.sqlite.prepare("select count(distinct tambon_code) from dc_packages where status = 'applied'").pluck().get() as number) ?? 0;
  return {
    path: dc.file,
    workspaceId: dc.workspaceId,
    readonly: dc.readonly,
    schemaVersion: schemaVersion(dcMigrations(ctx)),
    area: dc.area,
    counts: {
      tambonsInArea: inArea,
      enrolled,
      reporting,
      packages: dc.db.select({ n: count() }).from(dcPackages).get()?.n ?? 0,
      quarantined: dc.db.select({ n: count() }).from(dcQuarantine).get()?.n ?? 0,
    },
  };
}

/** Whether a tambon lies in the data center's area; refused with a message naming both when not. */
export function assertInArea(dc: OpenDatacenter | { area: Area }, tambonCode: string): void {
  if (!tambonInArea(tambonCode, dc.area.code)) {
    const where = dc.area.kind === 'district' ? `อ.${dc.area.nameTh}` : `จ.${dc.area.nameTh}`;
    throw refused(
      `ตำบลรหัส ${tambonCode} ไม่อยู่ในพื้นที่ของศูนย์ข้อมูลนี้ (${where} รหัส ${dc.area.code})`,
      `Tambon ${tambonCode} is not in this data center's area (${dc.area.nameEn}, code ${dc.area.code})`,
      'tambonCode',
    );
  }
}

/** The path of a data center's package file, relative to its files folder, checked to stay inside it. */
export function filesPath(dc: { filesDir: string }, relative: string): string {
  const full = path.resolve(dc.filesDir, relative);
  const rel = path.relative(dc.filesDir, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new ServiceError('INTERNAL', 'เส้นทางไฟล์ไม่ถูกต้อง', `Not inside the files folder: ${relative}`);
  return full;
}
