import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AppealKind, Satisfaction } from '@petition/contracts';
import { trim } from '../../petitions/dto/validators';

/** The shape of a query code (see petitions/query-codes.ts). */
export const QUERY_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{8}$/;

/** The query code, always in a request body (or the `X-Query-Code` header of an upload): never in a URL. */
export class PublicQueryCodeDto {
  @ApiProperty({ example: 'K7M2Q9XP' })
  @IsString()
  @Matches(QUERY_CODE_PATTERN, { message: 'queryCode must be the 8-character code given at registration' })
  queryCode!: string;
}

/**
 * Body of `POST /api/public/petitions/lookup`: the tracking number and the query code travel in
 * the body, so neither lands in a URL, a proxy log or the browser's history.
 */
export class PublicLookupDto extends PublicQueryCodeDto {
  @ApiProperty({ example: '440106-20261122-000001' })
  @IsString()
  @Matches(/^\d{6}-\d{8}-\d{6}$/, { message: 'trackingNo must be a tracking number such as 440106-20261122-000001' })
  trackingNo!: string;
}

/** The petitioner's evaluation of a reply (满意度评价). */
export class SubmitEvaluationDto extends PublicQueryCodeDto {
  @ApiProperty({ enum: Satisfaction }) @IsEnum(Satisfaction) satisfaction!: Satisfaction;
  @ApiProperty({ description: 'Is the problem solved?' }) @IsBoolean() solved!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 2000)
  comment?: string;
}

/** A review (复查) or re-examination (复核) request. */
export class RequestAppealDto extends PublicQueryCodeDto {
  @ApiProperty({ enum: AppealKind }) @IsEnum(AppealKind) kind!: AppealKind;

  @ApiProperty({ example: '答复未解决积水问题，请求复查。' })
  @Transform(trim)
  @IsString()
  @Length(5, 5000)
  grounds!: string;
}
