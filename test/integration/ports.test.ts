import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toAppError } from '../../src/main/services/errors';
import { writeFileAtomic, writeStreamAtomic } from '../../src/main/services/files';
import { assertWithinSizeCap, faultyFs, nodeFs, syncToDisk } from '../../src/main/services/ports';
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

describe('streamed atomic writes (exceljs, zip and PDF output)', () => {
  it('put the whole stream in place, flushed, or nothing when the stream fails part way', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.xlsx');
    fs.writeFileSync(file, 'old report');
    await expect(
      writeStreamAtomic(nodeFs, file, 'replace', async (stream) => {
        stream.write('first part, ');
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('the workbook could not be built');
      }),
    ).rejects.toThrow('could not be built');
    expect(fs.readFileSync(file, 'utf8')).toBe('old report');
    expect(fs.readdirSync(dir)).toEqual(['report.xlsx']);
    await writeStreamAtomic(nodeFs, file, 'replace', async (stream) => {
      for (let i = 0; i < 1000; i += 1) stream.write(`row ${i}\n`);
      await Promise.resolve();
    });
    expect(fs.readFileSync(file, 'utf8').split('\n')).toHaveLength(1001);
    expect(fs.readdirSync(dir)).toEqual(['report.xlsx']);
  });

  it('refuse to replace an existing file in create mode, and report a full disk while flushing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'export.zip');
    fs.writeFileSync(file, 'someone else');
    const taken = await writeStreamAtomic(nodeFs, file, 'create', () => Promise.resolve()).catch((e: unknown) => e);
    expect(toAppError(taken)).toMatchObject({ code: 'CONFLICT', field: 'path' });
    const fresh = path.join(dir, 'fresh.zip');
    const full = faultyFs(nodeFs, { op: 'fsync', code: 'ENOSPC', when: (f) => f.endsWith('.tmp') });
    const error = await writeStreamAtomic(full, fresh, 'create', (stream) => {
      stream.write('data');
      return Promise.resolve();
    }).catch((e: unknown) => e);
    expect(toAppError(error).messageTh).toContain('ดิสก์เต็ม');
    expect(fs.readdirSync(dir).sort()).toEqual(['export.zip']);
  });
});

describe('flushing to disk', () => {
  it('opens a file for writing to flush it (Windows refuses FlushFileBuffers on a read-only handle), a folder read-only', async () => {
    const opened: string[] = [];
    const fake = (dirs: string[]) => ({
      open: (target: string, flags: 'r' | 'r+') => {
        opened.push(`${target}:${flags}`);
        if (flags === 'r' && !dirs.includes(target)) return Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' }));
        return Promise.resolve({ sync: () => Promise.resolve(), close: () => Promise.resolve() });
      },
      isDirectory: (target: string) => Promise.resolve(dirs.includes(target)),
    });
    await syncToDisk(fake(['/dir']), '/dir/file.tmp');
    await syncToDisk(fake(['/dir']), '/dir');
    expect(opened).toEqual(['/dir/file.tmp:r+', '/dir:r']);
    // A folder that cannot be opened (Windows) is not an error; a file that cannot be flushed is.
    const noFolders = { open: () => Promise.reject(new Error('EISDIR')), isDirectory: () => Promise.resolve(true) };
    await expect(syncToDisk(noFolders, '/dir')).resolves.toBeUndefined();
    const failing = { open: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })), isDirectory: () => Promise.resolve(false) };
    await expect(syncToDisk(failing, '/dir/file.tmp')).rejects.toMatchObject({ code: 'EIO' });
  });

  it('flushes real files and folders', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.txt');
    fs.writeFileSync(file, 'data');
    await nodeFs.fsync(file);
    await nodeFs.fsync(dir);
  });
});
