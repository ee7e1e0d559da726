import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Nature, Track, toOffsetIso } from '@petition/contracts';
import type { AssignmentEntity } from '../entities/assignment.entity';

/** `GET /api/assignments?petitionId=`. */
export class AssignmentQueryDto {
  @ApiProperty({ description: 'The petition whose assignments to list' })
  @IsUUID()
  petitionId!: string;
}

/** An assignment (交办单) as dispatchers and supervisors see it. */
export class AssignmentView {
  @ApiProperty() id!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty() trackingNo!: string;
  @ApiProperty() leadUnitId!: string;
  @ApiProperty({ type: [String] }) coHandlerUnitIds!: string[];
  @ApiProperty({ enum: Track }) track!: Track;
  @ApiProperty({ enum: Nature }) nature!: Nature;
  @ApiProperty() title!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ nullable: true, type: String }) instructions!: string | null;
  @ApiProperty({ nullable: true, type: String }) ruleId!: string | null;
  @ApiProperty({ enum: ['active', 'returned'] }) status!: string;
  @ApiProperty({ description: 'Acceptance deadline (unit_accept)' }) acceptDue!: string;
  @ApiProperty() acceptRuleSet!: string;
  @ApiProperty() acceptProvisional!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Return window (unit_return)' }) returnDue!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Handling stage; its deadline starts at acceptance, in handling' })
  handlingStage!: string | null;
  @ApiProperty({ description: "'routing' or 'dispatcher:<sub>'" }) assignedBy!: string;
  @ApiProperty() assignedAt!: string;
  @ApiProperty({ nullable: true, type: String }) returnedAt!: string | null;

  static from(a: AssignmentEntity): AssignmentView {
    return {
      id: a.id,
      petitionId: a.petitionId,
      trackingNo: a.trackingNo,
      leadUnitId: a.leadUnitId,
      coHandlerUnitIds: a.coHandlerUnitIds,
      track: a.track,
      nature: a.nature,
      title: a.title,
      categoryCode: a.categoryCode,
      regionCode: a.regionCode,
      instructions: a.instructions,
      ruleId: a.ruleId,
      status: a.status,
      acceptDue: toOffsetIso(a.acceptDue),
      acceptRuleSet: a.acceptRuleSet,
      acceptProvisional: a.acceptProvisional,
      assignedAt: toOffsetIso(a.assignedAt),
      returnDue: a.returnDue ? toOffsetIso(a.returnDue) : null,
      handlingStage: a.handlingStage,
      assignedBy: a.assignedBy,
      returnedAt: a.returnedAt ? toOffsetIso(a.returnedAt) : null,
    };
  }
}

export class AssignmentList {
  @ApiProperty({ type: [AssignmentView] }) items!: AssignmentView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
