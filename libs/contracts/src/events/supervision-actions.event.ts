import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { DeadlineRef } from './deadline-ref';

/** Who started a supervision action: the escalation ladder (docs/rules.md) or a supervisor by hand. */
export enum ActionSource {
  Ladder = 'ladder',
  Supervisor = 'supervisor',
}

/** Level of a supervision order: 督办单, or 挂牌督办 (flagged supervision, public and escalated). */
export enum SupervisionLevel {
  Order = 'order',
  Flagged = 'flagged',
}

/** Type name of {@link UrgeIssuedPayload} on `petition.supervision.v1`. */
export const URGE_ISSUED = 'urge.issued';

/** An urge notice (催办) went to a unit. */
export class UrgeIssuedPayload {
  @IsUUID() urgeId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() unitId!: string;
  /** The overdue deadline that started it, when the ladder issued it. */
  @IsOptional() @IsUUID() deadlineId?: string | null;
  @IsOptional() @IsString() @Length(1, 40) stage?: string | null;
  @IsString() @Length(2, 2000) reason!: string;
  @IsEnum(ActionSource) source!: ActionSource;
  @IsISO8601({ strict: true }) issuedAt!: string;
}

/** Type name of {@link SupervisionOrderIssuedPayload} on `petition.supervision.v1`. */
export const SUPERVISION_ORDER_ISSUED = 'supervision_order.issued';

/** A supervision order (督办单) to a unit, copied to its leader, with its own answer deadline. */
export class SupervisionOrderIssuedPayload {
  @IsUUID() orderId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() unitId!: string;
  @IsOptional() @IsUUID() deadlineId?: string | null;
  @IsEnum(SupervisionLevel) level!: SupervisionLevel;
  @IsString() @Length(2, 2000) reason!: string;
  @IsEnum(ActionSource) source!: ActionSource;
  /** `supervision_order` stage: when the unit must answer. */
  @ValidateNested() @Type(() => DeadlineRef) answerDeadline!: DeadlineRef;
  @IsISO8601({ strict: true }) issuedAt!: string;
}

/** Type name of {@link SupervisionOrderAnsweredPayload} on `petition.supervision.v1`. */
export const SUPERVISION_ORDER_ANSWERED = 'supervision_order.answered';

/** The unit answered a supervision order. */
export class SupervisionOrderAnsweredPayload {
  @IsUUID() orderId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() unitId!: string;
  @IsBoolean() answeredOnTime!: boolean;
  @IsISO8601({ strict: true }) answeredAt!: string;
}
