/**
 * The browser end-to-end setup: the harness started in-process over the real services (a fresh
 * temporary home and files folder), and Debian's Chromium driven by playwright-core.
 * Builds nothing: `npm run build` must have produced dist/renderer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { describe, it } from 'vitest';
import type { Envelope } from '../../src/shared/domain/result';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract';
import { confinedPaths, inPageDialogs, startHarness, tokenHeader, type Harness } from '../../src/main/harness/server';
import { dispatch } from '../../src/main/rpc/dispatch';
import { createContext, type AppContext } from '../../src/main/services/context';
import { resourcesDir, tempDir } from './context';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Where `npm run build` puts the renderer. */
export const rendererDir = path.join(repoRoot, 'dist', 'renderer');

/** A harness running in this process. */
export interface WebHarness {
  /** The folder the page's paths resolve under. */
  root: string;
  /** The app data folder (preferences, backups). */
  home: string;
  ctx: AppContext;
  harness: Harness;
  /** Calls a channel over the harness's HTTP bridge, as the page does. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>>;
  close(): Promise<void>;
}

/** Starts the harness over a fresh temporary folder; fails with a clear message when the renderer is not built. */
export async function startWebHarness(): Promise<WebHarness> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built: ${path.join(rendererDir, 'index.html')} is missing. Run \`npm run build\` before the browser tests.`);
  }
  const dir = tempDir('tambon-web-');
  const root = path.join(dir, 'files');
  const home = path.join(dir, 'home');
  fs.mkdirSync(root, { recursive: true });
  const ctx = createContext({
    resourcesDir,
    transport: 'harness',
    appVersion: 'test',
    homeDir: home,
    paths: confinedPaths(root),
    dialogs: inPageDialogs(root),
  });
  const harness = await startHarness({ ctx, rendererDir });
  const base = `http://127.0.0.1:${harness.port}`;
  return {
    root,
    home,
    ctx,
    harness,
    async call(channel, input) {
      const res = await fetch(`${base}/rpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [tokenHeader]: harness.token },
        body: JSON.stringify({ channel, input }),
      });
      if (!res.ok) throw new Error(`harness ${channel}: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as Envelope<never>;
    },
    async close() {
      await harness.close();
      await dispatch(ctx, 'workspace.close', {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Where Chromium is (`CHROMIUM_PATH`, else Debian's /usr/bin/chromium), or why it cannot be used. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { ok: true; path: string } | { ok: false; reason: string } {
  const candidate = env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (fs.existsSync(candidate)) return { ok: true, path: candidate };
  return {
    ok: false,
    reason: `Chromium not found at ${candidate}: install Debian's chromium package or set CHROMIUM_PATH`,
  };
}

/**
 * A browser suite, given the path of the machine's Chromium. Without one it is skipped with the
 * reason printed, except under CI=true, where it fails (DESIGN.md: tests fail loudly).
 */
export function describeInChromium(name: string, body: (chromiumPath: string) => void, options: { timeout?: number } = {}): void {
  const check = findChromium();
  if (check.ok) {
    describe(name, options, () => body(check.path));
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium under CI', () => {
        throw new Error(`CI=true and ${check.reason}`);
      });
    });
  } else {
    console.warn(`[e2e/web] ${name} skipped: ${check.reason}`);
    describe.skip(name, () => body(''));
  }
}

/** Launches headless Chromium the way the CI machines can run it (as root, no sandbox, no GPU, no network chatter). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
