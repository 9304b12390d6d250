/**
 * exceljs, loaded the first time a workbook is read or written rather than when the app starts:
 * it is a large library, and most runs of the command line (and the app's first second) never
 * touch a workbook.
 */
import type * as ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

/** The exceljs module. */
export function excel(): Promise<typeof ExcelJS> {
  // A CommonJS package: Node's ESM loader puts its exports under `default`; esbuild's bundle copies them out too.
  loading ??= import('exceljs').then((module) => ((module as { default?: typeof ExcelJS }).default ?? module));
  return loading;
}
