/**
 * What can be imported, and the fields of each kind's rows:
 *   - `bmn` — จปฐ. (household Basic Minimum Needs survey) results, one row per household;
 *   - `tpmap` — TPMAP-style village aggregates (`indicatorN.ALL` / `indicatorN.CNT`);
 *   - `nrd2c` — village tables with user-defined columns: กชช.2ค (village basic data, with the
 *     village grade), the leaders' survey of problems and needs, any key-issue table;
 *   - `accounts` — household income–expense ledgers (บัญชีครัวเรือน);
 *   - `pcs`, `projects`, `village-plans` — the forum's own workbooks read back (the
 *     problem–cause–solution table, the integrated project table, the village-plan template), as
 *     the forum exports them or as groups type them in Excel first.
 * A column of a file is mapped to one {@link FieldKey}; `ignore` leaves it out and `personal`
 * marks names and citizen ids, which are never read.
 */
import { z } from 'zod';

/** The import kinds, as the command line names them. */
export const importKinds = ['bmn', 'tpmap', 'nrd2c', 'accounts', 'pcs', 'projects', 'village-plans', 'assessment', 'leaders', 'learning-centres', 'welfare-funds', 'organisations'] as const;
/** One of {@link importKinds}. */
export type ImportKind = (typeof importKinds)[number];

/** What each kind is called where a person reads it. */
export const importKindLabels: Record<ImportKind, { th: string; en: string }> = {
  bmn: { th: 'ผลสำรวจ จปฐ. รายครัวเรือน', en: 'BMN (จปฐ.) household results' },
  tpmap: { th: 'ข้อมูลรวมรายหมู่บ้านแบบ TPMAP', en: 'TPMAP-style village aggregates' },
  nrd2c: { th: 'ตารางข้อมูลรายหมู่บ้าน (กชช.2ค และอื่น ๆ)', en: 'Village tables (NRD2C and others)' },
  accounts: { th: 'บัญชีครัวเรือน (รายรับ–รายจ่าย)', en: 'Household accounts (income–expense)' },
  pcs: { th: 'ตารางปัญหา สาเหตุ แนวทางแก้ไข', en: 'Problem–cause–solution tables' },
  projects: { th: 'บัญชีโครงการตามประเด็นยุทธศาสตร์', en: 'Project tables by strategic issue' },
  'village-plans': { th: 'แผนชุมชนหมู่บ้าน (แบบฟอร์ม)', en: 'Village plans (the template)' },
  assessment: { th: 'คะแนนประเมินศักยภาพชุมชน', en: 'Community self-assessment scores' },
  leaders: { th: 'ทะเบียนคณะผู้นำหมู่บ้าน', en: 'Village leaders' },
  'learning-centres': { th: 'ทะเบียนศูนย์เรียนรู้', en: 'Learning centres' },
  'welfare-funds': { th: 'ทะเบียนกองทุนสวัสดิการชุมชน', en: 'Community welfare funds' },
  organisations: { th: 'ทะเบียนองค์กรชุมชนและกลุ่มออมทรัพย์', en: 'Community organisations and savings groups' },
};

/** The kinds that are registers of people and organisations, written through the registers' own services. */
export const registerImportKinds = ['leaders', 'learning-centres', 'welfare-funds', 'organisations'] as const;
/** One of {@link registerImportKinds}. */
export type RegisterImportKind = (typeof registerImportKinds)[number];
/** Whether `kind` is one of the registers. */
export function isRegisterKind(kind: ImportKind): kind is RegisterImportKind {
  return (registerImportKinds as readonly string[]).includes(kind);
}

/** The kinds of welfare-fund benefit a workbook has a column for (shared/domain/registers.ts `benefitTypes`). */
export const benefitFields = ['benefit.birth', 'benefit.sickness', 'benefit.death', 'benefit.elderly', 'benefit.education', 'benefit.disaster', 'benefit.other'] as const;

/** The kinds that are the forum's own workbooks: read per strategic issue or per village, written through the forum's tables. */
export const forumImportKinds = ['pcs', 'projects', 'village-plans'] as const;
/** One of {@link forumImportKinds}. */
export type ForumImportKind = (typeof forumImportKinds)[number];
/** Whether `kind` is one of the forum's workbooks. */
export function isForumKind(kind: ImportKind): kind is ForumImportKind {
  return (forumImportKinds as readonly string[]).includes(kind);
}

