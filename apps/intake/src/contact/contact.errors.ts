import { DomainError } from '@petition/service-kit';

/** Stable codes of contact-data access errors. */
export enum ContactErrorCode {
  Confidential = 'CONTACT_CONFIDENTIAL_ACCUSATION',
}

/** An accuser's identity is never shown to a unit, whoever it is (条例 Art. 30). */
export class ConfidentialAccusationError extends DomainError {
  constructor() {
    super(
      ContactErrorCode.Confidential,
      '检举控告人信息保密，不向承办单位提供 (accuser identity is confidential, 条例 Art. 30)',
      'forbidden',
      [{ field: 'id', reason: 'accusations keep the accuser confidential from units' }],
    );
  }
}
