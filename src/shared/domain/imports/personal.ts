/**
 * Personal data in survey files (Thailand's PDPA): names and 13-digit citizen ids
 * (เลขประจำตัวประชาชน) are never stored. Columns that hold them are recognised by their header
 * and left out; a citizen id found where something else was expected (a household id column
 * holding the head's citizen id) is refused, and masked wherever a value is shown.
 */
import { normalizeThaiDigits } from '../thaiDigits';

/** The 13 digits of `text` when it is written as a citizen id (digits with optional dashes or spaces), else null. */
function thirteenDigits(text: string): string | null {
  const s = normalizeThaiDigits(text).trim();
  if (!/^\d[\d\s-]{11,20}\d$/.test(s)) return null;
  const digits = s.replace(/[\s-]/g, '');
  return /^\d{13}$/.test(digits) ? digits : null;
}

/** Whether 13 digits carry a valid Thai citizen-id check digit. */
export function hasCitizenIdCheckDigit(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(digits[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

/**
 * Whether `text` is (or looks like) a Thai citizen id: 13 digits, optionally grouped
 * `1-2345-67890-12-3`. Any 13 digits count, check digit or not: a mistyped id is still a
 * person's id.
 */
export function looksLikeCitizenId(text: string): boolean {
  return thirteenDigits(text) !== null;
}

/** `text` with every run of 13 digits (a citizen id, grouped or not) masked, for reports and messages. */
export function maskCitizenIds(text: string): string {
  return normalizeThaiDigits(text).replace(/\d[\d -]{11,20}\d/g, (run) => (/^\d{13}$/.test(run.replace(/[ -]/g, '')) ? 'x-xxxx-xxxxx-xx-x' : run));
}

/** Header words of columns holding personal data: names, citizen ids, phone numbers, birth dates. */
const personalHeader =
  /(ชื่อ|สกุล|นามสกุล|คำนำหน้า|เลขประจำตัวประชาชน|เลขบัตร|บัตรประชาชน|เลขประชาชน|โทรศัพท์|เบอร์|วันเกิด|เกิดวันที่|citizen|national\s*id|\bid\s*card|\bpid\b|first\s*name|last\s*name|surname|full\s*name|^name$|\bname\b|phone|mobile|\btel\b|birth)/i;
/** Header words that contain ชื่อ but name a place or a thing, not a person. */
const notPersonal = /(ชื่อหมู่บ้าน|ชื่อบ้าน|ชื่อชุมชน|ชื่อตำบล|ชื่ออำเภอ|ชื่อจังหวัด|ชื่อตัวชี้วัด|ชื่อโครงการ|ชื่อกลุ่ม|village\s*name|indicator\s*name|project\s*name)/i;

/** Whether a column header names personal data (names, citizen ids, phone numbers, birth dates). */
export function isPersonalHeader(header: string): boolean {
  return personalHeader.test(header) && !notPersonal.test(header);
}
