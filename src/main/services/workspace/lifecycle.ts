/**
 * The workspace this process has open: opening one (with its on-open backup and, in the app, a
 * place on the recent list), closing it, and replacing it from a backup. Each is refused while a
 * job or a backup holds the workspace.
 */
import { ServiceError } from '../../../shared/domain/result';
import type { WorkspaceSummary } from '../../../shared/domain/workspace';
import { backupOnOpen, restoreBackupFile } from '../backups/backups';
import type { AppContext } from '../context';
import { rememberRecent } from '../preferences/preferences';
import { refuseWhileLeased, whenIdle } from '../session';
import { closeWorkspaceDb, openWorkspaceFile, summarizeWorkspace, workspaceLabel } from './workspace';

/** How a workspace is opened. */
export interface OpenOptions {
  readonly?: boolean;
  /** `on-open` (the app), `hourly` (scripts that change it), `none` (scripts that only read). */
  backup?: 'on-open' | 'hourly' | 'none';
  /** Put it on the recent list: the app does, scripts (the CLI) do not. */
  remember?: boolean;
}

/** Closing, opening or replacing the open workspace, in words a refusal uses. */
const closing = { th: 'ปิดหรือเปลี่ยนพื้นที่ทำงาน', en: 'closed or replaced' };

/**
 * Opens `file` as the current workspace (closing any other). A failed backup does not stop the
 * open; a file that needs migrating is backed up before it is changed.
 */
export async function openSession(ctx: AppContext, file: string, options: OpenOptions = {}): Promise<WorkspaceSummary> {
  refuseWhileLeased(ctx, closing);
  const { backup = 'on-open', remember = ctx.transport !== 'cli' } = options;
  const ws = await openWorkspaceFile(ctx, file, { readonly: options.readonly });
  let summary: WorkspaceSummary;
  try {
    summary = summarizeWorkspace(ctx, ws);
    // Checked again: something may have taken the old workspace while this one was opening.
    refuseWhileLeased(ctx, closing);
  } catch (error) {
    closeWorkspaceDb(ws);
    throw error;
  }
  closeSession(ctx);
  ctx.session.workspace = ws;
  if (backup !== 'none') {
    await backupOnOpen(ctx, ws, { atMostHourly: backup === 'hourly' }).catch((error: unknown) => {
      ctx.log.warn(`backup on open failed: ${(error as Error).message}`);
    });
  }
  if (remember) await rememberRecent(ctx, summary.path, workspaceLabel(summary)).catch(() => undefined);
  ctx.emit('workspace.changed', { reason: 'opened' });
  return summary;
}

/** Closes the open workspace, if any; refused while a job or a backup holds it. */
export function closeSession(ctx: AppContext): void {
  const ws = ctx.session.workspace;
  if (!ws) return;
  refuseWhileLeased(ctx, closing);
  ctx.session.workspace = null;
  closeWorkspaceDb(ws);
}

/**
 * Closes the open workspace once nothing holds it: running jobs are cancelled (their writes roll
 * back) and backups under way finish first. For leaving the app, the harness or a CLI command.
 */
export async function closeWhenIdle(ctx: AppContext): Promise<void> {
  await ctx.jobs.cancelAll();
  await whenIdle(ctx);
  const ws = ctx.session.workspace;
  if (!ws) return;
  ctx.session.workspace = null;
  closeWorkspaceDb(ws);
}

/**
 * Restores a backup over the open workspace and opens the result. If the swap fails, the
 * original file (untouched) is opened again, so the person is never left with nothing open.
 */
export async function restoreSession(ctx: AppContext, backupFile: string): Promise<WorkspaceSummary> {
  const file = ctx.session.workspace?.file;
  if (!file) throw new ServiceError('NOT_FOUND', 'ยังไม่ได้เปิดพื้นที่ทำงาน', 'No workspace is open');
  try {
    await restoreBackupFile(ctx, backupFile);
  } catch (error) {
    if (!ctx.session.workspace) await openSession(ctx, file, { backup: 'none', remember: false }).catch(() => undefined);
    throw error;
  }
  const summary = await openSession(ctx, file, { backup: 'none', remember: false });
  ctx.emit('workspace.changed', { reason: 'restored' });
  return summary;
}
