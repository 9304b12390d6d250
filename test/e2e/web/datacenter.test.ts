/**
 * Browser end to end: the data center and the packages screens in Debian's Chromium against the
 * real services over the harness. A province data center is created with the area picker, a
 * tambon's key is enrolled with its printed fingerprint, and the import screen takes one good and
 * one tampered package: the dry run shows what would change and why the tampered one is refused,
 * the import applies the good one and quarantines the other. Then the overview, the status with
 * acceptance, the registry, and the tambon side's packages section. Every screen is checked at
 * 1024×768, 1366×768 and 1920×1080 (screenshots in test-results/screenshots/).
 *
 * Needs `npm run build` first. Without Chromium it is skipped with the reason, except under
 * CI=true, where it fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatFingerprint } from '../../../src/shared/domain/packages';
import { ok, testContext } from '../../support/context';
import { keyOf, rezip } from '../../support/datacenter';
import { launchChromium, startWebHarness, type WebHarness, describeInChromium } from '../../support/harness';
import { createTambon, passphrase } from '../../support/packages';
import { createPlanTables, fillPlan } from '../../support/planTables';
import { openPage } from '../../support/page';
import { atEverySize, sizes } from '../../support/screens';
import { enterOperatorName } from '../../support/workspaceFlow';

describeInChromium('browser end to end: the data center', (chromiumPath) => {
  let web: WebHarness;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const key = { text: '', fingerprint: '' };

  beforeAll(async () => {
    web = await startWebHarness();
    // A tambon office elsewhere: its workspace, two villages, a signed package, and a tampered copy.
    const office = testContext();
    await createTambon(office, '800108', 'nasai.tambon');
    const moo1 = await ok(office, 'villages.add', { moo: 1, name: 'บ้านนาทราย', households: 215, population: 742 });
    await ok(office, 'villages.add', { moo: 2, name: 'บ้านควนหรั่ง', households: 180, population: 600 });
    // Village leaders (they travel as counts): three, two trained, one with a successor.
    for (const [i, training, successor] of [[1, 'หลักสูตรผู้นำ', 'นายสืบทอด หนึ่ง'], [2, 'หลักสูตรผู้นำ', null], [3, null, null]] as const) {
      await ok(office, 'registers.leaders.save', { values: { villageId: moo1.id, name: `นายผู้นำ คนที่${i}`, role: i === 1 ? 'head' : 'kunkit', training, successor } });
    }
    // A plan and จปฐ. figures, so the overview has charts to draw.
    createPlanTables(office.session.workspace!.sqlite);
    fillPlan(office.session.workspace!.sqlite, { villages: 2, issues: 5, problemsPerIssue: 2, projects: 8, households: 0, ledgerLines: 0, indicators: 10 }, 7);
    const pkg = await ok(office, 'packages.export', { folder: path.join(office.dir, 'out'), passphrase });
    Object.assign(key, await keyOf(office, '800108'));
    fs.copyFileSync(pkg.file, path.join(web.root, 'good-800108-1.tpkg'));
    rezip(pkg.file, path.join(web.root, 'tampered-800108-1.tpkg'), (entries) => {
      const csv = entries.find((e) => e.name === 'data/villages.csv')!;
      csv.data = Buffer.from(csv.data.toString('utf8').replace('215', '999'));
    });
    const workspaceFile = office.session.workspace!.file;
    // Closed first, so its last changes (the export's history) are in the file, not in a -wal beside it.
    await ok(office, 'workspace.close');
    fs.copyFileSync(workspaceFile, path.join(web.root, 'nasai.tambon'));
    browser = await launchChromium(chromiumPath);
    page = await openPage(browser, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  /** Answers the harness's in-page path prompt with `name`. */
  const answerPrompt = async (name: string) => {
    await page.getByTestId('path-prompt').waitFor();
    await page.locator('#path-prompt-input').fill(name);
    await page.getByTestId('path-prompt-ok').click();
  };

  it('creates a province data center with the area picker', async () => {
    await page.goto(web.harness.url);
    await enterOperatorName(page, 'เจ้าหน้าที่ศูนย์ข้อมูลจังหวัด');
    await page.getByTestId('start-create-datacenter').click();
    await page.getByTestId('datacenter-create').waitFor();
    await page.locator('#dc-province').selectOption('80');
    await atEverySize(page, 'datacenter-create');
    await page.getByTestId('datacenter-create-submit').click();
    await answerPrompt('nst.tpdc');
    await page.getByTestId('datacenter-screen').waitFor();
    expect(await page.getByTestId('datacenter-area').textContent()).toBe('ศูนย์ข้อมูล จ.นครศรีธรรมราช');
    expect(fs.existsSync(path.join(web.root, 'nst.tpdc'))).toBe(true);
  });

  it("enrolls the tambon's key only with the fingerprint of its sheet", async () => {
    await page.getByTestId('dc-nav-registry').click();
    await page.locator('#enroll-code').fill('800108');
    await page.locator('#enroll-key').fill(key.text);
    await page.locator('#enroll-fingerprint').fill('0'.repeat(64));
    await page.getByTestId('enroll-submit').click();
    await expect.poll(() => page.getByTestId('enroll-error').textContent()).toContain('ลายนิ้วมือไม่ตรงกับกุญแจนี้');
    await atEverySize(page, 'datacenter-enroll-refused');
    await page.locator('#enroll-fingerprint').fill(formatFingerprint(key.fingerprint));
    await page.getByTestId('enroll-submit').click();
    await page.getByTestId('keys-table').waitFor();
    expect(await page.getByTestId('keys-table').textContent()).toContain('800108');
    await atEverySize(page, 'datacenter-registry');
  });

  it('imports one good and one tampered package: the dry run shows both, the import applies one and quarantines the other', async () => {
    await page.getByTestId('dc-nav-import').click();
    await page.getByTestId('datacenter-import').waitFor();
    await atEverySize(page, 'datacenter-import-empty');
    for (const name of ['good-800108-1.tpkg', 'tampered-800108-1.tpkg']) {
      await page.getByTestId('import-pick-file').click();
      await answerPrompt(name);
    }
    await expect.poll(() => page.getByTestId('import-chosen').locator('li').count()).toBe(2);
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-review').waitFor();
    const review = page.getByTestId('import-review').getByTestId('import-row');
    await expect.poll(() => review.count()).toBe(2);
    expect(await review.nth(0).getAttribute('data-status')).toBe('dry-run');
    expect(await review.nth(0).textContent()).toContain('พร้อมนำเข้า');
    expect(await review.nth(1).getAttribute('data-status')).toBe('refused');
    expect(await review.nth(1).textContent()).toContain('ไม่ตรงกับค่าแฮช');
    // A dry run writes nothing.
    const before = await web.call('datacenter.status', { view: 'latest' });
    expect(before.ok && before.value.tambons.find((t) => t.code === '800108')!.seq).toBeNull();
    await atEverySize(page, 'datacenter-import-review');

    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-results').waitFor();
    const results = page.getByTestId('import-results').getByTestId('import-row');
    await expect.poll(() => results.count()).toBe(2);
    expect(await results.nth(0).getAttribute('data-status')).toBe('applied');
    expect(await results.nth(1).getAttribute('data-status')).toBe('refused');
    await expect.poll(() => page.getByTestId('quarantine-table').locator('tbody tr').count()).toBe(1);
    await atEverySize(page, 'datacenter-import-results');
    const after = await web.call('datacenter.status', { view: 'latest' });
    expect(after.ok && after.value.tambons.find((t) => t.code === '800108')).toMatchObject({ seq: 1, accepted: false });

    // Dropped on the screen: the file is staged and checked like a chosen one (already imported now).
    await page.getByRole('button', { name: 'ล้างรายการ' }).click();
    const base64 = fs.readFileSync(path.join(web.root, 'good-800108-1.tpkg')).toString('base64');
    // A string, so this Node-side file needs no DOM types.
    const dataTransfer = await page.evaluateHandle(`(() => {
      const bytes = Uint8Array.from(atob('${base64}'), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'dropped-good.tpkg'));
      return transfer;
    })()`);
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => page.getByTestId('import-chosen').textContent()).toContain('dropped-good.tpkg');
    await page.getByTestId('import-dry-run').click();
    await expect.poll(() => page.getByTestId('import-review').getByTestId('import-row').first().getAttribute('data-status')).toBe('already-imported');
    expect(await page.getByTestId('import-review').textContent()).toContain('dropped-good.tpkg');
  });

  it('shows the overview, and accepts the package from the status', async () => {
    await page.getByTestId('dc-nav-dashboard').click();
    await page.getByTestId('dashboard-reporting').waitFor();
    expect(await page.getByTestId('dashboard-reporting').textContent()).toContain('นาทราย');
    await expect.poll(() => page.getByTestId('dashboard-nothing').locator('tbody tr').count()).toBe(169);
    // The charts are drawn (chart.js on a canvas, once the Thai font is in), each with its table a click away.
    for (const chart of ['dc-budget', 'dc-bmn', 'dc-registers']) await page.getByTestId(`chart-${chart}-canvas`).waitFor();
    const registers = page.getByTestId('dashboard-registers');
    expect(await registers.locator('tbody tr').count()).toBe(1);
    expect(((await registers.locator('tbody tr').textContent()) ?? '').replace(/\s+/g, ' ')).toContain('32 (66.7%)1 (33.3%)');
    await page.getByTestId('chart-dc-budget-show-table').click();
    expect(await page.getByTestId('chart-dc-budget').locator('tbody tr').count()).toBe(5);
    await page.getByTestId('chart-dc-budget-show-chart').click();
    await atEverySize(page, 'datacenter-dashboard');
    for (const size of sizes) {
      await page.setViewportSize(size);
      await registers.scrollIntoViewIfNeeded();
      await atEverySize(page, 'datacenter-dashboard-registers', [size]);
    }
    await page.getByTestId('dc-nav-status').click();
    const row = page.getByTestId('status-800108');
    await row.getByRole('button', { name: /รับรองชุดลำดับที่ 1/ }).click();
    await expect.poll(() => row.textContent()).toContain('รับรองแล้ว');
    await atEverySize(page, 'datacenter-status');
    await page.getByTestId('dc-nav-exports').click();
    await atEverySize(page, 'datacenter-exports');
    await page.getByTestId('datacenter-close').click();
    await page.getByTestId('start-screen').waitFor();
  });

  it("opens the tambon's workspace from the same start screen and shows its packages section", async () => {
    await page.getByTestId('start-open').click();
    await answerPrompt('nasai.tambon');
    await page.getByTestId('workspace-screen').waitFor();
    await page.getByTestId('nav-packages').click();
    await page.getByTestId('packages-panel').waitFor();
    await atEverySize(page, 'packages-no-key');
    await page.locator('#key-pass').fill(passphrase);
    await page.locator('#key-pass-again').fill(passphrase);
    await page.getByTestId('key-create').click();
    await page.getByTestId('key-card').waitFor();
    expect(await page.getByTestId('key-fingerprint').locator('span').count()).toBe(16);
    await page.locator('#export-pass').fill(passphrase);
    await page.getByTestId('export-package').click();
    await answerPrompt('outbox');
    await page.getByTestId('export-result').waitFor();
    // The workspace's own history says seq 1 went out already (from the office's PC): this one is 2.
    expect(fs.existsSync(path.join(web.root, 'outbox', '800108-2.tpkg'))).toBe(true);
    await page.getByTestId('export-history').waitFor();
    await atEverySize(page, 'packages');
  });

  it('raised no page error or console error on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
