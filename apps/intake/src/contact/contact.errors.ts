import { DomainError } from '@petition/service-kit';

/** Stable codes of contact-data access errors. */
export enum ContactErrorCode {
  NotEntitled = 'CONTACT_NOT_ENTITLED',
  Confidential = 'CONTACT_CONFIDENTIAL_ACCUSATION',
}

/** Only the intake clerk, supervisors and the lead unit of the matter may read contact data. */
export class ContactNotEntitledError extends DomainError {
  constructor() {
    super(ContactErrorCode.NotEntitled, '无权查看信访人联系方式 (not entitled to the contact data of this petition)', 'forbidden', [
      { field: 'id', reason: 'only intake clerks, supervisors and the lead unit of this petition may read it' },
    ]);
  }
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
