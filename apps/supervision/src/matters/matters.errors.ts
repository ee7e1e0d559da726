import { DomainError } from '@petition/service-kit';

/** Stable codes of matter errors shared by reviews, evaluations and appeals. */
export enum MatterErrorCode {
  NotFound = 'MATTER_NOT_FOUND',
  NotDelivered = 'MATTER_NOT_DELIVERED',
}

/** Supervision has no reply of this petition. */
export class MatterNotFoundError extends DomainError {
  constructor(petitionId: string) {
    super(MatterErrorCode.NotFound, `信访事项尚无答复 (no reply of petition ${petitionId} reached supervision)`, 'not_found', [
      { field: 'petitionId', reason: 'unknown to supervision' },
    ]);
  }
}

/** The step needs a reply delivered to the petitioner, and none is yet. */
export class MatterNotDeliveredError extends DomainError {
  constructor(what: string) {
    super(MatterErrorCode.NotDelivered, `答复尚未送达信访人，不能${what} (no delivered reply yet)`, 'conflict', [
      { field: 'petitionId', reason: 'no reply delivered yet' },
    ]);
  }
}
