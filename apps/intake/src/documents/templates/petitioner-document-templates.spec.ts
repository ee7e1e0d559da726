import { placeholdersOf, templateProblems } from '@petition/documents';
import { PETITIONER_DOCUMENT_KINDS } from '@petition/contracts';
import { PETITIONER_DOCUMENT_TEMPLATES, currentTemplate } from './petitioner-document-templates';

/** What PetitionerDocuments fills for every document, and for each kind. */
const COMMON = ['petitionerName', 'petitionerAddress', 'trackingNo', 'title', 'receivedOn', 'issuer', 'issuedOn', 'portal'];
const OF_KIND: Record<string, string[]> = {
  acceptance_notice: ['acceptedOn', 'handleBy'],
  inform_notice: ['properChannel'],
  forward_notice: ['authority', 'decidedOn'],
  non_acceptance_notice: ['decisionText'],
  decision_letter: ['acceptedOn', 'request', 'facts', 'decision', 'legalBasis', 'outcomeLabel', 'reviewBy'],
  review_decision: ['decidedOn', 'outcomeLabel', 'reason', 'reexamBy'],
  reexam_decision: ['decidedOn', 'outcomeLabel', 'reason'],
};

describe('petitioner document templates', () => {
  it.each(PETITIONER_DOCUMENT_KINDS)('%s: every version is well formed, numbered 1, 2, … and asks only for what intake fills', (kind) => {
    const versions = PETITIONER_DOCUMENT_TEMPLATES[kind];
    expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
    for (const t of versions) {
      expect(t.id).toBe(kind);
      expect(templateProblems(t)).toEqual([]);
      expect(placeholdersOf(t).filter((p) => !COMMON.includes(p) && !OF_KIND[kind].includes(p))).toEqual([]);
    }
  });

  it('names the tracking number, the addressee, the issuer and the date in every document', () => {
    for (const kind of PETITIONER_DOCUMENT_KINDS)
      expect(placeholdersOf(currentTemplate(kind))).toEqual(expect.arrayContaining(['trackingNo', 'petitionerName', 'issuer', 'issuedOn']));
  });
});
