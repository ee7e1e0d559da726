import { DomainError } from '@petition/service-kit';

/** Stable codes of document errors (the same code intake uses for its documents). */
export enum DocumentErrorCode {
  NotAvailable = 'DOCUMENT_NOT_AVAILABLE',
}

/**
 * The document cannot be issued yet: the directory has not yet described a unit it must name.
 * Nothing is kept, so the next download issues it complete.
 */
export class DocumentNotAvailableError extends DomainError {
  constructor(kind: string, field: string, why: string) {
    super(DocumentErrorCode.NotAvailable, `该文书暂不能出具，请稍后再试 (${kind}: ${why})`, 'conflict', [{ field, reason: why }]);
  }
}
