import { ApiProperty } from '@nestjs/swagger';
import { toOffsetIso } from '@petition/contracts';
import type { PetitionerNoticeEntity } from '../entities/petitioner-notice.entity';

/** A notice to the petitioner, as staff see it: the text sent, to a masked number, and how delivery went. */
export class NoticeView {
  @ApiProperty() id!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty({ enum: ['registration', 'acceptance', 'non_acceptance', 'extension', 'reply_delivered', 'appeal_decision', 'closure'] })
  kind!: string;
  @ApiProperty({ example: 'registration' }) templateId!: string;
  @ApiProperty({ example: 1 }) templateVersion!: number;
  @ApiProperty({ example: '张*您好：您的信访事项已登记，编号440106-20261102-000001。…' }) text!: string;
  @ApiProperty({ nullable: true, type: String, example: '138****5678' }) recipient!: string | null;
  @ApiProperty({ enum: ['pending', 'sent', 'failed', 'no_recipient'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'When a pending notice is tried next' }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'sms:local' }) provider!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;

  static from(n: PetitionerNoticeEntity): NoticeView {
    return {
      id: n.id,
      petitionId: n.petitionId,
      kind: n.kind,
      templateId: n.templateId,
      templateVersion: n.templateVersion,
      text: n.text,
      recipient: n.recipientMasked,
      status: n.status,
      attempts: n.attempts,
      nextAttemptAt: n.nextAttemptAt ? toOffsetIso(n.nextAttemptAt) : null,
      lastError: n.lastError,
      provider: n.provider,
      createdAt: toOffsetIso(n.createdAt),
      sentAt: n.sentAt ? toOffsetIso(n.sentAt) : null,
    };
  }
}

/** A page of notices. */
export class NoticePage {
  @ApiProperty({ type: [NoticeView] }) items!: NoticeView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