/** The kinds of village table an `nrd2c` import holds. */
export const villageTableKinds = ['nrd2c', 'leaders', 'other'] as const;
/** One of {@link villageTableKinds}. */
export type VillageTableKind = (typeof villageTableKinds)[number];

/** The four income parts of the จปฐ. income indicator (item 22), in the set's order. */
export const incomeParts = ['main', 'secondary', 'other', 'ownProduce'] as const;
/** One of {@link incomeParts}. */
export type IncomePart = (typeof incomeParts)[number];

/** Fields without a number: every kind's own. */
export const plainFields = [
  'ignore',
  'personal',
  'villageCode',
  'moo',
  'houseNo',
  'householdId',
  'members',
  'year',
  'income.main',
  'income.secondary',
  'income.other',
  'income.ownProduce',
  'households',
  'grade',
  'custom',
  'date',
  'direction',
  'category',
  'description',
  'amount',
  'amount.income',
  'amount.expense',
  'order',
  'issue',
  'problem',
  'causes',
  'solutions',
  'villages',
  'projectName',
  'budget',
  'target',
  'duration',
  'funding.local',
  'funding.agency',
  'funding.province',
  'itemKind',
  'itemText',
  'how',
  'estimatedBudget',
  'personName',
  'leaderRole',
  'phone',
  'training',
  'successor',
  'orgName',
  'activities',
  'peopleServed',
  'tier',
  'startYear',
  'monthlyContribution',
  'contributions',
  'orgKind',
  'capital',
  ...benefitFields,
] as const;
/** A field without a number. */
export type PlainField = (typeof plainFields)[number];

/**
 * What a column holds: a plain field, a จปฐ. indicator's answers (`indicator:7`), a TPMAP
 * count of an indicator (`all:7` in scope, `cnt:7` failing), a project's budget of one plan
 * year (`budget:2568`, พ.ศ.), or the scores of an assessment criterion (`criterion:1.2`).
 */
export type FieldKey = PlainField | `indicator:${number}` | `all:${number}` | `cnt:${number}` | `budget:${number}` | `criterion:${string}`;

/** The criterion number of a `criterion:N.N` field, else null. */
export function fieldCriterion(field: FieldKey): string | null {
  const m = /^criterion:(\d{1,3}(?:\.\d{1,3}){0,3})$/.exec(field);
  return m ? m[1]! : null;
}

/** The plan year (พ.ศ.) of a `budget:YYYY` field, else null. */
export function fieldBudgetYear(field: FieldKey): number | null {
  const m = /^budget:(25\d\d)$/.exec(field);
  return m ? Number(m[1]) : null;
}

/** A field key, checked. */
export const fieldKeySchema = z.custom<FieldKey>(
  (value) =>
    typeof value === 'string' &&
    ((plainFields as readonly string[]).includes(value) ||
      /^(indicator|all|cnt):([1-9]\d{0,2})$/.test(value) ||
      /^budget:25\d\d$/.test(value) ||
      /^criterion:\d{1,3}(\.\d{1,3}){0,3}$/.test(value)),
  { error: 'ไม่รู้จักช่องข้อมูลนี้ / unknown field' },
);

/** The indicator number of an `indicator:N`, `all:N` or `cnt:N` field, else null. */
export function fieldIndicator(field: FieldKey): { part: 'indicator' | 'all' | 'cnt'; no: number } | null {
  const m = /^(indicator|all|cnt):(\d+)$/.exec(field);
  return m ? { part: m[1] as 'indicator' | 'all' | 'cnt', no: Number(m[2]) } : null;
}

