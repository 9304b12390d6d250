/**
 * หมู่บ้าน — the villages of a tambon. A village is known by its หมู่ที่ (`moo`, 1–99) and has
 * the 8-digit DOPA code `PPAATTMM`; a municipal ชุมชน listed as a village has no DOPA code.
 */
import { z } from 'zod';

/** The lowest and highest หมู่ที่ a village may have. */
export const mooRange = { min: 1, max: 99 } as const;

/** หมู่ที่ as a whole number 1–99. */
export const mooSchema = z
  .number({ error: 'หมู่ที่ต้องเป็นตัวเลข / village number must be a number' })
  .int({ error: 'หมู่ที่ต้องเป็นจำนวนเต็ม / village number must be a whole number' })
  .min(mooRange.min, { error: 'หมู่ที่ต้องอยู่ระหว่าง 1 ถึง 99 / village number must be 1–99' })
  .max(mooRange.max, { error: 'หมู่ที่ต้องอยู่ระหว่าง 1 ถึง 99 / village number must be 1–99' });

const count = z.number().int().min(0).max(1_000_000).nullable();

/** What a person types for a village (add and edit). */
export const villageInputSchema = z.object({
  moo: mooSchema,
  name: z.string().trim().min(1, { error: 'ต้องมีชื่อหมู่บ้าน / village name is required' }).max(200),
  households: count.default(null),
  population: count.default(null),
  /** ผู้ใหญ่บ้าน (or ประธานชุมชน) — a person's name: kept in a local-only table, never travels. */
  headman: z.string().trim().max(200).nullable().default(null),
  /** True for a ชุมชน of a municipal area, which has no DOPA village code. */
  isCommunity: z.boolean().default(false),
});
/** What a person types for a village. */
export type VillageInput = z.input<typeof villageInputSchema>;

/** A village as the application shows it. */
export const villageSchema = z.object({
  id: z.string(),
  moo: z.number(),
  name: z.string(),
  code: z.string().nullable(),
  households: z.number().nullable(),
  population: z.number().nullable(),
  headman: z.string().nullable(),
  isCommunity: z.boolean(),
  rev: z.number(),
  updatedAt: z.string(),
});
/** A village as the application shows it. */
export type Village = z.infer<typeof villageSchema>;

/** The 8-digit DOPA village code: tambon code + หมู่ที่ as two digits. */
export function villageCode(tambonCode: string, moo: number): string {
  return `${tambonCode}${String(moo).padStart(2, '0')}`;
}

/** Villages in the order a tambon office reads them: by หมู่ที่. */
export function sortVillages<T extends { moo: number }>(villages: readonly T[]): T[] {
  return [...villages].sort((a, b) => a.moo - b.moo);
}
