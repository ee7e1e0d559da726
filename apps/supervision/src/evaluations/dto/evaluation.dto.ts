import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { EvaluationSource, Satisfaction, toOffsetIso, type Page } from '@petition/contracts';
import { PageQueryDto } from '@petition/service-kit';
import type { EvaluationEntity } from '../entities/evaluation.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** How staff reached the petitioner on a callback (回访). */
export const CALLBACK_METHODS = ['phone', 'visit', 'sms', 'letter'] as const;

/** Body of `POST /api/evaluations`: staff record a callback. */
export class RecordCallbackDto {
  @ApiProperty() @IsUUID() petitionId!: string;

  @ApiProperty({ enum: Satisfaction, description: '满意 / 基本满意 / 不满意' })
  @IsEnum(Satisfaction)
  satisfaction!: Satisfaction;

  @ApiProperty({ description: 'The petitioner says the problem is solved' })
  @IsBoolean()
  solved!: boolean;

  @ApiProperty({ enum: CALLBACK_METHODS })
  @IsIn(CALLBACK_METHODS)
  method!: (typeof CALLBACK_METHODS)[number];

  @ApiProperty({ example: '电话回访，信访人表示问题已解决，对答复满意。' })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  summary!: string;
}

/** Filters of `GET /api/evaluations`. */
export class EvaluationQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() petitionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
}

/** An evaluation as supervisors see it. */
export class EvaluationView {
  @ApiProperty() id!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() replyId!: string;
  @ApiProperty({ description: 'The delivered reply round it judges' }) round!: number;
  @ApiProperty({ enum: Satisfaction }) satisfaction!: Satisfaction;
  @ApiProperty() solved!: boolean;
  @ApiProperty({ enum: EvaluationSource }) source!: EvaluationSource;
  @ApiProperty({ enum: ['online', ...CALLBACK_METHODS] }) method!: string;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ description: 'The latest evaluation of the matter: the one that counts' }) current!: boolean;

  static from(e: EvaluationEntity): EvaluationView {
    return {
      id: e.id,
      petitionId: e.petitionId,
      unitId: e.unitId,
      replyId: e.replyId,
      round: e.round,
      satisfaction: e.satisfaction,
      solved: e.solved,
      source: e.source,
      method: e.method,
      summary: e.summary,
      recordedBy: e.recordedBy,
      recordedAt: toOffsetIso(e.recordedAt),
      current: e.current,
    };
  }
}

/** A page of evaluations. */
export class EvaluationPage implements Page<EvaluationView> {
  @ApiProperty({ type: [EvaluationView] }) items!: EvaluationView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
