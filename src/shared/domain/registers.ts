/**
 * The registers the assessment draws on (DESIGN.md section 3, "People and organisations"):
 *   - the tambon working group (คณะทำงานระดับตำบล: the LAO head chairs, the กำนัน advises) and the
 *     facilitators (คุณอำนวย) by sector;
 *   - village leaders (คณะผู้นำ / คุณกิจ, at most {@link maxLeadersPerVillage} per village) with
 *     their role, training, successor and self-assessment (ตารางอิสรภาพ: where I am, where I aim);
 *   - learning centres (ศูนย์เรียนรู้);
 *   - community welfare funds (กองทุนสวัสดิการชุมชน): tier, start year, members, contributions,
 *     the matching shares due from the อบต. and the provincial social development office
 *     (computed by {@link matchingShares} from a configurable {@link MatchingRule}), benefits paid
 *     by type, and the activity plan under six headings with due dates;
 *   - community organisations and savings groups (members, capital).
 * Positions, sectors, roles, tiers and kinds are data here; the plan's headings, the
 * self-assessment topics and the matching rule ship as data in `resources/data/registers.json`
 * and the office edits them. Pure: no I/O.
 */
import { z } from 'zod';
import { bilingual, decimalField, formatNumber, optionalTextField, textField, wholeNumberField, type Label } from './fields';

/** A list of keys with their labels. */
function labelled<const K extends string>(entries: Record<K, Label>): { keys: readonly K[]; labels: Record<K, Label> } {
  return { keys: Object.keys(entries) as K[], labels: entries };
}

/** Positions in the tambon working group; the LAO head chairs, the กำนัน advises. */
export const workingGroupPositions = labelled({
  chair: { th: 'ประธาน (นายก อปท.)', en: 'Chair (head of the local office)' },
  adviser: { th: 'ที่ปรึกษา (กำนัน)', en: 'Adviser (kamnan)' },
  'vice-chair': { th: 'รองประธาน', en: 'Vice-chair' },
  member: { th: 'คณะทำงาน', en: 'Member' },
  secretary: { th: 'เลขานุการ', en: 'Secretary' },
  'assistant-secretary': { th: 'ผู้ช่วยเลขานุการ', en: 'Assistant secretary' },
});
/** One of the working group's positions. */
export type WorkingGroupPosition = (typeof workingGroupPositions.keys)[number];

/** The sectors facilitators (คุณอำนวย) come from. */
export const facilitatorSectors = labelled({
  academic: { th: 'ภาควิชาการ', en: 'Academic' },
  civil: { th: 'ภาคประชาสังคม', en: 'Civil society' },
  business: { th: 'ภาคธุรกิจ', en: 'Business' },
  government: { th: 'ภาครัฐ', en: 'Government' },
});
/** One of the facilitators' sectors. */
export type FacilitatorSector = (typeof facilitatorSectors.keys)[number];

/** Roles of a village leader (คณะผู้นำ). */
export const leaderRoles = labelled({
  head: { th: 'ผู้ใหญ่บ้าน/ประธานชุมชน', en: 'Village head' },
  assistant: { th: 'ผู้ช่วยผู้ใหญ่บ้าน', en: 'Assistant head' },
  committee: { th: 'กรรมการหมู่บ้าน', en: 'Village committee' },
  kunkit: { th: 'คุณกิจ (แกนนำ)', en: 'Kunkit (practitioner)' },
  volunteer: { th: 'อาสาสมัคร (อสม. ฯลฯ)', en: 'Volunteer' },
  other: { th: 'อื่น ๆ', en: 'Other' },
});
/** One of the leaders' roles. */
export type LeaderRole = (typeof leaderRoles.keys)[number];

/** A welfare fund's tier. */
export const welfareTiers = labelled({
  model: { th: 'ต้นแบบ', en: 'Model' },
  pilot: { th: 'นำร่อง', en: 'Pilot' },
  expansion: { th: 'ขยายผล', en: 'Expansion' },
});
/** One of the welfare funds' tiers. */
export type WelfareTier = (typeof welfareTiers.keys)[number];

