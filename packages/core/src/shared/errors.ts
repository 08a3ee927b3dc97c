import type { ErrorCode } from '@shuliu/contracts';

/**
 * Typed domain errors. Domain code throws these; the HTTP layer maps them to
 * `{ error: { code, message, details } }` with `status`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

type Factory = (message?: string, details?: unknown) => DomainError;

/** Builds a factory for one error code, e.g. `const Locked = createError('IDENTITY_ACCOUNT_LOCKED', '…', 423)`. */
export function createError(code: ErrorCode, defaultMessage: string, status: number): Factory {
  return (message, details) => new DomainError(code, message ?? defaultMessage, status, details);
}

export const NotFound = (what: string, id: string) =>
  new DomainError('NOT_FOUND', `${what} ${id} does not exist`, 404, { id });
export const Forbidden = (message = 'you do not have the right to do this') =>
  new DomainError('FORBIDDEN', message, 403);
export const Conflict = (code: ErrorCode, message: string, details?: unknown) =>
  new DomainError(code, message, 409, details);
export const Invalid = (code: ErrorCode, message: string, details?: unknown) =>
  new DomainError(code, message, 400, details);
export const Unauthenticated = (message = 'log in first: the credential is missing, expired or revoked') =>
  new DomainError('UNAUTHENTICATED', message, 401);
