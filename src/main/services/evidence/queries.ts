/**
 * The evidence pages' figures: the rows the imports brought, read back and handed to the pure
 * computations of src/shared/domain/evidence (which are where the arithmetic is, and its tests).
 * Only live rows count: an undone or replaced import's rows are tombstones.
 */
import { and, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { householdProfiles, villageAccounts, type VillageAccounts } from '../../../shared/domain/evidence/accounts';
import { answerOf, computeBmn, groupPassPercent, type VillageRef } from '../../../shared/domain/evidence/bmn';
import { commonIssues } from '../../../shared/domain/evidence/commonIssues';
import { computeIncome, type HouseholdIncome } from '../../../shared/domain/evidence/income';
import { setForYear, type IndicatorSet } from '../../../shared/domain/evidence/indicatorSets';
import { accountCategories, accountCategoryLabels, type AccountCategory } from '../../../shared/domain/imports/kinds';
import type { AccountsEvidenceView, BmnEvidenceView, CommonIssuesView, IncomeEvidenceView, VillageTablesView } from '../../../shared/ipc/evidence';
import type { WorkspaceDb } from '../../db/client';
import {
  bmnHouseholds,
  bmnVillageIndicators,
  bmnVillageSurveys,
  householdAccountLines,
  imports,
  villageTableRows,
  villageTables,
  villageTableValues,
  villages,
} from '../../db/schema';
import { loadSets, loadTargets, loadThreshold } from './sets';

type Db = WorkspaceDb['db'];

/** The live villages, by หมู่ที่. */
export function villageRefs(db: Db): VillageRef[] {
  return db.select({ id: villages.id, moo: villages.moo, code: villages.code, name: villages.name }).from(villages).where(isNull(villages.deletedAt)).orderBy(villages.moo).all();
}

/** The imports `ids` as the pages name their sources. */
function sourcesOf(db: Db, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select({ importId: imports.id, fileName: imports.fileName, kind: imports.kind, importedAt: imports.importedAt })
    .from(imports)
    .where(inArray(imports.id, unique))
    .orderBy(imports.importedAt)
    .all();
}

/** Survey years with จปฐ. figures (household answers or TPMAP counts), newest first. */
export function bmnYears(db: Db): number[] {
  const a = db.selectDistinct({ year: bmnHouseholds.surveyYear }).from(bmnHouseholds).where(isNull(bmnHouseholds.deletedAt)).all();
  const b = db.selectDistinct({ year: bmnVillageSurveys.surveyYear }).from(bmnVillageSurveys).where(isNull(bmnVillageSurveys.deletedAt)).all();
  return [...new Set([...a, ...b].map((r) => r.year))].sort((x, y) => y - x);
}

/** The set a year's figures were imported with (the most used), else the set covering the year. */
function setOfYear(db: Db, resourcesDir: string, year: number): IndicatorSet | null {
  const sets = loadSets(db, resourcesDir);
  const used = [
    ...db.select({ setId: bmnHouseholds.setId }).from(bmnHouseholds).where(and(eq(bmnHouseholds.surveyYear, year), isNull(bmnHouseholds.deletedAt))).limit(1).all(),
    ...db.select({ setId: bmnVillageSurveys.setId }).from(bmnVillageSurveys).where(and(eq(bmnVillageSurveys.surveyYear, year), isNull(bmnVillageSurveys.deletedAt))).limit(1).all(),
  ];
  for (const u of used) {
    const set = sets.find((s) => s.id === u.setId);
    if (set) return set;
  }
  return setForYear(sets, year);
}

/** The จปฐ. figures of `year` (default: the newest year with data). */
export function bmnEvidence(db: Db, resourcesDir: string, requested?: number): BmnEvidenceView {
  const years = bmnYears(db);
  const year = requested ?? years[0] ?? null;
  const refs = villageRefs(db);
  const empty: BmnEvidenceView = { year, years, set: null, tambon: { households: 0, indicators: [] }, villages: [], worst: [], groups: [], sources: [] };
  if (year === null) return empty;
  const set = setOfYear(db, resourcesDir, year);
  if (!set) return empty;
  const households = db
    .select({ villageId: bmnHouseholds.villageId, answers: bmnHouseholds.answers, importId: bmnHouseholds.importId })
    .from(bmnHouseholds)
    .where(and(eq(bmnHouseholds.surveyYear, year), isNull(bmnHouseholds.deletedAt)))
    .all();
  const surveys = db
    .select({ id: bmnVillageSurveys.id, villageId: bmnVillageSurveys.villageId, households: bmnVillageSurveys.households, importId: bmnVillageSurveys.importId })
    .from(bmnVillageSurveys)
    .where(and(eq(bmnVillageSurveys.surveyYear, year), isNull(bmnVillageSurveys.deletedAt)))
    .all();
  const counts = surveys.length
    ? db
        .select({ surveyId: bmnVillageIndicators.surveyId, no: bmnVillageIndicators.indicatorNo, inScope: bmnVillageIndicators.inScope, failing: bmnVillageIndicators.failing })
        .from(bmnVillageIndicators)
        .where(and(inArray(bmnVillageIndicators.surveyId, surveys.map((s) => s.id)), isNull(bmnVillageIndicators.deletedAt)))
        .all()
    : [];
  const aggregates = surveys.map((s) => ({
    villageId: s.villageId,
    households: s.households,
    counts: new Map(counts.filter((c) => c.surveyId === s.id).map((c) => [c.no, { inScope: c.inScope, failing: c.failing }])),
  }));
  const computed = computeBmn({ year, set, villages: refs, households, aggregates, targets: loadTargets(db, set.id) });
  const villagesWithData = new Set(computed.villages.filter((v) => v.source !== null).map((v) => v.village.id));
  return {
    year,
    years,
    set,
    tambon: computed.tambon,
    villages: computed.villages,
    worst: computed.worst,
    groups: computed.groups.map((g) => ({ ...g, passPercent: groupPassPercent(computed.tambon.indicators, g.indicators) })),
    sources: sourcesOf(db, [
      ...households.filter((h) => villagesWithData.has(h.villageId)).map((h) => h.importId),
      ...surveys.filter((s) => !households.some((h) => h.villageId === s.villageId)).map((s) => s.importId),
    ]),
  };
}

/** The income indicator's figures of `year` (default: the newest year with household answers). */
export function incomeEvidence(db: Db, resourcesDir: string, requested?: number): IncomeEvidenceView {
  const years = db.selectDistinct({ year: bmnHouseholds.surveyYear }).from(bmnHouseholds).where(isNull(bmnHouseholds.deletedAt)).orderBy(desc(bmnHouseholds.surveyYear)).all();
  const year = requested ?? years[0]?.year ?? null;
  const refs = villageRefs(db);
  const set = year === null ? null : setOfYear(db, resourcesDir, year);
  const no = set?.incomeIndicator?.no ?? null;
  const threshold = set && year !== null && no !== null ? loadThreshold(db, set.id, year) : null;
  const rows =
    year === null
      ? []
      : db
          .select()
          .from(bmnHouseholds)
          .where(and(eq(bmnHouseholds.surveyYear, year), isNull(bmnHouseholds.deletedAt)))
          .all();
  const households: HouseholdIncome[] = rows.map((r) => ({
    id: r.id,
    villageId: r.villageId,
    houseCode: r.houseCode,
    houseNo: r.houseNo,
    sourceRow: r.sourceRow,
    members: r.members,
    income: { main: r.incomeMain, secondary: r.incomeSecondary, other: r.incomeOther, ownProduce: r.incomeOwnProduce },
    recorded: no === null ? null : answerOf(r.answers, no),
  }));
  const all = computeIncome(households, threshold);
  const mooOf = new Map(refs.map((v) => [v.id, v.moo]));
  return {
    year,
    setId: set?.id ?? null,
    indicatorNo: no,
    ...all,
    disagreements: all.disagreements.map((d) => ({ ...d, moo: mooOf.get(d.villageId) ?? 0 })).sort((a, b) => a.moo - b.moo || (a.sourceRow ?? 0) - (b.sourceRow ?? 0)),
    villages: refs
      .map((village) => {
        const own = computeIncome(
          households.filter((h) => h.villageId === village.id),
          threshold,
        );
        return { village, withIncome: own.withIncome, belowThreshold: own.belowThreshold, median: own.median, disagreements: own.disagreements.length };
      })
      .filter((v) => v.withIncome > 0),
  };
}

/** Years (พ.ศ.) with ledger lines, newest first. */
export function accountYears(db: Db): number[] {
  const rows = db
    .selectDistinct({ year: sql<string>`substr(${householdAccountLines.date}, 1, 4)` })
    .from(householdAccountLines)
    .where(isNull(householdAccountLines.deletedAt))
    .all();
  return rows.map((r) => Number(r.year) + 543).sort((a, b) => b - a);
}

/** The ledgers' figures of `year` (พ.ศ., default the newest), per village and for the tambon. */
export function accountsEvidence(db: Db, requested?: number): AccountsEvidenceView {
  const years = accountYears(db);
  const year = requested ?? years[0] ?? null;
  const refs = villageRefs(db);
  const zero = Object.fromEntries(accountCategories.map((c) => [c, 0])) as Record<AccountCategory, number>;
  const emptyTambon = {
    households: 0,
    income: 0,
    expense: 0,
    savings: 0,
    newDebt: 0,
    debtRepayment: 0,
    unnecessary: 0,
    debtBurdenPercent: null,
    unnecessaryPercent: null,
    householdsInDeficit: 0,
    householdsWithDeficitMonths: 0,
    householdsWithDebt: 0,
    householdsWithUnnecessary: 0,
    meanMonthsInDeficit: null,
    byCategory: zero,
  };
  if (year === null) return { year, years, villages: [], tambon: emptyTambon, sources: [] };
  const ce = year - 543;
  const lines = db
    .select({
      villageId: householdAccountLines.villageId,
      householdKey: householdAccountLines.householdKey,
      date: householdAccountLines.date,
      category: householdAccountLines.category,
      amount: householdAccountLines.amount,
      importId: householdAccountLines.importId,
    })
    .from(householdAccountLines)
    .where(and(isNull(householdAccountLines.deletedAt), gte(householdAccountLines.date, `${ce}-01-01`), lte(householdAccountLines.date, `${ce}-12-31`)))
    .all();
  const profiles = householdProfiles(lines);
  const byVillage = new Map(villageAccounts(profiles).map((v) => [v.villageId, v]));
  const [tambon] = villageAccounts(profiles.map((p) => ({ ...p, villageId: 'tambon' })));
  const strip = (sums: VillageAccounts): Omit<VillageAccounts, 'villageId'> => {
    const rest: Partial<VillageAccounts> = { ...sums };
    delete rest.villageId;
    return rest as Omit<VillageAccounts, 'villageId'>;
  };
  return {
    year,
    years,
    villages: refs.filter((v) => byVillage.has(v.id)).map((village) => ({ village, ...strip(byVillage.get(village.id)!) })),
    tambon: tambon ? strip(tambon) : emptyTambon,
    sources: sourcesOf(db, lines.map((l) => l.importId)),
  };
}

/** The village tables, one entry per kind, name and year (several imports of one table merge). */
export function villageTablesEvidence(db: Db): VillageTablesView {
  const refs = villageRefs(db);
  const byId = new Map(refs.map((v) => [v.id, v]));
  const tables = db.select().from(villageTables).where(isNull(villageTables.deletedAt)).orderBy(desc(villageTables.surveyYear), villageTables.name).all();
  const groups = new Map<string, typeof tables>();
  for (const t of tables) {
    const key = `${t.tableKind}:${t.name}:${t.surveyYear ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.entries()].map(([key, own]) => {
    const first = own[0]!;
    const columns = new Map<number, { column: number; label: string; type: 'number' | 'text' }>();
    for (const t of own) for (const c of JSON.parse(t.columns) as { column: number; label: string; type: 'number' | 'text' }[]) if (!columns.has(c.column)) columns.set(c.column, c);
    const rows = db
      .select()
      .from(villageTableRows)
      .where(and(inArray(villageTableRows.tableId, own.map((t) => t.id)), isNull(villageTableRows.deletedAt)))
      .all()
      .filter((r) => byId.has(r.villageId));
    const values = rows.length
      ? db
          .select()
          .from(villageTableValues)
          .where(and(inArray(villageTableValues.rowId, rows.map((r) => r.id)), isNull(villageTableValues.deletedAt)))
          .all()
      : [];
    const hasGrades = rows.some((r) => r.grade !== null);
    const grades = { 1: 0, 2: 0, 3: 0, none: 0 };
    for (const r of rows) {
      if (r.grade === 1 || r.grade === 2 || r.grade === 3) grades[r.grade] += 1;
      else grades.none += 1;
    }
    return {
      key,
      kind: first.tableKind,
      name: first.name,
      year: first.surveyYear,
      columns: [...columns.values()].sort((a, b) => a.column - b.column),
      rows: rows
        .map((r) => ({
          village: byId.get(r.villageId)!,
          grade: r.grade,
          values: Object.fromEntries(values.filter((v) => v.rowId === r.id).map((v) => [String(v.column), v.valueNumber ?? v.valueText ?? ''])),
        }))
        .sort((a, b) => a.village.moo - b.village.moo),
      grades: hasGrades ? grades : null,
      sources: sourcesOf(db, own.map((t) => t.importId)),
    };
  });
}

/** Common issues across the villages: the year's จปฐ. figures, the newest ledgers and the newest กชช.2ค grades. */
export function commonIssuesEvidence(db: Db, resourcesDir: string, requested: number | undefined, minVillages: number): CommonIssuesView {
  const bmn = bmnEvidence(db, resourcesDir, requested);
  const accounts = accountsEvidence(db);
  const nrd2c = villageTablesEvidence(db).find((t) => t.kind === 'nrd2c' && t.grades !== null);
  const refs = villageRefs(db);
  const set = bmn.set;
  const issues = commonIssues({
    bmn: bmn.year !== null && set ? { ...bmn, year: bmn.year, setId: set.id, villages: bmn.villages } : null,
    accounts: accounts.villages.map((v) => ({ ...v, villageId: v.village.id })),
    grades: nrd2c ? nrd2c.rows.map((r) => ({ villageId: r.village.id, grade: r.grade })) : [],
    moos: new Map(refs.map((v) => [v.id, v.moo])),
    minVillages,
  });
  const title = (key: string, no: number | null): { th: string; en: string } => {
    if (no !== null) {
      const name = set?.indicators.find((i) => i.no === no)?.nameTh ?? '';
      return { th: `จปฐ. ตัวชี้วัดที่ ${no}: ${name}`, en: `BMN indicator ${no}: ${name}` };
    }
    switch (key) {
      case 'accounts:deficit':
        return { th: 'ครัวเรือนมีรายจ่ายมากกว่ารายได้ (จากบัญชีครัวเรือน)', en: 'Households spend more than they earn (household accounts)' };
      case 'accounts:debt':
        return { th: 'ครัวเรือนมีภาระหนี้ (ชำระหนี้หรือกู้ยืม)', en: 'Households carry debt (repayments or borrowing)' };
      case 'accounts:unnecessary':
        return { th: `ครัวเรือนมี${accountCategoryLabels['expense.unnecessary'].th}`, en: `Households with ${accountCategoryLabels['expense.unnecessary'].en.toLowerCase()}` };
      default:
        return { th: 'หมู่บ้านระดับ 1 (ล้าหลัง) ตาม กชช.2ค', en: 'Villages graded 1 (lagging) in the NRD2C' };
    }
  };
  return {
    year: bmn.year,
    accountsYear: accounts.year,
    minVillages,
    issues: issues.map((i) => {
      const t = title(i.key, i.indicatorNo);
      return { ...i, titleTh: t.th, titleEn: t.en };
    }),
  };
}