/** Kinds of benefit a welfare fund pays. */
export const benefitTypes = labelled({
  birth: { th: 'การเกิด', en: 'Birth' },
  sickness: { th: 'เจ็บป่วย', en: 'Sickness' },
  death: { th: 'เสียชีวิต', en: 'Death' },
  elderly: { th: 'ผู้สูงอายุ', en: 'Elderly' },
  education: { th: 'การศึกษา', en: 'Education' },
  disaster: { th: 'ภัยพิบัติ', en: 'Disaster' },
  other: { th: 'อื่น ๆ', en: 'Other' },
});
/** One of the benefit types. */
export type BenefitType = (typeof benefitTypes.keys)[number];

/** Kinds of community organisation. */
export const organisationKinds = labelled({
  'savings-group': { th: 'กลุ่มออมทรัพย์', en: 'Savings group' },
  'village-fund': { th: 'กองทุนหมู่บ้าน', en: 'Village fund' },
  'community-enterprise': { th: 'วิสาหกิจชุมชน', en: 'Community enterprise' },
  cooperative: { th: 'สหกรณ์', en: 'Cooperative' },
  'occupation-group': { th: 'กลุ่มอาชีพ', en: 'Occupation group' },
  other: { th: 'องค์กรชุมชนอื่น', en: 'Other organisation' },
});
/** One of the organisation kinds. */
export type OrganisationKind = (typeof organisationKinds.keys)[number];

/** The most leaders a village's leadership (คณะผู้นำ) has. */
export const maxLeadersPerVillage = 8;

/**
 * Whether a village can take `adding` more leaders besides its `current` ones; the refusal names
 * the village ("หมู่ที่ 3") and the limit.
 */
export function leaderRoom(current: number, adding: number, village: string): { ok: true } | { ok: false; th: string; en: string } {
  if (current + adding <= maxLeadersPerVillage) return { ok: true };
  return {
    ok: false,
    th: `${village} มีคณะผู้นำครบ ${maxLeadersPerVillage} คนแล้ว เพิ่มได้ไม่เกิน ${maxLeadersPerVillage} คนต่อหมู่บ้าน`,
    en: `${village} already has ${maxLeadersPerVillage} leaders; a village has at most ${maxLeadersPerVillage}`,
  };
}

/** The scale of the self-assessment (ตารางอิสรภาพ): 1 (far from it) … 5 (free). */
export const assessmentScale = { min: 1, max: 5 } as const;

/** A topic of the leaders' self-assessment table. */
export const assessmentTopicSchema = z.object({ key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/), th: z.string().min(1).max(120), en: z.string().min(1).max(120) }).strict();
/** A topic of the self-assessment table. */
export type AssessmentTopic = z.infer<typeof assessmentTopicSchema>;

const level = z.number().int().min(assessmentScale.min).max(assessmentScale.max).nullable();
/** One leader's self-assessment: per topic, where I am and where I aim (null: not said). */
export const selfAssessmentSchema = z.record(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/), z.object({ now: level, aim: level }).strict()).refine((r) => Object.keys(r).length <= 30, {
  error: bilingual('ตารางอิสรภาพมีหัวข้อได้ไม่เกิน 30 หัวข้อ', 'The self-assessment has at most 30 topics'),
});
/** One leader's self-assessment. */
export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;

/**
 * The matching rule of the welfare funds: for each baht the members contribute in a year, the
 * อบต. and the provincial social development office (พมจ.) each match `perBaht` baht, up to
 * `capBaht` per fund and year when set.
 */
export const matchingPartSchema = z
  .object({
    perBaht: decimalField({ th: 'อัตราสมทบต่อเงินสมาชิก 1 บาท', en: 'Match per baht of members' }, { max: 10, decimals: 2 }),
    capBaht: wholeNumberField({ th: 'เพดานเงินสมทบต่อปี', en: 'Yearly cap of the match' }, { max: 100_000_000 }).nullable(),
  })
  .strict();
