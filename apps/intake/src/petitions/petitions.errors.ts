import { DomainError } from '@petition/service-kit';

/** Stable codes of intake's petition errors. */
export enum PetitionErrorCode {
  NotFound = 'PETITION_NOT_FOUND',
  RegistrationContended = 'REGISTRATION_CONTENDED',
}

/** The petition does not exist (or the caller may not know it does). */
export class PetitionNotFoundError extends DomainError {
  constructor(id: string) {
    super(PetitionErrorCode.NotFound, `信访件不存在 (petition ${id} not found)`, 'not_found', [
      { field: 'id', reason: 'no such petition' },
    ]);
  }
}

/**
 * Registrations of the same petitioner kept committing first, every attempt: nothing was written,
 * and the caller may retry with the same Idempotency-Key.
 */
export class RegistrationContendedError extends DomainError {
  constructor(attempts: number) {
    super(
      PetitionErrorCode.RegistrationContended,
      `同一信访人的登记正在同时进行，请稍后重试 (lost ${attempts} races for this petitioner; retry)`,
      'conflict',
      [],
    );
  }
}
