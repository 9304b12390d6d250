/**
 * The envelope every call between the renderer and main answers with, on every transport.
 * Errors carry a stable code and a message a person can act on, in Thai and English;
 * never a stack trace.
 */

/** Stable error codes; the renderer and scripts may branch on them. */
export const errorCodes = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'REFUSED', 'INTERNAL'] as const;
/** One of {@link errorCodes}. */
export type ErrorCode = (typeof errorCodes)[number];

/** An error as it crosses the boundary. `field` names the input field at fault, when there is one. */
export interface AppError {
  code: ErrorCode;
  messageTh: string;
  messageEn: string;
  field?: string;
}

/** `{ ok: true, value }` or `{ ok: false, error }`. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * An error a service throws on purpose; dispatch turns it into the envelope unchanged.
 * Anything else thrown becomes `INTERNAL` with a generic message.
 */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly messageTh: string;
  readonly field?: string;

  constructor(code: ErrorCode, messageTh: string, messageEn: string, field?: string) {
    super(messageEn);
    this.name = 'ServiceError';
    this.code = code;
    this.messageTh = messageTh;
    if (field !== undefined) this.field = field;
  }

  /** The serialisable form of this error. */
  toAppError(): AppError {
    const error: AppError = { code: this.code, messageTh: this.messageTh, messageEn: this.message };
    if (this.field !== undefined) error.field = this.field;
    return error;
  }
}

/** Shorthand for a refusal (`REFUSED`) a person can act on. */
export function refused(messageTh: string, messageEn: string, field?: string): ServiceError {
  return new ServiceError('REFUSED', messageTh, messageEn, field);
}