/** The matching rule (see {@link matchingPartSchema}). */
export const matchingRuleSchema = z.object({ lao: matchingPartSchema, province: matchingPartSchema }).strict();
/** The matching rule. */
export type MatchingRule = z.infer<typeof matchingRuleSchema>;

/** The shares due to one fund for one year, in whole baht. */
export interface MatchingShares {
  contributions: number;
  lao: number;
  province: number;
  /** Whether a cap cut a share. */
  capped: { lao: boolean; province: boolean };
}

/** One party's share: `perBaht` of the contributions, in whole baht (rounded down), at most the cap. */
function share(contributions: number, part: MatchingRule['lao']): { amount: number; capped: boolean } {
  // In satang, so 0.1 × 30 is 3, not 2.9999999999999996.
  const satang = Math.round(contributions * 100) * Math.round(part.perBaht * 100);
  const amount = Math.floor(satang / 10_000);
  if (part.capBaht !== null && amount > part.capBaht) return { amount: part.capBaht, capped: true };
  return { amount, capped: false };
}

/** The shares the อบต. and the provincial social development office owe a fund whose members contributed `contributions` baht in a year. */
export function matchingShares(contributions: number, rule: MatchingRule): MatchingShares {
  const c = Math.max(0, contributions);
  const lao = share(c, rule.lao);
  const province = share(c, rule.province);
  return { contributions: c, lao: lao.amount, province: province.amount, capped: { lao: lao.capped, province: province.capped } };
}

/** A year's contributions when the office typed none: members × monthly contribution × 12. */
export function expectedContributions(members: number | null, monthlyContribution: number | null): number | null {
  if (members === null || monthlyContribution === null) return null;
  return Math.round(members * monthlyContribution * 12 * 100) / 100;
}

/** What the registers' settings hold (shipped defaults in `resources/data/registers.json`, editable). */
export const registerSettingsSchema = z
  .object({
    matchingRule: matchingRuleSchema,
    /** The six headings of a welfare fund's activity plan. */
    planHeadings: z.array(textField({ th: 'หัวข้อแผนกิจกรรม', en: 'Plan heading' }, { max: 120 })).length(6, {
      error: bilingual('แผนกิจกรรมมีหัวข้อ 6 หัวข้อ', 'The activity plan has six headings'),
    }),
    assessmentTopics: z.array(assessmentTopicSchema).min(1).max(30),
  })
  .strict();
/** The registers' settings. */
export type RegisterSettings = z.infer<typeof registerSettingsSchema>;

/** Labels of the registers' fields, for forms and for messages that name them. */
export const registerLabels = {
  name: { th: 'ชื่อ-สกุล', en: 'Name' },
  orgName: { th: 'ชื่อ', en: 'Name' },
  position: { th: 'ตำแหน่ง', en: 'Position' },
  sector: { th: 'ภาคส่วน', en: 'Sector' },
  organisation: { th: 'หน่วยงาน/สังกัด', en: 'Organisation' },
  phone: { th: 'โทรศัพท์', en: 'Phone' },
  village: { th: 'หมู่บ้าน', en: 'Village' },
  role: { th: 'บทบาท', en: 'Role' },
  training: { th: 'การอบรม', en: 'Training' },
  successor: { th: 'ผู้สืบทอด', en: 'Successor' },
  activities: { th: 'กิจกรรม/หลักสูตร', en: 'Activities' },
  peopleServed: { th: 'ผู้ใช้บริการต่อปี (คน)', en: 'People served a year' },
  tier: { th: 'ระดับกองทุน', en: 'Tier' },
  startYear: { th: 'ปีที่เริ่ม (พ.ศ.)', en: 'Start year (BE)' },
  members: { th: 'จำนวนสมาชิก', en: 'Members' },
  monthlyContribution: { th: 'เงินสมทบต่อคนต่อเดือน (บาท)', en: 'Monthly contribution per member (baht)' },
  year: { th: 'ปี (พ.ศ.)', en: 'Year (BE)' },
  contributions: { th: 'เงินสมทบจากสมาชิกทั้งปี (บาท)', en: 'Members’ contributions in the year (baht)' },
  heading: { th: 'หัวข้อ', en: 'Heading' },
  activity: { th: 'กิจกรรม', en: 'Activity' },
  dueDate: { th: 'กำหนดเสร็จ', en: 'Due date' },
  kind: { th: 'ประเภท', en: 'Kind' },
  capital: { th: 'ทุน (บาท)', en: 'Capital (baht)' },
} satisfies Record<string, Label>;

