/**
 * The tambon workspace: create, open, save as, close; the file dialog; and the events that tell
 * every window what changed (the workspace itself, or rows of its tables).
 */
import { z } from 'zod';
import { createWorkspaceInputSchema, workspaceSummarySchema } from '../domain/workspace';
import { none, pathInput } from './common';
import { capabilities, defineSlice } from './define';

/**
 * What a file other than a workspace is chosen for, when the dialog has a title of its own: a
 * file to import, an indicator set to read, a report or a chart's numbers to save, one of the
 * forms offices use (the forum's workbooks).
 */
export const pathPurposes = ['import', 'indicatorSet', 'report', 'export', 'form'] as const;
/** One of {@link pathPurposes}. */
export type PathPurpose = (typeof pathPurposes)[number];

/** What a file dialog answers: a path, a cancel, or (in the browser harness) "ask in the page". */
export const pickedPathSchema = z.union([
  z.object({ kind: z.literal('picked'), path: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
  /** The page asks for a name under `root`, offering `suggestedName` (a name no file has yet, for a save). */
  z.object({ kind: z.literal('ask-in-page'), root: z.string(), suggestedName: z.string().optional() }),
]);
/** What a file dialog answers. */
export type PickedPath = z.infer<typeof pickedPathSchema>;

/** The tables whose rows a workspace summary reads. */
const summaryTables = ['tambon', 'offices', 'frameworks', 'strategic_issues', 'villages'] as const;

/**
 * What one write changed: the capability and action that wrote, and the ids written per table
 * (an empty list: too many rows to name). Every window (the editor, the projector) refreshes what
 * shows those tables. A change outside the workspace (the preferences, a backup taken) names its
 * capability and no table.
 */
export const dataChangedSchema = z.object({
  capability: z.enum(capabilities),
  action: z.string(),
  tables: z.record(z.string(), z.array(z.string())),
});
/** What one write changed. */
export type DataChanged = z.infer<typeof dataChangedSchema>;

/** The workspace's calls and events. */
export const workspaceSlice = defineSlice({
  capability: 'workspace',
  channels: {
    'dialog.pickWorkspace': {
      input: z.object({ mode: z.enum(['open', 'save']), suggestedName: z.string().max(200).optional() }).strict(),
      output: pickedPathSchema,
    },
    /** Any other file or folder: packages to import, a folder to export to, where to save a PDF or a workbook. */
    'dialog.pickPath': {
      input: z
        .object({
          mode: z.enum(['open', 'folder', 'save']),
          extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(5),
          suggestedName: z.string().max(200).optional(),
          purpose: z.enum(pathPurposes).optional(),
        })
        .strict(),
      output: pickedPathSchema,
    },
    'workspace.create': { input: createWorkspaceInputSchema.strict(), output: workspaceSummarySchema },
    'workspace.open': { input: pathInput, output: workspaceSummarySchema },
    /** Which kind of file a path is (a tambon workspace or a data center's), so the open goes to the right capability. */
    'workspace.kindOf': { input: pathInput, output: z.enum(['tambon', 'datacenter']).nullable() },
    'workspace.current': { input: none, output: workspaceSummarySchema.nullable(), reads: summaryTables },
    'workspace.saveAs': { input: pathInput, output: workspaceSummarySchema },
    'workspace.close': { input: none, output: z.null() },
  },
  events: {
    /** The open workspace was opened, closed, replaced by a backup or a copy: every query starts again. */
    'workspace.changed': z.object({ reason: z.enum(['opened', 'closed', 'restored']) }),
    /** Rows changed: written by the one write pipeline after each committed write. */
    'data.changed': dataChangedSchema,
  },
});
