/** Ranking by counted votes, ties kept until a recorded decision, the fewer-than-10 marker. */
import { describe, expect, it } from 'vitest';
import { rankProjects, type RankableProject } from '../../src/shared/domain/ranking';

const p = (id: string, votes: number | null, sortKey = 0): RankableProject => ({ id, votes, sortKey });

describe('rankProjects', () => {
  it('ranks by votes, most first; projects without votes are not ranked', () => {
    const r = rankProjects([p('a', 3, 1), p('b', 10, 2), p('c', null, 3), p('d', 0, 4)]);
    expect(r.ranked.map((x) => [x.id, x.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['d', 3],
    ]);
    expect(r.unranked).toEqual(['c']);
    expect(r.undecidedTies).toEqual([]);
  });

  it('gives tied projects one rank (1, 2, 2, 4) and reports the tie in screen order', () => {
    const r = rankProjects([p('a', 5, 3), p('b', 9, 1), p('c', 5, 2), p('d', 1, 4)]);
    expect(r.ranked.map((x) => [x.id, x.rank, x.undecided])).toEqual([
      ['b', 1, false],
      ['c', 2, true],
      ['a', 2, true],
      ['d', 4, false],
    ]);
    expect(r.undecidedTies).toEqual([['c', 'a']]);
  });

  it('a decision covering every tied project orders them; the newest decision wins', () => {
    const projects = [p('a', 5, 1), p('b', 5, 2), p('c', 5, 3)];
    const older = { id: 'd1', rowIds: ['a', 'b', 'c'], updatedAt: '2026-03-15T09:00:00Z' };
    const newer = { id: 'd2', rowIds: ['c', 'a', 'b'], updatedAt: '2026-03-15T10:00:00Z' };
    const r = rankProjects(projects, [newer, older]);
    expect(r.ranked.map((x) => [x.id, x.rank, x.decisionId])).toEqual([
      ['c', 1, 'd2'],
      ['a', 2, 'd2'],
      ['b', 3, 'd2'],
    ]);
    expect(r.undecidedTies).toEqual([]);
  });

  it('a decision that does not cover the whole tie (votes changed since) leaves it undecided', () => {
    const r = rankProjects([p('a', 5, 1), p('b', 5, 2), p('c', 5, 3)], [{ id: 'd', rowIds: ['a', 'b'], updatedAt: 'x' }]);
    expect(r.undecidedTies).toEqual([['a', 'b', 'c']]);
    expect(r.ranked.every((x) => x.rank === 1 && x.undecided)).toBe(true);
  });

  it('marks fewer than 10 ranked projects', () => {
    const ten = Array.from({ length: 10 }, (_, i) => p(`p${i}`, i, i));
    expect(rankProjects(ten).fewerThanMinimum).toBe(false);
    expect(rankProjects([...ten.slice(0, 9), p('x', null)]).fewerThanMinimum).toBe(true);
    expect(rankProjects([]).fewerThanMinimum).toBe(true);
  });
});
