/** The forum capability's handlers: every change goes through the write pipeline. */
import type { forumSlice } from '../../../shared/ipc/forum';
import type { HandlersOf } from '../handlerTypes';
import { requireWorkspace } from '../session';
import { write } from '../write';
import { addAnalysisItem, deleteAnalysisItem, listAnalysis, moveAnalysisItem, restoreAnalysisItem, updateAnalysisItem } from './analysis';
import { evidenceCandidates, linkEvidence, unlinkEvidence } from './evidence';
import { exportPdf } from './exports/pdf';
import { exportXlsx } from './exports/xlsx';
import { addPcsRow, deletePcsRow, getPcsRow, listPcs, movePcsRow, restorePcsRow, updatePcsRow } from './pcs';
import {
  countdownOnProjector,
  pageProjector,
  projectorState,
  revealOnProjector,
  setProjector,
  stepProjector,
} from './projector';
import {
  addProject,
  deleteDecision,
  deleteProject,
  listDecisions,
  listProjects,
  moveProject,
  rankingOf,
  recordNote,
  recordTieBreak,
  restoreDecision,
  restoreProject,
  updateProject,
} from './projects';
import { liveIssues, overview, readiness } from './readiness';
import {
  addParticipant,
  deleteParticipant,
  getForumRecord,
  listParticipants,
  moveParticipant,
  restoreParticipant,
  updateForumRecord,
  updateParticipant,
} from './record';
import {
  addCommonFunders,
  addFunder,
  addOffice,
  deleteFunder,
  deleteOffice,
  listFunders,
  listOffices,
  planSettings,
  restoreFunder,
  savePlanSettings,
  updateFunder,
  updateOffice,
} from './settings';
import {
  addVillageItem,
  classifyVillageItem,
  deleteVillageItem,
  listVillagePlans,
  moveVillageItem,
  restoreVillageItem,
  setVillagePlan,
  updateVillageItem,
} from './villagePlans';

const as = (action: string) => ({ capability: 'forum', action }) as const;

