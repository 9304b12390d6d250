/**
 * เวทีประชาคมตำบล — the tambon forum (DESIGN.md section 2): village community plans, the forum
 * record and its participants, the tambon analysis boards, the classification of village items
 * into the framework's strategic issues, one problem–cause–solution table per issue, projects per
 * issue with their budgets and sources, and the ranking. The schemas every field a person types
 * goes through (labels in messages, real limits), the shapes the app shows, and the plan
 * computations the screens, the projector and the exports share.
 */
import { z } from 'zod';
import { bilingual, optionalTextField, textField, wholeNumberField, type Label } from './fields';
import type { OfficeType } from './workspace';

// ---------------------------------------------------------------- enumerations

/** A village plan item: a problem or need (ปัญหา/ความต้องการ), or a project idea (แนวคิดโครงการ). */
export const villageItemKinds = ['problem', 'project'] as const;
/** One of {@link villageItemKinds}. */
export type VillageItemKind = (typeof villageItemKinds)[number];

/** How a village would carry out a project idea: ทำเอง / ทำร่วม / ขอรับการสนับสนุน. */
export const howModes = ['self', 'joint', 'support'] as const;
/** One of {@link howModes}. */
export type HowMode = (typeof howModes)[number];

/**
 * A participant's role at the forum: แกนนำหมู่บ้าน (คุณกิจ), คณะทำงาน, ภาคี, ประชาชน, and the
 * วิทยากรกระบวนการ / คุณอำนวย who run it.
 */
export const participantRoles = ['leader', 'working-group', 'partner', 'citizen', 'facilitator'] as const;
/** One of {@link participantRoles}. */
export type ParticipantRole = (typeof participantRoles)[number];

/** The village leaders the process suggests per village (DESIGN.md section 2, step 1). */
export const suggestedLeadersPerVillage = 5;

/**
 * The tambon analysis boards: SWOT (จุดแข็ง / จุดอ่อน / โอกาส / ข้อจำกัด — the fourth quadrant is
 * limits, not threats), อัตลักษณ์, ตำแหน่งทางอาชีพ (occupational position), วิสัยทัศน์.
 */
export const analysisBoards = ['strength', 'weakness', 'opportunity', 'limit', 'identity', 'occupation', 'vision'] as const;
/** One of {@link analysisBoards}. */
export type AnalysisBoard = (typeof analysisBoards)[number];

/**
 * The three source-of-budget columns of the Chainat project table: งบท้องถิ่น (แผนพัฒนาท้องถิ่น),
 * งบหน่วยงานภาครัฐ/เอกชน, งบพัฒนาจังหวัด. Every funder is mapped to one of them.
 */
export const fundingColumns = ['local', 'agency', 'province'] as const;
/** One of {@link fundingColumns}. */
export type FundingColumn = (typeof fundingColumns)[number];

/** Where a project stands: เสนอ → บรรจุในแผนพัฒนาท้องถิ่น → ได้รับงบประมาณ → ดำเนินการแล้ว. */
export const projectStatuses = ['proposed', 'in-plan', 'funded', 'done'] as const;
/** One of {@link projectStatuses}. */
export type ProjectStatus = (typeof projectStatuses)[number];

/** A judgement in three steps (feasibility; fit with the tambon's identity and vision). */
export const ratingLevels = ['high', 'medium', 'low'] as const;
/** One of {@link ratingLevels}. */
export type RatingLevel = (typeof ratingLevels)[number];

/** How the room's votes were counted. */
export const voteMethods = ['dots', 'hands'] as const;
/** One of {@link voteMethods}. */
export type VoteMethod = (typeof voteMethods)[number];

/** The fewest ranked projects an issue should have (DESIGN.md section 2, step 7). */
export const minRankedPerIssue = 10;
/** The most projects the tambon may flag for support by the provincial team. */
export const maxProvincialFlags = 2;

// ---------------------------------------------------------------- labels and limits

