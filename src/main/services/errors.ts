/**
 * Turns anything a service throws into the envelope's error: a ServiceError passes through;
 * known SQLite and file-system failures get a message a person can act on, also when a library
 * wrapped them (drizzle's query errors carry the SQLite error as their `cause`); everything else
 * becomes INTERNAL without a stack trace, and is logged. Calls and jobs use the same mapping.
 */
import { ZodError } from 'zod';
import { formatNumber } from '../../shared/domain/fields';
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

const noPermission: AppError = {
  code: 'REFUSED',
  messageTh: 'ไม่มีสิทธิ์เข้าถึงไฟล์หรือโฟลเดอร์นี้ กรุณาเลือกที่เก็บอื่นหรือขอสิทธิ์จากผู้ดูแลเครื่อง',
  messageEn: 'No permission to use this file or folder; choose another place or ask the PC administrator',
};

// Important: Windows answers EPERM (ERROR_ACCESS_DENIED) when another program holds a file that
// is being renamed over or deleted, so there it usually means "in use", not "no permission".
const lockedOrNoPermission: AppError = {
  code: 'CONFLICT',
  messageTh: 'ไฟล์ถูกโปรแกรมอื่นใช้งานอยู่ หรือไม่มีสิทธิ์เขียน กรุณาปิดโปรแกรมที่เปิดไฟล์นี้ (เช่น โปรแกรมสแกนไวรัส) แล้วลองอีกครั้ง',
  messageEn: 'The file is in use by another program, or not writable; close whatever holds it (an antivirus, say) and try again',
};

const cannotOpen: AppError = {
  code: 'REFUSED',
  messageTh: 'เปิดไฟล์ไม่ได้ (ไฟล์หรือโฟลเดอร์อาจถูกย้าย ลบ หรือเขียนไม่ได้)',
  messageEn: 'The file cannot be opened (it or its folder may have been moved, deleted or made read-only)',
};

const ioError: AppError = {
  code: 'REFUSED',
  messageTh: 'อ่านหรือเขียนดิสก์ไม่สำเร็จ ข้อมูลที่บันทึกไว้ก่อนหน้ายังอยู่ กรุณาตรวจสอบดิสก์หรือแฟลชไดรฟ์แล้วลองอีกครั้ง',
  messageEn: 'The disk could not be read or written; saved data is intact. Check the disk or USB drive and try again',
};

const inUse: AppError = {
  code: 'CONFLICT',
  messageTh: 'ไฟล์ถูกโปรแกรมอื่นใช้งานอยู่ กรุณาปิดโปรแกรมนั้นแล้วลองอีกครั้ง',
  messageEn: 'The file is in use by another program; close it and try again',
};

const nameTooLong: AppError = {
  code: 'REFUSED',
  messageTh: 'ชื่อไฟล์หรือเส้นทางยาวเกินกว่าที่ระบบไฟล์รับได้ กรุณาใช้ชื่อที่สั้นลง',
  messageEn: 'The file name or path is longer than the file system allows; use a shorter name',
};

const damaged: AppError = {
  code: 'REFUSED',
  messageTh: 'ไฟล์นี้เสียหายหรือไม่ใช่พื้นที่ทำงาน TambonPlan ลองกู้คืนจากไฟล์สำรอง',
  messageEn: 'The file is damaged or not a TambonPlan workspace; try restoring a backup',
};

/** SQLite's (extended) result codes and Node's errno codes, by prefix, to what a person reads. */
const byCode: [prefix: string, error: AppError][] = [
  ['SQLITE_FULL', diskFull],
  ['ENOSPC', diskFull],
  ['SQLITE_READONLY', readOnly],
  ['EROFS', readOnly],
  ['SQLITE_CANTOPEN', cannotOpen],
  ['SQLITE_IOERR', ioError],
  ['EIO', ioError],
  ['SQLITE_BUSY', inUse],
  ['SQLITE_LOCKED', inUse],
  ['EBUSY', inUse],
  ['SQLITE_CORRUPT', damaged],
  ['SQLITE_NOTADB', damaged],
  ['ENAMETOOLONG', nameTooLong],
  ['EACCES', noPermission],
  ['EPERM', process.platform === 'win32' ? lockedOrNoPermission : noPermission],
];

