/** How the HTTP filter should present a domain error. */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unprocessable' | 'too_many';

/** One field-level reason. */
export interface FieldReason {
  field: string;
  reason: string;
}

/**
 * Base of every feature's errors: a stable code (`PETITION_NOT_FOUND`), a message a user can read
 * (Chinese first), a kind the HTTP filter maps to a status, and optional field reasons.
 * Services throw these, never HTTP exceptions.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind,
    readonly details: FieldReason[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that fails validation, with the reasons per field. */
export class ValidationFailedError extends DomainError {
  constructor(details: FieldReason[], message = '输入有误 (validation failed)') {
    super('VALIDATION_FAILED', message, 'invalid', details);
  }
}