/** The labels of the forum's fields, for messages that name them. */
export const forumLabels = {
  village: { th: 'หมู่บ้าน', en: 'Village' },
  itemText: { th: 'รายการ', en: 'Item' },
  how: { th: 'วิธีดำเนินการ', en: 'How it would be done' },
  estimatedBudget: { th: 'งบประมาณโดยประมาณ', en: 'Estimated budget' },
  revisedOn: { th: 'วันที่ทบทวนแผน', en: 'Plan revised on' },
  heldOn: { th: 'วันที่จัดเวที', en: 'Forum date' },
  place: { th: 'สถานที่', en: 'Place' },
  agenda: { th: 'วาระการประชุม', en: 'Agenda' },
  facilitators: { th: 'วิทยากรกระบวนการ', en: 'Facilitators' },
  minutes: { th: 'บันทึกการประชุม', en: 'Minutes' },
  participantName: { th: 'ชื่อ–สกุล', en: 'Name' },
  organisation: { th: 'หน่วยงาน/องค์กร', en: 'Organisation' },
  analysisText: { th: 'ข้อความ', en: 'Text' },
  problem: { th: 'ปัญหา', en: 'Problem' },
  cause: { th: 'สาเหตุ', en: 'Cause' },
  solution: { th: 'แนวทางแก้ไข', en: 'Solution' },
  projectName: { th: 'ชื่อแผนงาน/โครงการ', en: 'Project name' },
  workPlan: { th: 'แผนงาน', en: 'Work plan' },
  objective: { th: 'วัตถุประสงค์', en: 'Objective' },
  target: { th: 'เป้าหมาย (ผลผลิตของโครงการ)', en: 'Target (outputs)' },
  duration: { th: 'ระยะเวลา', en: 'Duration' },
  kpi: { th: 'ตัวชี้วัด (KPI)', en: 'Indicator (KPI)' },
  expectedResult: { th: 'ผลที่คาดว่าจะได้รับ', en: 'Expected result' },
  agency: { th: 'หน่วยงานรับผิดชอบหลัก', en: 'Responsible agency' },
  yearBudget: { th: 'งบประมาณรายปี', en: 'Budget for the year' },
  fundingAmount: { th: 'จำนวนเงินจากแหล่งงบประมาณ', en: 'Amount from the source' },
  votes: { th: 'คะแนนเสียง', en: 'Votes' },
  decisionNote: { th: 'เหตุผลการตัดสิน', en: 'Reason for the decision' },
  planName: { th: 'ชื่อแผน', en: 'Plan name' },
  planRevision: { th: 'ฉบับ/การแก้ไขเพิ่มเติม', en: 'Revision' },
  firstYear: { th: 'ปีแรกของแผน (พ.ศ.)', en: 'First plan year (BE)' },
  yearCount: { th: 'จำนวนปีของแผน', en: 'Plan span (years)' },
  funderName: { th: 'ชื่อแหล่งงบประมาณ', en: 'Funder name' },
  officeName: { th: 'ชื่อหน่วยงาน', en: 'Office name' },
  evidenceLabel: { th: 'ชื่อหลักฐาน', en: 'Evidence label' },
} satisfies Record<string, Label>;

/** Limits of the forum's texts, in characters. */
export const forumLimits = {
  itemText: 1000,
  line: 1000,
  listItems: 30,
  problem: 2000,
  shortText: 300,
  longText: 4000,
  minutes: 20000,
  participantName: 200,
} as const;

/** The largest amount of money a field takes (ten billion baht: far above any tambon project; a slip beyond is refused). */
export const maxBaht = 10_000_000_000;
/** The most votes a project may get (a slip like 10,000,000 is refused). */
export const maxVotes = 100_000;

/** A sum of money in whole baht. */
export function bahtField(label: Label) {
  return wholeNumberField(label, { max: maxBaht });
}

/** An id of a row (UUIDv7) as a call carries it. */
export const rowIdSchema = z.string().min(1).max(100);

/**
 * A list a person types one item per line (causes, solutions): each item is free text without
 * line breaks; blank items are dropped.
 */
export function listField(label: Label) {
  return z
    .array(textField(label, { max: forumLimits.line, min: 0 }), { error: bilingual(`${label.th}ต้องเป็นรายการ`, `${label.en} must be a list`) })
    .max(forumLimits.listItems, {
      error: bilingual(`${label.th}ใส่ได้ไม่เกิน ${forumLimits.listItems} ข้อ`, `${label.en}: at most ${forumLimits.listItems} items`),
    })
    .transform((items) => items.filter((item) => item !== ''));
}

