/**
 * The consolidated workbooks (exceljs): `district-plans`, the combined ranked plans per district
 * for the อำเภอ forum (one sheet per district); `plan-budget`, the projects asking for provincial
 * money (งบพัฒนาจังหวัด) by strategic issue and district, with tambon and budget and a subtotal per
 * issue; `status`, one row per tambon. Written atomically through the fs port.
 */
import type * as ExcelJS from 'exceljs';
import { excel } from '../excel';
import { projects, provincialBudgetRequests, type ProjectLine } from '../../../shared/domain/dashboard';
import type { DatacenterForm, View } from '../../../shared/domain/datacenter';
import { formatDateBE } from '../../../shared/domain/dates';
import type { AppContext } from '../context';
import { writeStreamAtomic } from '../files';
import type { OpenDatacenter } from '../session';
import { dashboardInput, tambonStatuses } from './status';

const sourceLabels: Record<string, string> = { local: 'งบท้องถิ่น', agency: 'งบหน่วยงานภาครัฐ/เอกชน', province: 'งบพัฒนาจังหวัด' };
const money = '#,##0.00';

function header(sheet: ExcelJS.Worksheet, title: string, columns: { header: string; width: number }[]): void {
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.addRow([title]).font = { bold: true, size: 14 };
  const row = sheet.addRow(columns.map((c) => c.header));
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
}

/** A sheet name Excel takes (31 characters, none of []:*?/\). */
function sheetName(text: string, used: Set<string>): string {
  let name = text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  for (let n = 2; used.has(name); n += 1) name = `${text.slice(0, 27)} (${n})`;
  used.add(name);
  return name;
}

/** Builds and writes the workbook of `form`; answers how many data rows it holds. */
export async function writeWorkbook(ctx: AppContext, dc: OpenDatacenter, form: DatacenterForm, file: string, view: View): Promise<number> {
  const { Workbook } = await excel();
  const book = new Workbook();
  book.creator = 'TambonPlan';
  book.created = ctx.clock();
  const where = `${dc.area.kind === 'district' ? 'อ.' : 'จ.'}${dc.area.nameTh}`;
  const viewLabel = view === 'accepted' ? 'เฉพาะชุดที่รับรองแล้ว' : 'ชุดล่าสุด';
  let count = 0;
  if (form === 'status') {
    const sheet = book.addWorksheet('สถานะตำบล');
    header(sheet, `สถานะการส่งข้อมูลรายตำบล ${where} (${viewLabel})`, [
      { header: 'รหัสตำบล', width: 10 },
      { header: 'ตำบล', width: 22 },
      { header: 'อำเภอ', width: 22 },
      { header: 'ลงทะเบียนกุญแจ', width: 14 },
      { header: 'ลำดับชุดล่าสุด', width: 13 },
      { header: 'สร้างเมื่อ', width: 22 },
      { header: 'นำเข้าเมื่อ', width: 22 },
      { header: 'รับรองแล้ว', width: 11 },
      { header: 'ลำดับที่ขาด', width: 16 },
    ]);
    for (const t of tambonStatuses(ctx, dc, view).tambons) {
      sheet.addRow([
        t.code,
        t.nameTh,
        t.districtNameTh,
        t.enrolled ? 'ใช่' : 'ยังไม่',
        t.seq ?? 'ยังไม่ได้รับ',
        t.createdAt ? formatDateBE(t.createdAt, 'th', true) : '',
        t.importedAt ? formatDateBE(t.importedAt, 'th', true) : '',
        t.accepted ? 'ใช่' : '',
        t.missingSeqs.join(', '),
      ]);
      count += 1;
    }
  } else {
    const input = dashboardInput(ctx, dc, view);
    const lines: ProjectLine[] = form === 'plan-budget' ? provincialBudgetRequests(input) : projects(input);
    if (form === 'plan-budget') {
      const sheet = book.addWorksheet('งบพัฒนาจังหวัด');
      header(sheet, `โครงการที่ขอรับงบพัฒนาจังหวัด ตามประเด็นยุทธศาสตร์และอำเภอ ${where} (${viewLabel})`, [
        { header: 'ประเด็นยุทธศาสตร์', width: 12 },
        { header: 'อำเภอ', width: 20 },
        { header: 'ตำบล', width: 20 },
        { header: 'ลำดับ', width: 8 },
        { header: 'โครงการ', width: 50 },
        { header: 'งบประมาณ (บาท)', width: 18 },
      ]);
      let issue: number | null = null;
      let subtotal = 0;
      const closeIssue = () => {
        if (issue === null) return;
        const row = sheet.addRow([`รวมประเด็นที่ ${issue}`, '', '', '', '', subtotal]);
        row.font = { bold: true };
        row.getCell(6).numFmt = money;
      };
      for (const line of lines) {
        if (line.issueNo !== issue) {
          closeIssue();
          issue = line.issueNo;
          subtotal = 0;
        }
        const row = sheet.addRow([line.issueNo, line.districtNameTh, line.tambonNameTh, line.rank ?? '', line.name, line.budget]);
        row.getCell(6).numFmt = money;
        subtotal += line.budget;
        count += 1;
      }
      closeIssue();
    } else {
      const used = new Set<string>();
      const byDistrict = new Map<string, ProjectLine[]>();
      for (const line of lines) byDistrict.set(line.districtNameTh, [...(byDistrict.get(line.districtNameTh) ?? []), line]);
      if (byDistrict.size === 0) header(book.addWorksheet('แผนรวม'), `แผนรวมรายอำเภอ ${where}: ยังไม่มีโครงการ`, [{ header: '', width: 40 }]);
      for (const [district, list] of byDistrict) {
        const sheet = book.addWorksheet(sheetName(`อ.${district}`, used));
        header(sheet, `แผนรวมที่จัดลำดับแล้ว อ.${district} (${viewLabel})`, [
          { header: 'ประเด็นยุทธศาสตร์', width: 12 },
          { header: 'ลำดับ', width: 8 },
          { header: 'โครงการ', width: 50 },
          { header: 'ตำบล', width: 20 },
          { header: 'งบประมาณ (บาท)', width: 18 },
          { header: 'แหล่งงบประมาณ', width: 22 },
          { header: 'เสนอทีมจังหวัด', width: 12 },
        ]);
        for (const line of list) {
          const row = sheet.addRow([line.issueNo, line.rank ?? '', line.name, line.tambonNameTh, line.budget, sourceLabels[line.source ?? ''] ?? line.source ?? '', line.flagged ? 'ใช่' : '']);
          row.getCell(5).numFmt = money;
          count += 1;
        }
      }
    }
  }
  await writeStreamAtomic(ctx.fs, file, 'replace', async (stream) => {
    await book.xlsx.write(stream);
  });
  return count;
}
