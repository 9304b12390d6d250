/**
 * What is checked in main before an import job starts: the path goes through the transport's
 * path policy (a dialog's choice in Electron, the harness's folder), the file exists, is within
 * the size cap and is a spreadsheet — so a wrong file is refused at once with its reason, and the
 * worker only ever gets a path main has accepted.
 */
import type { z } from 'zod';
import { ServiceError } from '../../../shared/domain/result';
import type { importJobInputSchema } from '../../../shared/ipc/imports';
import type { AppContext } from '../context';
import { assertWithinSizeCap } from '../ports';
import { sniffFile } from './source';

/** The largest file an import reads: 100 MiB (a province-wide จปฐ. workbook is some tens of MiB). */
export const importSizeCap = 100 * 1024 * 1024;

/** Resolves and checks an input file; answers its absolute path and size. Refuses before anything parses it. */
export async function checkInputFile(ctx: AppContext, userPath: string): Promise<{ file: string; size: number }> {
  const file = ctx.paths.resolve(userPath);
  if (!(await ctx.fs.exists(file))) {
    throw new ServiceError('NOT_FOUND', `ไม่พบไฟล์: ${file}`, `File not found: ${file}`, 'path');
  }
  const size = await assertWithinSizeCap(ctx.fs, file, importSizeCap);
  return { file, size };
}

/** The import job's input with its path checked (see the module comment). */
export async function prepareImport(ctx: AppContext, input: z.output<typeof importJobInputSchema>): Promise<z.output<typeof importJobInputSchema>> {
  const { file, size } = await checkInputFile(ctx, input.path);
  await sniffFile(file, size);
  return { ...input, path: file };
}