/** Limits of the registers' fields. */
export const registerLimits = { name: 200, text: 1000, people: 1_000_000, baht: 10_000_000_000 } as const;

const idField = z.string().min(1).max(100);
const year = wholeNumberField(registerLabels.year, { min: 2400, max: 2700 });
const baht = (label: Label) => decimalField(label, { max: registerLimits.baht, decimals: 2 });
const people = (label: Label) => wholeNumberField(label, { max: registerLimits.people });
/** An ISO date `YYYY-MM-DD` (the UI shows and takes it in พ.ศ.). */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: bilingual('กำหนดเสร็จต้องเป็นวันที่', 'The due date must be a date') });

/** A member of the working group, or a facilitator. */
export const workingGroupValues = z
  .object({
    kind: z.enum(['member', 'facilitator']),
    name: textField(registerLabels.name, { max: registerLimits.name }),
    position: z.enum(workingGroupPositions.keys).nullable().default(null),
    sector: z.enum(facilitatorSectors.keys).nullable().default(null),
    organisation: optionalTextField(registerLabels.organisation, { max: registerLimits.name }).default(null),
    phone: optionalTextField(registerLabels.phone, { max: 40 }).default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'member' && v.position === null) ctx.addIssue({ code: 'custom', path: ['position'], message: bilingual('กรุณาเลือกตำแหน่ง', 'Position is required') });
    if (v.kind === 'facilitator' && v.sector === null) ctx.addIssue({ code: 'custom', path: ['sector'], message: bilingual('กรุณาเลือกภาคส่วน', 'Sector is required') });
  });
/** A working-group member or facilitator as typed. */
export type WorkingGroupValues = z.output<typeof workingGroupValues>;

/** A village leader as typed. */
export const leaderValues = z
  .object({
    villageId: idField,
    name: textField(registerLabels.name, { max: registerLimits.name }),
    role: z.enum(leaderRoles.keys),
    phone: optionalTextField(registerLabels.phone, { max: 40 }).default(null),
    training: optionalTextField(registerLabels.training, { max: registerLimits.text, multiline: true }).default(null),
    successor: optionalTextField(registerLabels.successor, { max: registerLimits.name }).default(null),
    selfAssessment: selfAssessmentSchema.default({}),
  })
  .strict();
/** A village leader as typed. */
export type LeaderValues = z.output<typeof leaderValues>;

/** A learning centre as typed. */
export const learningCentreValues = z
  .object({
    name: textField(registerLabels.orgName, { max: registerLimits.name }),
    villageId: idField.nullable().default(null),
    activities: optionalTextField(registerLabels.activities, { max: registerLimits.text, multiline: true }).default(null),
    peopleServed: people(registerLabels.peopleServed).nullable().default(null),
  })
  .strict();
/** A learning centre as typed. */
export type LearningCentreValues = z.output<typeof learningCentreValues>;

/** A welfare fund as typed. */
export const welfareFundValues = z
  .object({
    name: textField(registerLabels.orgName, { max: registerLimits.name }),
    villageId: idField.nullable().default(null),
    tier: z.enum(welfareTiers.keys),
    startYear: year.nullable().default(null),
    members: people(registerLabels.members).nullable().default(null),
    monthlyContribution: baht(registerLabels.monthlyContribution).nullable().default(null),
  })
  .strict();
