/**
 * The registers' workbook: one sheet per register under a title, Thai headers the import reads
 * back (`tambon-plan import leaders | learning-centres | welfare-funds | organisations`), money
 * and counts as numbers, years and due dates in พ.ศ. The welfare funds' sheet has a row per fund
 * and year with the matching shares due; the shares are computed, so the import leaves them out.
 * Names of people are in it: the workbook is the office's own, not a package.
 */
import {
  assessmentScale,
  benefitTypes,
  dueDateBE,
  facilitatorSectors,
  leaderRoles,
  organisationKinds,
  welfareTiers,
  workingGroupPositions,
} from '../../../shared/domain/registers';
import type { RegistersView } from '../../../shared/ipc/registers';
import type { AppContext } from '../context';
import { requireWorkspace } from '../session';
import { writeTablesWorkbook, type TableSheet } from '../xlsx';
import { readRegisters } from './registers';

/** The sheets of the registers' workbook. */
export function registerSheets(view: RegistersView, villages: ReadonlyMap<string, number>, tambonLine: string): TableSheet[] {
  const moo = (id: string | null) => (id === null ? null : (villages.get(id) ?? null));
  const topics = view.settings.assessmentTopics;
  const sheets: TableSheet[] = [];
  const members = view.workingGroup.filter((p) => p.kind === 'member');
  const facilitators = view.workingGroup.filter((p) => p.kind === 'facilitator');
  sheets.push({
    name: 'คณะทำงานตำบล',
    title: `คณะทำงานระดับตำบล ${tambonLine}`,
    columns: [
      { label: 'ลำดับที่', type: 'number', width: 8 },
      { label: 'ชื่อ-สกุล', type: 'text' },
      { label: 'ตำแหน่ง', type: 'text' },
      { label: 'หน่วยงาน/สังกัด', type: 'text' },
      { label: 'โทรศัพท์', type: 'text', width: 16 },
    ],
    rows: members.map((p, i) => [i + 1, p.name, p.position ? workingGroupPositions.labels[p.position].th : '', p.organisation, p.phone]),
  });
  sheets.push({
    name: 'คุณอำนวย',
    title: `คุณอำนวย (ผู้อำนวยความสะดวก) ${tambonLine}`,
    columns: [
      { label: 'ลำดับที่', type: 'number', width: 8 },
      { label: 'ชื่อ-สกุล', type: 'text' },
      { label: 'ภาคส่วน', type: 'text', width: 18 },
      { label: 'หน่วยงาน/สังกัด', type: 'text' },
      { label: 'โทรศัพท์', type: 'text', width: 16 },
    ],
    rows: facilitators.map((p, i) => [i + 1, p.name, p.sector ? facilitatorSectors.labels[p.sector].th : '', p.organisation, p.phone]),
  });
  sheets.push({
    name: 'คณะผู้นำหมู่บ้าน',
    title: `คณะผู้นำหมู่บ้าน (คุณกิจ) ${tambonLine}`,
    subtitle: `ตารางอิสรภาพ: ระดับ ${assessmentScale.min}–${assessmentScale.max} ตอนนี้อยู่ที่ / อยากไปถึง`,
    columns: [
      { label: 'หมู่ที่', type: 'number', width: 8 },
      { label: 'ชื่อ-สกุล', type: 'text' },
      { label: 'บทบาท', type: 'text', width: 20 },
      { label: 'โทรศัพท์', type: 'text', width: 16 },
      { label: 'การอบรม', type: 'text' },
      { label: 'ผู้สืบทอด', type: 'text' },
      ...topics.flatMap((t) => [
        { label: `${t.th}: ตอนนี้`, type: 'number' as const, width: 12 },
        { label: `${t.th}: เป้าหมาย`, type: 'number' as const, width: 12 },
      ]),
    ],
    rows: view.leaders
      .map((l) => ({ l, moo: moo(l.villageId) ?? 0 }))
      .sort((a, b) => a.moo - b.moo)
      .map(({ l, moo: m }) => [
        m,
        l.name,
        leaderRoles.labels[l.role].th,
        l.phone,
        l.training,
        l.successor,
        ...topics.flatMap((t) => [l.selfAssessment[t.key]?.now ?? null, l.selfAssessment[t.key]?.aim ?? null]),
      ]),
  });
  sheets.push({
    name: 'ศูนย์เรียนรู้',
    title: `ศูนย์เรียนรู้ ${tambonLine}`,
    columns: [
      { label: 'หมู่ที่', type: 'number', width: 8 },
      { label: 'ชื่อศูนย์เรียนรู้', type: 'text' },
      { label: 'กิจกรรม/หลักสูตร', type: 'text', width: 40 },
      { label: 'ผู้ใช้บริการต่อปี (คน)', type: 'number', width: 16 },
    ],
    rows: view.learningCentres.map((c) => [moo(c.villageId), c.name, c.activities, c.peopleServed]),
  });
  const rule = view.settings.matchingRule;
  sheets.push({
    name: 'กองทุนสวัสดิการ',
    title: `กองทุนสวัสดิการชุมชน ${tambonLine}`,
    subtitle: `เงินสมทบที่ครบกำหนด: อบต. ${rule.lao.perBaht} บาท และ พมจ. ${rule.province.perBaht} บาท ต่อเงินสมทบของสมาชิก 1 บาท${rule.lao.capBaht !== null || rule.province.capBaht !== null ? ' (มีเพดานต่อปี)' : ''}`,
    columns: [
      { label: 'หมู่ที่', type: 'number', width: 8 },
      { label: 'ชื่อกองทุน', type: 'text' },
      { label: 'ระดับกองทุน', type: 'text', width: 12 },
      { label: 'ปีที่เริ่ม (พ.ศ.)', type: 'number', width: 12 },
      { label: 'ปี พ.ศ.', type: 'number', width: 10 },
      { label: 'จำนวนสมาชิก', type: 'number', width: 12 },
      { label: 'เงินสมทบต่อคนต่อเดือน (บาท)', type: 'number', width: 14 },
      { label: 'เงินสมทบจากสมาชิกทั้งปี (บาท)', type: 'number', width: 16 },
      { label: 'สมทบจาก อบต. (บาท)', type: 'number', width: 14 },
      { label: 'สมทบจาก พมจ. (บาท)', type: 'number', width: 14 },
      ...benefitTypes.keys.map((k) => ({ label: `สวัสดิการ: ${benefitTypes.labels[k].th} (บาท)`, type: 'number' as const, width: 14 })),
    ],
    rows: view.welfareFunds.flatMap((f) => {
      const head = [moo(f.villageId), f.name, welfareTiers.labels[f.tier].th, f.startYear];
      if (f.years.length === 0) return [[...head, null, f.members, f.monthlyContribution, null, null, null, ...benefitTypes.keys.map(() => null)]];
      return f.years.map((y) => [
        ...head,
        y.year,
        y.members ?? f.members,
        f.monthlyContribution,
        y.contributions,
        y.figures.shares?.lao ?? null,
        y.figures.shares?.province ?? null,
        ...benefitTypes.keys.map((k) => y.benefits[k] ?? null),
      ]);
    }),
  });
  sheets.push({
    name: 'แผนกิจกรรมกองทุน',
    title: `แผนกิจกรรมกองทุนสวัสดิการชุมชน ${tambonLine}`,
    columns: [
      { label: 'กองทุน', type: 'text' },
      { label: 'หัวข้อ', type: 'text', width: 32 },
      { label: 'กิจกรรม', type: 'text', width: 40 },
      { label: 'กำหนดเสร็จ (พ.ศ.)', type: 'text', width: 14 },
      { label: 'สถานะ', type: 'text', width: 10 },
    ],
    rows: view.welfareFunds.flatMap((f) =>
      [...f.plan].sort((a, b) => a.heading - b.heading).map((p) => [f.name, `${p.heading}. ${view.settings.planHeadings[p.heading - 1] ?? ''}`, p.activity, dueDateBE(p.dueDate), p.done ? 'เสร็จแล้ว' : 'ยังไม่เสร็จ']),
    ),
  });
  sheets.push({
    name: 'องค์กรชุมชน',
    title: `องค์กรชุมชนและกลุ่มออมทรัพย์ ${tambonLine}`,
    columns: [
      { label: 'หมู่ที่', type: 'number', width: 8 },
      { label: 'ชื่อองค์กร/กลุ่ม', type: 'text' },
      { label: 'ประเภทองค์กร', type: 'text', width: 20 },
      { label: 'จำนวนสมาชิก', type: 'number', width: 12 },
      { label: 'ทุน (บาท)', type: 'number', width: 16 },
    ],
    rows: view.organisations.map((o) => [moo(o.villageId), o.name, organisationKinds.labels[o.kind].th, o.members, o.capital]),
  });
  return sheets;
}

/** Exports the registers' workbook to `target` (resolved by the caller's path policy). */
export async function exportRegistersXlsx(ctx: AppContext, target: string): Promise<{ path: string; bytes: number; sheets: string[]; rows: number }> {
  const ws = requireWorkspace(ctx);
  const view = readRegisters(ws.db, ctx.resourcesDir);
  const villages = new Map(
    (ws.sqlite.prepare('select id, moo from villages where deleted_at is null').all() as { id: string; moo: number }[]).map((v) => [v.id, v.moo]),
  );
  const tambon = ws.sqlite.prepare('select name_th as name from tambon where deleted_at is null').get() as { name: string } | undefined;
  const file = /\.xlsx$/i.test(target) ? target : `${target}.xlsx`;
  const sheets = registerSheets(view, villages, tambon ? `ตำบล${tambon.name}` : '');
  await writeTablesWorkbook(ctx, file, 'replace', sheets);
  const { size } = await ctx.fs.stat(file);
  return { path: file, bytes: size, sheets: sheets.map((s) => s.name), rows: sheets.reduce((a, s) => a + s.rows.length, 0) };
}
