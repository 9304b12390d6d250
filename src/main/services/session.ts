/**
 * The session: the workspace this process has open, and the leases that hold it. A job or a
 * backup holds a lease while it runs; closing, opening another file, save-as and restore are
 * refused under a lease (a close during a 300 MB backup would otherwise answer ok and the backup
 * fail), and a lease that `blocksWrites` (a job writing in its own transaction, a restore)
 * refuses other changes at once instead of leaving them waiting on SQLite's lock.
 */
import { ServiceError, refused } from '../../shared/domain/result';
import type { StoreDb, WorkspaceDb } from '../db/client';
import type { DatacenterDb } from '../db/datacenter/client';
import type { Area } from '../../shared/domain/datacenter';
import type { AppContext } from './context';

/** What every open file of the app has, whatever its kind: its connection and backup bookkeeping. */
export interface OpenStore extends Omit<StoreDb<Record<string, unknown>>, 'db'> {
  workspaceId: string;
  /** When the last automatic backup was taken, for the "at most hourly while edited" rule. */
  lastBackupAt: number;
  /** A backup in progress, so two are never taken at once. */
  backupInFlight: Promise<unknown> | null;
  /** Cleans up after close. */
  dispose?: (() => void) | undefined;
}

/** A data center workspace open in this process (instead of a tambon workspace). */
export interface OpenDatacenter extends DatacenterDb, OpenStore {
  area: Area;
  /** The folder beside the file that keeps the archived and quarantined package files. */
  filesDir: string;
}

/** The workspace currently open in this process. */
export interface OpenWorkspace extends WorkspaceDb {
  workspaceId: string;
  /** When the last automatic backup was taken, for the "at most hourly while edited" rule. */
  lastBackupAt: number;
  /** A backup in progress, so two are never taken at once. */
  backupInFlight: Promise<unknown> | null;
  /** Cleans up after close (the private copy a read-only workspace is read from). */
  dispose?: (() => void) | undefined;
}

/** What holds the workspace, in words a person reads. */
export interface LeaseLabel {
  th: string;
  en: string;
}

/** Something holding the workspace; {@link holdLease} makes one. */
export interface Lease {
  what: LeaseLabel;
  blocksWrites: boolean;
  /** Lets go of the workspace (calling it again does nothing). */
  release: () => void;
}

/** The open workspace and what holds it. */
export interface Session {
  workspace: OpenWorkspace | null;
  /** A data center workspace open instead (at most one of the two is open). */
  datacenter: OpenDatacenter | null;
  leases: Set<Lease>;
  /** Called when the last lease is released. */
  idle: Set<() => void>;
}

/** A session with nothing open. */
export function createSession(): Session {
  return { workspace: null, datacenter: null, leases: new Set(), idle: new Set() };
}

/** The open workspace, or NOT_FOUND when none is open. */
export function requireWorkspace(ctx: AppContext): OpenWorkspace {
  const ws = ctx.session.workspace;
  if (!ws) throw new ServiceError('NOT_FOUND', 'ยังไม่ได้เปิดพื้นที่ทำงาน', 'No workspace is open');
  return ws;
}

/** The open data center workspace, or NOT_FOUND when none is open. */
export function requireDatacenter(ctx: AppContext): OpenDatacenter {
  const dc = ctx.session.datacenter;
  if (!dc) throw new ServiceError('NOT_FOUND', 'ยังไม่ได้เปิดพื้นที่ทำงานศูนย์ข้อมูล', 'No data center workspace is open');
  return dc;
}

/** The open data center for a change: refused when it is read-only or a lease blocks writes. */
export function requireDatacenterWritable(ctx: AppContext): OpenDatacenter {
  return checkWritable(ctx, requireDatacenter(ctx));
}

/** The open workspace for a change: refused when it is read-only or a lease blocks writes. */
export function requireWritable(ctx: AppContext): OpenWorkspace {
  return checkWritable(ctx, requireWorkspace(ctx));
}

function checkWritable<W extends { readonly: boolean }>(ctx: AppContext, ws: W): W {
  for (const lease of ctx.session.leases) {
    if (lease.blocksWrites) {
      throw refused(
        `กำลัง${lease.what.th}อยู่ จึงยังบันทึกการแก้ไขไม่ได้ กรุณารอสักครู่แล้วลองอีกครั้ง`,
        `${lease.what.en} is under way, so changes cannot be saved yet; try again in a moment`,
      );
    }
  }
  if (ws.readonly) {
    throw refused(
      'พื้นที่ทำงานนี้เปิดแบบอ่านอย่างเดียว จึงบันทึกการแก้ไขไม่ได้ (ไฟล์หรือโฟลเดอร์ไม่อนุญาตให้เขียน)',
      'This workspace is open read-only, so changes cannot be saved (the file or its folder is not writable)',
    );
  }
  return ws;
}

/**
 * Holds the workspace for `what` until the lease is released. With `blocksWrites`, other changes
 * are refused meanwhile.
 */
export function holdLease(ctx: AppContext, what: LeaseLabel, options: { blocksWrites?: boolean } = {}): Lease {
  const { session } = ctx;
  const lease: Lease = {
    what,
    blocksWrites: options.blocksWrites ?? false,
    release: () => {
      if (!session.leases.delete(lease) || session.leases.size > 0) return;
      for (const done of [...session.idle]) done();
    },
  };
  session.leases.add(lease);
  return lease;
}

/**
 * Refuses `action` (closing, opening another file, save as, restore) while anything but `own`
 * holds the workspace, naming what does.
 */
export function refuseWhileLeased(ctx: AppContext, action: LeaseLabel, own?: Lease): void {
  const lease = [...ctx.session.leases].find((l) => l !== own);
  if (!lease) return;
  throw new ServiceError(
    'CONFLICT',
    `กำลัง${lease.what.th}อยู่ จึง${action.th}ไม่ได้ในตอนนี้ กรุณารอให้เสร็จ หรือยกเลิกงานนั้นก่อน`,
    `${lease.what.en} is under way, so the workspace cannot be ${action.en} now; wait for it to finish or cancel it`,
  );
}

/** Resolves once nothing holds the workspace (at once when nothing does). */
export function whenIdle(ctx: AppContext): Promise<void> {
  const { session } = ctx;
  if (session.leases.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      session.idle.delete(done);
      resolve();
    };
    session.idle.add(done);
  });
}
