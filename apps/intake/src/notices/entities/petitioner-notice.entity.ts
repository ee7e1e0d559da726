import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a notice stands: waiting to be sent (or retried), sent, given up, or without a mobile number to send to. */
export type NoticeStatus = 'pending' | 'sent' | 'failed' | 'no_recipient';

/** One notice to a petitioner: rendered from a versioned template when the step it tells of was recorded. */
@Entity({ name: 'petitioner_notices' })
@Index('petitioner_notices_petition_idx', ['petitionId', 'createdAt'])
export class PetitionerNoticeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  /** The timeline step it tells of; one notice per step. */
  @Column({ name: 'timeline_entry_id', type: 'uuid', nullable: true })
  timelineEntryId!: string | null;

  /** `registration`, `acceptance`, `non_acceptance`, `extension`, `reply_delivered`, `appeal_decision`, `closure`. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'template_id', type: 'text' })
  templateId!: string;

  @Column({ name: 'template_version', type: 'int' })
  templateVersion!: number;

  /** The message as sent: masked name, no ID number, no full phone. */
  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'recipient_masked', type: 'text', nullable: true })
  recipientMasked!: string | null;

  @Column({ type: 'text' })
  status!: NoticeStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true })
  provider!: string | null;

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
