/**
 * Automatic mapping of column headers to fields: the Thai and English names clerks and survey
 * programs give columns (บ้านเลขที่, house_no, `indicator7.CNT`, ตัวชี้วัดที่ 7, the indicator's own
 * name…), personal-data columns recognised and left out. A person corrects what this gets wrong
 * in the wizard; the corrected mapping is remembered per file layout ({@link layoutKey}).
 */
import { normalizeThaiDigits } from '../thaiDigits';
import { cleanText } from './cells';
import { registerHeaderField } from './registerHeaders';
import { fieldAllowed, fieldIndicator, isRegisterKind, type ColumnMapping, type FieldKey, type ImportKind, type PlainField } from './kinds';
import { isPersonalHeader } from './personal';

/** Headers seen lately, normalised (a file's headers and the indicator names are compared many times over). */
const normalized = new Map<string, string>();

/** A header as compared: clean, lower case, Arabic digits, no spaces or underscores. */
export function normalizeHeader(label: string): string {
  const known = normalized.get(label);
  if (known !== undefined) return known;
  const result = normalizeThaiDigits(cleanText(label)).toLowerCase().replace(/[\s_]+/g, '');
  if (normalized.size > 5000) normalized.clear();
  normalized.set(label, result);
  return result;
}

/** Known names of each plain field's column, already normalised (see {@link normalizeHeader}). */
const aliases: Partial<Record<PlainField, string[]>> = {
  villageCode: ['รหัสหมู่บ้าน', 'รหัสหมู่', 'village_id', 'villageid', 'villagecode', 'vill_code', 'villcode', 'vid', 'รหัสหมู่บ้าน(8หลัก)', 'muban_code', 'mubancode'],
  moo: ['หมู่ที่', 'หมู่', 'ม.', 'ม', 'moo', 'villageno', 'villageno.', 'villagenumber', 'หมู่บ้านที่', 'mu'],
  houseNo: ['บ้านเลขที่', 'เลขที่บ้าน', 'เลขที่', 'houseno', 'houseno.', 'housenumber', 'address', 'ที่อยู่'],
  householdId: ['รหัสบ้าน', 'รหัสครัวเรือน', 'เลขรหัสประจำบ้าน', 'รหัสประจำบ้าน', 'householdid', 'hh_id', 'hhid', 'housecode', 'house_id', 'houseid', 'hcode'],
  members: ['จำนวนสมาชิก', 'สมาชิก', 'จำนวนสมาชิกในครัวเรือน', 'จำนวนคนในครัวเรือน', 'จำนวนคน', 'สมาชิก(คน)', 'members', 'member', 'hhsize', 'householdsize', 'persons'],
  year: ['ปี', 'ปีที่สำรวจ', 'ปีสำรวจ', 'พ.ศ.', 'ปีพ.ศ.', 'year', 'surveyyear'],
  'income.main': ['อาชีพหลัก', 'รายได้จากอาชีพหลัก', 'รายได้อาชีพหลัก', 'income_main', 'incomemain', 'mainoccupation'],
  'income.secondary': ['อาชีพรอง', 'อาชีพเสริม', 'อาชีพรอง/เสริม', 'อาชีพรอง/อาชีพเสริม', 'รายได้จากอาชีพรอง', 'รายได้จากอาชีพเสริม', 'income_secondary', 'incomesecondary', 'secondaryoccupation'],
  'income.other': ['รายได้อื่น', 'รายได้อื่นๆ', 'รายได้อื่นๆ', 'income_other', 'incomeother', 'otherincome'],
  'income.ownProduce': ['ผลผลิตกินเอง', 'ผลผลิตที่ทำกินเอง', 'มูลค่าผลผลิต', 'มูลค่าผลผลิตที่ทำ/ปลูก/เลี้ยง/หาไว้กินเอง', 'ปลูกกินเอง', 'income_produce', 'ownproduce', 'ownconsumption'],
  households: ['จำนวนครัวเรือน', 'ครัวเรือน', 'จำนวนครัวเรือนทั้งหมด', 'ครัวเรือนทั้งหมด', 'households', 'household', 'hh', 'total_hh', 'totalhh', 'hh_total', 'nhh'],
  grade: ['ระดับ', 'อันดับ', 'ระดับหมู่บ้าน', 'อันดับหมู่บ้าน', 'ระดับการพัฒนา', 'ระดับการพัฒนาหมู่บ้าน', 'grade', 'level', 'villagegrade'],
  date: ['วันที่', 'วัน/เดือน/ปี', 'วันเดือนปี', 'ว/ด/ป', 'date', 'วันที่บันทึก'],
  direction: ['ประเภท', 'รับ/จ่าย', 'รายรับ/รายจ่าย', 'type', 'in/out', 'direction'],
  category: ['หมวด', 'หมวดหมู่', 'หมวดรายการ', 'ประเภทรายการ', 'category', 'กลุ่มรายการ'],
  description: ['รายการ', 'รายละเอียด', 'รายการรับจ่าย', 'description', 'item', 'detail'],
  amount: ['จำนวนเงิน', 'จำนวนเงิน(บาท)', 'ยอดเงิน', 'เงิน(บาท)', 'amount', 'จำนวน(บาท)'],
  'amount.income': ['รายรับ', 'รายรับ(บาท)', 'รายได้', 'รายได้(บาท)', 'income', 'รับ'],
  'amount.expense': ['รายจ่าย', 'รายจ่าย(บาท)', 'expense', 'expenses', 'จ่าย'],
  // The forum's workbooks (the headings of shared/domain/forumForms.ts, and what groups type in Excel first).
  order: ['ลำดับที่', 'ลำดับ', 'ที่', 'no', 'no.', '#', 'order'],
  issue: ['ประเด็น', 'ประเด็นที่', 'ประเด็นยุทธศาสตร์', 'ประเด็นยุทธศาสตร์ที่', 'ยุทธศาสตร์', 'ยุทธศาสตร์ที่', 'issue', 'strategicissue', 'strategy'],
  problem: ['ปัญหา', 'สภาพปัญหา', 'ปัญหาที่พบ', 'problem', 'problems'],
  causes: ['สาเหตุ', 'สาเหตุของปัญหา', 'cause', 'causes'],
  solutions: ['แนวทางแก้ไข', 'แนวทางแก้ไขปัญหา', 'แนวทางการแก้ไข', 'แนวทางการแก้ไขปัญหา', 'วิธีแก้ไข', 'solution', 'solutions'],
  villages: ['หมู่บ้านที่เสนอ', 'หมู่บ้าน', 'สถานที่ดำเนินการ', 'พื้นที่ดำเนินการ', 'พื้นที่เป้าหมาย', 'villages', 'village', 'sourcevillages', 'location'],
  projectName: ['แผนงาน/โครงการ', 'โครงการ', 'ชื่อโครงการ', 'โครงการ/กิจกรรม', 'project', 'projectname', 'projects'],
  budget: ['งบประมาณ(บาท)', 'งบประมาณ', 'งบประมาณรวม', 'งบประมาณรวม(บาท)', 'budget', 'totalbudget'],
  target: ['เป้าหมาย', 'เป้าหมาย(ผลผลิตของโครงการ)', 'target', 'targets'],
  duration: ['ระยะเวลา', 'ระยะเวลาดำเนินการ', 'duration'],
  'funding.local': ['งบท้องถิ่น(แผนพัฒนาท้องถิ่น)', 'งบท้องถิ่น', 'งบอปท.', 'local', 'localbudget'],
  'funding.agency': ['งบหน่วยงานภาครัฐ/เอกชน', 'งบหน่วยงาน', 'หน่วยงานภาครัฐ/เอกชน', 'agency', 'agencies'],
  'funding.province': ['งบพัฒนาจังหวัด', 'งบจังหวัด', 'province', 'provincialbudget'],
  itemKind: ['ประเภท', 'ประเภทรายการ', 'kind', 'type'],
  itemText: ['รายการ', 'ปัญหา/ความต้องการ/โครงการ', 'item', 'text'],
  how: ['วิธีดำเนินการ', 'วิธีการดำเนินการ', 'ดำเนินการโดย', 'how'],
  // The registers' workbooks (shared/domain/registers.ts; names, phones and successors: `registerHeaderField`).
  successor: ['ผู้สืบทอด', 'ผู้สืบทอด/ทายาท', 'ทายาท', 'successor'],
  leaderRole: ['บทบาท', 'บทบาทในคณะผู้นำ', 'ตำแหน่ง', 'role', 'position'],
  training: ['การอบรม', 'การฝึกอบรม', 'หลักสูตรที่อบรม', 'ผ่านการอบรม', 'training'],
  activities: ['กิจกรรม/หลักสูตร', 'กิจกรรม', 'หลักสูตร', 'activities', 'activity'],
  peopleServed: ['ผู้ใช้บริการต่อปี(คน)', 'ผู้ใช้บริการต่อปี', 'ผู้ใช้บริการ', 'จำนวนผู้ใช้บริการ', 'ผู้เรียนรู้ต่อปี', 'peopleserved', 'peopleservedayear'],
  tier: ['ระดับกองทุน', 'ระดับ', 'tier'],
  startYear: ['ปีที่เริ่ม(พ.ศ.)', 'ปีที่เริ่ม', 'ปีเริ่ม', 'ปีที่จัดตั้ง', 'ปีที่ก่อตั้ง', 'startyear', 'startyear(be)'],
  monthlyContribution: ['เงินสมทบต่อคนต่อเดือน(บาท)', 'เงินสมทบต่อคนต่อเดือน', 'เงินสมทบต่อเดือน', 'สมทบต่อเดือน', 'monthlycontribution'],
  contributions: ['เงินสมทบจากสมาชิกทั้งปี(บาท)', 'เงินสมทบจากสมาชิกทั้งปี', 'เงินสมทบจากสมาชิก', 'เงินสมทบของสมาชิก', 'contributions', 'memberscontributions'],
  orgKind: ['ประเภทองค์กร', 'ประเภทกลุ่ม', 'ประเภท', 'kind', 'type'],
  capital: ['ทุน(บาท)', 'ทุน', 'เงินทุน', 'ทุนดำเนินงาน', 'capital'],
  orgName: ['ศูนย์เรียนรู้', 'กองทุน', 'องค์กร', 'กลุ่ม', 'organisation', 'organization'],
  'benefit.birth': ['สวัสดิการ:การเกิด(บาท)', 'สวัสดิการการเกิด', 'การเกิด', 'birth'],
  'benefit.sickness': ['สวัสดิการ:เจ็บป่วย(บาท)', 'สวัสดิการเจ็บป่วย', 'เจ็บป่วย', 'sickness'],
  'benefit.death': ['สวัสดิการ:เสียชีวิต(บาท)', 'สวัสดิการเสียชีวิต', 'เสียชีวิต', 'death'],
  'benefit.elderly': ['สวัสดิการ:ผู้สูงอายุ(บาท)', 'สวัสดิการผู้สูงอายุ', 'ผู้สูงอายุ', 'elderly'],
  'benefit.education': ['สวัสดิการ:การศึกษา(บาท)', 'สวัสดิการการศึกษา', 'การศึกษา', 'education'],
  'benefit.disaster': ['สวัสดิการ:ภัยพิบัติ(บาท)', 'สวัสดิการภัยพิบัติ', 'ภัยพิบัติ', 'disaster'],
  'benefit.other': ['สวัสดิการ:อื่นๆ(บาท)', 'สวัสดิการอื่นๆ', 'สวัสดิการอื่น', 'otherbenefits'],
  estimatedBudget: ['งบประมาณโดยประมาณ(บาท)', 'งบประมาณโดยประมาณ', 'งบประมาณ', 'งบประมาณ(บาท)', 'estimatedbudget', 'budget'],
};

