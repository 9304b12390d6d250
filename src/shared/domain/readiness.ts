/**
 * ความพร้อม — the readiness check before anything is exported or sent (DESIGN.md section 2, step
 * 7): villages whose plan was not revised this cycle or with no one at the forum, problems
 * without a cause, a solution or evidence, issues with fewer than 10 ranked projects; plus what
 * else would make a table wrong (undecided ties, budgets outside the plan years, items never
 * classified). Each finding names what it is about, so the screen can link to where it is fixed.
 */
import { z } from 'zod';
import { minRankedPerIssue } from './forum';

/** The kinds of finding, in the order the check lists them. */
export const readinessCodes = [
  'forum-not-recorded',
  'village-plan-not-revised',
  'village-no-attendance',
  'items-unclassified',
  'problem-empty',
  'problem-without-cause',
  'problem-without-solution',
  'problem-without-evidence',
  'project-unnamed',
  'issue-few-ranked',
  'issue-undecided-tie',
  'project-budget-outside-span',
] as const;
/** One of {@link readinessCodes}. */
export type ReadinessCode = (typeof readinessCodes)[number];

/** `missing`: the process asks for it; `check`: worth a look, exports go on. */
export const readinessSeverity: Record<ReadinessCode, 'missing' | 'check'> = {
  'forum-not-recorded': 'missing',
  'village-plan-not-revised': 'missing',
  'village-no-attendance': 'missing',
  'items-unclassified': 'check',
  'problem-empty': 'missing',
  'problem-without-cause': 'missing',
  'problem-without-solution': 'missing',
  'problem-without-evidence': 'check',
  'project-unnamed': 'missing',
  'issue-few-ranked': 'missing',
  'issue-undecided-tie': 'missing',
  'project-budget-outside-span': 'check',
};

/** One finding. */
export const readinessItemSchema = z.object({
  code: z.enum(readinessCodes),
  severity: z.enum(['missing', 'check']),
  villageId: z.string().nullable(),
  issueId: z.string().nullable(),
  rowId: z.string().nullable(),
  /** A count the finding is about (unclassified items, ranked projects). */
  count: z.number().nullable(),
  /** The finding in words, Thai and English (for the command line and the log). */
  messageTh: z.string(),
  messageEn: z.string(),
});
/** One finding. */
export type ReadinessItem = z.infer<typeof readinessItemSchema>;

/** What the check reads. */
export interface ReadinessInput {
  forumRecorded: boolean;
  villages: readonly { id: string; moo: number; name: string }[];
  revisedVillageIds: ReadonlySet<string>;
  attendedVillageIds: ReadonlySet<string>;
  unclassifiedItems: number;
  issues: readonly { id: string; no: number; nameTh: string }[];
  problems: readonly { id: string; issueId: string; position: number; problem: string; causes: number; solutions: number; evidence: number }[];
  rankedPerIssue: ReadonlyMap<string, { ranked: number; undecidedTies: number }>;
  projectsOutsideSpan: readonly { id: string; issueId: string; name: string; years: number[] }[];
  unnamedProjects: readonly { id: string; issueId: string; position: number }[];
}

type Finding = Omit<ReadinessItem, 'severity'>;

const blank = { villageId: null, issueId: null, rowId: null, count: null };

