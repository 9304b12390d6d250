/**
 * The browser suites' look at a screen at every size: the hall projector's 1024×768, the office
 * laptop's 1366×768 and 1920×1080. At each: no sideways scroll (the page, the content area, every
 * table and the projector), every enabled button inside the window, and a screenshot once the
 * fonts are in. Leaves the page at 1366×768.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './harness';

/** Where the browser suites save their screenshots. */
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

/** The three sizes every screen is checked at. */
export const sizes = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** A window size. */
export type Size = { width: number; height: number };

/** Checks and photographs `target` at `only` (default: every size), then leaves it at 1366×768. */
export async function atEverySize(target: Page, name: string, only: readonly Size[] = sizes): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  for (const size of only) {
    await target.setViewportSize(size);
    // Strings, so this Node-side file needs no DOM types.
    await target.evaluate('document.fonts.ready.then(() => true)');
    // The page, and every part of it that scrolls on its own (the content area, a table), must fit sideways.
    const overflowing = await target.evaluate<string[]>(`[document.documentElement, ...document.querySelectorAll('.app-main, .table-wrap, .projector, .fp-frame')]
      .filter((el) => el.scrollWidth - el.clientWidth > 0)
      .map((el) => (el.className || el.tagName) + (el.querySelector('[data-testid]') ? ' (' + el.querySelector('[data-testid]').dataset.testid + ')' : '') + ' by ' + (el.scrollWidth - el.clientWidth) + 'px')`);
    // Photographed before the checks, so a screen that fails them can be looked at.
    await target.screenshot({ path: path.join(screenshotDir, `${name}-${size.width}x${size.height}.png`) });
    expect(overflowing.join('; '), `${name} at ${size.width}×${size.height} scrolls sideways`).toBe('');
    const outside = await target.evaluate<string[]>(`[...document.querySelectorAll('button:not([disabled])')]
      .filter((b) => b.offsetParent !== null)
      .map((b) => ({ text: b.textContent.trim(), right: b.getBoundingClientRect().right }))
      .filter((b) => b.right > window.innerWidth + 1)
      .map((b) => b.text)`);
    expect(outside, `${name} at ${size.width}×${size.height}: buttons outside the window`).toEqual([]);
  }
  await target.setViewportSize(sizes[1]);
}
