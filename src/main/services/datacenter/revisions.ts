/**
 * Reading the row history (db/datacenter/schema.ts `dc_row_history`): the rows of a tambon as of
 * a seq are each row's last revision up to that seq — SQLite takes the bare columns of `max()`
 * from the row holding the maximum, and the primary key's order groups a table's revisions by
 * row — less the deletions. The latest view reads them as of the last seq, the accepted view as of
 * the accepted package's, the import's diff as of now.
 */
import type Database from 'better-sqlite3';
import type { Row } from '../../../shared/domain/dashboard';

/** Later than any seq: the rows as they are now. */
export const asOfNow = Number.MAX_SAFE_INTEGER;

/** The live rows of one table of a tambon as of `seq`, each an object by column name. */
export function rowsAsOf(sqlite: Database.Database, tambonCode: string, table: string, seq: number): Row[] {
  const stored = sqlite
    .prepare(
      `select content, column_set_id as columnSet from (
         select content, column_set_id, op, max(seq) from dc_row_history where tambon_code = ? and table_name = ? and seq <= ? group by row_id)
       where op <> 'deleted'`,
    )
    .all(tambonCode, table, seq) as { content: string; columnSet: number | null }[];
  const columnSets = new Map<number, string[]>();
  const columnsOf = (id: number): string[] => {
    let columns = columnSets.get(id);
    if (!columns) columnSets.set(id, (columns = JSON.parse(sqlite.prepare('select columns from dc_column_sets where id = ?').pluck().get(id) as string) as string[]));
    return columns;
  };
  return stored.map(({ content, columnSet }) => {
    // A revision is an array in its column set's order; one written before column sets, an object.
    if (columnSet === null) return JSON.parse(content) as Row;
    const values = JSON.parse(content) as unknown[];
    const columns = columnsOf(columnSet);
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i += 1) row[columns[i]!] = values[i];
    return row;
  });
}

/** How many live rows each table of a tambon had as of `seq` (one pass over its history). */
export function liveRowCounts(sqlite: Database.Database, tambonCode: string, seq: number): Record<string, number> {
  const rows = sqlite
    .prepare(
      `select table_name as t, count(*) as n from (
         select table_name, op, max(seq) from dc_row_history where tambon_code = ? and seq <= ? group by table_name, row_id)
       where op <> 'deleted' group by table_name`,
    )
    .all(tambonCode, seq) as { t: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}
