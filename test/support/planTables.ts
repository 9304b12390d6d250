/**
 * A generated plan for tests and the province bench: problem rows, funders and projects in the
 * forum's own tables, จปฐ. village aggregates in the imports' tables, and two household-like
 * tables stood in for (ids named by the packages' household convention), with the names
 * and columns the dashboards read (src/shared/domain/dashboard.ts, `dashboardTables`), created
 * in a test's own workspace file and added to the catalogue the export and the import use — the
 * way a table added later travels without a change to the packages code.
 */
import type Database from 'better-sqlite3';
import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import { rowIdentity, type TravelClass } from '../../src/main/db/schema/identity';
import { tables as schemaTables, travelClass as schemaTravel } from '../../src/main/db/schema';
import { catalogOf, type TableSpec } from '../../src/main/services/packages/catalog';

export const households = sqliteTable('households', { ...rowIdentity, houseCode: text('house_code').notNull(), villageId: text('village_id').notNull(), members: integer('members').notNull(), income: real('income') });
export const ledgerLines = sqliteTable('ledger_lines', {
  ...rowIdentity,
  householdId: text('household_id').notNull(),
  date: text('date').notNull(),
  kind: text('kind').notNull(),
  category: text('category').notNull(),
  amount: real('amount').notNull(),
});

/** The stand-in household tables and how they travel. */
export const planTables = { households, ledger_lines: ledgerLines };
export const planTravel: Record<keyof typeof planTables, TravelClass> = {
  households: 'household',
  ledger_lines: 'household',
};

/** The workspace's registry plus the stand-ins. */
export function planCatalog(): TableSpec[] {
  return catalogOf({ ...schemaTables, ...planTables }, { ...schemaTravel, ...planTravel });
}

const identity = 'id text primary key not null, rev integer not null default 1, updated_at text not null, deleted_at text';

/** Creates the stand-in household tables in a workspace file. */
export function createPlanTables(sqlite: Database.Database): void {
  sqlite.exec(`
    create table if not exists households (${identity}, house_code text not null, village_id text not null, members integer not null, income real);
    create table if not exists ledger_lines (${identity}, household_id text not null, date text not null, kind text not null, category text not null, amount real not null);
  `);
}

/** A small deterministic PRNG (mulberry32), so generated plans are the same every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How much to generate. */
export interface PlanSize {
  villages: number;
  issues: number;
  problemsPerIssue: number;
  projects: number;
  households: number;
  ledgerLines: number;
  indicators: number;
}

/** The heaviest kind of tambon the province bench measures (DESIGN.md, issue 13). */
export const heavyPlan: PlanSize = { villages: 12, issues: 5, problemsPerIssue: 20, projects: 60, households: 3000, ledgerLines: 2000, indicators: 31 };

/** The plan year the generated budgets are for (พ.ศ.). */
export const planYear = 2570;

/** What was generated, for sums computed independently of the data center. */
export interface GeneratedPlan {
  problemsByIssue: Map<number, number>;
  projects: { issueNo: number; budget: number; source: string; funder: string; flagged: boolean; rank: number }[];
  bmn: Map<number, { inScope: number; failing: number }>;
}

/**
 * Fills the stand-in tables of a workspace (villages too, written raw: this is a fixture, not the
 * app) with `size` rows from `seed`. Household codes look like the real ones (11 digits).
 */
