import { ApiProperty } from '@nestjs/swagger';
import { Channel, Nature, PetitionStatus } from '@petition/contracts';
import { AttachmentView } from '../../attachments/dto/attachment.view';

/** A representative of a collective petition, masked (the full data is the contact read's). */
export class MaskedRepresentativeView {
  @ApiProperty({ example: '张*' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: '138****0000' }) phone!: string | null;
}

/** A petition linked to this one as the same matter raised again (重复信访). */
export class LinkedPetitionView {
  @ApiProperty({ format: 'uuid' }) petitionId!: string;
  @ApiProperty() trackingNo!: string;
  @ApiProperty({ enum: ['original', 'repeat'], description: 'original: this petition repeats it; repeat: it repeats this petition' })
  relation!: 'original' | 'repeat';
  @ApiProperty() registeredAt!: string;
  @ApiProperty({ enum: PetitionStatus }) status!: PetitionStatus;
  @ApiProperty({ nullable: true, type: String, description: 'triage outcome (dispatch, inform, forward, refuse, link_repeat)' })
  triageOutcome!: string | null;
}

/**
 * The whole petition as the units that handle it read it (交办内容): what was raised, by how many,
 * with which evidence, and what came before. No personal data beyond masked names: the contact
 * data is its own audited read.
 */
export class CaseFileView {
  @ApiProperty({ format: 'uuid' }) petitionId!: string;
  @ApiProperty() trackingNo!: string;
  @ApiProperty({ enum: Channel }) channel!: Channel;
  @ApiProperty({ enum: Nature }) nature!: Nature;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The full text the petitioner gave (or the clerk recorded)' }) content!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ description: 'When the petition reached the platform (the hotline call, the letter received)' }) receivedAt!: string;
  @ApiProperty() registeredAt!: string;
  @ApiProperty({ example: '李*' }) petitionerNameMasked!: string;
  @ApiProperty({ description: 'People raising it together (5 or more: a collective petition)' }) headcount!: number;
  @ApiProperty({ type: [MaskedRepresentativeView] }) representatives!: MaskedRepresentativeView[];
  @ApiProperty() emergency!: boolean;
  @ApiProperty({ type: [String], description: 'Why it was flagged as an emergency (紧急信息)' }) emergencySignals!: string[];
  @ApiProperty({ type: [AttachmentView], description: 'What the petitioner brought; download each through the case-file attachment route' })
  attachments!: AttachmentView[];
  @ApiProperty({ type: [LinkedPetitionView], description: 'The matter raised before or again (repeats), with where each stands' })
  linked!: LinkedPetitionView[];
}
