/** Pure helpers of the create-workspace form. */
import type { AdminArea } from '../../../shared/domain/admin';

/** The most issues a custom framework may have (the contract's limit). */
export const maxCustomIssues = 30;

/** The office name a type and tambon suggest: องค์การบริหารส่วนตำบลนาทราย / เทศบาลตำบลนาทราย. */
export function suggestedOfficeName(prefix: string, tambonNameTh: string | undefined): string {
  return tambonNameTh ? `${prefix}${tambonNameTh}` : '';
}

/** The file name offered for a new workspace: `nasai-800108.tambon`. */
export function suggestedFileName(tambon: AdminArea | undefined): string {
  if (!tambon) return 'tambon.tambon';
  const slug = tambon.nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return `${slug || 'tambon'}-${tambon.code}.tambon`;
}

/** The offered name of a copy (save as): `nasai-800108-copy.tambon`. */
export function suggestedCopyName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? 'tambon.tambon';
  return base.replace(/(\.tambon)?$/, '-copy.tambon');
}

/** One issue per non-empty line, trimmed. */
export function parseIssues(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The parts of the form an error from main can point at. */
export type CreateFormSlot = 'tambon' | 'officeType' | 'officeName' | 'framework' | 'customName' | 'customIssues' | 'path' | 'form';

/** Which part of the form an error's `field` (a path into the input) belongs to. */
export function slotOfField(field: string | undefined): CreateFormSlot {
  if (!field) return 'form';
  if (field === 'tambonCode') return 'tambon';
  if (field === 'officeType' || field === 'officeName' || field === 'path') return field;
  if (field.startsWith('framework.custom.nameTh')) return 'customName';
  if (field.startsWith('framework.custom.issues')) return 'customIssues';
  if (field.startsWith('framework')) return 'framework';
  return 'form';
}

/** Areas sorted the way a person looks for them: by name in the UI language. */
export function sortAreas(areas: readonly AdminArea[], lang: 'th' | 'en'): AdminArea[] {
  return [...areas].sort((a, b) => (lang === 'th' ? a.nameTh.localeCompare(b.nameTh, 'th') : a.nameEn.localeCompare(b.nameEn, 'en')));
}
