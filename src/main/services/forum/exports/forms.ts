/**
 * The forum's workbooks, one function per form, each filling an exceljs Workbook from
 * {@link ForumData} (layout helpers in sheet.ts, wording in shared/domain/forumForms.ts):
 *   pcs           the problem–cause–solution table, one sheet per issue;
 *   projects      the integrated project table of the Chainat process, one sheet per issue, in
 *                 rank order, and a summary of the sources by column and by funder;
 *   p02           form ผ.02 of the local development plan: title rows, a 3-row header with one
 *                 budget column per plan year, strategies and work plans as bands, subtotals;
 *   register      the participant register with a signature column, and attendance counts;
 *   village-plans the village-plan template (one sheet per village) that leaders fill offline.
 */
import type { Workbook } from 'exceljs';
import {
  attendanceCounts,
  budgetInYears,
  fundingByColumn,
  inLocalPlan,
  joinListCell,
  minRankedPerIssue,
  participantRoles,
  projectTotal,
} from '../../../../shared/domain/forum';
import { formatDateBE } from '../../../../shared/domain/dates';
import {
  areaLineTh,
  fewRankedTh,
  fundingColumnTh,
  fundingGroupHeading,
  howTh,
  issueTitleTh,
  officeShortTh,
  p02After,
  p02Before,
  p02BudgetHeading,
  pcsHeadings,
  planTitleTh,
  printTh,
  projectHeadings,
  registerHeadings,
  roleTh,
  sheetName,
  villageItemKindTh,
  villagePlanHeadings,
  villageShortTh,
  villageTh,
  yearBudgetsHeading,
} from '../../../../shared/domain/forumForms';
import type { ExportForm } from '../../../../shared/ipc/forum';
import type { ForumData } from './data';
import { bandRow, dataRow, finishSheet, gapRow, headerRows, noteRow, startSheet, sumOf, titleRow } from './sheet';

/** What a form wrote: its sheets and data rows. */
export interface FormResult {
  sheets: string[];
  rows: number;
}

function villageNames(data: ForumData, ids: readonly string[]): string {
  const byId = new Map(data.villages.map((v) => [v.id, v]));
  return ids
    .map((id) => byId.get(id))
    .filter((v): v is ForumData['villages'][number] => v !== undefined)
    .sort((a, b) => a.moo - b.moo)
    .map(villageShortTh)
    .join('\n');
}

function forumLine(data: ForumData): string {
  const parts = [printTh.forum];
  if (data.record.heldOn) parts.push(`วันที่ ${formatDateBE(`${data.record.heldOn}T12:00:00`, 'th')}`);
  if (data.record.place) parts.push(`ณ ${data.record.place}`);
  return parts.join(' ');
}

function newSheet(wb: Workbook, taken: Set<string>, title: string) {
  const name = sheetName(title, taken);
  taken.add(name);
  return { ws: wb.addWorksheet(name, { properties: { tabColor: { argb: 'FF1D5C8C' } } }), name };
}

/** (1) ตารางปัญหา สาเหตุ แนวทางแก้ไข: one sheet per issue. */
function pcsForm(wb: Workbook, data: ForumData): FormResult {
  const taken = new Set<string>();
  let rows = 0;
  for (const issue of data.issues) {
    const { ws } = newSheet(wb, taken, `ประเด็นที่ ${issue.no}`);
    const s = startSheet(ws, [8, 40, 44, 44, 20, 24]);
    titleRow(s, printTh.pcsTitle, { size: 18 });
    titleRow(s, issueTitleTh(issue));
    titleRow(s, `${areaLineTh(data.tambon)} — ${data.host.name}`, { bold: false, size: 14 });
    gapRow(s);
    const header = headerRows(s, 1, pcsHeadings.map((text, c) => ({ r: 0, c, text })));
    if (issue.pcs.length === 0) dataRow(s, ['', '— ยังไม่มีรายการ —', '', '', '', '']);
    issue.pcs.forEach((row, i) => {
      dataRow(
        s,
        [i + 1, row.problem, joinListCell(row.causes), joinListCell(row.solutions), villageNames(data, row.sourceVillageIds), row.evidence.map((e) => e.label).join('\n')],
        { center: [0] },
      );
      rows += 1;
    });
    // The order number reads as a number, centred.
    ws.getColumn(1).alignment = { horizontal: 'center', vertical: 'top' };
    finishSheet(s, header.first, header.last);
  }
  return { sheets: wb.worksheets.map((w) => w.name), rows };
}

