import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import type { DeliveryMethod } from '../entities/review.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Delivery methods of an approved reply. */
export const DELIVERY_METHODS: readonly DeliveryMethod[] = ['online', 'post', 'in_person'];

/** Body of `POST /api/reviews/:id/approve`. */
export class ApproveReviewDto {
  @ApiPropertyOptional({ example: '事实清楚，依据充分，同意答复。' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 2000)
  comment?: string;

  @ApiProperty({
    enum: DELIVERY_METHODS,
    description: 'online: delivered to the petitioner’s account at once; post and in_person: record the delivery later',
  })
  @IsIn(DELIVERY_METHODS)
  delivery!: DeliveryMethod;
}

/** Body of `POST /api/reviews/:id/return`. */
export class ReturnReviewDto {
  @ApiProperty({ example: '未说明法律依据，请补充后重新答复。', description: 'Told to the lead unit' })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  reason!: string;
}

/** Body of `POST /api/reviews/:id/delivered`. */
export class RecordDeliveryDto {
  @ApiProperty({
    example: '2026-11-25T15:30:00+08:00',
    description: 'When the reply reached the petitioner; not before the approval, not in the future',
  })
  @IsISO8601({ strict: true })
  deliveredAt!: string;
}
