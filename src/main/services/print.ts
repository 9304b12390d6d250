/**
 * The print port's implementation outside Electron (the CLI, the harness, tests): a Chromium or
 * Edge found on the machine — `CHROMIUM_PATH`, else the usual places — driven by playwright-core,
 * which downloads nothing. Where none is found, a refusal that says so.
 */
import fs from 'node:fs';
import { refused } from '../../shared/domain/result';
import type { PrintPort } from './ports';

/** Where a Chromium-family browser usually is. */
const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The browser to print with: `CHROMIUM_PATH`, else the first of the usual places that exists. */
export function findChromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return fs.existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

/** A print port over a Chromium on the machine. */
export function chromiumPrinter(env: NodeJS.ProcessEnv = process.env): PrintPort {
  return {
    async pdf(html, options) {
      const executablePath = findChromiumExecutable(env);
      if (!executablePath) {
        throw refused(
          'ไม่พบเบราว์เซอร์ Chromium หรือ Edge ในเครื่องนี้ จึงสร้าง PDF ไม่ได้ (ติดตั้ง Chromium หรือตั้งค่า CHROMIUM_PATH)',
          'No Chromium or Edge was found on this machine, so no PDF can be made (install Chromium or set CHROMIUM_PATH)',
        );
      }
      // Loaded only when a PDF is asked for: the CLI starts without it.
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      });
      try {
        const page = await browser.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready.then(() => true)');
        return await page.pdf({ format: options.pageSize, landscape: options.landscape ?? false, printBackground: true, preferCSSPageSize: true });
      } finally {
        await browser.close();
      }
    },
  };
}
