/**
 * Reading the registers' workbooks (shared/domain/registers.ts) row by row: village leaders,
 * learning centres, welfare funds (one row per fund and year), community organisations. A row
 * names its village by หมู่ที่ or village code (a leader must have one; the others may be the
 * whole tambon's). Roles, tiers and kinds are read from their Thai or English names. A village
 * takes at most eight leaders, counting those already in the workspace. A citizen id in any text
 * cell rejects the row. Pure: no I/O.
 */
import { normalizeThaiDigits } from '../thaiDigits';
import {
  benefitTypes,
  leaderRoles,
  maxLeadersPerVillage,
  organisationKinds,
  registerLimits,
  welfareTiers,
  type BenefitType,
  type Benefits,
  type LeaderRole,
  type OrganisationKind,
  type WelfareTier,
} from '../registers';
import { cellText, cleanText, isBlank, readAmount, readWhole, type Cell, type CellNote } from './cells';
import { benefitFields, type ColumnMapping, type FieldKey, type RegisterImportKind } from './kinds';
import { looksLikeCitizenId, maskCitizenIds } from './personal';
import type { CellIssue, KnownVillage, RowResult } from './records';

/** A village leader. */
export interface LeaderRecord {
  kind: 'leaders';
  villageId: string;
  name: string;
  role: LeaderRole;
  phone: string | null;
  training: string | null;
  successor: string | null;
}

/** A learning centre. */
export interface LearningCentreRecord {
  kind: 'learning-centres';
  villageId: string | null;
  name: string;
  activities: string | null;
  peopleServed: number | null;
}

/** A welfare fund, with its figures of one year when the row gives a year. */
export interface WelfareFundRecord {
  kind: 'welfare-funds';
  villageId: string | null;
  name: string;
  tier: WelfareTier;
  startYear: number | null;
  monthlyContribution: number | null;
  members: number | null;
  /** พ.ศ.; null: the row says nothing of a year (the fund alone). */
  year: number | null;
  contributions: number | null;
  benefits: Benefits;
}

/** A community organisation or savings group. */
export interface OrganisationRecord {
  kind: 'organisations';
  villageId: string | null;
  name: string;
  orgKind: OrganisationKind;
  members: number | null;
  capital: number | null;
}

/** A record of one of the registers. */
export type RegisterRecord = LeaderRecord | LearningCentreRecord | WelfareFundRecord | OrganisationRecord;

/** What the register reader needs besides the mapping. */
export interface RegisterReaderContext {
  kind: RegisterImportKind;
  mapping: readonly ColumnMapping[];
  villages: readonly KnownVillage[];
  /** The year (พ.ศ.) a welfare-fund row without a year column is of (`--year`); null: none. */
  year: number | null;
  /** Live leaders per village id already in the workspace (not counting an import being replaced). */
  leadersPerVillage?: ReadonlyMap<string, number>;
}

/** Whether a normalised text names one of `labels` (Thai, English or the key). */
function byLabel<K extends string>(text: string, keys: readonly K[], labels: Record<K, { th: string; en: string }>): K | null {
  const t = text.toLowerCase().replace(/\s+/g, '');
  for (const key of keys) {
    const l = labels[key];
    if ([key, l.th, l.en].some((name) => name.toLowerCase().replace(/\s+/g, '') === t)) return key;
  }
  return null;
}

/** A leader's role from what a clerk types ("ผู้ใหญ่บ้าน", "ผช.ผญบ.", "คุณกิจ", "อสม."…). */
export function roleFromText(text: string): LeaderRole | null {
  const exact = byLabel(text, leaderRoles.keys, leaderRoles.labels);
  if (exact) return exact;
  const t = text.replace(/\s+/g, '');
  if (/ผู้ช่วย|ผช\./.test(t)) return 'assistant';
  if (/ผู้ใหญ่บ้าน|ผญบ|ประธานชุมชน|กำนัน/.test(t)) return 'head';
  if (/กรรมการ|กม\./.test(t)) return 'committee';
  if (/คุณกิจ|แกนนำ|ผู้นำ/.test(t)) return 'kunkit';
  if (/อสม|อาสา/.test(t)) return 'volunteer';
  if (/^อื่น/.test(t)) return 'other';
  return null;
}

