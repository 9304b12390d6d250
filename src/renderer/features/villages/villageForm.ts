/** Pure helpers of the village form: what a person types → the input `villages.add` / `villages.update` take. */
import { normalizeThaiDigits } from '../../../shared/domain/thaiDigits';
import type { Village, VillageInput } from '../../../shared/domain/villages';

/** The form's text as typed. */
export interface VillageFormValues {
  moo: string;
  name: string;
  households: string;
  population: string;
  headman: string;
  isCommunity: boolean;
}

/** The form's fields that can carry an error. */
export const villageFormFields = ['moo', 'name', 'households', 'population', 'headman'] as const;
/** One of {@link villageFormFields}. */
export type VillageFormField = (typeof villageFormFields)[number];

/** An empty form. */
export const emptyVillageForm: VillageFormValues = { moo: '', name: '', households: '', population: '', headman: '', isCommunity: false };

/**
 * A typed whole number: Thai digits (๐–๙) read as 0–9, spaces and thousands separators ignored.
 * Empty → null; anything else that is not a whole number → 'invalid'.
 */
export function parseWholeNumber(text: string): number | null | 'invalid' {
  const cleaned = normalizeThaiDigits(text).replace(/[\s,]/g, '');
  if (cleaned === '') return null;
  if (!/^\d+$/.test(cleaned)) return 'invalid';
  return Number(cleaned);
}

/** Messages the form needs for what it checks itself (main checks the rest: range, duplicates). */
export interface VillageFormMessages {
  mooRequired: string;
  nameRequired: string;
  notWholeNumber: string;
}

/** The input to send, or the errors to show. Range and duplicate checks are left to main. */
export function toVillageInput(
  values: VillageFormValues,
  messages: VillageFormMessages,
): { ok: true; input: VillageInput } | { ok: false; errors: Partial<Record<VillageFormField, string>> } {
  const errors: Partial<Record<VillageFormField, string>> = {};
  const moo = parseWholeNumber(values.moo);
  const households = parseWholeNumber(values.households);
  const population = parseWholeNumber(values.population);
  if (moo === null) errors.moo = messages.mooRequired;
  else if (moo === 'invalid') errors.moo = messages.notWholeNumber;
  if (!values.name.trim()) errors.name = messages.nameRequired;
  if (households === 'invalid') errors.households = messages.notWholeNumber;
  if (population === 'invalid') errors.population = messages.notWholeNumber;
  if (Object.keys(errors).length > 0 || typeof moo !== 'number' || households === 'invalid' || population === 'invalid') {
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: {
      moo,
      name: values.name.trim(),
      households,
      population,
      headman: values.headman.trim() || null,
      isCommunity: values.isCommunity,
    },
  };
}

/** The form's text for an existing village. */
export function valuesOf(village: Village): VillageFormValues {
  return {
    moo: String(village.moo),
    name: village.name,
    households: village.households === null ? '' : String(village.households),
    population: village.population === null ? '' : String(village.population),
    headman: village.headman ?? '',
    isCommunity: village.isCommunity,
  };
}

/** Which form field an error's `field` from main points at, if any. */
export function formFieldOf(field: string | undefined): VillageFormField | null {
  return (villageFormFields as readonly string[]).includes(field ?? '') ? (field as VillageFormField) : null;
}
