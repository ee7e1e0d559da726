import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ActionSource, SupervisionLevel } from '@petition/contracts';
import { PageQueryDto } from '@petition/service-kit';

/** Body of `POST /api/urges`. */
export class IssueUrgeDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() petitionId!: string;
  @ApiProperty({ format: 'uuid', description: 'The unit urged' }) @IsUUID() unitId!: string;
  @ApiProperty({ example: '请于两个工作日内反馈办理进度', minLength: 2, maxLength: 2000 }) @IsString() @Length(2, 2000) reason!: string;
}

/** Body of `POST /api/supervision-orders`. */
export class IssueSupervisionOrderDto extends IssueUrgeDto {
  @ApiProperty({ enum: SupervisionLevel, description: 'order: 督办单; flagged: 挂牌督办' })
  @IsEnum(SupervisionLevel)
  level!: SupervisionLevel;
}

/** Body of `POST /api/supervision-orders/:id/answer`. */
export class AnswerSupervisionOrderDto {
  @ApiProperty({ example: '已约谈相关责任人，整改措施如下……', minLength: 2, maxLength: 5000 }) @IsString() @Length(2, 5000) answer!: string;
}

/** Filters of `GET /api/supervision-orders`. */
export class SupervisionOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Unit staff always see their own unit's only" })
  @IsOptional()
  @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({ enum: ['open', 'answered'] }) @IsOptional() @IsIn(['open', 'answered']) state?: 'open' | 'answered';
}

/** An urge notice (催办). */
export class UrgeView {
  @ApiProperty() id!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ nullable: true, type: String }) deadlineId!: string | null;
  @ApiProperty({ nullable: true, type: String }) stage!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ActionSource }) source!: ActionSource;
  @ApiProperty() issuedAt!: string;
}

/** A supervision order (督办单 / 挂牌督办) and its answer. */
export class SupervisionOrderView {
  @ApiProperty() id!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ nullable: true, type: String }) deadlineId!: string | null;
  @ApiProperty({ enum: SupervisionLevel }) level!: SupervisionLevel;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ActionSource }) source!: ActionSource;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ description: 'When the unit must answer (supervision_order, 5 working days)' }) answerDue!: string;
  @ApiProperty({ enum: ['open', 'answered'] }) state!: 'open' | 'answered';
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) answeredOnTime!: boolean | null;
}

/** A page of supervision orders. */
export class SupervisionOrderPage {
  @ApiProperty({ type: [SupervisionOrderView] }) items!: SupervisionOrderView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** One line of a unit's supervision record. */
export class UnitRecordEntryView {
  @ApiProperty({ enum: ['urge', 'supervision_order', 'flagged_supervision', 'overdue'] }) kind!:
    'urge' | 'supervision_order' | 'flagged_supervision' | 'overdue';
  @ApiProperty({ description: 'Id of the urge, order or tracked deadline' }) id!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty({ description: 'When it was issued (overdue: when the overdue flag fired)' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) stage!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ActionSource }) source!: ActionSource | null;
  @ApiProperty({ nullable: true, type: String, description: 'Order: open / answered; overdue deadline: open / overdue_met / cancelled' })
  state!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Order: answer due; overdue deadline: its due instant' }) due!: string | null;
}

/** A page of a unit's record, newest first. */
export class UnitRecordPage {
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: [UnitRecordEntryView] }) items!: UnitRecordEntryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
