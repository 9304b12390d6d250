/**
 * The workspace this process has open: opening one (with its on-open backup and, in the app, a
 * place on the recent list), closing it, and replacing it from a backup. Each is refused while a
 * job or a backup holds the workspace, and holds it itself while it runs, so nothing closes or
 * replaces the workspace halfway through.
 */
import { ServiceError } from '../../../shared/domain/result';
import type { WorkspaceSummary } from '../../../shared/domain/workspace';
import { backupOnOpen, restoreBackupFile, restoring } from '../backups/backups';
import type { AppContext } from '../context';
import { rememberRecent } from '../preferences/preferences';
import { holdLease, refuseWhileLeased, whenIdle, type Lease } from '../session';
import { closeWorkspaceDb, openWorkspaceFile, summarizeWorkspace, workspaceLabel } from './workspace';

/** How a workspace is opened. */
export interface OpenOptions {
  readonly?: boolean;
  /** `on-open` (the app), `hourly` (scripts that change it), `none` (scripts that only read). */
  backup?: 'on-open' | 'hourly' | 'none';
  /** Put it on the recent list: the app does, scripts (the CLI) do not. */
  remember?: boolean;
  /** The caller's own lease (save as, restore), held across this open too. */
  heldBy?: Lease;
}

/** Closing, opening or replacing the open workspace, in words a refusal uses. */
const closing = { th: 'ปิดหรือเปลี่ยนพื้นที่ทำงาน', en: 'closed or replaced' };
/** What holds the workspace while another is being opened. */
const opening = { th: 'เปิดพื้นที่ทำงาน', en: 'Opening a workspace' };

/** Closes the open workspace whatever holds it: for callers that hold the lease themselves. */
function closeHeld(ctx: AppContext): void {
  // A data center workspace open instead is closed too: one file is open at a time.
  const other = ctx.session.datacenter;
  if (other) {
    ctx.session.datacenter = null;
    other.sqlite.close();
    other.dispose?.();
  }
  const ws = ctx.session.workspace;
  if (!ws) return;
  ctx.session.workspace = null;
  closeWorkspaceDb(ws);
}

/** Closes whatever file is open, for another to be opened in its place (the data center's open). */
export function closeForOpen(ctx: AppContext, heldBy?: Lease): void {
  refuseWhileLeased(ctx, closing, heldBy);
  closeHeld(ctx);
}

/**
 * Opens `file` as the current workspace (closing any other). A failed backup does not stop the
 * open; a file that needs migrating is backed up before it is changed.
 */
export async function openSession(ctx: AppContext, file: string, options: OpenOptions = {}): Promise<WorkspaceSummary> {
  refuseWhileLeased(ctx, closing, options.heldBy);
  const lease = options.heldBy ?? holdLease(ctx, opening);
  try {
    const { backup = 'on-open', remember = ctx.transport !== 'cli' } = options;
    const ws = await openWorkspaceFile(ctx, file, { readonly: options.readonly });
    let summary: WorkspaceSummary;
    try {
      summary = summarizeWorkspace(ctx, ws);
      // Checked again: a job may have been started on the old workspace while this one was opening.
      refuseWhileLeased(ctx, closing, lease);
    } catch (error) {
      closeWorkspaceDb(ws);
      throw error;
    }
    closeHeld(ctx);
    ctx.session.workspace = ws;
    if (backup !== 'none') {
      await backupOnOpen(ctx, ws, { atMostHourly: backup === 'hourly' }).catch((error: unknown) => {
        ctx.log.warn(`backup on open failed: ${(error as Error).message}`);
      });
    }
    if (remember) await rememberRecent(ctx, summary.path, workspaceLabel(summary)).catch(() => undefined);
    ctx.emit('workspace.changed', { reason: 'opened' });
    return summary;
  } finally {
    if (!options.heldBy) lease.release();
  }
}

/** Closes the open workspace, if any; refused while a job or a backup holds it. */
export function closeSession(ctx: AppContext): void {
  if (!ctx.session.workspace && !ctx.session.datacenter) return;
  refuseWhileLeased(ctx, closing);
  closeHeld(ctx);
}

/**
 * Closes the open workspace once nothing holds it: running jobs are cancelled (their writes roll
 * back) and backups under way finish first. For leaving the app, the harness or a CLI command.
 */
export async function closeWhenIdle(ctx: AppContext): Promise<void> {
  await ctx.jobs.cancelAll();
  await whenIdle(ctx);
  closeHeld(ctx);
}

/**
 * Runs `work` (a save as, say) holding the workspace as `what`, refused while anything else holds it.
 */
export async function whileHolding<T>(ctx: AppContext, what: { th: string; en: string }, action: { th: string; en: string }, work: (lease: Lease) => Promise<T>): Promise<T> {
  refuseWhileLeased(ctx, action);
  const lease = holdLease(ctx, what);
  try {
    return await work(lease);
  } finally {
    lease.release();
  }
}

/**
 * Restores a backup over the open workspace and opens the result, holding the workspace (and
 * refusing changes) from start to end. If the swap fails, the original file (untouched) is
 * opened again, so the person is never left with nothing open.
 */
export async function restoreSession(ctx: AppContext, backupFile: string): Promise<WorkspaceSummary> {
  const file = ctx.session.workspace?.file;
  if (!file) throw new ServiceError('NOT_FOUND', 'ยังไม่ได้เปิดพื้นที่ทำงาน', 'No workspace is open');
  refuseWhileLeased(ctx, { th: 'กู้คืนข้อมูล', en: 'restored' });
  const lease = holdLease(ctx, restoring, { blocksWrites: true });
  try {
    try {
      await restoreBackupFile(ctx, backupFile, lease);
    } catch (error) {
      if (!ctx.session.workspace) await openSession(ctx, file, { backup: 'none', remember: false, heldBy: lease }).catch(() => undefined);
      throw error;
    }
    const summary = await openSession(ctx, file, { backup: 'none', remember: false, heldBy: lease });
    ctx.emit('workspace.changed', { reason: 'restored' });
    return summary;
  } finally {
    lease.release();
  }
}
