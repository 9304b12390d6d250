/**
 * Derived aggregate resources: figures a package carries that no table holds, computed at export
 * time from the workspace's rows. DESIGN.md §5 (personal data): packages carry village-level
 * aggregates of household data by default, household rows only with `--households`; a tambon that
 * imported จปฐ. household files has its figures only in `bmn_households` (a household table), so
 * without a derived resource its default package would carry no จปฐ. figure at all.
 *
 * The extension point is the list {@link derivedResources}: each entry names its resource, its
 * columns (Table Schema types) and `primaryKey: ['id']`, and computes its rows. An export writes
 * each as `data/<name>.csv` with its Table Schema in datapackage.json and its row count in the
 * manifest, like a table of travel class `aggregate`; the data center understands them through
 * {@link packageCatalog}. Rows carry the identity columns every travelling table has (`id`, `rev`,
 * `updated_at`, `deleted_at`) with a deterministic id, so the data center's content-based diff
 * sees an unchanged figure as unchanged from one export to the next, and a figure that is gone
 * (a village removed, an import undone) as deleted.
 */
import { v5 as uuidv5 } from 'uuid';
import { bmnVillageResults } from '../../../shared/domain/evidence/bmn';
import type { CsvCell } from '../../../shared/domain/csv';
import { writeCsv } from '../../../shared/domain/csv';
import { unitResult } from '../../../shared/domain/assessment';
import { currentFramework } from '../assessment/framework';
import { liveRounds, roundScores, workspaceUnits } from '../assessment/rounds';
import { bmnEvidence, bmnYears } from '../evidence/queries';
import { assessmentMeans, peopleChangedAt, peopleCounts } from '../registers/counts';
import type { OpenWorkspace } from '../session';
import { encodeCell } from './build';
import type { ColumnSpec, TableSpec } from './catalog';

/** What a derived resource's rows are computed with. */
export interface DerivedContext {
  /** The app's resources folder (the shipped indicator sets). */
  resourcesDir: string;
  /** The export's time, ISO-8601: `updated_at` of a row whose sources say nothing newer. */
  now: string;
}

/** A resource computed at export time (see the module comment). */
export interface DerivedResource {
  /** Travel class `aggregate`, `primaryKey: ['id']`, no household column. */
  spec: TableSpec;
  /** The rows, column name → value, for the columns of `spec`. */
  rows(ctx: DerivedContext, ws: Pick<OpenWorkspace, 'db' | 'sqlite'>): Record<string, unknown>[];
}

const identityColumns: ColumnSpec[] = [
  { name: 'id', type: 'string' },
  { name: 'rev', type: 'integer' },
  { name: 'updated_at', type: 'string' },
  { name: 'deleted_at', type: 'string' },
];

/** A derived resource's spec: the identity columns, then its own. */
function derivedSpec(name: string, columns: ColumnSpec[]): TableSpec {
  return { name, travel: 'aggregate', columns: [...identityColumns, ...columns], primaryKey: ['id'], householdColumns: [] };
}

/** The UUIDv5 namespace of derived row ids (fixed: changing it would make every row look new at the data center). */
const derivedNamespace = '6d1f0c2a-8b7e-4c1d-9a53-2f0e8c7b4a19';

/** A derived row's id: a UUID (v5) of the resource's name and the row's natural key. */
export function derivedRowId(resource: string, ...key: readonly (string | number)[]): string {
  return uuidv5(`${resource}/${key.join('/')}`, derivedNamespace);
}

/** When a village's figures of a year last changed, by their source. */
type Changed = { villageId: string; year: number; at: string | null };

/**
 * `bmn_village_results` — จปฐ. per village, survey year and indicator: households of the village's
 * survey, in scope (ALL), failing (CNT), and where they come from (`households`: counted from
 * the household answers; `aggregates`: the TPMAP counts). Computed by the evidence capability's
 * own `bmnEvidence` for every year with figures, so the province sees what the tambon's จปฐ. page
 * shows. `updated_at` is the newest change of the rows the figures were read from (tombstones
 * included: an undone import changes the figures too), else the export's time.
 */
