/**
 * The forum's calls as the tables use them: each entity's save, add, move, delete and undo over
 * the contract. Saves go straight to main (no cache refresh of their own): the change event that
 * every write sends refreshes exactly the lists that show the row, in every window.
 */
import type { AnalysisBoard, AnalysisItem, Funder, Participant, PcsRow, Project, VillageItem, VillageItemKind } from '../../../shared/domain/forum';
import { invoke } from '../../api/client';
import type { TableActions } from './EditableTable';

/** Problem–cause–solution rows of one issue. */
export function pcsActions(issueId: string): TableActions<PcsRow> {
  return {
    save: (row, patch, base) => invoke('forum.pcs.update', { id: row.id, rev: row.rev, patch, base }),
    add: (after) => invoke('forum.pcs.add', { issueId, after }),
    move: (id, direction) => invoke('forum.pcs.move', { id, direction }),
    remove: (id) => invoke('forum.pcs.delete', { id }),
    restore: (id) => invoke('forum.pcs.restore', { id }),
  };
}

/** A village's problems or project ideas. */
export function villageItemActions(villageId: string, kind: VillageItemKind): TableActions<VillageItem> {
  return {
    save: (row, patch, base) => invoke('forum.villageItems.update', { id: row.id, rev: row.rev, patch, base }),
    add: (after) => invoke('forum.villageItems.add', { villageId, kind, after }),
    move: (id, direction) => invoke('forum.villageItems.move', { id, direction }),
    remove: (id) => invoke('forum.villageItems.delete', { id }),
    restore: (id) => invoke('forum.villageItems.restore', { id }),
  };
}

/** One analysis board. */
export function analysisActions(board: AnalysisBoard): TableActions<AnalysisItem> {
  return {
    save: (row, patch, base) => invoke('forum.analysis.update', { id: row.id, rev: row.rev, patch, base }),
    add: (after) => invoke('forum.analysis.add', { board, after }),
    move: (id, direction) => invoke('forum.analysis.move', { id, direction }),
    remove: (id) => invoke('forum.analysis.delete', { id }),
    restore: (id) => invoke('forum.analysis.restore', { id }),
  };
}

/** The participant register; a new row starts as a villager of `villageId` (the last one typed). */
export function participantActions(defaults: () => { villageId: string | null; role: Participant['role'] }): TableActions<Participant> {
  return {
    save: (row, patch, base) => invoke('forum.participants.update', { id: row.id, rev: row.rev, patch, base }),
    add: (after) =>
      invoke('forum.participants.add', {
        after,
        values: { name: '', organisation: null, groupIssueId: null, attended: false, ...defaults() },
      }),
    move: (id, direction) => invoke('forum.participants.move', { id, direction }),
    remove: (id) => invoke('forum.participants.delete', { id }),
    restore: (id) => invoke('forum.participants.restore', { id }),
  };
}

/** The projects of one issue. */
export function projectActions(issueId: string): TableActions<Project> {
  return {
    save: (row, patch, base) => invoke('forum.projects.update', { id: row.id, rev: row.rev, patch, base }),
    add: (after) => invoke('forum.projects.add', { issueId, after, values: { name: '' } }),
    move: (id, direction) => invoke('forum.projects.move', { id, direction }),
    remove: (id) => invoke('forum.projects.delete', { id }),
    restore: (id) => invoke('forum.projects.restore', { id }),
  };
}

/** The funders. */
export function funderActions(): TableActions<Funder> {
  return {
    save: (row, patch, base) => invoke('forum.funders.update', { id: row.id, rev: row.rev, patch, base }),
    remove: (id) => invoke('forum.funders.delete', { id }),
    restore: (id) => invoke('forum.funders.restore', { id }),
  };
}
