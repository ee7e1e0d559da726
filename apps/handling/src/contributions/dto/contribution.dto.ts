import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { toOffsetIso } from '@petition/contracts';
import type { WorkItemContributionEntity } from '../entities/work-item-contribution.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of `POST /api/work-items/:id/contributions`. */
export class AddContributionDto {
  @ApiProperty({
    example: '经核查，该路段排水管网由我局负责养护，已安排于本周内清淤。',
    description: 'The co-handler’s part, for the lead unit (no petitioner contact data)',
  })
  @Transform(trim)
  @IsString()
  @Length(2, 5000)
  summary!: string;
}

/** A co-handler's contribution as the lead (all of them) or the co-handler (its own) sees it. */
export class ContributionView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The co-handler’s work item' }) workItemId!: string;
  @ApiProperty({ description: 'The co-handler unit' }) unitId!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() addedBy!: string;
  @ApiProperty() addedAt!: string;

  static from(c: WorkItemContributionEntity): ContributionView {
    return {
      id: c.id,
      workItemId: c.workItemId,
      unitId: c.unitId,
      summary: c.summary,
      addedBy: c.addedBy,
      addedAt: toOffsetIso(c.addedAt),
    };
  }
}