export const bmnVillageResultsResource: DerivedResource = {
  spec: derivedSpec('bmn_village_results', [
    { name: 'village_id', type: 'string' },
    { name: 'survey_year', type: 'integer' },
    { name: 'set_id', type: 'string' },
    { name: 'indicator_no', type: 'integer' },
    { name: 'households', type: 'integer' },
    { name: 'in_scope', type: 'integer' },
    { name: 'failing', type: 'integer' },
    { name: 'source', type: 'string' },
  ]),
  rows(ctx, ws) {
    const changed = new Map<string, string>();
    const note = (rows: Changed[], source: string) => {
      for (const r of rows) if (r.at) changed.set(`${source}/${r.villageId}/${r.year}`, r.at);
    };
    note(
      ws.sqlite.prepare('select village_id as villageId, survey_year as year, max(updated_at) as at from bmn_households group by village_id, survey_year').all() as Changed[],
      'households',
    );
    note(
      ws.sqlite
        .prepare(
          `select s.village_id as villageId, s.survey_year as year, max(max(s.updated_at), coalesce(max(i.updated_at), '')) as at
           from bmn_village_surveys s left join bmn_village_indicators i on i.survey_id = s.id group by s.village_id, s.survey_year`,
        )
        .all() as Changed[],
      'aggregates',
    );
    return bmnYears(ws.db).flatMap((year) => {
      const figures = bmnEvidence(ws.db, ctx.resourcesDir, year);
      if (!figures.set) return [];
      return bmnVillageResults({ year, setId: figures.set.id, villages: figures.villages }).map((r) => ({
        id: derivedRowId('bmn_village_results', r.villageId, r.surveyYear, r.indicatorNo),
        rev: 1,
        updated_at: changed.get(`${r.source}/${r.villageId}/${r.surveyYear}`) ?? ctx.now,
        deleted_at: null,
        village_id: r.villageId,
        survey_year: r.surveyYear,
        set_id: r.setId,
        indicator_no: r.indicatorNo,
        households: r.households,
        in_scope: r.inScope,
        failing: r.failing,
        source: r.source,
      }));
    });
  },
};

/**
 * `assessment_unit_results` — the self-assessment's result per round and unit (each village, and
 * the tambon with `village_id` empty): the round's label and date, the framework, whether every
 * criterion is scored, the percent and the grade, as the tambon's assessment page shows them. The
 * data center's grade summary reads these, so it needs neither the framework file (the shipped one
 * is never in a package) nor the grading rule. `updated_at` is the newest change of the round and
 * its scores (tombstones included), else the export's time.
 */
export const assessmentUnitResultsResource: DerivedResource = {
  spec: derivedSpec('assessment_unit_results', [
    { name: 'round_id', type: 'string' },
    { name: 'round_label', type: 'string' },
    { name: 'round_date', type: 'string' },
    { name: 'framework_id', type: 'string' },
    { name: 'village_id', type: 'string' },
    { name: 'complete', type: 'boolean' },
    { name: 'percent', type: 'number' },
    { name: 'grade', type: 'string' },
  ]),
  rows(ctx, ws) {
    const { framework } = currentFramework(ws.db, ctx.resourcesDir);
    const units = workspaceUnits(ws.db);
    const changedAt = ws.sqlite.prepare('select max(updated_at) as at from assessment_scores where round_id = ?');
    return liveRounds(ws.db).flatMap((round) => {
      const scores = roundScores(ws.db, round.id);
      const scoresAt = (changedAt.get(round.id) as { at: string | null }).at;
      const at = [round.updatedAt, scoresAt].filter((x): x is string => x !== null).sort().at(-1) ?? ctx.now;
      return units.map((u) => {
        const result = unitResult(framework, scores.get(u.key) ?? new Map<string, number>());
        return {
          id: derivedRowId('assessment_unit_results', round.id, u.key),
          rev: 1,
          updated_at: at,
          deleted_at: null,
          round_id: round.id,
          round_label: round.label,
          round_date: round.roundDate,
          framework_id: framework.id,
          village_id: u.villageId,
          complete: result.complete,
          percent: result.percent,
          grade: result.grade,
        };
      });
    });
  },
};

