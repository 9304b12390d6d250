/**
 * The Electron end-to-end suites' common part: whether they can run here, and the app launched
 * from the build (dist/electron/main.cjs) in the real Electron binary through playwright-core's
 * `_electron`.
 *
 * Where the binary cannot be had (our build machines reach only the npm registry) a suite is
 * registered as skipped and prints why. The public CI (.github/workflows/ci.yml) sets
 * REQUIRE_ELECTRON=1: there the same reason fails the run instead, so a binary that stopped
 * downloading cannot pass as a skip. The binary is looked for the way node_modules/electron/index.js
 * does, never by require('electron'), which would try to download it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electronBinary.mjs';
import { screenshotDir } from './screens';

/** The project folder. */
export const repoRoot = path.resolve(__dirname, '../..');

/** What an Electron suite does on this machine. */
export type ElectronPlan =
  | { kind: 'run'; binary: string }
  | { kind: 'skip'; reason: string }
  | { kind: 'fail'; reason: string };

/**
 * Decides from `binary` (findElectronBinary's answer), the environment and the platform: run when
 * there is a binary and a display; otherwise skip with the reason, or fail with it when
 * `REQUIRE_ELECTRON=1`.
 */
export function planElectronSuite(
  binary: { ok: true; path: string } | { ok: false; reason: string },
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): ElectronPlan {
  let reason: string | null = null;
  if (!binary.ok) reason = binary.reason;
  else if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) reason = 'no display for Electron (run under xvfb-run)';
  if (reason === null && binary.ok) return { kind: 'run', binary: binary.path };
  return env.REQUIRE_ELECTRON === '1' ? { kind: 'fail', reason: reason ?? 'unknown' } : { kind: 'skip', reason: reason ?? 'unknown' };
}

/** This machine's plan. */
export const electronPlan = planElectronSuite(findElectronBinary(repoRoot), process.env, process.platform);

/**
 * `describe` for an Electron suite: runs `body`; or registers it as skipped, the reason in its
 * name and printed; or, under REQUIRE_ELECTRON=1, one failing test that gives the reason.
 */
export function describeElectron(title: string, body: () => void): void {
  const plan = electronPlan;
  if (plan.kind === 'run') {
    describe(title, body);
  } else if (plan.kind === 'skip') {
    console.log(`[e2e/electron] ${title}: skipped: ${plan.reason}`);
    describe.skip(`${title} (skipped: ${plan.reason})`, body);
  } else {
    describe(title, () => {
      it('can run (REQUIRE_ELECTRON=1)', () => {
        throw new Error(`REQUIRE_ELECTRON=1, but the Electron suite cannot run here: ${plan.reason}`);
      });
    });
  }
}

/** The built app's main bundle. */
export const mainBundle = path.join(repoRoot, 'dist', 'electron', 'main.cjs');
/** The built sandboxed preload. */
export const preloadBundle = path.join(repoRoot, 'dist', 'electron', 'preload.cjs');

/** A launched app: its first window's page and the errors its pages raised. */
export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  /** Page errors and console errors of every window watched with `watch`. */
  errors: string[];
  /** Collects `target`'s page errors and console errors into `errors`, each prefixed with `label`. */
  watch: (target: Page, label: string) => void;
}

/**
 * Launches the built app with its app data folder at `home` (TAMBON_PLAN_HOME), waits for the
 * first window's page and watches it for errors.
 */
export async function launchApp(home: string): Promise<LaunchedApp> {
  if (electronPlan.kind !== 'run') throw new Error(`Electron cannot run here: ${electronPlan.reason}`);
  if (!fs.existsSync(mainBundle) || !fs.existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The app is not built: run `npm run build` before the Electron tests.');
  }
  const env = { ...process.env, TAMBON_PLAN_HOME: home } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await _electron.launch({
    executablePath: electronPlan.binary,
    // Chromium refuses to start as root (CI containers) unless its OS sandbox is switched off;
    // the renderer stays sandboxed in Electron's sense (no Node, isolated preload).
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), mainBundle],
    cwd: repoRoot,
    env,
    timeout: 60_000,
  });
  const errors: string[] = [];
  const watch = (target: Page, label: string) => {
    target.on('pageerror', (error) => errors.push(`${label} pageerror: ${error.message}`));
    target.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${label} console: ${message.text()}`);
    });
  };
  const page = await app.firstWindow();
  watch(page, 'main');
  await page.waitForLoadState('domcontentloaded');
  return { app, page, errors, watch };
}

/** Saves a screenshot of `target` as test-results/screenshots/electron-<name>.png, once its fonts are in. */
export async function electronScreenshot(target: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await target.evaluate('document.fonts.ready.then(() => true)');
  const file = path.join(screenshotDir, `electron-${name}.png`);
  await target.screenshot({ path: file });
  return file;
}