/** The plain fields each kind's columns may be mapped to (besides its numbered fields). */
export const kindFields: Record<ImportKind, readonly PlainField[]> = {
  bmn: ['ignore', 'personal', 'villageCode', 'moo', 'houseNo', 'householdId', 'members', 'year', 'income.main', 'income.secondary', 'income.other', 'income.ownProduce'],
  tpmap: ['ignore', 'personal', 'villageCode', 'moo', 'households', 'year'],
  nrd2c: ['ignore', 'personal', 'villageCode', 'moo', 'grade', 'year', 'custom'],
  accounts: ['ignore', 'personal', 'villageCode', 'moo', 'householdId', 'houseNo', 'date', 'direction', 'category', 'description', 'amount', 'amount.income', 'amount.expense'],
  pcs: ['ignore', 'personal', 'order', 'issue', 'problem', 'causes', 'solutions', 'villages'],
  projects: ['ignore', 'personal', 'order', 'issue', 'projectName', 'budget', 'target', 'duration', 'villages', 'funding.local', 'funding.agency', 'funding.province'],
  'village-plans': ['ignore', 'personal', 'order', 'villageCode', 'moo', 'itemKind', 'itemText', 'how', 'estimatedBudget'],
  assessment: ['ignore', 'personal', 'moo'],
  leaders: ['ignore', 'personal', 'order', 'villageCode', 'moo', 'personName', 'leaderRole', 'phone', 'training', 'successor'],
  'learning-centres': ['ignore', 'personal', 'order', 'villageCode', 'moo', 'orgName', 'activities', 'peopleServed'],
  'welfare-funds': ['ignore', 'personal', 'order', 'villageCode', 'moo', 'orgName', 'tier', 'startYear', 'year', 'members', 'monthlyContribution', 'contributions', ...benefitFields],
  organisations: ['ignore', 'personal', 'order', 'villageCode', 'moo', 'orgName', 'orgKind', 'members', 'capital'],
};

/** Whether `field` belongs to `kind`. */
export function fieldAllowed(kind: ImportKind, field: FieldKey): boolean {
  const numbered = fieldIndicator(field);
  if (numbered) return (kind === 'bmn' && numbered.part === 'indicator') || (kind === 'tpmap' && numbered.part !== 'indicator');
  if (fieldBudgetYear(field) !== null) return kind === 'projects';
  if (fieldCriterion(field) !== null) return kind === 'assessment';
  return kindFields[kind].includes(field as PlainField);
}

