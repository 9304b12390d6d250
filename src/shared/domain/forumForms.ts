/**
 * The wording and layout of the forms the forum produces, as offices use them: the
 * problem–cause–solution table, the integrated project table of the Chainat process, form ผ.02
 * of the local development plan, the participant register and the village-plan template.
 *
 * Important: these are official Thai documents, so their headings are data, not UI text: they stay
 * Thai whatever the UI language, and both the Excel exports (main) and the print views (renderer)
 * read them from here, so a workbook and its printed page always say the same.
 */
import {
  budgetActLabel,
  howModes,
  type FundingColumn,
  type HowMode,
  type ParticipantRole,
  type PlanSettings,
  type ProjectStatus,
  type RatingLevel,
} from './forum';
import { formatNumber } from './fields';
import type { OfficeType } from './workspace';

/** Names of the three source columns, as the Chainat table heads them. */
export const fundingColumnTh: Record<FundingColumn, string> = {
  local: 'งบท้องถิ่น (แผนพัฒนาท้องถิ่น)',
  agency: 'งบหน่วยงานภาครัฐ/เอกชน',
  province: 'งบพัฒนาจังหวัด',
};

/** How a village would carry out a project idea. */
export const howTh: Record<HowMode, string> = { self: 'ทำเอง', joint: 'ทำร่วม', support: 'ขอรับการสนับสนุน' };

/** Reads back a how-mode typed in the template (`ทำเอง`…), or null. */
export function howFromTh(text: string): HowMode | null {
  const t = text.trim();
  return howModes.find((m) => howTh[m] === t) ?? null;
}

/** Participants' roles. */
export const roleTh: Record<ParticipantRole, string> = {
  leader: 'แกนนำหมู่บ้าน',
  'working-group': 'คณะทำงาน',
  partner: 'ภาคี',
  citizen: 'ประชาชน',
  facilitator: 'วิทยากร/คุณอำนวย',
};

/** A project's status. */
export const statusTh: Record<ProjectStatus, string> = {
  proposed: 'เสนอ',
  'in-plan': 'บรรจุในแผนพัฒนาท้องถิ่น',
  funded: 'ได้รับงบประมาณ',
  done: 'ดำเนินการแล้ว',
};

/** A judgement in three steps. */
export const ratingTh: Record<RatingLevel, string> = { high: 'สูง', medium: 'ปานกลาง', low: 'ต่ำ' };

/** The columns of the problem–cause–solution table. */
export const pcsHeadings = ['ลำดับที่', 'ปัญหา', 'สาเหตุ', 'แนวทางแก้ไข', 'หมู่บ้านที่เสนอ', 'หลักฐานจากข้อมูล'] as const;

/** The columns of the integrated project table (Chainat), in order; the last three sit under "แหล่งงบประมาณ". */
export const projectHeadings = [
  'ที่',
  'แผนงาน/โครงการ',
  'งบประมาณ (บาท)',
  'เป้าหมาย',
  'ระยะเวลา',
  'สถานที่ดำเนินการ',
  fundingColumnTh.local,
  fundingColumnTh.agency,
  fundingColumnTh.province,
] as const;

/** The group heading over the three source columns. */
export const fundingGroupHeading = 'แหล่งงบประมาณ';

/** The group heading over the plan years' budgets (พ.ศ. each) right of the Chainat table's columns. */
export const yearBudgetsHeading = 'งบประมาณรายปี (บาท)';

/** The columns of form ผ.02 before and after the budget years. */
export const p02Before = ['ที่', 'โครงการ', 'วัตถุประสงค์', 'เป้าหมาย (ผลผลิตของโครงการ)'] as const;
/** The columns of form ผ.02 after the budget years. */
export const p02After = ['ตัวชี้วัด (KPI)', 'ผลที่คาดว่าจะได้รับ', 'หน่วยงานรับผิดชอบหลัก'] as const;
/** The heading over the budget years of form ผ.02. */
export const p02BudgetHeading = 'งบประมาณ';

/** The columns of the participant register. */
export const registerHeadings = ['ที่', 'ชื่อ–สกุล', 'หมู่บ้าน', 'บทบาท', 'หน่วยงาน/องค์กร', 'กลุ่มประเด็น', 'มาร่วมเวที', 'ลายมือชื่อ'] as const;

/** The columns of the village-plan template. */
export const villagePlanHeadings = ['ลำดับ', 'ประเภท', 'รายการ', 'วิธีดำเนินการ', 'งบประมาณโดยประมาณ (บาท)'] as const;
/** The kinds of item in the template, as a person picks them. */
export const villageItemKindTh = { problem: 'ปัญหา/ความต้องการ', project: 'แนวคิดโครงการ' } as const;

