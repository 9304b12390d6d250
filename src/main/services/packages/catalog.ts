/**
 * What travels, built generically from the schema's registry and each table's travel class
 * (db/schema/index.ts): tables added later (evidence, forum) travel without a change here.
 *   aggregate  always;
 *   household  only when the export says so, with every household id column replaced by the
 *              workspace's salted hash — by convention a column named `household_id`,
 *              `household_key`, `house_code`, `house_no` (with its village, a house number names
 *              a household) or ending in `_household_id` (a household table without one is refused);
 *   local      never.
 */
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { tables as workspaceTables, travelClass as workspaceTravel, type TravelClass } from '../../db/schema';

/** A column as a package's Table Schema describes it. */
export interface ColumnSpec {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
}

/** A table that may travel. */
export interface TableSpec {
  name: string;
  travel: TravelClass;
  columns: ColumnSpec[];
  primaryKey: string[];
  /** Columns holding a household id, replaced by the salted hash (household tables). */
  householdColumns: string[];
}

const householdIdColumns = new Set(['household_id', 'household_key', 'house_code', 'house_no']);

/** Whether a column holds a household id, by the convention of the module comment. */
export function isHouseholdIdColumn(name: string): boolean {
  return householdIdColumns.has(name) || name.endsWith('_household_id');
}

function columnType(column: ReturnType<typeof getTableConfig>['columns'][number]): ColumnSpec['type'] {
  if (column.dataType === 'boolean') return 'boolean';
  const sqlType = column.getSQLType().toLowerCase();
  if (sqlType === 'integer') return 'integer';
  if (sqlType === 'real' || sqlType === 'numeric') return 'number';
  return 'string';
}

/** The catalogue of `tables` by their travel classes (every table, `local` ones included, for the record). */
export function catalogOf(tables: Record<string, SQLiteTable>, travel: Record<string, TravelClass>): TableSpec[] {
  return Object.entries(tables)
    .map(([name, table]) => {
      const config = getTableConfig(table);
      const columns = config.columns.map((c) => ({ name: c.name, type: columnType(c) }));
      const primaryKey = config.columns.filter((c) => c.primary).map((c) => c.name);
      return {
        name,
        travel: travel[name] ?? 'local',
        columns,
        primaryKey,
        householdColumns: columns.filter((c) => isHouseholdIdColumn(c.name)).map((c) => c.name),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The tambon workspace's catalogue, from the schema's registry. */
export function workspaceCatalog(): TableSpec[] {
  return catalogOf(workspaceTables, workspaceTravel);
}

/** The tables of `catalog` that travel in a package, with or without household rows. */
export function travellingTables(catalog: readonly TableSpec[], households: boolean): TableSpec[] {
  return catalog.filter((t) => t.travel === 'aggregate' || (households && t.travel === 'household'));
}