/** Labels of the fields, for the wizard and for messages that name a column's field. */
export const fieldLabels: Record<PlainField, { th: string; en: string }> = {
  ignore: { th: 'ไม่นำเข้า', en: 'Not imported' },
  personal: { th: 'ข้อมูลส่วนบุคคล (ไม่นำเข้า)', en: 'Personal data (never imported)' },
  villageCode: { th: 'รหัสหมู่บ้าน', en: 'Village code' },
  moo: { th: 'หมู่ที่', en: 'Village no.' },
  houseNo: { th: 'บ้านเลขที่', en: 'House number' },
  householdId: { th: 'รหัสบ้าน', en: 'House code' },
  members: { th: 'จำนวนสมาชิก', en: 'Members' },
  year: { th: 'ปีที่สำรวจ', en: 'Survey year' },
  'income.main': { th: 'รายได้จากอาชีพหลัก', en: 'Income: main occupation' },
  'income.secondary': { th: 'รายได้จากอาชีพรอง/เสริม', en: 'Income: secondary occupation' },
  'income.other': { th: 'รายได้อื่น', en: 'Income: other' },
  'income.ownProduce': { th: 'มูลค่าผลผลิตที่ทำกินเอง', en: 'Income: value of own produce' },
  households: { th: 'จำนวนครัวเรือน', en: 'Households' },
  grade: { th: 'ระดับหมู่บ้าน (กชช.2ค)', en: 'Village grade (NRD2C)' },
  custom: { th: 'ข้อมูลของตาราง', en: 'Table column' },
  date: { th: 'วันที่', en: 'Date' },
  direction: { th: 'ประเภท (รับ/จ่าย)', en: 'Income or expense' },
  category: { th: 'หมวดรายการ', en: 'Category' },
  description: { th: 'รายการ', en: 'Description' },
  amount: { th: 'จำนวนเงิน', en: 'Amount' },
  'amount.income': { th: 'รายรับ (บาท)', en: 'Income (baht)' },
  'amount.expense': { th: 'รายจ่าย (บาท)', en: 'Expense (baht)' },
  order: { th: 'ลำดับที่', en: 'Order no.' },
  issue: { th: 'ประเด็นยุทธศาสตร์', en: 'Strategic issue' },
  problem: { th: 'ปัญหา', en: 'Problem' },
  causes: { th: 'สาเหตุ (บรรทัดละหนึ่งข้อ)', en: 'Causes (one per line)' },
  solutions: { th: 'แนวทางแก้ไข (บรรทัดละหนึ่งข้อ)', en: 'Solutions (one per line)' },
  villages: { th: 'หมู่บ้าน (บรรทัดละหนึ่งหมู่บ้าน)', en: 'Villages (one per line)' },
  projectName: { th: 'แผนงาน/โครงการ', en: 'Project' },
  budget: { th: 'งบประมาณรวม (บาท)', en: 'Total budget (baht)' },
  target: { th: 'เป้าหมาย', en: 'Target' },
  duration: { th: 'ระยะเวลา', en: 'Duration' },
  'funding.local': { th: 'งบท้องถิ่น (แผนพัฒนาท้องถิ่น)', en: 'Local budget (local plan)' },
  'funding.agency': { th: 'งบหน่วยงานภาครัฐ/เอกชน', en: 'Agencies (public/private)' },
  'funding.province': { th: 'งบพัฒนาจังหวัด', en: 'Provincial development budget' },
  itemKind: { th: 'ประเภท (ปัญหา/ความต้องการ หรือ แนวคิดโครงการ)', en: 'Kind (problem/need or project idea)' },
  itemText: { th: 'รายการ', en: 'Item' },
  how: { th: 'วิธีดำเนินการ', en: 'How it would be done' },
  estimatedBudget: { th: 'งบประมาณโดยประมาณ (บาท)', en: 'Estimated budget (baht)' },
  personName: { th: 'ชื่อ-สกุล (เก็บในเครื่องเท่านั้น)', en: 'Name (kept in this workspace only)' },
  leaderRole: { th: 'บทบาท', en: 'Role' },
  phone: { th: 'โทรศัพท์ (เก็บในเครื่องเท่านั้น)', en: 'Phone (kept in this workspace only)' },
  training: { th: 'การอบรม', en: 'Training' },
  successor: { th: 'ผู้สืบทอด (เก็บในเครื่องเท่านั้น)', en: 'Successor (kept in this workspace only)' },
  orgName: { th: 'ชื่อศูนย์/กองทุน/องค์กร', en: 'Name of the centre, fund or organisation' },
  activities: { th: 'กิจกรรม/หลักสูตร', en: 'Activities' },
  peopleServed: { th: 'ผู้ใช้บริการต่อปี (คน)', en: 'People served a year' },
  tier: { th: 'ระดับกองทุน', en: "Fund's tier" },
  startYear: { th: 'ปีที่เริ่ม (พ.ศ.)', en: 'Start year (BE)' },
  monthlyContribution: { th: 'เงินสมทบต่อคนต่อเดือน (บาท)', en: 'Monthly contribution per member (baht)' },
  contributions: { th: 'เงินสมทบจากสมาชิกทั้งปี (บาท)', en: "Members' contributions in the year (baht)" },
  orgKind: { th: 'ประเภทองค์กร', en: 'Kind of organisation' },
  capital: { th: 'ทุน (บาท)', en: 'Capital (baht)' },
  'benefit.birth': { th: 'สวัสดิการ: การเกิด (บาท)', en: 'Benefits: birth (baht)' },
  'benefit.sickness': { th: 'สวัสดิการ: เจ็บป่วย (บาท)', en: 'Benefits: sickness (baht)' },
  'benefit.death': { th: 'สวัสดิการ: เสียชีวิต (บาท)', en: 'Benefits: death (baht)' },
  'benefit.elderly': { th: 'สวัสดิการ: ผู้สูงอายุ (บาท)', en: 'Benefits: elderly (baht)' },
  'benefit.education': { th: 'สวัสดิการ: การศึกษา (บาท)', en: 'Benefits: education (baht)' },
  'benefit.disaster': { th: 'สวัสดิการ: ภัยพิบัติ (บาท)', en: 'Benefits: disaster (baht)' },
  'benefit.other': { th: 'สวัสดิการ: อื่น ๆ (บาท)', en: 'Benefits: other (baht)' },
};

