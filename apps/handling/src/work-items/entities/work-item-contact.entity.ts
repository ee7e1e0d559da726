import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How the unit reached the petitioner. */
export enum ContactMethod {
  Phone = 'phone',
  Visit = 'visit',
  Meeting = 'meeting',
  Letter = 'letter',
  Sms = 'sms',
  Online = 'online',
}

/** A contact with the petitioner (联系信访人), recorded by the lead unit. */
@Entity({ name: 'work_item_contacts' })
export class WorkItemContactEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'work_item_id', type: 'uuid' }) workItemId!: string;
  @Column({ name: 'contacted_at', type: 'timestamptz' }) contactedAt!: Date;
  @Column({ type: 'text' }) method!: ContactMethod;
  @Column({ type: 'text' }) summary!: string;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