/** (2) The integrated project table (Chainat), in rank order, and the summary by source. */
function projectsForm(wb: Workbook, data: ForumData): FormResult {
  const taken = new Set<string>();
  let rows = 0;
  const funderTotals = new Map<string, number>();
  const columnTotals = { local: 0, agency: 0, province: 0 };
  for (const issue of data.issues) {
    const { ws } = newSheet(wb, taken, `ประเด็นที่ ${issue.no}`);
    const years = data.years;
    const s = startSheet(ws, [7, 40, 15, 28, 14, 22, 16, 16, 16, ...years.map(() => 13)]);
    titleRow(s, printTh.projectsTitle, { size: 18 });
    titleRow(s, issueTitleTh(issue));
    titleRow(s, `${areaLineTh(data.tambon)} — ${forumLine(data)}`, { bold: false, size: 14 });
    gapRow(s);
    const header = headerRows(s, 2, [
      ...projectHeadings.slice(0, 6).map((text, c) => ({ r: 0, c, rows: 2, text })),
      { r: 0, c: 6, cols: 3, text: fundingGroupHeading },
      ...projectHeadings.slice(6).map((text, i) => ({ r: 1, c: 6 + i, text })),
      // The budget per plan year, so the workbook reads back into the same yearly amounts.
      ...(years.length > 0 ? [{ r: 0, c: 9, cols: years.length, text: yearBudgetsHeading }] : []),
      ...years.map((y, i) => ({ r: 1, c: 9 + i, text: `พ.ศ. ${y}` })),
    ]);
    const written: number[] = [];
    const sums = { total: [] as number[], local: [] as number[], agency: [] as number[], province: [] as number[] };
    const perYear: number[][] = years.map(() => []);
    let unrankedBand = false;
    for (const { project, rank, undecided } of issue.projects) {
      if (rank === null && !unrankedBand) {
        bandRow(s, printTh.unranked);
        unrankedBand = true;
      }
      const byColumn = fundingByColumn(project, data.funders);
      const total = projectTotal(project, data.years);
      const amounts = budgetInYears(project, years);
      const r = dataRow(
        s,
        [
          rank === null ? '' : undecided ? `${rank}=` : rank,
          project.name,
          total,
          project.target ?? '',
          project.duration ?? '',
          villageNames(data, project.villageIds),
          byColumn.local || null,
          byColumn.agency || null,
          byColumn.province || null,
          ...years.map((y) => amounts[y] ?? null),
        ],
        { center: [0] },
      );
      written.push(r);
      years.forEach((y, k) => perYear[k]!.push(amounts[y] ?? 0));
      sums.total.push(total);
      sums.local.push(byColumn.local);
      sums.agency.push(byColumn.agency);
      sums.province.push(byColumn.province);
      for (const line of project.funding) {
        const key = line.funderId ?? `column:${line.column}`;
        funderTotals.set(key, (funderTotals.get(key) ?? 0) + line.amount);
      }
      columnTotals.local += byColumn.local;
      columnTotals.agency += byColumn.agency;
      columnTotals.province += byColumn.province;
      rows += 1;
    }
    if (issue.projects.length === 0) dataRow(s, ['', '— ยังไม่มีโครงการ —', null, '', '', '', null, null, null, ...years.map(() => null)]);
    dataRow(
      s,
      [
        '',
        `รวม ${issue.projects.length} โครงการ`,
        sumOf(3, written, sums.total),
        '',
        '',
        '',
        sumOf(7, written, sums.local),
        sumOf(8, written, sums.agency),
        sumOf(9, written, sums.province),
        ...years.map((_, k) => sumOf(10 + k, written, perYear[k]!)),
      ],
      { bold: true, band: true },
    );
    if (issue.ranking.fewerThanMinimum) noteRow(s, `หมายเหตุ: ${fewRankedTh(issue.ranking.ranked.length, minRankedPerIssue)}`, { bold: true, color: 'FFB42318' });
    if (issue.ranking.undecidedTies.length > 0) noteRow(s, `หมายเหตุ: ${printTh.tieNote}`, { bold: true });
    for (const d of issue.ranking.decisions.filter((x) => x.kind === 'tie-break')) {
      const names = d.rowIds.map((id) => issue.projects.find((p) => p.project.id === id)?.project.name).filter(Boolean);
      noteRow(s, `${printTh.decision}: ${names.join(' → ')} — ${d.note}`);
    }
    finishSheet(s, header.first, header.last);
  }
  // The summary: amounts by source column and by funder, so totals can be given both ways.
  const { ws } = newSheet(wb, taken, 'สรุปแหล่งงบประมาณ');
  const s = startSheet(ws, [50, 30, 18]);
  titleRow(s, 'สรุปงบประมาณตามแหล่งงบประมาณ', { size: 18 });
  titleRow(s, `${areaLineTh(data.tambon)} — ${data.host.name}`, { bold: false, size: 14 });
  gapRow(s);
  const header = headerRows(s, 1, [
    { r: 0, c: 0, text: 'แหล่งงบประมาณ' },
    { r: 0, c: 1, text: 'คอลัมน์' },
    { r: 0, c: 2, text: 'รวม (บาท)' },
  ]);
  const funderName = new Map(data.funders.map((f) => [f.id, f]));
  for (const [key, amount] of [...funderTotals].sort((a, b) => b[1] - a[1])) {
    const funder = key.startsWith('column:') ? null : funderName.get(key);
    const column = funder ? funder.column : (key.slice('column:'.length) as keyof typeof fundingColumnTh);
    dataRow(s, [funder?.name ?? `${fundingColumnTh[column]} (ไม่ระบุหน่วยงาน)`, fundingColumnTh[column], amount]);
  }
  bandRow(s, 'รวมตามคอลัมน์แหล่งงบประมาณ');
  for (const column of ['local', 'agency', 'province'] as const) dataRow(s, [fundingColumnTh[column], '', columnTotals[column]], { bold: true });
  finishSheet(s, header.first, header.last);
  return { sheets: wb.worksheets.map((w) => w.name), rows };
}

