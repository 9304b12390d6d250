/**
 * Putting a form's file in place, the same for every format: through the fs port and the one
 * atomic writer (a temporary file beside the target, moved over it only when complete), so a
 * target open in another program (Excel, a PDF reader: locked) or a full disk leaves the old file
 * exactly as it was and the person is told which file to close; then the export is recorded in the
 * audit log with the operator (unless the workspace is open read-only).
 */
import path from 'node:path';
import { ServiceError } from '../../../../shared/domain/result';
import type { ExportForm } from '../../../../shared/ipc/forum';
import type { AppContext } from '../../context';
import { write } from '../../write';

/** Errno codes that mean another program holds the target (Excel on Windows answers EBUSY or EPERM). */
const lockedCodes = new Set(['EBUSY', 'EPERM', 'EACCES', 'ETXTBSY']);

function errnoOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The program a person most likely has the file open in, by format. */
const holders = { xlsx: { th: 'Excel', en: 'Excel' }, pdf: { th: 'โปรแกรมอ่าน PDF', en: 'a PDF reader' }, docx: { th: 'Word', en: 'Word' } } as const;

/**
 * Runs `put` (an atomic write of `file`); a refusal because another program holds an existing
 * `file` becomes a CONFLICT that says to close it.
 */
export async function putExport(ctx: AppContext, file: string, format: keyof typeof holders, put: () => Promise<void>): Promise<void> {
  try {
    await put();
  } catch (error) {
    const code = errnoOf(error);
    if (code && lockedCodes.has(code) && (await ctx.fs.exists(file))) {
      const name = path.basename(file);
      const holder = holders[format];
      throw new ServiceError(
        'CONFLICT',
        `บันทึกทับไฟล์ ${name} ไม่ได้ เพราะไฟล์เปิดอยู่ในโปรแกรมอื่น (เช่น ${holder.th}) กรุณาปิดไฟล์นั้นแล้วลองอีกครั้ง หรือบันทึกเป็นชื่ออื่น ไฟล์เดิมยังอยู่ครบ`,
        `Cannot save over ${name}: it is open in another program (${holder.en}, say). Close it and try again, or save under another name; the old file is intact`,
        'path',
      );
    }
    throw error;
  }
}

/** Records an export in the audit log (not for a read-only workspace; a failure is logged, not thrown). */
export async function recordExport(ctx: AppContext, detail: { form: ExportForm; format: 'xlsx' | 'pdf'; file: string; sheets: number; rows: number; pages?: number }): Promise<void> {
  const ws = ctx.session.workspace;
  if (!ws || ws.readonly) return;
  // Exports are recorded with the operator (DESIGN.md section 4); no row changes, so no change event.
  await write(ctx, { capability: 'forum', action: 'forum.export' }, (tx) => {
    tx.detail = { ...detail, file: path.basename(detail.file) };
  }).catch((error: unknown) => ctx.log.warn(`export not audited: ${(error as Error).message}`));
}

/** `target` with `.ext` added unless it already ends so. */
export function withExtension(target: string, ext: 'xlsx' | 'pdf'): string {
  return path.extname(target).toLowerCase() === `.${ext}` ? target : `${target}.${ext}`;
}