/** Every finding, in the order of {@link readinessCodes}, villages by หมู่ที่ and issues by number. */
export function checkReadiness(input: ReadinessInput): ReadinessItem[] {
  const found: Finding[] = [];
  if (!input.forumRecorded) {
    found.push({
      ...blank,
      code: 'forum-not-recorded',
      messageTh: 'ยังไม่ได้บันทึกวันที่และสถานที่จัดเวทีประชาคม',
      messageEn: 'The forum date and place are not recorded',
    });
  }
  const villages = [...input.villages].sort((a, b) => a.moo - b.moo);
  for (const v of villages) {
    if (!input.revisedVillageIds.has(v.id)) {
      found.push({
        ...blank,
        code: 'village-plan-not-revised',
        villageId: v.id,
        messageTh: `หมู่ที่ ${v.moo} ${v.name}: ยังไม่ได้ทบทวนแผนชุมชนรอบนี้`,
        messageEn: `Village ${v.moo} ${v.name}: community plan not revised this cycle`,
      });
    }
  }
  for (const v of villages) {
    if (!input.attendedVillageIds.has(v.id)) {
      found.push({
        ...blank,
        code: 'village-no-attendance',
        villageId: v.id,
        messageTh: `หมู่ที่ ${v.moo} ${v.name}: ไม่มีผู้เข้าร่วมเวที`,
        messageEn: `Village ${v.moo} ${v.name}: no one at the forum`,
      });
    }
  }
  if (input.unclassifiedItems > 0) {
    found.push({
      ...blank,
      code: 'items-unclassified',
      count: input.unclassifiedItems,
      messageTh: `รายการจากแผนหมู่บ้าน ${input.unclassifiedItems} รายการยังไม่ได้จัดเข้าประเด็น`,
      messageEn: `${input.unclassifiedItems} village plan items are not classified under an issue`,
    });
  }
  const issueNo = new Map(input.issues.map((i) => [i.id, i.no]));
  const problems = [...input.problems].sort((a, b) => (issueNo.get(a.issueId) ?? 0) - (issueNo.get(b.issueId) ?? 0) || a.position - b.position);
  const problemChecks: [ReadinessCode, (p: (typeof problems)[number]) => boolean, string, string][] = [
    ['problem-empty', (p) => p.problem.trim() === '', 'ยังไม่ได้ระบุปัญหา', 'no problem written'],
    ['problem-without-cause', (p) => p.causes === 0, 'ยังไม่มีสาเหตุ', 'no cause'],
    ['problem-without-solution', (p) => p.solutions === 0, 'ยังไม่มีแนวทางแก้ไข', 'no solution'],
    ['problem-without-evidence', (p) => p.evidence === 0, 'ยังไม่มีหลักฐานจากข้อมูล', 'no evidence attached'],
  ];
  for (const [code, test, th, en] of problemChecks) {
    for (const p of problems) {
      if (!test(p)) continue;
      const no = issueNo.get(p.issueId) ?? 0;
      found.push({
        ...blank,
        code,
        issueId: p.issueId,
        rowId: p.id,
        messageTh: `ประเด็นที่ ${no} ปัญหาลำดับที่ ${p.position}: ${th}`,
        messageEn: `Issue ${no}, problem ${p.position}: ${en}`,
      });
    }
  }
  for (const p of input.unnamedProjects) {
    const no = issueNo.get(p.issueId) ?? 0;
    found.push({
      ...blank,
      code: 'project-unnamed',
      issueId: p.issueId,
      rowId: p.id,
      messageTh: `ประเด็นที่ ${no} โครงการแถวที่ ${p.position}: ยังไม่มีชื่อโครงการ`,
      messageEn: `Issue ${no}, project row ${p.position}: no name`,
    });
  }
  const issues = [...input.issues].sort((a, b) => a.no - b.no);
  for (const issue of issues) {
    const r = input.rankedPerIssue.get(issue.id) ?? { ranked: 0, undecidedTies: 0 };
    if (r.ranked < minRankedPerIssue) {
      found.push({
        ...blank,
        code: 'issue-few-ranked',
        issueId: issue.id,
        count: r.ranked,
        messageTh: `ประเด็นที่ ${issue.no}: จัดลำดับโครงการแล้ว ${r.ranked} โครงการ (ควรมีอย่างน้อย ${minRankedPerIssue})`,
        messageEn: `Issue ${issue.no}: ${r.ranked} ranked projects (at least ${minRankedPerIssue} expected)`,
      });
    }
  }
  for (const issue of issues) {
    const r = input.rankedPerIssue.get(issue.id);
    if (r && r.undecidedTies > 0) {
      found.push({
        ...blank,
        code: 'issue-undecided-tie',
        issueId: issue.id,
        count: r.undecidedTies,
        messageTh: `ประเด็นที่ ${issue.no}: มีโครงการคะแนนเท่ากันที่ยังไม่ได้ตัดสินลำดับ ${r.undecidedTies} กลุ่ม`,
        messageEn: `Issue ${issue.no}: ${r.undecidedTies} tie(s) still to be decided`,
      });
    }
  }
  for (const p of input.projectsOutsideSpan) {
    const no = issueNo.get(p.issueId) ?? 0;
    found.push({
      ...blank,
      code: 'project-budget-outside-span',
      issueId: p.issueId,
      rowId: p.id,
      messageTh: `ประเด็นที่ ${no} โครงการ “${p.name}”: มีงบประมาณปี ${p.years.join(', ')} ซึ่งอยู่นอกช่วงปีของแผน`,
      messageEn: `Issue ${no}, project “${p.name}”: budget in ${p.years.join(', ')}, outside the plan years`,
    });
  }
  return found.map((f) => ({ ...f, severity: readinessSeverity[f.code] }));
}
