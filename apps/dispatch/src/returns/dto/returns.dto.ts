import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEnum, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Track, toOffsetIso } from '@petition/contracts';
import { PageQueryDto } from '@petition/service-kit';
import type { AssignmentReturnEntity } from '../entities/assignment-return.entity';

/** Body of `POST /api/assignments/:id/returns`. */
export class RequestReturnDto {
  @ApiProperty({ example: '该路段排水设施属市水务局管养，非本单位职责' }) @IsString() @Length(1, 2000) reason!: string;
}

/**
 * Body of `POST /api/returns/:id/confirm`. Without a lead unit, routing re-dispatches by the
 * rules, skipping every unit that returned the matter; with one, the dispatcher decides.
 */
export class ConfirmReturnDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() leadUnitId?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  coHandlerUnitIds?: string[];
  @ApiPropertyOptional({ enum: Track }) @IsOptional() @IsEnum(Track) track?: Track;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) instructions?: string;
}

/** Body of `POST /api/returns/:id/reject`. */
export class RejectReturnDto {
  @ApiProperty({ example: '经核实属本单位职责，请依法受理' }) @IsString() @Length(1, 2000) note!: string;
}

/** Filters of `GET /api/returns`. */
export class ReturnQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['requested', 'confirmed', 'rejected'], default: 'requested' })
  @IsOptional()
  @IsIn(['requested', 'confirmed', 'rejected'])
  status?: 'requested' | 'confirmed' | 'rejected';
}

/** A return request and its decision. */
export class ReturnView {
  @ApiProperty() id!: string;
  @ApiProperty() assignmentId!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ enum: ['requested', 'confirmed', 'rejected'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;

  static from(r: AssignmentReturnEntity): ReturnView {
    return {
      id: r.id,
      assignmentId: r.assignmentId,
      petitionId: r.petitionId,
      unitId: r.unitId,
      reason: r.reason,
      requestedBy: r.requestedBy,
      requestedAt: toOffsetIso(r.requestedAt),
      status: r.status,
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt ? toOffsetIso(r.decidedAt) : null,
      decisionNote: r.decisionNote,
    };
  }
}

export class ReturnPage {
  @ApiProperty({ type: [ReturnView] }) items!: ReturnView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
