/** Input schemas several slices share. */
import { z } from 'zod';
import { pathField } from '../domain/fields';
import { errorCodes } from '../domain/result';

/** No input. */
export const none = z.object({}).strict();
/** A row id. */
export const idInput = z.object({ id: z.string().min(1).max(100) }).strict();
/** A file path a person chose. */
export const pathInput = z.object({ path: pathField }).strict();

/** An error as it crosses the boundary (see `AppError`). */
export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  messageTh: z.string(),
  messageEn: z.string(),
  field: z.string().optional(),
});