/** A plan year's budget column of a project table: `พ.ศ. 2568`, `งบประมาณ 2568 (บาท)`, `ปี 2568`. */
const budgetYearHeader = /^(?:งบประมาณ(?:รายปี)?(?:\(บาท\))?)?(?:ปี)?(?:งบประมาณ)?(?:พ\.?ศ\.?)?(25\d\d)(?:\(บาท\))?$/;

/** `ตัวชี้วัดที่ 7`, `ข้อ 7`, `indicator7`, `ind_7`, `ตช.7`, `จปฐ.7` … (the number may be followed by the name). */
const indicatorHeader = /^(?:ตัวชี้วัด(?:ที่)?|ตชว?\.?|ข้อ(?:ที่)?|indicator|ind|จปฐ\.?(?:ข้อ)?|bmn)[.\-:]?(\d{1,3})(?!\d)(.*)$/;
/** `indicator7.ALL`, `ind_7_cnt`, `ตัวชี้วัดที่7 ไม่ผ่าน`. */
const tpmapHeader = /^(?:ตัวชี้วัด(?:ที่)?|ข้อ(?:ที่)?|indicator|ind)[.\-:]?(\d{1,3})(?!\d)[.\-:]?(all|cnt|count|ทั้งหมด|ในขอบเขต|ไม่ผ่าน|ตกเกณฑ์)$/;