/** The label of any field, numbered ones included. */
export function fieldLabel(field: FieldKey): { th: string; en: string } {
  const year = fieldBudgetYear(field);
  if (year !== null) return { th: `งบประมาณ พ.ศ. ${year} (บาท)`, en: `Budget ${year} BE (baht)` };
  const criterion = fieldCriterion(field);
  if (criterion !== null) return { th: `เกณฑ์ข้อ ${criterion}`, en: `Criterion ${criterion}` };
  const numbered = fieldIndicator(field);
  if (!numbered) return fieldLabels[field as PlainField];
  if (numbered.part === 'indicator') return { th: `ตัวชี้วัดที่ ${numbered.no}`, en: `Indicator ${numbered.no}` };
  if (numbered.part === 'all') return { th: `ตัวชี้วัดที่ ${numbered.no}: ในขอบเขต (ALL)`, en: `Indicator ${numbered.no}: in scope (ALL)` };
  return { th: `ตัวชี้วัดที่ ${numbered.no}: ไม่ผ่าน (CNT)`, en: `Indicator ${numbered.no}: failing (CNT)` };
}

/** One column of a mapping: its 1-based index, the field it holds and, for a table column, its name. */
export const columnMappingSchema = z
  .object({
    column: z.number().int().min(1).max(16_384),
    field: fieldKeySchema,
    /** The name a `custom` column gets in the village table (its header by default). */
    label: z.string().max(200).optional(),
  })
  .strict();
/** One column of a mapping. */
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** The household-account categories of จปฐ. item 22, plus savings and debts. */
export const accountCategories = [
  'income.main',
  'income.secondary',
  'income.other',
  'income.ownProduce',
  'expense.production',
  'expense.necessary',
  'expense.unnecessary',
  'expense.debtRepayment',
  'saving',
  'debt',
] as const;
/** One of {@link accountCategories}. */
export type AccountCategory = (typeof accountCategories)[number];

/** The labels of the account categories. */
export const accountCategoryLabels: Record<AccountCategory, { th: string; en: string }> = {
  'income.main': { th: 'รายได้จากอาชีพหลัก', en: 'Income: main occupation' },
  'income.secondary': { th: 'รายได้จากอาชีพรอง/เสริม', en: 'Income: secondary occupation' },
  'income.other': { th: 'รายได้อื่น (ลูกหลานส่ง เบี้ยยังชีพ ดอกเบี้ย ฯลฯ)', en: 'Other income (remittances, allowances, interest…)' },
  'income.ownProduce': { th: 'มูลค่าผลผลิตที่ทำกินเอง', en: 'Value of own produce' },
  'expense.production': { th: 'รายจ่ายเพื่อการผลิต (ต้นทุน)', en: 'Production costs' },
  'expense.necessary': { th: 'รายจ่ายที่จำเป็นในการครองชีพ', en: 'Necessary consumption' },
  'expense.unnecessary': { th: 'รายจ่ายไม่จำเป็น (เหล้า บุหรี่ หวย การพนัน)', en: 'Unnecessary spending (alcohol, tobacco, lottery, gambling)' },
  'expense.debtRepayment': { th: 'ชำระหนี้', en: 'Debt repayment' },
  saving: { th: 'เงินออม', en: 'Savings' },
  debt: { th: 'กู้ยืม (หนี้ใหม่)', en: 'Borrowing (new debt)' },
};

/** กชช.2ค village grades: อันดับ 1 (ล้าหลัง), 2 (ปานกลาง), 3 (ก้าวหน้า). */
export const nrd2cGrades = [1, 2, 3] as const;
/** One of {@link nrd2cGrades}. */
export type Nrd2cGrade = (typeof nrd2cGrades)[number];
/** The grades' names. */
export const nrd2cGradeLabels: Record<Nrd2cGrade, { th: string; en: string }> = {
  1: { th: 'อันดับ 1 (ล้าหลัง)', en: 'Grade 1 (lagging)' },
  2: { th: 'อันดับ 2 (ปานกลาง)', en: 'Grade 2 (intermediate)' },
  3: { th: 'อันดับ 3 (ก้าวหน้า)', en: 'Grade 3 (advanced)' },
};
