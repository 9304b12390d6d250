/**
 * จัดลำดับความสำคัญ — ranking the projects of one strategic issue by the room's counted votes.
 * More votes rank higher. Projects with equal votes are tied until a facilitator records a
 * decision (`tie-break`) that puts them in an order; the newest decision that covers every
 * project of a tie decides it. An undecided tie shares one rank (1, 2, 2, 4) and is reported,
 * so nothing pretends to an order the room did not give. Projects without votes are not ranked.
 */
import { minRankedPerIssue } from './forum';

/** What ranking needs of a project. */
export interface RankableProject {
  id: string;
  votes: number | null;
  /** The order on screen, used only to list unranked projects and undecided ties stably. */
  sortKey: number;
}

/** What ranking needs of a recorded tie-break. */
export interface TieBreak {
  id: string;
  /** The projects in the decided order. */
  rowIds: readonly string[];
  /** ISO instant; the newest decision wins. */
  updatedAt: string;
}

/** A ranked project. */
export interface RankedEntry {
  id: string;
  votes: number;
  /** 1 = first; tied projects without a decision share a rank. */
  rank: number;
  /** The decision that ordered it among equal votes, if any. */
  decisionId: string | null;
  /** Tied with another project and no decision yet. */
  undecided: boolean;
}

/** The ranking of one issue. */
export interface Ranking {
  ranked: RankedEntry[];
  /** Projects without votes, in screen order. */
  unranked: string[];
  /** Groups of tied projects still waiting for a decision, each in screen order. */
  undecidedTies: string[][];
  /** Fewer than {@link minRankedPerIssue} ranked projects: the issue is marked. */
  fewerThanMinimum: boolean;
}

/** The newest decision whose projects include every id of `group`. */
function decisionFor(group: readonly string[], decisions: readonly TieBreak[]): TieBreak | null {
  let best: TieBreak | null = null;
  for (const decision of decisions) {
    const covered = group.every((id) => decision.rowIds.includes(id));
    if (covered && (!best || decision.updatedAt > best.updatedAt)) best = decision;
  }
  return best;
}

/** Ranks `projects` by votes with the recorded tie-breaks (see the module comment). */
export function rankProjects(projects: readonly RankableProject[], decisions: readonly TieBreak[] = []): Ranking {
  const byScreen = [...projects].sort((a, b) => a.sortKey - b.sortKey || a.id.localeCompare(b.id));
  const voted = byScreen.filter((p): p is RankableProject & { votes: number } => p.votes !== null);
  const unranked = byScreen.filter((p) => p.votes === null).map((p) => p.id);
  // Stable: equal votes keep the screen order until a decision orders them.
  const sorted = [...voted].sort((a, b) => b.votes - a.votes);
  const ranked: RankedEntry[] = [];
  const undecidedTies: string[][] = [];
  let position = 0;
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end]!.votes === sorted[start]!.votes) end += 1;
    const group = sorted.slice(start, end);
    if (group.length === 1) {
      ranked.push({ id: group[0]!.id, votes: group[0]!.votes, rank: position + 1, decisionId: null, undecided: false });
    } else {
      const decision = decisionFor(
        group.map((p) => p.id),
        decisions,
      );
      if (decision) {
        const ordered = [...group].sort((a, b) => decision.rowIds.indexOf(a.id) - decision.rowIds.indexOf(b.id));
        ordered.forEach((p, i) => ranked.push({ id: p.id, votes: p.votes, rank: position + i + 1, decisionId: decision.id, undecided: false }));
      } else {
        for (const p of group) ranked.push({ id: p.id, votes: p.votes, rank: position + 1, decisionId: null, undecided: true });
        undecidedTies.push(group.map((p) => p.id));
      }
    }
    position += group.length;
    start = end;
  }
  return { ranked, unranked, undecidedTies, fewerThanMinimum: ranked.length < minRankedPerIssue };
}
