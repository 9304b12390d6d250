/**
 * หมู่บ้าน — the villages of a tambon. A village is known by its หมู่ที่ (`moo`, 1–99) and has
 * the 8-digit DOPA code `PPAATTMM`; a municipal ชุมชน listed as a village has no DOPA code.
 */
import { z } from 'zod';
import { optionalTextField, textField, wholeNumberField, type Label } from './fields';

/** The lowest and highest หมู่ที่ a village may have. */
export const mooRange = { min: 1, max: 99 } as const;

/** หมู่ที่ as a whole number 1–99. */
export const mooSchema = z
  .number({ error: 'หมู่ที่ต้องเป็นตัวเลข / village number must be a number' })
  .min(mooRange.min, { error: 'หมู่ที่ต้องอยู่ระหว่าง 1 ถึง 99 / village number must be 1–99' })
  .max(mooRange.max, { error: 'หมู่ที่ต้องอยู่ระหว่าง 1 ถึง 99 / village number must be 1–99' })
  .int({ error: 'หมู่ที่ต้องเป็นจำนวนเต็ม / village number must be a whole number' });

/** The labels of a village's fields, for messages that name them. */
export const villageLabels = {
  moo: { th: 'หมู่ที่', en: 'Village number' },
  name: { th: 'ชื่อหมู่บ้าน', en: 'Village name' },
  households: { th: 'จำนวนครัวเรือน', en: 'Households' },
  population: { th: 'จำนวนประชากร', en: 'Population' },
  headman: { th: 'ชื่อผู้ใหญ่บ้าน', en: "Headman's name" },
} satisfies Record<string, Label>;

/** The most households or people a village may record (a typing slip beyond this is refused). */
export const maxVillageCount = 1_000_000;
/** The longest village or headman name. */
export const maxVillageName = 200;

/** What a person types for a village (add and edit). */
export const villageInputSchema = z.object({
  moo: mooSchema,
  name: textField(villageLabels.name, { max: maxVillageName }),
  households: wholeNumberField(villageLabels.households, { max: maxVillageCount }).nullable().default(null),
  population: wholeNumberField(villageLabels.population, { max: maxVillageCount }).nullable().default(null),
  /** ผู้ใหญ่บ้าน (or ประธานชุมชน) — a person's name: kept in a local-only table, never travels. */
  headman: optionalTextField(villageLabels.headman, { max: maxVillageName }).default(null),
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

/** What the values of a village, as stored, look like after validation. */
export type VillageValues = z.output<typeof villageInputSchema>;

/** Something in a village's figures worth a second look, though it may be right. */
export type VillageWarning = 'fewerPeopleThanHouseholds' | 'largeHouseholds';

/**
 * Figures that are possible but unlikely, so the form asks the person to check them rather than
 * refusing: fewer people than households (500 households, 10 people), or more than 20 people per
 * household on average.
 */
export function villageWarnings(v: { households: number | null; population: number | null }): VillageWarning[] {
  if (v.households === null || v.population === null || v.households === 0) return [];
  if (v.population < v.households) return ['fewerPeopleThanHouseholds'];
  if (v.population > v.households * 20) return ['largeHouseholds'];
  return [];
}

/** Villages in the order a tambon office reads them: by หมู่ที่. */
export function sortVillages<T extends { moo: number }>(villages: readonly T[]): T[] {
  return [...villages].sort((a, b) => a.moo - b.moo);
}
