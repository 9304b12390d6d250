/** The villages capability's handlers: every change goes through the write pipeline. */
import type { villagesSlice } from '../../../shared/ipc/villages';
import type { HandlersOf } from '../handlerTypes';
import { requireWorkspace } from '../session';
import { write } from '../write';
import { addVillage, deleteVillage, listVillages, restoreVillage, updateVillage } from './villages';

const as = (action: string) => ({ capability: 'villages', action }) as const;

/** The villages capability's handlers. */
export const villagesHandlers = {
  'villages.list': (ctx) => listVillages(requireWorkspace(ctx)),
  'villages.add': (ctx, input) => write(ctx, as('village.add'), (tx) => addVillage(tx, input)),
  'villages.update': (ctx, { id, ...input }) => write(ctx, as('village.update'), (tx) => updateVillage(tx, id, input)),
  'villages.delete': (ctx, { id }) => write(ctx, as('village.delete'), (tx) => deleteVillage(tx, id)),
  'villages.restore': (ctx, { id }) => write(ctx, as('village.restore'), (tx) => restoreVillage(tx, id)),
} satisfies HandlersOf<typeof villagesSlice.channels>;
