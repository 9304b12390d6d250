/**
 * A first look at a file for the wizard: what it is, whether it was imported before (by its
 * SHA-256), and for each sheet (its first rows only) where the header is, what each column is
 * mapped to — the layout's remembered mapping, else the automatic one — with a few sample values
 * (none from personal-data columns; citizen ids masked everywhere) and the first rows as they are,
 * so a person can choose the header row by hand when it was not found.
 */
import path from 'node:path';
import { cellText, columnLetter } from '../../../shared/domain/imports/cells';
import { classifyRow, detectHeader, headerAt, headerSearchRows, type HeaderGuess, type SheetRow } from '../../../shared/domain/imports/headers';
import type { ColumnMapping, ImportKind } from '../../../shared/domain/imports/kinds';
import { maskCitizenIds } from '../../../shared/domain/imports/personal';
import type { InspectResult } from '../../../shared/ipc/imports';
import type { AppContext } from '../context';
import { loadSets } from '../evidence/sets';
import { requireWorkspace } from '../session';
import { rememberedLayout, setFor } from './pipeline';
import { checkInputFile } from './prepare';
import { readRows, sha256File, sniffFile } from './source';
import { findActiveImport } from './store';

/** How many sheets the wizard looks into, and how many first rows it shows. */
const maxSheets = 30;
const previewRows = 12;
const sampleRows = 5;

/** What `imports.inspect` is asked. */
export interface InspectRequest {
  path: string;
  kind: ImportKind;
  year: number | null;
  sheet?: string | undefined;
  header?: { firstRow: number; rows: 1 | 2 } | undefined;
}

/** Looks into a file (see the module comment). */
export async function inspectFile(ctx: AppContext, request: InspectRequest): Promise<InspectResult> {
  const ws = requireWorkspace(ctx);
  const { file, size } = await checkInputFile(ctx, request.path);
  const format = await sniffFile(file, size);
  const sha256 = await sha256File(file);
  const previous = findActiveImport(ws.db, sha256, request.kind);
  const sets = loadSets(ws.db, ctx.resourcesDir);

  const bySheet = new Map<string, SheetRow[]>();
  for await (const row of readRows(file, format, { maxRowsPerSheet: headerSearchRows })) {
    if (!bySheet.has(row.sheet)) {
      if (bySheet.size >= maxSheets) break;
      bySheet.set(row.sheet, []);
    }
    bySheet.get(row.sheet)!.push(row);
  }

  let yearSeen: number | null = request.year;
  const guesses = [...bySheet.entries()].map(([name, rows]) => {
    const namesSet = setFor(sets, yearSeen, undefined) ?? sets.at(-1) ?? null;
    const names = namesSet?.indicators.map((i) => ({ no: i.no, nameTh: i.nameTh })) ?? [];
    const header: HeaderGuess | null =
      request.header && (!request.sheet || request.sheet === name)
        ? headerAt(request.kind, rows, request.header.firstRow, request.header.rows, names)
        : detectHeader(request.kind, rows, names);
    yearSeen ??= header?.yearInTitle ?? null;
    return { name, rows, header };
  });

  let categoryMap: Record<string, string> = {};
  const sheets = guesses.map(({ name, rows, header }) => {
    const remembered = header ? rememberedLayout(ws.db, request.kind, header.labels) : null;
    if (remembered && Object.keys(categoryMap).length === 0) categoryMap = remembered.categoryMap;
    const mapping: ColumnMapping[] = remembered?.mapping ?? header?.mapping ?? [];
    const personal = new Set(mapping.filter((m) => m.field === 'personal').map((m) => m.column));
    const show = (text: string, column: number) => (personal.has(column) ? (text ? '•••' : '') : maskCitizenIds(text));
    const data = header ? rows.filter((r) => r.number >= header.firstRow + header.rows && classifyRow(r.cells, header) === 'data').slice(0, sampleRows) : [];
    const width = Math.max(header?.labels.length ?? 0, ...rows.slice(0, previewRows).map((r) => r.cells.length));
    return {
      name,
      header: header ? { firstRow: header.firstRow, rows: header.rows } : null,
      columns: (header?.labels ?? []).map((label, i) => {
        const column = i + 1;
        const m = mapping.find((x) => x.column === column);
        return {
          column,
          letter: columnLetter(column),
          label,
          samples: personal.has(column) ? [] : data.map((r) => show(cellText(r.cells[i] ?? null), column)).filter((s) => s !== ''),
          field: m?.field ?? 'ignore',
          ...(m?.label ? { name: m.label } : {}),
        };
      }),
      preview: rows.slice(0, previewRows).map((r) => ({
        number: r.number,
        // Rows above the header (titles) are shown as they are; below it, personal-data cells are hidden.
        cells: Array.from({ length: width }, (_, i) => {
          const text = cellText(r.cells[i] ?? null);
          return header && r.number >= header.firstRow + header.rows ? show(text, i + 1) : maskCitizenIds(text);
        }),
      })),
      yearInTitle: header?.yearInTitle ?? null,
      remembered: remembered !== null,
    };
  });
  if (request.sheet) sheets.sort((a, b) => Number(b.name === request.sheet) - Number(a.name === request.sheet));

  const set = request.kind === 'bmn' || request.kind === 'tpmap' ? (setFor(sets, yearSeen, undefined) ?? sets.at(-1) ?? null) : null;
  return {
    file: { name: path.basename(file), size, sha256, format: format.format, encoding: format.format === 'csv' ? format.encoding : null },
    kind: request.kind,
    alreadyImported: previous ? { importId: previous.id, importedAt: previous.importedAt, operator: previous.operator } : null,
    sheets,
    indicatorSet: set ? { id: set.id, nameTh: set.nameTh, nos: set.indicators.map((i) => i.no) } : null,
    categoryMap,
  };
}
