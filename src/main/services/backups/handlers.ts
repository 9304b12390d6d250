/** The backups capability's handlers. */
import type { backupsSlice } from '../../../shared/ipc/backups';
import type { HandlersOf } from '../handlerTypes';
import { restoreSession } from '../workspace/lifecycle';
import { createBackup, listBackups } from './backups';

/** The backups capability's handlers. */
export const backupsHandlers = {
  'backups.list': (ctx) => listBackups(ctx),
  'backups.create': (ctx) => createBackup(ctx, 'manual'),
  'backups.restore': (ctx, { file }) => restoreSession(ctx, file),
} satisfies HandlersOf<typeof backupsSlice.channels>;
