/** The registers capability's handlers: every change goes through the write pipeline. */
import type { registersSlice } from '../../../shared/ipc/registers';
import type { HandlersOf } from '../handlerTypes';
import { requireWorkspace } from '../session';
import { write } from '../write';
import {
  deleteRegisterRow,
  readRegisters,
  restoreRegisterRow,
  saveFundYear,
  saveLeader,
  saveLearningCentre,
  saveOrganisation,
  savePlanItem,
  saveSettings,
  saveWelfareFund,
  saveWorkingGroup,
} from './registers';
import { exportRegistersXlsx } from './workbook';

const as = (action: string) => ({ capability: 'registers', action }) as const;

/** The registers capability's handlers. */
export const registersHandlers = {
  'registers.get': (ctx) => readRegisters(requireWorkspace(ctx).db, ctx.resourcesDir),
  'registers.workingGroup.save': (ctx, { id, values }) => write(ctx, as(id ? 'workingGroup.update' : 'workingGroup.add'), (tx) => ({ id: saveWorkingGroup(tx, id, values) })),
  'registers.leaders.save': (ctx, { id, values }) => write(ctx, as(id ? 'leader.update' : 'leader.add'), (tx) => ({ id: saveLeader(tx, id, values) })),
  'registers.learningCentres.save': (ctx, { id, values }) => write(ctx, as(id ? 'learningCentre.update' : 'learningCentre.add'), (tx) => ({ id: saveLearningCentre(tx, id, values) })),
  'registers.welfareFunds.save': (ctx, { id, values }) => write(ctx, as(id ? 'welfareFund.update' : 'welfareFund.add'), (tx) => ({ id: saveWelfareFund(tx, id, values) })),
  'registers.fundYears.save': (ctx, { values }) => write(ctx, as('fundYear.save'), (tx) => ({ id: saveFundYear(tx, values) })),
  'registers.planItems.save': (ctx, { id, values }) => write(ctx, as(id ? 'planItem.update' : 'planItem.add'), (tx) => ({ id: savePlanItem(tx, id, values) })),
  'registers.organisations.save': (ctx, { id, values }) => write(ctx, as(id ? 'organisation.update' : 'organisation.add'), (tx) => ({ id: saveOrganisation(tx, id, values) })),
  'registers.delete': (ctx, { register, id }) => write(ctx, as(`${register}.delete`), (tx) => deleteRegisterRow(tx, register, id)),
  'registers.restore': (ctx, { register, id }) => write(ctx, as(`${register}.restore`), (tx) => restoreRegisterRow(tx, register, id)),
  'registers.settings.save': (ctx, { settings }) => write(ctx, as('settings.save'), (tx) => saveSettings(tx, settings)),
  'registers.export.xlsx': (ctx, { path }) => {
    requireWorkspace(ctx);
    return exportRegistersXlsx(ctx, ctx.paths.resolve(path));
  },
} satisfies HandlersOf<typeof registersSlice.channels>;