/** An assessment criterion's column: `1.1`, `ข้อ 1.1`, `เกณฑ์ข้อ 1.1`, `เกณฑ์ที่ 2`. */
const criterionHeader = /^(?:เกณฑ์(?:ข้อ)?(?:ที่)?|ข้อ(?:ที่)?)?(\d{1,3}(?:\.\d{1,3}){0,3})$/;

/** An indicator of the set the file is read with: number and name, to recognise a header that is the name. */
export interface IndicatorName {
  no: number;
  nameTh: string;
}

/** How well a header names a field: 3 exact, 2 starts with a known name, 1 contains one. */
export interface FieldMatch {
  field: FieldKey;
  score: number;
}

/** Headers that start like a field's name but mean something else (หมู่บ้าน is a village's name, not its หมู่ที่). */
const notThisField: Partial<Record<PlainField, RegExp>> = {
  moo: /^(หมู่บ้าน(?!ที่)|ม\.[ก-ฮ])/,
  year: /^ปี(?!ที่|สำรวจ|พ|$)/,
};

function scoreAlias(header: string, alias: string): number {
  if (header === alias) return 3;
  if (alias.length >= 3 && header.startsWith(alias)) return 2;
  // Short aliases ("ม", "hh") only count whole; longer ones also inside a header ("รายได้จากอาชีพหลัก (บาท/ปี)").
  if (alias.length >= 4 && header.includes(alias)) return 1;
  return 0;
}