/** (3) Form ผ.02: one sheet per office with projects in its local plan. */
function p02Form(wb: Workbook, data: ForumData): FormResult {
  const taken = new Set<string>();
  let rows = 0;
  const years = data.years;
  const width = p02Before.length + years.length + p02After.length;
  const offices = data.offices.filter((o) => o.isHost || data.issues.some((i) => i.projects.some((p) => inLocalPlan(p.project, o, data.funders))));
  for (const office of offices) {
    const { ws } = newSheet(wb, taken, offices.length > 1 ? `ผ.02 ${officeShortTh(office.name)}` : 'ผ.02');
    const s = startSheet(ws, [6, 32, 30, 28, ...years.map(() => 13), 24, 26, 20]);
    titleRow(s, printTh.p02Title, { size: 18 });
    titleRow(s, planTitleTh(data.plan));
    titleRow(s, `สำหรับ ${office.name} ${areaLineTh(data.tambon).replace(/^ตำบล\S+ /, '')}`, { bold: false });
    gapRow(s);
    const yearCol = p02Before.length;
    const header = headerRows(s, 3, [
      ...p02Before.map((text, c) => ({ r: 0, c, rows: 3, text })),
      { r: 0, c: yearCol, cols: years.length, text: p02BudgetHeading },
      ...years.map((y, i) => ({ r: 1, c: yearCol + i, text: String(y) })),
      ...years.map((_, i) => ({ r: 2, c: yearCol + i, text: '(บาท)' })),
      ...p02After.map((text, i) => ({ r: 0, c: yearCol + years.length + i, rows: 3, text })),
    ]);
    const strategyTotals: { row: number; values: number[] }[] = [];
    for (const issue of data.issues) {
      const planned = issue.projects.filter((p) => inLocalPlan(p.project, office, data.funders));
      if (planned.length === 0) continue;
      bandRow(s, `ยุทธศาสตร์ที่ ${issue.no} ${issue.nameTh}`);
      const workPlans = [...new Set(planned.map((p) => p.project.workPlan ?? ''))];
      const subtotalRows: number[] = [];
      const subtotalValues: number[][] = years.map(() => []);
      workPlans.forEach((workPlan, w) => {
        bandRow(s, `${issue.no}.${w + 1} ${workPlan ? (workPlan.startsWith('แผนงาน') ? workPlan : `แผนงาน${workPlan}`) : 'แผนงาน (ไม่ได้ระบุ)'}`);
        const inPlan = planned.filter((p) => (p.project.workPlan ?? '') === workPlan);
        const dataRows: number[] = [];
        const perYear: number[][] = years.map(() => []);
        inPlan.forEach(({ project }, i) => {
          const amounts = budgetInYears(project, years);
          const r = dataRow(
            s,
            [
              i + 1,
              project.name,
              project.objective ?? '',
              project.target ?? '',
              ...years.map((y) => amounts[y] ?? '-'),
              project.kpi ?? '',
              project.expectedResult ?? '',
              project.agency ?? office.name,
            ],
            { center: [0, ...years.map((_, k) => yearCol + k)] },
          );
          dataRows.push(r);
          years.forEach((y, k) => perYear[k]!.push(amounts[y] ?? 0));
          rows += 1;
        });
        const r = dataRow(
          s,
          [`รวม ${inPlan.length} โครงการ`, '', '', '', ...years.map((_, k) => sumOf(yearCol + k + 1, dataRows, perYear[k]!)), '', '', ''],
          { bold: true, band: true },
        );
        s.ws.mergeCells(r, 1, r, yearCol);
        subtotalRows.push(r);
        years.forEach((_, k) => subtotalValues[k]!.push(perYear[k]!.reduce((a, b) => a + b, 0)));
      });
      const r = dataRow(
        s,
        [`รวมยุทธศาสตร์ที่ ${issue.no} (${planned.length} โครงการ)`, '', '', '', ...years.map((_, k) => sumOf(yearCol + k + 1, subtotalRows, subtotalValues[k]!)), '', '', ''],
        { bold: true, band: true },
      );
      s.ws.mergeCells(r, 1, r, yearCol);
      strategyTotals.push({ row: r, values: subtotalValues.map((v) => v.reduce((a, b) => a + b, 0)) });
    }
    if (strategyTotals.length === 0) dataRow(s, ['', '— ยังไม่มีโครงการที่บรรจุในแผนพัฒนาท้องถิ่นของหน่วยงานนี้ —', ...Array<string>(width - 2).fill('')]);
    else {
      const values = years.map((_, k) => strategyTotals.map((t) => t.values[k]!));
      const r = dataRow(
        s,
        ['รวมทั้งสิ้น', '', '', '', ...years.map((_, k) => sumOf(yearCol + k + 1, strategyTotals.map((t) => t.row), values[k]!)), '', '', ''],
        { bold: true, band: true },
      );
      s.ws.mergeCells(r, 1, r, yearCol);
    }
    finishSheet(s, header.first, header.last);
  }
  return { sheets: wb.worksheets.map((w) => w.name), rows };
}

