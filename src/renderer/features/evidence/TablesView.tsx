import { useMemo, useState } from 'react';
import { nrd2cGrades } from '../../../shared/domain/imports/kinds';
import { useCall } from '../../api/queries';
import { ChartCard } from '../../components/charts/ChartCard';
import { chartColors } from '../../components/charts/chartSetup';
import type { FigureTable } from '../../components/charts/figureTable';
import { FormError } from '../../components/FieldError';
import { useI18n } from '../../i18n/I18nProvider';
import { barChart } from '../../components/charts/barChart';
import { PinButton, Toolbar, useSourceLine } from './common';
import type { Figure } from './PinDialog';

/**
 * Village tables — กชช.2ค with its grades, the leaders' survey, any key-issue table: the grades
 * per village, and one column at a time per village (a chart for numbers, a table for text), so
 * a table of forty columns still fits a projector's width.
 */
export function TablesView(props: { onPin: (figure: Figure) => void; onExport: (table: FigureTable, title: string, subtitle: string) => Promise<void> }) {
  const { t, errorText } = useI18n();
  const e = t.evidence;
  const query = useCall('evidence.villageTables', {});
  const tables = query.data;
  const [key, setKey] = useState<string | null>(null);
  const table = tables?.find((x) => x.key === key) ?? tables?.[0] ?? null;
  const [columnChoice, setColumnChoice] = useState<number | null>(null);
  const column = table?.columns.find((c) => c.column === columnChoice) ?? table?.columns[0] ?? null;
  const source = useSourceLine(table?.sources ?? []);
  const gradeNames = e.tables.gradeNames;

  const charts = useMemo(() => {
    if (!table) return null;
    return {
      grades: table.grades
        ? barChart({
            labels: nrd2cGrades.map((g) => gradeNames[g] ?? String(g)),
            series: [{ label: e.tables.villages, data: nrd2cGrades.map((g) => table.grades![g]), color: [chartColors.bad, chartColors.warning, chartColors.good] }],
            legend: false,
          })
        : null,
      column:
        column && column.type === 'number'
          ? barChart({
              labels: table.rows.map((r) => e.villageShort(r.village.moo)),
              series: [{ label: column.label, data: table.rows.map((r) => (typeof r.values[String(column.column)] === 'number' ? (r.values[String(column.column)] as number) : null)), color: chartColors.primary }],
              legend: false,
            })
          : null,
    };
  }, [table, column, e, gradeNames]);

  if (query.error) return <FormError message={errorText(query.error.error)} />;
  if (!tables) return <p className="muted">{t.app.loading}</p>;
  if (!table || !charts) return <p className="empty">{e.tables.none}</p>;
  const yearText = table.year === null ? '' : ` ${e.yearOf} ${table.year}`;
  const dataDate = table.year === null ? (table.sources[0]?.importedAt.slice(0, 10) ?? '') : String(table.year);

  const gradeTable: FigureTable = {
    columns: [
      { label: e.heatRowHeader, type: 'text' },
      { label: e.tables.gradeOf, type: 'text' },
    ],
    rows: table.rows.map((r) => [e.village(r.village.moo, r.village.name), r.grade === null ? e.tables.noGrade : (gradeNames[r.grade] ?? String(r.grade))]),
  };
  const columnTable: FigureTable | null = column
    ? {
        columns: [
          { label: e.heatRowHeader, type: 'text' },
          { label: column.label, type: column.type === 'number' ? 'number' : 'text' },
        ],
        rows: table.rows.map((r) => [e.village(r.village.moo, r.village.name), r.values[String(column.column)] ?? null]),
      }
    : null;

  return (
    <div className="evidence-view" data-testid="tables-view">
      <Toolbar>
        {tables.length > 1 && (
          <div className="field field-inline">
            <label htmlFor="tables-table">{e.tables.table}</label>
            <select id="tables-table" className="input" value={table.key} onChange={(ev) => setKey(ev.target.value)}>
              {tables.map((x) => (
                <option key={x.key} value={x.key}>
                  {x.name}
                  {x.year === null ? '' : ` ${x.year}`}
                </option>
              ))}
            </select>
          </div>
        )}
        {table.columns.length > 0 && (
          <div className="field field-inline">
            <label htmlFor="tables-column">{e.tables.column}</label>
            <select id="tables-column" className="input" value={column?.column ?? ''} onChange={(ev) => setColumnChoice(Number(ev.target.value))} data-testid="tables-column">
              {table.columns.map((c) => (
                <option key={c.column} value={c.column}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </Toolbar>
      {charts.grades && (
        <ChartCard
          id="nrd2c-grades"
          title={e.tables.grades(table.name, yearText)}
          subtitle={source.line}
          chart={charts.grades}
          table={gradeTable}
          onExport={props.onExport}
          actionsLabel={e.pin}
          rowActions={(row) => {
            const r = table.rows[row]!;
            if (r.grade === null) return null;
            const figure: Figure = {
              title: e.figures.grade(r.village.moo),
              valueText: gradeNames[r.grade] ?? String(r.grade),
              valueNumber: r.grade,
              unit: null,
              figureKey: `table:${table.key}:village:${r.village.id}:grade`,
              villageId: r.village.id,
              sourceImportId: source.importId,
              sourceLabel: source.label,
              dataDate,
            };
            return <PinButton what={figure.title} onPin={() => props.onPin(figure)} />;
          }}
        />
      )}
      {column && columnTable && (
        <ChartCard
          id="table-column"
          title={`${e.tables.columnChart(column.label)} — ${table.name}${yearText}`}
          subtitle={source.line}
          chart={charts.column}
          table={columnTable}
          onExport={props.onExport}
          actionsLabel={e.pin}
          rowActions={(row) => {
            const r = table.rows[row]!;
            const value = r.values[String(column.column)];
            if (value === undefined) return null;
            const figure: Figure = {
              title: e.figures.column(r.village.moo, column.label),
              valueText: typeof value === 'number' ? String(value) : value.slice(0, 300),
              valueNumber: typeof value === 'number' ? value : null,
              unit: null,
              figureKey: `table:${table.key}:village:${r.village.id}:column:${column.column}`,
              villageId: r.village.id,
              sourceImportId: source.importId,
              sourceLabel: source.label,
              dataDate,
            };
            return <PinButton what={figure.title} onPin={() => props.onPin(figure)} />;
          }}
        />
      )}
    </div>
  );
}
