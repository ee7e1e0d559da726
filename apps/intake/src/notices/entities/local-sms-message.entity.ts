import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the embedded SMS gateway "sent" when no provider is configured: the phone's inbox, masked. */
@Entity({ name: 'local_sms_messages' })
export class LocalSmsMessageEntity {
  /** The notice id: a retried send is recorded once. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'to_masked', type: 'text' })
  toMasked!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;
}
