/**
 * Buddhist Era dates (พ.ศ. = ค.ศ. + 543), written without relying on the platform's ICU so the
 * output is the same in Node, Chromium and Electron, and in tests.
 */

const thaiMonthsShort = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const englishMonthsShort = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The offset between the Buddhist Era and the Common Era. */
export const beOffset = 543;

/** ค.ศ. year → พ.ศ. year. */
export function toBuddhistYear(ceYear: number): number {
  return ceYear + beOffset;
}

/** พ.ศ. year → ค.ศ. year. */
export function fromBuddhistYear(beYear: number): number {
  return beYear - beOffset;
}

/** The Thai fiscal year (ปีงบประมาณ, in พ.ศ.) of a date: October starts the next fiscal year. */
export function thaiFiscalYear(date: Date): number {
  const ce = date.getFullYear() + (date.getMonth() >= 9 ? 1 : 0);
  return toBuddhistYear(ce);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A date a person reads: `23 พ.ย. 2569` (Thai) or `23 Nov 2569 BE` (English), with `HH:MM`
 * when `withTime` (`HH:MM:SS` with `withSeconds`, to tell apart things a minute apart). Uses the
 * local time zone of the process.
 */
export function formatDateBE(input: Date | string, lang: 'th' | 'en' = 'th', withTime = false, withSeconds = false): string {
  const date = typeof input === 'string' ? new Date(input) : input;
  if (Number.isNaN(date.getTime())) return '';
  const year = toBuddhistYear(date.getFullYear());
  const day = date.getDate();
  const time = withTime ? ` ${pad2(date.getHours())}:${pad2(date.getMinutes())}${withSeconds ? `:${pad2(date.getSeconds())}` : ''}` : '';
  return lang === 'th'
    ? `${day} ${thaiMonthsShort[date.getMonth()]} ${year}${time}`
    : `${day} ${englishMonthsShort[date.getMonth()]} ${year} BE${time}`;
}
