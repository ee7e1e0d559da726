import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import { toOffsetIso, type PetitionerDocumentKind } from '@petition/contracts';
import { renderDocument } from '@petition/documents';
import { CLOCK } from '@petition/service-kit';
import type { PetitionEntity } from '../../petitions/entities/petition.entity';
import { DocumentNotAvailableError } from '../documents.errors';
import type { PetitionDocumentView } from '../dto/document.dto';
import type { IssuedDocumentEntity } from '../entities/issued-document.entity';
import { IssuedDocumentsRepository } from '../issued-documents.repository';
import { PetitionerDocuments } from '../petitioner-documents';
import { currentTemplate, documentTitle } from '../templates/petitioner-document-templates';

/**
 * Issues a petitioner document the first time it is asked for — rendered from the current version
 * of its template and kept — and hands back the kept one ever after, byte for byte. A template
 * changed later applies only to documents issued after the change.
 */
@Injectable()
export class IssuePetitionerDocumentUseCase {
  constructor(
    private readonly sources: PetitionerDocuments,
    private readonly issued: IssuedDocumentsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(p: PetitionEntity, kind: PetitionerDocumentKind, by: string): Promise<IssuedDocumentEntity> {
    const source = (await this.sources.issuable(p)).filter((d) => d.kind === kind).pop();
    if (!source) throw new DocumentNotAvailableError(kind, `the petition has no ${kind.replace(/_/g, ' ')} to state (it is ${p.status})`);
    const kept = await this.issued.find(p.id, kind, source.subject);
    if (kept) return kept;
    const template = currentTemplate(kind);
    const now = this.clock.now();
    const rendered = await renderDocument(template, source.vars, now);
    return this.issued.keep({
      petitionId: p.id,
      kind,
      subject: source.subject,
      templateId: rendered.templateId,
      templateVersion: rendered.templateVersion,
      fileName: `${template.title}-${p.trackingNo}.docx`,
      sha256: rendered.sha256,
      bytes: rendered.bytes,
      issuedAt: now,
      issuedBy: by,
    });
  }

  /** Every document the petition can have now, with its issue if it was issued. */
  async list(p: PetitionEntity): Promise<PetitionDocumentView[]> {
    const [sources, issued] = await Promise.all([this.sources.issuable(p), this.issued.forPetition(p.id)]);
    return sources.map((s) => {
      const doc = issued.find((d) => d.kind === s.kind && d.subject === s.subject);
      return {
        kind: s.kind,
        title: documentTitle(s.kind),
        subject: s.subject,
        issuedAt: doc ? toOffsetIso(doc.issuedAt) : null,
        templateVersion: doc?.templateVersion ?? null,
        sha256: doc?.sha256 ?? null,
      };
    });
  }
}