/**
 * The field a header names for `kind`, or null. Personal-data headers (names, citizen ids) are
 * `personal` whatever else they say.
 */
export function matchHeader(kind: ImportKind, label: string, indicators: readonly IndicatorName[] = noIndicators): FieldMatch | null {
  // Finding a header reads the first rows of a sheet as headers too: the same cell texts
  // ("ผ่าน" in every column) come again and again.
  let byLabel = matchCache.get(indicators);
  if (!byLabel) matchCache.set(indicators, (byLabel = new Map<string, FieldMatch | null>()));
  const key = `${kind}\u0000${label}`;
  const known = byLabel.get(key);
  if (known !== undefined) return known;
  const match = matchHeaderOnce(kind, label, indicators);
  if (byLabel.size > 5000) byLabel.clear();
  byLabel.set(key, match);
  return match;
}

const noIndicators: readonly IndicatorName[] = [];
const matchCache = new WeakMap<readonly IndicatorName[], Map<string, FieldMatch | null>>();

function matchHeaderOnce(kind: ImportKind, label: string, indicators: readonly IndicatorName[]): FieldMatch | null {
  const raw = cleanText(label);
  if (raw === '') return null;
  if (isPersonalHeader(raw)) {
    // A register keeps the names it is about (in a local table); a citizen id never.
    const own = isRegisterKind(kind) ? registerHeaderField(kind, raw, normalizeHeader(raw)) : null;
    return own ?? { field: 'personal', score: 3 };
  }
  const header = normalizeHeader(raw);
  if (kind === 'tpmap') {
    const m = tpmapHeader.exec(header);
    if (m) return { field: /^(all|ทั้งหมด|ในขอบเขต)$/.test(m[2]!) ? `all:${Number(m[1])}` : `cnt:${Number(m[1])}`, score: 3 };
  }
  if (kind === 'projects') {
    const m = budgetYearHeader.exec(header);
    if (m) return { field: `budget:${Number(m[1])}`, score: 3 };
  }
  if (kind === 'assessment') {
    const m = criterionHeader.exec(header);
    if (m) return { field: `criterion:${m[1]!}`, score: 3 };
  }
  if (kind === 'bmn') {
    const m = indicatorHeader.exec(header);
    if (m && !/^[.\-:]?(all|cnt|count)$/.test(m[2]!)) return { field: `indicator:${Number(m[1])}`, score: m[2] ? 2 : 3 };
    // The indicator's own name as the header.
    for (const indicator of indicators) {
      const name = normalizeHeader(indicator.nameTh);
      if (name.length >= 8 && (header === name || header.startsWith(name.slice(0, Math.min(name.length, 24))))) {
        return { field: `indicator:${indicator.no}`, score: 2 };
      }
    }
  }
  let best: FieldMatch | null = null;
  for (const [field, names] of Object.entries(aliases) as [PlainField, string[]][]) {
    if (!fieldAllowed(kind, field) || notThisField[field]?.test(header)) continue;
    for (const alias of names) {
      const score = scoreAlias(header, alias);
      if (score > (best?.score ?? 0)) best = { field, score };
    }
  }
  return best;
}

