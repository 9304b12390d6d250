/**
 * The workspace this process has open: opening one (with its on-open backup and a place on
 * the recent list), and replacing it from a backup. Used by the renderer's calls and the CLI.
 */
import type { WorkspaceSummary } from '../../../shared/domain/workspace';
import { backupBeforeUpgrade, backupOnOpen, claimWorkspaceId, restoreBackupFile } from '../backups/backups';
import type { AppContext } from '../context';
import { rememberRecent } from '../preferences/preferences';
import { closeWorkspace, openWorkspaceFile, summarizeWorkspace, workspaceLabel } from './workspace';

/** How a workspace is opened. */
export interface OpenOptions {
  readonly?: boolean;
  /** `on-open` (the app), `hourly` (scripts that change it), `none` (scripts that only read). */
  backup?: 'on-open' | 'hourly' | 'none';
  /** Put it on the recent list (the app does; scripts do not). */
  remember?: boolean;
}

/**
 * Opens `file` as the current workspace (closing any other). A failed backup does not stop the
 * open; a file that needs migrating is backed up before it is changed.
 */
export async function openSession(ctx: AppContext, file: string, options: OpenOptions = {}): Promise<WorkspaceSummary> {
  const { backup = 'on-open', remember = true } = options;
  const ws = openWorkspaceFile(ctx, file, { readonly: options.readonly, beforeMigrate: (sqlite) => backupBeforeUpgrade(ctx, file, sqlite) });
  let summary: WorkspaceSummary;
  try {
    if (!ws.readonly) ws.workspaceId = claimWorkspaceId(ctx, ws.file, ws.sqlite);
    summary = summarizeWorkspace(ctx, ws);
  } catch (error) {
    ws.sqlite.close();
    ws.dispose?.();
    throw error;
  }
  closeWorkspace(ctx);
  ctx.session.workspace = ws;
  if (backup !== 'none') {
    await backupOnOpen(ctx, ws, { atMostHourly: backup === 'hourly' }).catch((error: unknown) => {
      console.warn(`backup on open failed: ${(error as Error).message}`);
    });
  }
  if (remember) await rememberRecent(ctx, summary.path, workspaceLabel(summary)).catch(() => undefined);
  ctx.emit('workspace.changed', { reason: 'opened' });
  return summary;
}

/**
 * Restores a backup over the open workspace and opens the result. If the swap fails, the
 * original file (untouched) is opened again, so the person is never left with nothing open.
 */
export async function restoreSession(ctx: AppContext, backupFile: string): Promise<WorkspaceSummary> {
  const file = ctx.session.workspace?.file;
  try {
    await restoreBackupFile(ctx, backupFile);
  } catch (error) {
    if (file && !ctx.session.workspace) await openSession(ctx, file, { backup: 'none' }).catch(() => undefined);
    throw error;
  }
  return openSession(ctx, file!, { backup: 'none' });
}
