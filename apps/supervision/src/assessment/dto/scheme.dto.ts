import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsObject, IsOptional, IsString, Length, Matches, Max, Min, IsInt } from 'class-validator';

/** A new version of a scoring scheme (`POST /api/assessment-schemes`). */
export class CreateSchemeVersionDto {
  @ApiProperty({ example: 'three_rates', description: 'Scheme name; a new name starts at version 1' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'name must be lower-case letters, digits and _ (≤ 40)' })
  name!: string;

  @ApiProperty({
    example: { acceptance: 30, resolution: 35, satisfaction: 35 },
    description: 'Points per rate KPI (acceptance, on_time, quality, participation, satisfaction, resolution, one_time)',
  })
  @IsObject()
  weights!: Record<string, number>;

  @ApiProperty({ example: 1, description: 'Points off per repeat petition' })
  @IsNumber()
  @Min(0)
  @Max(100)
  repeatPenalty!: number;

  @ApiProperty({ example: 10 })
  @IsNumber()
  @Min(0)
  @Max(100)
  repeatPenaltyCap!: number;

  @ApiProperty({ example: 0.5, description: 'Points off per overdue matter' })
  @IsNumber()
  @Min(0)
  @Max(100)
  overduePenalty!: number;

  @ApiProperty({ example: 10 })
  @IsNumber()
  @Min(0)
  @Max(100)
  overduePenaltyCap!: number;

  @ApiPropertyOptional({ example: 5, default: 5 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  minMatters?: number;

  @ApiPropertyOptional({ description: 'Why the city changed it (e.g. the decision document)' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}
