/**
 * Indicator sets: the shipped ones (every `resources/data/bmn-indicators-*.json`), the ones a
 * person added (the workspace's `indicator_sets`), and what a person set for them — a target per
 * indicator and an income threshold per survey year. Nothing is invented: no row, no target.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { setFromJson, type IndicatorSet, indicatorSetSchema } from '../../../shared/domain/evidence/indicatorSets';
import { ServiceError } from '../../../shared/domain/result';
import type { SetView } from '../../../shared/ipc/evidence';
import type { WorkspaceDb } from '../../db/client';
import { insertRow, tombstoneRow, updateRow, type WriteTx } from '../../db/repository';
import { incomeThresholds, indicatorSets, indicatorTargets } from '../../db/schema';

type Db = WorkspaceDb['db'];

const shippedCache = new Map<string, IndicatorSet[]>();

/** The sets shipped in `resources/data` (`bmn-indicators-*.json`), read once. */
export function shippedSets(resourcesDir: string): IndicatorSet[] {
  const cached = shippedCache.get(resourcesDir);
  if (cached) return cached;
  const dir = path.join(resourcesDir, 'data');
  const sets = fs
    .readdirSync(dir)
    .filter((name) => /^bmn-indicators-.*\.json$/.test(name))
    .sort()
    .map((name) => {
      const parsed = setFromJson(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')), { shipped: true });
      if (!parsed.ok) throw new Error(`resources/data/${name}: ${parsed.en}`);
      return parsed.set;
    });
  shippedCache.set(resourcesDir, sets);
  return sets;
}

/** Every set: the shipped ones and the workspace's own (a workspace set of the same id replaces nothing shipped: ids differ by design). */
export function loadSets(db: Db, resourcesDir: string): IndicatorSet[] {
  const own = db
    .select({ definition: indicatorSets.definition })
    .from(indicatorSets)
    .where(isNull(indicatorSets.deletedAt))
    .all()
    .flatMap((row) => {
      const parsed = indicatorSetSchema.safeParse(JSON.parse(row.definition));
      return parsed.success ? [parsed.data] : [];
    });
  const shipped = shippedSets(resourcesDir);
  return [...shipped, ...own.filter((s) => !shipped.some((x) => x.id === s.id))].sort((a, b) => a.fromYear - b.fromYear);
}

/** The set with `setId`, or NOT_FOUND. */
export function requireSet(db: Db, resourcesDir: string, setId: string): IndicatorSet {
  const set = loadSets(db, resourcesDir).find((s) => s.id === setId);
  if (!set) throw new ServiceError('NOT_FOUND', `ไม่พบชุดตัวชี้วัด ${setId}`, `No indicator set ${setId}`, 'setId');
  return set;
}

/** The targets a person set for a set's indicators: indicator number → % passing. */
export function loadTargets(db: Db, setId: string): Map<number, number> {
  const rows = db
    .select({ no: indicatorTargets.indicatorNo, target: indicatorTargets.targetPercent })
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.setId, setId), isNull(indicatorTargets.deletedAt)))
    .all();
  return new Map(rows.map((r) => [r.no, r.target]));
}

/** The income threshold of a set for a survey year, or null when none is entered. */
export function loadThreshold(db: Db, setId: string, year: number): number | null {
  return (
    db
      .select({ amount: incomeThresholds.amount })
      .from(incomeThresholds)
      .where(and(eq(incomeThresholds.setId, setId), eq(incomeThresholds.surveyYear, year), isNull(incomeThresholds.deletedAt)))
      .get()?.amount ?? null
  );
}

/** A set with its targets and thresholds, as the settings screen shows it. */
export function setView(db: Db, set: IndicatorSet): SetView {
  const thresholds = db
    .select({ year: incomeThresholds.surveyYear, amount: incomeThresholds.amount })
    .from(incomeThresholds)
    .where(and(eq(incomeThresholds.setId, set.id), isNull(incomeThresholds.deletedAt)))
    .orderBy(incomeThresholds.surveyYear)
    .all();
  const targets = [...loadTargets(db, set.id).entries()].map(([no, target]) => ({ no, target })).sort((a, b) => a.no - b.no);
  return { set, targets, thresholds };
}

