/**
 * The DOPA administrative gazetteer (province `PP`, district `PPAA`, tambon `PPAATT`, village
 * `PPAATTMM`). Codes are strings and have gaps: never assume contiguity.
 */
import { z } from 'zod';

/** A province, district or tambon of the gazetteer. */
export const adminAreaSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
});
/** A province, district or tambon of the gazetteer. */
export type AdminArea = z.infer<typeof adminAreaSchema>;

/** A 6-digit tambon code. */
export const tambonCodeSchema = z.string().regex(/^\d{6}$/, 'รหัสตำบลต้องเป็นตัวเลข 6 หลัก / The tambon code must be 6 digits');

/** The province (first 2 digits) and district (first 4) a tambon code belongs to. */
export function parentCodes(tambonCode: string): { provinceCode: string; districtCode: string } {
  return { provinceCode: tambonCode.slice(0, 2), districtCode: tambonCode.slice(0, 4) };
}
