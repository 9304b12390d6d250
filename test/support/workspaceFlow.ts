/**
 * The workspace flow both end-to-end suites run, with the same selectors: in Chromium over the
 * browser harness (test/e2e/web) and in Electron (test/e2e/electron). Only how a file is chosen
 * differs (the harness's in-page path prompt, a stubbed native dialog), so each step that needs a
 * file takes a `pickPath` callback, and each suite adds its own checks between the steps.
 *   first start → create ต.นาทราย (800108) → three villages → close → reopen from the recent
 *   list → หมู่ที่ 0, 100 and a duplicate refused with a Thai message, nothing changed.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The area line of ต.นาทราย as the workspace header shows it. */
export const naSaiArea = 'ต.นาทราย อ.เมืองนครศรีธรรมราช จ.นครศรีธรรมราช';

/** Three villages as a clerk types them. */
export const naSaiVillages = [
  { moo: '1', name: 'บ้านนาทราย', households: '215', population: '742', headman: 'นายสมชาย ใจดี' },
  { moo: '2', name: 'บ้านควนหรั่ง', households: '1,180', population: '3,406', headman: 'นายประเสริฐ ทองคำ' },
  // Thai digits, as people type them: ๓ = 3.
  { moo: '๓', name: 'บ้านหนองหว้า', households: '๑๒๐', population: '๔๑๕', headman: '' },
];

/** What the add-village form takes. */
export type VillageTyped = (typeof naSaiVillages)[number];

/** The rows of the villages table. */
export const villageRows = (page: Page) => page.locator('[data-testid="villages-table"] tbody tr');

/** First start: types the operator's name and waits for the start screen. */
export async function enterOperatorName(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.getByTestId('first-start').isVisible()).toBe(true);
  await page.getByLabel('ชื่อผู้ใช้งาน (ผู้บันทึกข้อมูล)').fill(name);
  await page.getByLabel('ชื่อผู้ใช้งาน (ผู้บันทึกข้อมูล)').press('Enter');
  await page.getByTestId('start-screen').waitFor();
  expect(await page.getByTestId('operator-name').textContent()).toBe(name);
}

/** Chooses จ.นครศรีธรรมราช → อ.เมืองนครศรีธรรมราช → ต.นาทราย on the create screen. */
export async function chooseNaSai(page: Page): Promise<void> {
  await page.locator('#create-province').selectOption('80');
  await page.locator('#create-district').selectOption('8001');
  await page.locator('#create-tambon').selectOption('800108');
}

/** Fills the add-village form and submits it with Enter. */
export async function addVillage(page: Page, v: VillageTyped): Promise<void> {
  await page.locator('#add-village-moo').fill(v.moo);
  await page.locator('#add-village-name').fill(v.name);
  await page.locator('#add-village-households').fill(v.households);
  await page.locator('#add-village-population').fill(v.population);
  await page.locator('#add-village-headman').fill(v.headman);
  await page.locator('#add-village-name').press('Enter');
}

/** From the start screen: opens the create screen, chooses ต.นาทราย and the NST phase 2 framework. */
export async function fillCreateNaSai(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'สร้างพื้นที่ทำงานใหม่' }).click();
  await page.getByTestId('create-screen').waitFor();
  await chooseNaSai(page);
  await expect.poll(() => page.locator('#create-office-name').inputValue()).toBe('องค์การบริหารส่วนตำบลนาทราย');
  await page.getByRole('radio', { name: /นครศรีธรรมราช ระยะที่ 2/ }).check();
  await expect.poll(() => page.getByTestId('framework-preview').locator('li').count()).toBe(5);
}

/**
 * Submits the filled create screen; `pickPath` answers the file choice that follows. Waits for
 * the new workspace to open.
 */
export async function submitCreate(page: Page, pickPath: () => Promise<void>): Promise<void> {
  await page.getByTestId('create-submit').click();
  await pickPath();
  await page.getByTestId('workspace-screen').waitFor();
  expect(await page.getByTestId('workspace-area').textContent()).toBe(naSaiArea);
  expect(await page.getByTestId('workspace-office').textContent()).toContain('องค์การบริหารส่วนตำบลนาทราย');
}

/** Adds {@link naSaiVillages} to the empty workspace, one row each. */
export async function addNaSaiVillages(page: Page): Promise<void> {
  await page.getByTestId('villages-empty').waitFor();
  for (const [i, v] of naSaiVillages.entries()) {
    await addVillage(page, v);
    await expect.poll(() => villageRows(page).count()).toBe(i + 1);
  }
  // The form is ready for the next one.
  await expect.poll(() => page.locator('#add-village-moo').inputValue()).toBe('');
}

/** Closes the workspace, back to the start screen. */
export async function closeWorkspace(page: Page): Promise<void> {
  await page.getByTestId('workspace-close').click();
  await page.getByTestId('start-screen').waitFor();
}

/** Reopens ต.นาทราย from the start screen's recent list and finds its three villages. */
export async function reopenFromRecent(page: Page): Promise<void> {
  const recent = page.getByRole('button', { name: /ต\.นาทราย อ\.เมืองนครศรีธรรมราช จ\.นครศรีธรรมราช/ });
  expect(await recent.textContent()).toMatch(/เปิดล่าสุด \d{1,2} \S+ 25\d\d \d\d:\d\d/);
  await recent.click();
  await page.getByTestId('workspace-screen').waitFor();
  await expect.poll(() => villageRows(page).count()).toBe(3);
  expect(await page.locator('[data-testid="village-code"]').allTextContents()).toEqual(['80010801', '80010802', '80010803']);
  expect(await page.locator('[data-testid="village-name"]').allTextContents()).toEqual(naSaiVillages.map((v) => v.name));
  expect(await page.getByTestId('village-row-2').textContent()).toContain('1,180');
}

/**
 * หมู่ที่ 0, 100 and a duplicate 2: each refused with a Thai message beside the field, and nothing
 * changes, on screen or in the workspace (`liveVillageCount` asks the services).
 */
export async function refuseBadVillages(page: Page, liveVillageCount: () => Promise<number>): Promise<void> {
  const refusals = [
    { moo: '0', message: 'หมู่ที่ต้องอยู่ระหว่าง 1 ถึง 99' },
    { moo: '100', message: 'หมู่ที่ต้องอยู่ระหว่าง 1 ถึง 99' },
    { moo: '2', message: 'หมู่ที่ 2 มีอยู่แล้ว' },
  ];
  for (const refusal of refusals) {
    await addVillage(page, { moo: refusal.moo, name: 'บ้านทดสอบ', households: '', population: '', headman: '' });
    const error = page.getByTestId('add-village-error-moo');
    await expect.poll(() => error.textContent()).toContain(refusal.message);
    expect(await page.locator('#add-village-moo').getAttribute('aria-invalid')).toBe('true');
    expect(await villageRows(page).count()).toBe(3);
    expect(await liveVillageCount()).toBe(3);
  }
}
