/** Helpers for the packages and data center tests: tambon workspaces, signed exports, the real minisign. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { AppContext } from '../../src/main/services/context';
import { ok } from './context';
import { findTool } from './tools';

/** The passphrase the tests' keys are wrapped under. */
export const passphrase = 'ทดสอบ-correct-horse-42';

/** Creates (and opens) a tambon workspace for `tambonCode` in the context's folder. */
export async function createTambon(ctx: AppContext & { dir: string }, tambonCode: string, file = `${tambonCode}.tambon`) {
  const area = await ok(ctx, 'gazetteer.tambon', { code: tambonCode });
  return ok(ctx, 'workspace.create', {
    path: path.join(ctx.dir, file),
    tambonCode,
    officeType: 'sao',
    officeName: `องค์การบริหารส่วนตำบล${area.tambon.nameTh}`,
    framework: { presetId: 'nst-coop-phase2' },
  });
}

/** Every entry of a zip, read with fflate (a reader independent of the app's own). */
export function zipEntries(file: string): Record<string, Uint8Array> {
  return unzipSync(fs.readFileSync(file));
}

/** Where minisign is, or why the check cannot run (a failure under CI=true). */
export function findMinisign(): { ok: true; path: string } | { ok: false; reason: string } {
  const found = findTool('minisign');
  if (found) return { ok: true, path: found };
  return { ok: false, reason: "minisign not found: install Debian's minisign package" };
}

/**
 * Checks a package with the standard `minisign -V -p KEY.pub -m manifest.json`, unpacked into a
 * temporary folder; answers minisign's exit status and output.
 */
export function minisignVerify(minisign: string, packageFile: string, publicKeyFile: string, workDir: string): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(workDir, 'unpacked-'));
  const entries = zipEntries(packageFile);
  fs.writeFileSync(path.join(dir, 'manifest.json'), entries['manifest.json']!);
  fs.writeFileSync(path.join(dir, 'manifest.json.minisig'), entries['manifest.json.minisig']!);
  const run = spawnSync(minisign, ['-V', '-p', publicKeyFile, '-m', path.join(dir, 'manifest.json')], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
