/**
 * When the Electron end-to-end suites run, skip or fail (test/support/electronApp.ts): the public
 * CI's REQUIRE_ELECTRON=1 turns every reason to skip into a failure that gives the reason.
 */
import { describe, expect, it } from 'vitest';
import { planElectronSuite } from '../support/electronApp';

const binary = { ok: true as const, path: '/project/node_modules/electron/dist/electron' };
const missing = { ok: false as const, reason: 'node_modules/electron/path.txt is missing: the Electron binary was never downloaded' };

describe('the Electron suite plan', () => {
  it('runs with a binary and a display (or on Windows, which needs none)', () => {
    expect(planElectronSuite(binary, { DISPLAY: ':99' }, 'linux')).toEqual({ kind: 'run', binary: binary.path });
    expect(planElectronSuite(binary, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toEqual({ kind: 'run', binary: binary.path });
    expect(planElectronSuite(binary, {}, 'win32')).toEqual({ kind: 'run', binary: binary.path });
    expect(planElectronSuite(binary, { REQUIRE_ELECTRON: '1' }, 'win32')).toEqual({ kind: 'run', binary: binary.path });
  });

  it('skips with the reason where the binary is missing or Linux has no display', () => {
    expect(planElectronSuite(missing, { DISPLAY: ':99' }, 'linux')).toEqual({ kind: 'skip', reason: missing.reason });
    expect(planElectronSuite(binary, {}, 'linux')).toEqual({ kind: 'skip', reason: 'no display for Electron (run under xvfb-run)' });
    // CI=true alone does not make it fail: only the Electron suite may skip on our machines.
    expect(planElectronSuite(missing, { CI: 'true' }, 'linux').kind).toBe('skip');
  });

  it('fails with the same reason under REQUIRE_ELECTRON=1', () => {
    expect(planElectronSuite(missing, { REQUIRE_ELECTRON: '1' }, 'win32')).toEqual({ kind: 'fail', reason: missing.reason });
    expect(planElectronSuite(binary, { REQUIRE_ELECTRON: '1' }, 'linux')).toEqual({
      kind: 'fail',
      reason: 'no display for Electron (run under xvfb-run)',
    });
    // Only "1" requires it.
    expect(planElectronSuite(missing, { REQUIRE_ELECTRON: '0' }, 'linux').kind).toBe('skip');
  });
});
