/**
 * How the command line prints: error lines, aligned tables (Thai-aware widths) and the
 * readable forms of a workspace summary and a village. Thai first, English second.
 */
import type { AppError } from '../../shared/domain/result';
import type { Village } from '../../shared/domain/villages';
import type { OfficeType, WorkspaceSummary } from '../../shared/domain/workspace';

/**
 * Thai vowel and tone marks written above or below the base letter: they take no column of
 * their own in a terminal, so `string.length` overcounts Thai text.
 */
const zeroWidth = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200B-\u200D]/gu;

/** The number of terminal columns `text` takes (Thai combining marks count as zero). */
export function displayWidth(text: string): number {
  return [...text.replace(zeroWidth, '')].length;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** A column of {@link table}: its header lines (Thai, English) and alignment. */
export interface Column {
  header: [string, string];
  align?: 'left' | 'right';
}

/** Rows under a two-line header (Thai, then English), each column as wide as its widest cell. */
export function table(columns: readonly Column[], rows: readonly string[][]): string {
  const widths = columns.map((c, i) => Math.max(...c.header.map(displayWidth), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[], header = false) =>
    cells
      .map((cell, i) => pad(cell, widths[i]!, header ? 'left' : (columns[i]!.align ?? 'left')))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header[0]), true),
    line(columns.map((c) => c.header[1]), true),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => line(r)),
  ].join('\n');
}

/** Labelled lines (`label  value`), labels padded to the same width. */
export function fields(pairs: readonly [string, string][]): string {
  const width = Math.max(...pairs.map(([label]) => displayWidth(label)));
  return pairs.map(([label, value]) => `${pad(label, width, 'left')}  ${value}`).join('\n');
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * The one line a refused input prints on stderr: Thai, then English. A validation error
 * names the command-line option at fault (`option`), when the caller knows it.
 */
export function errorLine(error: AppError, option?: string): string {
  const prefix = error.code === 'VALIDATION' && option ? `${option}: ` : '';
  return `error: ${prefix}${oneLine(error.messageTh)} / ${oneLine(error.messageEn)}`;
}

const officeTypeLabels: Record<OfficeType, string> = {
  sao: 'อบต. / subdistrict administrative organisation',
  'tambon-municipality': 'เทศบาลตำบล / subdistrict municipality',
};

/** The name an office gets when none is given: องค์การบริหารส่วนตำบล… or เทศบาลตำบล… + the tambon's name. */
export function defaultOfficeName(type: OfficeType, tambonNameTh: string): string {
  return `${type === 'sao' ? 'องค์การบริหารส่วนตำบล' : 'เทศบาลตำบล'}${tambonNameTh}`;
}

/** A workspace summary as readable lines. */
export function formatSummary(s: WorkspaceSummary): string {
  const t = s.tambon;
  return fields([
    ['ไฟล์ / File', s.readonly ? `${s.path} (อ่านอย่างเดียว / read-only)` : s.path],
    ['ตำบล / Tambon', `${t.nameTh} (${t.nameEn}) ${t.code} — อ.${t.districtNameTh} จ.${t.provinceNameTh}`],
    ['หน่วยงาน / Office', `${s.office.name} (${officeTypeLabels[s.office.type]})`],
    ['กรอบยุทธศาสตร์ / Framework', `${s.framework.id} — ${s.framework.nameTh} (${s.framework.issues.length} ประเด็น / issues)`],
    ['หมู่บ้าน / Villages', String(s.counts.villages)],
    ['รุ่นข้อมูล / Schema version', String(s.schemaVersion)],
  ]);
}

const num = (n: number | null) => (n === null ? '' : n.toLocaleString('en-US'));

/** Villages as an aligned table by หมู่ที่, with a count below. */
export function formatVillages(villages: readonly Village[]): string {
  if (villages.length === 0) return 'ยังไม่มีหมู่บ้าน / No villages yet';
  const rows = [...villages]
    .sort((a, b) => a.moo - b.moo)
    .map((v) => [String(v.moo), v.code ?? 'ชุมชน', v.name, num(v.households), num(v.population), v.headman ?? '']);
  const body = table(
    [
      { header: ['หมู่ที่', 'Moo'], align: 'right' },
      { header: ['รหัส', 'Code'] },
      { header: ['ชื่อ', 'Name'] },
      { header: ['ครัวเรือน', 'Households'], align: 'right' },
      { header: ['ประชากร', 'Population'], align: 'right' },
      { header: ['ผู้ใหญ่บ้าน', 'Headman'] },
    ],
    rows,
  );
  return `${body}\n\n${villages.length} หมู่บ้าน / ${villages.length} ${villages.length === 1 ? 'village' : 'villages'}`;
}

/** The line printed after a village was added. */
export function formatAdded(v: Village): string {
  const code = v.code ? `รหัส ${v.code}` : 'ชุมชน';
  const codeEn = v.code ? `code ${v.code}` : 'community';
  return `เพิ่มหมู่ที่ ${v.moo} ${v.name} (${code}) แล้ว / Added village ${v.moo} ${v.name} (${codeEn})`;
}
