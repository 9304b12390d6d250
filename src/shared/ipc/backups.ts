/** Automatic backups of the open workspace, and restoring one. */
import { z } from 'zod';
import { backupInfoSchema, workspaceSummarySchema } from '../domain/workspace';
import { none } from './common';
import { defineSlice } from './define';

/** The backups' calls. */
export const backupsSlice = defineSlice({
  capability: 'backups',
  channels: {
    // Every change moves "changes since" on, so the list reads the whole workspace.
    'backups.list': { input: none, output: z.array(backupInfoSchema), reads: ['*'] },
    'backups.create': { input: none, output: backupInfoSchema },
    'backups.restore': { input: z.object({ file: z.string().min(1).max(200) }).strict(), output: workspaceSummarySchema },
  },
});
