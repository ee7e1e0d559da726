/**
 * The documents intake issues to the petitioner (docs/documents.md), which a unit may download for
 * its own matter through handling. Intake renders them (they carry the petitioner's full name and
 * address, which only intake holds); handling validates the kind and passes the file on.
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
export type PetitionerDocumentKind = (typeof PETITIONER_DOCUMENT_KINDS)[number];
