import { ApiProperty } from '@nestjs/swagger';

/** One of the petitioner's attachments (download it through the case-file attachment route). */
export class CaseFileAttachmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '现场照片.jpg' }) fileName!: string;
  @ApiProperty({ example: 'image/jpeg' }) contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes' }) sha256!: string;
  @ApiProperty() createdAt!: string;
}

/** A petition linked as the same matter raised before or again (重复信访). */
export class CaseFileLinkView {
  @ApiProperty({ format: 'uuid' }) petitionId!: string;
  @ApiProperty() trackingNo!: string;
  @ApiProperty({ enum: ['original', 'repeat'] }) relation!: 'original' | 'repeat';
  @ApiProperty() registeredAt!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String }) triageOutcome!: string | null;
}

/**
 * The whole petition for the unit that handles it (交办内容): intake's case file, read on the
 * caller's behalf. No personal data beyond masked names; the contact data is its own audited read.
 */
export class CaseFileView {
  @ApiProperty({ format: 'uuid' }) petitionId!: string;
  @ApiProperty() trackingNo!: string;
  @ApiProperty({ example: 'visit' }) channel!: string;
  @ApiProperty({ example: 'claim' }) nature!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The full text the petitioner gave' }) content!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() registeredAt!: string;
  @ApiProperty({ example: '李*' }) petitionerNameMasked!: string;
  @ApiProperty() headcount!: number;
  @ApiProperty({ description: 'Representatives of a collective petition, masked', example: [{ name: '张*', phone: '138****0000' }] })
  representatives!: Array<{ name: string; phone: string | null }>;
  @ApiProperty() emergency!: boolean;
  @ApiProperty({ type: [String] }) emergencySignals!: string[];
  @ApiProperty({ type: [CaseFileAttachmentView] }) attachments!: CaseFileAttachmentView[];
  @ApiProperty({ type: [CaseFileLinkView] }) linked!: CaseFileLinkView[];
}
