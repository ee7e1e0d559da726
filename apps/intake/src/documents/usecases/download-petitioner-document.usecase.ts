import { Inject, Injectable } from '@nestjs/common';
import type { PetitionerDocumentKind } from '@petition/contracts';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { CLOCK } from '@petition/service-kit';
import { ReadCaseFileUseCase } from '../../case-file/usecases/read-case-file.usecase';
import type { PetitionEntity } from '../../petitions/entities/petition.entity';
import type { PetitionDocumentView } from '../dto/document.dto';
import type { IssuedDocumentEntity } from '../entities/issued-document.entity';
import { IssuedDocumentsRepository } from '../issued-documents.repository';
import { IssuePetitionerDocumentUseCase } from './issue-petitioner-document.usecase';

/**
 * A petitioner document for staff: the clerk and the supervisor, and the units that handle the
 * matter (through handling, with their own token) — never the unit an accusation accuses. Access is
 * the case file's: a refusal answers 404 like a petition that does not exist, and is logged. Every
 * download is logged with its reason before the bytes leave.
 */
@Injectable()
export class DownloadPetitionerDocumentUseCase {
  constructor(
    private readonly caseFile: ReadCaseFileUseCase,
    private readonly issue: IssuePetitionerDocumentUseCase,
    private readonly issued: IssuedDocumentsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(petitionId: string, kind: PetitionerDocumentKind, reason: string, user: StaffUser): Promise<IssuedDocumentEntity> {
    const p = await this.caseFile.entitled(petitionId, `document ${kind}: ${reason}`, user, null);
    const doc = await this.issue.execute(p, kind, user.sub);
    await this.issued.logDownload({
      documentId: doc.id,
      petitionId: p.id,
      actor: user.sub,
      actorRoles: user.roles,
      actorUnitId: user.unitId,
      reason,
      at: this.clock.now(),
    });
    return doc;
  }

  async list(petitionId: string, user: StaffUser): Promise<PetitionDocumentView[]> {
    const p = await this.caseFile.entitled(petitionId, 'list documents', user, null);
    return this.issue.list(p);
  }

  /** The petitioner's own download through the public side (authenticated there by the query code). */
  async forPetitioner(p: PetitionEntity, kind: PetitionerDocumentKind): Promise<IssuedDocumentEntity> {
    const doc = await this.issue.execute(p, kind, 'petitioner');
    await this.issued.logDownload({
      documentId: doc.id,
      petitionId: p.id,
      actor: 'petitioner',
      actorRoles: [],
      actorUnitId: null,
      reason: '信访人本人下载 (the petitioner’s own download)',
      at: this.clock.now(),
    });
    return doc;
  }
}
