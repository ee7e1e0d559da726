import type { ErrorCode } from '../protocol/error-code';

/** A partition that cannot serve: deleted meanwhile, or failed on a disk error. */
export class PartitionUnavailableError extends Error {
  constructor(
    readonly errorCode: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PartitionUnavailableError';
  }
}