/**
 * `register_people_counts` — the registers of people as counts (their names stay in the
 * workspace, in `local` tables): per register (`working-group`, `facilitators`, `leaders`),
 * village (null: the tambon's) and role (position, sector or leader role), the people, how many
 * were trained and how many have a successor. Computed by the registers capability.
 */
export const registerPeopleCountsResource: DerivedResource = {
  spec: derivedSpec('register_people_counts', [
    { name: 'register', type: 'string' },
    { name: 'village_id', type: 'string' },
    { name: 'role', type: 'string' },
    { name: 'people', type: 'integer' },
    { name: 'trained', type: 'integer' },
    { name: 'with_successor', type: 'integer' },
  ]),
  rows(ctx, ws) {
    const at = peopleChangedAt(ws) ?? ctx.now;
    return peopleCounts(ws.db).map((c) => ({
      id: derivedRowId('register_people_counts', c.register, c.villageId ?? 'tambon', c.role),
      rev: 1,
      updated_at: at,
      deleted_at: null,
      register: c.register,
      village_id: c.villageId,
      role: c.role,
      people: c.people,
      trained: c.trained,
      with_successor: c.withSuccessor,
    }));
  },
};

/** `register_leader_assessment` — the leaders' self-assessment (ตารางอิสรภาพ) per village and topic: leaders who rated it, mean level now and aimed at. */
export const registerLeaderAssessmentResource: DerivedResource = {
  spec: derivedSpec('register_leader_assessment', [
    { name: 'village_id', type: 'string' },
    { name: 'topic', type: 'string' },
    { name: 'leaders', type: 'integer' },
    { name: 'mean_now', type: 'number' },
    { name: 'mean_aim', type: 'number' },
  ]),
  rows(ctx, ws) {
    const at = peopleChangedAt(ws) ?? ctx.now;
    return assessmentMeans(ws.db).map((m) => ({
      id: derivedRowId('register_leader_assessment', m.villageId, m.topic),
      rev: 1,
      updated_at: at,
      deleted_at: null,
      village_id: m.villageId,
      topic: m.topic,
      leaders: m.leaders,
      mean_now: m.meanNow,
      mean_aim: m.meanAim,
    }));
  },
};

/** Every derived resource a package carries (the extension point: add an entry here). */
export const derivedResources: readonly DerivedResource[] = [bmnVillageResultsResource, assessmentUnitResultsResource, registerPeopleCountsResource, registerLeaderAssessmentResource];

/** The derived resources' specs. */
export function derivedCatalog(resources: readonly DerivedResource[] = derivedResources): TableSpec[] {
  return resources.map((r) => r.spec);
}

/**
 * What a package of this build may carry: `tables` (a table registry: the workspace's, or a test's
 * or the bench's with its stand-ins) and the derived resources. The data center reads packages
 * with it, so the derived resources are understood whichever table registry an import is given.
 */
export function packageCatalog(tables: readonly TableSpec[]): TableSpec[] {
  const names = new Set(tables.map((t) => t.name));
  return [...tables, ...derivedCatalog().filter((d) => !names.has(d.name))];
}

/** A derived resource's CSV: the header, then the rows in id order. */
export function derivedCsv(resource: DerivedResource, ctx: DerivedContext, ws: Pick<OpenWorkspace, 'db' | 'sqlite'>): { csv: Buffer; rows: number } {
  const { spec } = resource;
  // Byte order of the ids, as a table's `order by id` gives.
  const rows = resource.rows(ctx, ws).sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
  const records: CsvCell[][] = [spec.columns.map((c) => c.name), ...rows.map((row) => spec.columns.map((c) => encodeCell(c.type, row[c.name])))];
  return { csv: Buffer.from(writeCsv(records), 'utf8'), rows: rows.length };
}
