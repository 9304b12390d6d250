/**
 * Browser end to end for the registers (ทะเบียนบุคคลและองค์กร): a working-group member typed from
 * the keyboard, a ninth leader refused with the Thai message in the form, a leader's
 * self-assessment, a learning centre, a welfare fund's years with the shares due and an activity
 * with a พ.ศ. due date, an organisation deleted and brought back, and the workbook exported. Every
 * tab at 1024×768, 1366×768 and 1920×1080 with no sideways scroll, in screenshots under
 * test-results/screenshots/.
 *
 * Needs `npm run build` first. Without Chromium it is skipped with the reason, except under
 * CI=true, where it fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startWebHarness, type WebHarness, describeInChromium } from '../../support/harness';
import { must, openPage } from '../../support/page';
import { atEverySize, screenshotDir } from '../../support/screens';

describeInChromium('browser end to end: registers', (chromiumPath) => {
  let web: WebHarness;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const villageIds: string[] = [];

  const rows = (id: string) => page.locator(`[data-testid="${id}-table"] tbody tr`);

  beforeAll(async () => {
    web = await startWebHarness();
    browser = await launchChromium(chromiumPath);
    page = await openPage(browser, pageErrors);
    fs.mkdirSync(screenshotDir, { recursive: true });
    await must(web.call('prefs.set', { operatorName: 'นางสาวสมใจ ใจดี' }));
    await must(web.call('workspace.create', { path: 'nasai.tambon', tambonCode: '800108', officeType: 'sao', officeName: 'องค์การบริหารส่วนตำบลนาทราย', framework: { presetId: 'nst-coop-phase2' } }));
    for (const [moo, name] of [[1, 'บ้านนาทราย'], [2, 'บ้านควนหรั่ง'], [3, 'บ้านหนองหว้า']] as const) villageIds.push((await must(web.call('villages.add', { moo, name }))).id);
    // หมู่ 1 already has its eight leaders; a fund with a year typed and one to estimate.
    for (let i = 1; i <= 8; i += 1) await must(web.call('registers.leaders.save', { values: { villageId: villageIds[0]!, name: `นางแกนนำ ทดสอบที่${i}`, role: i === 1 ? 'head' : 'kunkit', training: i <= 2 ? 'หลักสูตรผู้นำการเปลี่ยนแปลง รุ่นที่ 3' : null } }));
    const fund = await must(web.call('registers.welfareFunds.save', { values: { name: 'กองทุนสวัสดิการชุมชนตำบลนาทราย', tier: 'model', startYear: 2553, members: 812, monthlyContribution: 30 } }));
    await must(web.call('registers.fundYears.save', { values: { fundId: fund.id, year: 2567, contributions: 292_320, benefits: { birth: 12_000, sickness: 45_500 } } }));
    await must(web.call('registers.fundYears.save', { values: { fundId: fund.id, year: 2568, members: 840 } }));
    await must(web.call('registers.organisations.save', { values: { name: 'กลุ่มออมทรัพย์เพื่อการผลิตบ้านหนองหว้า', villageId: villageIds[2]!, kind: 'savings-group', members: 145, capital: 1_250_000 } }));
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('types a working-group member and a facilitator from the keyboard', async () => {
    await page.goto(web.harness.url);
    await page.getByTestId('workspace-screen').waitFor();
    await page.getByTestId('nav-registers').click();
    await page.getByTestId('registers-panel').waitFor();
    await page.locator('#wg-name').fill('นายสมชาย ใจกว้าง');
    await page.locator('#wg-position').selectOption('chair');
    await page.locator('#wg-organisation').fill('องค์การบริหารส่วนตำบลนาทราย');
    await page.locator('#wg-phone').press('Enter');
    await expect.poll(() => rows('wg').count()).toBe(1);
    await page.locator('#wg-name').fill('นายกำนัน ดีเด่น');
    await page.locator('#wg-position').selectOption('adviser');
    await page.locator('#wg-name').press('Enter');
    await expect.poll(() => rows('wg').count()).toBe(2);
    await page.locator('#fac-name').fill('ดร.อำนวย ช่วยคิด');
    await page.locator('#fac-sector').selectOption('academic');
    await page.locator('#fac-organisation').fill('มหาวิทยาลัยราชภัฏนครศรีธรรมราช');
    await page.getByTestId('fac-submit').click();
    await expect.poll(() => rows('fac').count()).toBe(1);
    expect(await rows('wg').first().textContent()).toContain('ประธาน (นายก อปท.)');
    await atEverySize(page, 'registers-people');
  });

  it('refuses a ninth leader of a village with the Thai message, and keeps a leader’s self-assessment', async () => {
    await page.getByTestId('registers-tab-people').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('register-leaders').waitFor();
    expect(await page.getByTestId('leaders-counts').textContent()).toContain('หมู่ 1: 8/8 คน');
    await page.locator('#leaders-villageId').selectOption(villageIds[0]!);
    await page.locator('#leaders-name').fill('นายคนที่เก้า เกินมา');
    await page.locator('#leaders-role').selectOption('kunkit');
    await page.getByTestId('leaders-submit').click();
    await expect.poll(() => page.locator('#leaders-villageId-error').textContent()).toContain('หมู่ที่ 1 มีคณะผู้นำครบ 8 คนแล้ว');
    await page.locator('#leaders-villageId').selectOption(villageIds[1]!);
    await page.getByTestId('leaders-submit').click();
    await expect.poll(() => rows('leaders').count()).toBe(9);
    await atEverySize(page, 'registers-leaders');

    await page.getByTestId('leader-assessment').first().click();
    const dialog = page.getByTestId('assessment-dialog');
    await dialog.waitFor();
    await page.getByTestId('assessment-income-now').selectOption('2');
    await page.getByTestId('assessment-income-aim').selectOption('5');
    await page.getByTestId('assessment-debt-now').selectOption('1');
    await atEverySize(page, 'registers-assessment');
    await page.getByTestId('assessment-save').click();
    await expect.poll(() => dialog.count()).toBe(0);
    const view = await must(web.call('registers.get', {}));
    expect(view.leaders.find((l) => l.name === 'นางแกนนำ ทดสอบที่1')!.selfAssessment).toEqual({ income: { now: 2, aim: 5 }, debt: { now: 1, aim: null } });
  });

  it('adds a learning centre, a refused number naming its field', async () => {
    await page.getByTestId('registers-tab-centres').click();
    await page.locator('#centres-name').fill('ศูนย์เรียนรู้เศรษฐกิจพอเพียงบ้านควนหรั่ง');
    await page.locator('#centres-villageId').selectOption(villageIds[1]!);
    await page.locator('#centres-activities').fill('ปุ๋ยหมักชีวภาพ เลี้ยงไก่ไข่ เพาะเห็ด');
    await page.locator('#centres-peopleServed').fill('สองร้อย');
    await page.getByTestId('centres-submit').click();
    await expect.poll(() => page.locator('#centres-peopleServed-error').textContent()).toContain('ผู้ใช้บริการต่อปี (คน)');
    await page.locator('#centres-peopleServed').fill('๑,๒๕๐');
    await page.getByTestId('centres-submit').click();
    await expect.poll(() => rows('centres').count()).toBe(1);
    expect(await rows('centres').first().textContent()).toContain('1,250');
    await atEverySize(page, 'registers-centres');
  });

  it('shows a fund’s shares due and plans an activity with a พ.ศ. due date', async () => {
    await page.getByTestId('registers-tab-funds').click();
    await page.getByTestId('fund-details').click();
    await page.getByTestId('fund-detail').waitFor();
    const years = await rows('years').allTextContents();
    expect(years[0]).toContain('292,320');
    // 2568: 840 members × 30 baht × 12 = 302,400, estimated and matched one to one.
    expect(years[1]).toContain('302,400 *');
    await page.locator('#plan-heading').selectOption('2');
    await page.locator('#plan-activity').fill('จ่ายสวัสดิการผู้สูงอายุรายเดือน');
    await page.locator('#plan-dueDate').fill('31/2/2569');
    await page.getByTestId('plan-submit').click();
    await expect.poll(() => page.locator('#plan-dueDate-error').textContent()).toContain('พ.ศ.');
    await page.locator('#plan-dueDate').fill('30/9/2569');
    await page.getByTestId('plan-submit').click();
    await expect.poll(() => rows('plan').count()).toBe(1);
    expect(await rows('plan').first().textContent()).toContain('30/9/2569');
    const view = await must(web.call('registers.get', {}));
    expect(view.welfareFunds[0]!.plan[0]).toMatchObject({ heading: 2, dueDate: '2026-09-30' });
    await atEverySize(page, 'registers-funds');
  });

  it('deletes an organisation and brings it back; exports the workbook', async () => {
    await page.getByTestId('registers-tab-organisations').click();
    await expect.poll(() => rows('orgs').count()).toBe(1);
    await atEverySize(page, 'registers-organisations');
    await rows('orgs').first().getByRole('button', { name: /^ลบ / }).click();
    await expect.poll(() => rows('orgs').count()).toBe(0);
    await page.getByTestId('toast-register').getByRole('button', { name: 'เลิกทำ' }).click();
    await expect.poll(() => rows('orgs').count()).toBe(1);
    // And from the keyboard: Ctrl+Z brings back the last row deleted.
    await rows('orgs').first().getByRole('button', { name: /^ลบ / }).click();
    await expect.poll(() => rows('orgs').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => rows('orgs').count()).toBe(1);

    await page.getByTestId('registers-export').click();
    const prompt = page.getByTestId('path-prompt');
    await prompt.waitFor();
    await page.locator('#path-prompt-input').fill('ทะเบียน.xlsx');
    await page.getByTestId('path-prompt-ok').click();
    await expect.poll(() => fs.existsSync(path.join(web.root, 'ทะเบียน.xlsx'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
