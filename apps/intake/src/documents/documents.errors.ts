import { DomainError } from '@petition/service-kit';

/** Stable codes of document errors. */
export enum DocumentErrorCode {
  NotAvailable = 'DOCUMENT_NOT_AVAILABLE',
}

/** The petition has not reached the step the document states (no acceptance yet, no delivered letter…). */
export class DocumentNotAvailableError extends DomainError {
  constructor(kind: string, why: string) {
    super(DocumentErrorCode.NotAvailable, `该文书尚不能出具 (${kind}: ${why})`, 'conflict', [{ field: 'kind', reason: why }]);
  }
}
