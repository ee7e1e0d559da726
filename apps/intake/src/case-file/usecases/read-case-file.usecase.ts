import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { toOffsetIso } from '@petition/contracts';
import { CLOCK } from '@petition/service-kit';
import { AttachmentsService } from '../../attachments/attachments.service';
import type { AttachmentView } from '../../attachments/dto/attachment.view';
import { ContactAccessRepository } from '../../contact/contact-access.repository';
import type { PetitionEntity } from '../../petitions/entities/petition.entity';
import { PetitionNotFoundError } from '../../petitions/petitions.errors';
import { PetitionsRepository } from '../../petitions/petitions.repository';
import { mayReadCaseFile } from '../case-file-access';
import type { CaseFileView } from '../dto/case-file.view';

/**
 * The whole petition for those who handle it, each read written to the access log first with its
 * reason. A petition the caller may not read answers exactly like one that does not exist (404), and
 * the refused attempt is logged too — an accused unit learns nothing, not even that it exists.
 */
@Injectable()
export class ReadCaseFileUseCase {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly attachments: AttachmentsService,
    private readonly audit: ContactAccessRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(id: string, reason: string, user: StaffUser): Promise<CaseFileView> {
    const p = await this.entitled(id, reason, user, ['content', 'attachments', 'linked']);
    const [attachments, linked] = await Promise.all([this.attachments.list(p.id), this.petitions.linkedTo(p)]);
    return view(p, attachments, linked);
  }

  /**
   * The petition if `user` may read it — the read of `fields` is logged (none: the caller logs it) —
   * else a logged refusal and a 404.
   */
  async entitled(id: string, reason: string, user: StaffUser, fields: string[] | null): Promise<PetitionEntity> {
    const p = await this.petitions.findById(id);
    if (!p) throw new PetitionNotFoundError(id);
    const allowed = mayReadCaseFile(p, user);
    if (allowed && fields === null) return p;
    await this.audit.record({
      petitionId: p.id,
      actor: user.sub,
      actorRoles: user.roles,
      actorUnitId: user.unitId,
      reason: allowed ? reason : `refused: ${reason}`,
      fields: allowed && fields ? fields : ['refused'],
      at: this.clock.now(),
    });
    if (!allowed) throw new PetitionNotFoundError(id);
    return p;
  }
}

function view(p: PetitionEntity, attachments: AttachmentView[], linked: PetitionEntity[]): CaseFileView {
  return {
    petitionId: p.id,
    trackingNo: p.trackingNo,
    channel: p.channel,
    nature: p.nature,
    title: p.title,
    content: p.content,
    categoryCode: p.categoryCode,
    regionCode: p.regionCode,
    receivedAt: toOffsetIso(p.receivedAt),
    registeredAt: toOffsetIso(p.registeredAt),
    petitionerNameMasked: p.petitionerNameMasked,
    headcount: p.headcount,
    representatives: p.representativesMasked.map((r) => ({ name: r.name, phone: r.phone })),
    emergency: p.emergency,
    emergencySignals: p.emergencySignals,
    attachments,
    linked: linked.map((l) => ({
      petitionId: l.id,
      trackingNo: l.trackingNo,
      relation: l.id === p.relatedPetitionId ? 'original' : 'repeat',
      registeredAt: toOffsetIso(l.registeredAt),
      status: l.status,
      triageOutcome: l.triageOutcome,
    })),
  };
}