/** A list of row ids (source villages, linked problems), without repeats. */
export const idListSchema = z
  .array(rowIdSchema)
  .max(200)
  .transform((ids) => [...new Set(ids)]);

// ---------------------------------------------------------------- list cells

/** A numbering or bullet a person or the export put before an item of a list in one cell. */
const itemMarker = /^\s*(?:\d+[.)]|[-•*–])\s+/;

/**
 * Items typed or read one per line in one cell ("1) น้ำท่วม\n2) ถนนเสีย"): lines trimmed, the
 * numbering or bullet before each removed, blank lines dropped. The Excel import reads cells the
 * same way.
 */
export function splitListCell(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(itemMarker, '').trim())
    .filter((line) => line !== '');
}

/** Items as one cell of a workbook or a print view: numbered lines when there is more than one. */
export function joinListCell(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return items.map((item, i) => `${i + 1}) ${item}`).join('\n');
}

// ---------------------------------------------------------------- Buddhist-Era dates typed by a person

/**
 * A date typed in the Buddhist Era as offices write it: `15/3/2569`, `15-03-2569` or with Thai
 * digits; answers the ISO date (`2026-03-15`) or null when it is not a real date.
 */
export function parseDateBE(text: string): string | null {
  const digits = text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - '๐'.charCodeAt(0))).trim();
  const match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(digits);
  if (!match) return null;
  const [day, month, yearBE] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const year = yearBE - 543;
  if (yearBE < 2400 || yearBE > 2700 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An ISO date (`2026-03-15`) as a person types it back: `15/3/2569`. */
export function formatDateInputBE(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return '';
  return `${d}/${m}/${y + 543}`;
}

/** An ISO date (YYYY-MM-DD) a call carries. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: bilingual('วันที่ไม่ถูกต้อง', 'The date is not valid') })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: bilingual('วันที่ไม่ถูกต้อง', 'The date is not valid') });

// ---------------------------------------------------------------- edits of ordered rows

/**
 * A change to one row, made from an editor that loaded it at `rev`. When the row has moved on
 * (another window saved it), the change still applies if every field it touches still holds the
 * value in `base` (what this editor started from); otherwise it is refused as a conflict, so a
 * second window never overwrites another's words silently.
 */
export function patchInput<P extends z.ZodObject>(patch: P) {
  return z
    .object({
      id: rowIdSchema,
      rev: z.number().int().min(1),
      patch,
      /** The values of the patched fields as this editor last saw them (see above). */
      base: z.record(z.string(), z.unknown()).optional(),
    })
    .strict();
}

/** Where a new row goes: after the row `after`, or at the end. */
export const placeInput = z.object({ after: rowIdSchema.nullable().optional() }).strict();

/** Moves a row one place up or down among its siblings. */
export const moveInput = z.object({ id: rowIdSchema, direction: z.enum(['up', 'down']) }).strict();

/** The identity every row shows: id, `rev` (for conflict checks) and when it last changed. */
const rowMeta = { id: z.string(), rev: z.number(), updatedAt: z.string() };

// ---------------------------------------------------------------- settings: plan span, funders, offices

/** The plan the projects are proposed into: its name, revision and year span. */
export const planSettingsSchema = z.object({
  planName: z.string(),
  planRevision: z.string().nullable(),
  /** The first plan year, พ.ศ. */
  firstYear: z.number(),
  /** How many years: 3 for a community plan, 5 for a local development plan. */
  yearCount: z.number(),
  voteMethod: z.enum(voteMethods),
});
/** The plan the projects are proposed into. */
export type PlanSettings = z.infer<typeof planSettingsSchema>;

/** What a person sets of the plan. */
export const planSettingsInput = z
  .object({
    planName: textField(forumLabels.planName, { max: forumLimits.shortText }),
    planRevision: optionalTextField(forumLabels.planRevision, { max: forumLimits.shortText }),
    firstYear: wholeNumberField(forumLabels.firstYear, { min: 2500, max: 2700 }),
    yearCount: wholeNumberField(forumLabels.yearCount, { min: 1, max: 10 }),
    voteMethod: z.enum(voteMethods),
  })
  .strict();

/** The plan years, พ.ศ., of a span: 2566, 2567, … */
export function planYears(settings: Pick<PlanSettings, 'firstYear' | 'yearCount'>): number[] {
  return Array.from({ length: settings.yearCount }, (_, i) => settings.firstYear + i);
}

/** A funder (อบจ., พอช., สสส., a department…), mapped to one of the three source columns. */
export const funderSchema = z.object({ ...rowMeta, name: z.string(), column: z.enum(fundingColumns), sortKey: z.number() });
/** A funder. */
export type Funder = z.infer<typeof funderSchema>;

/** What a person types for a funder. */
export const funderValues = z.object({ name: textField(forumLabels.funderName, { max: 200 }), column: z.enum(fundingColumns) });

/**
 * The funders a tambon usually deals with, offered as a starting list (each can be renamed,
 * remapped or removed): its own office goes to the local column.
 */
export const commonFunders: readonly { name: string; column: FundingColumn }[] = [
  { name: 'องค์การบริหารส่วนจังหวัด (อบจ.)', column: 'agency' },
  { name: 'สถาบันพัฒนาองค์กรชุมชน (พอช.)', column: 'agency' },
  { name: 'สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ (สสส.)', column: 'agency' },
  { name: 'สำนักงานหลักประกันสุขภาพแห่งชาติ (สปสช.)', column: 'agency' },
  { name: 'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร (ธ.ก.ส.)', column: 'agency' },
  { name: 'ภาคเอกชน', column: 'agency' },
  { name: 'จังหวัด (งบพัฒนาจังหวัด)', column: 'province' },
  { name: 'กลุ่มจังหวัด', column: 'province' },
];

/** A local office of the tambon (อบต. / เทศบาลตำบล); the host runs the workspace. */
export const officeSchema = z.object({ ...rowMeta, type: z.enum(['sao', 'tambon-municipality']), name: z.string(), isHost: z.boolean() });
/** A local office of the tambon. */
export type Office = z.infer<typeof officeSchema>;

/** What a person types for the second office of a tambon. */
export const officeValues = z.object({
  type: z.enum(['sao', 'tambon-municipality']),
  name: textField(forumLabels.officeName, { max: forumLimits.shortText }),
});

/** The budget act a project is proposed into, by office type: ข้อบัญญัติ (อบต.) or เทศบัญญัติ (เทศบาล). */
export function budgetActLabel(type: OfficeType): { th: string; en: string } {
  return type === 'sao'
    ? { th: 'ข้อบัญญัติงบประมาณรายจ่ายประจำปี', en: 'SAO annual budget ordinance (ข้อบัญญัติ)' }
    : { th: 'เทศบัญญัติงบประมาณรายจ่ายประจำปี', en: 'municipal annual budget ordinance (เทศบัญญัติ)' };
}

// ---------------------------------------------------------------- village plans

/** A village's community plan this cycle: whether and when it was revised. */
export const villagePlanSchema = z.object({ villageId: z.string(), revised: z.boolean(), revisedOn: z.string().nullable(), rev: z.number().nullable() });
/** A village's plan status. */
export type VillagePlan = z.infer<typeof villagePlanSchema>;

/** What a person sets of a village's plan. */
export const villagePlanInput = z.object({ villageId: rowIdSchema, revised: z.boolean(), revisedOn: isoDateSchema.nullable() }).strict();

/** The fields of a village item a person types. */
export const villageItemValues = z.object({
  text: textField(forumLabels.itemText, { max: forumLimits.itemText, multiline: true }),
  how: z.enum(howModes).nullable(),
  estimatedBudget: bahtField(forumLabels.estimatedBudget).nullable(),
});

/** A village plan item: a ranked problem or need, or a project idea. Its order within the village and kind is the village's priority. */
export const villageItemSchema = z.object({
  ...rowMeta,
  villageId: z.string(),
  kind: z.enum(villageItemKinds),
  text: z.string(),
  how: z.enum(howModes).nullable(),
  estimatedBudget: z.number().nullable(),
  /** The strategic issue it is classified under; null while unclassified. */
  issueId: z.string().nullable(),
  sortKey: z.number(),
});
/** A village plan item. */
export type VillageItem = z.infer<typeof villageItemSchema>;

// ---------------------------------------------------------------- the forum record and participants

/** The forum (เวทีประชาคมตำบล) of this plan cycle. */
export const forumRecordSchema = z.object({
  heldOn: z.string().nullable(),
  place: z.string().nullable(),
  agenda: z.string().nullable(),
  /** Names of people: kept in a local table, never in a package. */
  facilitators: z.string().nullable(),
  minutes: z.string().nullable(),
  rev: z.number().nullable(),
});
/** The forum record. */
export type ForumRecord = z.infer<typeof forumRecordSchema>;

/** What a person types of the forum record. */
export const forumRecordInput = z
  .object({
    heldOn: isoDateSchema.nullable(),
    place: optionalTextField(forumLabels.place, { max: forumLimits.shortText }),
    agenda: optionalTextField(forumLabels.agenda, { max: forumLimits.longText, multiline: true }),
    facilitators: optionalTextField(forumLabels.facilitators, { max: 1000, multiline: true }),
    minutes: optionalTextField(forumLabels.minutes, { max: forumLimits.minutes, multiline: true }),
  })
  .strict();

/** The fields of a participant a person types. Names stay in the workspace (a local table). */
export const participantValues = z.object({
  /** Empty while the row is being typed (a row added with Enter). */
  name: textField(forumLabels.participantName, { max: forumLimits.participantName, min: 0 }),
  villageId: rowIdSchema.nullable(),
  role: z.enum(participantRoles),
  organisation: optionalTextField(forumLabels.organisation, { max: forumLimits.participantName }),
  /** The group (one per strategic issue) the participant joins; null while not assigned. */
  groupIssueId: rowIdSchema.nullable(),
  attended: z.boolean(),
});

/** A participant of the forum. */
export const participantSchema = z.object({
  ...rowMeta,
  name: z.string(),
  villageId: z.string().nullable(),
  role: z.enum(participantRoles),
  organisation: z.string().nullable(),
  groupIssueId: z.string().nullable(),
  attended: z.boolean(),
  sortKey: z.number(),
});
/** A participant. */
export type Participant = z.infer<typeof participantSchema>;

/** Attendance as counts (what travels instead of names). */
export interface AttendanceCounts {
  registered: number;
  attended: number;
  byVillage: Record<string, number>;
  byRole: Record<ParticipantRole, number>;
}

/** Counts attendance: everyone registered, those who came, and those who came by village and by role. */
export function attendanceCounts(participants: readonly Pick<Participant, 'villageId' | 'role' | 'attended'>[]): AttendanceCounts {
  const byRole = Object.fromEntries(participantRoles.map((r) => [r, 0])) as Record<ParticipantRole, number>;
  const byVillage: Record<string, number> = {};
  let attended = 0;
  for (const p of participants) {
    if (!p.attended) continue;
    attended += 1;
    byRole[p.role] += 1;
    if (p.villageId) byVillage[p.villageId] = (byVillage[p.villageId] ?? 0) + 1;
  }
  return { registered: participants.length, attended, byVillage, byRole };
}

/** Villages with more leaders registered than the process suggests ({@link suggestedLeadersPerVillage}). */
export function villagesOverLeaderSuggestion(participants: readonly Pick<Participant, 'villageId' | 'role'>[]): string[] {
  const counts = new Map<string, number>();
  for (const p of participants) if (p.role === 'leader' && p.villageId) counts.set(p.villageId, (counts.get(p.villageId) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > suggestedLeadersPerVillage).map(([id]) => id);
}

// ---------------------------------------------------------------- tambon analysis

/** The fields of an analysis item a person types. */
export const analysisValues = z.object({ text: textField(forumLabels.analysisText, { max: forumLimits.itemText, multiline: true }) });

/** One item of an analysis board. */
export const analysisItemSchema = z.object({ ...rowMeta, board: z.enum(analysisBoards), text: z.string(), sortKey: z.number() });
/** One item of an analysis board. */
export type AnalysisItem = z.infer<typeof analysisItemSchema>;

// ---------------------------------------------------------------- problem–cause–solution tables

/** The fields of a problem–cause–solution row a person types. */
export const pcsValues = z.object({
  problem: textField(forumLabels.problem, { max: forumLimits.problem, multiline: true, min: 0 }),
  causes: listField(forumLabels.cause),
  solutions: listField(forumLabels.solution),
  sourceVillageIds: idListSchema,
});

/** An evidence item attached to a problem row (the data dashboards' items; see the forum's evidence seam). */
export const evidenceLinkSchema = z.object({ id: z.string(), evidenceKey: z.string(), label: z.string() });
/** An evidence item attached to a problem row. */
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

/** One row of a problem–cause–solution table (ลำดับที่ | ปัญหา | สาเหตุ | แนวทางแก้ไข). */
export const pcsRowSchema = z.object({
  ...rowMeta,
  issueId: z.string(),
  problem: z.string(),
  causes: z.array(z.string()),
  solutions: z.array(z.string()),
  sourceVillageIds: z.array(z.string()),
  evidence: z.array(evidenceLinkSchema),
  sortKey: z.number(),
});
/** One row of a problem–cause–solution table. */
export type PcsRow = z.infer<typeof pcsRowSchema>;

// ---------------------------------------------------------------- projects

/** An amount from one source: a funder of the list (its column follows the funder), or a column alone. */
export const fundingLineSchema = z.object({
  funderId: rowIdSchema.nullable(),
  column: z.enum(fundingColumns),
  amount: z.number(),
});
/** An amount from one source. */
export type FundingLine = z.infer<typeof fundingLineSchema>;

/** The fields of a project a person types. */
export const projectValues = z.object({
  /** Empty while the row is being typed; the readiness check points out a project without a name. */
  name: textField(forumLabels.projectName, { max: forumLimits.shortText * 2, min: 0 }),
  workPlan: optionalTextField(forumLabels.workPlan, { max: forumLimits.shortText }),
  objective: optionalTextField(forumLabels.objective, { max: forumLimits.longText, multiline: true }),
  target: optionalTextField(forumLabels.target, { max: forumLimits.longText, multiline: true }),
  /** งบประมาณ per plan year: พ.ศ. → baht. */
  yearBudgets: z
    .record(z.string().regex(/^\d{4}$/), bahtField(forumLabels.yearBudget))
    .refine((r) => Object.keys(r).length <= 20, { error: bilingual('ปีงบประมาณมากเกินไป', 'Too many budget years') }),
  duration: optionalTextField(forumLabels.duration, { max: forumLimits.shortText }),
  villageIds: idListSchema,
  funding: z
    .array(z.object({ funderId: rowIdSchema.nullable(), column: z.enum(fundingColumns), amount: bahtField(forumLabels.fundingAmount) }))
    .max(20),
  kpi: optionalTextField(forumLabels.kpi, { max: forumLimits.longText, multiline: true }),
  expectedResult: optionalTextField(forumLabels.expectedResult, { max: forumLimits.longText, multiline: true }),
  agency: optionalTextField(forumLabels.agency, { max: forumLimits.shortText }),
  /** The local office whose plan takes it; null: the host office. */
  officeId: rowIdSchema.nullable(),
  pcsRowIds: idListSchema,
  feasibility: z.enum(ratingLevels).nullable(),
  fit: z.enum(ratingLevels).nullable(),
  status: z.enum(projectStatuses),
  /** Proposed into next year's budget act (ข้อบัญญัติ / เทศบัญญัติ). */
  forBudgetAct: z.boolean(),
  /** Flagged for support by the provincial team (at most {@link maxProvincialFlags} in the tambon). */
  provincialFlag: z.boolean(),
  /** Counted votes (dots or hands); null while not voted on. */
  votes: wholeNumberField(forumLabels.votes, { max: maxVotes }).nullable(),
});
/** The fields of a project. */
export type ProjectValues = z.output<typeof projectValues>;

/** A project of an issue. */
export const projectSchema = z.object({
  ...rowMeta,
  issueId: z.string(),
  name: z.string(),
  workPlan: z.string().nullable(),
  objective: z.string().nullable(),
  target: z.string().nullable(),
  yearBudgets: z.record(z.string(), z.number()),
  duration: z.string().nullable(),
  villageIds: z.array(z.string()),
  funding: z.array(fundingLineSchema),
  kpi: z.string().nullable(),
  expectedResult: z.string().nullable(),
  agency: z.string().nullable(),
  officeId: z.string().nullable(),
  pcsRowIds: z.array(z.string()),
  feasibility: z.enum(ratingLevels).nullable(),
  fit: z.enum(ratingLevels).nullable(),
  status: z.enum(projectStatuses),
  forBudgetAct: z.boolean(),
  provincialFlag: z.boolean(),
  votes: z.number().nullable(),
  sortKey: z.number(),
});
/** A project of an issue. */
export type Project = z.infer<typeof projectSchema>;

/** A new project's fields where a person has typed only some. */
export const emptyProjectValues: Omit<ProjectValues, 'name'> = {
  workPlan: null,
  objective: null,
  target: null,
  yearBudgets: {},
  duration: null,
  villageIds: [],
  funding: [],
  kpi: null,
  expectedResult: null,
  agency: null,
  officeId: null,
  pcsRowIds: [],
  feasibility: null,
  fit: null,
  status: 'proposed',
  forBudgetAct: false,
  provincialFlag: false,
  votes: null,
};

/** A project's funding lines with each line's column as its funder says (a funder's column may have been changed since). */
export function effectiveFunding(project: Pick<Project, 'funding'>, funders: readonly Pick<Funder, 'id' | 'column'>[]): FundingLine[] {
  const columnOf = new Map(funders.map((f) => [f.id, f.column]));
  return project.funding.map((line) => ({ ...line, column: (line.funderId && columnOf.get(line.funderId)) || line.column }));
}

/** A project's amounts per source column. */
export function fundingByColumn(project: Pick<Project, 'funding'>, funders: readonly Pick<Funder, 'id' | 'column'>[]): Record<FundingColumn, number> {
  const totals: Record<FundingColumn, number> = { local: 0, agency: 0, province: 0 };
  for (const line of effectiveFunding(project, funders)) totals[line.column] += line.amount;
  return totals;
}

/** The budget of a project within the plan's years (พ.ศ. → baht; years without an amount are absent). */
export function budgetInYears(project: Pick<Project, 'yearBudgets'>, years: readonly number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const year of years) {
    const amount = project.yearBudgets[String(year)];
    if (amount !== undefined) out[year] = amount;
  }
  return out;
}

/**
 * A project's total budget: the sum of its plan-year amounts within `years`; where it has none,
 * the sum of its funding lines (a project the forum costed by source only).
 */
export function projectTotal(project: Pick<Project, 'yearBudgets' | 'funding'>, years: readonly number[]): number {
  const byYear = Object.values(budgetInYears(project, years));
  if (byYear.length > 0) return byYear.reduce((a, b) => a + b, 0);
  return project.funding.reduce((a, line) => a + line.amount, 0);
}

/** Plan-year amounts that lie outside the plan's span (after the span changed): worth a look before export. */
export function yearsOutsideSpan(project: Pick<Project, 'yearBudgets'>, years: readonly number[]): number[] {
  return Object.keys(project.yearBudgets)
    .map(Number)
    .filter((y) => !years.includes(y))
    .sort((a, b) => a - b);
}

/**
 * Whether a project belongs in the local development plan (form ผ.02) of `officeId`: it names that
 * office (or none, meaning the host), and it takes money from the local column or has no source
 * recorded yet. Projects funded only by agencies or the province are coordinated, not planned,
 * by the office; they are in the integrated project table.
 */
export function inLocalPlan(
  project: Pick<Project, 'officeId' | 'funding'>,
  office: { id: string; isHost: boolean },
  funders: readonly Pick<Funder, 'id' | 'column'>[],
): boolean {
  const ofOffice = project.officeId === office.id || (project.officeId === null && office.isHost);
  if (!ofOffice) return false;
  return project.funding.length === 0 || fundingByColumn(project, funders).local > 0;
}

// ---------------------------------------------------------------- decisions

/** A decision recorded at the forum, tied to rows: the order of tied projects, or a minute. */
export const decisionSchema = z.object({
  ...rowMeta,
  issueId: z.string(),
  kind: z.enum(['tie-break', 'note']),
  /** The rows it is about; for a tie-break, the projects in the order decided. */
  rowIds: z.array(z.string()),
  note: z.string(),
});
/** A decision recorded at the forum. */
export type Decision = z.infer<typeof decisionSchema>;

/** What a facilitator records to break a tie: the projects in the order decided and why. */
export const tieBreakInput = z
  .object({
    issueId: rowIdSchema,
    order: z.array(rowIdSchema).min(2).max(200),
    note: textField(forumLabels.decisionNote, { max: forumLimits.longText, multiline: true }),
  })
  .strict();
