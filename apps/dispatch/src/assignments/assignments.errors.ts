import { DomainError, type FieldReason } from '@petition/service-kit';

/** Stable codes of assignment errors. */
export enum AssignmentErrorCode {
  NotInQueue = 'ASSIGNMENT_NOT_IN_QUEUE',
  InvalidUnits = 'ASSIGNMENT_INVALID_UNITS',
}

/** Only petitions waiting in the manual queue are assigned by hand (others are already assigned). */
export class NotInQueueError extends DomainError {
  constructor(petitionId: string) {
    super(
      AssignmentErrorCode.NotInQueue,
      `该信访事项不在待分派队列中 (petition ${petitionId} is not waiting in the dispatch queue)`,
      'conflict',
    );
  }
}

/** The chosen units are unknown, deactivated, or break Art. 30. */
export class InvalidAssignmentUnitsError extends DomainError {
  constructor(details: FieldReason[]) {
    super(AssignmentErrorCode.InvalidUnits, '承办单位无效 (invalid units for this assignment)', 'unprocessable', details);
  }
}
