/**
 * The handler of every channel of the contract. `satisfies Handlers` makes a missing or
 * mistyped handler a compile error.
 */
import { refused } from '../../shared/domain/result';
import type { Channel, ChannelOutput, ChannelParsed } from '../../shared/ipc/contract';
import type { AppContext } from '../services/context';
import { createBackup, listBackups, noteEdit } from '../services/backups/backups';
import { openSession, restoreSession } from '../services/workspace/session';
import { selfTestJob } from '../services/jobs/jobRunner';
import { readPreferences, updatePreferences } from '../services/preferences/preferences';
import { loadFrameworkPresets, loadGazetteer } from '../services/reference/reference';
import { addVillage, deleteVillage, listVillages, restoreVillage, updateVillage, type ChangeContext } from '../services/villages/villages';
import {
  closeWorkspace,
  copyWorkspaceTo,
  createWorkspaceFile,
  requireWorkspace,
  requireWritable,
  summarizeWorkspace,
} from '../services/workspace/workspace';

/** A handler per channel. */
export type Handlers = {
  [C in Channel]: (ctx: AppContext, input: ChannelParsed<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

async function changeContext(ctx: AppContext): Promise<ChangeContext> {
  return { operator: (await readPreferences(ctx)).operatorName, now: ctx.clock() };
}

/** Every channel's handler. */
export const handlers = {
  'app.info': (ctx) => ({ version: ctx.appVersion, transport: ctx.transport === 'electron' ? 'electron' : 'harness', platform: process.platform }),
  'prefs.get': (ctx) => readPreferences(ctx),
  'prefs.set': (ctx, input) => updatePreferences(ctx, input),
  'gazetteer.provinces': (ctx) => loadGazetteer(ctx.resourcesDir).provinces,
  'gazetteer.districts': (ctx, { provinceCode }) => loadGazetteer(ctx.resourcesDir).districtsOf(provinceCode),
  'gazetteer.tambons': (ctx, { districtCode }) => loadGazetteer(ctx.resourcesDir).tambonsOf(districtCode),
  'gazetteer.tambon': (ctx, { code }) => loadGazetteer(ctx.resourcesDir).tambon(code),
  'frameworks.presets': (ctx) => loadFrameworkPresets(ctx.resourcesDir),
  'dialog.pickWorkspace': (ctx, { mode, suggestedName }) => ctx.dialogs.pickWorkspace(mode, suggestedName),
  'workspace.create': async (ctx, input) => {
    const { operator } = await changeContext(ctx);
    const file = await createWorkspaceFile(ctx, input, operator);
    return openSession(ctx, file);
  },
  'workspace.open': (ctx, { path }) => openSession(ctx, ctx.paths.resolve(path)),
  'workspace.current': (ctx) => (ctx.session.workspace ? summarizeWorkspace(ctx, ctx.session.workspace) : null),
  'workspace.saveAs': async (ctx, { path }) => {
    const file = await copyWorkspaceTo(ctx, path);
    return openSession(ctx, file);
  },
  'workspace.close': (ctx) => {
    const busy = ctx.session.workspace?.busy;
    if (busy) throw refused(`กำลัง${busy} จะปิดได้เมื่อเสร็จแล้ว`, `Busy (${busy}); it can be closed when that is done`);
    closeWorkspace(ctx);
    ctx.emit('workspace.changed', { reason: 'closed' });
    return null;
  },
  'villages.list': (ctx) => listVillages(requireWorkspace(ctx)),
  'villages.add': async (ctx, input) => {
    const village = addVillage(requireWritable(ctx), input, await changeContext(ctx));
    noteEdit(ctx);
    return village;
  },
  'villages.update': async (ctx, { id, ...input }) => {
    const village = updateVillage(requireWritable(ctx), id, input, await changeContext(ctx));
    noteEdit(ctx);
    return village;
  },
  'villages.delete': async (ctx, { id }) => {
    const village = deleteVillage(requireWritable(ctx), id, await changeContext(ctx));
    noteEdit(ctx);
    return village;
  },
  'villages.restore': async (ctx, { id }) => {
    const village = restoreVillage(requireWritable(ctx), id, await changeContext(ctx));
    noteEdit(ctx);
    return village;
  },
  'backups.list': (ctx) => listBackups(ctx),
  'backups.create': (ctx) => createBackup(ctx, 'manual'),
  'backups.restore': (ctx, { file }) => restoreSession(ctx, file),
  'jobs.startSelfTest': (ctx, { steps, stepMs }) => ({ jobId: ctx.jobs.start((control) => selfTestJob(control, steps, stepMs)).jobId }),
  'jobs.cancel': (ctx, { jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
} satisfies Handlers;
