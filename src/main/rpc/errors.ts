/**
 * Turns anything a service throws into the envelope's error: a ServiceError passes through;
 * known SQLite and file-system failures get a message a person can act on; everything else
 * becomes INTERNAL without a stack trace.
 */
import { ZodError } from 'zod';
import { ServiceError, type AppError } from '../../shared/domain/result';

const diskFull: AppError = {
  code: 'REFUSED',
  messageTh: 'พื้นที่ดิสก์เต็ม จึงบันทึกไม่ได้ ข้อมูลที่บันทึกไว้ก่อนหน้ายังอยู่ครบ กรุณาลบไฟล์ที่ไม่ใช้แล้วลองอีกครั้ง',
  messageEn: 'The disk is full, so nothing was saved; what was saved before is intact. Free some space and try again',
};

const readOnly: AppError = {
  code: 'REFUSED',
  messageTh: 'ไฟล์หรือโฟลเดอร์นี้เขียนไม่ได้ (อ่านอย่างเดียว) จึงบันทึกไม่ได้ ข้อมูลเดิมยังอยู่ครบ',
  messageEn: 'The file or folder is read-only, so nothing was saved; the existing data is intact',
};

/** The envelope error for a zod failure: the first issue, with its field path. */
export function validationError(error: ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const [th, en] = (issue?.message ?? '').split(' / ');
  const result: AppError = {
    code: 'VALIDATION',
    messageTh: en !== undefined ? th! : `ข้อมูลไม่ถูกต้อง${field ? `ที่ช่อง ${field}` : ''}: ${issue?.message ?? ''}`,
    messageEn: en ?? `Invalid input${field ? ` at ${field}` : ''}: ${issue?.message ?? ''}`,
  };
  if (field) result.field = field;
  return result;
}

/** Maps a thrown value to the envelope's error. */
export function toAppError(error: unknown): AppError {
  if (error instanceof ServiceError) return error.toAppError();
  if (error instanceof ZodError) return validationError(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return diskFull;
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_READONLY_DBMOVED') return readOnly;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return { code: 'REFUSED', messageTh: 'ไฟล์นี้เสียหายหรือไม่ใช่พื้นที่ทำงาน TambonPlan', messageEn: 'The file is damaged or not a TambonPlan workspace' };
  }
  if (code === 'SQLITE_BUSY' || code === 'EBUSY') {
    return { code: 'CONFLICT', messageTh: 'ไฟล์ถูกโปรแกรมอื่นใช้งานอยู่ กรุณาปิดโปรแกรมนั้นแล้วลองอีกครั้ง', messageEn: 'The file is in use by another program; close it and try again' };
  }
  console.error('internal error:', error);
  return { code: 'INTERNAL', messageTh: 'เกิดข้อผิดพลาดภายในโปรแกรม ข้อมูลที่บันทึกไว้ไม่ได้รับผลกระทบ', messageEn: 'An internal error occurred; saved data is not affected' };
}
