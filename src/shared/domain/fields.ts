/**
 * The schemas every field a person types goes through, so each one is cleaned the same way and
 * every refusal names the field by its label (Thai and English), never by its internal name,
 * with the real limit written as people write numbers (1,000,000).
 *
 * Free text: trimmed, NFC-normalised, no C0/C1 control characters (newline and tab only where a
 * field takes several lines; CR LF becomes LF) and no bidi override or isolate marks, which can
 * make a name read differently from what is stored.
 */
import { z } from 'zod';

/** A field's label in both languages, as the form shows it. */
export interface Label {
  th: string;
  en: string;
}

/** `1234567` → `1,234,567`, the same in every locale. */
export function formatNumber(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A message in the `Thai / English` form the dispatcher splits into the envelope's two messages. */
export function bilingual(th: string, en: string): string {
  return `${th} / ${en}`;
}

/** Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;
/** C0 and C1 controls and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const anyControl = /[\u0000-\u001F\u007F-\u009F]/;
/** The same, but newline and tab, for multi-line fields. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const controlButLines = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Whether `text` holds a character no stored text may hold (see {@link textField}). */
export function hasForbiddenCharacters(text: string, multiline = false): boolean {
  return bidiControls.test(text) || (multiline ? controlButLines : anyControl).test(text);
}

/**
 * Free text typed by a person. `min: 0` allows an empty string; `max` counts characters.
 * Refusals name the field: "ชื่อหมู่บ้านยาวได้ไม่เกิน 200 ตัวอักษร / Village name: at most 200 characters".
 */
export function textField(label: Label, options: { max: number; min?: number; multiline?: boolean }) {
  const { max, min = 1, multiline = false } = options;
  return z
    .string({ error: bilingual(`${label.th}ต้องเป็นข้อความ`, `${label.en} must be text`) })
    .overwrite((s) => (multiline ? s.replace(/\r\n?/g, '\n') : s))
    .normalize('NFC')
    .trim()
    .refine((s) => !hasForbiddenCharacters(s, multiline), {
      error: bilingual(
        `${label.th}มีอักขระควบคุมหรือเครื่องหมายทิศทางข้อความที่ใช้ไม่ได้ (เช่น รหัสสี ตัวขึ้นบรรทัด) กรุณาพิมพ์ใหม่`,
        `${label.en} contains control or text-direction characters that cannot be stored (colour codes, line breaks…); type it again`,
      ),
    })
    .min(min, {
      error: min === 1 ? bilingual(`กรุณาระบุ${label.th}`, `${label.en} is required`) : bilingual(`${label.th}ต้องมีอย่างน้อย ${formatNumber(min)} ตัวอักษร`, `${label.en}: at least ${formatNumber(min)} characters`),
    })
    .max(max, { error: bilingual(`${label.th}ยาวได้ไม่เกิน ${formatNumber(max)} ตัวอักษร`, `${label.en}: at most ${formatNumber(max)} characters`) });
}

/** Optional free text: an empty or blank entry becomes null. */
export function optionalTextField(label: Label, options: { max: number; multiline?: boolean }) {
  return textField(label, { ...options, min: 0 })
    .nullable()
    .transform((s) => (s === '' ? null : s));
}

/**
 * A whole number from `min` to `max` (a count of households, people…). The range check comes
 * first, so an entry of twenty digits is told the real limit, not JavaScript's largest integer.
 */
export function wholeNumberField(label: Label, options: { min?: number; max: number }) {
  const { min = 0, max } = options;
  const range = bilingual(
    `${label.th}ต้องอยู่ระหว่าง ${formatNumber(min)} ถึง ${formatNumber(max)}`,
    `${label.en} must be from ${formatNumber(min)} to ${formatNumber(max)}`,
  );
  return z
    .number({ error: bilingual(`${label.th}ต้องเป็นตัวเลข`, `${label.en} must be a number`) })
    .min(min, { error: range })
    .max(max, { error: range })
    .int({ error: bilingual(`${label.th}ต้องเป็นจำนวนเต็ม`, `${label.en} must be a whole number`) });
}

/**
 * A number from `min` to `max` with at most `decimals` decimal places (a target percentage,
 * an amount of baht). The range check comes first, like {@link wholeNumberField}'s.
 */
export function decimalField(label: Label, options: { min?: number; max: number; decimals: number }) {
  const { min = 0, max, decimals } = options;
  const range = bilingual(
    `${label.th}ต้องอยู่ระหว่าง ${formatNumber(min)} ถึง ${formatNumber(max)}`,
    `${label.en} must be from ${formatNumber(min)} to ${formatNumber(max)}`,
  );
  return z
    .number({ error: bilingual(`${label.th}ต้องเป็นตัวเลข`, `${label.en} must be a number`) })
    .min(min, { error: range })
    .max(max, { error: range })
    .refine((n) => Math.abs(Math.round(n * 10 ** decimals) - n * 10 ** decimals) < 1e-6, {
      error: bilingual(`${label.th}มีทศนิยมได้ไม่เกิน ${decimals} ตำแหน่ง`, `${label.en}: at most ${decimals} decimal places`),
    });
}

/**
 * A file path as a person or a dialog gives it: required, and never with NUL or other control
 * characters, which some file systems accept and others cut short.
 */
export const pathField = z
  .string({ error: bilingual('ต้องระบุไฟล์', 'a file is required') })
  .trim()
  .min(1, { error: bilingual('ต้องระบุไฟล์', 'a file is required') })
  .max(4096, { error: bilingual('เส้นทางไฟล์ยาวเกินไป', 'The file path is too long') })
  .refine((s) => !anyControl.test(s), {
    error: bilingual('ชื่อไฟล์มีอักขระควบคุมที่ใช้ไม่ได้', 'The file name contains control characters that cannot be used'),
  });