/** A welfare fund as typed. */
export type WelfareFundValues = z.output<typeof welfareFundValues>;

/** Benefits paid in a year, by type (baht). */
export const benefitsSchema = z.partialRecord(z.enum(benefitTypes.keys), baht({ th: 'สวัสดิการที่จ่าย', en: 'Benefits paid' }));
/** Benefits paid in a year, by type. */
export type Benefits = z.infer<typeof benefitsSchema>;

/** A welfare fund's figures of one year, as typed. */
export const fundYearValues = z
  .object({
    fundId: idField,
    year,
    members: people(registerLabels.members).nullable().default(null),
    contributions: baht(registerLabels.contributions).nullable().default(null),
    benefits: benefitsSchema.default({}),
  })
  .strict();
/** A welfare fund's year as typed. */
export type FundYearValues = z.output<typeof fundYearValues>;

/** An item of a welfare fund's activity plan, as typed. */
export const planItemValues = z
  .object({
    fundId: idField,
    heading: z.number().int().min(1).max(6),
    activity: textField(registerLabels.activity, { max: registerLimits.text }),
    dueDate: isoDate.nullable().default(null),
    done: z.boolean().default(false),
  })
  .strict();
/** An activity-plan item as typed. */
export type PlanItemValues = z.output<typeof planItemValues>;

/** A community organisation or savings group, as typed. */
export const organisationValues = z
  .object({
    name: textField(registerLabels.orgName, { max: registerLimits.name }),
    villageId: idField.nullable().default(null),
    kind: z.enum(organisationKinds.keys),
    members: people(registerLabels.members).nullable().default(null),
    capital: baht(registerLabels.capital).nullable().default(null),
  })
  .strict();
/** An organisation as typed. */
export type OrganisationValues = z.output<typeof organisationValues>;

/** A fund's year with the shares due, as the app shows it. */
export interface FundYearFigures {
  year: number;
  /** The contributions typed, else expected from members × monthly contribution × 12. */
  contributions: number | null;
  estimated: boolean;
  shares: MatchingShares | null;
  benefitsTotal: number;
}

/** The figures of a fund's year: the contributions (typed or expected) and the shares due on them. */
export function fundYearFigures(
  fund: { members: number | null; monthlyContribution: number | null },
  yearRow: { year: number; members: number | null; contributions: number | null; benefits: Benefits },
  rule: MatchingRule,
): FundYearFigures {
  const expected = expectedContributions(yearRow.members ?? fund.members, fund.monthlyContribution);
  const contributions = yearRow.contributions ?? expected;
  return {
    year: yearRow.year,
    contributions,
    estimated: yearRow.contributions === null && expected !== null,
    shares: contributions === null ? null : matchingShares(contributions, rule),
    benefitsTotal: Object.values(yearRow.benefits).reduce((a: number, b) => a + (b ?? 0), 0),
  };
}

/** "1,234.50 บาท" as people write money. */
export function formatBaht(n: number): string {
  const fixed = Math.round(n * 100) / 100;
  return formatNumber(Number.isInteger(fixed) ? fixed : Number(fixed.toFixed(2)));
}

/** A due date `YYYY-MM-DD` as a clerk writes it in พ.ศ.: `31/3/2569`; blank for none. */
export function dueDateBE(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y! + 543}`;
}

/**
 * A date typed in พ.ศ. (`31/3/2569`, `31-03-2569`, Thai digits too) as `YYYY-MM-DD`; blank is
 * null; anything that is not a real day (or a year before พ.ศ. 2400) is `undefined`.
 */
export function parseDueDateBE(text: string): string | null | undefined {
  const t = text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).trim();
  if (t === '') return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return undefined;
  const [day, month, be] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (be < 2400 || be > 2700) return undefined;
  const ce = be - 543;
  const date = new Date(Date.UTC(ce, month - 1, day));
  if (date.getUTCFullYear() !== ce || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(ce).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
