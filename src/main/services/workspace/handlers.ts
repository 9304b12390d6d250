/** The workspace capability's handlers: the file dialog, create, open, save as, close. */
import type { workspaceSlice } from '../../../shared/ipc/workspace';
import { storeKindOf } from '../../db/client';
import type { HandlersOf } from '../handlerTypes';
import { refuseWhileLeased, requireWorkspace } from '../session';
import { currentWriter } from '../write';
import { closeSession, openSession, whileHolding } from './lifecycle';
import { copyWorkspaceTo, createWorkspaceFile, summarizeWorkspace } from './workspace';

/** The workspace capability's handlers. */
export const workspaceHandlers = {
  'dialog.pickWorkspace': (ctx, { mode, suggestedName }) => ctx.dialogs.pickWorkspace(mode, suggestedName),
  'dialog.pickPath': (ctx, request) => ctx.dialogs.pickPath(request),
  'workspace.create': async (ctx, input) => {
    refuseWhileLeased(ctx, { th: 'สร้างพื้นที่ทำงานใหม่', en: 'replaced by a new one' });
    return openSession(ctx, await createWorkspaceFile(ctx, input, await currentWriter(ctx)));
  },
  'workspace.open': (ctx, { path }) => openSession(ctx, ctx.paths.resolve(path)),
  'workspace.kindOf': (ctx, { path }) => storeKindOf(ctx.paths.resolve(path)),
  'workspace.current': (ctx) => (ctx.session.workspace ? summarizeWorkspace(ctx, ctx.session.workspace) : null),
  'workspace.saveAs': (ctx, { path }) =>
    // Held from the copy to the open, so nothing closes the workspace while it is being copied.
    whileHolding(ctx, { th: 'บันทึกเป็นไฟล์ใหม่', en: 'A save as' }, { th: 'บันทึกเป็นไฟล์ใหม่', en: 'saved as another file' }, async (lease) =>
      openSession(ctx, await copyWorkspaceTo(ctx, requireWorkspace(ctx), path), { heldBy: lease }),
    ),
  'workspace.close': (ctx) => {
    const wasOpen = ctx.session.workspace !== null || ctx.session.datacenter !== null;
    closeSession(ctx);
    if (wasOpen) ctx.emit('workspace.changed', { reason: 'closed' });
    return null;
  },
} satisfies HandlersOf<typeof workspaceSlice.channels>;
