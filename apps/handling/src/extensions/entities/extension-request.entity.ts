import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where an extension request stands. */
export type ExtensionStatus = 'pending' | 'approved' | 'denied';

/** A request for more handling time (延期申请), decided by the unit head. */
@Entity({ name: 'extension_requests' })
export class ExtensionRequestEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'work_item_id', type: 'uuid' }) workItemId!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ type: 'int' }) days!: number;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) status!: ExtensionStatus;
  @Column({ name: 'requested_by', type: 'text' }) requestedBy!: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ name: 'decided_by', type: 'text', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;
  @Column({ name: 'due_before', type: 'timestamptz' }) dueBefore!: Date;
  @Column({ name: 'due_after', type: 'timestamptz', nullable: true }) dueAfter!: Date | null;
}
