import type { ErrorCode } from '../../common/errors';
import type { MessageKey } from './messages';

export type ErrorDetail = { path: string; message: string };

/**
 * An error the API reports to the caller: an HTTP status, a stable code, and a message key that the error
 * handler translates into the user's language. Details name the fields at fault.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly details: { path: string; messageKey: MessageKey; params?: Record<string, string | number> }[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found', 'error.not_found');
export const forbidden = () => new AppError(403, 'forbidden', 'error.forbidden');
export const staleVersion = () => new AppError(409, 'version_conflict', 'error.version_conflict');
export const invalidField = (path: string, messageKey: MessageKey, params?: Record<string, string | number>) =>
  new AppError(400, 'validation_failed', 'error.validation_failed', {}, [{ path, messageKey, params }]);
export const conflict = (messageKey: MessageKey, path?: string) =>
  new AppError(409, 'conflict', messageKey, {}, path ? [{ path, messageKey }] : []);
