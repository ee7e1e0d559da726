import { ValidationFailedError, type FieldReason } from '@petition/service-kit';

/** A query whose fields are each valid but do not fit together (from after to, a range too long). */
export class StatsQueryError extends ValidationFailedError {
  constructor(details: FieldReason[]) {
    super(details, '查询条件有误 (invalid statistics query)');
  }
}
