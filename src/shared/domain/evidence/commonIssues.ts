/**
 * ประเด็นร่วม — problems seen in several villages, offered to the forum as common issues. A
 * village has a จปฐ. indicator's problem when its pass rate misses the target where a target is
 * set, and otherwise when any of its households fails the indicator (no target is invented); it
 * has an accounts problem when any of its households' ledgers shows it. Only facts are counted:
 * the forum judges what matters.
 */
import type { BmnEvidence } from './bmn';
import type { VillageAccounts } from './accounts';

/** One village's part in a common issue. */
export interface IssueVillage {
  villageId: string;
  moo: number;
  /** Households concerned in the village. */
  households: number;
}

/** A common issue: a problem and the villages it is seen in. */
export interface CommonIssue {
  /** Stable key: `bmn:17`, `accounts:deficit`, `accounts:debt`, `accounts:unnecessary`, `nrd2c:grade1`. */
  key: string;
  /** How a village was judged to have it: below the target, any household failing, or from the ledgers. */
  basis: 'belowTarget' | 'anyFailing' | 'ledgers' | 'grade';
  /** The indicator, for a จปฐ. issue. */
  indicatorNo: number | null;
  villages: IssueVillage[];
  /** Households concerned across the villages. */
  households: number;
}

/**
 * The issues seen in at least `minVillages` villages, the most widespread first (then by
 * households concerned). `moos` names each village id's หมู่ที่.
 */
export function commonIssues(input: {
  bmn: BmnEvidence | null;
  accounts: readonly VillageAccounts[];
  grades: readonly { villageId: string; grade: number | null }[];
  moos: ReadonlyMap<string, number>;
  minVillages?: number;
}): CommonIssue[] {
  const min = Math.max(1, input.minVillages ?? 2);
  const issues: CommonIssue[] = [];
  const moo = (id: string) => input.moos.get(id) ?? 0;
  if (input.bmn) {
    const nos = input.bmn.tambon.indicators.map((i) => i.no);
    for (const no of nos) {
      const villages: IssueVillage[] = [];
      let withTarget = false;
      for (const v of input.bmn.villages) {
        const s = v.indicators.find((i) => i.no === no);
        if (!s || s.inScope === 0) continue;
        withTarget = s.target !== null;
        const has = s.target !== null ? s.meetsTarget === false : s.failing > 0;
        if (has) villages.push({ villageId: v.village.id, moo: v.village.moo, households: s.failing });
      }
      issues.push({ key: `bmn:${no}`, basis: withTarget ? 'belowTarget' : 'anyFailing', indicatorNo: no, villages, households: villages.reduce((a, v) => a + v.households, 0) });
    }
  }
  const ledger = (key: string, count: (v: VillageAccounts) => number) => {
    const villages = input.accounts.filter((v) => count(v) > 0).map((v) => ({ villageId: v.villageId, moo: moo(v.villageId), households: count(v) }));
    issues.push({ key, basis: 'ledgers', indicatorNo: null, villages, households: villages.reduce((a, v) => a + v.households, 0) });
  };
  if (input.accounts.length > 0) {
    ledger('accounts:deficit', (v) => v.householdsInDeficit);
    ledger('accounts:debt', (v) => v.householdsWithDebt);
    ledger('accounts:unnecessary', (v) => v.householdsWithUnnecessary);
  }
  const lagging = input.grades.filter((g) => g.grade === 1).map((g) => ({ villageId: g.villageId, moo: moo(g.villageId), households: 0 }));
  if (input.grades.length > 0) issues.push({ key: 'nrd2c:grade1', basis: 'grade', indicatorNo: null, villages: lagging, households: 0 });
  return issues
    .filter((i) => i.villages.length >= min)
    .map((i) => ({ ...i, villages: [...i.villages].sort((a, b) => a.moo - b.moo) }))
    .sort((a, b) => b.villages.length - a.villages.length || b.households - a.households || a.key.localeCompare(b.key));
}
