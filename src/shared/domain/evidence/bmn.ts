/**
 * จปฐ. evidence per village and for the tambon: per indicator the households in scope (passing
 * or failing: not-applicable answers are out of scope), failing, and the share passing, judged
 * against the indicator's target only where one is set; the villages that fail each indicator
 * most; each group's indicators. Household answers (the `bmn` import) and TPMAP-style counts
 * (the `tpmap` import) give the same figures; where a village has both for a year, its
 * household answers are used.
 */
import type { Answer } from '../imports/cells';
import type { IndicatorSet } from './indicatorSets';

/** The character of each answer in a stored answers string (one character per indicator number, from 1). */
const answerChar: Record<Answer, string> = { pass: 'P', fail: 'F', na: 'N' };

/**
 * A household's answers as stored: character `no - 1` is indicator `no`'s answer — `P` pass,
 * `F` fail, `N` not applicable, `-` not in the file.
 */
export function encodeAnswers(answers: ReadonlyMap<number, Answer>): string {
  const max = Math.max(0, ...answers.keys());
  let s = '';
  for (let no = 1; no <= max; no += 1) {
    const a = answers.get(no);
    s += a ? answerChar[a] : '-';
  }
  return s;
}

/** Indicator `no`'s answer in a stored answers string, or null when the household was not asked it. */
export function answerOf(answers: string, no: number): Answer | null {
  const c = answers[no - 1];
  return c === 'P' ? 'pass' : c === 'F' ? 'fail' : c === 'N' ? 'na' : null;
}

/** One indicator's figures for a village or the tambon. */
export interface IndicatorStat {
  no: number;
  /** Households judged (pass or fail). */
  inScope: number;
  failing: number;
  /** Share passing, 0–100, one decimal; null when none is in scope. */
  passPercent: number | null;
  /** The indicator's target (% passing), null when none is set ("ไม่ได้กำหนดเป้าหมาย"). */
  target: number | null;
  /** Whether the pass rate reaches the target; null without a target or without households in scope. */
  meetsTarget: boolean | null;
}

/** A village's household answers for one survey year. */
export interface HouseholdAnswers {
  villageId: string;
  answers: string;
}

/** A village's TPMAP-style counts for one survey year. */
export interface VillageCounts {
  villageId: string;
  households: number | null;
  counts: ReadonlyMap<number, { inScope: number; failing: number }>;
}

/** A village as the figures name it. */
export interface VillageRef {
  id: string;
  moo: number;
  code: string | null;
  name: string;
}

/** A village's figures. */
export interface VillageBmn {
  village: VillageRef;
  /** Where the figures come from: household answers, TPMAP counts, or nothing for this year. */
  source: 'households' | 'aggregates' | null;
  households: number;
  indicators: IndicatorStat[];
}

/** The villages that fail an indicator most (by share of its households in scope failing). */
export interface WorstVillages {
  no: number;
  villages: { villageId: string; moo: number; failing: number; inScope: number; failingPercent: number }[];
}

/** Everything the จปฐ. page shows for one year. */
export interface BmnEvidence {
  year: number;
  setId: string;
  tambon: { households: number; indicators: IndicatorStat[] };
  villages: VillageBmn[];
  worst: WorstVillages[];
  groups: { no: number; nameTh: string; indicators: number[] }[];
}

/** A percentage with one decimal. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** An indicator's figures from its counts and target. */
export function indicatorStat(no: number, inScope: number, failing: number, target: number | null): IndicatorStat {
  const passPercent = percent(inScope - failing, inScope);
  return { no, inScope, failing, passPercent, target, meetsTarget: target === null || passPercent === null ? null : passPercent >= target };
}

/**
 * The year's figures. `targets` maps indicator numbers to the targets a person set (absent:
 * no target). `worstCount` villages are listed per indicator (those with any failing).
 */
