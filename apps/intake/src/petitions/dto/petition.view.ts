import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Channel, Nature, PetitionStatus, toOffsetIso } from '@petition/contracts';
import type { PetitionEntity } from '../entities/petition.entity';

/** A representative as staff lists show them: masked. */
export class MaskedRepresentativeView {
  @ApiProperty({ example: '王*' }) name!: string;
  @ApiProperty({ example: '138****5678', nullable: true, type: String }) phone!: string | null;
}

/** The triage decision, as staff see it (the note is internal). */
export class TriageView {
  @ApiProperty({ example: 'dispatch' }) outcome!: string;
  @ApiProperty({ nullable: true, type: String }) target!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Internal note; never shown to the petitioner' }) note!: string | null;
  @ApiProperty({ nullable: true, type: String }) relatedPetitionId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '"system" when decided at registration' }) by!: string | null;
  @ApiProperty({ nullable: true, type: String }) at!: string | null;
}

/** The written notice a decision not to accept owes the petitioner (条例 Art. 22). */
export class WrittenNoticeView {
  @ApiProperty({ example: '2026-11-18T00:00:00+08:00', description: 'Due instant (exclusive): 15 days from receipt' }) due!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When staff recorded it as given; null while pending' }) givenAt!:
    string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['post', 'in_person', 'online', 'sms'] }) method!: string | null;
}

/** A petition as staff lists show it: PII masked. */
export class PetitionView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '440106-20261122-000001' }) trackingNo!: string;
  @ApiProperty({ enum: Channel }) channel!: Channel;
  @ApiProperty({ enum: ['staff', 'online', 'hotline'] }) source!: string;
  @ApiProperty({ enum: Nature }) nature!: Nature;
  @ApiProperty({ enum: PetitionStatus }) status!: PetitionStatus;
  @ApiProperty() title!: string;
  @ApiProperty() content!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() anonymous!: boolean;
  @ApiProperty({ example: '张*' }) petitionerNameMasked!: string;
  @ApiProperty({ example: '4401**********1234', nullable: true, type: String }) petitionerIdMasked!: string | null;
  @ApiProperty({ example: '138****5678', nullable: true, type: String }) petitionerPhoneMasked!: string | null;
  @ApiProperty({ type: [MaskedRepresentativeView] }) representatives!: MaskedRepresentativeView[];
  @ApiProperty() headcount!: number;
  @ApiProperty() emergency!: boolean;
  @ApiProperty({ type: [String], example: ['self_harm'] }) emergencySignals!: string[];
  @ApiProperty({ nullable: true, type: String }) accusedUnitId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-11-20' }) letterReceivedOn!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) letterPostmark!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '138****5678' }) callerNumberMasked!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) externalOrderId!: string | null;
  @ApiProperty({ type: TriageView, nullable: true }) triage!: TriageView | null;
  @ApiProperty({ nullable: true, type: String, description: 'The answer given on the spot (当场答复)' }) answer!: string | null;
  @ApiProperty({ type: WrittenNoticeView, nullable: true, description: 'Only for a decision that does not accept the matter' })
  writtenNotice!: WrittenNoticeView | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000+08:00' }) registeredAt!: string;
  @ApiProperty({
    example: '2026-11-22T09:30:00.000+08:00',
    description: 'When the matter was received (a hotline order: the call); starts the routing period',
  })
  receivedAt!: string;
  @ApiProperty({
    example: 'clerk-1',
    description: 'Who registered it: the staff member (token subject; for a 12345 import, whoever ran it), or `online-portal`',
  })
  registeredBy!: string;

  static from(p: PetitionEntity): PetitionView {
    return {
      id: p.id,
      trackingNo: p.trackingNo,
      channel: p.channel,
      source: p.source,
      nature: p.nature,
      status: p.status,
      title: p.title,
      content: p.content,
      categoryCode: p.categoryCode,
      regionCode: p.regionCode,
      anonymous: p.anonymous,
      petitionerNameMasked: p.petitionerNameMasked,
      petitionerIdMasked: p.petitionerIdMasked,
      petitionerPhoneMasked: p.petitionerPhoneMasked,
      representatives: p.representativesMasked ?? [],
      headcount: p.headcount,
      emergency: p.emergency,
      emergencySignals: p.emergencySignals ?? [],
      accusedUnitId: p.accusedUnitId,
      letterReceivedOn: p.letterReceivedOn,
      letterPostmark: p.letterPostmark,
      callerNumberMasked: p.callerNumberMasked,
      externalOrderId: p.externalOrderId,
      triage: p.triageOutcome
        ? {
            outcome: p.triageOutcome,
            target: p.triageTarget,
            note: p.triageNote,
            relatedPetitionId: p.relatedPetitionId,
            by: p.triagedBy,
            at: p.triagedAt ? toOffsetIso(p.triagedAt) : null,
          }
        : null,
      answer: p.answerText ?? null,
      writtenNotice: p.noticeDue
        ? {
            due: toOffsetIso(p.noticeDue),
            givenAt: p.noticeGivenAt ? toOffsetIso(p.noticeGivenAt) : null,
            method: p.noticeMethod ?? null,
          }
        : null,
      registeredAt: toOffsetIso(p.registeredAt),
      receivedAt: toOffsetIso(p.receivedAt),
      registeredBy: p.registeredBy,
    };
  }
}

/** A page of petitions. */
export class PetitionPage {
  @ApiProperty({ type: [PetitionView] }) items!: PetitionView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
