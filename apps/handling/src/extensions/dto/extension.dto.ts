import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { toOffsetIso } from '@petition/contracts';
import { PageQueryDto } from '@petition/service-kit';
import type { ExtensionRequestEntity, ExtensionStatus } from '../entities/extension-request.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of `POST /api/work-items/:id/extension-requests`. */
export class RequestExtensionDto {
  @ApiProperty({
    minimum: 1,
    maximum: 30,
    example: 20,
    description: 'Calendar days added to the handling deadline (条例 Art. 34: at most 30)',
  })
  @IsInt()
  @Min(1)
  @Max(30)
  days!: number;

  @ApiProperty({ example: '需等待第三方检测报告，预计二十日内出具。', description: 'Told to the petitioner' })
  @Transform(trim)
  @IsString()
  @Length(2, 1000)
  reason!: string;
}

/** Body of `POST /api/extension-requests/:id/approve | deny`. */
export class DecideExtensionDto {
  @ApiPropertyOptional({ example: '同意延期二十日。' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 1000)
  note?: string;
}

export class ExtensionRequestView {
  @ApiProperty() id!: string;
  @ApiProperty() workItemId!: string;
  @ApiProperty() days!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'denied'] }) status!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ description: 'Handling deadline when the request was made' }) dueBefore!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Handling deadline after an approval' }) dueAfter!: string | null;

  static from(e: ExtensionRequestEntity): ExtensionRequestView {
    return {
      id: e.id,
      workItemId: e.workItemId,
      days: e.days,
      reason: e.reason,
      status: e.status,
      requestedBy: e.requestedBy,
      requestedAt: toOffsetIso(e.requestedAt),
      decidedBy: e.decidedBy,
      decidedAt: e.decidedAt ? toOffsetIso(e.decidedAt) : null,
      decisionNote: e.decisionNote,
      dueBefore: toOffsetIso(e.dueBefore),
      dueAfter: e.dueAfter ? toOffsetIso(e.dueAfter) : null,
    };
  }
}

/** `GET /api/extension-requests`: the unit's requests, oldest first. */
export class ExtensionRequestQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'denied'], description: 'pending: what waits for the unit head' })
  @IsOptional()
  @IsIn(['pending', 'approved', 'denied'], { message: 'status must be one of: pending, approved, denied' })
  status?: ExtensionStatus;
}

/** A request in the unit's list, with the matter it is about. */
export class ExtensionRequestListItemView extends ExtensionRequestView {
  @ApiProperty({ example: '440106-20261122-000001' }) trackingNo!: string;
  @ApiProperty() title!: string;
}

/** A page of the unit's requests. */
export class ExtensionRequestPage {
  @ApiProperty({ type: [ExtensionRequestListItemView] }) items!: ExtensionRequestListItemView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
