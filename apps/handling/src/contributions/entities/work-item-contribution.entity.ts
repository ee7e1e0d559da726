import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A co-handler's (协办) part of the work, recorded on its own work item and read by the lead. */
@Entity({ name: 'work_item_contributions' })
export class WorkItemContributionEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  /** The co-handler's own work item. */
  @Column({ name: 'work_item_id', type: 'uuid' }) workItemId!: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  /** The co-handler unit. */
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ type: 'text' }) summary!: string;
  @Column({ name: 'added_by', type: 'text' }) addedBy!: string;
  @Column({ name: 'added_at', type: 'timestamptz' }) addedAt!: Date;
}
