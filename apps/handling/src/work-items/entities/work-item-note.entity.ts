import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An internal note on a unit's work item; never shown to the petitioner. */
@Entity({ name: 'work_item_notes' })
export class WorkItemNoteEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'work_item_id', type: 'uuid' }) workItemId!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text' }) author!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
