/**
 * Browser end to end for imports and evidence: a generated จปฐ. workbook (title rows, a two-row
 * header, name and citizen-id columns, a bad answer and an unknown village) imported through the
 * wizard — the header found, the mapping shown and corrected, the check's report (rows and column
 * letters) downloaded, the valid rows accepted — then the dashboards: heat tables and bar charts
 * drawn in Sarabun, a table view, an Excel export, a figure pinned, the income threshold entered,
 * household accounts, กชช.2ค grades and common issues. Every screen at 1024×768, 1366×768 and
 * 1920×1080 with no sideways scroll, in screenshots under test-results/screenshots/.
 *
 * Needs `npm run build` first. Without Chromium it is skipped with the reason, except under
 * CI=true, where it fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runJobInline } from '../../../src/main/services/jobs/inline';
import { launchChromium, startWebHarness, type WebHarness, describeInChromium } from '../../support/harness';
import { answerPrompt, must, openPage } from '../../support/page';
import { atEverySize, screenshotDir } from '../../support/screens';
import { fakeCitizenId, fakeName, makeHouseholds, writeBmnWorkbook, writeRowsWorkbook } from '../../support/surveyFiles';

describeInChromium('browser end to end: imports and evidence', (chromiumPath) => {
  let web: WebHarness;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  /** Answers the in-page file prompt with `name` (a file under the harness's folder). */
  /** Waits until every chart canvas on the page has been drawn (after the Thai font loaded). */
  const chartsDrawn = async () => {
    await expect.poll(() => page.locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate<boolean>(`[...document.querySelectorAll('canvas')].every((c) => c.dataset.drawn === 'true')`)).toBe(true);
  };

  beforeAll(async () => {
    web = await startWebHarness();
    browser = await launchChromium(chromiumPath);
    page = await openPage(browser, pageErrors, { http: true });
    fs.mkdirSync(screenshotDir, { recursive: true });

    // ต.นาทราย with four villages, as a clerk would have set it up.
    await must(web.call('prefs.set', { operatorName: 'นางสาวสมใจ ใจดี' }));
    await must(web.call('workspace.create', { path: 'nasai.tambon', tambonCode: '800108', officeType: 'sao', officeName: 'องค์การบริหารส่วนตำบลนาทราย', framework: { presetId: 'nst-coop-phase2' } }));
    for (const [moo, name] of [[1, 'บ้านนาทราย'], [2, 'บ้านควนหรั่ง'], [3, 'บ้านหนองหว้า'], [4, 'บ้านทุ่งใหญ่']] as const) {
      await must(web.call('villages.add', { moo, name }));
    }
    // The survey file the wizard imports: 80 households, with names and citizen ids, a bad answer and an unknown village.
    const households = makeHouseholds(80, [1, 2, 3, 4]);
    households[5]!.answers[8] = 'ผ่านบางส่วน';
    households[9]!.moo = 9;
    await writeBmnWorkbook(path.join(web.root, 'จปฐ-2563-นาทราย.xlsx'), { households, title: true, year: 2563, personal: true, twoRowHeader: true, totals: true });
    // Household accounts and a กชช.2ค table, imported before the dashboard is opened.
    const ledger = await writeRowsWorkbook(path.join(web.root, 'บัญชีครัวเรือน.xlsx'), {
      บัญชี: [
        ['วันที่', 'หมู่ที่', 'บ้านเลขที่', 'ชื่อ', 'รายการ', 'รายรับ', 'รายจ่าย'],
        ...[1, 2, 3, 4].flatMap((moo) =>
          [1, 2, 3].flatMap((h) => [
            [`0${h}/01/2566`, moo, `${h}`, fakeName(moo * 10 + h), 'ขายยางพารา', 8000 + moo * 500, null],
            [`1${h}/01/2566`, moo, `${h}`, fakeName(moo * 10 + h), 'ซื้อปุ๋ย', null, 2500],
            [`2${h}/01/2566`, moo, `${h}`, fakeName(moo * 10 + h), 'ค่าหวย', null, moo * 150],
            [`0${h}/02/2566`, moo, `${h}`, fakeName(moo * 10 + h), 'ผ่อนรถ', null, 3000 + h * 1000],
            [`1${h}/02/2566`, moo, `${h}`, fakeName(moo * 10 + h), 'ค่าไฟฟ้า', null, 600],
          ]),
        ),
      ],
    });
    const nrd2c = await writeRowsWorkbook(path.join(web.root, 'กชช2ค.xlsx'), {
      'กชช.2ค': [
        ['ข้อมูลพื้นฐานระดับหมู่บ้าน (กชช.2ค) ปี 2564'],
        ['หมู่ที่', 'ระดับหมู่บ้าน', 'ถนนลูกรัง (กม.)', 'ครัวเรือนมีน้ำประปา (%)', 'ปัญหาหลัก'],
        [1, 'ล้าหลัง', 3.5, 62, 'น้ำท่วมขังหน้าฝน'],
        [2, 'ปานกลาง', 1.2, 80, 'ขาดตลาดรับซื้อผลผลิต'],
        [3, 'ล้าหลัง', 4, 45, 'ถนนชำรุด'],
        [4, 'ก้าวหน้า', 0, 95, 'ขยะ'],
      ],
    });
    for (const [file, kind] of [[ledger, 'accounts'], [nrd2c, 'nrd2c']] as const) {
      const outcome = await runJobInline(web.ctx, 'import', { path: file, kind });
      expect(outcome.status).toBe('imported');
    }
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('opens the workspace and the import wizard', async () => {
    await page.goto(web.harness.url);
    await page.getByTestId('workspace-screen').waitFor();
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('imports-panel').waitFor();
    // The two imports made before are listed.
    await expect.poll(() => page.getByTestId('import-row').count()).toBe(2);
    await atEverySize(page, 'imports-history');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-wizard').waitFor();
    await atEverySize(page, 'import-choose');
  });

  it('reads the file: the header found under the title rows, the columns mapped, names and ids not shown', async () => {
    await page.getByTestId('import-choose-file').click();
    await answerPrompt(page, 'จปฐ-2563-นาทราย.xlsx');
    await expect.poll(() => page.getByTestId('import-file').textContent()).toBe('จปฐ-2563-นาทราย.xlsx');
    await page.getByTestId('import-inspect').click();
    await page.getByTestId('mapping-table').waitFor();
    expect(await page.getByTestId('import-header').textContent()).toContain('แถว 3–4 (หัวตาราง 2 แถว)');
    expect(await page.locator('#import-year-map').inputValue()).toBe('2563');
    expect(await page.getByTestId('mapping-field-A').inputValue()).toBe('moo');
    expect(await page.getByTestId('mapping-field-D').inputValue()).toBe('personal');
    expect(await page.getByTestId('mapping-field-E').inputValue()).toBe('personal');
    expect(await page.getByTestId('mapping-field-G').inputValue()).toBe('indicator:1');
    expect(await page.getByTestId('mapping-row-D').textContent()).toContain('ข้อมูลส่วนบุคคล ไม่แสดง');
    const shown = (await page.getByTestId('import-wizard').textContent()) ?? '';
    expect(shown).not.toContain(fakeName(0));
    expect(shown).not.toContain(fakeCitizenId(0));
    await atEverySize(page, 'import-mapping');
    // The person corrects a column: the house code is not to be used here.
    await page.getByTestId('mapping-field-C').selectOption('ignore');
  });

  it('checks every row: counts, values converted, a preview, the problems by row and column letter, and the report', async () => {
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-report').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-rows-read').textContent()).toBe('80');
    expect(await page.getByTestId('import-rows-ok').textContent()).toBe('78');
    expect(await page.getByTestId('import-rows-rejected').textContent()).toBe('2');
    const problems = page.getByTestId('import-problems').locator('tbody tr');
    await expect.poll(() => problems.count()).toBe(2);
    // Row 10 of the sheet (a title, a blank row, two header rows, then the sixth household), column O (indicator 9).
    expect(await problems.nth(0).textContent()).toMatch(/จปฐ\s*10\s*O.*ผ่านบางส่วน/);
    expect(await problems.nth(1).textContent()).toMatch(/จปฐ\s*14\s*A.*ไม่พบหมู่บ้าน/);
    await expect.poll(() => page.getByTestId('import-preview').locator('tbody tr').count()).toBe(10);
    await atEverySize(page, 'import-report');
    await page.getByTestId('import-report-download').click();
    await answerPrompt(page, 'รายงาน-จปฐ.xlsx');
    await expect.poll(() => fs.existsSync(path.join(web.root, 'รายงาน-จปฐ.xlsx'))).toBe(true);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(path.join(web.root, 'รายงาน-จปฐ.xlsx'));
    expect(report.getWorksheet('แถวที่ไม่ผ่าน')!.getRow(4).getCell(3).value).toBe('O');
  });

  it('imports the valid rows, with progress, and records the import', async () => {
    await page.getByTestId('import-accept').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-done').textContent()).toContain('นำเข้า 78 แถวจาก จปฐ-2563-นาทราย.xlsx แล้ว');
    await atEverySize(page, 'import-done');
    const imports = await must(web.call('imports.list', {}));
    expect(imports[0]).toMatchObject({ fileName: 'จปฐ-2563-นาทราย.xlsx', rows: { imported: 78, rejected: 2 }, operator: 'นางสาวสมใจ ใจดี' });
  });

  it('shows the จปฐ. dashboard: heat tables and charts in Sarabun, a table view, an export', async () => {
    await page.getByTestId('import-show-evidence').click();
    await page.getByTestId('bmn-view').waitFor();
    await chartsDrawn();
    expect(await page.evaluate<boolean>(`document.fonts.check("16px Sarabun", "ตัวชี้วัด")`)).toBe(true);
    expect(await page.getByTestId('bmn-households').textContent()).toBe('78');
    await expect.poll(() => page.getByTestId('heat-1').locator('tbody tr').count()).toBe(4);
    await atEverySize(page, 'evidence-bmn');
    await page.getByTestId('chart-bmn-group-1').scrollIntoViewIfNeeded();
    await atEverySize(page, 'evidence-bmn-chart');
    await page.getByTestId('chart-bmn-group-3-show-table').click();
    const table = page.getByTestId('chart-bmn-group-3-table');
    await table.waitFor();
    expect(await table.textContent()).toContain('ไม่ได้กำหนดเป้าหมาย');
    await atEverySize(page, 'evidence-bmn-table');
    await page.getByTestId('chart-bmn-group-3-export').click();
    await answerPrompt(page, 'หมวด3.xlsx');
    await expect.poll(() => fs.existsSync(path.join(web.root, 'หมวด3.xlsx'))).toBe(true);
    // One village at a time.
    await page.getByTestId('bmn-scope').selectOption({ label: 'หมู่ 2 บ้านควนหรั่ง' });
    await page.getByTestId('chart-bmn-village').waitFor();
    await chartsDrawn();
    await atEverySize(page, 'evidence-bmn-village');
    await page.getByTestId('bmn-scope').selectOption('tambon');
  });

  it('pins a figure as evidence from a heat-table cell', async () => {
    await page.getByTestId('heat-3').getByRole('button', { name: /หมู่ 1 ข้อ 17/ }).click();
    const dialog = page.getByTestId('pin-dialog');
    await dialog.waitFor();
    expect(await page.locator('#pin-title').inputValue()).toBe('หมู่ 1 ตัวชี้วัดที่ 17: ครัวเรือนที่ไม่ผ่าน');
    expect(await page.getByTestId('pin-value').textContent()).toMatch(/^ไม่ผ่าน \d+\.\d% \(\d+ จาก \d+ ครัวเรือน\)$/);
    await atEverySize(page, 'evidence-pin');
    await page.getByTestId('pin-confirm').click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByTestId('evidence-tab-items').click();
    await expect.poll(() => page.getByTestId('evidence-item').count()).toBe(1);
    expect(await page.getByTestId('evidence-item').textContent()).toContain('จปฐ-2563-นาทราย.xlsx');
    await atEverySize(page, 'evidence-items');
  });

  it('recomputes indicator 22 once the threshold is entered, and flags disagreements', async () => {
    await page.getByTestId('evidence-tab-income').click();
    await page.getByTestId('income-no-threshold').waitFor();
    await chartsDrawn();
    await atEverySize(page, 'evidence-income-no-threshold');
    await page.locator('#income-threshold-input').fill('๕๐,๐๐๐');
    await page.getByTestId('income-threshold-save').click();
    await expect.poll(() => page.getByTestId('income-threshold').textContent()).toContain('50,000');
    await page.getByTestId('income-disagreements').waitFor();
    await chartsDrawn();
    await atEverySize(page, 'evidence-income');
    await page.getByTestId('chart-income-distribution').scrollIntoViewIfNeeded();
    await atEverySize(page, 'evidence-income-chart');
  });

  it('shows household accounts, village tables with grades, and common issues', async () => {
    await page.getByTestId('evidence-tab-accounts').click();
    await page.getByTestId('accounts-view').waitFor();
    await chartsDrawn();
    await page.getByTestId('chart-accounts-villages').scrollIntoViewIfNeeded();
    await atEverySize(page, 'evidence-accounts');
    await page.getByTestId('chart-accounts-villages-show-table').click();
    await atEverySize(page, 'evidence-accounts-table');

    await page.getByTestId('evidence-tab-tables').click();
    await page.getByTestId('chart-nrd2c-grades').waitFor();
    await chartsDrawn();
    await page.getByTestId('chart-nrd2c-grades').scrollIntoViewIfNeeded();
    await atEverySize(page, 'evidence-nrd2c');

    await page.getByTestId('evidence-tab-issues').click();
    await expect.poll(() => page.getByTestId('common-issue').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('issues-view').textContent()).toContain('หมู่บ้านระดับ 1 (ล้าหลัง)');
    await atEverySize(page, 'evidence-issues');

    await page.getByTestId('evidence-tab-sets').click();
    await page.getByTestId('targets-table').waitFor();
    await atEverySize(page, 'evidence-sets');
  });

  it('is in English too', async () => {
    await page.getByTestId('language-toggle').click();
    await page.getByTestId('evidence-tab-bmn').click();
    await page.getByRole('tab', { name: 'BMN' }).waitFor();
    await chartsDrawn();
    await atEverySize(page, 'evidence-bmn-en');
    await page.getByTestId('language-toggle').click();
  });

  it('undoes the import from the history, and the dashboard follows', async () => {
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-undo').first().click();
    await page.getByTestId('import-undo-dialog').getByTestId('confirm-button').click();
    await expect.poll(() => page.locator('[data-testid="import-row"][data-status="undone"]').count()).toBe(1);
    await page.getByTestId('nav-evidence').click();
    await page.getByTestId('bmn-empty').waitFor();
  });

  it('raised no page error, console error or failed request on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
