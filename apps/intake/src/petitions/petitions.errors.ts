import { DomainError } from '@petition/service-kit';

/** Stable codes of intake's petition errors. */
export enum PetitionErrorCode {
  NotFound = 'PETITION_NOT_FOUND',
}

/** The petition does not exist (or the caller may not know it does). */
export class PetitionNotFoundError extends DomainError {
  constructor(id: string) {
    super(PetitionErrorCode.NotFound, `信访件不存在 (petition ${id} not found)`, 'not_found', [{ field: 'id', reason: 'no such petition' }]);
  }
}