export function computeBmn(input: {
  year: number;
  set: IndicatorSet;
  villages: readonly VillageRef[];
  households: readonly HouseholdAnswers[];
  aggregates: readonly VillageCounts[];
  targets: ReadonlyMap<number, number>;
  worstCount?: number;
}): BmnEvidence {
  const { set, targets } = input;
  const nos = set.indicators.map((i) => i.no).sort((a, b) => a - b);
  const target = (no: number) => targets.get(no) ?? null;
  const byVillage = new Map<string, HouseholdAnswers[]>();
  for (const h of input.households) {
    const list = byVillage.get(h.villageId) ?? [];
    list.push(h);
    byVillage.set(h.villageId, list);
  }
  const aggregateOf = new Map(input.aggregates.map((a) => [a.villageId, a]));
  const tambonCounts = new Map(nos.map((no) => [no, { inScope: 0, failing: 0 }]));
  let tambonHouseholds = 0;
  const villages: VillageBmn[] = [...input.villages]
    .sort((a, b) => a.moo - b.moo)
    .map((village) => {
      const households = byVillage.get(village.id);
      const counts = new Map(nos.map((no) => [no, { inScope: 0, failing: 0 }]));
      let source: VillageBmn['source'] = null;
      let householdCount = 0;
      if (households && households.length > 0) {
        source = 'households';
        householdCount = households.length;
        for (const h of households) {
          for (const no of nos) {
            const a = answerOf(h.answers, no);
            if (a === 'pass' || a === 'fail') {
              const c = counts.get(no)!;
              c.inScope += 1;
              if (a === 'fail') c.failing += 1;
            }
          }
        }
      } else {
        const aggregate = aggregateOf.get(village.id);
        if (aggregate) {
          source = 'aggregates';
          householdCount = aggregate.households ?? 0;
          for (const no of nos) {
            const c = aggregate.counts.get(no);
            if (c) counts.set(no, { inScope: c.inScope, failing: c.failing });
          }
        }
      }
      tambonHouseholds += householdCount;
      for (const no of nos) {
        const c = counts.get(no)!;
        const t = tambonCounts.get(no)!;
        t.inScope += c.inScope;
        t.failing += c.failing;
      }
      return {
        village,
        source,
        households: householdCount,
        indicators: nos.map((no) => indicatorStat(no, counts.get(no)!.inScope, counts.get(no)!.failing, target(no))),
      };
    });
  const worstCount = input.worstCount ?? 3;
  const worst = nos.map((no) => ({
    no,
    villages: villages
      .map((v) => ({ v, s: v.indicators.find((i) => i.no === no)! }))
      .filter(({ s }) => s.failing > 0)
      .map(({ v, s }) => ({ villageId: v.village.id, moo: v.village.moo, failing: s.failing, inScope: s.inScope, failingPercent: percent(s.failing, s.inScope)! }))
      .sort((a, b) => b.failingPercent - a.failingPercent || b.failing - a.failing || a.moo - b.moo)
      .slice(0, worstCount),
  }));
  return {
    year: input.year,
    setId: set.id,
    tambon: { households: tambonHouseholds, indicators: nos.map((no) => indicatorStat(no, tambonCounts.get(no)!.inScope, tambonCounts.get(no)!.failing, target(no))) },
    villages,
    worst,
    groups: [...set.groups]
      .sort((a, b) => a.no - b.no)
      .map((g) => ({ no: g.no, nameTh: g.nameTh, indicators: set.indicators.filter((i) => i.group === g.no).map((i) => i.no).sort((a, b) => a - b) })),
  };
}

/** A group's pass rate for a village or the tambon: all its indicators' households in scope together. */
export function groupPassPercent(stats: readonly IndicatorStat[], indicators: readonly number[]): number | null {
  let inScope = 0;
  let failing = 0;
  for (const s of stats) {
    if (!indicators.includes(s.no)) continue;
    inScope += s.inScope;
    failing += s.failing;
  }
  return percent(inScope - failing, inScope);
}

/**
 * One row of the `bmn_village_results` package resource: a village's figures of one indicator in
 * one survey year, exactly as the จปฐ. page shows them (household answers counted where the
 * village has any for the year, else its TPMAP counts).
 */
export interface BmnVillageResult {
  villageId: string;
  surveyYear: number;
  setId: string;
  indicatorNo: number;
  /** Households of the village's survey (its household rows, or the TPMAP file's count). */
  households: number;
  inScope: number;
  failing: number;
  source: 'households' | 'aggregates';
}

/**
 * The village × indicator rows of one year's figures: every indicator of the set for every village
 * with figures that year (an indicator with none in scope included: "nobody in scope" is a figure
 * too); villages without figures give no row.
 */
export function bmnVillageResults(figures: { year: number; setId: string; villages: readonly Pick<VillageBmn, 'village' | 'source' | 'households' | 'indicators'>[] }): BmnVillageResult[] {
  return figures.villages.flatMap((v) => {
    const source = v.source;
    if (source === null) return [];
    return v.indicators.map((s) => ({
      villageId: v.village.id,
      surveyYear: figures.year,
      setId: figures.setId,
      indicatorNo: s.no,
      households: v.households,
      inScope: s.inScope,
      failing: s.failing,
      source,
    }));
  });
}
