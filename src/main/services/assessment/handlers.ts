/** The assessment capability's handlers: the framework, rounds and scores, the comparison, the grades and the scores workbook. */
import type { assessmentSlice } from '../../../shared/ipc/assessment';
import type { HandlersOf } from '../handlerTypes';
import { requireWorkspace } from '../session';
import { write } from '../write';
import { frameworkView, readFrameworkFile, resetFramework, writeFramework } from './framework';
import {
  addParticipant,
  addRound,
  comparison,
  grades,
  linkEvidence,
  listRounds,
  removeParticipant,
  removeRound,
  restoreRound,
  roundDetail,
  setScore,
  unlinkEvidence,
  updateRound,
} from './rounds';
import { exportScoresWorkbook } from './workbook';

const as = (action: string) => ({ capability: 'assessment', action }) as const;

/** The assessment capability's handlers. */
export const assessmentHandlers = {
  'assessment.framework': (ctx) => frameworkView(requireWorkspace(ctx).db, ctx.resourcesDir),
  'assessment.setFramework': async (ctx, { path }) => {
    const framework = await readFrameworkFile(ctx, path);
    return write(ctx, as('assessment.setFramework'), (tx) => writeFramework(tx, ctx.resourcesDir, framework));
  },
  'assessment.resetFramework': (ctx) => write(ctx, as('assessment.resetFramework'), (tx) => resetFramework(tx, ctx.resourcesDir)),
  'assessment.rounds': (ctx) => listRounds(requireWorkspace(ctx).db, ctx.resourcesDir),
  'assessment.round': (ctx, { id }) => roundDetail(requireWorkspace(ctx).db, ctx.resourcesDir, id),
  'assessment.addRound': (ctx, values) => write(ctx, as('assessment.addRound'), (tx) => addRound(tx, ctx.resourcesDir, values)),
  'assessment.updateRound': (ctx, { id, ...values }) => write(ctx, as('assessment.updateRound'), (tx) => updateRound(tx, ctx.resourcesDir, id, values)),
  'assessment.removeRound': (ctx, { id }) => write(ctx, as('assessment.removeRound'), (tx) => removeRound(tx, ctx.resourcesDir, id)),
  'assessment.restoreRound': (ctx, { id }) => write(ctx, as('assessment.restoreRound'), (tx) => restoreRound(tx, ctx.resourcesDir, id)),
  'assessment.setScore': (ctx, input) => write(ctx, as('assessment.setScore'), (tx) => setScore(tx, ctx.resourcesDir, input)),
  'assessment.addParticipant': (ctx, input) => write(ctx, as('assessment.addParticipant'), (tx) => addParticipant(tx, input)),
  'assessment.removeParticipant': (ctx, { id }) => write(ctx, as('assessment.removeParticipant'), (tx) => removeParticipant(tx, id)),
  'assessment.linkEvidence': (ctx, input) => write(ctx, as('assessment.linkEvidence'), (tx) => linkEvidence(tx, input)),
  'assessment.unlinkEvidence': (ctx, { id }) => write(ctx, as('assessment.unlinkEvidence'), (tx) => unlinkEvidence(tx, id)),
  'assessment.comparison': (ctx) => comparison(requireWorkspace(ctx).db, ctx.resourcesDir),
  'assessment.grades': (ctx, { round }) => grades(requireWorkspace(ctx).db, ctx.resourcesDir, round),
  'assessment.exportWorkbook': (ctx, { path }) => exportScoresWorkbook(ctx, path),
} satisfies HandlersOf<typeof assessmentSlice.channels>;