/** The forum capability's handlers. */
export const forumHandlers = {
  'forum.issues.list': (ctx) => liveIssues(requireWorkspace(ctx).db),
  'forum.overview': (ctx) => overview(requireWorkspace(ctx).db),
  'forum.settings.get': (ctx) => {
    const db = requireWorkspace(ctx).db;
    return { ...planSettings(db, ctx.clock()), offices: listOffices(db), funders: listFunders(db) };
  },
  'forum.settings.save': (ctx, input) => write(ctx, as('forum.settings.save'), (tx) => savePlanSettings(tx, input)),
  'forum.funders.add': (ctx, input) => write(ctx, as('forum.funder.add'), (tx) => addFunder(tx, input)),
  'forum.funders.addCommon': (ctx) => write(ctx, as('forum.funder.addCommon'), (tx) => addCommonFunders(tx)),
  'forum.funders.update': (ctx, input) => write(ctx, as('forum.funder.update'), (tx) => updateFunder(tx, input)),
  'forum.funders.delete': (ctx, { id }) => write(ctx, as('forum.funder.delete'), (tx) => deleteFunder(tx, id)),
  'forum.funders.restore': (ctx, { id }) => write(ctx, as('forum.funder.restore'), (tx) => restoreFunder(tx, id)),
  'forum.offices.add': (ctx, input) => write(ctx, as('forum.office.add'), (tx) => addOffice(tx, input)),
  'forum.offices.update': (ctx, input) => write(ctx, as('forum.office.update'), (tx) => updateOffice(tx, input)),
  'forum.offices.delete': (ctx, { id }) => write(ctx, as('forum.office.delete'), (tx) => deleteOffice(tx, id)),

  'forum.villagePlans.list': (ctx) => listVillagePlans(requireWorkspace(ctx).db),
  'forum.villagePlans.set': (ctx, input) => write(ctx, as('forum.villagePlan.set'), (tx) => setVillagePlan(tx, input)),
  'forum.villageItems.add': (ctx, input) => write(ctx, as('forum.villageItem.add'), (tx) => addVillageItem(tx, input)),
  'forum.villageItems.update': (ctx, input) => write(ctx, as('forum.villageItem.update'), (tx) => updateVillageItem(tx, input)),
  'forum.villageItems.move': (ctx, input) => write(ctx, as('forum.villageItem.move'), (tx) => moveVillageItem(tx, input)),
  'forum.villageItems.delete': (ctx, { id }) => write(ctx, as('forum.villageItem.delete'), (tx) => deleteVillageItem(tx, id)),
  'forum.villageItems.restore': (ctx, { id }) => write(ctx, as('forum.villageItem.restore'), (tx) => restoreVillageItem(tx, id)),
  'forum.villageItems.classify': (ctx, input) => write(ctx, as('forum.villageItem.classify'), (tx) => classifyVillageItem(tx, input)),

  'forum.record.get': (ctx) => getForumRecord(requireWorkspace(ctx).db),
  'forum.record.update': (ctx, input) => write(ctx, as('forum.record.update'), (tx) => updateForumRecord(tx, input)),
  'forum.participants.list': (ctx) => listParticipants(requireWorkspace(ctx).db),
  'forum.participants.add': (ctx, input) => write(ctx, as('forum.participant.add'), (tx) => addParticipant(tx, input)),
  'forum.participants.update': (ctx, input) => write(ctx, as('forum.participant.update'), (tx) => updateParticipant(tx, input)),
  'forum.participants.move': (ctx, input) => write(ctx, as('forum.participant.move'), (tx) => moveParticipant(tx, input)),
  'forum.participants.delete': (ctx, { id }) => write(ctx, as('forum.participant.delete'), (tx) => deleteParticipant(tx, id)),
  'forum.participants.restore': (ctx, { id }) => write(ctx, as('forum.participant.restore'), (tx) => restoreParticipant(tx, id)),

  'forum.analysis.list': (ctx) => listAnalysis(requireWorkspace(ctx).db),
  'forum.analysis.add': (ctx, input) => write(ctx, as('forum.analysis.add'), (tx) => addAnalysisItem(tx, input)),
  'forum.analysis.update': (ctx, input) => write(ctx, as('forum.analysis.update'), (tx) => updateAnalysisItem(tx, input)),
  'forum.analysis.move': (ctx, input) => write(ctx, as('forum.analysis.move'), (tx) => moveAnalysisItem(tx, input)),
  'forum.analysis.delete': (ctx, { id }) => write(ctx, as('forum.analysis.delete'), (tx) => deleteAnalysisItem(tx, id)),
  'forum.analysis.restore': (ctx, { id }) => write(ctx, as('forum.analysis.restore'), (tx) => restoreAnalysisItem(tx, id)),

  'forum.pcs.list': (ctx, { issueId }) => listPcs(requireWorkspace(ctx).db, issueId),
  'forum.pcs.add': (ctx, input) => write(ctx, as('forum.pcs.add'), (tx) => addPcsRow(tx, input)),
  // The saved row goes out before the change event, so the projector shows it without loading its list (see WriteOptions).
  'forum.pcs.update': (ctx, input) =>
    write(ctx, as('forum.pcs.update'), (tx) => updatePcsRow(tx, input), { announce: (row) => ctx.emit('forum.row.saved', { table: 'pcs_rows', row }) }),
  'forum.pcs.move': (ctx, input) => write(ctx, as('forum.pcs.move'), (tx) => movePcsRow(tx, input)),
  'forum.pcs.delete': (ctx, { id }) => write(ctx, as('forum.pcs.delete'), (tx) => deletePcsRow(tx, id)),
  'forum.pcs.restore': (ctx, { id }) => write(ctx, as('forum.pcs.restore'), (tx) => restorePcsRow(tx, id)),
  'forum.evidence.candidates': (ctx) => evidenceCandidates(requireWorkspace(ctx).db),
  'forum.evidence.link': (ctx, { pcsRowId, evidenceKey }) =>
    write(ctx, as('forum.evidence.link'), (tx) => getPcsRow(tx.db, linkEvidence(tx, pcsRowId, evidenceKey))),
  'forum.evidence.unlink': (ctx, { linkId }) => write(ctx, as('forum.evidence.unlink'), (tx) => getPcsRow(tx.db, unlinkEvidence(tx, linkId))),

  'forum.projects.list': (ctx, { issueId }) => listProjects(requireWorkspace(ctx).db, issueId),
  'forum.projects.add': (ctx, input) => write(ctx, as('forum.project.add'), (tx) => addProject(tx, input)),
  'forum.projects.update': (ctx, input) =>
    write(ctx, as('forum.project.update'), (tx) => updateProject(tx, input), { announce: (row) => ctx.emit('forum.row.saved', { table: 'projects', row }) }),
  'forum.projects.move': (ctx, input) => write(ctx, as('forum.project.move'), (tx) => moveProject(tx, input)),
  'forum.projects.delete': (ctx, { id }) => write(ctx, as('forum.project.delete'), (tx) => deleteProject(tx, id)),
  'forum.projects.restore': (ctx, { id }) => write(ctx, as('forum.project.restore'), (tx) => restoreProject(tx, id)),
  'forum.ranking.get': (ctx, { issueId }) => rankingOf(requireWorkspace(ctx).db, issueId),
  'forum.decisions.list': (ctx, { issueId }) => listDecisions(requireWorkspace(ctx).db, issueId),
  'forum.decisions.tieBreak': (ctx, input) => write(ctx, as('forum.decision.tieBreak'), (tx) => recordTieBreak(tx, input)),
  'forum.decisions.note': (ctx, input) => write(ctx, as('forum.decision.note'), (tx) => recordNote(tx, input)),
  'forum.decisions.delete': (ctx, { id }) => write(ctx, as('forum.decision.delete'), (tx) => deleteDecision(tx, id)),
  'forum.decisions.restore': (ctx, { id }) => write(ctx, as('forum.decision.restore'), (tx) => restoreDecision(tx, id)),

  'forum.readiness': (ctx) => readiness(requireWorkspace(ctx).db, ctx.clock()),
  'forum.export.xlsx': (ctx, { form, path }) => {
    requireWorkspace(ctx);
    return exportXlsx(ctx, form, ctx.paths.resolve(path));
  },
  'forum.export.pdf': (ctx, { form, path }) => {
    requireWorkspace(ctx);
    return exportPdf(ctx, form, ctx.paths.resolve(path));
  },

  'forum.projector.get': (ctx) => projectorState(ctx),
  'forum.projector.set': (ctx, input) => setProjector(ctx, input),
  'forum.projector.step': (ctx, { delta }) => stepProjector(ctx, delta),
  'forum.projector.page': (ctx, { delta }) => pageProjector(ctx, delta),
  'forum.projector.reveal': (ctx, input) => revealOnProjector(ctx, input),
  'forum.projector.countdown': (ctx, input) => countdownOnProjector(ctx, input),
} satisfies HandlersOf<typeof forumSlice.channels>;
