import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toAppError } from '../../src/main/services/errors';
import { writeFileAtomic } from '../../src/main/services/files';
import { assertWithinSizeCap, faultyFs, nodeFs } from '../../src/main/services/ports';
import { readPreferences, updatePreferences } from '../../src/main/services/preferences/preferences';
import { tempDir, testContext } from '../support/context';

describe('atomic writes', () => {
  it('keep the old file when the disk fills during the write', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.txt');
    fs.writeFileSync(file, 'old');
    const full = faultyFs(nodeFs, { op: 'writeFile', code: 'ENOSPC' });
    const error = await writeFileAtomic(full, file, 'new').catch((e: unknown) => e);
    expect(toAppError(error).messageTh).toContain('ดิสก์เต็ม');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['out.txt']);
  });

  it('keep the old file when the target is locked', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.txt');
    fs.writeFileSync(file, 'old');
    const locked = faultyFs(nodeFs, { op: 'rename', code: 'EBUSY', when: (f) => f === file });
    const error = await writeFileAtomic(locked, file, 'new').catch((e: unknown) => e);
    expect(toAppError(error).code).toBe('CONFLICT');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['out.txt']);
  });

  it('replace the file when nothing fails', async () => {
    const file = path.join(tempDir(), 'sub', 'out.txt');
    await writeFileAtomic(nodeFs, file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });

  it('keep the preferences intact when saving them fails', async () => {
    const ctx = testContext();
    await updatePreferences(ctx, { operatorName: 'เดิม' });
    ctx.fs = faultyFs(nodeFs, { op: 'writeFile', code: 'ENOSPC' });
    await expect(updatePreferences(ctx, { operatorName: 'ใหม่' })).rejects.toMatchObject({ code: 'ENOSPC' });
    ctx.fs = nodeFs;
    expect((await readPreferences(ctx)).operatorName).toBe('เดิม');
  });
});

describe('input size cap', () => {
  it('refuses a file over the cap before reading it (sparse file)', async () => {
    const file = path.join(tempDir(), 'huge.xlsx');
    const fd = fs.openSync(file, 'w');
    fs.ftruncateSync(fd, 5 * 1024 * 1024 * 1024); // 5 GiB, no blocks on disk
    fs.closeSync(fd);
    const error = await assertWithinSizeCap(nodeFs, file).catch((e: unknown) => e);
    expect(toAppError(error)).toMatchObject({ code: 'REFUSED', field: 'file' });
    expect(toAppError(error).messageTh).toContain('ใหญ่เกินไป');
    expect(await assertWithinSizeCap(nodeFs, file, 6 * 1024 * 1024 * 1024)).toBe(5 * 1024 * 1024 * 1024);
  });
});
