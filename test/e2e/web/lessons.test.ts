/**
 * Browser end to end for lessons learned and progress reports: the lessons list, a Thai search
 * inside a sentence, a keyword chip, a new lesson typed from the keyboard (a bad date refused
 * under its field, then saved with Ctrl+Enter, attached to a project), delete and undo, a lesson's
 * PDF read back; the progress page, a progress update moving a project's status, the Excel export;
 * then a data center's progress by tambon cluster with a group made on screen. Every screen at
 * 1024×768, 1366×768 and 1920×1080 with no sideways scroll, in test-results/screenshots/.
 *
 * Needs `npm run build` first. Without Chromium it is skipped with the reason, except under
 * CI=true, where it fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startWebHarness, type WebHarness, describeInChromium } from '../../support/harness';
import { answerPrompt, must, openPage } from '../../support/page';
import { atEverySize, sizes } from '../../support/screens';

describeInChromium('browser end to end: lessons and progress reports', (chromiumPath) => {
  let web: WebHarness;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const projectIds: string[] = [];

  const lesson = (over: Record<string, unknown>) => ({
    title: 'การทำปุ๋ยหมักชีวภาพลดต้นทุนการผลิตข้าว',
    heldOn: '2026-05-20',
    place: 'ศาลาประชาคมหมู่ที่ 2',
    recorder: 'นางสาวทดสอบ บันทึกดี',
    story: 'ชาวบ้านรวมกลุ่มกันทำปุ๋ยหมักจากฟางข้าวและมูลสัตว์ ใช้เองในแปลงนา ลดการซื้อปุ๋ยเคมีได้ครึ่งหนึ่ง',
    knowledgeAssets: 'สูตรปุ๋ยหมักฟางข้าว',
    coreCompetency: 'การรวมกลุ่มพึ่งตนเอง',
    strategy: '',
    relatedRules: '',
    keywords: ['ปุ๋ยหมัก', 'ข้าว'],
    target: null,
    ...over,
  });

  beforeAll(async () => {
    web = await startWebHarness();
    browser = await launchChromium(chromiumPath);
    page = await openPage(browser, pageErrors);
    await must(web.call('prefs.set', { operatorName: 'นางสาวสมใจ ใจดี' }));
    await must(web.call('workspace.create', { path: 'nasai.tambon', tambonCode: '800108', officeType: 'sao', officeName: 'องค์การบริหารส่วนตำบลนาทราย', framework: { presetId: 'nst-coop-phase2' } }));
    const issues = web.ctx.session.workspace!.sqlite.prepare('select id from strategic_issues where deleted_at is null order by no').pluck().all() as string[];
    for (const [i, name, status, budget] of [
      [0, 'ก่อสร้างถนนคอนกรีตเสริมเหล็กสายบ้านนาทราย–บ้านควนหรั่ง หมู่ที่ 1 ถึงหมู่ที่ 2', 'in-plan', 1_500_000],
      [1, 'ธนาคารปุ๋ยอินทรีย์ชุมชน', 'funded', 120_000],
      [1, 'ตลาดนัดสีเขียวหน้าวัด', 'proposed', 60_000],
      [4, 'อนุรักษ์ประเพณีชักพระ', 'done', 45_000],
    ] as const) {
      projectIds.push((await must(web.call('forum.projects.add', { issueId: issues[i]!, values: { name, status, yearBudgets: { '2569': budget } } }))).id);
    }
    await must(web.call('lessons.create', { values: lesson({ target: { kind: 'project', id: projectIds[1]! } }) }));
    await must(web.call('lessons.create', { values: lesson({ title: 'ตลาดนัดสีเขียว', story: 'เกษตรกรนำผักปลอดสารพิษมาขายทุกวันเสาร์', keywords: ['ตลาด'], heldOn: '2026-06-13', recorder: null }) }));
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('lists the lessons and finds a phrase inside a Thai sentence', async () => {
    await page.goto(web.harness.url);
    await page.getByTestId('workspace-screen').waitFor();
    await page.getByTestId('nav-lessons').click();
    await page.getByTestId('lessons-panel').waitFor();
    await expect.poll(() => page.getByTestId('lesson-card').count()).toBe(2);
    expect(await page.evaluate<boolean>(`document.fonts.check("16px Sarabun", "ถอดบทเรียน")`)).toBe(true);
    await atEverySize(page, 'lessons-list');
    await page.getByTestId('lessons-search').fill('ลดการซื้อ');
    await expect.poll(() => page.getByTestId('lesson-card').count()).toBe(1);
    expect(await page.getByTestId('lessons-count').textContent()).toBe('พบ 1 จาก 2 เรื่อง');
    await page.getByTestId('lessons-search').fill('');
    await page.getByTestId('lessons-keyword').filter({ hasText: 'ตลาด' }).click();
    await expect.poll(() => page.getByTestId('lesson-card').count()).toBe(1);
    expect(await page.getByTestId('lesson-card').textContent()).toContain('ตลาดนัดสีเขียว');
    await page.getByTestId('lessons-keyword').filter({ hasText: 'ตลาด' }).click();
    await expect.poll(() => page.getByTestId('lesson-card').count()).toBe(2);
  });

  it('records a new lesson from the keyboard: a bad date is refused under its field, Ctrl+Enter saves', async () => {
    await page.getByTestId('lesson-add').click();
    await page.getByTestId('lesson-editor').waitFor();
    // The title has the focus; Tab moves on to the date.
    await page.keyboard.type('การจัดการขยะด้วยธนาคารขยะ');
    await page.keyboard.press('Tab');
    await page.keyboard.type('31/2/2569');
    await page.locator('#lesson-place').fill('โรงเรียนบ้านนาทราย');
    await page.locator('#lesson-target').selectOption({ label: 'โครงการ ธนาคารปุ๋ยอินทรีย์ชุมชน' });
    await page.getByTestId('lesson-keywords').fill('ขยะ, ธนาคาร');
    await page.locator('#lesson-story').fill('นักเรียนนำขยะรีไซเคิลมาฝากทุกวันศุกร์\nรายได้เข้ากองทุนอาหารกลางวัน');
    await page.locator('#lesson-knowledgeAssets').fill('การคัดแยกขยะ 4 ประเภท');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('error-lesson-heldOn-error').waitFor();
    expect(await page.getByTestId('error-lesson-heldOn-error').textContent()).toContain('วันที่ไม่ถูกต้อง');
    await atEverySize(page, 'lesson-editor-error');
    await page.getByTestId('lesson-date').fill('5/7/2569');
    await page.getByTestId('lesson-date').press('Control+Enter');
    await expect.poll(() => page.getByTestId('lesson-editor').count()).toBe(0);
    await expect.poll(() => page.getByTestId('lesson-card').count()).toBe(3);
    const saved = (await must(web.call('lessons.list', { query: 'ธนาคารขยะ' }))).lessons[0]!;
    expect(saved).toMatchObject({ heldOn: '2026-07-05', keywords: ['ขยะ', 'ธนาคาร'], target: { kind: 'project', id: projectIds[1] }, story: 'นักเรียนนำขยะรีไซเคิลมาฝากทุกวันศุกร์\nรายได้เข้ากองทุนอาหารกลางวัน' });
    // The newest activity comes first.
    expect(await page.getByTestId('lesson-card').first().textContent()).toContain('การจัดการขยะด้วยธนาคารขยะ');
    expect(await page.getByTestId('lesson-card').first().textContent()).toContain('5 ก.ค. 2569');
  });

  it('deletes with undo, and prints a lesson to PDF', async () => {
    await page.getByTestId('lesson-remove').first().click();
    await expect.poll(() => page.getByTestId('lesson-card').count()).toBe(2);
    await page.getByTestId('toast-lesson').getByRole('button', { name: 'เลิกทำ' }).click();
    await expect.poll(() => page.getByTestId('lesson-card').count()).toBe(3);
    await page.getByTestId('lesson-pdf').first().click();
    await answerPrompt(page, 'ธนาคารขยะ.pdf', 60_000);
    const file = path.join(web.root, 'ธนาคารขยะ.pdf');
    await expect.poll(() => fs.existsSync(file), { timeout: 30_000 }).toBe(true);
    if (fs.existsSync('/usr/bin/pdftotext')) {
      const text = spawnSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('การจัดการขยะด้วยธนาคารขยะ');
      expect(text).toContain('รายได้เข้ากองทุนอาหารกลางวัน');
    }
  });

  it('shows the progress report, takes a progress update and exports Excel', async () => {
    await page.getByTestId('nav-progress').click();
    await page.getByTestId('progress-panel').waitFor();
    await expect.poll(() => page.getByTestId('progress-projects').locator('tbody tr').count()).toBe(4);
    const total = page.getByTestId('progress-summary').locator('tbody tr').last();
    expect(await total.textContent()).toContain('1,725,000');
    await atEverySize(page, 'progress');
    await page.getByTestId('progress-update').first().click();
    await page.getByTestId('update-dialog').waitFor();
    await page.getByTestId('update-percent').fill('35');
    await page.getByTestId('update-status').selectOption('funded');
    await page.locator('#update-note').fill('ได้รับจัดสรรงบประมาณแล้ว รอประกาศจัดซื้อจัดจ้าง');
    await atEverySize(page, 'progress-update');
    await page.getByTestId('update-save').click();
    await expect.poll(() => page.getByTestId('update-dialog').count()).toBe(0);
    const first = page.getByTestId('progress-projects').locator('tbody tr').first();
    await expect.poll(() => first.textContent()).toContain('35');
    expect(await first.textContent()).toContain('ได้รับงบ');
    await page.getByTestId('progress-xlsx').click();
    await answerPrompt(page, 'ความก้าวหน้า.xlsx', 60_000);
    await expect.poll(() => fs.existsSync(path.join(web.root, 'ความก้าวหน้า.xlsx')), { timeout: 30_000 }).toBe(true);
  });

  it('shows the data center\'s progress by tambon cluster and makes a group', async () => {
    await must(web.call('workspace.close', {}));
    await must(web.call('datacenter.create', { path: 'province-80.tpdc', areaCode: '80' }));
    await page.reload();
    await page.getByTestId('datacenter-screen').waitFor();
    await page.getByTestId('dc-nav-progress').click();
    await page.getByTestId('cluster-panel').waitFor();
    await expect.poll(() => page.getByTestId('clusters-table').locator('tbody tr').count()).toBeGreaterThan(10);
    await atEverySize(page, 'clusters');
    await page.getByTestId('cluster-name').fill('กลุ่มลุ่มน้ำปากพนัง');
    // No tambon chosen: the picker says so in Thai.
    await page.getByTestId('cluster-save').click();
    expect(await page.getByTestId('error-cluster-codes-error').textContent()).toContain('กรุณาเลือกตำบลอย่างน้อย 1 ตำบล');
    // Tambons are found by name (ต.นาทราย) or by code, in Thai digits too, and chosen by their checkbox.
    await page.getByTestId('cluster-filter').fill('นาทราย');
    await expect.poll(() => page.getByTestId('cluster-tambons').locator('input[type=checkbox]').count()).toBe(1);
    await page.getByTestId('cluster-tambon-800108').check();
    await page.getByTestId('cluster-filter').fill('๘๐๐๑๐๒');
    await page.getByTestId('cluster-tambon-800102').check();
    expect(await page.getByTestId('cluster-chosen').textContent()).toBe('ต.ท่าวัง, ต.นาทราย');
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.getByTestId('cluster-chosen').scrollIntoViewIfNeeded();
      await atEverySize(page, 'clusters-picker', [size]);
    }
    await page.getByTestId('cluster-save').click();
    await page.getByTestId('clusters-scope-custom').click();
    await expect.poll(() => page.getByTestId('clusters-table').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('clusters-table').textContent()).toContain('กลุ่มลุ่มน้ำปากพนัง');
    await page.getByTestId('clusters-table').getByRole('button', { name: /กลุ่มลุ่มน้ำปากพนัง/ }).click();
    await expect.poll(() => page.getByTestId('clusters-table').locator('tbody tr').count()).toBe(3);
    await atEverySize(page, 'clusters-custom');
    expect(pageErrors).toEqual([]);
  });
});