/**
 * Maps every column of a header at once. Each field but `personal`, `ignore` and `custom` goes
 * to one column only: the best-scoring (the leftmost on a tie); the others are left unmapped.
 * A village-table (`nrd2c`) column with a header that got no field becomes a `custom` column of
 * the table. `labels[i]` is the header of column `i + 1`; each entry of `candidates[i]` is another
 * wording of the same header to try (the lower row of a two-row header alone).
 */
export function autoMap(
  kind: ImportKind,
  labels: readonly string[],
  options: { indicators?: readonly IndicatorName[]; candidates?: readonly (readonly string[])[] } = {},
): ColumnMapping[] {
  const matches = labels.map((label, i) => {
    let best: FieldMatch | null = null;
    for (const wording of [label, ...(options.candidates?.[i] ?? [])]) {
      const m = matchHeader(kind, wording, options.indicators);
      if (m && m.score > (best?.score ?? 0)) best = m;
    }
    return best;
  });
  const taken = new Map<FieldKey, number>();
  matches.forEach((m, i) => {
    if (!m || m.field === 'personal') return;
    const other = taken.get(m.field);
    if (other === undefined || matches[other]!.score < m.score) taken.set(m.field, i);
  });
  return labels.map((label, i) => {
    const m = matches[i];
    const column = i + 1;
    if (m?.field === 'personal') return { column, field: 'personal' };
    if (m && taken.get(m.field) === i) return { column, field: m.field };
    // A village table keeps every other headed column as its own (ชื่อหมู่บ้าน lost หมู่ที่ to the better match).
    if (kind === 'nrd2c' && cleanText(label) !== '') return { column, field: 'custom', label: cleanText(label).slice(0, 200) };
    return { column, field: 'ignore' };
  });
}

/**
 * The key of a file layout: the kind and its normalised headers. The same key later means the
 * same layout, whose corrected mapping the wizard offers again.
 */
export function layoutKey(kind: ImportKind, labels: readonly string[]): string {
  return `${kind}|${labels.map(normalizeHeader).join('|')}`;
}

/** The fields a mapping uses, for checks ("no village column", "no indicator"). */
export function mappedFields(mapping: readonly ColumnMapping[]): Set<FieldKey> {
  return new Set(mapping.map((m) => m.field));
}

/** The indicator numbers a mapping reads (จปฐ. answers, or TPMAP counts). */
export function mappedIndicators(mapping: readonly ColumnMapping[]): number[] {
  const numbers = new Set<number>();
  for (const m of mapping) {
    const numbered = fieldIndicator(m.field);
    if (numbered) numbers.add(numbered.no);
  }
  return [...numbers].sort((a, b) => a - b);
}
