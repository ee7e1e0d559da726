import { ApiProperty } from '@nestjs/swagger';
import { AppealKind, AppealOutcome, DeadlineRef, toOffsetIso, type Page } from '@petition/contracts';
import type { Deadline } from '@petition/deadlines';
import { FlowDeadlines } from '../../matters/flow-deadlines';
import type { AppealEntity } from '../entities/appeal.entity';

/** A hearing of a re-examination: a pause of its decision deadline. */
export class HearingView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() by!: string;
  @ApiProperty() reason!: string;
}

/** An appeal as staff see it. */
export class AppealView {
  @ApiProperty() id!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty({ enum: AppealKind }) kind!: AppealKind;
  @ApiProperty({ nullable: true, type: String }) unitId!: string | null;
  @ApiProperty({ enum: ['petitioner', 'staff'] }) source!: string;
  @ApiProperty() grounds!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() registeredBy!: string;
  @ApiProperty() registeredAt!: string;
  @ApiProperty({ enum: ['filed', 'decided', 'refused'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) refusalCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) refusalReason!: string | null;
  @ApiProperty({ nullable: true, type: DeadlineRef, description: 'review_decision / reexam_decision from receipt, hearings excluded' })
  decisionDeadline!: DeadlineRef | null;
  @ApiProperty({ type: [HearingView] }) hearings!: HearingView[];
  @ApiProperty({ nullable: true, enum: AppealOutcome }) outcome!: AppealOutcome | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: DeadlineRef, description: 'After a review: reexam_request from the decision' })
  nextRequestDeadline!: DeadlineRef | null;

  static from(a: AppealEntity, deadline: Deadline | null): AppealView {
    return {
      id: a.id,
      petitionId: a.petitionId,
      kind: a.kind,
      unitId: a.unitId,
      source: a.source,
      grounds: a.grounds,
      receivedAt: toOffsetIso(a.receivedAt),
      registeredBy: a.registeredBy,
      registeredAt: toOffsetIso(a.registeredAt),
      status: a.status,
      refusalCode: a.refusalCode,
      refusalReason: a.refusalReason,
      decisionDeadline: deadline ? FlowDeadlines.toRef(deadline) : null,
      hearings: (deadline?.pauses ?? []).map((p) => ({ from: p.from, to: p.to ?? p.from, by: p.by, reason: p.reason })),
      outcome: a.outcome,
      decisionReason: a.decisionReason,
      decidedBy: a.decidedBy,
      decidedAt: FlowDeadlines.iso(a.decidedAt),
      nextRequestDeadline: a.nextRequestDeadline,
    };
  }
}

/** A page of appeals. */
export class AppealPage implements Page<AppealView> {
  @ApiProperty({ type: [AppealView] }) items!: AppealView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
