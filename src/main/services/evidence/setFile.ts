/**
 * Reading an indicator set a person adds: a JSON file in the shipped file's shape, or the first
 * sheet of an xlsx workbook with ข้อ / หมวด / ชื่อตัวชี้วัด (and หน่วย, เป้าหมาย) columns. The file
 * is checked against the size cap first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { excel } from '../excel';
import { setFromJson, setFromRows, type IndicatorSet, type SetSheetFacts } from '../../../shared/domain/evidence/indicatorSets';
import { refused, ServiceError } from '../../../shared/domain/result';
import type { AppContext } from '../context';
import { assertWithinSizeCap } from '../ports';

/** An indicator-set file is small; 5 MiB is far more than any. */
const setFileCap = 5 * 1024 * 1024;

/** The set (and any targets the sheet gives) in a file a person chose. */
export async function readSetFile(ctx: AppContext, userPath: string, facts: Omit<SetSheetFacts, 'fileName'>): Promise<{ set: IndicatorSet; targets: Map<number, number> }> {
  const file = ctx.paths.resolve(userPath);
  if (!(await ctx.fs.exists(file))) throw new ServiceError('NOT_FOUND', `ไม่พบไฟล์: ${file}`, `File not found: ${file}`, 'path');
  await assertWithinSizeCap(ctx.fs, file, setFileCap);
  const name = path.basename(file);
  const bytes = await fs.promises.readFile(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const { Workbook } = await excel();
    const workbook = new Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw refused(`ไฟล์ ${name} เสียหายหรือไม่ใช่ไฟล์ Excel ที่อ่านได้`, `The file ${name} is damaged or not a readable Excel file`, 'path');
    }
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text ?? '';
      });
      rows.push(Array.from(cells, (c) => c ?? ''));
    });
    const parsed = setFromRows(rows, { ...facts, fileName: name });
    if (!parsed.ok) throw refused(parsed.th, parsed.en, 'path');
    return { set: parsed.set, targets: parsed.targets };
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw refused(`ไฟล์ ${name} ไม่ใช่ JSON หรือ Excel ที่อ่านได้`, `The file ${name} is neither readable JSON nor Excel`, 'path');
  }
  const parsed = setFromJson(json);
  if (!parsed.ok) throw refused(parsed.th, parsed.en, 'path');
  return { set: { ...parsed.set, ...(facts.nameTh ? { nameTh: facts.nameTh } : {}) }, targets: new Map() };
}