export function fillPlan(sqlite: Database.Database, size: PlanSize, seed: number): GeneratedPlan {
  const rand = prng(seed);
  const now = new Date('2026-11-01T00:00:00Z').toISOString();
  const villageIds: string[] = [];
  const tambonCode = sqlite.prepare('select code from tambon where deleted_at is null').pluck().get() as string;
  const insertVillage = sqlite.prepare('insert into villages (id, rev, updated_at, moo, name, code, households, population, is_community) values (?, 1, ?, ?, ?, ?, ?, ?, 0)');
  const existing = sqlite.prepare('select moo from villages').pluck().all() as number[];
  for (let moo = 1; villageIds.length < size.villages; moo += 1) {
    if (existing.includes(moo)) continue;
    const id = uuidv7();
    villageIds.push(id);
    insertVillage.run(id, now, moo, `บ้านทดสอบ ${moo}`, `${tambonCode}${String(moo).padStart(2, '0')}`, 250, 800);
  }
  const plan: GeneratedPlan = { problemsByIssue: new Map(), projects: [], bmn: new Map() };
  const issueIds = sqlite.prepare('select id from strategic_issues where deleted_at is null order by no').pluck().all() as string[];
  if (issueIds.length < size.issues) throw new Error(`the framework has ${issueIds.length} issues, the plan wants ${size.issues}`);
  const pcs = sqlite.prepare("insert into pcs_rows (id, updated_at, issue_id, problem, causes, solutions, source_village_ids, sort_key) values (?, ?, ?, ?, 'สาเหตุ', 'แนวทางแก้ไข', ?, ?)");
  for (let issue = 1; issue <= size.issues; issue += 1) {
    for (let i = 0; i < size.problemsPerIssue; i += 1) pcs.run(uuidv7(), now, issueIds[issue - 1]!, `ปัญหา ${issue}.${i + 1}`, JSON.stringify([villageIds[i % size.villages]]), i + 1);
    plan.problemsByIssue.set(issue, size.problemsPerIssue);
  }
  const funderRows = [
    { id: uuidv7(), name: 'อบจ.', source: 'agency' },
    { id: uuidv7(), name: 'สสส.', source: 'agency' },
    { id: uuidv7(), name: 'จังหวัด', source: 'province' },
    { id: uuidv7(), name: 'อบต.', source: 'local' },
  ];
  const funder = sqlite.prepare('insert into funders (id, updated_at, name, funding_column, sort_key) values (?, ?, ?, ?, ?)');
  for (const [n, f] of funderRows.entries()) funder.run(f.id, now, f.name, f.source, n + 1);
  // One source line and one plan year per project; votes fall with the index, so each issue's ranks are 1, 2, 3…
  const project = sqlite.prepare(
    'insert into projects (id, updated_at, issue_id, name, year_budgets, funding, votes, provincial_flag, sort_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (let i = 0; i < size.projects; i += 1) {
    const f = funderRows[Math.floor(rand() * funderRows.length)]!;
    const issueNo = 1 + (i % size.issues);
    const budget = Math.round(rand() * 500_000) + 10_000;
    const flagged = i % 25 === 0;
    project.run(uuidv7(), now, issueIds[issueNo - 1]!, `โครงการ ${i + 1}`, JSON.stringify({ [planYear]: budget }), JSON.stringify([{ funderId: f.id, column: f.source, amount: budget }]), 10_000 - i, flagged ? 1 : 0, i + 1);
    plan.projects.push({ issueNo, budget, source: f.source, funder: f.name, flagged, rank: Math.floor(i / size.issues) + 1 });
  }
  // จปฐ. village aggregates go into the imports' own tables, as a TPMAP import writes them.
  const importId = uuidv7();
  sqlite
    .prepare("insert into imports (id, updated_at, kind, file_name, sha256, survey_year, imported_at, rows_read, rows_imported, rows_rejected, status, detail) values (?, ?, 'tpmap', 'tpmap.csv', ?, 2564, ?, ?, ?, 0, 'imported', '{}')")
    .run(importId, now, importId.replace(/-/g, '').padEnd(64, '0'), now, size.villages, size.villages);
  const survey = sqlite.prepare("insert into bmn_village_surveys (id, updated_at, import_id, survey_year, set_id, village_id, households) values (?, ?, ?, 2564, 'bmn-2560-2564', ?, 250)");
  const bmn = sqlite.prepare('insert into bmn_village_indicators (id, updated_at, survey_id, import_id, indicator_no, in_scope, failing) values (?, ?, ?, ?, ?, ?, ?)');
  for (const villageId of villageIds) {
    const surveyId = uuidv7();
    survey.run(surveyId, now, importId, villageId);
    for (let no = 1; no <= size.indicators; no += 1) {
      const inScope = 200 + Math.floor(rand() * 50);
      const failing = rand() < 0.3 ? Math.floor(rand() * 20) : 0;
      bmn.run(uuidv7(), now, surveyId, importId, no, inScope, failing);
      const v = plan.bmn.get(no) ?? { inScope: 0, failing: 0 };
      v.inScope += inScope;
      v.failing += failing;
      plan.bmn.set(no, v);
    }
  }
  const household = sqlite.prepare('insert into households (id, updated_at, house_code, village_id, members, income) values (?, ?, ?, ?, ?, ?)');
  // A ledger line names its household by the house code, as the survey files do: both columns are
  // household ids, hashed alike, so the link survives in a package.
  const houseCodes: string[] = [];
  for (let i = 0; i < size.households; i += 1) {
    const code = `${tambonCode}${String(100000 + i).padStart(5, '0')}`;
    houseCodes.push(code);
    household.run(uuidv7(), now, code, villageIds[i % villageIds.length]!, 1 + Math.floor(rand() * 6), Math.round(rand() * 200_000));
  }
  const ledger = sqlite.prepare('insert into ledger_lines (id, updated_at, household_id, date, kind, category, amount) values (?, ?, ?, ?, ?, ?, ?)');
  for (let i = 0; i < size.ledgerLines; i += 1) {
    ledger.run(uuidv7(), now, houseCodes[i % Math.max(1, houseCodes.length)] ?? 'none', '2026-10-01', i % 2 ? 'income' : 'expense', 'main-occupation', Math.round(rand() * 5000));
  }
  return plan;
}
