/**
 * The documents addressed to the petitioner (docs/documents.md). Intake issues them — they carry
 * the petitioner's full name and address, which only intake holds — and handling passes them on to
 * the units of the matter; both validate a requested kind against this one list.
 */
export const PETITIONER_DOCUMENT_KINDS = [
  'acceptance_notice',
  'inform_notice',
  'forward_notice',
  'non_acceptance_notice',
  'decision_letter',
  'review_decision',
  'reexam_decision',
] as const;

/** One of {@link PETITIONER_DOCUMENT_KINDS}. */
export type PetitionerDocumentKind = (typeof PETITIONER_DOCUMENT_KINDS)[number];