/** (4) The participant register, with a signature column, and the attendance counts. */
function registerForm(wb: Workbook, data: ForumData): FormResult {
  const taken = new Set<string>();
  const { ws } = newSheet(wb, taken, 'ทะเบียนผู้เข้าร่วม');
  const s = startSheet(ws, [6, 30, 22, 18, 24, 22, 11, 22]);
  titleRow(s, `${printTh.registerTitle}${areaLineTh(data.tambon)}`, { size: 18 });
  titleRow(s, forumLine(data), { bold: false });
  gapRow(s);
  const header = headerRows(s, 1, registerHeadings.map((text, c) => ({ r: 0, c, text })));
  const villageById = new Map(data.villages.map((v) => [v.id, v]));
  const issueById = new Map(data.issues.map((i) => [i.id, i]));
  data.participants.forEach((p, i) => {
    const village = p.villageId ? villageById.get(p.villageId) : undefined;
    const group = p.groupIssueId ? issueById.get(p.groupIssueId) : undefined;
    const r = dataRow(s, [i + 1, p.name, village ? villageShortTh(village) : '', roleTh[p.role], p.organisation ?? '', group ? `ประเด็นที่ ${group.no}` : '', p.attended ? '✓' : '', ''], {
      center: [0, 6],
    });
    // Room to sign, on paper and in print.
    ws.getRow(r).height = 30;
  });
  finishSheet(s, header.first, header.last);

  const counts = attendanceCounts(data.participants);
  const sum = startSheet(newSheet(wb, taken, 'สรุปผู้เข้าร่วม').ws, [34, 16, 16]);
  titleRow(sum, 'สรุปจำนวนผู้เข้าร่วมเวทีประชาคม', { size: 18 });
  titleRow(sum, forumLine(data), { bold: false });
  gapRow(sum);
  const h2 = headerRows(sum, 1, [
    { r: 0, c: 0, text: 'หมู่บ้าน / บทบาท' },
    { r: 0, c: 1, text: 'ลงทะเบียน' },
    { r: 0, c: 2, text: 'มาร่วมเวที' },
  ]);
  for (const v of data.villages) {
    const registered = data.participants.filter((p) => p.villageId === v.id).length;
    dataRow(sum, [villageTh(v), registered, counts.byVillage[v.id] ?? 0]);
  }
  bandRow(sum, 'ตามบทบาท');
  for (const role of participantRoles) {
    dataRow(sum, [roleTh[role], data.participants.filter((p) => p.role === role).length, counts.byRole[role]]);
  }
  dataRow(sum, ['รวมทั้งสิ้น', counts.registered, counts.attended], { bold: true, band: true });
  finishSheet(sum, h2.first, h2.last);
  return { sheets: wb.worksheets.map((w) => w.name), rows: data.participants.length };
}

