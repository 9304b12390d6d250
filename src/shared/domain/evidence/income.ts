/**
 * The income indicator (จปฐ. item 22 in 2560–2564): per-capita annual income = (main occupation +
 * secondary + other income + value of own produce) ÷ household members, passing at or above the
 * survey year's threshold. The file's recorded answers are authoritative: the recomputation is
 * shown only once a person has entered the year's threshold, and households where it disagrees
 * with the recorded answer are flagged, never corrected.
 */
import type { Answer } from '../imports/cells';
import type { IncomePart } from '../imports/kinds';

/** A household's income figures as imported. */
export interface HouseholdIncome {
  id: string;
  villageId: string;
  /** How a person finds the household in the file: house code or number, and the row it came from. */
  houseCode: string | null;
  houseNo: string | null;
  sourceRow: number | null;
  members: number | null;
  income: Record<IncomePart, number | null>;
  /** The recorded answer of the income indicator, null when the file had none. */
  recorded: Answer | null;
}

/** Per-capita income (baht a year, whole baht), or null when members or every part is missing. */
export function perCapitaIncome(h: Pick<HouseholdIncome, 'members' | 'income'>): number | null {
  const parts = Object.values(h.income).filter((v): v is number => v !== null);
  if (parts.length === 0 || !h.members || h.members < 1) return null;
  return Math.round(parts.reduce((a, b) => a + b, 0) / h.members);
}

/** A household whose recomputed answer disagrees with the recorded one. */
export interface IncomeDisagreement {
  householdId: string;
  villageId: string;
  houseCode: string | null;
  houseNo: string | null;
  sourceRow: number | null;
  perCapita: number;
  recorded: 'pass' | 'fail';
  recomputed: 'pass' | 'fail';
}

/** The income figures of a year (or a village). */
export interface IncomeEvidence {
  /** The threshold of the year, or null when none is entered (then nothing is recomputed). */
  threshold: number | null;
  /** Households with a per-capita income. */
  withIncome: number;
  /** Households whose figures are incomplete (no members, or no income part). */
  withoutIncome: number;
  /** Below the threshold by the recomputation (null without a threshold). */
  belowThreshold: number | null;
  /** Counts per bin of per-capita income: `[from, to)` baht, the last open-ended. */
  bins: { from: number; to: number | null; households: number }[];
  median: number | null;
  disagreements: IncomeDisagreement[];
}

/**
 * Bins a person reads: with a threshold, ten bins of a fifth of it up to twice the threshold and
 * one above; without, ten equal bins up to the 95th percentile (rounded to a thousand) and one above.
 */
function binEdges(values: readonly number[], threshold: number | null): number[] {
  if (threshold !== null && threshold > 0) return Array.from({ length: 11 }, (_, i) => Math.round((threshold / 5) * i));
  if (values.length === 0) return [0];
  const sorted = [...values].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
  const step = Math.max(1000, Math.ceil(p95 / 10 / 1000) * 1000);
  return Array.from({ length: 11 }, (_, i) => i * step);
}

/** The income figures of `households` against `threshold` (null: not entered). */
export function computeIncome(households: readonly HouseholdIncome[], threshold: number | null): IncomeEvidence {
  const values: number[] = [];
  const disagreements: IncomeDisagreement[] = [];
  let without = 0;
  let below = 0;
  for (const h of households) {
    const pc = perCapitaIncome(h);
    if (pc === null) {
      without += 1;
      continue;
    }
    values.push(pc);
    if (threshold === null) continue;
    const recomputed = pc >= threshold ? 'pass' : 'fail';
    if (recomputed === 'fail') below += 1;
    if ((h.recorded === 'pass' || h.recorded === 'fail') && h.recorded !== recomputed) {
      disagreements.push({
        householdId: h.id,
        villageId: h.villageId,
        houseCode: h.houseCode,
        houseNo: h.houseNo,
        sourceRow: h.sourceRow,
        perCapita: pc,
        recorded: h.recorded,
        recomputed,
      });
    }
  }
  const edges = binEdges(values, threshold);
  const bins = edges.map((from, i) => ({ from, to: edges[i + 1] ?? null, households: 0 }));
  for (const v of values) {
    let i = bins.length - 1;
    while (i > 0 && v < bins[i]!.from) i -= 1;
    bins[i]!.households += 1;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
  return { threshold, withIncome: values.length, withoutIncome: without, belowThreshold: threshold === null ? null : below, bins, median, disagreements };
}
