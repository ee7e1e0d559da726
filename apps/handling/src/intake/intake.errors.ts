import { DomainError, type FieldReason } from '@petition/service-kit';

/** Stable codes of the petitioner-contact call. */
export enum PetitionerContactErrorCode {
  Refused = 'INTAKE_REFUSED',
  Unavailable = 'INTAKE_UNAVAILABLE',
}

/**
 * Intake refused the read (not entitled, a confidential accusation, unknown petition, bad
 * reason): its status and code are passed on, so the caller sees exactly why.
 */
export class IntakeRefusedError extends DomainError {
  constructor(
    readonly intakeStatus: number,
    intakeCode: string,
    intakeMessage: string,
    details: FieldReason[],
  ) {
    super(
      intakeCode || PetitionerContactErrorCode.Refused,
      intakeMessage || `信访登记服务拒绝了请求 (intake refused with ${intakeStatus})`,
      kindOf(intakeStatus),
      details,
    );
  }
}

/** Intake is down, slow or answered with a server error: the caller gets 502. */
export class IntakeUnavailableError extends DomainError {
  constructor(readonly reason: string) {
    super(PetitionerContactErrorCode.Unavailable, '信访登记服务暂不可用，请稍后再试 (intake is unavailable)', 'unavailable', [
      { field: 'intake', reason },
    ]);
  }
}

function kindOf(status: number): DomainError['kind'] {
  if (status === 404) return 'not_found';
  if (status === 403 || status === 401) return 'forbidden';
  if (status === 409) return 'conflict';
  if (status === 429) return 'too_many';
  if (status === 422) return 'unprocessable';
  return 'invalid';
}
