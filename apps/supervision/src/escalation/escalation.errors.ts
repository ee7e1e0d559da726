import { DomainError } from '@petition/service-kit';

/** Stable codes of urge and supervision-order errors. */
export enum EscalationErrorCode {
  OrderNotFound = 'SUPERVISION_ORDER_NOT_FOUND',
  OrderAlreadyAnswered = 'SUPERVISION_ORDER_ALREADY_ANSWERED',
  OutsideUnit = 'UNIT_SCOPE_FORBIDDEN',
}

/** No such order, or it belongs to another unit (never told apart, so ids of other units leak nothing). */
export class SupervisionOrderNotFoundError extends DomainError {
  constructor(id: string) {
    super(EscalationErrorCode.OrderNotFound, `督办单不存在 (supervision order ${id} not found)`, 'not_found');
  }
}

/** The order was answered already. */
export class SupervisionOrderAlreadyAnsweredError extends DomainError {
  constructor(id: string) {
    super(EscalationErrorCode.OrderAlreadyAnswered, `督办单已回复 (supervision order ${id} was answered already)`, 'conflict');
  }
}

/** Unit staff asked about another unit (or have no unit in their token). */
export class OutsideUnitError extends DomainError {
  constructor(field: string) {
    super(EscalationErrorCode.OutsideUnit, '只能查看本单位的督办信息 (only your own unit)', 'forbidden', [
      { field, reason: 'not your unit' },
    ]);
  }
}
