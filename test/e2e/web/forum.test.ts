/**
 * Browser end to end: a small forum in Debian's Chromium against the real services over the
 * harness, in steps that fail separately — village plans, classify six items (keys and a drag),
 * write two problem rows (Enter, Shift+Enter, Tab, Alt+↑, undo), the projector following the
 * editor (live, locked, reveal, ←/→, countdown, paging), three projects with votes, a tie broken by
 * a recorded decision, the readiness check and an export, the print view printed to PDF with its
 * Thai read back by pdftotext, two windows editing one cell, and the last keystroke before a
 * window closes. Screenshots of the editor at 1024×768 and 1366×768 (and 1920×1080) and of the
 * projector at 1024×768 and 1920×1080 go to test-results/screenshots/.
 *
 * Needs `npm run build` first. Without Chromium it is skipped with the reason, except under
 * CI=true, where it fails; pdftotext (poppler-utils) likewise for the PDF step.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src/shared/ipc/contract';
import { describeInChromium, launchChromium, startWebHarness, type WebHarness } from '../../support/harness';
import { atEverySize, screenshotDir, sizes } from '../../support/screens';
import { findTool } from '../../support/tools';

const pdftotext = findTool('pdftotext');

// Each step drives two or three pages on a loaded two-core machine: a minute each at most.
describeInChromium(
  'browser end to end: a small forum',
  (chromiumPath) => {
    let web: WebHarness;
    let browser: Browser;
    let page: Page;
    let projector: Page;
    let issueIds: string[] = [];
    const pageErrors: string[] = [];

    const watch = (p: Page) => {
      p.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
      p.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`console: ${message.text()} ${message.location().url}`);
      });
      p.on('response', (response) => {
        if (response.status() >= 400) pageErrors.push(`HTTP ${response.status()} ${response.url()}`);
      });
    };

    /** Calls a channel over the harness, as the page does, and answers its value. */
    const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      const result = await web.call(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.messageEn}`);
      return result.value;
    };

    /** The font size of the projector table's first cell, in px (a string: this Node-side file has no DOM types). */
    const tdFontSize = `parseFloat(getComputedStyle(document.querySelector('[data-testid="projector-pcs"] td')).fontSize)`;
    const pcsCells = (p: Page, col: string) => p.locator(`[data-testid="pcs-table"] [data-col="${col}"]`);
    const saved = (p: Page) => expect.poll(() => p.getByTestId('save-status').first().textContent()).toBe('บันทึกแล้ว ✓');

    beforeAll(async () => {
      web = await startWebHarness();
      browser = await launchChromium(chromiumPath);
      page = await browser.newPage({ viewport: sizes[1], locale: 'th-TH' });
      watch(page);
      fs.mkdirSync(screenshotDir, { recursive: true });
      // The workspace and its villages are the foundation's (tested by workspace.test.ts): made here through the contract.
      await call('prefs.set', { operatorName: 'นางสาวสมใจ ใจดี' });
      await call('workspace.create', { path: 'forum.tambon', tambonCode: '800108', officeType: 'sao', officeName: 'องค์การบริหารส่วนตำบลนาทราย', framework: { presetId: 'nst-coop-phase2' } });
      const villages = [];
      for (const [moo, name] of [
        [1, 'บ้านนาทราย'],
        [2, 'บ้านควนหรั่ง'],
        [3, 'บ้านหนองหว้า'],
      ] as const) {
        villages.push(await call('villages.add', { moo, name, households: 100 + moo, population: 400 + moo, headman: null, isCommunity: false }));
      }
      issueIds = (await call('forum.issues.list', {})).map((i) => i.id);
      const items = [
        [0, 'problem', 'น้ำท่วมขังในฤดูฝน'],
        [0, 'problem', 'หนี้สินครัวเรือนสูง'],
        [1, 'problem', 'ราคายางพาราตกต่ำ'],
        [1, 'project', 'ขุดลอกคลองส่งน้ำ'],
        [2, 'project', 'กลุ่มแปรรูปผลผลิต'],
        [2, 'problem', 'เยาวชนว่างงาน'],
      ] as const;
      for (const [v, kind, text] of items) await call('forum.villageItems.add', { villageId: villages[v]!.id, kind, values: { text } });
      await page.goto(web.harness.url);
      await page.getByTestId('workspace-screen').waitFor();
    });

    afterAll(async () => {
      await browser?.close();
      await web?.close();
    });

    it('shows each village’s plan; a plan marked revised and a problem typed with Enter are saved', async () => {
      await page.getByTestId('nav-village-plans').click();
      await page.getByTestId('village-plans-panel').waitFor();
      await expect.poll(() => page.getByTestId('village-problems').locator('[data-col="text"]').count()).toBe(2);
      await page.getByTestId('plan-revised').check();
      await page.locator('#plan-revised-on').fill('๒๐/๒/๒๕๖๙');
      await page.locator('#plan-revised-on').press('Enter');
      await expect.poll(async () => (await call('forum.villagePlans.list', {})).plans[0]?.revisedOn).toBe('2026-02-20');
      // Enter in the last problem adds one below and goes to it.
      await page.getByTestId('village-problems').locator('[data-col="text"]').nth(1).press('End');
      await page.getByTestId('village-problems').locator('[data-col="text"]').nth(1).press('Enter');
      await expect.poll(() => page.getByTestId('village-problems').locator('[data-col="text"]').count()).toBe(3);
      await page.keyboard.type('ขยะล้นชุมชน');
      await saved(page);
      await expect.poll(async () => (await call('forum.villagePlans.list', {})).items.map((i) => i.text)).toContain('ขยะล้นชุมชน');
      await atEverySize(page, 'forum-village-plans');
    });

    it('records the forum and registers participants from the keyboard; attendance is counted per village', async () => {
      await page.getByTestId('nav-forum-record').click();
      await page.getByTestId('record-panel').waitFor();
      await page.getByTestId('record-date').fill('15/3/2569');
      await page.getByTestId('record-date').press('Tab');
      await page.locator('#record-place').fill('ศาลาประชาคมหมู่ที่ 1');
      await page.locator('#record-agenda').fill('ชี้แจงวัตถุประสงค์\nนำเสนอแผนชุมชน\nจัดลำดับโครงการ');
      await page.locator('#record-agenda').press('Tab');
      await expect.poll(async () => (await call('forum.record.get', {})).place).toBe('ศาลาประชาคมหมู่ที่ 1');
      await expect.poll(async () => (await call('forum.record.get', {})).heldOn).toBe('2026-03-15');
      await page.getByTestId('participants-table').getByTestId('table-add').click();
      await expect.poll(() => page.locator('[data-testid="participants-table"] [data-col="name"]').count()).toBe(1);
      await page.keyboard.type('นางมาลี ศรีสุข');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('กลุ่มออมทรัพย์');
      // A fast typist goes on after Enter without waiting for the row: the words land in the new row.
      await page.keyboard.press('Enter');
      await page.keyboard.type('นายวิชัย ทองดี');
      await expect.poll(() => page.locator('[data-testid="participants-table"] [data-col="name"]').count()).toBe(2);
      await page.locator('[data-testid="participants-table"] [data-col="villageId"]').nth(0).selectOption({ label: 'หมู่ 1 บ้านนาทราย' });
      await page.locator('[data-testid="participants-table"] [data-col="attended"]').nth(0).check();
      await saved(page);
      await expect.poll(() => page.getByTestId('attendance').textContent()).toContain('ลงทะเบียน 2 คน · มาร่วมเวที 1 คน');
      const people = await call('forum.participants.list', {});
      expect(people.map((p) => [p.name, p.organisation, p.attended])).toEqual([
        ['นางมาลี ศรีสุข', 'กลุ่มออมทรัพย์', true],
        ['นายวิชัย ทองดี', null, false],
      ]);
      await atEverySize(page, 'forum-record');
      await page.getByTestId('print-signin').click();
      await page.getByTestId('print-preview').waitFor();
      expect(await page.getByTestId('print-document').textContent()).toContain('นางมาลี ศรีสุข');
      await atEverySize(page, 'forum-print-signin', [sizes[0]]);
      await page.getByTestId('print-close').click();
    });

    it('builds the analysis boards and the plan settings', async () => {
      await page.getByTestId('nav-analysis').click();
      await page.getByTestId('board-strength').getByTestId('table-add').click();
      await page.keyboard.type('กลุ่มออมทรัพย์เข้มแข็ง');
      await page.getByTestId('board-vision').getByTestId('table-add').click();
      await page.keyboard.type('นาทรายน่าอยู่ เศรษฐกิจพอเพียง');
      await saved(page);
      await expect.poll(async () => (await call('forum.analysis.list', {})).map((i) => [i.board, i.text])).toEqual([
        ['strength', 'กลุ่มออมทรัพย์เข้มแข็ง'],
        ['vision', 'นาทรายน่าอยู่ เศรษฐกิจพอเพียง'],
      ]);
      await atEverySize(page, 'forum-analysis');
      await page.getByTestId('nav-forum-settings').click();
      await page.getByTestId('funders-common').click();
      await expect.poll(async () => (await call('forum.settings.get', {})).funders.length).toBeGreaterThan(5);
      await atEverySize(page, 'forum-settings');
    });

    it('classifies six items: keys on a focused card, and one dragged with the mouse', async () => {
      await page.getByTestId('nav-classification').click();
      await page.getByTestId('board').waitFor();
      const unclassified = page.getByTestId('board-column-0').getByTestId('board-card');
      await expect.poll(() => unclassified.count()).toBe(7);
      await atEverySize(page, 'forum-classification-before', [sizes[0]]);
      // Five by keyboard: focus the first unclassified card, press the issue's number.
      for (const [i, key] of ['3', '2', '2', '3', '2'].entries()) {
        await unclassified.first().focus();
        await page.keyboard.press(key);
        await expect.poll(() => unclassified.count()).toBe(6 - i);
      }
      await expect.poll(() => unclassified.count()).toBe(2);
      // ←/→ moves a focused card to the next column.
      await unclassified.first().focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('board-column-1').getByTestId('board-card').count()).toBe(1);
      // And one by mouse.
      await page.getByTestId('board-column-0').getByTestId('board-card').first().dragTo(page.getByTestId('board-column-5'));
      await expect.poll(() => page.getByTestId('board-column-5').getByTestId('board-card').count()).toBe(1);
      expect(await page.getByTestId('board-column-0').getByTestId('board-card').count()).toBe(0);
      const counts = await page.getByTestId('board').getByTestId('board-count').allTextContents();
      expect(counts).toEqual(['0', '1', '3', '2', '0', '1']);
      const items = (await call('forum.villagePlans.list', {})).items;
      expect(items.filter((i) => i.issueId === null)).toEqual([]);
      // Undo puts the dragged card back.
      await page.getByTestId('classification-undo').click();
      await expect.poll(() => page.getByTestId('board-column-0').getByTestId('board-card').count()).toBe(1);
      await page.getByTestId('board-column-0').getByTestId('board-card').first().focus();
      await page.keyboard.press('5');
      await expect.poll(() => page.getByTestId('board-column-0').getByTestId('board-card').count()).toBe(0);
      await atEverySize(page, 'forum-classification');
    });

    it('writes two problem rows from the keyboard: Tab across, Shift+Enter for the next cause, Enter for the next row, Alt+↑ to reorder, undo', async () => {
      await page.getByTestId('nav-pcs').click();
      await page.getByTestId('pcs-panel').waitFor();
      await page.getByTestId('issue-tab-2').click();
      await page.getByTestId('table-add').click();
      await expect.poll(() => pcsCells(page, 'problem').count()).toBe(1);
      await expect.poll(() => page.evaluate<string | null>(`document.activeElement?.getAttribute('data-col') ?? null`)).toBe('problem');
      await page.keyboard.type('รายได้ไม่พอรายจ่าย');
      await page.keyboard.press('Tab');
      await page.keyboard.type('ราคาผลผลิตตกต่ำ');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('ต้นทุนการผลิตสูง');
      await page.keyboard.press('Tab');
      await page.keyboard.type('รวมกลุ่มแปรรูป');
      await page.keyboard.press('Enter');
      await expect.poll(() => pcsCells(page, 'problem').count()).toBe(2);
      await page.keyboard.type('หนี้นอกระบบ');
      await page.keyboard.press('Tab');
      await page.keyboard.type('กู้เพื่อการบริโภค');
      await saved(page);
      let rows = await call('forum.pcs.list', { issueId: issueIds[1]! });
      expect(rows.map((r) => [r.problem, r.causes, r.solutions])).toEqual([
        ['รายได้ไม่พอรายจ่าย', ['ราคาผลผลิตตกต่ำ', 'ต้นทุนการผลิตสูง'], ['รวมกลุ่มแปรรูป']],
        ['หนี้นอกระบบ', ['กู้เพื่อการบริโภค'], []],
      ]);
      // Alt+↑ moves the row being typed up, keeping the cursor in it.
      await page.keyboard.press('Alt+ArrowUp');
      await expect.poll(async () => (await call('forum.pcs.list', { issueId: issueIds[1]! })).map((r) => r.problem)).toEqual(['หนี้นอกระบบ', 'รายได้ไม่พอรายจ่าย']);
      await expect.poll(() => page.evaluate<string | null>('document.activeElement?.value ?? null')).toBe('กู้เพื่อการบริโภค');
      // Esc leaves the cell; Ctrl+Z undoes the move.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await call('forum.pcs.list', { issueId: issueIds[1]! })).map((r) => r.problem)).toEqual(['รายได้ไม่พอรายจ่าย', 'หนี้นอกระบบ']);
      // The source villages of the first problem (once the undone move is on screen).
      await expect.poll(() => pcsCells(page, 'problem').first().inputValue()).toBe('รายได้ไม่พอรายจ่าย');
      await page.getByTestId('pcs-table').getByTestId('village-picker').first().click();
      await page.getByTestId('village-picker-dialog').getByLabel('หมู่ 1 บ้านนาทราย').check();
      await page.getByTestId('village-picker-save').click();
      await expect.poll(async () => (await call('forum.pcs.list', { issueId: issueIds[1]! }))[0]!.sourceVillageIds).toHaveLength(1);
      // The evidence slot says where evidence comes from (figures pinned on the data dashboards)…
      await page.getByTestId('evidence-attach').first().click();
      const evidence = page.getByTestId('evidence-dialog');
      await page.getByTestId('evidence-none').waitFor();
      // …and a figure pinned meanwhile (another window) is offered at once, with its value, source and year.
      const item = await call('evidence.pin', {
        title: 'หมู่ 1: ครัวเรือนรายได้ต่ำกว่าเกณฑ์',
        valueText: '12 จาก 40',
        valueNumber: 12,
        unit: 'ครัวเรือน',
        figureKey: 'income:2563:tambon:below',
        villageId: null,
        sourceImportId: null,
        sourceLabel: 'จปฐ. 2563',
        dataDate: '2563',
      });
      const offered = evidence.getByRole('listitem').filter({ hasText: item.title });
      await expect.poll(() => offered.textContent()).toBe(`${item.title} — 12 จาก 40 ครัวเรือน · จปฐ. 2563 · ปี 2563แนบ`);
      // Attached, it leaves the offer for the row's list in the dialog, and shows on the row.
      await offered.getByRole('button', { name: 'แนบ' }).click();
      await evidence.getByRole('button', { name: 'นำออก' }).waitFor();
      await expect.poll(() => evidence.getByRole('button', { name: 'แนบ' }).count()).toBe(0);
      await expect.poll(() => page.getByTestId('evidence-slot').first().getByText(item.title).count()).toBe(1);
      await evidence.getByRole('button', { name: 'ปิด' }).click();
      rows = await call('forum.pcs.list', { issueId: issueIds[1]! });
      expect(rows).toHaveLength(2);
      expect(rows[0]!.evidence).toEqual([{ id: expect.any(String) as string, evidenceKey: item.id, label: item.title }]);
      await atEverySize(page, 'forum-pcs');
    });

    it('shows the table on the projector, which follows each edit, keeps still when locked, hides rows until revealed and steps with ←/→', async () => {
      const opened = page.waitForEvent('popup');
      await page.getByTestId('projector-open').click();
      projector = await opened;
      watch(projector);
      await projector.setViewportSize(sizes[2]);
      await projector.getByTestId('projector').waitFor();
      await page.getByTestId('projector-show').click();
      await projector.getByTestId('projector-pcs').waitFor();
      expect(await projector.getByTestId('projector-title').textContent()).toBe('ประเด็นยุทธศาสตร์ที่ 2 ความมั่นคงและสุขภาวะของชุมชน');
      // Very large text at 1920×1080.
      const size = await projector.evaluate<number>(tdFontSize);
      expect(size).toBeGreaterThanOrEqual(28);

      // A keystroke in the editor reaches the projector.
      const problem = pcsCells(page, 'problem').first();
      await problem.click();
      await problem.press('End');
      await page.keyboard.type(' ทุกหมู่บ้าน');
      await expect.poll(() => projector.getByTestId('projector-pcs').textContent()).toContain('รายได้ไม่พอรายจ่าย ทุกหมู่บ้าน');

      // Locked: the projector keeps what it shows.
      await page.getByTestId('projector-lock').check();
      await projector.getByTestId('projector-locked').waitFor();
      await page.keyboard.press('Escape');
      await problem.click();
      await problem.press('End');
      await page.keyboard.type(' (แก้คำผิด)');
      await saved(page);
      await projector.waitForTimeout(300);
      expect(await projector.getByTestId('projector-pcs').textContent()).not.toContain('(แก้คำผิด)');
      await page.getByTestId('projector-lock').uncheck();
      await expect.poll(() => projector.getByTestId('projector-pcs').textContent()).toContain('(แก้คำผิด)');

      // Reveal: a row added now waits until it is revealed.
      await page.getByTestId('projector-reveal').check();
      await page.getByTestId('table-add').click();
      await expect.poll(() => pcsCells(page, 'problem').count()).toBe(3);
      await page.keyboard.type('ปัญหาที่ยังไม่เปิดเผย');
      await saved(page);
      await page.getByTestId('reveal-row').waitFor();
      await projector.waitForTimeout(300);
      expect(await projector.getByTestId('projector-pcs').textContent()).not.toContain('ปัญหาที่ยังไม่เปิดเผย');
      await page.getByTestId('projector-reveal-next').click();
      await expect.poll(() => projector.getByTestId('projector-pcs').textContent()).toContain('ปัญหาที่ยังไม่เปิดเผย');
      await page.getByTestId('projector-reveal').uncheck();
      // The extra row goes (with undo in the toast).
      await page.getByTestId('pcs-table').getByTestId('row-delete').last().click();
      await expect.poll(() => pcsCells(page, 'problem').count()).toBe(2);

      // The countdown.
      await page.getByTestId('countdown-start').click();
      await expect.poll(() => projector.getByTestId('projector-countdown').textContent()).toMatch(/^[45]:\d\d$/);

      await atEverySize(projector, 'forum-projector-pcs', [sizes[0], sizes[2]]);
      // Still readable on a 1024×768 hall projector.
      await projector.setViewportSize(sizes[0]);
      const small = await projector.evaluate<number>(tdFontSize);
      expect(small).toBeGreaterThanOrEqual(22);

      // ←/→ on the projector steps through issues, and the editor's tab follows.
      await projector.setViewportSize(sizes[2]);
      await projector.keyboard.press('ArrowRight');
      await expect.poll(() => projector.getByTestId('projector-title').textContent()).toBe('ประเด็นยุทธศาสตร์ที่ 3 เศรษฐกิจและการแก้ปัญหาความยากจน');
      await expect.poll(() => page.getByTestId('issue-tab-3').getAttribute('aria-selected')).toBe('true');
      await page.getByTestId('issue-tab-2').click();
      await expect.poll(() => projector.getByTestId('projector-title').textContent()).toContain('ประเด็นยุทธศาสตร์ที่ 2');
    });

    it('pages a table longer than the screen', async () => {
      for (let i = 0; i < 24; i += 1) {
        await call('forum.pcs.add', { issueId: issueIds[3]!, values: { problem: `ปัญหาทดสอบการแบ่งหน้าที่ ${i + 1} ซึ่งยาวพอที่จะขึ้นบรรทัดใหม่บนจอฉาย`, causes: ['สาเหตุ'], solutions: ['แนวทาง'] } });
      }
      await call('forum.projector.set', { issueId: issueIds[3]! });
      await projector.getByTestId('projector-page').waitFor();
      expect(await projector.getByTestId('projector-page').textContent()).toMatch(/^หน้า 1\/\d+$/);
      const first = await projector.locator('[data-testid="projector-pcs"] tbody tr').count();
      expect(first).toBeGreaterThan(2);
      expect(first).toBeLessThan(24);
      await projector.keyboard.press('PageDown');
      await expect.poll(() => projector.getByTestId('projector-page').textContent()).toMatch(/^หน้า 2\//);
      await atEverySize(projector, 'forum-projector-paged', [sizes[0], sizes[2]]);
      await call('forum.projector.set', { issueId: issueIds[1]! });
    });

    it('adds three projects, enters votes, breaks the tie with a recorded decision, and marks fewer than 10', async () => {
      await page.getByTestId('nav-projects').click();
      await page.getByTestId('projects-panel').waitFor();
      await expect.poll(() => page.getByTestId('issue-tab-2').getAttribute('aria-selected')).toBe('true');
      const names = ['ส่งเสริมการแปรรูปยางพารา', 'ตลาดนัดชุมชน', 'บัญชีครัวเรือน'];
      const votes = ['42', '๓๐', '30'];
      await page.getByTestId('table-add').click();
      for (const [i, name] of names.entries()) {
        await expect.poll(() => page.locator('[data-testid="projects-table"] [data-col="name"]').count()).toBe(i + 1);
        await page.keyboard.type(name);
        await page.keyboard.press('Tab');
        await page.keyboard.type(votes[i]!);
        if (i < names.length - 1) await page.keyboard.press('Enter');
      }
      await page.keyboard.press('Tab');
      await saved(page);
      await expect.poll(async () => (await call('forum.projects.list', { issueId: issueIds[1]! })).map((p) => [p.name, p.votes])).toEqual([
        [names[0], 42],
        [names[1], 30],
        [names[2], 30],
      ]);
      await page.getByTestId('few-ranked').waitFor();
      await page.getByTestId('undecided-tie').waitFor();
      expect(await page.getByTestId('project-rank').allTextContents()).toEqual(['1', '2=', '2=']);
      await page.getByTestId('tie-decide').click();
      const dialog = page.getByTestId('tie-dialog');
      await dialog.waitFor();
      await atEverySize(page, 'forum-tie-dialog', [sizes[0], sizes[1]]);
      await dialog.getByRole('button', { name: `เลื่อน ${names[2]} ขึ้น` }).click();
      await dialog.locator('#tie-note').fill('บัญชีครัวเรือนเป็นฐานของทุกโครงการ');
      await page.getByTestId('tie-save').click();
      await expect.poll(() => page.getByTestId('project-rank').allTextContents()).toEqual(['1', '3', '2']);
      expect(await page.getByTestId('decisions').textContent()).toContain('บัญชีครัวเรือนเป็นฐานของทุกโครงการ');

      // The details of the first project: a year budget and a source.
      await page.getByTestId('project-details').first().click();
      const details = page.getByTestId('project-dialog');
      await details.waitFor();
      await details.getByLabel('วัตถุประสงค์').fill('เพิ่มมูลค่ายางพาราของชุมชน');
      const years = await call('forum.settings.get', {});
      await details.locator(`#project-year-${years.plan.firstYear}`).fill('150,000');
      await details.getByTestId('add-source').click();
      await details.getByLabel('จำนวนเงิน (บาท)').fill('150000');
      await atEverySize(page, 'forum-project-dialog', [sizes[0], sizes[1]]);
      await page.getByTestId('project-save').click();
      await expect.poll(() => details.count()).toBe(0);
      const first = (await call('forum.projects.list', { issueId: issueIds[1]! }))[0]!;
      expect(first).toMatchObject({ objective: 'เพิ่มมูลค่ายางพาราของชุมชน', funding: [{ funderId: null, column: 'local', amount: 150_000 }] });
      expect(first.yearBudgets[String(years.plan.firstYear)]).toBe(150_000);

      // The ranking on the projector.
      await page.getByTestId('projector-show').click();
      await projector.getByTestId('projector-ranking').waitFor();
      await projector.getByTestId('projector-few').waitFor();
      expect(await projector.locator('[data-testid="projector-ranking"] tbody tr').first().textContent()).toContain(names[0]);
      await atEverySize(page, 'forum-projects');
      await atEverySize(projector, 'forum-projector-ranking', [sizes[0], sizes[2]]);
    });

    it('two windows editing one cell: the second is told, and chooses', async () => {
      await page.getByTestId('nav-pcs').click();
      const other = await browser.newPage({ viewport: sizes[1] });
      watch(other);
      await other.goto(web.harness.url.replace('#', '?editor=2#'));
      await other.getByTestId('nav-pcs').click();
      await other.getByTestId('issue-tab-2').click();
      await expect.poll(() => pcsCells(other, 'problem').count()).toBe(2);
      const mine = pcsCells(other, 'solutions').nth(1);
      const theirs = pcsCells(page, 'solutions').nth(1);
      // The second window is typing (each keystroke puts its save off) while the first saves the same cell.
      await mine.click();
      await Promise.all([
        other.keyboard.type('ตั้งกองทุนแก้หนี้', { delay: 120 }),
        (async () => {
          await page.waitForTimeout(300);
          await theirs.fill('ส่งเสริมบัญชีครัวเรือน');
          await theirs.press('Tab');
        })(),
      ]);
      try {
        await other.getByTestId('cell-conflict').waitFor({ timeout: 10_000 });
      } catch (e) {
        await other.screenshot({ path: '/tmp/conflict-other.png' });
        await page.screenshot({ path: '/tmp/conflict-page.png' });
        throw e;
      }
      expect(await other.getByTestId('cell-conflict').textContent()).toContain('ส่งเสริมบัญชีครัวเรือน');
      await atEverySize(other, 'forum-conflict', [sizes[0]]);
      await other.getByTestId('conflict-keep-mine').click();
      await expect.poll(async () => (await call('forum.pcs.list', { issueId: issueIds[1]! }))[1]!.solutions).toEqual(['ตั้งกองทุนแก้หนี้']);
      await expect.poll(() => theirs.inputValue()).toBe('ตั้งกองทุนแก้หนี้');

      // Closing mid-edit keeps the last keystroke.
      await pcsCells(other, 'causes').nth(1).fill('กู้เพื่อการบริโภค\nดอกเบี้ยสูง');
      await other.close({ runBeforeUnload: true });
      await expect.poll(async () => (await call('forum.pcs.list', { issueId: issueIds[1]! }))[1]!.causes).toEqual(['กู้เพื่อการบริโภค', 'ดอกเบี้ยสูง']);
    });

    it('checks readiness, links to where a finding is fixed, and exports with the person’s choice', async () => {
      await page.getByTestId('nav-readiness').click();
      await page.getByTestId('readiness-panel').waitFor();
      await expect.poll(() => page.getByTestId('readiness-summary').textContent()).toMatch(/ยังขาด \d+ รายการ/);
      await page.getByTestId('finding-issue-few-ranked').getByTestId('finding-fix').nth(1).click();
      await page.getByTestId('projects-panel').waitFor();
      await expect.poll(() => page.getByTestId('issue-tab-2').getAttribute('aria-selected')).toBe('true');
      await page.getByTestId('nav-readiness').click();
      await page.getByTestId('readiness-panel').waitFor();
      await atEverySize(page, 'forum-readiness');
      await page.getByTestId('exports').getByTestId('export-pcs').click();
      await page.getByTestId('export-not-ready').getByTestId('confirm-button').click();
      await page.getByTestId('path-prompt').waitFor();
      expect(await page.locator('#path-prompt-input').inputValue()).toBe('ตารางปัญหา-สาเหตุ-แนวทางแก้ไข.xlsx');
      await page.getByTestId('path-prompt-ok').click();
      await page.getByTestId('toast-export').waitFor();
      const file = path.join(web.root, 'ตารางปัญหา-สาเหตุ-แนวทางแก้ไข.xlsx');
      expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    });

    it('prints: the preview over the app, and the print page to PDF with the Thai and the repeated header read back', async () => {
      await page.getByTestId('exports').getByTestId('print-pcs').click();
      await page.getByTestId('print-preview').waitFor();
      await expect.poll(() => page.getByTestId('print-document').getAttribute('data-form')).toBe('pcs');
      await atEverySize(page, 'forum-print-preview', [sizes[0], sizes[1]]);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('print-preview').count()).toBe(0);

      const printPage = await browser.newPage();
      watch(printPage);
      await printPage.goto(web.harness.url.replace('/#', '/?view=print&form=pcs#'));
      await printPage.getByTestId('print-document').waitFor();
      await expect.poll(() => printPage.getByTestId('print-issue').count()).toBe(5);
      await printPage.evaluate('document.fonts.ready.then(() => true)');
      const pdfFile = path.join(screenshotDir, 'forum-print-pcs.pdf');
      await printPage.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
      await printPage.close();
      if (!pdftotext) {
        if (process.env.CI === 'true') throw new Error('CI=true and pdftotext (poppler-utils) is missing');
        console.warn('[e2e/web forum] PDF text not checked: pdftotext (poppler-utils) is missing');
        return;
      }
      const text = execFileSync(pdftotext, ['-layout', pdfFile, '-'], { encoding: 'utf8' });
      expect(text).toContain('ตารางวิเคราะห์ปัญหา สาเหตุ และแนวทางแก้ไข');
      expect(text).toContain('รายได้ไม่พอรายจ่าย');
      expect(text).toContain('ราคาผลผลิตตกต่ำ');
      // Issue 4's 24 rows take more than one page; its second page repeats the header.
      const pages = text.split('\f').filter((p) => p.includes('ปัญหาทดสอบการแบ่งหน้าที่'));
      expect(pages.length).toBeGreaterThan(1);
      for (const p of pages) expect(p).toMatch(/ลำดับที่\s+ปัญหา\s+สาเหตุ\s+แนวทางแก้ไข\s+หมู่บ้านที่เสนอ/);
      // A4 landscape: 842 × 595 points.
      const info = execFileSync(pdftotext.replace('pdftotext', 'pdfinfo'), [pdfFile], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    });

    it('raised no page error, console error or failed request on the way', () => {
      expect(pageErrors).toEqual([]);
    });
  },
  { timeout: 60_000 },
);
