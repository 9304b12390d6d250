/** What the browser suites share: a call's value or its error thrown, a page that records its errors, the save prompt answered. */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { sizes } from './screens';

/** The value of a harness call, or its English message thrown. */
export async function must<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { messageEn: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
}

/**
 * A page at 1366×768 in Thai whose script errors and console errors (and, with `http`, failed
 * responses) are pushed to `errors`, for a suite to assert none happened.
 */
export async function openPage(browser: Browser, errors: string[], options: { http?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: sizes[1], locale: 'th-TH' });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  if (options.http) {
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
    });
  }
  return page;
}

/** Answers the in-page save prompt with `name` and waits until it closes (the file written; a PDF on a busy machine takes seconds). */
export async function answerPrompt(page: Page, name: string, timeout?: number): Promise<void> {
  const prompt = page.getByTestId('path-prompt');
  await prompt.waitFor();
  await page.locator('#path-prompt-input').fill(name);
  await page.getByTestId('path-prompt-ok').click();
  await expect.poll(() => prompt.count(), timeout === undefined ? {} : { timeout }).toBe(0);
}