/** (5) The village-plan template: how to fill it, then one sheet per village (pre-filled, with room to add). */
function villagePlansForm(wb: Workbook, data: ForumData): FormResult {
  const taken = new Set<string>();
  const guide = startSheet(newSheet(wb, taken, 'คำอธิบาย').ws, [110]);
  titleRow(guide, `แบบฟอร์มแผนชุมชนหมู่บ้าน ${areaLineTh(data.tambon)}`, { size: 18, align: 'left' });
  for (const line of [
    'แต่ละแผ่นงานคือแผนชุมชนของหนึ่งหมู่บ้าน (ชื่อแผ่นงานบอกหมู่ที่) กรอกหนึ่งรายการต่อหนึ่งแถว เรียงตามลำดับความสำคัญของหมู่บ้าน',
    `ช่อง “ประเภท” เลือก “${villageItemKindTh.problem}” หรือ “${villageItemKindTh.project}”`,
    `ช่อง “วิธีดำเนินการ” (เฉพาะแนวคิดโครงการ) เลือก “${howTh.self}” “${howTh.joint}” หรือ “${howTh.support}”`,
    'ช่องงบประมาณใส่เป็นตัวเลขจำนวนเต็ม หน่วยเป็นบาท (พิมพ์ตัวเลขไทยได้)',
    'กรอกวันที่ทบทวนแผนในแถวที่ 3 ของแต่ละแผ่นงาน เป็นวัน/เดือน/ปี พ.ศ. เช่น 15/3/2569',
    'ห้ามเปลี่ยนชื่อหัวตาราง แถวว่างจะถูกข้ามเมื่อนำเข้ากลับสู่โปรแกรม',
  ]) noteRow(guide, `• ${line}`);
  let rows = 0;
  const planOf = new Map(data.villagePlans.plans.map((p) => [p.villageId, p]));
  for (const v of data.villages) {
    const { ws } = newSheet(wb, taken, `หมู่ ${v.moo} ${v.name}`);
    const s = startSheet(ws, [8, 20, 60, 22, 18]);
    titleRow(s, `แผนชุมชน ${villageTh(v)} ${areaLineTh(data.tambon)}`, { size: 16 });
    titleRow(s, `หมู่ที่ ${v.moo}`, { bold: false, size: 14, align: 'left' });
    const plan = planOf.get(v.id);
    titleRow(s, `ทบทวนแผนเมื่อ: ${plan?.revisedOn ? formatDateBE(`${plan.revisedOn}T12:00:00`, 'th') : ''}`, { bold: false, size: 14, align: 'left' });
    gapRow(s);
    const header = headerRows(s, 1, villagePlanHeadings.map((text, c) => ({ r: 0, c, text })));
    const items = data.villagePlans.items.filter((i) => i.villageId === v.id);
    const ordered = [...items.filter((i) => i.kind === 'problem'), ...items.filter((i) => i.kind === 'project')];
    const count = { problem: 0, project: 0 };
    for (const item of ordered) {
      count[item.kind] += 1;
      dataRow(s, [count[item.kind], villageItemKindTh[item.kind], item.text, item.how ? howTh[item.how] : '', item.estimatedBudget], { center: [0] });
      rows += 1;
    }
    for (let i = 0; i < 15; i += 1) dataRow(s, [null, '', '', '', null]);
    const last = s.row - 1;
    // Drop-downs, so what comes back reads the same.
    for (let r = header.last + 1; r <= last; r += 1) {
      ws.getCell(r, 2).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${villageItemKindTh.problem},${villageItemKindTh.project}"`] };
      ws.getCell(r, 4).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${howTh.self},${howTh.joint},${howTh.support}"`] };
      ws.getCell(r, 5).dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 10_000_000_000] };
    }
    finishSheet(s, header.first, header.last);
  }
  if (data.villages.length === 0) noteRow(guide, '• ยังไม่มีหมู่บ้านในพื้นที่ทำงาน เพิ่มหมู่บ้านก่อนแล้วส่งออกแบบฟอร์มอีกครั้ง', { bold: true });
  finishSheet(guide, 1, 1);
  return { sheets: wb.worksheets.map((w) => w.name), rows };
}

/** Fills `wb` with `form`. */
export function fillForm(wb: Workbook, form: ExportForm, data: ForumData): FormResult {
  switch (form) {
    case 'pcs':
      return pcsForm(wb, data);
    case 'projects':
      return projectsForm(wb, data);
    case 'p02':
      return p02Form(wb, data);
    case 'register':
      return registerForm(wb, data);
    case 'village-plans':
      return villagePlansForm(wb, data);
  }
}

