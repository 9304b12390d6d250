/**
 * A small forum of ต.นาทราย built by code through the contract (dispatch in-process, or the
 * harness over HTTP): three villages with plans, items classified, problem rows with causes and
 * solutions in two issues, projects with year budgets, sources, votes and one tie-break, a second
 * office, participants. Every export and print test reads the same forum, so what they check is
 * known here.
 */
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract';

/** Calls a channel and answers its value (throws on an error envelope). */
export type Caller = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/** What the fixture made, for the checks. */
export interface ForumFixture {
  villages: { id: string; moo: number; name: string }[];
  issueIds: string[];
  pcs: { id: string; problem: string }[];
  projects: { id: string; name: string; issueId: string }[];
  funders: { id: string; name: string }[];
}

/** The three villages. */
export const fixtureVillages = [
  { moo: 1, name: 'บ้านนาทราย', households: 215, population: 742 },
  { moo: 2, name: 'บ้านควนหรั่ง', households: 180, population: 640 },
  { moo: 3, name: 'บ้านหนองหว้า', households: 120, population: 415 },
];

/**
 * Builds the forum in the open workspace (ต.นาทราย, NST framework, no villages yet). `issueIds`
 * are the framework's issues by number (read by the caller from the workspace).
 */
export async function buildForum(call: Caller, issueIds: string[]): Promise<ForumFixture> {
  const villages = [];
  for (const v of fixtureVillages) villages.push(await call('villages.add', { ...v, headman: null, isCommunity: false }));
  const [v1, v2, v3] = villages as [(typeof villages)[number], (typeof villages)[number], (typeof villages)[number]];
  await call('forum.settings.save', { planName: 'แผนพัฒนาท้องถิ่น', planRevision: 'เพิ่มเติม ครั้งที่ 1', firstYear: 2566, yearCount: 5, voteMethod: 'dots' });
  const funders = await call('forum.funders.addCommon', {});
  const podchor = funders.find((f) => f.name.includes('พอช.'))!;
  const province = funders.find((f) => f.column === 'province')!;
  const second = await call('forum.offices.add', { type: 'tambon-municipality', name: 'เทศบาลตำบลนาทราย' });

  await call('forum.record.update', {
    rev: null,
    patch: {
      heldOn: '2026-03-15',
      place: 'ศาลาประชาคมหมู่ที่ 1',
      agenda: 'ชี้แจงวัตถุประสงค์\nนำเสนอแผนชุมชนรายหมู่บ้าน\nวิเคราะห์ศักยภาพตำบล\nจัดทำตารางปัญหา สาเหตุ แนวทางแก้ไข\nจัดลำดับโครงการ',
      facilitators: 'นายสมพงษ์ ใจงาม',
    },
  });
  for (const v of villages) await call('forum.villagePlans.set', { villageId: v.id, revised: v.id !== v3.id, revisedOn: v.id !== v3.id ? '2026-02-20' : null });
  const items = [
    { village: v1, kind: 'problem' as const, text: 'น้ำท่วมขังในฤดูฝน', issue: 3 },
    { village: v1, kind: 'problem' as const, text: 'หนี้สินครัวเรือนสูง', issue: 2 },
    { village: v2, kind: 'problem' as const, text: 'ราคายางพาราตกต่ำ', issue: 2 },
    { village: v2, kind: 'project' as const, text: 'ขุดลอกคลองส่งน้ำ', issue: 3, how: 'support' as const, budget: 350_000 },
    { village: v3, kind: 'project' as const, text: 'กลุ่มแปรรูปผลผลิต', issue: 2, how: 'joint' as const, budget: 80_000 },
    { village: v3, kind: 'problem' as const, text: 'เยาวชนว่างงาน', issue: null },
  ];
  for (const item of items) {
    const added = await call('forum.villageItems.add', {
      villageId: item.village.id,
      kind: item.kind,
      values: { text: item.text, how: 'how' in item ? item.how : null, estimatedBudget: 'budget' in item ? item.budget : null },
    });
    if (item.issue) await call('forum.villageItems.classify', { id: added.id, issueId: issueIds[item.issue - 1]!, from: null });
  }
  for (const [board, text] of [
    ['strength', 'มีกลุ่มออมทรัพย์ที่เข้มแข็ง'],
    ['weakness', 'ขาดการรวมกลุ่มด้านการตลาด'],
    ['opportunity', 'นโยบายส่งเสริมเกษตรอินทรีย์ของจังหวัด'],
    ['limit', 'พื้นที่ลุ่มน้ำท่วมถึง'],
    ['identity', 'ชุมชนเกษตรสวนยางและนาข้าว'],
    ['occupation', 'ผู้ผลิตยางพาราและข้าวคุณภาพ'],
    ['vision', 'นาทรายน่าอยู่ เศรษฐกิจพอเพียง ชุมชนเข้มแข็ง'],
  ] as const) {
    await call('forum.analysis.add', { board, values: { text } });
  }

  const pcsRows = [
    {
      issue: 2,
      problem: 'รายได้ไม่พอรายจ่าย',
      causes: ['ราคาผลผลิตตกต่ำ', 'ต้นทุนการผลิตสูง', 'ขาดการแปรรูป'],
      solutions: ['รวมกลุ่มแปรรูปยางและข้าว', 'ลดต้นทุนด้วยปุ๋ยอินทรีย์'],
      villages: [v1.id, v2.id],
    },
    { issue: 2, problem: 'หนี้สินนอกระบบ', causes: ['กู้เพื่อการบริโภค'], solutions: ['ส่งเสริมบัญชีครัวเรือน'], villages: [v1.id] },
    { issue: 3, problem: 'น้ำท่วมขังในฤดูฝน', causes: ['คลองตื้นเขิน', 'ทางระบายน้ำอุดตัน'], solutions: ['ขุดลอกคลอง'], villages: [v1.id, v2.id] },
  ];
  const pcs = [];
  for (const row of pcsRows) {
    pcs.push(
      await call('forum.pcs.add', {
        issueId: issueIds[row.issue - 1]!,
        values: { problem: row.problem, causes: row.causes, solutions: row.solutions, sourceVillageIds: row.villages },
      }),
    );
  }

  const projectRows: {
    issue: number;
    name: string;
    workPlan: string | null;
    votes: number | null;
    years: Record<string, number>;
    funding: { funderId: string | null; column: 'local' | 'agency' | 'province'; amount: number }[];
    flag?: boolean;
    office?: string;
  }[] = [
    {
      issue: 2,
      name: 'ส่งเสริมการแปรรูปยางพาราและข้าว',
      workPlan: 'แผนงานการเกษตร',
      votes: 42,
      years: { '2567': 150_000, '2568': 150_000 },
      funding: [
        { funderId: null, column: 'local', amount: 100_000 },
        { funderId: podchor.id, column: 'agency', amount: 200_000 },
      ],
      flag: true,
    },
    { issue: 2, name: 'ส่งเสริมการทำบัญชีครัวเรือน', workPlan: 'แผนงานสร้างความเข้มแข็งของชุมชน', votes: 30, years: { '2567': 20_000 }, funding: [] },
    { issue: 2, name: 'ตลาดนัดชุมชน', workPlan: 'แผนงานการเกษตร', votes: 30, years: { '2568': 60_000 }, funding: [{ funderId: null, column: 'local', amount: 60_000 }] },
    {
      issue: 2,
      name: 'ศูนย์เรียนรู้เกษตรอินทรีย์',
      workPlan: null,
      votes: 12,
      years: { '2569': 500_000 },
      funding: [
        { funderId: province.id, column: 'province', amount: 400_000 },
        { funderId: null, column: 'local', amount: 100_000 },
      ],
      office: second.id,
    },
    { issue: 3, name: 'ขุดลอกคลองส่งน้ำหมู่ที่ 1–2', workPlan: 'แผนงานอุตสาหกรรมและการโยธา', votes: 55, years: { '2567': 350_000 }, funding: [] },
    { issue: 3, name: 'ปลูกป่าชายคลอง', workPlan: null, votes: null, years: {}, funding: [] },
  ];
  const projects = [];
  for (const p of projectRows) {
    const added = await call('forum.projects.add', {
      issueId: issueIds[p.issue - 1]!,
      values: {
        name: p.name,
        workPlan: p.workPlan,
        objective: `เพื่อแก้ปัญหา${p.name}`,
        target: 'ครัวเรือนในตำบลนาทราย 150 ครัวเรือน',
        yearBudgets: p.years,
        duration: '12 เดือน',
        villageIds: [v1.id, v2.id],
        funding: p.funding,
        kpi: 'ร้อยละ 80 ของครัวเรือนเป้าหมายเข้าร่วม',
        expectedResult: 'ครัวเรือนมีรายได้เพิ่มขึ้น',
        agency: null,
        officeId: p.office ?? null,
        pcsRowIds: [],
        votes: p.votes,
        provincialFlag: p.flag ?? false,
      },
    });
    projects.push(added);
  }
  // The two projects tied at 30 votes: the room decides the market comes first.
  await call('forum.decisions.tieBreak', { issueId: issueIds[1]!, order: [projects[2]!.id, projects[1]!.id], note: 'ตลาดนัดช่วยให้ครัวเรือนมีรายได้ทันที' });

  const people = [
    { name: 'นางมาลี ศรีสุข', village: v1.id, role: 'leader' as const, attended: true, group: 2 },
    { name: 'นายประเสริฐ ทองคำ', village: v2.id, role: 'leader' as const, attended: true, group: 3 },
    { name: 'นางสาวจันทร์ เพ็ญ', village: v3.id, role: 'citizen' as const, attended: false, group: null },
    { name: 'นายวิชัย ทองดี', village: null, role: 'partner' as const, attended: true, group: 2, org: 'รพ.สต.นาทราย' },
  ];
  for (const p of people) {
    await call('forum.participants.add', {
      values: {
        name: p.name,
        villageId: p.village,
        role: p.role,
        organisation: 'org' in p ? (p.org ?? null) : null,
        groupIssueId: p.group ? issueIds[p.group - 1]! : null,
        attended: p.attended,
      },
    });
  }
  return {
    villages: villages.map((v) => ({ id: v.id, moo: v.moo, name: v.name })),
    issueIds,
    pcs: pcs.map((p) => ({ id: p.id, problem: p.problem })),
    projects: projects.map((p) => ({ id: p.id, name: p.name, issueId: p.issueId })),
    funders: funders.map((f) => ({ id: f.id, name: f.name })),
  };
}
