/**
 * Which personal-data headers a register keeps (shared/domain/registers.ts): the leaders'
 * register keeps a leader's name, phone and successor (in a local table, never in a package);
 * the organisations' registers keep the organisation's name ("ชื่อศูนย์เรียนรู้", "ชื่อกองทุน").
 * A citizen id or a birth date is personal data in every register and is never read. Pure.
 */
import type { FieldKey, RegisterImportKind } from './kinds';

/** A header's field and how well it matched (as mapping.ts scores it). */
type FieldMatch = { field: FieldKey; score: number };

/** Citizen ids and birth dates: never read, whatever the register. */
const neverRead = /(เลขประจำตัวประชาชน|เลขบัตร|บัตรประชาชน|เลขประชาชน|วันเกิด|เกิดวันที่|citizen|national\s*id|\bid\s*card|\bpid\b|birth)/i;

/**
 * The field of a header that {@link isPersonalHeader} flagged, when the register `kind` keeps it;
 * null leaves it personal. `raw` is the header as written, `header` normalised.
 */
export function registerHeaderField(kind: RegisterImportKind, raw: string, header: string): FieldMatch | null {
  if (neverRead.test(raw)) return null;
  if (kind === 'leaders') {
    if (/สืบทอด|ทายาท|successor/.test(header)) return { field: 'successor', score: 3 };
    if (/โทร|เบอร์|phone|mobile|tel/.test(header)) return { field: 'phone', score: 3 };
    if (/ชื่อ|สกุล|name/.test(header)) return { field: 'personName', score: 3 };
    return null;
  }
  // An organisation's own name; a contact person's name ("ชื่อ-สกุล ผู้ประสานงาน") stays personal.
  if (/^(ชื่อ|name)$/.test(header) || /^ชื่อ(ศูนย์|กองทุน|องค์กร|กลุ่ม|สถาบัน)/.test(header) || /^(centre|center|fund|organi[sz]ation|group)name$/.test(header)) {
    return { field: 'orgName', score: 3 };
  }
  return null;
}
