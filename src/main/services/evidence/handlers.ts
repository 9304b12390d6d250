/** The evidence capability's handlers: the pages' figures, indicator sets, evidence items and chart exports. */
import type { evidenceSlice } from '../../../shared/ipc/evidence';
import type { HandlersOf } from '../handlerTypes';
import { requireWorkspace } from '../session';
import { write } from '../write';
import { saveMode, writeTablesWorkbook } from '../xlsx';
import { listItems, pinItem, restoreItem, unpinItem } from './items';
import { accountsEvidence, bmnEvidence, commonIssuesEvidence, incomeEvidence, villageTablesEvidence } from './queries';
import { readSetFile } from './setFile';
import { loadSets, removeSet, requireSet, setView, writeSet, writeTarget, writeThreshold } from './sets';

const as = (action: string) => ({ capability: 'evidence', action }) as const;

/** The evidence capability's handlers. */
export const evidenceHandlers = {
  'evidence.bmn': (ctx, { year }) => bmnEvidence(requireWorkspace(ctx).db, ctx.resourcesDir, year),
  'evidence.income': (ctx, { year }) => incomeEvidence(requireWorkspace(ctx).db, ctx.resourcesDir, year),
  'evidence.accounts': (ctx, { year }) => accountsEvidence(requireWorkspace(ctx).db, year),
  'evidence.villageTables': (ctx) => villageTablesEvidence(requireWorkspace(ctx).db),
  'evidence.commonIssues': (ctx, { year, minVillages }) => commonIssuesEvidence(requireWorkspace(ctx).db, ctx.resourcesDir, year, minVillages),
  'evidence.sets': (ctx) => {
    const { db } = requireWorkspace(ctx);
    return loadSets(db, ctx.resourcesDir).map((set) => setView(db, set));
  },
  'evidence.setTarget': (ctx, { setId, no, target }) =>
    write(ctx, as('evidence.setTarget'), (tx) => {
      const set = requireSet(tx.db, ctx.resourcesDir, setId);
      writeTarget(tx, set, no, target);
      return setView(tx.db, set);
    }),
  'evidence.setThreshold': (ctx, { setId, year, amount }) =>
    write(ctx, as('evidence.setThreshold'), (tx) => {
      const set = requireSet(tx.db, ctx.resourcesDir, setId);
      writeThreshold(tx, set, year, amount);
      return setView(tx.db, set);
    }),
  'evidence.addSet': async (ctx, { path, nameTh, fromYear, toYear, incomeIndicatorNo }) => {
    const { set, targets } = await readSetFile(ctx, path, { nameTh, fromYear, toYear, incomeIndicatorNo });
    return write(ctx, as('evidence.addSet'), (tx) => {
      writeSet(tx, ctx.resourcesDir, set, targets);
      return setView(tx.db, set);
    });
  },
  'evidence.removeSet': (ctx, { setId }) =>
    write(ctx, as('evidence.removeSet'), (tx) => {
      removeSet(tx, ctx.resourcesDir, setId);
      return { setId };
    }),
  'evidence.items': (ctx) => listItems(requireWorkspace(ctx).db),
  'evidence.pin': (ctx, input) => write(ctx, as('evidence.pin'), (tx) => pinItem(tx, input)),
  'evidence.unpin': (ctx, { id }) => write(ctx, as('evidence.unpin'), (tx) => unpinItem(tx, id)),
  'evidence.restoreItem': (ctx, { id }) => write(ctx, as('evidence.restoreItem'), (tx) => restoreItem(tx, id)),
  'evidence.exportTable': async (ctx, { path, title, subtitle, columns, rows }) => {
    const target = ctx.paths.resolve(path);
    await writeTablesWorkbook(ctx, target, saveMode(ctx), [{ name: title, title, subtitle, columns, rows }]);
    return { path: target };
  },
} satisfies HandlersOf<typeof evidenceSlice.channels>;
