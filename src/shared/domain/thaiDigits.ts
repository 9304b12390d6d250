/** Thai digits (๐–๙) appear in typed and imported numbers; these helpers read them as 0–9. */

const thaiZero = '๐'.charCodeAt(0);

/** Replaces every Thai digit in `text` with its Arabic digit. */
export function normalizeThaiDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - thaiZero));
}