/** Sets (or, with null, removes) an indicator's target. */
export function writeTarget(tx: WriteTx, set: IndicatorSet, no: number, target: number | null): void {
  if (!set.indicators.some((i) => i.no === no)) {
    throw new ServiceError('NOT_FOUND', `ชุดตัวชี้วัดนี้ไม่มีตัวชี้วัดที่ ${no}`, `The set has no indicator ${no}`, 'no');
  }
  const existing = tx.db
    .select({ id: indicatorTargets.id, target: indicatorTargets.targetPercent })
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.setId, set.id), eq(indicatorTargets.indicatorNo, no), isNull(indicatorTargets.deletedAt)))
    .get();
  if (target === null) {
    if (existing) tombstoneRow(tx, indicatorTargets, existing.id);
  } else if (!existing) insertRow(tx, indicatorTargets, { setId: set.id, indicatorNo: no, targetPercent: target });
  else if (existing.target !== target) updateRow(tx, indicatorTargets, existing.id, { targetPercent: target });
  tx.detail = { setId: set.id, no, target };
}

/** Sets (or, with null, removes) the income threshold of a survey year. */
export function writeThreshold(tx: WriteTx, set: IndicatorSet, year: number, amount: number | null): void {
  if (!set.incomeIndicator) {
    throw new ServiceError('REFUSED', 'ชุดตัวชี้วัดนี้ไม่มีตัวชี้วัดรายได้ จึงไม่มีเกณฑ์รายได้', 'This set has no income indicator, so no income threshold', 'setId');
  }
  if (year < set.fromYear || year > set.toYear) {
    throw new ServiceError(
      'VALIDATION',
      `ปี ${year} อยู่นอกช่วงปีของชุดตัวชี้วัดนี้ (${set.fromYear}–${set.toYear})`,
      `The year ${year} is outside the set's years (${set.fromYear}–${set.toYear})`,
      'year',
    );
  }
  const existing = tx.db
    .select({ id: incomeThresholds.id, amount: incomeThresholds.amount })
    .from(incomeThresholds)
    .where(and(eq(incomeThresholds.setId, set.id), eq(incomeThresholds.surveyYear, year), isNull(incomeThresholds.deletedAt)))
    .get();
  if (amount === null) {
    if (existing) tombstoneRow(tx, incomeThresholds, existing.id);
  } else if (!existing) insertRow(tx, incomeThresholds, { setId: set.id, surveyYear: year, amount });
  else if (existing.amount !== amount) updateRow(tx, incomeThresholds, existing.id, { amount });
  tx.detail = { setId: set.id, year, amount };
}

/** Adds a set a person read from a file; refused when a set of the same years exists. */
export function writeSet(tx: WriteTx, resourcesDir: string, set: IndicatorSet, targets: ReadonlyMap<number, number>): void {
  if (loadSets(tx.db, resourcesDir).some((s) => s.id === set.id)) {
    throw new ServiceError(
      'CONFLICT',
      `มีชุดตัวชี้วัดปี ${set.fromYear}–${set.toYear} อยู่แล้ว (ลบชุดเดิมก่อนถ้าต้องการแทนที่)`,
      `An indicator set for ${set.fromYear}–${set.toYear} exists already (remove it first to replace it)`,
      'path',
    );
  }
  insertRow(tx, indicatorSets, { setId: set.id, definition: JSON.stringify({ ...set, shipped: false }) });
  for (const [no, target] of targets) insertRow(tx, indicatorTargets, { setId: set.id, indicatorNo: no, targetPercent: target });
  tx.detail = { setId: set.id, indicators: set.indicators.length };
}

/** Removes a set a person added (its targets and thresholds too); a shipped set cannot be removed. */
export function removeSet(tx: WriteTx, resourcesDir: string, setId: string): void {
  if (shippedSets(resourcesDir).some((s) => s.id === setId)) {
    throw new ServiceError('REFUSED', 'ชุดตัวชี้วัดที่มากับโปรแกรมลบไม่ได้', 'A set shipped with the app cannot be removed', 'setId');
  }
  const row = tx.db.select({ id: indicatorSets.id }).from(indicatorSets).where(and(eq(indicatorSets.setId, setId), isNull(indicatorSets.deletedAt))).get();
  if (!row) throw new ServiceError('NOT_FOUND', `ไม่พบชุดตัวชี้วัด ${setId}`, `No indicator set ${setId}`, 'setId');
  tombstoneRow(tx, indicatorSets, row.id);
  for (const t of tx.db.select({ id: indicatorTargets.id }).from(indicatorTargets).where(and(eq(indicatorTargets.setId, setId), isNull(indicatorTargets.deletedAt))).all()) {
    tombstoneRow(tx, indicatorTargets, t.id);
  }
  for (const t of tx.db.select({ id: incomeThresholds.id }).from(incomeThresholds).where(and(eq(incomeThresholds.setId, setId), isNull(incomeThresholds.deletedAt))).all()) {
    tombstoneRow(tx, incomeThresholds, t.id);
  }
  tx.detail = { setId };
}
