/**
 * Household potential profiles from income–expense ledgers (บัญชีครัวเรือน), summed by village:
 * income and expense by จปฐ. item-22 category, savings, debt burden (debt repayment ÷ income),
 * the share of unnecessary spending (of all expense), and months in deficit (months where the
 * recorded expense exceeds the recorded income). Savings and borrowing are neither income nor
 * expense. Figures are only what the ledgers say: a household's months are the months it has lines in.
 */
import { directionOf } from '../imports/accountCategories';
import { accountCategories, type AccountCategory } from '../imports/kinds';
import { percent } from './bmn';

/** A ledger line as stored. */
export interface LedgerLine {
  villageId: string;
  householdKey: string;
  /** ISO day. */
  date: string;
  category: AccountCategory;
  amount: number;
}

/** One household's profile. */
export interface HouseholdProfile {
  villageId: string;
  householdKey: string;
  months: number;
  income: number;
  expense: number;
  /** Income − expense. */
  net: number;
  savings: number;
  newDebt: number;
  debtRepayment: number;
  unnecessary: number;
  /** Debt repayment as % of income; null without income. */
  debtBurdenPercent: number | null;
  /** Unnecessary spending as % of expense; null without expense. */
  unnecessaryPercent: number | null;
  monthsInDeficit: number;
  byCategory: Record<AccountCategory, number>;
}

/** A village's sums of its households' profiles. */
export interface VillageAccounts {
  villageId: string;
  households: number;
  income: number;
  expense: number;
  savings: number;
  newDebt: number;
  debtRepayment: number;
  unnecessary: number;
  debtBurdenPercent: number | null;
  unnecessaryPercent: number | null;
  /** Households whose whole-period expense exceeds their income. */
  householdsInDeficit: number;
  /** Households with at least one month in deficit. */
  householdsWithDeficitMonths: number;
  /** Households that repay debt or borrowed. */
  householdsWithDebt: number;
  /** Households with any unnecessary spending. */
  householdsWithUnnecessary: number;
  /** Mean months in deficit per household, one decimal. */
  meanMonthsInDeficit: number | null;
  byCategory: Record<AccountCategory, number>;
}

const zeroCategories = () => Object.fromEntries(accountCategories.map((c) => [c, 0])) as Record<AccountCategory, number>;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Each household's profile from its lines. */
export function householdProfiles(lines: readonly LedgerLine[]): HouseholdProfile[] {
  const byHousehold = new Map<string, LedgerLine[]>();
  for (const line of lines) {
    const key = `${line.villageId}\u0000${line.householdKey}`;
    const list = byHousehold.get(key) ?? [];
    list.push(line);
    byHousehold.set(key, list);
  }
  return [...byHousehold.values()].map((own) => {
    const byCategory = zeroCategories();
    const months = new Map<string, { income: number; expense: number }>();
    for (const line of own) {
      byCategory[line.category] += line.amount;
      const month = line.date.slice(0, 7);
      const m = months.get(month) ?? { income: 0, expense: 0 };
      const direction = directionOf(line.category);
      if (direction === 'income') m.income += line.amount;
      if (direction === 'expense') m.expense += line.amount;
      months.set(month, m);
    }
    const income = round2(accountCategories.filter((c) => directionOf(c) === 'income').reduce((a, c) => a + byCategory[c], 0));
    const expense = round2(accountCategories.filter((c) => directionOf(c) === 'expense').reduce((a, c) => a + byCategory[c], 0));
    return {
      villageId: own[0]!.villageId,
      householdKey: own[0]!.householdKey,
      months: months.size,
      income,
      expense,
      net: round2(income - expense),
      savings: round2(byCategory.saving),
      newDebt: round2(byCategory.debt),
      debtRepayment: round2(byCategory['expense.debtRepayment']),
      unnecessary: round2(byCategory['expense.unnecessary']),
      debtBurdenPercent: percent(byCategory['expense.debtRepayment'], income),
      unnecessaryPercent: percent(byCategory['expense.unnecessary'], expense),
      monthsInDeficit: [...months.values()].filter((m) => m.expense > m.income).length,
      byCategory: Object.fromEntries(Object.entries(byCategory).map(([k, v]) => [k, round2(v)])) as Record<AccountCategory, number>,
    };
  });
}

/** The profiles summed per village (villages without lines are left out). */
export function villageAccounts(profiles: readonly HouseholdProfile[]): VillageAccounts[] {
  const byVillage = new Map<string, HouseholdProfile[]>();
  for (const p of profiles) byVillage.set(p.villageId, [...(byVillage.get(p.villageId) ?? []), p]);
  return [...byVillage.entries()].map(([villageId, own]) => {
    const sum = (f: (p: HouseholdProfile) => number) => round2(own.reduce((a, p) => a + f(p), 0));
    const byCategory = zeroCategories();
    for (const p of own) for (const c of accountCategories) byCategory[c] = round2(byCategory[c] + p.byCategory[c]);
    const income = sum((p) => p.income);
    const expense = sum((p) => p.expense);
    const totalDeficitMonths = own.reduce((a, p) => a + p.monthsInDeficit, 0);
    return {
      villageId,
      households: own.length,
      income,
      expense,
      savings: sum((p) => p.savings),
      newDebt: sum((p) => p.newDebt),
      debtRepayment: sum((p) => p.debtRepayment),
      unnecessary: sum((p) => p.unnecessary),
      debtBurdenPercent: percent(byCategory['expense.debtRepayment'], income),
      unnecessaryPercent: percent(byCategory['expense.unnecessary'], expense),
      householdsInDeficit: own.filter((p) => p.expense > p.income).length,
      householdsWithDeficitMonths: own.filter((p) => p.monthsInDeficit > 0).length,
      householdsWithDebt: own.filter((p) => p.debtRepayment > 0 || p.newDebt > 0).length,
      householdsWithUnnecessary: own.filter((p) => p.unnecessary > 0).length,
      meanMonthsInDeficit: own.length === 0 ? null : Math.round((totalDeficitMonths / own.length) * 10) / 10,
      byCategory,
    };
  });
}