/** Thai (and English) wording of zod's issue kinds, for fields whose schema gives no message. */
function describeIssue(issue: ZodError['issues'][number]): { th: string; en: string } {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? { th: 'ต้องไม่เว้นว่าง', en: 'must not be empty' }
        : { th: `ต้องไม่น้อยกว่า ${formatNumber(Number(issue.minimum))}`, en: `must be at least ${formatNumber(Number(issue.minimum))}` };
    case 'too_big':
      return issue.origin === 'string'
        ? { th: `ยาวได้ไม่เกิน ${formatNumber(Number(issue.maximum))} ตัวอักษร`, en: `must be at most ${formatNumber(Number(issue.maximum))} characters` }
        : { th: `ต้องไม่เกิน ${formatNumber(Number(issue.maximum))}`, en: `must be at most ${formatNumber(Number(issue.maximum))}` };
    case 'invalid_type':
      return { th: 'ชนิดข้อมูลไม่ถูกต้อง', en: `expected ${issue.expected}` };
    case 'unrecognized_keys':
      return { th: `ไม่รู้จักช่อง ${issue.keys.join(', ')}`, en: `unknown field ${issue.keys.join(', ')}` };
    case 'invalid_value':
      return { th: 'ค่าที่เลือกไม่อยู่ในรายการที่ใช้ได้', en: 'not one of the allowed values' };
    default:
      return { th: 'รูปแบบไม่ถูกต้อง', en: issue.message };
  }
}

/** The envelope error for a zod failure: the first issue, with its field named. */
export function validationError(error: ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return { code: 'VALIDATION', messageTh: 'ข้อมูลไม่ถูกต้อง', messageEn: 'Invalid input' };
  const path = issue.path.map(String).join('.');
  const field = issue.code === 'unrecognized_keys' ? [path, ...issue.keys].filter(Boolean).join('.') : path;
  const [th, en] = issue.message.split(' / ');
  const described = en !== undefined ? { th: th!, en } : describeIssue(issue);
  const result: AppError = {
    code: 'VALIDATION',
    messageTh: en !== undefined || !field ? described.th : `ช่อง ${field}: ${described.th}`,
    messageEn: en !== undefined || !field ? described.en : `${field}: ${described.en}`,
  };
  // Input that is not an object at all has no field; name the whole input.
  result.field = field || 'input';
  return result;
}

/** Where internal errors are written: the console, or the CLI's log file. */
export interface Logger {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** The console, for the app and the harness. */
export const consoleLogger: Logger = {
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(message, error),
};

/** The first known SQLite or errno code on `error` or down its `cause` chain. */
function knownCode(error: unknown): AppError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      const known = byCode.find(([prefix]) => code.startsWith(prefix));
      if (known) return known[1];
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The envelope's error for anything unexpected: no detail for the person, the detail in the log. */
export const internalError: AppError = {
  code: 'INTERNAL',
  messageTh: 'เกิดข้อผิดพลาดภายในโปรแกรม ข้อมูลที่บันทึกไว้ไม่ได้รับผลกระทบ',
  messageEn: 'An internal error occurred; saved data is not affected',
};

/** Maps a thrown value to the envelope's error; an unexpected one is logged to `log`. */
export function toAppError(error: unknown, log: Logger = consoleLogger): AppError {
  if (error instanceof ServiceError) return error.toAppError();
  if (error instanceof ZodError) return validationError(error);
  const known = knownCode(error);
  if (known) return known;
  log.error('internal error:', error);
  return internalError;
}
