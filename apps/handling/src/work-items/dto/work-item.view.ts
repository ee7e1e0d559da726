import { ApiProperty } from '@nestjs/swagger';
import { AssignmentRole, Nature, Track, WorkItemStatus, toOffsetIso } from '@petition/contracts';
import type { WorkItemEntity } from '../entities/work-item.entity';

/** A work item in a unit's inbox. */
export class WorkItemView {
  @ApiProperty() id!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty() assignmentId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: AssignmentRole }) role!: AssignmentRole;
  @ApiProperty({ enum: WorkItemStatus }) status!: WorkItemStatus;
  @ApiProperty() trackingNo!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: Nature }) nature!: Nature;
  @ApiProperty({ enum: Track }) track!: Track;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ example: '张*' }) petitionerNameMasked!: string;
  @ApiProperty({ nullable: true, type: String }) instructions!: string | null;
  @ApiProperty({ description: 'The petition signals an emergency (紧急信息)' }) emergency!: boolean;
  @ApiProperty({ description: 'Acceptance deadline (unit_accept), as fixed at assignment' }) acceptDue!: string;
  @ApiProperty() acceptRuleSet!: string;
  @ApiProperty() assignedAt!: string;
  @ApiProperty({ nullable: true, type: String }) acceptedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'handling_standard / handling_fast / handling_suggestion, as dispatch named it; the clock starts at acceptance',
  })
  handlingStage!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Handling deadline, fixed at acceptance' }) handlingDue!: string | null;
  @ApiProperty({ nullable: true, type: String }) handlingRuleSet!: string | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'Computed on the provisional holiday calendar; recomputed when the official year is published',
  })
  handlingProvisional!: boolean | null;
  @ApiProperty({ nullable: true, type: String, description: 'First contact with the petitioner is due by' }) firstContactDue!:
    string | null;
  @ApiProperty({ description: 'The deadline the item is held to now: acceptance while assigned, handling once accepted' })
  currentDue!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Set while a return (退回) waits for the bureau' }) returnRequestedAt!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) returnReason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the bureau rejected the return' }) returnDecisionNote!: string | null;
  @ApiProperty({ enum: ['on_track', 'warning', 'overdue', 'done'], description: 'Against currentDue, at the time of the request' })
  deadlineState!: string;
  @ApiProperty({ description: 'Replies made so far (the next one is round replyCount + 1)' }) replyCount!: number;
  @ApiProperty({ nullable: true, type: String }) repliedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why supervision returned the reply for rework (退回重办)' }) reworkReason!:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The rework deadline supervision set; then also currentDue' }) reworkDue!:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the approved reply closed the matter for the unit' }) closedAt!:
    string | null;

  static from(w: WorkItemEntity, now: Date): WorkItemView {
    const open = w.status === WorkItemStatus.Assigned || w.status === WorkItemStatus.Accepted;
    const state = !open ? 'done' : now >= w.currentDue ? 'overdue' : now >= w.currentWarningAt ? 'warning' : 'on_track';
    return {
      id: w.id,
      petitionId: w.petitionId,
      assignmentId: w.assignmentId,
      unitId: w.unitId,
      role: w.role,
      status: w.status,
      trackingNo: w.trackingNo,
      title: w.title,
      nature: w.nature,
      track: w.track,
      categoryCode: w.categoryCode,
      regionCode: w.regionCode,
      petitionerNameMasked: w.petitionerNameMasked,
      instructions: w.instructions,
      emergency: w.emergency,
      acceptDue: toOffsetIso(w.acceptDue),
      acceptRuleSet: w.acceptRuleSet,
      assignedAt: toOffsetIso(w.assignedAt),
      acceptedAt: w.acceptedAt ? toOffsetIso(w.acceptedAt) : null,
      handlingStage: w.handlingStage,
      handlingDue: w.handlingDue ? toOffsetIso(w.handlingDue) : null,
      handlingRuleSet: w.handlingRuleSet,
      handlingProvisional: w.handlingProvisional,
      firstContactDue: w.firstContactDue ? toOffsetIso(w.firstContactDue) : null,
      currentDue: toOffsetIso(w.currentDue),
      deadlineState: state,
      returnRequestedAt: w.returnRequestedAt ? toOffsetIso(w.returnRequestedAt) : null,
      returnReason: w.returnReason,
      returnDecisionNote: w.returnDecisionNote,
      replyCount: w.replyCount,
      repliedAt: w.repliedAt ? toOffsetIso(w.repliedAt) : null,
      reworkReason: w.reworkReason,
      reworkDue: w.reworkDeadline ? w.reworkDeadline.due : null,
      closedAt: w.closedAt ? toOffsetIso(w.closedAt) : null,
    };
  }
}

export class WorkItemPage {
  @ApiProperty({ type: [WorkItemView] }) items!: WorkItemView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
