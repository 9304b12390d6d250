/**
 * LibreOffice for the export tests: converts workbooks to CSV (UTF-8, every sheet to its own file)
 * with `soffice --headless --convert-to csv`, as an office PC without Excel would open them, so a
 * test reads the Thai text and the column order the way Calc shows them. Each run has its own
 * user profile, so two test files can convert at once.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './context';
import { findTool } from './tools';

/** Where soffice is (`SOFFICE_PATH`, else on the PATH), or why it cannot be used. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): { ok: true; path: string } | { ok: false; reason: string } {
  const candidates = [env.SOFFICE_PATH, findTool('soffice', env), findTool('libreoffice', env)].filter(Boolean) as string[];
  const found = candidates.find((c) => fs.existsSync(c));
  return found
    ? { ok: true, path: found }
    : { ok: false, reason: "LibreOffice (soffice) not found: install Debian's libreoffice-calc-nogui or set SOFFICE_PATH" };
}

/** CSV text as rows of cells (quotes, doubled quotes and line breaks inside quotes understood). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Converts `files` (one soffice run) and answers, per file, its sheets by name as parsed CSV.
 * Filter options: comma, double quote, UTF-8 (76), from line 1, …, every sheet (-1).
 */
export function convertToCsv(soffice: string, files: readonly string[]): Map<string, Map<string, string[][]>> {
  const out = tempDir('tambon-lo-');
  const profile = tempDir('tambon-lo-profile-');
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      out,
      ...files,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const result = new Map<string, Map<string, string[][]>>();
  for (const file of files) {
    const stem = path.basename(file, path.extname(file));
    const sheets = new Map<string, string[][]>();
    for (const name of fs.readdirSync(out)) {
      if (!name.startsWith(`${stem}-`) || !name.endsWith('.csv')) continue;
      sheets.set(name.slice(stem.length + 1, -4), parseCsv(fs.readFileSync(path.join(out, name), 'utf8')));
    }
    // A one-sheet workbook is written without the sheet's name.
    if (sheets.size === 0 && fs.existsSync(path.join(out, `${stem}.csv`))) sheets.set('', parseCsv(fs.readFileSync(path.join(out, `${stem}.csv`), 'utf8')));
    result.set(file, sheets);
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
  return result;
}
