/**
 * The enrollment sheet printed to PDF through the print port (outside Electron: the Chromium on
 * the machine through playwright-core), read back with pdftotext and drawn with pdftoppm into
 * test-results/screenshots/. Under CI=true a missing Chromium or poppler-utils fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromiumExecutable } from '../../src/main/services/print';
import { formatFingerprint } from '../../src/shared/domain/packages';
import { closingContexts, fails, ok } from '../support/context';
import { createTambon, passphrase } from '../support/packages';
import { screenshotDir } from '../support/screens';
import { findTool } from '../support/tools';

const context = closingContexts();
// poppler-utils, found on the PATH (or TEST_TOOL_DIRS on the public CI's Windows runner).
const poppler = { pdftotext: findTool('pdftotext'), pdftoppm: findTool('pdftoppm'), pdfinfo: findTool('pdfinfo') };
const tools = Object.entries(poppler)
  .filter(([, found]) => !found)
  .map(([name]) => name);
const chromium = findChromiumExecutable();
const missing = [...tools, ...(chromium ? [] : ['chromium'])];

describe('the enrollment sheet', () => {
  it.skipIf(missing.length > 0 && process.env.CI !== 'true')('prints an A4 PDF in Thai with the tambon, office, key id, fingerprint in groups of four and a QR code', async () => {
    if (missing.length > 0) throw new Error(`CI=true and missing: ${missing.join(', ')} (apt-get install chromium poppler-utils)`);
    const ctx = context();
    await createTambon(ctx, '800108');
    expect((await fails(ctx, 'packages.saveSheet', { path: path.join(ctx.dir, 'none.pdf') })).code).toBe('NOT_FOUND');
    const key = await ok(ctx, 'packages.createKey', { passphrase });
    const file = path.join(ctx.dir, 'sheet.pdf');
    await ok(ctx, 'packages.saveSheet', { path: file });
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = spawnSync(poppler.pdftotext!, ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('ใบลงทะเบียนกุญแจลงนามชุดข้อมูล');
    expect(text).toContain('นาทราย');
    expect(text).toContain('องค์การบริหารส่วนตำบลนาทราย');
    expect(text).toContain(key.keyId);
    for (const group of formatFingerprint(key.fingerprint).split(' ')) expect(text).toContain(group);
    const info = spawnSync(poppler.pdfinfo!, [file], { encoding: 'utf8' }).stdout;
    if (info) expect(info).toMatch(/Page size:.*\(A4\)/);
    fs.mkdirSync(screenshotDir, { recursive: true });
    const png = spawnSync(poppler.pdftoppm!, ['-png', '-r', '60', '-singlefile', file, path.join(screenshotDir, 'enrollment-sheet')]);
    expect(png.status).toBe(0);
    expect(fs.existsSync(path.join(screenshotDir, 'enrollment-sheet.png'))).toBe(true);
  }, 60_000);
});