/** "ต.นาทราย อ.เมืองนครศรีธรรมราช จ.นครศรีธรรมราช". */
export function areaLineTh(t: { nameTh: string; districtNameTh: string; provinceNameTh: string }): string {
  return `ตำบล${t.nameTh} อำเภอ${t.districtNameTh} จังหวัด${t.provinceNameTh}`;
}

/** "หมู่ที่ 1 บ้านนาทราย". */
export function villageTh(v: { moo: number; name: string }): string {
  return `หมู่ที่ ${v.moo} ${v.name}`;
}

/** "ม.1 บ้านนาทราย" (a cell with several). */
export function villageShortTh(v: { moo: number; name: string }): string {
  return `ม.${v.moo} ${v.name}`;
}

/** "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570) เพิ่มเติม ครั้งที่ 1". */
export function planTitleTh(plan: Pick<PlanSettings, 'planName' | 'planRevision' | 'firstYear' | 'yearCount'>): string {
  const last = plan.firstYear + plan.yearCount - 1;
  const span = plan.yearCount > 1 ? `พ.ศ. ${plan.firstYear} – ${last}` : `พ.ศ. ${plan.firstYear}`;
  return `${plan.planName} (${span})${plan.planRevision ? ` ${plan.planRevision}` : ''}`;
}

/** "ประเด็นยุทธศาสตร์ที่ 1 การบริหารจัดการ และเชื่อมโยง". */
export function issueTitleTh(issue: { no: number; nameTh: string }): string {
  return `ประเด็นยุทธศาสตร์ที่ ${issue.no} ${issue.nameTh}`;
}

/** The budget act the ranking proposes into, by office type. */
export function budgetActTh(type: OfficeType): string {
  return budgetActLabel(type).th;
}

/** Money as forms print it: 1,250,000 (an empty cell for none). */
export function bahtTh(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : formatNumber(n);
}

/** The fewer-than-ten marker of an issue's ranking. */
export function fewRankedTh(ranked: number, minimum: number): string {
  return `จัดลำดับแล้ว ${ranked} โครงการ (น้อยกว่า ${minimum} โครงการตามที่กระบวนการกำหนด)`;
}

/** An office's name as offices abbreviate it (อบต.นาทราย, ทต.นาทราย), for sheet names. */
export function officeShortTh(name: string): string {
  return name.replace(/^องค์การบริหารส่วนตำบล\s*/, 'อบต.').replace(/^เทศบาลตำบล\s*/, 'ทต.');
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(text: string, taken: ReadonlySet<string> = new Set()): string {
  const base = text.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  return name;
}

/** The wording of the forum's printed sheets besides the four forms. */
export const printTh = {
  agendaTitle: 'ระเบียบวาระการประชุมเวทีประชาคมตำบล',
  signInTitle: 'ใบลงชื่อผู้เข้าร่วมเวทีประชาคมตำบล',
  groupsTitle: 'รายชื่อผู้เข้าร่วมแยกตามกลุ่มประเด็นยุทธศาสตร์',
  date: 'วันที่',
  place: 'สถานที่',
  facilitators: 'วิทยากรกระบวนการ',
  agenda: 'วาระการประชุม',
  agendaItem: (n: number) => `วาระที่ ${n}`,
  members: (n: number) => `${n} คน`,
  noMembers: '— ยังไม่มีผู้เข้าร่วมในกลุ่มนี้ —',
  signInHeadings: ['ที่', 'ชื่อ–สกุล', 'หมู่บ้าน', 'บทบาท', 'หน่วยงาน/องค์กร', 'ลายมือชื่อ'] as const,
  total: (n: number) => `รวม ${n} โครงการ`,
  strategyTotal: (no: number, n: number) => `รวมยุทธศาสตร์ที่ ${no} (${n} โครงการ)`,
  grandTotal: 'รวมทั้งสิ้น',
  unranked: 'โครงการที่ยังไม่ได้ลงคะแนนจัดลำดับ',
  noRows: '— ยังไม่มีรายการ —',
  attendance: (registered: number, attended: number) => `ลงทะเบียน ${registered} คน มาร่วมเวที ${attended} คน`,
  tieNote: 'ลำดับที่มีเครื่องหมาย = คือโครงการคะแนนเท่ากันที่ที่ประชุมยังไม่ได้ตัดสินลำดับ',
  decision: 'มติที่ประชุม (ตัดสินลำดับคะแนนเท่ากัน)',
  pcsTitle: 'ตารางวิเคราะห์ปัญหา สาเหตุ และแนวทางแก้ไข',
  projectsTitle: 'บัญชีโครงการพัฒนาตามประเด็นยุทธศาสตร์ (บูรณาการแผนชุมชนระดับตำบล)',
  p02Title: 'รายละเอียดโครงการพัฒนา',
  registerTitle: 'ทะเบียนผู้เข้าร่วมเวทีประชาคม',
  forum: 'เวทีประชาคมตำบล',
};
