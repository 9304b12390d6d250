/**
 * Browser end to end for the self-assessment: the starting-point notice, a round added with a
 * พ.ศ. date, scores typed into the grid from the keyboard (Enter and arrows move, autosave, a bad
 * score named in Thai, undo), the grade shown, a second round compared with the first (the bar
 * chart by component and the grade's move), the grade summary and the framework. Every screen at
 * 1024×768, 1366×768 and 1920×1080 with no sideways scroll, screenshots under
 * test-results/screenshots/.
 *
 * Needs `npm run build` first. Without Chromium it is skipped with the reason, except under
 * CI=true, where it fails.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startWebHarness, type WebHarness, describeInChromium } from '../../support/harness';
import { must, openPage } from '../../support/page';
import { atEverySize, screenshotDir } from '../../support/screens';

describeInChromium('browser end to end: assessment', (chromiumPath) => {
  let web: WebHarness;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const criteria = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '5.4'];

  beforeAll(async () => {
    web = await startWebHarness();
    browser = await launchChromium(chromiumPath);
    page = await openPage(browser, pageErrors);
    fs.mkdirSync(screenshotDir, { recursive: true });
    await must(web.call('prefs.set', { operatorName: 'นางสาวสมใจ ใจดี' }));
    await must(web.call('workspace.create', { path: 'nasai.tambon', tambonCode: '800108', officeType: 'sao', officeName: 'องค์การบริหารส่วนตำบลนาทราย', framework: { presetId: 'nst-coop-phase2' } }));
    for (const [moo, name] of [[1, 'บ้านนาทราย'], [2, 'บ้านควนหรั่ง'], [3, 'บ้านหนองหว้า']] as const) await must(web.call('villages.add', { moo, name }));
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('shows the starting-point notice and adds a round with a Buddhist-Era date', async () => {
    await page.goto(web.harness.url);
    await page.getByTestId('workspace-screen').waitFor();
    await page.getByTestId('nav-assessment').click();
    await page.getByTestId('assessment-panel').waitFor();
    expect(await page.getByTestId('assessment-starting-point').textContent()).toContain('ไม่ใช่เกณฑ์ทางการ');
    await page.getByTestId('assessment-no-rounds').waitFor();
    await atEverySize(page, 'assessment-empty');
    // A bad date is named in Thai, a good one is taken.
    await page.getByTestId('round-label').fill('ก่อน');
    await page.getByTestId('round-date').fill('31/02/2568');
    await page.getByTestId('round-add').click();
    expect(await page.getByTestId('round-error').textContent()).toContain('วันที่ประเมินต้องเป็น วว/ดด/ปปปป พ.ศ.');
    await page.getByTestId('round-date').fill('15/03/2568');
    await page.getByTestId('round-add').click();
    await page.getByTestId('score-grid').waitFor();
    expect(await page.getByTestId('round-ก่อน').textContent()).toContain('2568');
  });

  it('scores a village from the keyboard: autosave, the grade, a bad score refused in Thai, undo', async () => {
    // หมู่ 1: Tab across the row typing 4s and 5s; the last cell's Enter moves down.
    await page.getByTestId('score-1-1.1').click();
    for (const [i] of criteria.entries()) {
      await page.keyboard.type(i % 2 === 0 ? '5' : '4');
      if (i < criteria.length - 1) await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string | undefined>(`document.activeElement?.dataset.testid`)).toBe('score-2-5.4');
    // 10 × 5 and 10 × 4 on 1–5 with equal weights: (40 + 30) / 80 = 87.5 % → A.
    await expect.poll(() => page.getByTestId('score-percent-1').textContent()).toBe('87.5');
    expect(await page.getByTestId('score-grade-1').textContent()).toBe('A');
    expect(await page.getByTestId('score-grade-2').textContent()).toBe('ยังไม่ครบ');
    // Arrow keys: up from หมู่ 2 lands on หมู่ 1.
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate<string | undefined>(`document.activeElement?.dataset.testid`)).toBe('score-1-5.4');

    // A score off the scale is refused, naming the range, and the cell is marked.
    await page.getByTestId('score-2-1.1').fill('7');
    await page.getByTestId('score-2-1.2').focus();
    await expect.poll(() => page.getByTestId('score-error').textContent()).toContain('คะแนนต้องอยู่ระหว่าง 1 ถึง 5');
    await page.getByTestId('score-2-1.1').fill('');
    await page.getByTestId('score-2-1.2').focus();
    await expect.poll(() => page.getByTestId('score-error').count()).toBe(0);

    // Lower หมู่ 1's 1.1 to 1, then undo with Ctrl+Z: back to 5 and grade A.
    await page.getByTestId('score-1-1.1').fill('1');
    await page.getByTestId('score-1-1.2').focus();
    await expect.poll(() => page.getByTestId('score-percent-1').textContent()).toBe('82.5');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('score-1-1.1').inputValue()).toBe('5');
    await expect.poll(() => page.getByTestId('score-percent-1').textContent()).toBe('87.5');

    // Notes save on leaving the field; a participant's name is listed and counted on the round.
    await page.getByTestId('round-notes').fill('ประชุมที่ศาลาหมู่บ้าน ผู้นำครบทุกหมู่');
    await page.getByTestId('participant-name').fill('นางสมศรี ใจดี');
    await page.getByTestId('participant-add').click();
    await expect.poll(() => page.getByTestId('round-summary').textContent()).toContain('ผู้ร่วมประเมิน 1 คน');
    const rounds = await must(web.call('assessment.rounds', {}));
    expect(rounds[0]!.notes).toBe('ประชุมที่ศาลาหมู่บ้าน ผู้นำครบทุกหมู่');
    await atEverySize(page, 'assessment-round');
  });

  it("changes a round's label and date in place, keeping its notes; Escape leaves the edit", async () => {
    await page.getByTestId('round-edit').click();
    expect(await page.getByTestId('round-edit-date').inputValue()).toBe('15/3/2568');
    await page.getByTestId('round-edit-label').fill('ก่อนดำเนินการ');
    await page.getByTestId('round-edit-date').fill('30/02/2568');
    await page.getByTestId('round-save').click();
    expect(await page.getByTestId('round-edit-error').textContent()).toContain('วันที่ประเมินต้องเป็น วว/ดด/ปปปป พ.ศ.');
    await page.getByTestId('round-edit-date').fill('16/03/2568');
    await atEverySize(page, 'assessment-round-edit');
    await page.getByTestId('round-save').click();
    await page.getByTestId('round-ก่อนดำเนินการ').waitFor();
    expect(await page.getByTestId('round-ก่อนดำเนินการ').textContent()).toContain('2568');
    const [edited] = await must(web.call('assessment.rounds', {}));
    expect(edited).toMatchObject({ label: 'ก่อนดำเนินการ', roundDate: '2025-03-16', notes: 'ประชุมที่ศาลาหมู่บ้าน ผู้นำครบทุกหมู่' });
    // Escape leaves an edit unsaved; the label goes back through the same form.
    await page.getByTestId('round-edit').click();
    await page.getByTestId('round-edit-label').fill('ไม่บันทึก');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('round-edit-form').count()).toBe(0);
    expect((await must(web.call('assessment.rounds', {})))[0]!.label).toBe('ก่อนดำเนินการ');
    await page.getByTestId('round-edit').click();
    await page.getByTestId('round-edit-label').fill('ก่อน');
    await page.getByTestId('round-save').click();
    await page.getByTestId('round-ก่อน').waitFor();
  });

  it('compares two rounds for a village: the chart by component, the grade per round and what moved', async () => {
    // A second round "หลัง" where หมู่ 1 scores 2 everywhere: 25 % → C.
    const round = await must(web.call('assessment.addRound', { label: 'หลัง', roundDate: '2025-09-30', notes: null }));
    const villages = await must(web.call('villages.list', {}));
    for (const no of criteria) await must(web.call('assessment.setScore', { roundId: round.id, villageId: villages[0]!.id, criterionNo: no, score: 2 }));
    await page.getByTestId('assessment-tab-compare').click();
    await page.getByTestId('compare-unit').waitFor();
    await expect.poll(() => page.evaluate<boolean>(`[...document.querySelectorAll('canvas')].every((c) => c.dataset.drawn === 'true') && document.querySelectorAll('canvas').length > 0`)).toBe(true);
    const move = page.getByTestId('compare-move');
    await expect.poll(() => move.count()).toBe(1);
    const text = (await move.textContent()) ?? '';
    expect(text).toContain('ก่อน → หลัง');
    expect(text).toContain('A → C');
    expect(text).toContain('ระดับลดลง');
    expect(text).toContain('-62.5');
    await atEverySize(page, 'assessment-compare');
  });

  it('summarises grades per round and shows the framework', async () => {
    await page.getByTestId('assessment-tab-summary').click();
    const before = page.getByTestId('summary-ก่อน');
    await before.waitFor();
    // ก่อน: one A, two villages and the tambon incomplete.
    expect((await before.locator('td').allTextContents()).slice(0, 4)).toEqual(['1', '0', '0', '3']);
    await atEverySize(page, 'assessment-summary');
    await page.getByTestId('assessment-tab-framework').click();
    await page.getByTestId('assessment-framework').waitFor();
    expect(await page.getByTestId('assessment-framework').textContent()).toContain('มาตรฐานสุขภาวะ และมาตรฐานชุมชน');
    await atEverySize(page, 'assessment-framework');
    expect(pageErrors).toEqual([]);
  });
});
