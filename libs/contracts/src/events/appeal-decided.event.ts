import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { AppealKind } from './appeal-requested.event';
import { DeadlineRef } from './deadline-ref';

/** Type name of {@link AppealFiledPayload} on `petition.supervision.v1`. */
export const APPEAL_FILED = 'appeal.filed';
/** Type name of {@link AppealDecidedPayload} on `petition.supervision.v1`. */
export const APPEAL_DECIDED = 'appeal.decided';

/** A review or re-examination decision (维持 / 变更 / 撤销). */
export enum AppealOutcome {
  Upheld = 'upheld',
  Changed = 'changed',
  Revoked = 'revoked',
}

/** Supervision accepted a review (复查) or re-examination (复核) request; its decision deadline runs. */
export class AppealFiledPayload {
  @IsUUID() appealId!: string;
  @IsUUID() petitionId!: string;
  @IsEnum(AppealKind) kind!: AppealKind;
  @IsOptional() @IsUUID() unitId?: string | null;
  @ValidateNested() @Type(() => DeadlineRef) decisionDeadline!: DeadlineRef;
  @IsISO8601({ strict: true }) filedAt!: string;
}

/** A review or re-examination was decided. After a review, the re-examination window runs. */
export class AppealDecidedPayload {
  @IsUUID() appealId!: string;
  @IsUUID() petitionId!: string;
  @IsEnum(AppealKind) kind!: AppealKind;
  @IsEnum(AppealOutcome) outcome!: AppealOutcome;
  /** `reexam_request` after a review decision; null after a re-examination. */
  @IsOptional() @ValidateNested() @Type(() => DeadlineRef) nextRequestDeadline?: DeadlineRef | null;
  /**
   * The decision's reasons (复查/复核意见), written for the petitioner, who is told them (条例
   * Art. 35). Optional: decisions published before it was added lack it.
   */
  @IsOptional() @IsString() @Length(2, 5000) reason?: string | null;
  @IsISO8601({ strict: true }) decidedAt!: string;
}
