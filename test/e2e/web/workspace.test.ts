/**
 * Browser end to end: the built renderer in Debian's Chromium against the real services over
 * the harness. One flow, as an office would go through it: operator name, create ต.นาทราย,
 * villages, close and reopen, refused inputs, delete and undo, backups, the self-test job,
 * and screenshots at office-laptop (1366×768) and projector (1920×1080) sizes. The steps it
 * shares with the Electron suite (create, villages, reopen, refusals) are in
 * test/support/workspaceFlow.ts; the path is chosen here in the harness's in-page prompt.
 *
 * Needs `npm run build` first. Without Chromium it is skipped with the reason, except under
 * CI=true, where it fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findChromium, launchChromium, repoRoot, startWebHarness, type WebHarness } from '../../support/harness';
import {
  addNaSaiVillages,
  chooseNaSai,
  closeWorkspace,
  enterOperatorName,
  fillCreateNaSai,
  refuseBadVillages,
  reopenFromRecent,
  submitCreate,
  villageRows,
} from '../../support/workspaceFlow';

const chromiumCheck = findChromium();
const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');
const laptop = { width: 1366, height: 768 };
const projector = { width: 1920, height: 1080 };

if (!chromiumCheck.ok) {
  if (process.env.CI === 'true') {
    describe('browser end to end', () => {
      it('needs Chromium under CI', () => {
        throw new Error(`CI=true and ${chromiumCheck.reason}`);
      });
    });
  } else {
    console.warn(`[e2e/web] skipped: ${chromiumCheck.reason}`);
  }
}

describe.skipIf(!chromiumCheck.ok)('browser end to end: a tambon workspace', () => {
  let web: WebHarness;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    web = await startWebHarness();
    browser = await launchChromium((chromiumCheck as { path: string }).path);
    page = await browser.newPage({ viewport: laptop, locale: 'th-TH' });
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()} ${message.location().url}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) pageErrors.push(`HTTP ${response.status()} ${response.url()}`);
    });
    fs.mkdirSync(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  /** A screenshot once the fonts are in (no fallback glyphs in the picture). */
  const shoot = async (name: string, options: { fullPage?: boolean } = {}) => {
    // A string, so this Node-side file needs no DOM types.
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.screenshot({ path: path.join(screenshotDir, name), fullPage: options.fullPage ?? false });
  };

  const rows = () => villageRows(page);
  const liveVillages = async () => {
    const result = await web.call('villages.list', {});
    if (!result.ok) throw new Error(result.error.messageEn);
    return result.value;
  };

  it('runs the office flow end to end', async () => {
    await page.goto(web.harness.url);

    // First start: the operator's name.
    await expect.poll(() => page.getByTestId('first-start').isVisible()).toBe(true);
    await shoot('first-start-1366x768.png');
    await enterOperatorName(page, 'นางสาวสมใจ ใจดี');
    // The name can be changed from the header.
    await page.getByRole('button', { name: /เปลี่ยนผู้บันทึกข้อมูล/ }).click();
    const operatorDialog = page.getByTestId('operator-dialog');
    await operatorDialog.locator('#operator-name').fill('นายสมศักดิ์ รักถิ่น');
    await operatorDialog.locator('#operator-name').press('Enter');
    await expect.poll(() => page.getByTestId('operator-name').textContent()).toBe('นายสมศักดิ์ รักถิ่น');
    expect(await operatorDialog.count()).toBe(0);

    // The language switch goes through prefs.set and back.
    await page.getByTestId('language-toggle').click();
    await page.getByRole('button', { name: 'Create a new workspace' }).waitFor();
    await expect.poll(async () => {
      const prefs = await web.call('prefs.get', {});
      return prefs.ok && prefs.value.language;
    }).toBe('en');
    await page.getByTestId('language-toggle').click();
    await page.getByRole('button', { name: 'สร้างพื้นที่ทำงานใหม่' }).waitFor();

    // Create ต.นาทราย with the NST preset.
    await fillCreateNaSai(page);
    await page.getByRole('radio', { name: 'เทศบาลตำบล', exact: true }).check();
    await expect.poll(() => page.locator('#create-office-name').inputValue()).toBe('เทศบาลตำบลนาทราย');
    await page.getByRole('radio', { name: 'องค์การบริหารส่วนตำบล (อบต.)' }).check();
    await expect.poll(() => page.locator('#create-office-name').inputValue()).toBe('องค์การบริหารส่วนตำบลนาทราย');
    await shoot('create-1366x768.png');
    await shoot('create-1366x768-full.png', { fullPage: true });

    // The harness has no native dialog: the page asks for a name under the harness's folder.
    await submitCreate(page, async () => {
      const prompt = page.getByTestId('path-prompt');
      await prompt.waitFor();
      await shoot('path-prompt-1366x768.png');
      expect(await prompt.textContent()).toContain(web.root);
      expect(await page.locator('#path-prompt-input').inputValue()).toBe('nasai-800108.tambon');
      await page.getByTestId('path-prompt-ok').click();
    });
    expect(fs.existsSync(path.join(web.root, 'nasai-800108.tambon'))).toBe(true);

    // Three villages, the third typed in Thai digits.
    await addNaSaiVillages(page);
    const third = (await liveVillages()).find((v) => v.moo === 3);
    expect(third).toMatchObject({ name: 'บ้านหนองหว้า', households: 120, population: 415, code: '80010803' });

    // Close, then reopen from the recent list.
    await closeWorkspace(page);
    await shoot('start-1366x768.png');
    await reopenFromRecent(page);
    await shoot('villages-1366x768.png');

    // Refused: หมู่ที่ 0, 100, and a duplicate 2. A Thai message beside the field; nothing changes.
    await refuseBadVillages(page, async () => (await liveVillages()).length);
    await shoot('villages-error-1366x768.png');
    // Typing in the field clears its error.
    await page.locator('#add-village-moo').fill('4');
    await expect.poll(() => page.getByTestId('add-village-error-moo').count()).toBe(0);
    await page.locator('#add-village-moo').fill('');
    await page.locator('#add-village-name').fill('');

    // Delete asks first; Escape closes the question and nothing is deleted.
    await page.getByRole('button', { name: 'ลบหมู่ที่ 2' }).click();
    await page.getByTestId('village-delete-dialog').waitFor();
    await shoot('delete-dialog-1366x768.png');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('village-delete-dialog').count()).toBe(0);
    expect(await rows().count()).toBe(3);

    // Delete, then undo from the toast.
    await page.getByRole('button', { name: 'ลบหมู่ที่ 2' }).click();
    await page.getByTestId('village-delete-dialog').getByTestId('confirm-button').click();
    await expect.poll(() => rows().count()).toBe(2);
    const toast = page.getByTestId('toast-village');
    expect(await toast.textContent()).toContain('ลบหมู่ที่ 2 แล้ว');
    await toast.getByRole('button', { name: 'เลิกทำ' }).click();
    await expect.poll(() => rows().count()).toBe(3);
    expect(await page.getByTestId('village-row-2').textContent()).toContain('บ้านควนหรั่ง');

    // Delete, then undo with Ctrl+Z.
    await page.getByRole('button', { name: 'ลบหมู่ที่ 3' }).click();
    await page.getByTestId('village-delete-dialog').getByTestId('confirm-button').click();
    await expect.poll(() => rows().count()).toBe(2);
    await page.locator('body').press('Control+z');
    await expect.poll(() => rows().count()).toBe(3);
    expect(await liveVillages()).toHaveLength(3);

    // Edit a row.
    await page.getByRole('button', { name: 'แก้ไขหมู่ที่ 1' }).click();
    const editDialog = page.getByTestId('village-edit-dialog');
    await editDialog.waitFor();
    await shoot('edit-dialog-1366x768.png');
    await editDialog.locator('#edit-village-population').fill('๗๕๐');
    await editDialog.locator('#edit-village-population').press('Enter');
    await expect.poll(() => editDialog.count()).toBe(0);
    await expect.poll(() => page.getByTestId('village-row-1').textContent()).toContain('750');

    // Backups: the one taken on open, one by hand, and a restore (which backs up first).
    // Reached through the Electron menu's event (ไฟล์ → กู้คืนจากสำรอง…), sent here through the harness.
    web.ctx.emit('menu.command', { command: 'backups.restore' });
    await page.getByTestId('backups-table').waitFor();
    expect(await page.getByTestId('backups-table').textContent()).toContain('เปิดไฟล์');
    const before = await page.getByTestId('backup-row').count();
    await page.getByTestId('backup-now').click();
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(before + 1);
    expect(await page.getByTestId('backup-row').first().textContent()).toContain('สำรองเอง');
    await shoot('backups-1366x768.png');
    await page.getByTestId('backup-restore').first().click();
    const restoreDialog = page.getByTestId('backup-restore-dialog');
    await restoreDialog.waitFor();
    await shoot('restore-dialog-1366x768.png');
    expect(await restoreDialog.textContent()).toContain('โปรแกรมจะสำรองสถานะปัจจุบันไว้ให้ก่อนกู้คืน');
    await restoreDialog.getByTestId('confirm-button').click();
    await expect.poll(() => restoreDialog.count()).toBe(0);
    await expect.poll(() => page.getByTestId('backups-table').textContent()).toContain('ก่อนกู้คืน');
    expect(await liveVillages()).toHaveLength(3);

    // Save as: a copy, which becomes the open workspace.
    await page.getByTestId('workspace-save-as').click();
    await page.getByTestId('path-prompt').waitFor();
    expect(await page.locator('#path-prompt-input').inputValue()).toBe('nasai-800108-copy.tambon');
    await page.getByTestId('path-prompt-ok').click();
    await page.getByText(/บันทึกสำเนาเป็น .*nasai-800108-copy\.tambon แล้ว/).waitFor();
    expect(fs.existsSync(path.join(web.root, 'nasai-800108-copy.tambon'))).toBe(true);
    expect(await page.getByTestId('workspace-file').textContent()).toBe('ไฟล์ nasai-800108-copy.tambon');
    expect(await liveVillages()).toHaveLength(3);

    // The self-test job runs to the end...
    await page.getByTestId('nav-selfTest').click();
    await page.getByTestId('job-start').click();
    const status = page.getByTestId('job-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
    expect(await status.textContent()).toBe('เสร็จเรียบร้อย');
    expect(await page.getByTestId('job-progress').getAttribute('aria-valuenow')).toBe('50');
    await shoot('selftest-done-1366x768.png');
    // ...and another is cancelled part way.
    await page.getByTestId('job-start').click();
    await expect.poll(async () => Number(await page.getByTestId('job-progress').getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await page.getByTestId('job-cancel').click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('cancelled');
    expect(await status.textContent()).toBe('ยกเลิกแล้ว');
    expect(Number(await page.getByTestId('job-progress').getAttribute('aria-valuenow'))).toBeLessThan(50);
    await shoot('selftest-cancelled-1366x768.png');

    // The strategic issues, in Thai and in English.
    await page.getByTestId('nav-issues').click();
    await expect.poll(() => page.getByTestId('issues-panel').locator('li').count()).toBe(5);
    await shoot('issues-1366x768.png');
    await page.getByTestId('language-toggle').click();
    await page.getByRole('heading', { name: 'Strategic issues' }).waitFor();
    await page.getByTestId('nav-villages').click();
    await page.getByRole('columnheader', { name: 'Village code' }).waitFor();
    await expect.poll(() => page.getByTestId('workspace-area').textContent()).toContain('Tambon Na Sai, Amphoe ');
    await shoot('villages-en-1366x768.png');
    await page.getByTestId('language-toggle').click();
    await page.getByRole('columnheader', { name: 'รหัสหมู่บ้าน' }).waitFor();

    // The projector size: the villages screen, then the create screen.
    await page.setViewportSize(projector);
    await page.getByTestId('nav-villages').click();
    await expect.poll(() => rows().count()).toBe(3);
    await shoot('villages-1920x1080.png');
    await closeWorkspace(page);
    await shoot('start-1920x1080.png');
    // The menu's ไฟล์ → สร้างใหม่ runs the same flow as the button.
    web.ctx.emit('menu.command', { command: 'workspace.new' });
    await page.getByTestId('create-screen').waitFor();
    await chooseNaSai(page);
    await expect.poll(() => page.getByTestId('framework-preview').locator('li').count()).toBe(5);
    await shoot('create-1920x1080.png');

    expect(pageErrors).toEqual([]);
  }, 90_000);
});