/** A fund's tier from its Thai or English name. */
export function tierFromText(text: string): WelfareTier | null {
  const exact = byLabel(text, welfareTiers.keys, welfareTiers.labels);
  if (exact) return exact;
  if (/ต้นแบบ/.test(text)) return 'model';
  if (/นำร่อง/.test(text)) return 'pilot';
  if (/ขยาย/.test(text)) return 'expansion';
  return null;
}

/** An organisation's kind from its name (anything else is "other"). */
export function orgKindFromText(text: string): OrganisationKind {
  const exact = byLabel(text, organisationKinds.keys, organisationKinds.labels);
  if (exact) return exact;
  if (/ออมทรัพย์|saving/i.test(text)) return 'savings-group';
  if (/กองทุนหมู่บ้าน|village\s*fund/i.test(text)) return 'village-fund';
  if (/วิสาหกิจ|enterprise/i.test(text)) return 'community-enterprise';
  if (/สหกรณ์|cooperative/i.test(text)) return 'cooperative';
  if (/อาชีพ|occupation/i.test(text)) return 'occupation-group';
  return 'other';
}

/** A reader over one register's rows (see the module comment). */
export function createRegisterRowReader(context: RegisterReaderContext): { read(cells: readonly Cell[]): RowResult } {
  const byField = new Map<FieldKey, number>();
  for (const m of context.mapping) if (m.field !== 'ignore' && m.field !== 'personal' && m.field !== 'custom') byField.set(m.field, m.column);
  /** Leaders per village: the workspace's, then the file's as they are read. */
  const leaders = new Map(context.leadersPerVillage ?? []);

  return {
    read(cells) {
      const problems: CellIssue[] = [];
      const notes: CellNote[] = [];
      const cell = (field: FieldKey): { column: number; cell: Cell } | null => {
        const column = byField.get(field);
        return column === undefined ? null : { column, cell: cells[column - 1] ?? null };
      };
      const text = (field: FieldKey, max: number, multiline = false): string | null => {
        const c = cell(field);
        if (!c || isBlank(c.cell)) return null;
        const t = typeof c.cell === 'string' ? cleanText(c.cell, multiline) : cellText(c.cell);
        if (looksLikeCitizenId(t) || maskCitizenIds(t) !== normalizeThaiDigits(t)) {
          problems.push({ column: c.column, code: 'citizenIdInText' });
          return null;
        }
        if (t.length > max) {
          problems.push({ column: c.column, code: 'forumTextTooLong', value: String(max) });
          return null;
        }
        return t;
      };
      const whole = (field: FieldKey, max: number): number | null => {
        const c = cell(field);
        if (!c || isBlank(c.cell)) return null;
        const r = readWhole(c.cell, { min: 0, max });
        if (!r.ok) {
          problems.push({ column: c.column, code: r.problem, value: maskCitizenIds(cellText(c.cell)) });
          return null;
        }
        notes.push(...r.notes);
        return r.value;
      };
      const baht = (field: FieldKey): number | null => {
        const c = cell(field);
        if (!c || isBlank(c.cell)) return null;
        const r = readAmount(c.cell);
        if (!r.ok || (r.value !== null && r.value > registerLimits.baht)) {
          problems.push({ column: c.column, code: r.ok ? 'tooLarge' : r.problem, value: maskCitizenIds(cellText(c.cell)) });
          return null;
        }
        notes.push(...r.notes);
        return r.value === null ? null : Math.round(r.value * 100) / 100;
      };
      /** A พ.ศ. year (a ค.ศ. year is turned into one). */
      const year = (field: FieldKey): number | null => {
        const c = cell(field);
        if (!c || isBlank(c.cell)) return null;
        const r = readWhole(c.cell, { min: 1900, max: 2700 });
        if (!r.ok || r.value === null) {
          problems.push({ column: c.column, code: 'badYear', value: cellText(c.cell) });
          return null;
        }
        return r.value < 2400 ? r.value + 543 : r.value;
      };
      /** The row's village: its code or หมู่ที่; blank is null (a leader must have one). */
      const village = (required: boolean): KnownVillage | null => {
        const codeCell = cell('villageCode');
        const mooCell = cell('moo');
        const own = [codeCell, mooCell].find((c) => c && !isBlank(c.cell));
        if (!own) {
          if (required) problems.push({ column: (mooCell ?? codeCell)?.column ?? null, code: 'missingVillage' });
          return null;
        }
        const t = normalizeThaiDigits(cellText(own.cell)).replace(/[\s-]/g, '');
        let found: KnownVillage | undefined;
        if (own === codeCell) found = context.villages.find((v) => v.code !== null && v.code === t.slice(0, 8));
        else {
          const m = /(\d{1,2})$/.exec(t.replace(/^(หมู่ที่|หมู่|ม\.|moo)/i, ''));
          found = m ? context.villages.find((v) => v.moo === Number(m[1])) : undefined;
        }
        if (!found) problems.push({ column: own.column, code: 'unknownVillage', value: cellText(own.cell) });
        return found ?? null;
      };
      const nameField: FieldKey = context.kind === 'leaders' ? 'personName' : 'orgName';
      const name = text(nameField, registerLimits.name);
      const done = (record: RegisterRecord | null): RowResult => (problems.length > 0 || !record ? { outcome: 'rejected', problems } : { outcome: 'record', record, notes });
      const anythingElse = () => [...byField.values()].some((column) => !isBlank(cells[column - 1] ?? null));
      if (name === null) {
        // A band or a note under the table: nothing to import.
        if (!anythingElse() && problems.length === 0) return { outcome: 'ignored' };
        if (problems.length === 0) problems.push({ column: byField.get(nameField) ?? null, code: 'missingName' });
      }

      if (context.kind === 'leaders') {
        const v = village(true);
        const roleCell = cell('leaderRole');
        let role: LeaderRole | null = 'other';
        if (roleCell && !isBlank(roleCell.cell)) {
          role = roleFromText(cleanText(cellText(roleCell.cell)));
          if (!role) problems.push({ column: roleCell.column, code: 'unknownRole', value: cellText(roleCell.cell) });
        }
        const phone = text('phone', 40);
        const training = text('training', registerLimits.text, true);
        const successor = text('successor', registerLimits.name);
        if (v && problems.length === 0) {
          const count = (leaders.get(v.id) ?? 0) + 1;
          if (count > maxLeadersPerVillage) problems.push({ column: (cell('moo') ?? cell('villageCode'))?.column ?? null, code: 'tooManyLeaders', value: `หมู่ที่ ${v.moo}` });
          else leaders.set(v.id, count);
        }
        return done(v && name !== null && role ? { kind: 'leaders', villageId: v.id, name, role, phone, training, successor } : null);
      }

      if (context.kind === 'learning-centres') {
        const v = village(false);
        const activities = text('activities', registerLimits.text, true);
        const peopleServed = whole('peopleServed', registerLimits.people);
        return done(name !== null ? { kind: 'learning-centres', villageId: v?.id ?? null, name, activities, peopleServed } : null);
      }

      if (context.kind === 'welfare-funds') {
        const v = village(false);
        const tierCell = cell('tier');
        let tier: WelfareTier | null = null;
        if (tierCell && !isBlank(tierCell.cell)) {
          tier = tierFromText(cleanText(cellText(tierCell.cell)));
          if (!tier) problems.push({ column: tierCell.column, code: 'unknownTier', value: cellText(tierCell.cell) });
        } else problems.push({ column: tierCell?.column ?? null, code: 'missingTier' });
        const startYear = year('startYear');
        const rowYear = year('year') ?? context.year;
        const members = whole('members', registerLimits.people);
        const monthlyContribution = baht('monthlyContribution');
        const contributions = baht('contributions');
        const benefits: Benefits = {};
        benefitFields.forEach((field, i) => {
          const amount = baht(field);
          if (amount !== null && amount > 0) benefits[benefitTypes.keys[i] as BenefitType] = amount;
        });
        return done(
          name !== null && tier
            ? { kind: 'welfare-funds', villageId: v?.id ?? null, name, tier, startYear, monthlyContribution, members, year: rowYear, contributions, benefits }
            : null,
        );
      }

      const v = village(false);
      const kindCell = cell('orgKind');
      const orgKind = kindCell && !isBlank(kindCell.cell) ? orgKindFromText(cleanText(cellText(kindCell.cell))) : 'other';
      const members = whole('members', registerLimits.people);
      const capital = baht('capital');
      return done(name !== null ? { kind: 'organisations', villageId: v?.id ?? null, name, orgKind, members, capital } : null);
    },
  };
}
